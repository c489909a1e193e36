"""Pickup in store: an accepted PICKUP order is made ready at the counter (with the code
the customer will show), handed over against that code, or cancelled by the server when
nobody came by `pickup_expires_at` (the sweep in models.operations.deadlines claims it,
`give_back_uncollected` does the rest in the claim's transaction).
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid
from models.operations import webhook_queue
from models.operations.cancellation_requests import refuse_while_requested
from models.operations.fulfillment import hand_over
from models.operations.fulfillment_state import (
    next_status,
    record,
    refuse_if_held,
    release_fulfillment_line,
    remaining,
    work_on,
)
from models.operations.order_state import refresh_status
from models.operations.routing import current_settings
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.lifecycle import (
    CancelReason,
    DeliveryMethod,
    FulfillmentAction,
    OrderStatus,
)
from models.rules.pickup import MAX_CODE_ATTEMPTS, CodeCheck, check_code, expires_at, new_code
from models.rules.scopes import Actor, Role
from models.tables import FulfillmentOrder, FulfillmentOrderLine, Order, OrderLine

_FIELD = "fulfillmentOrderId"


def _refuse_unless_pickup(order: Order) -> None:
    if order.delivery_method != DeliveryMethod.PICKUP.value:
        raise invalid(
            f"order {order.number} is a {order.delivery_method} order: ship it instead", [_FIELD]
        )


async def mark_ready_for_pickup(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    """ACCEPTED or PACKED -> READY_FOR_PICKUP, with a fresh code and the date it expires."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor, _FIELD)
        _refuse_unless_pickup(order)
        await refuse_if_held(order)
        await refuse_while_requested(fulfillment_order)
        fulfillment_order.status = next_status(
            fulfillment_order, FulfillmentAction.MARK_READY_FOR_PICKUP
        )
        hold_days = (await current_settings()).pickup_hold_days
        fulfillment_order.ready_for_pickup_at = now
        fulfillment_order.pickup_expires_at = expires_at(now, hold_days)
        fulfillment_order.pickup_code = new_code()
        fulfillment_order.pickup_code_attempts = 0
        await fulfillment_order.save(
            update_fields=[
                "status",
                "ready_for_pickup_at",
                "pickup_expires_at",
                "pickup_code",
                "pickup_code_attempts",
                "updated_at",
            ]
        )
        # The code stays out of the timeline: the store's staff read it.
        await record(
            order,
            fulfillment_order,
            OrderEventType.READY_FOR_PICKUP,
            f"is ready for pickup until {fulfillment_order.pickup_expires_at.isoformat()}",
            actor,
            tell=FulfillmentOrderEventType.READY_FOR_PICKUP,
        )
        await webhook_queue.enqueue(order, "order.ready_for_pickup", fulfillment_order)
        await refresh_status(order, actor)
    return fulfillment_order


async def mark_picked_up(
    fulfillment_order_id: int, pickup_code: str | None, actor: Actor
) -> FulfillmentOrder:
    """The customer collected it. A wrong code is counted (committed) before it is refused;
    after MAX_CODE_ATTEMPTS wrong ones only an ADMIN, who may omit the code, hands it over."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor, _FIELD)
        _refuse_unless_pickup(order)
        await refuse_if_held(order)
        await refuse_while_requested(fulfillment_order)
        # The state machine first: a code for work that is not ready says so, uncounted.
        next_status(fulfillment_order, FulfillmentAction.PICK_UP)
        verdict = check_code(
            fulfillment_order.pickup_code,
            pickup_code,
            fulfillment_order.pickup_code_attempts,
            may_skip_code=actor.role is Role.ADMIN,
        )
        if verdict is CodeCheck.ACCEPTED:
            await hand_over(order, fulfillment_order, actor, now)
            return fulfillment_order
        if verdict is CodeCheck.MISMATCH:
            await FulfillmentOrder.filter(id=fulfillment_order.id).update(
                pickup_code_attempts=F("pickup_code_attempts") + 1
            )
            attempts = fulfillment_order.pickup_code_attempts + 1
    # Outside the transaction: the counted attempt stays counted.
    field = ["pickupCode"]
    if verdict is CodeCheck.MISSING:
        raise DomainError(
            ErrorCode.PICKUP_CODE_MISMATCH, "give the pickup code the customer shows", field
        )
    if verdict is CodeCheck.LOCKED:
        raise DomainError(
            ErrorCode.PICKUP_CODE_LOCKED,
            f"{MAX_CODE_ATTEMPTS} wrong pickup codes were given for fulfillment order "
            f"{fulfillment_order_id}: an admin must check the customer and hand it over",
            field,
        )
    left = max(MAX_CODE_ATTEMPTS - attempts, 0)
    raise DomainError(
        ErrorCode.PICKUP_CODE_MISMATCH,
        f"that is not the pickup code of order {order.number}; {left} attempt(s) left",
        field,
    )


async def give_back_uncollected(
    order: Order, fulfillment_order: FulfillmentOrder, actor: Actor, now: datetime
) -> None:
    """Inside the claim's transaction (the fulfillment order is CANCELLED already): its
    units are cancelled on the order and their reservations released, the timeline and the
    store say why, and an order left with nothing reads CANCELLED (the customer's doing)."""
    reference = f"order:{order.number}"
    released = 0
    for fo_line in await FulfillmentOrderLine.filter(
        fulfillment_order_id=fulfillment_order.id
    ).order_by("id"):
        take = remaining(fo_line)
        if take <= 0:
            continue
        await release_fulfillment_line(fulfillment_order, fo_line, take, actor, reference)
        await OrderLine.filter(id=fo_line.order_line_id).update(
            cancelled_quantity=F("cancelled_quantity") + take,
            allocated_quantity=F("allocated_quantity") - take,
        )
        released += take
    await record(
        order,
        fulfillment_order,
        OrderEventType.PICKUP_EXPIRED,
        f"was not collected by {fulfillment_order.pickup_expires_at.isoformat()}: "  # type: ignore[union-attr]
        f"cancelled, {released} unit(s) back in stock",
        actor,
        tell=FulfillmentOrderEventType.PICKUP_EXPIRED,
    )
    if await refresh_status(order, actor) is OrderStatus.CANCELLED and order.cancelled_at is None:
        order.cancel_reason = CancelReason.CUSTOMER.value
        order.cancelled_at = now
        await order.save(update_fields=["cancel_reason", "cancelled_at"])
