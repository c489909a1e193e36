"""Placing an order: validate it (header, lines, delivery), plan its routing, and write
the order, its lines, reservations and fulfillment orders in one transaction."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import sql
from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations import config_version, events, order_routing, sync_clock
from models.operations.locations import AddressData
from models.operations.reservations import lock_levels, retry_on_conflict
from models.rules.events import OrderEventType
from models.rules.lifecycle import (
    DeliveryMethod,
    FulfillmentOrderStatus,
    LineQuantities,
    OrderFacts,
    OrderStatus,
    derive_order_status,
)
from models.rules.money import check_amount, check_currency, check_total
from models.rules.routing import LineDemand, RoutingPlan, RoutingRequest
from models.rules.scopes import Actor
from models.tables import (
    FulfillmentOrder,
    IdempotencyRecord,
    InventoryLevel,
    Location,
    Order,
    OrderLine,
    Product,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_LINES = 250
MAX_QUANTITY = 100_000


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


def order_subtotal(
    unit_prices: Sequence[Decimal], lines: Sequence[LineInput], currency: str
) -> Decimal:
    """Refused when the subtotal column could not hold it (every line total and the current
    subtotal are at most this)."""
    return check_total(
        [p * line.quantity for p, line in zip(unit_prices, lines, strict=True)],
        "the order's subtotal",
        currency,
        ["lines"],
    )


@dataclass(frozen=True)
class ValidOrder:
    """An OrderInput that passed every check, with what the checks loaded."""

    data: OrderInput
    currency: str
    products: tuple[Product, ...]  # one per line
    unit_prices: tuple[Decimal, ...]
    address_columns: dict[str, Any] = field(default_factory=dict)
    # The order placed earlier with the same idempotency key, as validation found it.
    earlier: Earlier | None = None
    # The lines' stock, read with their products: what the first plan starts from.
    stock: order_routing.Stock | None = None

    @property
    def subtotal(self) -> Decimal:
        return order_subtotal(self.unit_prices, self.data.lines, self.currency)

    def request_hash(self) -> str:
        """What idempotency compares: the same key must come with the same order."""
        canonical = json.dumps(_plain(self.data), sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _plain(value: Any) -> Any:
    """`value` as JSON would see `dataclasses.asdict` of it (so that hashes of requests
    stored earlier still match), without asdict's deep copy of every leaf."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def check_header(data: OrderInput) -> str:
    """Channel, customer, currency, line count and idempotency key; returns the currency."""
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
    return currency


async def check_lines(
    lines: Sequence[LineInput], currency: str
) -> tuple[tuple[Product, ...], tuple[Decimal, ...]]:
    """Each line's product and quantity, and its unit price (given, or the product's
    price in the order's currency)."""
    products, prices, _, _ = await _checked_lines(lines, currency, None)
    return products, prices


@dataclass(frozen=True)
class Earlier:
    """The idempotency record of an order placed earlier with the same channel and key."""

    order_id: int
    request_hash: str


async def _products(
    skus: set[str], idempotency: tuple[str, str] | None, with_stock: bool
) -> tuple[dict[str, Product], Earlier | None, order_routing.Stock | None]:
    """The products of `skus` by sku, the record of `idempotency` (channel, key) when one
    is given, and, `with_stock`, the products' stock levels for the first plan, in one
    statement (hand-written: Tortoise's query building cost more than the read on every
    placement). The levels come as rows of their own, after the products' (a product's
    columns repeated on each of its levels cost more to decode than all the rest)."""
    db = sql.connection(Product)
    columns = tuple(Product._meta.db_fields)
    width, sku = len(columns), columns.index("sku")
    channel, key, *marks = sql.placeholders(db, 2 + (2 if with_stock else 1) * len(skus))
    in_skus = f'p."sku" IN ({",".join(marks[: len(skus)])})'
    text = (
        f"SELECT {','.join('p.' + sql.quote(column) for column in columns)}, "
        'r."order_id", r."request_hash"'
        + (
            f", {'NULL,' * order_routing.LEVEL_WIDTH}{config_version.VERSION_SQL}"
            if with_stock
            else ""
        )
        + f" FROM {sql.table(Product)} p LEFT JOIN {sql.table(IdempotencyRecord)} r "
        f'ON r."channel" = {channel} AND r."key" = {key} WHERE {in_skus}'
    )
    if with_stock:
        text += (
            f" UNION ALL SELECT {'NULL,' * (width + 2)}{order_routing.STOCK_COLUMNS} "
            f"FROM {sql.table(InventoryLevel)} l JOIN {sql.table(Product)} p "
            f'ON p.id = l.product_id WHERE p."sku" IN ({",".join(marks[len(skus) :])})'
        )
    # The record's key is unique: it joins every product row, or none.
    rows = await sql.run(
        db, text, [*(idempotency or (None, None)), *skus, *(skus if with_stock else ())]
    )
    products, earlier = {}, None
    for row in rows:
        if row[sku] is None:  # a stock level's row
            continue
        products[row[sku]] = Product._init_from_db(**dict(zip(columns, row[:width], strict=True)))
        if row[width] is not None:
            earlier = Earlier(*row[width : width + 2])
    return products, earlier, order_routing.stock_of(rows) if with_stock else None


