"""The assignee's work on a fulfillment order: accept, reject (and route again), pack,
ship, mark delivered, mark picked up; and an admin's move to another assignee.

Each is one transaction that locks the order first, so that everything acting on one
order (other assignees, cancellations, holds, the deadline sweeper) takes its turn.
Statuses move only through `FULFILLMENT_ORDER`; stock moves only through
models.operations.reservations and change_on_hand, each with its ledger row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events
from models.operations.inventory import change_on_hand
from models.operations.order_routing import route_order
from models.operations.order_state import refresh_status
from models.operations.orders import (
    _release_fulfillment_line,
    locked_order,
    routing_transaction,
)
from models.operations.reservations import (
    ReservationConflict,
    consume,
    level_id_for,
    release,
    reserve,
)
from models.operations.routing import current_settings
from models.rules.inventory import LedgerReason, available, on_hand_after_out_of_stock
from models.rules.lifecycle import (
    FULFILLMENT_ORDER,
    DeliveryMethod,
    FulfillmentAction,
    FulfillmentOrderStatus,
    OrderStatus,
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
    Shipment,
    ShipmentLine,
    Vendor,
)

CARRIER_MAX = 100  # shipment.carrier
TRACKING_MAX = 200  # shipment.tracking_number
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


class NotAssignee(Exception):
    """The actor is neither the fulfillment order's assignee nor an admin (FORBIDDEN)."""


@dataclass(frozen=True)
class ShipLine:
    order_line_id: int
    quantity: int


@dataclass(frozen=True)
class Shipped:
    shipment: Shipment
    fulfillment_order: FulfillmentOrder


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


async def _refuse_if_held(order: Order) -> None:
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
    type: str,
    what: str,
    actor: Actor,
    data: dict[str, Any] | None = None,
) -> None:
    """Append to the order's timeline, naming the fulfillment order and its assignee."""
    await events.record(
        order,
        type,
        f"fulfillment order {fulfillment_order.id} at {await assignee_code(fulfillment_order)} "
        + what,
        actor,
        {"fulfillmentOrderId": fulfillment_order.id, **(data or {})},
    )


def _remaining(fo_line: FulfillmentOrderLine) -> int:
    return fo_line.quantity - fo_line.shipped_quantity - fo_line.cancelled_quantity


@dataclass(frozen=True)
class _Line:
    """A fulfillment line, its order line, and the level it draws on (None for a vendor)."""

    fo_line: FulfillmentOrderLine
    order_line: OrderLine
    level_id: int | None


async def _lines(fulfillment_order: FulfillmentOrder) -> list[_Line]:
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
        lines.append(_Line(fo_line, order_line, level_ids.get(order_line.product_id)))  # type: ignore[attr-defined]
    return sorted(lines, key=lambda line: (line.level_id or 0, line.fo_line.id))


