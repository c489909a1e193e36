"""What is done to a whole order after placement: cancel it or some of its lines, hold
it, release the hold (and route what waited)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events, webhook_queue
from models.operations.cancellation_requests import (
    asked_of_order,
    order_cancelled,
    request_cancellation,
)
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
from models.rules.limits import MAX_HOLDS_PER_ORDER, at_most
from models.rules.scopes import Actor, may_release_hold
from models.rules.timeline import named_list
from models.tables import FulfillmentOrder, FulfillmentOrderLine, Order, OrderHold, OrderLine

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


@dataclass
class _Cancelling:
    """One cancellation in progress: the units already asked of assignees (not cancellable
    again), what was cancelled at once, and what is to be asked, by fulfillment order."""

    asked: dict[int, tuple[int, int]]  # fulfillment line id -> (order line id, units)
    now: datetime
    done: dict[int, int] = field(default_factory=dict)  # order line id -> units
    to_ask: dict[int, dict[int, int]] = field(default_factory=dict)  # fo id -> line -> units
    working: dict[int, FulfillmentOrder] = field(default_factory=dict)
    announced: bool = False  # the timeline entry was written before the work

    def asked_of(self, line: OrderLine) -> int:
        return sum(q for order_line_id, q in self.asked.values() if order_line_id == line.id)

    def cancellable(self, line: OrderLine) -> int:
        return cancellable(line) - self.asked_of(line)


def cancellable(line: OrderLine) -> int:
    return line.quantity - line.cancelled_quantity - line.shipped_quantity


async def _cancel_line_quantity(
    order: Order, line: OrderLine, quantity: int, actor: Actor, cancelling: _Cancelling
) -> None:
    """Cancel `quantity` of a line: backordered units first, then those not yet accepted,
    releasing their reservations at once; accepted or packed units are to be asked of
    their assignees (`cancelling.to_ask`), and stay reserved until they answer."""
    reference = f"order:{order.number}"
    from_backorder = min(quantity, line.backordered_quantity)
    line.backordered_quantity -= from_backorder
    left = quantity - from_backorder
    now_cancelled = from_backorder
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
        fulfillment_order = fo_line.fulfillment_order
        take = min(left, remaining(fo_line) - cancelling.asked.get(fo_line.id, (0, 0))[1])
        if take <= 0:
            continue
        left -= take
        if fulfillment_order.status != FulfillmentOrderStatus.OPEN.value:
            cancelling.working[fulfillment_order.id] = fulfillment_order
            cancelling.to_ask.setdefault(fulfillment_order.id, {})[fo_line.id] = take
            continue
        await release_fulfillment_line(fulfillment_order, fo_line, take, actor, reference)
        await close_if_done(order, fulfillment_order, actor, cancelling.now)
        if still_working(fulfillment_order.status):  # closed: close_if_done told it
            await events.tell_assignee(fulfillment_order, FulfillmentOrderEventType.LINES_CANCELLED)
        line.allocated_quantity -= take
        now_cancelled += take
    line.cancelled_quantity += now_cancelled
    if now_cancelled:
        cancelling.done[line.id] = now_cancelled
    await line.save(
        update_fields=["cancelled_quantity", "allocated_quantity", "backordered_quantity"]
    )


async def _finish(
    order: Order,
    lines: dict[int, OrderLine],
    cancelling: _Cancelling,
    reason: CancelReason,
    note: str | None,
    actor: Actor,
) -> None:
    """After the lines: the timeline says what was cancelled at once (unless the caller
    said it first), the assignees of accepted work are asked for the rest, and an order left
    with nothing is CANCELLED."""
    if cancelling.done and not cancelling.announced:
        await events.record(
            order,
            OrderEventType.LINES_CANCELLED,
            ", ".join(f"{lines[i].sku} x{q}" for i, q in cancelling.done.items())
            + f" cancelled ({reason.value})"
            + (f": {note}" if note else ""),
            actor,
            {
                "reason": reason.value,
                "lines": {global_id("OrderLine", i): q for i, q in cancelling.done.items()},
            },
            assignee_message=f"lines cancelled ({reason.value})",
        )
    for fulfillment_order_id, units in cancelling.to_ask.items():
        await request_cancellation(
            cancelling.working[fulfillment_order_id],
            units,
            actor,
            f"{reason.value}" + (f": {note}" if note else ""),
            reason=reason,
        )
    if await refresh_status(order, actor) is OrderStatus.CANCELLED:
        if order.cancelled_at is None:
            await order_cancelled(order, reason, note, actor, cancelling.now)
        await webhook_queue.enqueue(order, "order.cancelled")


async def _asks_nobody(order_line_ids: Sequence[int]) -> bool:
    """No accepted or packed work holds these lines: all of it is cancelled at once, and
    the timeline can say so before the fulfillment orders close."""
    return not await FulfillmentOrderLine.filter(
        order_line_id__in=order_line_ids, fulfillment_order__status__in=_LIVE[1:]
    ).exists()


async def cancel_order(
    order_id: int, reason: CancelReason, actor: Actor, note: str | None = None
) -> Order:
    """Cancel everything not shipped: at once where nobody has accepted the work, by
    cancellation requests where an assignee has (the order is CANCELLED when they accept)."""
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.CANCEL)
        cancelling = _Cancelling(await asked_of_order(order.id), datetime.now(UTC))
        lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
        if await _asks_nobody(list(lines)):
            await order_cancelled(order, reason, note, actor, cancelling.now)
            cancelling.announced = True
        for line in sorted(lines.values(), key=lambda line: line.id):
            if cancelling.cancellable(line):
                await _cancel_line_quantity(
                    order, line, cancelling.cancellable(line), actor, cancelling
                )
        await _finish(order, lines, cancelling, reason, note, actor)
    return order


def _wanted(
    lines: dict[int, OrderLine], cancellations: Sequence[LineCancellation], cancelling: _Cancelling
) -> dict[int, int]:
    """order line id -> units to cancel, each checked against what can still be cancelled
    (neither shipped, cancelled, nor already asked of an assignee)."""
    wanted: dict[int, int] = {}
    for index, item in enumerate(cancellations):
        path = ["lines", str(index)]
        if item.order_line_id not in lines:
            raise not_found("order line", item.order_line_id, [*path, "orderLineId"])
        if item.quantity < 1:
            raise invalid("quantity must be 1 or more", [*path, "quantity"])
        wanted[item.order_line_id] = wanted.get(item.order_line_id, 0) + item.quantity
        line = lines[item.order_line_id]
        if wanted[item.order_line_id] > cancelling.cancellable(line):
            raise invalid(
                f"{line.sku}: {cancelling.cancellable(line)} can still be cancelled, "
                f"{wanted[item.order_line_id]} requested",
                [*path, "quantity"],
            )
    return wanted


async def cancel_order_lines(
    order_id: int, cancellations: Sequence[LineCancellation], reason: CancelReason, actor: Actor
) -> Order:
    if not cancellations:
        raise invalid("name at least one line to cancel", ["lines"])
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.CANCEL_LINES)
        await cancel_lines_of_locked(order, cancellations, reason, actor)
    return order


async def cancel_lines_of_locked(
    order: Order,
    cancellations: Sequence[LineCancellation],
    reason: CancelReason,
    actor: Actor,
    note: str | None = None,
) -> None:
    """`cancel_order_lines` inside the caller's transaction, on an order it locked (an
    edit lowering quantities cancels exactly as this does)."""
    cancelling = _Cancelling(await asked_of_order(order.id), datetime.now(UTC))
    lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
    wanted = _wanted(lines, cancellations, cancelling)
    if await _asks_nobody(list(wanted)):
        await events.record(
            order,
            OrderEventType.LINES_CANCELLED,
            named_list([f"{lines[i].sku} x{q}" for i, q in wanted.items()])
            + f" cancelled ({reason.value})"
            + (f": {note}" if note else ""),
            actor,
            {
                "reason": reason.value,
                "lines": {global_id("OrderLine", i): q for i, q in wanted.items()},
            },
            assignee_message=f"lines cancelled ({reason.value})",
        )
        cancelling.announced = True
    for line_id, quantity in wanted.items():
        await _cancel_line_quantity(order, lines[line_id], quantity, actor, cancelling)
    await _finish(order, lines, cancelling, reason, note, actor)


async def hold_order(order_id: int, reason: HoldReason, note: str | None, actor: Actor) -> Order:
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.HOLD)
        holds = await OrderHold.filter(order_id=order.id).count()
        at_most(holds + 1, MAX_HOLDS_PER_ORDER, f"holds on order {order.number}", "orderId")
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
        await webhook_queue.enqueue(order, "order.held")
    return order


async def release_hold(order_id: int, actor: Actor) -> Order:
    """Release every hold the actor may release; when none is left, tell the assignees of
    started work and route what is not yet assigned."""
    now = datetime.now(UTC)

    async def attempt(last: bool) -> Order:
        async with in_transaction():
            order = await locked_order(order_id)
            check_action(order, OrderAction.RELEASE_HOLD)
            holds = await OrderHold.filter(order_id=order.id, released_at=None)
            mine = [hold.id for hold in holds if may_release_hold(actor, hold.actor)]
            if holds and not mine:
                raise DomainError(
                    ErrorCode.INVALID_TRANSITION,
                    f"order {order.number}: its holds were placed by an admin; "
                    "an ADMIN key releases them",
                )
            await OrderHold.filter(id__in=mine).update(released_at=now, released_by=actor.label)
            await events.record(order, OrderEventType.RELEASED, "hold released", actor)
            if len(mine) == len(holds):
                await events.tell_working_assignees(order, FulfillmentOrderEventType.RELEASED)
                await route_order(order, actor, now)
            await refresh_status(order, actor)
            await webhook_queue.enqueue(order, "order.released")
            return order

    return await retry_on_conflict(attempt)
