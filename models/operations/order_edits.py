"""Editing an order's lines after capture (`editOrder`), and its dry run (`orderEditPreview`).

One transaction: added lines are written, lowered quantities are cancelled exactly as
`cancelOrderLines` cancels (backordered units first, then OPEN ones, then a cancellation
request to the assignee of accepted work), then every unassigned unit is routed and
reserved by the placement's engine (models.operations.order_routing), under the
placement's backorder policy. The preview runs the very same edit and rolls it back, so
what it shows is what the edit would do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events, order_routing, webhook_queue
from models.operations.fulfillment_state import is_held
from models.operations.order_actions import LineCancellation, cancel_lines_of_locked
from models.operations.order_state import check_action, locked_order, refresh_status
from models.operations.order_validation import MAX_LINES, MAX_QUANTITY, LineInput, check_lines
from models.operations.reservations import lock_levels, retry_on_conflict
from models.rules.events import OrderEventType
from models.rules.ids import global_id
from models.rules.lifecycle import CancelReason, OrderAction
from models.rules.routing import RoutingPlan
from models.rules.scopes import Actor
from models.tables import Order, OrderEditRecord, OrderLine

REASON_MAX = 1000


@dataclass(frozen=True)
class SetQuantity:
    order_line_id: int
    quantity: int  # the line's new quantity (less what was cancelled); 0 removes it


@dataclass(frozen=True)
class OrderEdit:
    add_lines: tuple[LineInput, ...] = ()
    set_quantities: tuple[SetQuantity, ...] = ()
    reason: str | None = None
    idempotency_key: str | None = None

    def request_hash(self) -> str:
        """What idempotency compares: the same key must come with the same edit."""
        body = {k: v for k, v in asdict(self).items() if k != "idempotency_key"}
        canonical = json.dumps(body, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class Edited:
    order: Order
    lines: list[OrderLine] = field(default_factory=list)
    # What routing did for the unassigned units (None: nothing to route, or held).
    plan: RoutingPlan | None = None
    released: dict[int, int] = field(default_factory=dict)  # order line id -> units lowered
    replayed: bool = False


def _check_header(edit: OrderEdit) -> None:
    if not edit.add_lines and not edit.set_quantities:
        raise invalid("add a line or set a quantity", ["addLines"])
    if len(edit.add_lines) > MAX_LINES:
        raise invalid(f"an edit adds at most {MAX_LINES} lines", ["addLines"])
    if edit.reason is not None and len(edit.reason) > REASON_MAX:
        raise invalid(f"reason takes at most {REASON_MAX} characters", ["reason"])
    if edit.idempotency_key is not None and not 1 <= len(edit.idempotency_key) <= 200:
        raise invalid("idempotencyKey must be 1-200 characters", ["idempotencyKey"])


def _changes(
    lines: dict[int, OrderLine], wanted: Sequence[SetQuantity]
) -> tuple[dict[int, int], dict[int, int]]:
    """(order line id -> units to cancel, order line id -> units to add), each checked:
    a line is set once, never below what shipped (returned units shipped first)."""
    lowered: dict[int, int] = {}
    raised: dict[int, int] = {}
    for index, item in enumerate(wanted):
        path = ["setQuantities", str(index)]
        line = lines.get(item.order_line_id)
        if line is None:
            raise not_found("order line", global_id("OrderLine", item.order_line_id), path)
        if item.order_line_id in lowered or item.order_line_id in raised:
            raise invalid(f"{line.sku} is set twice", [*path, "orderLineId"])
        if not 0 <= item.quantity <= MAX_QUANTITY:
            raise invalid(f"quantity must be 0-{MAX_QUANTITY}", [*path, "quantity"])
        if item.quantity < line.shipped_quantity:
            raise invalid(
                f"{line.sku}: {line.shipped_quantity} shipped, so its quantity cannot go below "
                f"that ({item.quantity} requested)",
                [*path, "quantity"],
            )
        current = line.quantity - line.cancelled_quantity
        if item.quantity < current:
            lowered[line.id] = current - item.quantity
        elif item.quantity > current:
            raised[line.id] = item.quantity - current
    return lowered, raised


async def _add_lines(order: Order, edit: OrderEdit, positions: int) -> None:
    try:
        products, prices = await check_lines(edit.add_lines, order.currency)
    except DomainError as error:  # check_lines names placement's `lines`
        if error.field and error.field[0] == "lines":
            error.field[0] = "addLines"
        raise
    await OrderLine.bulk_create(
        [
            OrderLine(
                order_id=order.id,
                product_id=product.id,
                position=positions + index + 1,
                sku=product.sku,
                quantity=line.quantity,
                unit_price=price,
            )
            for index, (line, product, price) in enumerate(
                zip(edit.add_lines, products, prices, strict=True)
            )
        ]
    )


async def _route(order: Order, actor: Actor, now: datetime, last: bool) -> RoutingPlan | None:
    """Route every unassigned unit as a placement would, under its backorder policy."""
    if await is_held(order):
        return None  # releasing the hold routes them
    lines = list(await OrderLine.filter(order_id=order.id).order_by("id"))
    request = await order_routing.request_of(order, lines)
    if not request.lines:
        return None
    if last:
        await lock_levels({line.sku for line in request.lines})
    snapshot = await order_routing.plan(request, now)
    backordered_before = sum(line.backordered_quantity for line in lines)
    more = sum(snapshot.plan.backordered.values()) - backordered_before
    if more > 0 and not snapshot.backorders_allowed:
        raise DomainError(
            ErrorCode.BACKORDERS_NOT_ALLOWED,
            f"{more} unit(s) cannot be sourced now and backorders are off "
            "(routingSettings.backorders = REJECT)",
            ["addLines"],
        )
    outcome = await order_routing.apply_plan(order, lines, snapshot, actor, now)
    if outcome.entry is not None:
        await events.record_many(order, [outcome.entry], actor)
    return snapshot.plan


async def _edit_locked(order: Order, edit: OrderEdit, actor: Actor, last: bool) -> Edited:
    """The edit, inside the caller's transaction, on the locked order."""
    now = datetime.now(UTC)
    check_action(order, OrderAction.EDIT)
    lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
    lowered, raised = _changes(lines, edit.set_quantities)
    if edit.add_lines:
        await _add_lines(order, edit, max((line.position for line in lines.values()), default=0))
    for line_id, quantity in raised.items():
        lines[line_id].quantity += quantity
        await lines[line_id].save(update_fields=["quantity"])
    note = f"edit: {edit.reason}" if edit.reason else "edit"
    await events.record(
        order,
        OrderEventType.EDITED,
        "edited: "
        + ", ".join(
            [f"{line.sku} +{line.quantity}" for line in edit.add_lines]
            + [f"{lines[i].sku} +{q}" for i, q in raised.items()]
            + [f"{lines[i].sku} -{q}" for i, q in lowered.items()]
        )
        + (f" ({edit.reason})" if edit.reason else ""),
        actor,
        {
            "added": [{"sku": line.sku, "quantity": line.quantity} for line in edit.add_lines],
            "raised": {global_id("OrderLine", i): q for i, q in raised.items()},
            "lowered": {global_id("OrderLine", i): q for i, q in lowered.items()},
        },
    )
    if lowered:
        cancellations = [LineCancellation(i, q) for i, q in lowered.items()]
        await cancel_lines_of_locked(order, cancellations, CancelReason.OTHER, actor, note)
    plan = await _route(order, actor, now, last)
    await refresh_status(order, actor)
    after = list(await OrderLine.filter(order_id=order.id).order_by("position"))
    return Edited(order, after, plan, lowered)


