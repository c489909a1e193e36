"""An assignee refuses a fulfillment order: what it has not shipped goes back (with the
reason's effect on the shelf) and is routed elsewhere at once. The deadline sweeper
(models.operations.deadlines) gives work back the same way."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from tortoise.transactions import in_transaction

from models.operations.fulfillment_state import (
    is_held,
    lines_of,
    next_status,
    optional_text,
    record,
    release_fulfillment_line,
    remaining,
    work_on,
)
from models.operations.order_routing import route_order
from models.operations.order_state import refresh_status
from models.operations.reservations import retry_on_conflict
from models.operations.stock import change_on_hand
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.inventory import LedgerReason, on_hand_after_out_of_stock
from models.rules.lifecycle import FulfillmentAction
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, InventoryLevel, Order

MESSAGE_MAX = 1000  # fulfillment_order.reject_message


class RejectReason(StrEnum):
    """Why an assignee refuses a fulfillment order; it also says what happened to the stock."""

    OUT_OF_STOCK = "OUT_OF_STOCK"  # none left for this order: available drops to 0 there
    DAMAGED = "DAMAGED"  # the units are unsellable: onHand drops by the rejected quantity
    CAPACITY = "CAPACITY"
    INCORRECT_ADDRESS = "INCORRECT_ADDRESS"
    OTHER = "OTHER"


# The reject_reason the deadline sweeper writes; not a reason an assignee can give.
SLA_EXPIRED = "SLA_EXPIRED"


async def _stock_effect(
    level_id: int, quantity: int, reason: RejectReason, actor: Actor, reference: str
) -> None:
    """What a rejection says about the shelf, after its reservation was released."""
    level = await InventoryLevel.get(id=level_id)
    if reason is RejectReason.OUT_OF_STOCK:
        # Our own reservation is gone, so `reserved` is exactly what others still hold.
        target = on_hand_after_out_of_stock(level.reserved)
        await change_on_hand(
            level, target - level.on_hand, LedgerReason.REJECTED_OUT_OF_STOCK, actor, reference
        )
    elif reason is RejectReason.DAMAGED:
        await change_on_hand(level, -quantity, LedgerReason.REJECTED_DAMAGED, actor, reference)


async def give_back_and_route(
    order: Order,
    fulfillment_order: FulfillmentOrder,
    actor: Actor,
    now: datetime,
    reason: RejectReason | None = None,
) -> int:
    """A fulfillment order was just marked REJECTED: free what it has not shipped (with the
    reason's stock effect), then route it again. REJECTED keeps the routing away from this
    assignee. A held order is routed when the hold is released. Returns the units given back."""
    reference = f"order:{order.number}"
    given_back = 0
    for line in await lines_of(fulfillment_order):
        quantity = remaining(line.fo_line)
        if quantity <= 0:
            continue
        await release_fulfillment_line(fulfillment_order, line.fo_line, quantity, actor, reference)
        line.order_line.allocated_quantity -= quantity
        await line.order_line.save(update_fields=["allocated_quantity"])
        if line.level_id is not None and reason is not None:
            await _stock_effect(line.level_id, quantity, reason, actor, reference)
        given_back += quantity
    if not await is_held(order):
        await route_order(order, actor, now)
    await refresh_status(order, actor)
    return given_back


async def reject(
    fulfillment_order_id: int, reason: RejectReason, message: str | None, actor: Actor
) -> FulfillmentOrder:
    """Refuse the work: its unshipped quantity goes back and is routed elsewhere at once."""
    message = optional_text(message, MESSAGE_MAX, "message")

    async def attempt(last: bool) -> FulfillmentOrder:
        now = datetime.now(UTC)
        async with in_transaction():
            order, fulfillment_order = await work_on(fulfillment_order_id, actor)
            fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.REJECT)
            fulfillment_order.rejected_at = now
            fulfillment_order.reject_reason = reason.value
            fulfillment_order.reject_message = message
            await fulfillment_order.save(
                update_fields=[
                    "status",
                    "rejected_at",
                    "reject_reason",
                    "reject_message",
                    "updated_at",
                ]
            )
            await record(
                order,
                fulfillment_order,
                OrderEventType.REJECTED,
                f"rejected ({reason.value})" + (f": {message}" if message else ""),
                actor,
                {"reason": reason.value},
                tell=FulfillmentOrderEventType.REJECTED,
            )
            await give_back_and_route(order, fulfillment_order, actor, now, reason)
            return fulfillment_order

    return await retry_on_conflict(attempt)
