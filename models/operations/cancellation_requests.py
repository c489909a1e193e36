"""Cancelling work an assignee already accepted asks the assignee first.

`request_cancellation` opens (or adds to) the fulfillment order's one open request inside
the caller's transaction; the units stay reserved. The assignee (STAFF of its location,
its VENDOR) or an ADMIN answers: accepting cancels and releases the units as a
cancellation does, rejecting lets the work go on with the reason on the order's timeline.
While a request is open the fulfillment order is not packed, shipped, picked up, rejected
or moved: the assignee answers first (as Shopify asks of a fulfillment service).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid
from models.operations import events, webhook_queue
from models.operations.fulfillment_state import (
    assignee_code,
    close_if_done,
    optional_text,
    release_fulfillment_line,
    remaining,
    work_on,
)
from models.operations.order_state import refresh_status
from models.rules.cancellation import CancellationRequestStatus, units_problem
from models.rules.events import FulfillmentOrderEventType, OrderEventType, still_working
from models.rules.ids import global_id
from models.rules.lifecycle import CancelReason, FulfillmentOrderStatus, OrderStatus
from models.rules.scopes import Actor
from models.tables import (
    CancellationRequest,
    CancellationRequestLine,
    FulfillmentOrder,
    FulfillmentOrderLine,
    Order,
    OrderLine,
)

MESSAGE_LENGTH = 1000  # the width of the message columns
_ASKABLE = (FulfillmentOrderStatus.ACCEPTED.value, FulfillmentOrderStatus.PACKED.value)
_OPEN = CancellationRequestStatus.REQUESTED.value


async def open_request(fulfillment_order_id: int) -> CancellationRequest | None:
    return await CancellationRequest.get_or_none(
        fulfillment_order_id=fulfillment_order_id, status=_OPEN
    )


async def asked_units(request: CancellationRequest | None) -> dict[int, int]:
    """fulfillment line id -> units the request asks for."""
    if request is None:
        return {}
    rows = await CancellationRequestLine.filter(request_id=request.id)
    return {row.fulfillment_order_line_id: row.quantity for row in rows}  # type: ignore[attr-defined]


async def asked_of_order(order_id: int) -> dict[int, tuple[int, int]]:
    """fulfillment line id -> (its order line id, units open requests ask for), over the
    order's fulfillment orders: units already asked for are not cancellable again."""
    rows = await CancellationRequestLine.filter(
        request__status=_OPEN, request__fulfillment_order__order_id=order_id
    ).values("quantity", "fulfillment_order_line_id", "fulfillment_order_line__order_line_id")
    return {
        row["fulfillment_order_line_id"]: (
            row["fulfillment_order_line__order_line_id"],
            row["quantity"],
        )
        for row in rows
    }


async def request_cancellation(
    fulfillment_order: FulfillmentOrder,
    units: Mapping[int, int],
    actor: Actor,
    message: str | None,
    *,
    reason: CancelReason = CancelReason.OTHER,
) -> None:
    """Ask the assignee of an ACCEPTED or PACKED fulfillment order to cancel `units`
    (fulfillment order line id -> quantity). Called inside the caller's transaction, with
    the order locked. A second request while one is open adds its units to the open one
    (its message, when given, replaces the first). `reason` is the order's cancel reason
    should accepting leave the order CANCELLED."""
    if fulfillment_order.status not in _ASKABLE:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"fulfillment order {fulfillment_order.id} is {fulfillment_order.status}: only "
            "ACCEPTED or PACKED work is asked before it is cancelled",
        )
    message = optional_text(message, MESSAGE_LENGTH, "message")
    fo_lines = {
        line.id: line
        for line in await FulfillmentOrderLine.filter(
            fulfillment_order_id=fulfillment_order.id
        ).prefetch_related("order_line")
    }
    request = await open_request(fulfillment_order.id)
    asked = await asked_units(request)
    left = {line_id: remaining(line) for line_id, line in fo_lines.items()}
    if (problem := units_problem(units, left, asked)) is not None:
        raise invalid(problem[1], ["units"])
    now = datetime.now(UTC)
    if request is None:
        request = await CancellationRequest.create(
            fulfillment_order_id=fulfillment_order.id,
            reason=reason.value,
            message=message,
            requested_by=actor.label,
            requested_at=now,
        )
    elif message is not None:
        request.message = message
        await request.save(update_fields=["message"])
    for line_id, quantity in units.items():
        if line_id in asked:
            await CancellationRequestLine.filter(
                request_id=request.id, fulfillment_order_line_id=line_id
            ).update(quantity=asked[line_id] + quantity)
        else:
            await CancellationRequestLine.create(
                request_id=request.id, fulfillment_order_line_id=line_id, quantity=quantity
            )
    order = await Order.get(id=fulfillment_order.order_id)
    what = ", ".join(f"{fo_lines[i].order_line.sku} x{q}" for i, q in units.items())
    await events.record(
        order,
        OrderEventType.CANCELLATION_REQUESTED,
        f"fulfillment order {fulfillment_order.id} at {await assignee_code(fulfillment_order)}: "
        f"cancelling {what} waits for the assignee's answer" + (f" ({message})" if message else ""),
        actor,
        {"lines": {global_id("FulfillmentOrderLine", i): q for i, q in units.items()}},
        about=events.about(fulfillment_order),
    )
    await events.tell_assignee(fulfillment_order, FulfillmentOrderEventType.CANCELLATION_REQUESTED)