async def _advance(
    fulfillment_order_id: int, action: FulfillmentAction, stamp: str, actor: Actor
) -> FulfillmentOrder:
    """Accept or pack: a transition, its timestamp column and a timeline entry."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor)
        await _refuse_if_held(order)
        fulfillment_order.status = next_status(fulfillment_order, action)
        setattr(fulfillment_order, stamp, now)
        await fulfillment_order.save(update_fields=["status", stamp, "updated_at"])
        await record(
            order,
            fulfillment_order,
            f"FULFILLMENT_{fulfillment_order.status}",
            "is " + fulfillment_order.status,
            actor,
        )
        await refresh_status(order, actor)
    return fulfillment_order


async def accept(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    return await _advance(fulfillment_order_id, FulfillmentAction.ACCEPT, "accepted_at", actor)


async def pack(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    return await _advance(fulfillment_order_id, FulfillmentAction.PACK, "packed_at", actor)


async def _stock_effect(
    level_id: int, quantity: int, reason: RejectReason, actor: Actor, reference: str
) -> None:
    """What a rejection says about the shelf (API.md), after its reservation was released."""
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
    for line in await _lines(fulfillment_order):
        quantity = _remaining(line.fo_line)
        if quantity <= 0:
            continue
        await _release_fulfillment_line(fulfillment_order, line.fo_line, quantity, actor, reference)
        line.order_line.allocated_quantity -= quantity
        await line.order_line.save(update_fields=["allocated_quantity"])
        if line.level_id is not None and reason is not None:
            await _stock_effect(line.level_id, quantity, reason, actor, reference)
        given_back += quantity
    if not await is_held(order):
        await route_order(order, actor, now)
    await refresh_status(order, actor)
    return given_back


def _check_message(message: str | None) -> str | None:
    message = (message or "").strip() or None
    if message is not None and len(message) > MESSAGE_MAX:
        raise invalid(f"message takes at most {MESSAGE_MAX} characters", ["message"])
    return message


async def reject(
    fulfillment_order_id: int, reason: RejectReason, message: str | None, actor: Actor
) -> FulfillmentOrder:
    """Refuse the work: its unshipped quantity goes back and is routed elsewhere at once."""
    message = _check_message(message)

    async def work() -> FulfillmentOrder:
        now = datetime.now(UTC)
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
            "FULFILLMENT_REJECTED",
            f"rejected ({reason.value})" + (f": {message}" if message else ""),
            actor,
            {"reason": reason.value},
        )
        await give_back_and_route(order, fulfillment_order, actor, now, reason)
        return fulfillment_order

    return await routing_transaction(work)


def _shipment_quantities(
    lines: Sequence[_Line], wanted: Sequence[ShipLine] | None
) -> dict[int, int]:
    """order line id -> units to ship; everything left when `wanted` is None."""
    if wanted is None:
        return {
            line.order_line.id: _remaining(line.fo_line)
            for line in lines
            if _remaining(line.fo_line)
        }
    if not wanted:
        raise invalid(
            "name at least one line to ship, or omit lines to ship everything left", ["lines"]
        )
    by_order_line = {line.order_line.id: line for line in lines}
    quantities: dict[int, int] = {}
    for index, item in enumerate(wanted):
        path = ["lines", str(index)]
        line = by_order_line.get(item.order_line_id)
        if line is None:
            raise not_found(
                "order line on this fulfillment order", item.order_line_id, [*path, "orderLineId"]
            )
        if item.quantity < 1:
            raise invalid("quantity must be 1 or more", [*path, "quantity"])
        quantities[item.order_line_id] = quantities.get(item.order_line_id, 0) + item.quantity
        if quantities[item.order_line_id] > _remaining(line.fo_line):
            raise invalid(
                f"{line.order_line.sku}: {_remaining(line.fo_line)} left to ship here, "
                f"{quantities[item.order_line_id]} requested",
                [*path, "quantity"],
            )
    return quantities


def _check_label(value: str | None, longest: int, field: str) -> str | None:
    value = (value or "").strip() or None
    if value is not None and len(value) > longest:
        raise invalid(f"{field} takes at most {longest} characters", [field])
    return value


async def _dispatch(
    order: Order,
    fulfillment_order: FulfillmentOrder,
    lines: Sequence[_Line],
    quantities: dict[int, int],
    actor: Actor,
    carrier: str | None = None,
    tracking_number: str | None = None,
) -> Shipment:
    """Units leave: a shipment, shipped quantities on both kinds of line, and at a location
    the stock consumed (onHand and reserved drop together); a vendor's stock is its own."""
    reference = f"order:{order.number}"
    shipment = await Shipment.create(
        fulfillment_order_id=fulfillment_order.id, carrier=carrier, tracking_number=tracking_number
    )
    for line in lines:
        quantity = quantities.get(line.order_line.id, 0)
        if not quantity:
            continue
        line.fo_line.shipped_quantity += quantity
        await line.fo_line.save(update_fields=["shipped_quantity"])
        line.order_line.shipped_quantity += quantity
        await line.order_line.save(update_fields=["shipped_quantity"])
        if line.level_id is not None:
            await consume(line.level_id, quantity, actor, reference)
    await ShipmentLine.bulk_create(
        [
            ShipmentLine(shipment_id=shipment.id, order_line_id=line_id, quantity=quantity)
            for line_id, quantity in quantities.items()
        ]
    )
    return shipment


