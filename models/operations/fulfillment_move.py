"""An admin moves a fulfillment order to another assignee by hand: its reservations
move with it, and it is OPEN again with a fresh acceptance deadline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events
from models.operations.cancellation_requests import refuse_while_requested
from models.operations.fulfillment_state import (
    FulfillmentLine,
    assignee_code,
    lines_of,
    next_status,
    remaining,
    work_on,
)
from models.operations.order_routing import claim_capacity
from models.operations.order_state import refresh_status
from models.operations.reservations import ReservationConflict, level_id_for, release, reserve
from models.operations.routing import current_settings
from models.rules.capacity import local_day
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.inventory import available
from models.rules.lifecycle import DeliveryMethod, FulfillmentAction
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, InventoryLevel, Location, Order, Vendor


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
        current = fulfillment_order.location_id
    else:
        field, target = "vendorId", await Vendor.get_or_none(id=vendor_id)
        current = fulfillment_order.vendor_id
    if target is None:
        raise not_found(field.removesuffix("Id"), location_id or vendor_id, [field])
    if not target.active:
        raise invalid(f"{target.code} is inactive", [field])
    if current == target.id:
        raise invalid(
            f"fulfillment order {fulfillment_order.id} is already at {target.code}", [field]
        )
    pickup = order.pickup_location_id
    if order.delivery_method == DeliveryMethod.PICKUP.value and location_id != pickup:
        raise invalid(
            f"order {order.number} is picked up at its pickup location; it cannot move elsewhere",
            [field],
        )
    return target


async def _move_stock(
    current: Sequence[FulfillmentLine], target: Location | Vendor, actor: Actor, reference: str
) -> None:
    """Release at the old location and reserve at the new one (a guarded reservation), all
    in level-id order (see lines_of). A vendor holds no stock of ours."""
    changes: list[tuple[int, int, str]] = []  # (level id, reserved delta, sku)
    for line in current:
        quantity = remaining(line.fo_line)
        if quantity <= 0:
            continue
        if line.level_id is not None:
            changes.append((line.level_id, -quantity, line.order_line.sku))
        if isinstance(target, Location):
            level_id = await level_id_for(target.id, line.order_line.product_id)
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


def _short(sku: str, free: int, needed: int, location: Location | Vendor) -> DomainError:
    return DomainError(
        ErrorCode.INSUFFICIENT_STOCK,
        f"{sku} has {free} available at {location.code}, {needed} needed",
        ["locationId"],
    )


async def _claim_day(target: Location, now: datetime) -> date:
    """One more fulfillment order on the target's local day, or AT_CAPACITY."""
    try:
        await claim_capacity({target.id: 1}, now)
        return local_day(now, target.time_zone)
    except ReservationConflict:
        raise DomainError(
            ErrorCode.AT_CAPACITY,
            f"{target.code} has taken its dailyCapacity of {target.daily_capacity} fulfillment "
            f"order(s) for {local_day(now, target.time_zone)} (its local day in "
            f"{target.time_zone})",
            ["locationId"],
        ) from None


async def move(
    fulfillment_order_id: int,
    actor: Actor,
    location_id: int | None = None,
    vendor_id: int | None = None,
) -> FulfillmentOrder:
    """An admin re-assigns a fulfillment order by hand: its reservations move with it and it
    is OPEN again, with a fresh acceptance deadline, announced to the new assignee.
    Routing rules do not apply (the admin decides); the target's daily capacity does, as
    placement counts it (claim_capacity, after the stock rows)."""
    now = datetime.now(UTC)
    async with in_transaction():
        order, fulfillment_order = await work_on(fulfillment_order_id, actor)
        await refuse_while_requested(fulfillment_order)
        fulfillment_order.status = next_status(fulfillment_order, FulfillmentAction.MOVE)
        target = await _move_target(order, fulfillment_order, location_id, vendor_id)
        current = await lines_of(fulfillment_order)
        shipped = sum(line.fo_line.shipped_quantity for line in current)
        if shipped:
            raise invalid(
                f"fulfillment order {fulfillment_order.id} already shipped {shipped} unit(s); "
                "reject it to route the rest elsewhere",
                ["id"],
            )
        before = await assignee_code(fulfillment_order)
        left = events.about(fulfillment_order)
        await events.tell_assignee(fulfillment_order, FulfillmentOrderEventType.MOVED_AWAY)
        await _move_stock(current, target, actor, f"order:{order.number}")
        if isinstance(target, Location):
            day = await _claim_day(target, now)
            fulfillment_order.location_id, fulfillment_order.vendor_id = target.id, None
        else:
            day = now.date()  # a vendor's day is UTC's, as in placement
            fulfillment_order.location_id, fulfillment_order.vendor_id = None, target.id
        settings = await current_settings()
        fulfillment_order.assigned_at = now
        fulfillment_order.assigned_on = day
        fulfillment_order.accept_by = now + timedelta(minutes=settings.acceptance_minutes)
        fulfillment_order.accepted_at = fulfillment_order.packed_at = None
        fulfillment_order.routing_reason = f"moved by {actor.label} from {before} to {target.code}"
        await fulfillment_order.save()
        await events.tell_assignee(fulfillment_order, FulfillmentOrderEventType.ASSIGNED)
        await events.record(
            order,
            OrderEventType.MOVED,
            f"fulfillment order {fulfillment_order.id} moved from {before} to {target.code}",
            actor,
            {"from": before, "to": target.code},
            about={**left, **events.about(fulfillment_order)},
            assignee_message=f"fulfillment order {fulfillment_order.id} moved by {actor.label}",
        )
        await refresh_status(order, actor)
    return fulfillment_order
