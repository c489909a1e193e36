"""The assignee's work on a fulfillment order: accept, pack, ship, mark delivered, hand
over at the counter (the pickup workflow around it is models.operations.pickup).
Refusing the work is models.operations.rejection; an admin's move to another assignee is
models.operations.fulfillment_move.

Each is one transaction that locks the order first, so that everything acting on one
order (other assignees, cancellations, holds, the deadline sweeper) takes its turn.
Statuses move only through `FULFILLMENT_ORDER` (models.operations.fulfillment_state);
stock moves only through models.operations.reservations and models.operations.stock,
each with its ledger row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import webhook_queue
from models.operations.cancellation_requests import refuse_while_requested
from models.operations.fulfillment_state import (
    FulfillmentLine,
    lines_of,
    next_status,
    optional_text,
    record,
    refuse_if_held,
    remaining,
    work_on,
)
from models.operations.order_state import refresh_status
from models.operations.reservations import consume
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.ids import global_id
from models.rules.lifecycle import FulfillmentAction, OrderStatus
from models.rules.limits import MAX_SHIPMENTS_PER_FULFILLMENT_ORDER, at_most
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderLine, Shipment, ShipmentLine

CARRIER_MAX = 100  # shipment.carrier
TRACKING_MAX = 200  # shipment.tracking_number


@dataclass(frozen=True)
class ShipLine:
    order_line_id: int
    quantity: int


@dataclass(frozen=True)
class Shipped:
    shipment: Shipment
    fulfillment_order: FulfillmentOrder


async def _advance(
    fulfillment_order_id: int, action: FulfillmentAction, stamp: str, actor: Actor
) -> FulfillmentOrder:
    """Accept or pack: a transition, its timestamp column and a timeline entry."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor)
        await refuse_if_held(order)
        await refuse_while_requested(fulfillment_order)
        fulfillment_order.status = next_status(fulfillment_order, action)
        setattr(fulfillment_order, stamp, now)
        await fulfillment_order.save(update_fields=["status", stamp, "updated_at"])
        await record(
            order,
            fulfillment_order,
            OrderEventType(fulfillment_order.status),
            "is " + fulfillment_order.status,
            actor,
            tell=FulfillmentOrderEventType(fulfillment_order.status),
        )
        await refresh_status(order, actor)
    return fulfillment_order


async def accept(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    return await _advance(fulfillment_order_id, FulfillmentAction.ACCEPT, "accepted_at", actor)


async def pack(fulfillment_order_id: int, actor: Actor) -> FulfillmentOrder:
    return await _advance(fulfillment_order_id, FulfillmentAction.PACK, "packed_at", actor)


def line_quantities(
    lines: Sequence[FulfillmentLine], wanted: Sequence[ShipLine] | None
) -> dict[int, int]:
    """order line id -> units to ship (or to reject: a short pick); everything left when
    `wanted` is None."""
    if wanted is None:
        return {
            line.order_line.id: remaining(line.fo_line) for line in lines if remaining(line.fo_line)
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
        if quantities[item.order_line_id] > remaining(line.fo_line):
            raise invalid(
                f"{line.order_line.sku}: {remaining(line.fo_line)} left to ship here, "
                f"{quantities[item.order_line_id]} requested",
                [*path, "quantity"],
            )
    return quantities


async def _dispatch(
    order: Order,
    fulfillment_order: FulfillmentOrder,
    lines: Sequence[FulfillmentLine],
    quantities: dict[int, int],
    actor: Actor,
    carrier: str | None = None,
    tracking_number: str | None = None,
) -> Shipment:
    """Units leave: a shipment, shipped quantities on both kinds of line, and at a location
    the stock consumed (onHand and reserved drop together); a vendor's stock is its own."""
    reference = f"order:{order.number}"
    shipments = await Shipment.filter(fulfillment_order_id=fulfillment_order.id).count()
    at_most(
        shipments + 1,
        MAX_SHIPMENTS_PER_FULFILLMENT_ORDER,
        f"shipments of fulfillment order {fulfillment_order.id}",
        "id",
    )
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
    carrier = optional_text(carrier, CARRIER_MAX, "carrier")
    tracking_number = optional_text(tracking_number, TRACKING_MAX, "trackingNumber")
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor)
        await refuse_if_held(order)
        await refuse_while_requested(fulfillment_order)
        current = await lines_of(fulfillment_order)
        left = sum(remaining(line.fo_line) for line in current)
        # Ask the state machine before looking at the lines, so that shipping an OPEN or a
        # closed fulfillment order says so rather than complaining about quantities.
        next_status(
            fulfillment_order, FulfillmentAction.SHIP_PART if left else FulfillmentAction.SHIP_ALL
        )
        quantities = line_quantities(current, lines)
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
            OrderEventType.SHIPPED,
            f"shipped {shipping} of the {left} unit(s) left"
            + (f" with {carrier}" if carrier else "")
            + (f", tracking {tracking_number}" if tracking_number else ""),
            actor,
            {
                "shipmentId": global_id("Shipment", shipment.id),
                "lines": {global_id("OrderLine", k): v for k, v in quantities.items()},
            },
            tell=FulfillmentOrderEventType.SHIPPED
            if done
            else FulfillmentOrderEventType.PARTIALLY_SHIPPED,
        )
        await webhook_queue.enqueue(order, "shipment.created", fulfillment_order)
        await refresh_status(order, actor)
    return Shipped(shipment, fulfillment_order)


async def _deliver(order: Order, shipment: Shipment, actor: Actor, now: datetime) -> None:
    """The shipment reached the customer: its units count as delivered, and the order's
    delivered_at is stamped when that makes the whole order DELIVERED."""
    shipment.delivered_at = now
    await shipment.save(update_fields=["delivered_at"])
    for shipment_line in await ShipmentLine.filter(shipment_id=shipment.id):
        await OrderLine.filter(id=shipment_line.order_line_id).update(
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
            found.fulfillment_order_id,
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
            OrderEventType.DELIVERED,
            f"delivered shipment {shipment_id}",
            actor,
            {"shipmentId": global_id("Shipment", shipment_id)},
        )
        await _deliver(order, shipment, actor, now)
        await webhook_queue.enqueue(order, "shipment.delivered", fulfillment_order)
    return Shipped(shipment, fulfillment_order)


async def hand_over(
    order: Order, fulfillment_order: FulfillmentOrder, actor: Actor, now: datetime
) -> None:
    """Inside the caller's transaction: the customer collected a PICKUP order at the
    counter, so everything left ships and is delivered at once (models.operations.pickup
    checks the code first)."""
    fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.PICK_UP)
    fulfillment_order.shipped_at = now
    await fulfillment_order.save(update_fields=["status", "shipped_at", "updated_at"])
    current = await lines_of(fulfillment_order)
    quantities = line_quantities(current, None)
    shipment = await _dispatch(order, fulfillment_order, current, quantities, actor)
    await record(
        order,
        fulfillment_order,
        OrderEventType.PICKED_UP,
        f"picked up: {sum(quantities.values())} unit(s)",
        actor,
        {"shipmentId": global_id("Shipment", shipment.id)},
        tell=FulfillmentOrderEventType.PICKED_UP,
    )
    await _deliver(order, shipment, actor, now)
    await webhook_queue.enqueue(order, "order.picked_up", fulfillment_order)
