"""Placing an order: validate it (`order_validation`), plan its routing, take the ids it
will write, and write the order, its lines, reservations, fulfillment orders and events
at once: one statement on PostgreSQL, which commits alone, when nothing has to be counted
or read between its writes; else one transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import sql
from models.errors import DomainError, ErrorCode
from models.operations import events, order_routing, sync_clock, webhook_queue
from models.operations.order_validation import Earlier, OrderInput, ValidOrder, validate_order
from models.operations.reservations import (
    GuardedWrite,
    conflict_when_short,
    lock_levels,
    retry_on_conflict,
)
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


# The ids a placement writes, taken ahead so that every row and event can name them: on
# PostgreSQL from the sequences (anywhere: a value taken is never given again, and one
# left unused is a gap), on SQLite the next AUTOINCREMENT ids, under the write lock of the
# transaction that writes them.
_ID_TABLES = ("order", "order_line", "fulfillment_order", "fulfillment_order_line")


def id_sequence(table: str) -> str:
    """The sequence of a table's serial id, as PostgreSQL names it (a test holds it to
    pg_get_serial_sequence): a `regclass` constant is resolved once, when the statement
    is prepared, where pg_get_serial_sequence looked it up on every run."""
    return f"'\"{table}_id_seq\"'::regclass"


_IDS = {
    True: f"SELECT nextval({id_sequence(_ID_TABLES[0])}), "
    + ", ".join(
        f"ARRAY(SELECT nextval({id_sequence(name)}) FROM generate_series(1, CAST(${n} AS INTEGER)))"
        for n, name in enumerate(_ID_TABLES[1:], 1)
    ),
    False: "SELECT "
    + ", ".join(
        f"MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{name}'), 0), "
        f'COALESCE((SELECT MAX(id) FROM "{name}"), 0)) + 1'
        for name in _ID_TABLES
    ),
}


@dataclass(frozen=True)
class _Ids:
    order: int
    lines: list[int]
    plan: order_routing.PlanIds


def _counts(valid: ValidOrder, snapshot: order_routing.Snapshot) -> tuple[int, int, int]:
    """How many ids the order takes: lines, fulfillment orders, their lines."""
    assignments = snapshot.plan.assignments
    return len(valid.data.lines), len(assignments), sum(len(a.lines) for a in assignments)


def _taking_ids(db: BaseDBAsyncClient, counts: tuple[int, int, int]) -> sql.Statement:
    """The statement that takes the ids of an order (see `_counts`)."""
    pg = sql.is_postgres(db)
    return sql.Statement(_IDS[pg], list(counts) if pg else [])


def _ids_taken(row: Sequence[Any], counts: tuple[int, int, int]) -> _Ids:
    """The ids in the row `_taking_ids` answered: PostgreSQL's drawn each, SQLite's the
    first of each table's (the write lock keeps the next ones free)."""
    order, *taken = row
    lines, fulfillment_orders, held = (
        range(first, first + count) if isinstance(first, int) else first
        for first, count in zip(taken, counts, strict=True)
    )
    return _Ids(order, list(lines), order_routing.PlanIds(list(fulfillment_orders), list(held)))


def _order_writes(
    valid: ValidOrder,
    quantities: Sequence[tuple[int, int]],
    status: OrderStatus,
    now: datetime,
    ids: _Ids,
) -> tuple[Order, list[OrderLine], list[sql.Insert]]:
    """The order, with the status its plan gives it, and its lines with the plan's
    (allocated, backordered) quantities, as the models the response is built from; and
    their inserts with the idempotency record's, the order's first: it returns its
    `updated_at`, the database's clock (`sync_clock`)."""
    data = valid.data
    columns: dict[str, Any] = {
        "id": ids.order,
        # A readable, gap-tolerant number from the id: no counter row to contend on.
        "number": str(ids.order + 1000),
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
            "id": line_id,
            "order_id": ids.order,
            "product_id": product.id,
            "position": index + 1,
            "sku": product.sku,
            "quantity": line.quantity,
            "unit_price": price,
            "allocated_quantity": allocated,
            "backordered_quantity": backordered,
        }
        for index, (line_id, line, product, price, (allocated, backordered)) in enumerate(
            zip(ids.lines, data.lines, valid.products, valid.unit_prices, quantities, strict=True)
        )
    ]
    # Without a key there is no record, and no request hash to compute for one.
    idempotency = (
        [
            {
                "channel": columns["channel"],
                "key": data.idempotency_key,
                "request_hash": valid.request_hash(),
                "order_id": ids.order,
                "created_at": now,
                "updated_at": now,
            }
        ]
        if data.idempotency_key
        else []
    )
    stamp = sync_clock.new_order_stamp(sql.is_postgres(sql.connection(Order)))
    writes = [
        sql.Insert(Order, [columns], ("updated_at",), (("updated_at", stamp),)),
        sql.Insert(OrderLine, line_rows),
        sql.Insert(IdempotencyRecord, idempotency),
    ]
    order = sql.stored(Order, columns)
    lines = [sql.stored(OrderLine, row) for row in line_rows]
    return order, lines, writes


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