async def refuse_while_requested(fulfillment_order: FulfillmentOrder) -> None:
    """The assignee answers an open cancellation request before the work moves on."""
    if await open_request(fulfillment_order.id) is not None:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"fulfillment order {fulfillment_order.id} has an open cancellation request: "
            "accept or reject it first",
        )


async def _answering(
    fulfillment_order_id: int, actor: Actor
) -> tuple[Order, FulfillmentOrder, CancellationRequest]:
    order, fulfillment_order = await work_on(fulfillment_order_id, actor, "fulfillmentOrderId")
    request = await open_request(fulfillment_order.id)
    if request is None:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION,
            f"fulfillment order {fulfillment_order.id} has no open cancellation request",
            ["fulfillmentOrderId"],
        )
    return order, fulfillment_order, request


async def _answer(
    request: CancellationRequest,
    status: CancellationRequestStatus,
    actor: Actor,
    now: datetime,
    message: str | None = None,
) -> None:
    request.status = status.value
    request.answered_at, request.answered_by, request.answer_message = now, actor.label, message
    await request.save(update_fields=["status", "answered_at", "answered_by", "answer_message"])


async def accept_cancellation(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    """The assignee agrees: the units are cancelled and their reservations released."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order, request = await _answering(fulfillment_order_id, actor)
        reference = f"order:{order.number}"
        asked = await asked_units(request)
        for fo_line in await FulfillmentOrderLine.filter(id__in=list(asked)).order_by("id"):
            # Never more than is left: nothing ships while the request is open.
            take = min(asked[fo_line.id], remaining(fo_line))
            await release_fulfillment_line(fulfillment_order, fo_line, take, actor, reference)
            line = await OrderLine.get(id=fo_line.order_line_id)
            line.allocated_quantity -= take
            line.cancelled_quantity += take
            await line.save(update_fields=["allocated_quantity", "cancelled_quantity"])
        await _answer(request, CancellationRequestStatus.ACCEPTED, actor, now)
        await events.record(
            order,
            OrderEventType.CANCELLATION_ACCEPTED,
            f"fulfillment order {fulfillment_order.id} at "
            f"{await assignee_code(fulfillment_order)} accepted the cancellation request",
            actor,
            about=events.about(fulfillment_order),
        )
        await close_if_done(order, fulfillment_order, actor, now)
        if still_working(fulfillment_order.status):  # closed: close_if_done told it
            await events.tell_assignee(fulfillment_order, FulfillmentOrderEventType.LINES_CANCELLED)
        if await refresh_status(order, actor) is OrderStatus.CANCELLED:
            await order_cancelled(order, CancelReason(request.reason), None, actor, now)
            await webhook_queue.enqueue(order, "order.cancelled")
    return fulfillment_order


async def reject_cancellation(
    fulfillment_order_id: int, message: str | None, actor: Actor
) -> FulfillmentOrder:
    """The assignee goes on with the work; `message` (required) says why, on the timeline."""
    now = datetime.now(UTC)
    why = optional_text(message, MESSAGE_LENGTH, "message")
    if why is None:
        raise invalid("say why the work goes on", ["message"])
    async with in_transaction():
        order, fulfillment_order, request = await _answering(fulfillment_order_id, actor)
        await _answer(request, CancellationRequestStatus.REJECTED, actor, now, why)
        await events.record(
            order,
            OrderEventType.CANCELLATION_REJECTED,
            f"fulfillment order {fulfillment_order.id} at "
            f"{await assignee_code(fulfillment_order)} rejected the cancellation request: {why}",
            actor,
            {"message": why},
            about=events.about(fulfillment_order),
        )
    return fulfillment_order


async def order_cancelled(
    order: Order, reason: CancelReason, note: str | None, actor: Actor, now: datetime
) -> None:
    """The order's last units are being cancelled: stamp it, and say so on its timeline."""
    order.cancel_reason, order.cancelled_at = reason.value, now
    await order.save(update_fields=["cancel_reason", "cancelled_at"])
    await events.record(
        order,
        OrderEventType.CANCELLED,
        f"order cancelled ({reason.value})" + (f": {note}" if note else ""),
        actor,
        {"reason": reason.value},
        assignee_message=f"order cancelled ({reason.value})",
    )