async def _checked_lines(
    lines: Sequence[LineInput],
    currency: str,
    idempotency: tuple[str, str] | None,
    with_stock: bool = False,
) -> tuple[tuple[Product, ...], tuple[Decimal, ...], Earlier | None, order_routing.Stock | None]:
    """check_lines, the record of `idempotency` (channel, key) when one is given, and the
    stock when asked (see `_products`)."""
    products, earlier, stock = await _products(
        {line.sku.strip() for line in lines}, idempotency, with_stock
    )
    prices = []
    for index, line in enumerate(lines):
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
    return tuple(products[line.sku.strip()] for line in lines), tuple(prices), earlier, stock


def shipping_columns(address: AddressData | None) -> dict[str, object]:
    """The address columns of a SHIP order, which must name line1, city and country."""
    address_columns = address.columns("shippingAddress") if address is not None else {}
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
    return address_columns


async def check_delivery(data: OrderInput) -> dict[str, object]:
    """A SHIP order needs an address; a PICKUP order a location that offers pickup.
    Returns the order's address columns."""
    if data.delivery_method is DeliveryMethod.SHIP:
        shipping = shipping_columns(data.shipping_address)
        if data.pickup_location_id is not None:
            raise invalid("pickupLocationId is only for PICKUP orders", ["pickupLocationId"])
        return shipping
    address_columns: dict[str, object] = {}
    if data.shipping_address is not None:
        address_columns = data.shipping_address.columns("shippingAddress")
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
    return address_columns


async def validate_order(data: OrderInput) -> ValidOrder:
    currency = check_header(data)
    key = data.idempotency_key
    products, unit_prices, earlier, stock = await _checked_lines(
        data.lines, currency, (data.channel.strip(), key) if key else None, with_stock=True
    )
    order_subtotal(unit_prices, data.lines, currency)
    address_columns = await check_delivery(data)
    return ValidOrder(
        data=data,
        currency=currency,
        products=products,
        unit_prices=unit_prices,
        address_columns=address_columns,
        earlier=earlier,
        stock=stock,
    )


@dataclass(frozen=True)
class Placed:
    order: Order
    created: bool  # False when an idempotent retry returned the earlier order
    # What the placement wrote, so the response need not read it back.
    lines: Sequence[OrderLine] | None = None
    fulfillment_orders: Sequence[FulfillmentOrder] | None = None
    locations: Sequence[Location] = ()  # those the fulfillment orders are assigned to


async def _replay(channel: str, key: str, request_hash: str) -> Order | None:
    record = await IdempotencyRecord.get_or_none(channel=channel, key=key)
    if record is None:
        return None
    return await _earlier_order(
        Earlier(record.order_id, record.request_hash), channel, key, request_hash
    )


async def _earlier_order(earlier: Earlier, channel: str, key: str, request_hash: str) -> Order:
    if earlier.request_hash != request_hash:
        raise DomainError(
            ErrorCode.IDEMPOTENCY_CONFLICT,
            f"idempotencyKey {key!r} was already used on channel {channel} for a different order",
            ["idempotencyKey"],
        )
    return await Order.get(id=earlier.order_id)


