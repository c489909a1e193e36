"""A fulfillment order inside an operation: locked for work by its assignee, moved
through the `FULFILLMENT_ORDER` state machine, its lines in stock-level order, its
timeline entries, and closed when nothing is left to ship. The use cases live in
fulfillment (the assignee's work), rejection and fulfillment_move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events
from models.operations.order_state import locked_order
from models.operations.reservations import release
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.lifecycle import (
    FULFILLMENT_ORDER,
    FulfillmentAction,
    FulfillmentOrderStatus,
    TransitionError,
)
from models.rules.scopes import Actor, may_work_fulfillment
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLevel,
    Location,
    Order,
    OrderHold,
    OrderLine,
    Vendor,
)


class NotAssignee(Exception):
    """The actor is neither the fulfillment order's assignee nor an admin (FORBIDDEN)."""


async def work_on(
    fulfillment_order_id: int, actor: Actor, field: str = "id"
) -> tuple[Order, FulfillmentOrder]:
    """Inside a transaction: the locked order and the fulfillment order, which the actor
    must be allowed to work. The fulfillment order is read after the lock, so a concurrent
    move or rejection is seen."""
    found = await FulfillmentOrder.get_or_none(id=fulfillment_order_id)
    if found is None:
        raise not_found("fulfillment order", fulfillment_order_id, [field])
    order = await locked_order(found.order_id)  # type: ignore[attr-defined]
    fulfillment_order = await FulfillmentOrder.get(id=fulfillment_order_id)
    if not may_work_fulfillment(
        actor,
        fulfillment_order.location_id,  # type: ignore[attr-defined]
        fulfillment_order.vendor_id,  # type: ignore[attr-defined]
    ):
        raise NotAssignee(f"this key may not work fulfillment order {fulfillment_order_id}")
    return order, fulfillment_order


def next_status(fulfillment_order: FulfillmentOrder, action: FulfillmentAction) -> str:
    """The status `action` leads to, or INVALID_TRANSITION saying where it is allowed from."""
    try:
        target = FULFILLMENT_ORDER.apply(FulfillmentOrderStatus(fulfillment_order.status), action)
    except TransitionError as error:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"fulfillment order {fulfillment_order.id}: {error.message}",
        ) from None
    return target.value


async def is_held(order: Order) -> bool:
    return await OrderHold.exists(order_id=order.id, released_at=None)


async def refuse_if_held(order: Order) -> None:
    """Assignees do not work a held order (fraud, payment): it may yet be cancelled."""
    if await is_held(order):
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"order {order.number} is ON_HOLD: nothing may be worked until the hold is released",
        )


async def assignee_code(fulfillment_order: FulfillmentOrder) -> str:
    location_id = fulfillment_order.location_id  # type: ignore[attr-defined]
    if location_id is not None:
        return (await Location.get(id=location_id)).code
    return (await Vendor.get(id=fulfillment_order.vendor_id)).code  # type: ignore[attr-defined]


async def record(
    order: Order,
    fulfillment_order: FulfillmentOrder,
    type: OrderEventType,
    what: str,
    actor: Actor,
    data: dict[str, Any] | None = None,
    *,
    tell: FulfillmentOrderEventType | None = None,
) -> None:
    """Append to the order's timeline, naming the fulfillment order and its assignee, and
    put `tell` on the assignee's stream."""
    await events.record(
        order,
        type,
        f"fulfillment order {fulfillment_order.id} at {await assignee_code(fulfillment_order)} "
        + what,
        actor,
        data,
        about=events.about(fulfillment_order),
    )
    if tell is not None:
        await events.tell_assignee(fulfillment_order, tell)


def optional_text(value: str | None, longest: int, field: str) -> str | None:
    """A free-text input (carrier, tracking number, rejection message): stripped, None
    when empty, refused when longer than its column."""
    value = (value or "").strip() or None
    if value is not None and len(value) > longest:
        raise invalid(f"{field} takes at most {longest} characters", [field])
    return value