async def ship(
    fulfillment_order_id: int,
    actor: Actor,
    carrier: str | None = None,
    tracking_number: str | None = None,
    lines: Sequence[ShipLine] | None = None,
) -> Shipped:
    """Ship some or all of what is left. A partial shipment keeps the status (ACCEPTED or
    PACKED); the last units make the fulfillment order SHIPPED."""
    carrier = _check_label(carrier, CARRIER_MAX, "carrier")
    tracking_number = _check_label(tracking_number, TRACKING_MAX, "trackingNumber")
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor)
        await _refuse_if_held(order)
        current = await _lines(fulfillment_order)
        left = sum(_remaining(line.fo_line) for line in current)
        # Ask the state machine before looking at the lines, so that shipping an OPEN or a
        # closed fulfillment order says so rather than complaining about quantities.
        next_status(
            fulfillment_order, FulfillmentAction.SHIP_PART if left else FulfillmentAction.SHIP_ALL
        )
        quantities = _shipment_quantities(current, lines)
        shipping = sum(quantities.values())
        done = shipping == left
        fulfillment_order.status = next_status(
            fulfillment_order, FulfillmentAction.SHIP_ALL if done else FulfillmentAction.SHIP_PART
        )
        if done:
            fulfillment_order.shipped_at = now
        await fulfillment_order.save(update_fields=["status", "shipped_at", "updated_at"])
        shipment = await _dispatch(
            order, fulfillment_order, current, quantities, actor, carrier, tracking_number
        )
        await record(
            order,
            fulfillment_order,
            "SHIPPED",
            f"shipped {shipping} of the {left} unit(s) left"
            + (f" with {carrier}" if carrier else "")
            + (f", tracking {tracking_number}" if tracking_number else ""),
            actor,
            {"shipmentId": shipment.id, "lines": {str(k): v for k, v in quantities.items()}},
        )
        await refresh_status(order, actor)
    return Shipped(shipment, fulfillment_order)


async def _deliver(order: Order, shipment: Shipment, actor: Actor, now: datetime) -> None:
    """The shipment reached the customer: its units count as delivered, and the order's
    delivered_at is stamped when that makes the whole order DELIVERED."""
    shipment.delivered_at = now
    await shipment.save(update_fields=["delivered_at"])
    for shipment_line in await ShipmentLine.filter(shipment_id=shipment.id):
        await OrderLine.filter(id=shipment_line.order_line_id).update(  # type: ignore[attr-defined]
            delivered_quantity=F("delivered_quantity") + shipment_line.quantity
        )
    if await refresh_status(order, actor) is OrderStatus.DELIVERED and order.delivered_at is None:
        order.delivered_at = now
        await order.save(update_fields=["delivered_at"])


async def mark_delivered(shipment_id: int, actor: Actor) -> Shipped:
    """The carrier delivered a shipment (reported by the assignee or a carrier integration)."""
    found = await Shipment.get_or_none(id=shipment_id)
    if found is None:
        raise not_found("shipment", shipment_id, ["shipmentId"])
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(
            found.fulfillment_order_id,  # type: ignore[attr-defined]
            actor,
            "shipmentId",
        )
        shipment = await Shipment.get(id=shipment_id)
        if shipment.delivered_at is not None:
            raise DomainError(
                ErrorCode.INVALID_TRANSITION,
                f"shipment {shipment_id} was delivered already, at "
                f"{shipment.delivered_at.isoformat()}",
                ["shipmentId"],
            )
        await record(
            order,
            fulfillment_order,
            "SHIPMENT_DELIVERED",
            f"delivered shipment {shipment_id}",
            actor,
            {"shipmentId": shipment_id},
        )
        await _deliver(order, shipment, actor, now)
    return Shipped(shipment, fulfillment_order)