async def _replay(order: Order, edit: OrderEdit) -> Edited | None:
    if not edit.idempotency_key:
        return None
    record = await OrderEditRecord.get_or_none(order_id=order.id, key=edit.idempotency_key)
    if record is None:
        return None
    if record.request_hash != edit.request_hash():
        raise DomainError(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            f"idempotencyKey {edit.idempotency_key!r} was already used on order "
            f"{order.number} for a different edit",
            ["idempotencyKey"],
        )
    return Edited(order, replayed=True)


async def edit_order(order_id: int, edit: OrderEdit, actor: Actor) -> Edited:
    _check_header(edit)

    async def attempt(last: bool) -> Edited:
        async with in_transaction():
            order = await locked_order(order_id)
            if (earlier := await _replay(order, edit)) is not None:
                return earlier
            edited = await _edit_locked(order, edit, actor, last)
            await webhook_queue.enqueue(order, "order.edited")
            if edit.idempotency_key:
                await OrderEditRecord.create(
                    order_id=order.id, key=edit.idempotency_key, request_hash=edit.request_hash()
                )
            return edited

    try:
        return await retry_on_conflict(
            attempt, "stock for this edit kept changing; try again", ["addLines"]
        )
    except IntegrityError:
        # The same key committed first where the order lock does not serialize (SQLite).
        order = await Order.get(id=order_id)
        if (earlier := await _replay(order, edit)) is not None:
            return earlier
        raise


def current_subtotal(lines: Sequence[OrderLine]) -> Decimal:
    """What an order is worth now: its lines less what was cancelled, at their prices."""
    return sum(
        (line.unit_price * (line.quantity - line.cancelled_quantity) for line in lines),
        Decimal("0.00"),
    )


class _RolledBack(Exception):
    def __init__(self, edited: Edited, current_subtotal: Decimal) -> None:
        self.edited = edited
        self.current_subtotal = current_subtotal


@dataclass(frozen=True)
class Preview:
    current_subtotal: Decimal
    plan: RoutingPlan | None
    released: dict[int, int]
    skus: dict[int, str]  # order line id -> sku, for lines the plan names (added ones too)


async def preview_edit(order_id: int, edit: OrderEdit, actor: Actor) -> Preview:
    """Run the edit and roll it back: what it would do, changing nothing."""
    _check_header(edit)
    try:
        async with in_transaction():
            order = await locked_order(order_id)
            edited = await _edit_locked(order, edit, actor, last=True)
            raise _RolledBack(edited, current_subtotal(edited.lines))
    except _RolledBack as done:
        return Preview(
            current_subtotal=done.current_subtotal,
            plan=done.edited.plan,
            released=done.edited.released,
            skus={line.id: line.sku for line in done.edited.lines},
        )