def remaining(fo_line: FulfillmentOrderLine) -> int:
    """Units of a fulfillment line neither shipped nor cancelled."""
    return fo_line.quantity - fo_line.shipped_quantity - fo_line.cancelled_quantity


@dataclass(frozen=True)
class FulfillmentLine:
    """A fulfillment line, its order line, and the level it draws on (None for a vendor)."""

    fo_line: FulfillmentOrderLine
    order_line: OrderLine
    level_id: int | None


async def lines_of(fulfillment_order: FulfillmentOrder) -> list[FulfillmentLine]:
    """The fulfillment order's lines in stock-level order: every writer takes level rows in
    primary-key order, so concurrent transactions cannot deadlock on them."""
    fo_lines = await FulfillmentOrderLine.filter(fulfillment_order_id=fulfillment_order.id)
    order_lines = {
        line.id: line
        for line in await OrderLine.filter(
            id__in=[fl.order_line_id for fl in fo_lines]  # type: ignore[attr-defined]
        )
    }
    location_id = fulfillment_order.location_id  # type: ignore[attr-defined]
    level_ids: dict[int, int] = {}
    if location_id is not None:
        level_ids = dict(
            await InventoryLevel.filter(
                location_id=location_id,
                product_id__in=[line.product_id for line in order_lines.values()],  # type: ignore[attr-defined]
            ).values_list("product_id", "id")
        )
    lines = []
    for fo_line in fo_lines:
        order_line = order_lines[fo_line.order_line_id]  # type: ignore[attr-defined]
        lines.append(FulfillmentLine(fo_line, order_line, level_ids.get(order_line.product_id)))  # type: ignore[attr-defined]
    return sorted(lines, key=lambda line: (line.level_id or 0, line.fo_line.id))


async def release_fulfillment_line(
    fulfillment_order: FulfillmentOrder,
    fo_line: FulfillmentOrderLine,
    quantity: int,
    actor: Actor,
    reference: str,
) -> None:
    """Take `quantity` off a fulfillment line that has not shipped, freeing its stock."""
    fo_line.cancelled_quantity += quantity
    await fo_line.save(update_fields=["cancelled_quantity"])
    if fulfillment_order.location_id is not None:  # type: ignore[attr-defined]
        order_line = await OrderLine.get(id=fo_line.order_line_id)  # type: ignore[attr-defined]
        level = await InventoryLevel.get(
            location_id=fulfillment_order.location_id,  # type: ignore[attr-defined]
            product_id=order_line.product_id,  # type: ignore[attr-defined]
        )
        await release(level.id, quantity, actor, reference)


async def close_if_done(
    order: Order, fulfillment_order: FulfillmentOrder, actor: Actor, now: datetime
) -> None:
    """A fulfillment order with nothing left to ship is done: SHIPPED when some of it
    shipped (the rest was cancelled), else CANCELLED; with its timeline entry."""
    lines = await FulfillmentOrderLine.filter(fulfillment_order_id=fulfillment_order.id)
    if any(remaining(line) > 0 for line in lines):
        return
    if any(line.shipped_quantity for line in lines):
        fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.SHIP_ALL)
        fulfillment_order.shipped_at = fulfillment_order.shipped_at or now
        stamp, what = "shipped_at", "is SHIPPED: what it had not shipped was cancelled"
    else:
        fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.CANCEL)
        fulfillment_order.cancelled_at = now
        stamp, what = "cancelled_at", "is CANCELLED: nothing is left to ship"
    await fulfillment_order.save(update_fields=["status", stamp, "updated_at"])
    # SHIPPED with the rest cancelled: for the assignee, the units it had left were cancelled.
    shipped = fulfillment_order.status == FulfillmentOrderStatus.SHIPPED.value
    await record(
        order,
        fulfillment_order,
        OrderEventType.SHIPPED if shipped else OrderEventType.CANCELLED,
        what,
        actor,
        tell=FulfillmentOrderEventType.LINES_CANCELLED
        if shipped
        else FulfillmentOrderEventType.CANCELLED,
    )