async def mark_picked_up(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    """The customer collected a PICKUP order: everything left ships and is delivered at once."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor, "fulfillmentOrderId")
        if order.delivery_method != DeliveryMethod.PICKUP.value:
            raise invalid(
                f"order {order.number} is a {order.delivery_method} order: ship it instead",
                ["fulfillmentOrderId"],
            )
        await _refuse_if_held(order)
        fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.PICK_UP)
        fulfillment_order.shipped_at = now
        await fulfillment_order.save(update_fields=["status", "shipped_at", "updated_at"])
        current = await _lines(fulfillment_order)
        quantities = _shipment_quantities(current, None)
        shipment = await _dispatch(order, fulfillment_order, current, quantities, actor)
        await record(
            order,
            fulfillment_order,
            "PICKED_UP",
            f"picked up: {sum(quantities.values())} unit(s)",
            actor,
            {"shipmentId": shipment.id},
        )
        await _deliver(order, shipment, actor, now)
    return fulfillment_order


async def _move_target(
    order: Order,
    fulfillment_order: FulfillmentOrder,
    location_id: int | None,
    vendor_id: int | None,
) -> Location | Vendor:
    """The new assignee, checked: it exists, is active, differs from the current one, and
    a PICKUP order stays at its pickup location (the customer is going there)."""
    if (location_id is None) == (vendor_id is None):
        raise invalid("give exactly one of locationId and vendorId", ["locationId"])
    target: Location | Vendor | None
    if location_id is not None:
        field, target = "locationId", await Location.get_or_none(id=location_id)
        current = fulfillment_order.location_id  # type: ignore[attr-defined]
    else:
        field, target = "vendorId", await Vendor.get_or_none(id=vendor_id)
        current = fulfillment_order.vendor_id  # type: ignore[attr-defined]
    if target is None:
        raise not_found(field.removesuffix("Id"), location_id or vendor_id, [field])
    if not target.active:
        raise invalid(f"{target.code} is inactive", [field])
    if current == target.id:
        raise invalid(
            f"fulfillment order {fulfillment_order.id} is already at {target.code}", [field]
        )
    pickup = order.pickup_location_id  # type: ignore[attr-defined]
    if order.delivery_method == DeliveryMethod.PICKUP.value and location_id != pickup:
        raise invalid(
            f"order {order.number} is picked up at its pickup location; it cannot move elsewhere",
            [field],
        )
    return target


async def _move_stock(
    current: Sequence[_Line], target: Location | Vendor, actor: Actor, reference: str
) -> None:
    """Release at the old location and reserve at the new one (a guarded reservation), all
    in level-id order (see _lines). A vendor holds no stock of ours."""
    changes: list[tuple[int, int, str]] = []  # (level id, reserved delta, sku)
    for line in current:
        quantity = _remaining(line.fo_line)
        if quantity <= 0:
            continue
        if line.level_id is not None:
            changes.append((line.level_id, -quantity, line.order_line.sku))
        if isinstance(target, Location):
            level_id = await level_id_for(target.id, line.order_line.product_id)  # type: ignore[attr-defined]
            if level_id is None:
                raise _short(line.order_line.sku, 0, quantity, target)
            changes.append((level_id, quantity, line.order_line.sku))
    for level_id, delta, sku in sorted(changes):
        if delta < 0:
            await release(level_id, -delta, actor, reference)
            continue
        try:
            await reserve(level_id, delta, actor, reference)
        except ReservationConflict:
            level = await InventoryLevel.get(id=level_id)
            free = available(level.on_hand, level.reserved, level.safety_stock)
            raise _short(sku, free, delta, target) from None


def _short(sku: str, free: int, needed: int, location: Location) -> DomainError:
    return DomainError(
        ErrorCode.INSUFFICIENT_STOCK,
        f"{sku} has {free} available at {location.code}, {needed} needed",
        ["locationId"],
    )


async def move(
    fulfillment_order_id: int,
    actor: Actor,
    location_id: int | None = None,
    vendor_id: int | None = None,
) -> FulfillmentOrder:
    """An admin re-assigns a fulfillment order by hand: its reservations move with it and it
    is OPEN again, with a fresh acceptance deadline, announced to the new assignee.
    Capacity and routing rules do not apply: the admin decides."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor)
        fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.MOVE)
        target = await _move_target(order, fulfillment_order, location_id, vendor_id)
        current = await _lines(fulfillment_order)
        shipped = sum(line.fo_line.shipped_quantity for line in current)
        if shipped:
            raise invalid(
                f"fulfillment order {fulfillment_order.id} already shipped {shipped} unit(s); "
                "reject it to route the rest elsewhere",
                ["id"],
            )
        before = await assignee_code(fulfillment_order)
        await _move_stock(current, target, actor, f"order:{order.number}")
        if isinstance(target, Location):
            fulfillment_order.location_id, fulfillment_order.vendor_id = target.id, None  # type: ignore[attr-defined]
        else:
            fulfillment_order.location_id, fulfillment_order.vendor_id = None, target.id  # type: ignore[attr-defined]
        settings = await current_settings()
        fulfillment_order.assigned_at = now
        fulfillment_order.assigned_on = now.date()
        fulfillment_order.accept_by = now + timedelta(minutes=settings.acceptance_minutes)
        fulfillment_order.accepted_at = fulfillment_order.packed_at = None
        fulfillment_order.routing_reason = f"moved by {actor.label} from {before} to {target.code}"
        await fulfillment_order.save()
        await events.announce_assignment(fulfillment_order)
        await events.record(
            order,
            "FULFILLMENT_MOVED",
            f"fulfillment order {fulfillment_order.id} moved from {before} to {target.code}",
            actor,
            {"fulfillmentOrderId": fulfillment_order.id, "from": before, "to": target.code},
        )
        await refresh_status(order, actor)
    return fulfillment_order
