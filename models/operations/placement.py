"""Placing an order: validate it (`order_validation`), plan its routing outside the
transaction, and write the order, its lines, reservations and fulfillment orders in one
transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import sql
from models.errors import DomainError, ErrorCode
from models.operations import config_version, events, order_routing, sync_clock
from models.operations.order_validation import Earlier, OrderInput, ValidOrder, validate_order
from models.operations.reservations import lock_levels, retry_on_conflict
from models.rules.events import OrderEventType
from models.rules.lifecycle import (
    FulfillmentOrderStatus,
    LineQuantities,
    OrderFacts,
    OrderStatus,
    derive_order_status,
)
from models.rules.routing import LineDemand, RoutingPlan, RoutingRequest
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, IdempotencyRecord, Location, Order, OrderLine


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


# SQLite: the order a batch's later statements name, the greatest id of its table, the
# transaction holding the write lock from the order's INSERT on.
_LAST_ORDER = 'SELECT MAX(id) AS id, 0 AS n FROM "order"'


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
    statement on PostgreSQL, in the same batch on SQLite."""
    db = sql.connection(Order)
    on_postgres = sql.is_postgres(db)
    names, values = sql.row_values(Order, [columns], computed=("number", "updated_at"))
    marks = sql.placeholders(db, len(values) + 1)
    fulfillment_order_ids = _FULFILLMENT_ORDER_IDS[on_postgres].format(marks[-1])
    clauses, returned_line_ids = "", ""
    lines = replace(lines, returning=("id",))
    if on_postgres:
        clauses, more = sql.with_clauses([lines, idempotency], len(values) + 2, link="order_id")
        clauses = f", {clauses}"
        # A multi-row INSERT takes its ids from the sequence in its rows' order.
        returned_line_ids = ", ARRAY(SELECT id FROM w1 ORDER BY id)"
        values += [fulfillment_orders, *more]
    stamp = sync_clock.new_order_stamp(on_postgres, holds_id="parents")
    text = (
        f"WITH parents AS MATERIALIZED ({_NEXT_ORDER_ID[on_postgres]}){clauses} "
        f"INSERT INTO {sql.table(Order)} (id,number,updated_at,{','.join(map(sql.quote, names))}) "
        f"VALUES ((SELECT id FROM parents),CAST((SELECT id FROM parents) + 1000 AS VARCHAR(32)),"
        f"{stamp},{','.join(marks[: len(names)])}) RETURNING id, number, updated_at, "
        f"{config_version.VERSION_SQL}, {fulfillment_order_ids}{returned_line_ids}"
    )
    if on_postgres:
        (row,) = await sql.run(db, text, values)
        order_id, number, updated_at, version, next_ids, line_ids = row
    else:
        children = sql.statements([lines, idempotency], ("order_id", _LAST_ORDER))
        (row,), written, *_ = await sql.run_all(db, [sql.Statement(text, values), *children])
        order_id, number, updated_at, version, first_id = row
        next_ids = range(first_id, first_id + fulfillment_orders)
        line_ids = [pk for (pk,) in written]
    config_version.seen(version)  # for the webhooks' destinations, at no extra statement
    return _Inserted(
        order_id, number, sync_clock.as_stamp(updated_at), list(line_ids), list(next_ids)
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
