"""What is done to a whole order after placement: cancel it or some of its lines, hold
it, release the hold (and route what waited)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from models.errors import invalid, not_found
from models.operations import events
from models.operations.fulfillment_state import close_if_done, release_fulfillment_line, remaining
from models.operations.order_routing import route_order
from models.operations.order_state import check_action, locked_order, refresh_status
from models.operations.reservations import retry_on_conflict
from models.rules.events import FulfillmentOrderEventType, OrderEventType, still_working
from models.rules.ids import global_id
from models.rules.lifecycle import (
    CancelReason,
    FulfillmentOrderStatus,
    HoldReason,
    OrderAction,
    OrderStatus,
)
from models.rules.scopes import Actor
from models.tables import FulfillmentOrderLine, Order, OrderHold, OrderLine

# Fulfillment orders whose units have not left: cancelling takes from these.
_LIVE = (
    FulfillmentOrderStatus.OPEN.value,
    FulfillmentOrderStatus.ACCEPTED.value,
    FulfillmentOrderStatus.PACKED.value,
    FulfillmentOrderStatus.READY_FOR_PICKUP.value,
)


@dataclass(frozen=True)
class LineCancellation:
    order_line_id: int
    quantity: int


def cancellable(line: OrderLine) -> int:
    return line.quantity - line.cancelled_quantity - line.shipped_quantity


async def _cancel_line_quantity(
    order: Order, line: OrderLine, quantity: int, actor: Actor, now: datetime
) -> None:
    """Cancel `quantity` of a line: backordered units first, then those not yet
    accepted, then accepted ones, releasing their reservations."""
    reference = f"order:{order.number}"
    from_backorder = min(quantity, line.backordered_quantity)
    line.backordered_quantity -= from_backorder
    left = quantity - from_backorder
    fo_lines = await FulfillmentOrderLine.filter(
        order_line_id=line.id, fulfillment_order__status__in=_LIVE
    ).prefetch_related("fulfillment_order")
    # OPEN ones first: nobody has started on them.
    fo_lines.sort(
        key=lambda fl: (fl.fulfillment_order.status != FulfillmentOrderStatus.OPEN.value, fl.id)
    )
    for fo_line in fo_lines:
        if left == 0:
            break
        take = min(left, remaining(fo_line))
        if take <= 0:
            continue
        await release_fulfillment_line(fo_line.fulfillment_order, fo_line, take, actor, reference)
        await close_if_done(order, fo_line.fulfillment_order, actor, now)
        if still_working(fo_line.fulfillment_order.status):
            await events.tell_assignee(
                fo_line.fulfillment_order, FulfillmentOrderEventType.LINES_CANCELLED
            )
        line.allocated_quantity -= take
        left -= take
    line.cancelled_quantity += quantity
    await line.save(
        update_fields=["cancelled_quantity", "allocated_quantity", "backordered_quantity"]
    )


async def cancel_order(
    order_id: int, reason: CancelReason, actor: Actor, note: str | None = None
) -> Order:
    now = datetime.now(UTC)
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.CANCEL)
        await events.record(
            order,
            OrderEventType.CANCELLED,
            f"order cancelled ({reason.value})" + (f": {note}" if note else ""),
            actor,
            {"reason": reason.value},
            assignee_message=f"order cancelled ({reason.value})",
        )
        for line in await OrderLine.filter(order_id=order.id).order_by("id"):
            if cancellable(line):
                await _cancel_line_quantity(order, line, cancellable(line), actor, now)
        order.cancel_reason = reason.value
        order.cancelled_at = now
        await order.save(update_fields=["cancel_reason", "cancelled_at", "updated_at"])
        await refresh_status(order, actor)
    return order


def _wanted(
    lines: dict[int, OrderLine], cancellations: Sequence[LineCancellation]
) -> dict[int, int]:
    """order line id -> units to cancel, each checked against what can still be cancelled."""
    wanted: dict[int, int] = {}
    for index, item in enumerate(cancellations):
        path = ["lines", str(index)]
        if item.order_line_id not in lines:
            raise not_found("order line", item.order_line_id, [*path, "orderLineId"])
        if item.quantity < 1:
            raise invalid("quantity must be 1 or more", [*path, "quantity"])
        wanted[item.order_line_id] = wanted.get(item.order_line_id, 0) + item.quantity
        line = lines[item.order_line_id]
        if wanted[item.order_line_id] > cancellable(line):
            raise invalid(
                f"{line.sku}: {cancellable(line)} can still be cancelled, "
                f"{wanted[item.order_line_id]} requested",
                [*path, "quantity"],
            )
    return wanted


async def cancel_order_lines(
    order_id: int, cancellations: Sequence[LineCancellation], reason: CancelReason, actor: Actor
) -> Order:
    now = datetime.now(UTC)
    if not cancellations:
        raise invalid("name at least one line to cancel", ["lines"])
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.CANCEL_LINES)
        lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
        wanted = _wanted(lines, cancellations)
        await events.record(
            order,
            OrderEventType.LINES_CANCELLED,
            ", ".join(f"{lines[i].sku} x{q}" for i, q in wanted.items())
            + f" cancelled ({reason.value})",
            actor,
            {
                "reason": reason.value,
                "lines": {global_id("OrderLine", i): q for i, q in wanted.items()},
            },
            assignee_message=f"lines cancelled ({reason.value})",
        )
        for line_id, quantity in wanted.items():
            await _cancel_line_quantity(order, lines[line_id], quantity, actor, now)
        status = await refresh_status(order, actor)
        if status is OrderStatus.CANCELLED:
            order.cancel_reason, order.cancelled_at = reason.value, now
            await order.save(update_fields=["cancel_reason", "cancelled_at"])
    return order


async def hold_order(order_id: int, reason: HoldReason, note: str | None, actor: Actor) -> Order:
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.HOLD)
        await OrderHold.create(order_id=order.id, reason=reason.value, note=note, actor=actor.label)
        await events.record(
            order,
            OrderEventType.HELD,
            f"held: {reason.value}" + (f" ({note})" if note else ""),
            actor,
            {"reason": reason.value},
            assignee_message=f"held: {reason.value}",
        )
        await events.tell_working_assignees(order, FulfillmentOrderEventType.HELD)
        await refresh_status(order, actor)
    return order


async def release_hold(order_id: int, actor: Actor) -> Order:
    """Release every hold, then route what is not yet assigned."""
    now = datetime.now(UTC)

    async def attempt(last: bool) -> Order:
        async with in_transaction():
            order = await locked_order(order_id)
            check_action(order, OrderAction.RELEASE_HOLD)
            await OrderHold.filter(order_id=order.id, released_at=None).update(
                released_at=now, released_by=actor.label
            )
            await events.record(order, OrderEventType.RELEASED, "hold released", actor)
            await events.tell_working_assignees(order, FulfillmentOrderEventType.RELEASED)
            await route_order(order, actor, now)
            await refresh_status(order, actor)
            return order

    return await retry_on_conflict(attempt)