@dataclass(frozen=True)
class _NewOrder:
    """An order's writes, built with the ids taken for it (`_new_order`), not sent: its
    lines, and its plan (naming the lines by id) with the order and its own rows."""

    lines: list[OrderLine]
    plan: order_routing.NewPlan


def _new_order(
    valid: ValidOrder,
    snapshot: order_routing.Snapshot,
    actor: Actor,
    now: datetime,
    ids: _Ids,
    live: webhook_queue.Destinations,
) -> _NewOrder:
    """The order's writes with the `ids` taken for it; `live`: the webhooks' destinations,
    whose deliveries go with them."""
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
    order, lines, writes = _order_writes(valid, quantities, status, now, ids)
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
    skus = {line.id: line.sku for line in lines}

    def announce(
        created: Sequence[FulfillmentOrder], held: Sequence[Mapping[str, Any]]
    ) -> list[sql.Insert]:
        routed = order_routing.timeline_entry(created, placed_plan, previously_backordered=0)
        entries = [placed, *([routed] if routed else [])]
        # The order.created webhook before the assignees': a subscriber hears of the order
        # before its fulfillment orders.
        lines_of: dict[int, list[webhook_queue.FulfillmentLine]] = defaultdict(list)
        for line in held:
            order_line = line["order_line_id"]
            lines_of[line["fulfillment_order_id"]].append(
                webhook_queue.FulfillmentLine(
                    line["id"], order_line, skus[order_line], line["quantity"]
                )
            )
        assigned = [(fo, lines_of[fo.id]) for fo in created]
        return [
            *events.entry_inserts(order, entries, actor, assigned=created),
            webhook_queue.new_order_deliveries(order, "order.created", assigned, live, now),
        ]

    snapshot = replace(snapshot, plan=placed_plan)
    plan = order_routing.NewPlan(order, snapshot, actor, now, ids.plan, announce, writes)
    return _NewOrder(lines, plan)


def _placed(new: _NewOrder, written: order_routing.Written, returned: Sequence[Any]) -> Placed:
    ((updated_at,),) = returned
    order = new.plan.order
    order.updated_at = sync_clock.as_stamp(updated_at)
    return Placed(order, True, new.lines, written.fulfillment_orders, written.locations)


async def _write_alone(
    valid: ValidOrder,
    snapshot: order_routing.Snapshot,
    actor: Actor,
    now: datetime,
    live: webhook_queue.Destinations,
    locations: list[Location],
) -> Placed:
    """The ids and every write of the order at once, outside a transaction
    (`sql.write_alone`), for a plan whose `locations` have no daily capacity."""
    db = sql.connection(Order)
    counts = _counts(valid, snapshot)

    def build(
        row: tuple[Any, ...],
    ) -> tuple[list[sql.Statement], tuple[_NewOrder, order_routing.Written, GuardedWrite]]:
        ids = _ids_taken(row, counts)
        new = _new_order(valid, snapshot, actor, now, ids, live)
        written, write = order_routing.new_plan_write(db, new.plan, locations)
        return write.statements, (new, written, write)

    with conflict_when_short():
        (new, written, write), done = await sql.write_alone(db, _taking_ids(db, counts), build)
        return _placed(new, written, write.outcome(done))


async def _write_in_transaction(
    valid: ValidOrder,
    snapshot: order_routing.Snapshot,
    actor: Actor,
    now: datetime,
    live: webhook_queue.Destinations,
) -> Placed:
    """Inside the caller's transaction: the ids, then the order and its plan's writes."""
    db = sql.connection(Order)
    counts = _counts(valid, snapshot)
    ((row,),) = await sql.run_all(db, [_taking_ids(db, counts)])
    ids = _ids_taken(row, counts)
    new = _new_order(valid, snapshot, actor, now, ids, live)
    written, returned = await order_routing.write_new_plan(new.plan)
    return _placed(new, written, returned)


async def place_order(data: OrderInput, actor: Actor) -> Placed:
    """Capture and route an order.

    The plan is made before the write, which then only writes: a plan whose stock was
    taken meanwhile fails its guarded reservation, nothing of the attempt remains, and it
    is made again over the fresh stock. The last attempt plans inside a transaction with
    the stock rows locked (in id order), so a placement that keeps losing races still
    gets what is there instead of a refusal.
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
        if snapshot is not None:
            live = await webhook_queue.destinations_at(snapshot.config_version)
            # A capped location is counted between the reservations and the rest, and the
            # caller's transaction, if it has one, is where the write belongs.
            locations = order_routing.uncapped(snapshot)
            if locations is not None and not sql.in_transaction(sql.connection(Order)):
                return await _write_alone(valid, snapshot, actor, now, live, locations)
        async with in_transaction():
            if snapshot is None:
                await lock_levels({line.sku for line in request.lines})
                await order_routing.lock_capacity()
                snapshot = await _plan_new_order(request, now)
                live = await webhook_queue.destinations_at(snapshot.config_version)
            return await _write_in_transaction(valid, snapshot, actor, now, live)

    try:
        return await retry_on_conflict(
            attempt, "stock for this order kept changing while it was placed; try again", ["lines"]
        )
    except IntegrityError:
        # Another request with the same idempotency key committed first.
        if key and (earlier := await _replay(channel, key, valid.request_hash())):
            return Placed(earlier, created=False)
        raise
