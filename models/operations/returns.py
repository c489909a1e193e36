"""Returns: request, approve or decline, receive at a location (restock or dispose), refund.

Each action is one transaction that locks the order first, moves the return only
through the `RETURN` state machine, and appends to the order's timeline. Restocked
units may fill backorders: those are routed after the receipt has committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import cast

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events, visibility, webhook_queue
from models.operations.backorders import route_backorders_after
from models.operations.order_state import check_action, locked_order, refresh_status
from models.operations.order_validation import MAX_LINES
from models.operations.routing import current_settings
from models.operations.stock import change_on_hand, level_for_update
from models.rules import scopes
from models.rules.events import OrderEventType
from models.rules.ids import global_id
from models.rules.inventory import LedgerReason
from models.rules.lifecycle import (
    RETURN,
    OrderAction,
    ReturnAction,
    ReturnDisposition,
    ReturnStatus,
    TransitionError,
)
from models.rules.money import check_amount
from models.rules.scopes import Actor
from models.rules.timeline import named_list
from models.tables import (
    InventoryLevel,
    Location,
    Order,
    OrderLine,
    Product,
    Return,
    ReturnLine,
)

REASON_MAX = 500  # return_line.reason
DECLINE_REASON_MAX = 1000  # return.decline_reason
# Returns whose units are on their way back: they count against what may still be returned.
_PENDING = (ReturnStatus.REQUESTED.value, ReturnStatus.APPROVED.value)


@dataclass(frozen=True)
class ReturnLineInput:
    order_line_id: int
    quantity: int
    reason: str | None = None


@dataclass(frozen=True)
class Receipt:
    return_line_id: int
    disposition: ReturnDisposition


async def _locked(return_id: int) -> tuple[Order, Return]:
    """Inside a transaction: the return and its order, the order locked first."""
    found = await Return.get_or_none(id=return_id)
    if found is None:
        raise not_found("return", return_id, ["returnId"])
    order = await locked_order(found.order_id)
    return order, await Return.get(id=return_id)


def _advance(row: Return, action: ReturnAction) -> None:
    try:
        row.status = RETURN.apply(ReturnStatus(row.status), action).value
    except TransitionError as error:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, f"return {row.id}: {error.message}", ["returnId"]
        ) from None


async def _returnable(line: OrderLine) -> int:
    """Shipped, not yet received back, and not already on a pending return."""
    pending_returns = Return.filter(order_id=line.order_id, status__in=_PENDING)
    pending = await ReturnLine.filter(
        order_line_id=line.id, return__id__in=Subquery(pending_returns.values("id"))
    ).values_list("quantity", flat=True)
    # values_list(flat=True) yields values; Tortoise's stubs say tuples.
    return line.shipped_quantity - line.returned_quantity - sum(cast(list[int], pending))


async def _check_window(order: Order, now: datetime) -> None:
    if order.delivered_at is None:
        return
    days = (await current_settings()).return_window_days
    closed = order.delivered_at + timedelta(days=days)
    if now > closed:
        raise invalid(
            f"order {order.number}'s return window ({days} days) closed at {closed.isoformat()}",
            ["orderId"],
        )


async def request_return(order_id: int, lines: Sequence[ReturnLineInput], actor: Actor) -> Return:
    """Ask to send back shipped units; an admin approves or declines the request."""
    if not lines:
        raise invalid("name at least one line to return", ["lines"])
    if len(lines) > MAX_LINES:
        # As an order's: the query cost charges Return.lines by this length.
        raise invalid(f"a return takes at most {MAX_LINES} lines", ["lines"])
    now = datetime.now(UTC)
    async with in_transaction():
        order = await locked_order(order_id)
        check_action(order, OrderAction.REQUEST_RETURN)
        await _check_window(order, now)
        order_lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
        wanted: dict[int, int] = {}
        for index, item in enumerate(lines):
            path = ["lines", str(index)]
            line = order_lines.get(item.order_line_id)
            if line is None:
                raise not_found("order line", item.order_line_id, [*path, "orderLineId"])
            if item.quantity < 1:
                raise invalid("quantity must be 1 or more", [*path, "quantity"])
            if item.reason and len(item.reason.strip()) > REASON_MAX:
                raise invalid(f"reason takes at most {REASON_MAX} characters", [*path, "reason"])
            wanted[line.id] = wanted.get(line.id, 0) + item.quantity
            returnable = await _returnable(line)
            if wanted[line.id] > returnable:
                raise invalid(
                    f"{line.sku}: {returnable} may be returned (shipped, not yet returned nor "
                    f"on an open return), {wanted[line.id]} requested",
                    [*path, "quantity"],
                )
        row = await Return.create(order_id=order.id, status=ReturnStatus.REQUESTED.value)
        await ReturnLine.bulk_create(
            [
                ReturnLine(
                    return_=row,
                    order_line_id=item.order_line_id,
                    quantity=item.quantity,
                    reason=(item.reason or "").strip() or None,
                )
                for item in lines
            ]
        )
        await events.record(
            order,
            OrderEventType.RETURN_REQUESTED,
            f"return {row.id} requested: "
            + named_list([f"{order_lines[i].sku} x{q}" for i, q in wanted.items()]),
            actor,
            {
                "returnId": global_id("Return", row.id),
                "lines": {global_id("OrderLine", i): q for i, q in wanted.items()},
            },
        )
        await webhook_queue.enqueue(order, "return.requested")
        await refresh_status(order, actor)
    return row


async def approve_return(return_id: int, actor: Actor) -> Return:
    async with in_transaction():
        order, row = await _locked(return_id)
        _advance(row, ReturnAction.APPROVE)
        await row.save(update_fields=["status", "updated_at"])
        await events.record(
            order,
            OrderEventType.RETURN_APPROVED,
            f"return {row.id} approved",
            actor,
            {"returnId": global_id("Return", row.id)},
        )
        await refresh_status(order, actor)
    return row


async def decline_return(return_id: int, reason: str, actor: Actor) -> Return:
    reason = reason.strip()
    if not reason:
        raise invalid("say why the return is declined", ["reason"])
    if len(reason) > DECLINE_REASON_MAX:
        raise invalid(f"reason takes at most {DECLINE_REASON_MAX} characters", ["reason"])
    async with in_transaction():
        order, row = await _locked(return_id)
        _advance(row, ReturnAction.DECLINE)
        row.decline_reason = reason
        await row.save(update_fields=["status", "decline_reason", "updated_at"])
        await events.record(
            order,
            OrderEventType.RETURN_DECLINED,
            f"return {row.id} declined: {reason}",
            actor,
            {"returnId": global_id("Return", row.id)},
        )
        await refresh_status(order, actor)
    return row


def _dispositions(
    lines: Sequence[ReturnLine], receipts: Sequence[Receipt]
) -> dict[int, ReturnDisposition]:
    """return line id -> disposition: every line of the return exactly once."""
    known = {line.id for line in lines}
    chosen: dict[int, ReturnDisposition] = {}
    for index, receipt in enumerate(receipts):
        path = ["lines", str(index), "returnLineId"]
        if receipt.return_line_id not in known:
            raise not_found("line of this return", receipt.return_line_id, path)
        if receipt.return_line_id in chosen:
            raise invalid(f"return line {receipt.return_line_id} is named twice", path)
        chosen[receipt.return_line_id] = receipt.disposition
    missing = len(known - chosen.keys())
    if missing:
        # A count, not ids: the message names nothing the key did not send.
        raise invalid(
            f"give a disposition for every line of the return; {missing} of {len(known)} have none",
            ["lines"],
        )
    return chosen


async def _restock(
    location: Location, restocked: dict[int, int], actor: Actor, reference: str
) -> None:
    """Add product id -> units to onHand at the location, levels taken in primary-key order
    (levels created now get the highest ids, so they sort last)."""
    products = {p.id: p for p in await Product.filter(id__in=list(restocked))}
    existing = dict(
        await InventoryLevel.filter(
            location_id=location.id, product_id__in=list(restocked)
        ).values_list("product_id", "id")
    )
    for product_id in sorted(
        restocked, key=lambda pid: (pid not in existing, existing.get(pid, 0), pid)
    ):
        level = await level_for_update(location, products[product_id])
        await change_on_hand(
            level, restocked[product_id], LedgerReason.RETURN_RESTOCKED, actor, reference
        )


async def receive_return(
    return_id: int, location_id: int, receipts: Sequence[Receipt], actor: Actor
) -> Return:
    """The units arrive at a location: RESTOCK puts them back on the shelf (and may fill
    backorders), DISPOSE writes them off. Either way the order lines count them returned."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, row = await _locked(return_id)
        visible = await visibility.visible_returns(actor).filter(id=row.id).exists()
        if not scopes.may_receive_return(actor, location_id, visible):
            # The same answer as for a return that does not exist.
            raise not_found("return", return_id, ["returnId"])
        _advance(row, ReturnAction.RECEIVE)
        location = await Location.get_or_none(id=location_id)
        if location is None:
            raise not_found("location", location_id, ["locationId"])
        lines = list(await ReturnLine.filter(return__id=row.id).order_by("id"))
        if (
            len(lines)
            > await visibility.visible_return_lines(actor).filter(return__id=row.id).count()
        ):
            raise invalid(
                "some units of this return were fulfilled by other locations: an ADMIN key "
                "receives it",
                ["returnId"],
            )
        dispositions = _dispositions(lines, receipts)
        order_lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
        restocked: dict[int, int] = {}
        for line in lines:
            line.disposition = dispositions[line.id].value
            await line.save(update_fields=["disposition"])
            order_line = order_lines[line.order_line_id]
            order_line.returned_quantity += line.quantity
            await order_line.save(update_fields=["returned_quantity"])
            if dispositions[line.id] is ReturnDisposition.RESTOCK:
                product_id = order_line.product_id
                restocked[product_id] = restocked.get(product_id, 0) + line.quantity
        await _restock(location, restocked, actor, f"return:{row.id}")
        row.received_location_id = location.id
        row.received_at = now
        await row.save(
            update_fields=["status", "received_location_id", "received_at", "updated_at"]
        )
        await events.record(
            order,
            OrderEventType.RETURN_RECEIVED,
            f"return {row.id} received at {location.code}: "
            + named_list(
                [
                    f"{order_lines[line.order_line_id].sku} x{line.quantity} {line.disposition}"
                    for line in lines
                ]
            ),
            actor,
            {
                "returnId": global_id("Return", row.id),
                "locationId": global_id("Location", location.id),
                # The message's detail: every return line, what came back and what became of it.
                "returnLines": {
                    global_id("ReturnLine", line.id): {
                        "orderLineId": global_id("OrderLine", line.order_line_id),
                        "quantity": line.quantity,
                        "disposition": line.disposition,
                    }
                    for line in lines
                },
            },
        )
        await webhook_queue.enqueue(order, "return.received")
        await refresh_status(order, actor)
    if restocked:
        # After the commit: each backordered order is routed in its own transaction.
        await route_backorders_after(sorted(restocked), actor)
    return row


async def refund_return(return_id: int, amount: Decimal, actor: Actor) -> Return:
    """Record the refund of a received return: at most what was paid for its units."""
    amount = check_amount(amount, ["amount"])
    now = datetime.now(UTC)
    async with in_transaction():
        order, row = await _locked(return_id)
        _advance(row, ReturnAction.REFUND)
        paid = sum(
            (
                Decimal(line.order_line.unit_price) * line.quantity
                for line in await ReturnLine.filter(return__id=row.id).prefetch_related(
                    "order_line"
                )
            ),
            Decimal("0.00"),
        )
        if amount > paid:
            raise invalid(
                f"{amount} {order.currency} is more than the {paid} {order.currency} paid for "
                "the returned units",
                ["amount"],
            )
        row.refund_amount = amount
        row.refunded_at = now
        await row.save(update_fields=["status", "refund_amount", "refunded_at", "updated_at"])
        await events.record(
            order,
            OrderEventType.REFUNDED,
            f"return {row.id} refunded: {amount} {order.currency}",
            actor,
            {"returnId": global_id("Return", row.id), "amount": str(amount)},
        )
        await webhook_queue.enqueue(order, "return.refunded")
        await refresh_status(order, actor)
    return row