def new_order_request(valid: ValidOrder) -> RoutingRequest:
    """What routing is asked for an order not yet stored: lines are named by position."""
    data = valid.data
    return RoutingRequest(
        channel=data.channel.strip(),
        destination=order_routing.destination_of(valid.address_columns),
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


# The order's id: the sequence's next on PostgreSQL (with the transaction id, for the
# stamp), AUTOINCREMENT's next on SQLite (one writer at a time). It is position 0 of
# "parents", where the lines name it on PostgreSQL (`sql.with_clauses`' link).
_NEXT_ORDER_ID = {
    True: "SELECT nextval(pg_get_serial_sequence('\"order\"', 'id')) AS id, 0 AS n, "
    "pg_current_xact_id() AS xid",
    False: "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'order'), 0), "
    'COALESCE((SELECT MAX(id) FROM "order"), 0)) + 1 AS id',
}
# The fulfillment orders' ids: as many from the sequence on PostgreSQL; on SQLite the
# first of them, the transaction holding the write lock from its first write on.
_FULFILLMENT_ORDER_IDS = {
    True: "ARRAY(SELECT nextval(pg_get_serial_sequence('fulfillment_order', 'id')) "
    "FROM generate_series(1, CAST({} AS INTEGER)))",
    False: "(SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence "
    "WHERE name = 'fulfillment_order'), 0), "
    "COALESCE((SELECT MAX(id) FROM fulfillment_order), 0)) + 1)",
}


@dataclass(frozen=True)
class _Inserted:
    order_id: int
    number: str
    updated_at: datetime
    line_ids: list[int]
    fulfillment_order_ids: list[int]


async def _insert_order(
    columns: dict[str, Any], lines: sql.Insert, idempotency: sql.Insert, fulfillment_orders: int
) -> _Inserted:
    """INSERT the order, taking its id and its number in the one statement: a readable,
    gap-tolerant number from the id, with no counter row to contend on; `updated_at` is
    the database's clock, as `sync_clock.stamp` takes it. The statement also takes the ids
    of the plan's `fulfillment_orders`, written later in the transaction with their events.
    The `lines` and the `idempotency` record (rows whose "order_id" is 0) go in the same
    statement on PostgreSQL, in two more on SQLite."""
    db = sql.connection(Order)
    on_postgres = sql.is_postgres(db)
    names, values = sql.row_values(Order, [columns], computed=("number", "updated_at"))
    marks = sql.placeholders(db, len(values) + 1)
    fulfillment_order_ids = _FULFILLMENT_ORDER_IDS[on_postgres].format(marks[-1])
    clauses, line_ids = "", ""
    if on_postgres:
        clauses, more = sql.with_clauses(
            [replace(lines, returning=("id",)), idempotency], len(values) + 2, link="order_id"
        )
        clauses = f", {clauses}"
        # A multi-row INSERT takes its ids from the sequence in its rows' order.
        line_ids = ", ARRAY(SELECT id FROM w1 ORDER BY id)"
        values += [fulfillment_orders, *more]
    stamp = sync_clock.new_order_stamp(on_postgres, holds_id="parents")
    rows = await sql.fetch(
        Order,
        f"WITH parents AS MATERIALIZED ({_NEXT_ORDER_ID[on_postgres]}){clauses} "
        f"INSERT INTO {sql.table(Order)} (id,number,updated_at,{','.join(map(sql.quote, names))}) "
        f"VALUES ((SELECT id FROM parents),CAST((SELECT id FROM parents) + 1000 AS VARCHAR(32)),"
        f"{stamp},{','.join(marks[: len(names)])}) RETURNING id, number, updated_at, "
        f"{config_version.VERSION_SQL}, {fulfillment_order_ids}{line_ids}",
        values,
    )
    order_id, number, updated_at, version, next_ids, *written = rows[0]
    config_version.seen(version)  # for the webhooks' destinations, at no extra statement
    if not on_postgres:
        next_ids = range(next_ids, next_ids + fulfillment_orders)
        owned = [
            replace(one, rows=[{**row, "order_id": order_id} for row in one.rows])
            for one in (lines, idempotency)
        ]
        written = [[pk for (pk,) in await sql.insert_together(*owned, returning=["id"])]]
    return _Inserted(
        order_id, number, sync_clock.as_stamp(updated_at), list(written[0]), list(next_ids)
    )


async def _insert(
    valid: ValidOrder,
    quantities: Sequence[tuple[int, int]],
    status: OrderStatus,
    now: datetime,
    fulfillment_orders: int,
) -> tuple[Order, list[OrderLine], list[int]]:
    """The order, with the status its plan gives it, and its lines with the plan's
    (allocated, backordered) quantities, as the models the response is built from; and the
    ids its `fulfillment_orders` will have."""
    data = valid.data
    columns: dict[str, Any] = {
        "channel": data.channel.strip(),
        "external_id": data.external_id,
        "customer_email": data.customer_email.strip(),
        "customer_name": (data.customer_name or "").strip() or None,
        "delivery_method": data.delivery_method.value,
        "pickup_location_id": data.pickup_location_id,
        "currency": valid.currency,
        "subtotal": valid.subtotal,
        "has_shipping_address": bool(valid.address_columns),
        "status": status.value,
        "created_at": now,
        **valid.address_columns,
    }
    line_rows = [
        {
            "order_id": 0,
            "product_id": product.id,
            "position": index + 1,
            "sku": product.sku,
            "quantity": line.quantity,
            "unit_price": price,
            "allocated_quantity": allocated,
            "backordered_quantity": backordered,
        }
        for index, (line, product, price, (allocated, backordered)) in enumerate(
            zip(data.lines, valid.products, valid.unit_prices, quantities, strict=True)
        )
    ]
    idempotency = [
        {
            "channel": columns["channel"],
            "key": data.idempotency_key,
            "request_hash": valid.request_hash(),
            "order_id": 0,
            "created_at": now,
            "updated_at": now,
        }
    ]
    inserted = await _insert_order(
        columns,
        sql.Insert(OrderLine, line_rows),
        sql.Insert(IdempotencyRecord, idempotency if data.idempotency_key else []),
        fulfillment_orders,
    )
    order_id = inserted.order_id
    order = Order.construct(
        _saved_in_db=True,
        id=order_id,
        number=inserted.number,
        updated_at=inserted.updated_at,
        **columns,
    )
    lines = [
        OrderLine.construct(_saved_in_db=True, **{**row, "id": line_id, "order_id": order_id})
        for line_id, row in zip(inserted.line_ids, line_rows, strict=True)
    ]
    return order, lines, inserted.fulfillment_order_ids


async def _plan_new_order(
    request: RoutingRequest, now: datetime, stock: order_routing.Stock | None = None
) -> order_routing.Snapshot:
    snapshot = await order_routing.plan(request, now, stock=stock)
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
    order, lines, fulfillment_order_ids = await _insert(
        valid, quantities, status, now, len(snapshot.plan.assignments)
    )
    placed_plan = order_routing.with_line_ids(
        snapshot.plan, {index: line.id for index, line in enumerate(lines)}
    )
    placed = events.Entry(
        OrderEventType.PLACED,
        f"order {order.number} placed on {order.channel}: {len(lines)} line(s), "
        f"{valid.subtotal} {valid.currency}",
        {"externalId": data.external_id},
        assignee_message=f"order {order.number} placed on {order.channel}",
    )

    def announce(created: Sequence[FulfillmentOrder]) -> list[sql.Insert]:
        routed = order_routing.timeline_entry(created, placed_plan, previously_backordered=0)
        return events.entry_inserts(
            order, [placed, *([routed] if routed else [])], actor, assigned=created
        )

    written = await order_routing.write_new_plan(
        order, replace(snapshot, plan=placed_plan), actor, now, fulfillment_order_ids, announce
    )
    created = written.fulfillment_orders
    # The order.created webhook before the assignees': a subscriber hears of the order
    # before its fulfillment orders.
    await events.queue_webhooks(order, assigned=created, webhook="order.created")
    return Placed(order, True, lines, created, written.locations)


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
    if key and valid.earlier is not None:
        return Placed(
            await _earlier_order(valid.earlier, channel, key, valid.request_hash()), created=False
        )
    request = new_order_request(valid)
    stock = valid.stock

    async def attempt(last: bool) -> Placed:
        # Only the first plan starts from the stock read with the products: after a
        # conflict, the stock has changed.
        nonlocal stock
        now = datetime.now(UTC)
        snapshot = None if last else await _plan_new_order(request, now, stock)
        stock = None
        async with in_transaction():
            if snapshot is None:
                await lock_levels({line.sku for line in request.lines})
                await order_routing.lock_capacity()
                snapshot = await _plan_new_order(request, now)
            return await _write_new_order(valid, snapshot, actor, now)

    try:
        return await retry_on_conflict(
            attempt, "stock for this order kept changing while it was placed; try again", ["lines"]
        )
    except IntegrityError:
        # Another request with the same idempotency key committed first.
        if key and (earlier := await _replay(channel, key, valid.request_hash())):
            return Placed(earlier, created=False)
        raise
