"""Order capture and the order-level actions: place, cancel, cancel lines, hold, release."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import events, order_routing
from models.operations.inventory import StockChange
from models.operations.locations import AddressData
from models.operations.order_routing import route_order
from models.operations.order_state import refresh_status
from models.operations.reservations import ReservationConflict, lock_levels, release
from models.rules.inventory import available
from models.rules.lifecycle import (
    CancelReason,
    DeliveryMethod,
    FulfillmentOrderStatus,
    HoldReason,
    LineQuantities,
    OrderAction,
    OrderFacts,
    OrderStatus,
    TransitionError,
    check_order_action,
    derive_order_status,
)
from models.rules.money import check_amount, check_currency
from models.rules.routing import LineDemand, RoutingPlan, RoutingRequest
from models.rules.scopes import Actor
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    IdempotencyRecord,
    InventoryLevel,
    Location,
    Order,
    OrderHold,
    OrderLine,
    Product,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_LINES = 250
MAX_QUANTITY = 100_000
# A placement that loses a race for stock plans again over the fresh stock.
ROUTING_ATTEMPTS = 5
# Orders re-routed per stock rise: the oldest first.
BACKORDER_BATCH = 100
_WORKING = (FulfillmentOrderStatus.ACCEPTED.value, FulfillmentOrderStatus.PACKED.value)
_LIVE = (FulfillmentOrderStatus.OPEN.value, *_WORKING)


@dataclass(frozen=True)
class LineInput:
    sku: str
    quantity: int
    unit_price: Decimal | None = None


@dataclass(frozen=True)
class OrderInput:
    channel: str
    customer_email: str
    currency: str
    lines: tuple[LineInput, ...]
    customer_name: str | None = None
    external_id: str | None = None
    idempotency_key: str | None = None
    delivery_method: DeliveryMethod = DeliveryMethod.SHIP
    shipping_address: AddressData | None = None
    pickup_location_id: int | None = None


@dataclass(frozen=True)
class ValidOrder:
    """An OrderInput that passed every check, with what the checks loaded."""

    data: OrderInput
    currency: str
    products: tuple[Product, ...]  # one per line
    unit_prices: tuple[Decimal, ...]
    address_columns: dict[str, object] = field(default_factory=dict)

    @property
    def subtotal(self) -> Decimal:
        return sum(
            (p * line.quantity for p, line in zip(self.unit_prices, self.data.lines, strict=True)),
            Decimal("0.00"),
        )

    def request_hash(self) -> str:
        """What idempotency compares: the same key must come with the same order."""
        canonical = json.dumps(asdict(self.data), sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


async def validate_order(data: OrderInput) -> ValidOrder:
    channel = data.channel.strip()
    if not channel or len(channel) > 64:
        raise invalid("channel must be 1-64 characters", ["channel"])
    if not EMAIL.fullmatch(data.customer_email.strip()):
        raise invalid(f"{data.customer_email!r} is not an email address", ["customer", "email"])
    currency = check_currency(data.currency, ["currency"])
    if not data.lines:
        raise invalid("an order needs at least one line", ["lines"])
    if len(data.lines) > MAX_LINES:
        raise invalid(f"an order takes at most {MAX_LINES} lines", ["lines"])
    if data.idempotency_key is not None and not 1 <= len(data.idempotency_key) <= 200:
        raise invalid("idempotencyKey must be 1-200 characters", ["idempotencyKey"])

    skus = {line.sku.strip() for line in data.lines}
    products = {p.sku: p for p in await Product.filter(sku__in=skus)}
    prices = []
    for index, line in enumerate(data.lines):
        path = ["lines", str(index)]
        product = products.get(line.sku.strip())
        if product is None:
            raise not_found("sku", line.sku, [*path, "sku"])
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise invalid(
                f"quantity of {line.sku} must be 1-{MAX_QUANTITY}, got {line.quantity}",
                [*path, "quantity"],
            )
        if line.unit_price is not None:
            prices.append(check_amount(line.unit_price, [*path, "unitPrice"]))
        elif product.price_amount is not None and product.price_currency == currency:
            prices.append(Decimal(product.price_amount))
        else:
            raise invalid(
                f"{line.sku} has no {currency} price: give unitPrice", [*path, "unitPrice"]
            )

    address_columns: dict[str, object] = {}
    if data.shipping_address is not None:
        address_columns = data.shipping_address.columns("shippingAddress")
    if data.delivery_method is DeliveryMethod.SHIP:
        missing = [
            name
            for name, column in (
                ("line1", "address_line1"),
                ("city", "address_city"),
                ("countryCode", "address_country"),
            )
            if not address_columns.get(column)
        ]
        if missing:
            raise invalid(
                f"a SHIP order needs a shipping address with {', '.join(missing)}",
                ["shippingAddress", missing[0]],
            )
        if data.pickup_location_id is not None:
            raise invalid("pickupLocationId is only for PICKUP orders", ["pickupLocationId"])
    else:
        if data.pickup_location_id is None:
            raise invalid("a PICKUP order needs pickupLocationId", ["pickupLocationId"])
        location = await Location.get_or_none(id=data.pickup_location_id)
        if location is None:
            raise not_found("location", data.pickup_location_id, ["pickupLocationId"])
        if not location.active or not location.pickup_enabled:
            raise invalid(
                f"{location.code} does not offer pickup"
                + ("" if location.active else " (it is inactive)"),
                ["pickupLocationId"],
            )
    return ValidOrder(
        data=data,
        currency=currency,
        products=tuple(products[line.sku.strip()] for line in data.lines),
        unit_prices=tuple(prices),
        address_columns=address_columns,
    )


@dataclass(frozen=True)
class Placed:
    order: Order
    created: bool  # False when an idempotent retry returned the earlier order
    # What the placement wrote, so the response need not read it back.
    lines: Sequence[OrderLine] | None = None
    fulfillment_orders: Sequence[FulfillmentOrder] | None = None


async def _replay(channel: str, key: str, request_hash: str) -> Order | None:
    record = await IdempotencyRecord.get_or_none(channel=channel, key=key)
    if record is None:
        return None
    if record.request_hash != request_hash:
        raise DomainError(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            f"idempotencyKey {key!r} was already used on channel {channel} for a different order",
            ["idempotencyKey"],
        )
    return await Order.get(id=record.order_id)  # type: ignore[attr-defined]


def new_order_request(valid: ValidOrder) -> RoutingRequest:
    """What routing is asked for an order not yet stored: lines are named by position."""
    data = valid.data
    return RoutingRequest(
        channel=data.channel.strip(),
        destination=order_routing.destination_of(Order(**valid.address_columns)),
        lines=tuple(
            LineDemand(
                line_id=index, sku=product.sku, quantity=line.quantity, tags=frozenset(product.tags)
            )
            for index, (line, product) in enumerate(zip(data.lines, valid.products, strict=True))
        ),
        pickup_location_id=data.pickup_location_id,
    )


def _planned_quantities(plan: RoutingPlan, count: int) -> list[tuple[int, int]]:
    """(allocated, backordered) for each line position."""
    allocated = [0] * count
    for assignment in plan.assignments:
        for planned in assignment.lines:
            allocated[planned.line_id] += planned.quantity
    return [(allocated[i], plan.backordered.get(i, 0)) for i in range(count)]


async def _insert(valid: ValidOrder, status: OrderStatus) -> tuple[Order, list[OrderLine]]:
    """The order, with the status its plan gives it, and its lines."""
    data = valid.data
    order = await Order.create(
        channel=data.channel.strip(),
        external_id=data.external_id,
        customer_email=data.customer_email.strip(),
        customer_name=(data.customer_name or "").strip() or None,
        delivery_method=data.delivery_method.value,
        pickup_location_id=data.pickup_location_id,
        currency=valid.currency,
        subtotal=valid.subtotal,
        has_shipping_address=bool(valid.address_columns),
        status=status.value,
        **valid.address_columns,
    )
    # A readable, gap-tolerant number from the id: no counter row to contend on.
    order.number = str(1000 + order.id)
    await order.save(update_fields=["number"])
    await OrderLine.bulk_create(
        [
            OrderLine(
                order_id=order.id,
                product_id=product.id,
                position=index + 1,
                sku=product.sku,
                quantity=line.quantity,
                unit_price=price,
            )
            for index, (line, product, price) in enumerate(
                zip(data.lines, valid.products, valid.unit_prices, strict=True)
            )
        ]
    )
    if data.idempotency_key:
        await IdempotencyRecord.create(
            channel=order.channel,
            key=data.idempotency_key,
            request_hash=valid.request_hash(),
            order_id=order.id,
        )
    lines = list(await OrderLine.filter(order_id=order.id).order_by("position"))
    return order, lines


async def _plan_new_order(request: RoutingRequest, now: datetime) -> order_routing.Snapshot:
    snapshot = await order_routing.plan(request, now)
    backordered = sum(snapshot.plan.backordered.values())
    if backordered and not snapshot.backorders_allowed:
        raise DomainError(
            ErrorCode.BACKORDERS_NOT_ALLOWED,
            f"{backordered} unit(s) cannot be sourced now and backorders "
            "are off (routingSettings.backorders = REJECT)",
            ["lines"],
        )
    return snapshot


async def _write_new_order(
    valid: ValidOrder, snapshot: order_routing.Snapshot, actor: Actor, now: datetime
) -> Placed:
    """Inside the transaction: the order, its lines, reservations and assignments."""
    data = valid.data
    quantities = _planned_quantities(snapshot.plan, len(data.lines))
    status = derive_order_status(
        OrderFacts(
            lines=tuple(
                LineQuantities(quantity=line.quantity, allocated=a, backordered=b)
                for line, (a, b) in zip(data.lines, quantities, strict=True)
            ),
            fulfillment_statuses=(FulfillmentOrderStatus.OPEN,) * len(snapshot.plan.assignments),
        )
    )
    order, lines = await _insert(valid, status)
    by_position = {index: line.id for index, line in enumerate(lines)}
    placed_plan = order_routing.with_line_ids(snapshot.plan, by_position)
    outcome = await order_routing.apply_plan(
        order, lines, replace(snapshot, plan=placed_plan), actor, now
    )
    placed = events.Entry(
        "PLACED",
        f"order {order.number} placed on {order.channel}: {len(lines)} line(s), "
        f"{valid.subtotal} {valid.currency}",
        {"externalId": data.external_id},
    )
    await events.record_many(order, [placed, *([outcome.entry] if outcome.entry else [])], actor)
    return Placed(order, True, lines, outcome.created)


async def place_order(data: OrderInput, actor: Actor) -> Placed:
    """Capture and route an order.

    The plan is made before the transaction, which then only writes: a plan whose
    stock was taken meanwhile fails its guarded reservation and is made again over
    the fresh stock. The last attempt plans inside the transaction with the stock
    rows locked (in id order), so a placement that keeps losing races still gets
    what is there instead of a refusal.
    """
    valid = await validate_order(data)
    key, channel = data.idempotency_key, data.channel.strip()
    if key:
        earlier = await _replay(channel, key, valid.request_hash())
        if earlier is not None:
            return Placed(earlier, created=False)
    request = new_order_request(valid)
    for attempt in range(ROUTING_ATTEMPTS):
        now = datetime.now(UTC)
        locked = attempt == ROUTING_ATTEMPTS - 1
        snapshot = None if locked else await _plan_new_order(request, now)
        try:
            async with in_transaction():
                if snapshot is None:
                    await lock_levels({line.sku for line in request.lines})
                    snapshot = await _plan_new_order(request, now)
                return await _write_new_order(valid, snapshot, actor, now)
        except ReservationConflict:
            continue
        except IntegrityError:
            # Another request with the same idempotency key committed first.
            if key and (earlier := await _replay(channel, key, valid.request_hash())):
                return Placed(earlier, created=False)
            raise
    raise DomainError(
        ErrorCode.INSUFFICIENT_STOCK,
        "stock for this order kept changing while it was placed; try again",
        ["lines"],
    )


async def locked_order(order_id: int) -> Order:
    """The order, locked against concurrent changes (PostgreSQL) for this transaction."""
    order = await Order.select_for_update().get_or_none(id=order_id)
    if order is None:
        raise not_found("order", order_id, ["orderId"])
    return order


def _check(order: Order, action: OrderAction) -> None:
    try:
        check_order_action(OrderStatus(order.status), action)
    except TransitionError as error:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, f"order {order.number}: {error.message}"
        ) from None


async def _release_fulfillment_line(
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


async def close_if_done(fulfillment_order: FulfillmentOrder, now: datetime) -> None:
    """A fulfillment order with nothing left to ship is SHIPPED, or CANCELLED if nothing shipped."""
    lines = await FulfillmentOrderLine.filter(fulfillment_order_id=fulfillment_order.id)
    if any(line.quantity - line.shipped_quantity - line.cancelled_quantity > 0 for line in lines):
        return
    if any(line.shipped_quantity for line in lines):
        fulfillment_order.status = FulfillmentOrderStatus.SHIPPED.value
        fulfillment_order.shipped_at = fulfillment_order.shipped_at or now
    else:
        fulfillment_order.status = FulfillmentOrderStatus.CANCELLED.value
        fulfillment_order.cancelled_at = now
    await fulfillment_order.save()


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
        remaining = fo_line.quantity - fo_line.shipped_quantity - fo_line.cancelled_quantity
        take = min(left, remaining)
        if take <= 0:
            continue
        await _release_fulfillment_line(fo_line.fulfillment_order, fo_line, take, actor, reference)
        await close_if_done(fo_line.fulfillment_order, now)
        line.allocated_quantity -= take
        left -= take
    line.cancelled_quantity += quantity
    await line.save(
        update_fields=["cancelled_quantity", "allocated_quantity", "backordered_quantity"]
    )


def cancellable(line: OrderLine) -> int:
    return line.quantity - line.cancelled_quantity - line.shipped_quantity


async def cancel_order(
    order_id: int, reason: CancelReason, actor: Actor, note: str | None = None
) -> Order:
    now = datetime.now(UTC)
    async with in_transaction():
        order = await locked_order(order_id)
        _check(order, OrderAction.CANCEL)
        for line in await OrderLine.filter(order_id=order.id).order_by("id"):
            if cancellable(line):
                await _cancel_line_quantity(order, line, cancellable(line), actor, now)
        order.cancel_reason = reason.value
        order.cancelled_at = now
        await order.save(update_fields=["cancel_reason", "cancelled_at", "updated_at"])
        await events.record(
            order,
            "CANCELLED",
            f"order cancelled ({reason.value})" + (f": {note}" if note else ""),
            actor,
            {"reason": reason.value},
        )
        await refresh_status(order, actor)
    return order


@dataclass(frozen=True)
class LineCancellation:
    order_line_id: int
    quantity: int


async def cancel_order_lines(
    order_id: int, cancellations: Sequence[LineCancellation], reason: CancelReason, actor: Actor
) -> Order:
    now = datetime.now(UTC)
    if not cancellations:
        raise invalid("name at least one line to cancel", ["lines"])
    async with in_transaction():
        order = await locked_order(order_id)
        _check(order, OrderAction.CANCEL_LINES)
        lines = {line.id: line for line in await OrderLine.filter(order_id=order.id)}
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
        for line_id, quantity in wanted.items():
            await _cancel_line_quantity(order, lines[line_id], quantity, actor, now)
        await events.record(
            order,
            "LINES_CANCELLED",
            ", ".join(f"{lines[i].sku} x{q}" for i, q in wanted.items())
            + f" cancelled ({reason.value})",
            actor,
            {"reason": reason.value, "lines": {str(i): q for i, q in wanted.items()}},
        )
        status = await refresh_status(order, actor)
        if status is OrderStatus.CANCELLED:
            order.cancel_reason, order.cancelled_at = reason.value, now
            await order.save(update_fields=["cancel_reason", "cancelled_at"])
    return order


async def hold_order(order_id: int, reason: HoldReason, note: str | None, actor: Actor) -> Order:
    async with in_transaction():
        order = await locked_order(order_id)
        _check(order, OrderAction.HOLD)
        await OrderHold.create(order_id=order.id, reason=reason.value, note=note, actor=actor.label)
        await events.record(
            order,
            "HELD",
            f"held: {reason.value}" + (f" ({note})" if note else ""),
            actor,
            {"reason": reason.value},
        )
        await refresh_status(order, actor)
    return order


async def routing_transaction(work: Callable[[], Awaitable[T]]) -> T:
    """Run `work` (which routes) in a transaction; when it loses a race for stock, run it
    again over the fresh stock."""
    for _ in range(ROUTING_ATTEMPTS):
        try:
            async with in_transaction():
                return await work()
        except ReservationConflict:
            continue
    raise DomainError(ErrorCode.INSUFFICIENT_STOCK, "stock kept changing while routing; try again")


async def release_hold(order_id: int, actor: Actor) -> Order:
    """Release every hold, then route what is not yet assigned."""
    now = datetime.now(UTC)

    async def work() -> Order:
        order = await locked_order(order_id)
        _check(order, OrderAction.RELEASE_HOLD)
        await OrderHold.filter(order_id=order.id, released_at=None).update(
            released_at=now, released_by=actor.label
        )
        await events.record(order, "HOLD_RELEASED", "hold released", actor)
        await route_order(order, actor, now)
        await refresh_status(order, actor)
        return order

    return await routing_transaction(work)


async def reroute_backorders(product_ids: Sequence[int], actor: Actor) -> int:
    """Route backordered orders that want these products again, oldest first.

    Each order is its own transaction, so one that loses a race does not hold up
    the others. Returns how many orders received new assignments.
    """
    order_ids = (
        await Order.filter(
            status=OrderStatus.BACKORDERED.value,
            lines__product_id__in=list(product_ids),
            lines__backordered_quantity__gt=0,
        )
        .distinct()
        .order_by("id")
        .limit(BACKORDER_BATCH)
        .values_list("id", flat=True)
    )
    routed = 0
    for order_id in order_ids:
        for _ in range(ROUTING_ATTEMPTS):
            try:
                async with in_transaction():
                    order = await locked_order(order_id)
                    if order.status != OrderStatus.BACKORDERED.value:
                        break
                    outcome = await route_order(order, actor)
                    await refresh_status(order, actor)
                    routed += bool(outcome.created)
                break
            except ReservationConflict:
                continue
    return routed


async def route_backorders_after(change: StockChange, actor: Actor) -> int:
    """Stock became available: give it to backordered orders. Call after the change committed."""
    level = change.level
    await level.refresh_from_db()
    if available(level.on_hand, level.reserved, level.safety_stock) <= 0:
        return 0
    routed = await reroute_backorders([level.product_id], actor)  # type: ignore[attr-defined]
    await level.refresh_from_db()
    return routed
