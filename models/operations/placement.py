"""Placing an order: validate it (`order_validation`), plan its routing, take the ids it
will write, and write the order, its lines, reservations, fulfillment orders and events
at once: one statement on PostgreSQL, which commits alone, when nothing has to be counted
or read between its writes; else one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models import sql
from models.errors import DomainError, ErrorCode
from models.operations import config_version, events, order_routing, sync_clock, webhook_queue
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


# The ids a placement writes, taken ahead so that every row and event can name them: on
# PostgreSQL from the sequences (anywhere: a value taken is never given again, and one
# left unused is a gap), on SQLite the next AUTOINCREMENT ids, inside the transaction,
# which holds the write lock from BEGIN IMMEDIATE on. With them, the config version (for
# the webhooks' destinations, at no extra statement).
_IDS = {
    True: "SELECT nextval(pg_get_serial_sequence('\"order\"', 'id')), "
    "ARRAY(SELECT nextval(pg_get_serial_sequence('order_line', 'id')) "
    "FROM generate_series(1, CAST($1 AS INTEGER))), "
    "ARRAY(SELECT nextval(pg_get_serial_sequence('fulfillment_order', 'id')) "
    "FROM generate_series(1, CAST($2 AS INTEGER))), "
    f"{config_version.VERSION_SQL}",
    False: "SELECT "
    + ", ".join(
        f"MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{name}'), 0), "
        f'COALESCE((SELECT MAX(id) FROM "{name}"), 0)) + 1'
        for name in ("order", "order_line", "fulfillment_order")
    )
    + f", {config_version.VERSION_SQL}",
}


@dataclass(frozen=True)
class _Ids:
    order: int
    lines: list[int]
    fulfillment_orders: list[int]
    config_version: int | None


async def _take_ids(lines: int, fulfillment_orders: int) -> _Ids:
    db = sql.connection(Order)
    if sql.is_postgres(db):
        ((order, line_ids, fulfillment_order_ids, version),) = await sql.run(
            db, _IDS[True], [lines, fulfillment_orders]
        )
        return _Ids(order, list(line_ids), list(fulfillment_order_ids), version)
    ((order, line, fulfillment_order, version),) = await sql.run(db, _IDS[False], [])
    return _Ids(
        order,
        list(range(line, line + lines)),
        list(range(fulfillment_order, fulfillment_order + fulfillment_orders)),
        version,
    )


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
    idempotency = [
        {
            "channel": columns["channel"],
            "key": data.idempotency_key,
            "request_hash": valid.request_hash(),
            "order_id": ids.order,
            "created_at": now,
            "updated_at": now,
        }
    ]
    stamp = sync_clock.new_order_stamp(sql.is_postgres(sql.connection(Order)))
    writes = [
        sql.Insert(Order, [columns], ("updated_at",), (("updated_at", stamp),)),
        sql.Insert(OrderLine, line_rows),
        sql.Insert(IdempotencyRecord, idempotency if data.idempotency_key else []),
    ]
    order = Order.construct(_saved_in_db=True, **columns)
    lines = [OrderLine.construct(_saved_in_db=True, **row) for row in line_rows]
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


async def _write_new_order(
    valid: ValidOrder,
    snapshot: order_routing.Snapshot,
    actor: Actor,
    now: datetime,
    ids: _Ids,
    live: webhook_queue.Destinations,
) -> Placed:
    """The order, its lines, reservations and assignments, with the `ids` taken for them;
    `live`: the webhooks' destinations as of the version read with the ids."""
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

    def announce(created: Sequence[FulfillmentOrder]) -> list[sql.Insert]:
        routed = order_routing.timeline_entry(created, placed_plan, previously_backordered=0)
        return events.entry_inserts(
            order, [placed, *([routed] if routed else [])], actor, assigned=created
        )

    written, ((updated_at,),) = await order_routing.write_new_plan(
        order,
        replace(snapshot, plan=placed_plan),
        actor,
        now,
        ids.fulfillment_orders,
        announce,
        writes,
    )
    order.updated_at = sync_clock.as_stamp(updated_at)
    created = written.fulfillment_orders
    # The order.created webhook before the assignees': a subscriber hears of the order
    # before its fulfillment orders.
    await events.queue_webhooks(order, assigned=created, webhook="order.created", live=live)
    return Placed(order, True, lines, created, written.locations)


def _written_alone(snapshot: order_routing.Snapshot, live: webhook_queue.Destinations) -> bool:
    """Whether a placement of this plan is written whole by one statement: no capped
    location to count between its reservations and the rest, and no webhook delivery to
    queue (a delivery's body reads the fulfillment orders written before it)."""
    vendors = {assignment.vendor_id for assignment in snapshot.plan.assignments}
    return order_routing.writes_alone(snapshot) and not events.webhooks_heard(
        live, "order.created", vendors
    )


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
        ids = None
        if snapshot is not None and sql.is_postgres(sql.connection(Order)):
            ids = await _take_ids(len(request.lines), len(snapshot.plan.assignments))
            live = await webhook_queue.destinations_at(ids.config_version)
            if _written_alone(snapshot, live):
                # One statement, which commits alone or fails whole: no BEGIN, no COMMIT.
                return await _write_new_order(valid, snapshot, actor, now, ids, live)
        async with in_transaction():
            if snapshot is None:
                await lock_levels({line.sku for line in request.lines})
                await order_routing.lock_capacity()
                snapshot = await _plan_new_order(request, now)
            if ids is None:
                ids = await _take_ids(len(request.lines), len(snapshot.plan.assignments))
                live = await webhook_queue.destinations_at(ids.config_version)
            return await _write_new_order(valid, snapshot, actor, now, ids, live)

    try:
        return await retry_on_conflict(
            attempt, "stock for this order kept changing while it was placed; try again", ["lines"]
        )
    except IntegrityError:
        # Another request with the same idempotency key committed first.
        if key and (earlier := await _replay(channel, key, valid.request_hash())):
            return Placed(earlier, created=False)
        raise
