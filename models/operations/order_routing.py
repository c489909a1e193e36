"""Route an order's unassigned quantity: load a stock snapshot, ask the pure engine
(models.rules.routing) for a plan, reserve exactly what it assigned, and write
the fulfillment orders. Runs inside the caller's transaction (a placement's
`write_new_plan` may also run alone: one statement that commits or fails whole).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.functions import Count

from models import sql
from models.operations import events
from models.operations.config_version import current_version, version_column
from models.operations.reservations import (
    GuardedWrite,
    ReservationConflict,
    guarded_write,
    reserve_all,
)
from models.operations.routing_inputs import RoutingInputs, routing_inputs
from models.rules.capacity import local_day
from models.rules.events import Assignee, FulfillmentOrderEventType, OrderEventType
from models.rules.ids import global_id
from models.rules.inventory import available
from models.rules.lifecycle import FulfillmentOrderStatus
from models.rules.routing import (
    CandidateLocation,
    Destination,
    GeoPoint,
    LineDemand,
    RoutingPlan,
    RoutingRequest,
    plan_routing,
)
from models.rules.scopes import Actor
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLevel,
    Location,
    Order,
    OrderLine,
    Product,
)

# Fulfillment orders that no longer count against a location's day.
_GIVEN_BACK = (FulfillmentOrderStatus.REJECTED.value, FulfillmentOrderStatus.CANCELLED.value)


_DESTINATION_COLUMNS = (
    "address_country",
    "address_region",
    "address_postal_code",
    "latitude",
    "longitude",
)


@dataclass(frozen=True)
class Snapshot:
    plan: RoutingPlan
    level_ids: dict[tuple[int, str], int]
    acceptance_minutes: int
    backorders_allowed: bool
    # The active locations' columns as the plan's inputs held them (RoutingInputs).
    location_rows: Mapping[int, Mapping[str, Any]]
    # The config version the inputs were read as of (models.operations.config_version).
    config_version: int | None


def destination_of(columns: Mapping[str, Any]) -> Destination:
    """Where an order goes, from its address columns (`Order`'s names; absent: None)."""
    latitude, longitude = columns.get("latitude"), columns.get("longitude")
    return Destination(
        country=columns.get("address_country"),
        region=columns.get("address_region"),
        postal_code=columns.get("address_postal_code"),
        point=GeoPoint(latitude, longitude)
        if latitude is not None and longitude is not None
        else None,
    )


async def _used(days: Mapping[int, date]) -> dict[int, int]:
    """location id -> the fulfillment orders counting against its capacity on its day."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for location_id, day in days.items():
        by_day[day].append(location_id)
    used: dict[int, int] = {}
    for day, location_ids in by_day.items():
        counts = (
            await FulfillmentOrder.filter(
                location_id__in=location_ids, assigned_on=day, status__not_in=_GIVEN_BACK
            )
            .annotate(n=Count("id"))
            .group_by("location_id")
            .values_list("location_id", "n")
        )
        used.update(dict(counts))
    return used


async def lock_capacity() -> None:
    """Lock the rows of locations with a daily capacity, in id order, until the transaction
    ends (PostgreSQL), so that the capacity a plan reads stays true: after the stock rows
    (lock_levels), as apply_plan takes them."""
    await (
        Location.select_for_update()
        .filter(active=True, daily_capacity__isnull=False)
        .order_by("id")
        .only("id")
    )


async def _candidates(inputs: RoutingInputs, now: datetime) -> list[CandidateLocation]:
    """The active locations, each capped one with what is left of its day's capacity."""
    if not inputs.daily_capacity:
        return list(inputs.locations)
    capped = inputs.daily_capacity
    used = await _used({pk: local_day(now, cap.time_zone) for pk, cap in capped.items()})
    return [
        replace(
            location,
            remaining_capacity=max(capped[location.id].most - used.get(location.id, 0), 0),
        )
        if location.id in capped
        else location
        for location in inputs.locations
    ]


# Stock levels as `plan` takes them, from inventory_level "l" joined to product "p": a row
# per SKU of LEVEL_WIDTH columns, then the config version read in the same statement
# (routing_inputs). The SKU's levels are one array of (id, location id, on hand, reserved,
# safety stock) arrays in the first column, the SKU in the third (the other level columns
# NULL: the row's width is a level's). A placement reads 150 levels (3 SKUs at 50
# locations): asyncpg decodes them this way for ~80 us less CPU than 150 rows, with the
# same work for PostgreSQL (one aggregate: five, each in level id order, cost it more than
# the client saves); SQLite's JSON text is read for 135 us, its rows for 195.
LEVEL_WIDTH = 6
_STOCK_ARRAYS = {
    True: "array_agg(ARRAY[l.id, l.location_id, l.on_hand, l.reserved, l.safety_stock])",
    False: "json_group_array(json_array(l.id, l.location_id, l.on_hand, l.reserved, "
    "l.safety_stock))",
}


def stock_columns(db: BaseDBAsyncClient) -> tuple[str, str]:
    """The select list of a read of stock levels (inventory_level "l" joined to product
    "p"), and what ends the statement after its WHERE: a row per SKU, its levels in an
    array (PostgreSQL's) or a JSON array (SQLite's); `stock_of` takes either."""
    levels = _STOCK_ARRAYS[sql.is_postgres(db)]
    return f"{levels}, NULL, p.sku, NULL, NULL, NULL, {version_column().sql}", " GROUP BY p.sku"


@dataclass(frozen=True)
class Stock:
    """The stock levels of some SKUs, as (id, location id, sku, on hand, reserved, safety
    stock), and the config version read with them."""

    levels: Sequence[tuple[Any, ...]]
    version: int | None


def stock_of(rows: Sequence[Sequence[Any]]) -> Stock | None:
    """The Stock in rows that end with `stock_columns` (NULL levels in a row without
    them); None without rows (no version was read)."""
    if not rows:
        return None
    first = -LEVEL_WIDTH - 1
    levels: list[tuple[Any, ...]] = []
    for row in rows:
        levels_of_sku = row[first]
        if levels_of_sku is None:
            continue
        if isinstance(levels_of_sku, str):  # SQLite's JSON
            levels_of_sku = json.loads(levels_of_sku)
        sku = row[first + 2]
        levels.extend(
            (lid, location, sku, on_hand, reserved, safety)
            for lid, location, on_hand, reserved, safety in levels_of_sku
        )
    return Stock(levels, rows[0][-1])


async def read_stock(skus: set[str]) -> Stock:
    """The stock levels of `skus` (hand-written SQL: Tortoise's query building and row
    conversion cost more than the read, on every placement)."""
    db = sql.connection(InventoryLevel)
    columns, grouping = stock_columns(db)
    rows = await sql.fetch(
        InventoryLevel,
        f"SELECT {columns} FROM {sql.table(InventoryLevel)} l "
        f"JOIN {sql.table(Product)} p ON p.id = l.product_id "
        f"WHERE p.sku IN ({','.join(sql.placeholders(db, len(skus)))}){grouping}",
        list(skus),
    )
    return stock_of(rows) or Stock([], await current_version())


async def plan(
    request: RoutingRequest,
    now: datetime | None = None,
    freed: Mapping[tuple[int, str], int] | None = None,
    stock: Stock | None = None,
) -> Snapshot:
    """The engine's plan over the live stock, reserving nothing (also `sourcingPlan`).
    `freed` counts reservations, by (location id, sku), that the caller would give back
    for the units it asks to route again (re-routing assigned work): they are available
    to the plan. `stock`: the stock of the request's SKUs, when the caller has just read it
    (placement, with the products); else read now."""
    now = now or datetime.now(UTC)
    freed = freed or {}
    stock = stock or await read_stock({line.sku for line in request.lines})
    free_units = {}
    level_ids = {}
    for level_id, location_id, sku, on_hand, reserved, safety in stock.levels:
        level_ids[(location_id, sku)] = level_id
        free = available(on_hand, reserved - freed.get((location_id, sku), 0), safety)
        if free:
            free_units[(location_id, sku)] = free
    inputs = await routing_inputs(stock.version)
    result = plan_routing(
        request, await _candidates(inputs, now), free_units, inputs.rules, inputs.policy
    )
    return Snapshot(
        plan=result,
        level_ids=level_ids,
        acceptance_minutes=inputs.acceptance_minutes,
        backorders_allowed=inputs.backorders_allowed,
        location_rows=inputs.location_rows,
        config_version=stock.version,
    )


async def request_of(
    order: Order, lines: Sequence[OrderLine], also_excluded: Assignee | None = None
) -> RoutingRequest:
    """What routing is asked for an order's unassigned units: never where they were rejected
    (nor at `also_excluded`, an assignee that just short-picked)."""
    product_ids = {line.product_id for line in lines}
    tags = dict(await Product.filter(id__in=product_ids).values_list("id", "tags"))
    given_back = await FulfillmentOrder.filter(
        order_id=order.id, status=FulfillmentOrderStatus.REJECTED.value
    ).values_list("location_id", "vendor_id")
    given_back = [*given_back, *([also_excluded] if also_excluded else [])]
    return RoutingRequest(
        channel=order.channel,
        destination=destination_of({name: getattr(order, name) for name in _DESTINATION_COLUMNS}),
        lines=tuple(
            LineDemand(
                line_id=line.id,
                sku=line.sku,
                quantity=line.quantity - line.cancelled_quantity - line.allocated_quantity,
                tags=frozenset(tags.get(line.product_id, ())),
            )
            for line in lines
            if line.quantity - line.cancelled_quantity - line.allocated_quantity > 0
        ),
        pickup_location_id=order.pickup_location_id,
        excluded_location_ids=frozenset(loc for loc, _ in given_back if loc is not None),
        excluded_vendor_ids=frozenset(ven for _, ven in given_back if ven is not None),
    )


@dataclass(frozen=True)
class RoutingOutcome:
    created: list[FulfillmentOrder]
    backordered: int
    snapshot: Snapshot | None
    # What the timeline should say about this routing, if anything.
    entry: events.Entry | None = None


def with_line_ids(plan: RoutingPlan, line_ids: Mapping[int, int]) -> RoutingPlan:
    """The same plan with its placeholder line ids (positions) replaced by real ones."""
    return RoutingPlan(
        assignments=tuple(
            replace(
                assignment,
                lines=tuple(replace(p, line_id=line_ids[p.line_id]) for p in assignment.lines),
            )
            for assignment in plan.assignments
        ),
        backordered={line_ids[line]: quantity for line, quantity in plan.backordered.items()},
    )


def _reservations(snapshot: Snapshot) -> list[tuple[int, int]]:
    """(level id, quantity) for what the plan assigns to locations (a vendor's stock is its
    own)."""
    return [
        (snapshot.level_ids[(assignment.location_id, planned.sku)], planned.quantity)
        for assignment in snapshot.plan.assignments
        if assignment.location_id is not None
        for planned in assignment.lines
    ]


def _wanted(snapshot: Snapshot) -> dict[int, int]:
    """location id -> the fulfillment orders the plan adds there."""
    wanted: dict[int, int] = defaultdict(int)
    for assignment in snapshot.plan.assignments:
        if assignment.location_id is not None:
            wanted[assignment.location_id] += 1
    return wanted


def _known(wanted: Mapping[int, int], known: Mapping[int, Mapping[str, Any]]) -> list[Location]:
    return [sql.stored(Location, known[pk]) for pk in sorted(wanted)]


def uncapped(snapshot: Snapshot) -> list[Location] | None:
    """The locations the plan assigns to, in id order, when the plan's inputs hold them all
    and none has a daily capacity: `claim_capacity` would send nothing for them. Else None."""
    wanted, known = _wanted(snapshot), snapshot.location_rows
    if all(pk in known and known[pk]["daily_capacity"] is None for pk in wanted):
        return _known(wanted, known)
    return None


async def claim_capacity(
    wanted: Mapping[int, int], now: datetime, known: Mapping[int, Mapping[str, Any]] | None = None
) -> list[Location]:
    """Where a fulfillment order is written at a location (placement, re-routing, a move):
    lock the capped locations among `wanted` (location id -> fulfillment orders to add),
    in id order and after the stock rows, and count again on each location's own day;
    ReservationConflict when one would go past its dailyCapacity. Returns the locations of
    `wanted` in id order (their time zones give the day to stamp as `assigned_on`).

    `known` holds the columns of locations as the plan's inputs read them (routing_inputs,
    exact as of the plan's config version): the locations are built from it rather than
    read again. The lock statement reads a capped location's capacity and time zone anew,
    so the count is checked against what is committed when the lock is held."""
    if not wanted:
        return []
    known = known or {}
    if all(pk in known for pk in wanted):
        locations = _known(wanted, known)
    else:
        locations = list(await Location.filter(id__in=list(wanted)).order_by("id"))
    capped = sorted(loc.id for loc in locations if loc.daily_capacity is not None)
    if capped:
        current = {
            pk: (most, zone)
            for pk, most, zone in await Location.select_for_update()
            .filter(id__in=capped)
            .order_by("id")
            .values_list("id", "daily_capacity", "time_zone")
        }
        for loc in locations:
            if loc.id in current:
                loc.daily_capacity, loc.time_zone = current[loc.id]
        capacity = {
            loc.id: loc.daily_capacity for loc in locations if loc.daily_capacity is not None
        }
        used = await _used(
            {loc.id: local_day(now, loc.time_zone) for loc in locations if loc.id in capacity}
        )
        for location_id, most in capacity.items():
            if used.get(location_id, 0) + wanted[location_id] > most:
                raise ReservationConflict(f"location {location_id} is at its daily capacity")
    return locations


def _fulfillment_rows(
    order: Order, snapshot: Snapshot, now: datetime, locations: Sequence[Location]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One OPEN fulfillment order per assignment, and their lines, each naming its
    fulfillment order by position."""
    accept_by = now + timedelta(minutes=snapshot.acceptance_minutes)
    days = {loc.id: local_day(now, loc.time_zone) for loc in locations}
    assignments = snapshot.plan.assignments
    rows = [
        {
            "order_id": order.id,
            "location_id": assignment.location_id,
            "vendor_id": assignment.vendor_id,
            "status": FulfillmentOrderStatus.OPEN.value,
            "routing_reason": assignment.reason[:2000],
            "assigned_at": now,
            # A location's own day, which its capacity counts; a vendor's is UTC's.
            "assigned_on": days.get(assignment.location_id, now.date())
            if assignment.location_id is not None
            else now.date(),
            "accept_by": accept_by,
            "created_at": now,
            "updated_at": now,
        }
        for assignment in assignments
    ]
    lines = [
        {
            "fulfillment_order_id": position,
            "order_line_id": planned.line_id,
            "quantity": planned.quantity,
        }
        for position, assignment in enumerate(assignments)
        for planned in assignment.lines
    ]
    return rows, lines


def _built(ids: Sequence[int], rows: Sequence[Mapping[str, Any]]) -> list[FulfillmentOrder]:
    return [
        sql.stored(FulfillmentOrder, {"id": fo_id, **row})
        for fo_id, row in zip(ids, rows, strict=True)
    ]


async def _update_lines(lines: Sequence[OrderLine], result: RoutingPlan) -> None:
    """Each line's allocated and backordered quantities after the plan."""
    assigned: dict[int, int] = defaultdict(int)
    for assignment in result.assignments:
        for planned in assignment.lines:
            assigned[planned.line_id] += planned.quantity
    changed = []
    for line in lines:
        allocated = line.allocated_quantity + assigned.get(line.id, 0)
        backordered = result.backordered.get(line.id, 0)
        if (allocated, backordered) != (line.allocated_quantity, line.backordered_quantity):
            line.allocated_quantity, line.backordered_quantity = allocated, backordered
            changed.append(line)
    if changed:
        await OrderLine.bulk_update(changed, fields=["allocated_quantity", "backordered_quantity"])


def timeline_entry(
    created: Sequence[FulfillmentOrder], result: RoutingPlan, previously_backordered: int
) -> events.Entry | None:
    """What the timeline should say about this routing: the assignments, or a backorder
    that changed; nothing when neither happened."""
    backordered_total = sum(result.backordered.values())
    backorders = {global_id("OrderLine", k): v for k, v in result.backordered.items()}
    if created:
        return events.Entry(
            OrderEventType.ROUTED,
            f"assigned to {len(created)} fulfillment order(s)"
            + (f"; {backordered_total} unit(s) backordered" if backordered_total else ""),
            {
                "reasons": [a.reason for a in result.assignments],
                "backordered": backorders,
            },
            about=events.about(*created),
            assignee_message="routed: work assigned",
        )
    if backordered_total != previously_backordered:
        return events.Entry(
            OrderEventType.BACKORDERED,
            f"{backordered_total} unit(s) backordered: no location can fill them now",
            {"backordered": backorders},
            assignee_message="some units backordered",
        )
    return None


@dataclass(frozen=True)
class Written:
    fulfillment_orders: list[FulfillmentOrder]
    locations: list[Location]  # those assigned to, as read where their capacity was checked


async def write_plan(order: Order, snapshot: Snapshot, actor: Actor, now: datetime) -> Written:
    """Reserve what the plan assigns and write its fulfillment orders, without telling their
    assignees: the caller does (`apply_plan`). Raises ReservationConflict when the stock or
    the daily capacity it counted on was taken meanwhile; the caller then plans again."""
    await reserve_all(_reservations(snapshot), actor, f"order:{order.number}")
    locations = await claim_capacity(_wanted(snapshot), now, snapshot.location_rows)
    if not snapshot.plan.assignments:
        return Written([], locations)
    rows, lines = _fulfillment_rows(order, snapshot, now, locations)
    ids = await sql.insert_with_children(
        sql.Insert(FulfillmentOrder, rows),
        sql.Insert(FulfillmentOrderLine, lines),
        link="fulfillment_order_id",
    )
    return Written(_built(ids, rows), locations)


@dataclass(frozen=True)
class PlanIds:
    """Ids taken ahead for a new plan's rows: one per assignment, one per assigned line (in
    the plan's order)."""

    fulfillment_orders: Sequence[int]
    fulfillment_order_lines: Sequence[int]


# What a new plan's writes say about its fulfillment orders, given them and their lines
# (FulfillmentOrderLine's fields, ids included): its events' inserts.
Announce = Callable[[Sequence[FulfillmentOrder], Sequence[Mapping[str, Any]]], Sequence[sql.Insert]]


@dataclass(frozen=True)
class NewPlan:
    """A plan for an order not yet written, with what its write takes: the ids taken for
    its rows, what it says about them (`announce`) and the order's own rows (`placed`,
    the order first)."""

    order: Order
    snapshot: Snapshot
    actor: Actor
    now: datetime
    ids: PlanIds
    announce: Announce
    placed: Sequence[sql.Insert]


def _new_plan_writes(
    new: NewPlan, locations: Sequence[Location]
) -> tuple[list[FulfillmentOrder], list[sql.Insert]]:
    rows, lines = _fulfillment_rows(new.order, new.snapshot, new.now, locations)
    fo_ids = new.ids.fulfillment_orders
    created = _built(fo_ids, rows)
    held = [
        {**line, "id": pk, "fulfillment_order_id": fo_ids[line["fulfillment_order_id"]]}
        for pk, line in zip(new.ids.fulfillment_order_lines, lines, strict=True)
    ]
    return created, [
        *new.placed,
        sql.Insert(
            FulfillmentOrder, [{"id": pk, **row} for pk, row in zip(fo_ids, rows, strict=True)]
        ),
        sql.Insert(FulfillmentOrderLine, held),
        *new.announce(created, held),
    ]


def new_plan_write(
    db: BaseDBAsyncClient, new: NewPlan, locations: list[Location]
) -> tuple[Written, GuardedWrite]:
    """`write_plan` for an order not yet written, built but not sent, for a plan whose
    `locations` have no daily capacity (`uncapped`): the reservations' guarded write with
    the order's own rows, the plan's fulfillment orders and their lines and what
    `announce` writes about them (its events and webhook deliveries)."""
    created, writes = _new_plan_writes(new, locations)
    reference = f"order:{new.order.number}"
    write = guarded_write(db, _reservations(new.snapshot), new.actor, reference, writes)
    return Written(created, locations), write


async def write_new_plan(new: NewPlan) -> tuple[Written, list[tuple[Any, ...]]]:
    """`new_plan_write`, sent inside the caller's transaction; with a capped location, the
    reservations, then its capacity locked and counted, then the rest. Also returns the
    rows `placed[0]` returns."""
    db = sql.connection(Order)
    locations = uncapped(new.snapshot)
    if locations is not None:
        written, write = new_plan_write(db, new, locations)
        return written, write.outcome(await sql.run_all(db, write.statements))
    await reserve_all(_reservations(new.snapshot), new.actor, f"order:{new.order.number}")
    locations = await claim_capacity(_wanted(new.snapshot), new.now, new.snapshot.location_rows)
    created, writes = _new_plan_writes(new, locations)
    return Written(created, locations), await sql.insert_together(*writes)


async def apply_plan(
    order: Order, lines: Sequence[OrderLine], snapshot: Snapshot, actor: Actor, now: datetime
) -> RoutingOutcome:
    """Reserve what the plan assigns, write its fulfillment orders and tell their assignees,
    update the lines, and say what the timeline should record. Raises ReservationConflict
    as `write_plan` does.
    """
    previously_backordered = sum(line.backordered_quantity for line in lines)
    created = (await write_plan(order, snapshot, actor, now)).fulfillment_orders
    await events.tell_assignees(created, FulfillmentOrderEventType.ASSIGNED)
    await _update_lines(lines, snapshot.plan)
    entry = timeline_entry(created, snapshot.plan, previously_backordered)
    return RoutingOutcome(created, sum(snapshot.plan.backordered.values()), snapshot, entry)


async def route_order(
    order: Order,
    actor: Actor,
    now: datetime | None = None,
    also_excluded: Assignee | None = None,
) -> RoutingOutcome:
    """Assign what is not yet assigned (re-routing: a hold released, a rejection, stock
    that arrived for a backorder), inside the caller's transaction."""
    now = now or datetime.now(UTC)
    lines = list(await OrderLine.filter(order_id=order.id).order_by("id"))
    request = await request_of(order, lines, also_excluded)
    if not request.lines:
        return RoutingOutcome([], 0, None)
    outcome = await apply_plan(order, lines, await plan(request, now), actor, now)
    if outcome.entry is not None:
        await events.record_many(order, [outcome.entry], actor)
    return outcome
