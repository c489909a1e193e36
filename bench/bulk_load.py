"""Bulk-load a PostgreSQL OMS database with order history, fast: COPY, not the API.

    from bench.bulk_load import load_database
    await load_database(database_url, orders)   # after migrate and bench.seed

asyncpg's `copy_records_to_table` through Tortoise's connection: orders with their lines,
fulfillment orders and their lines, shipments, returns, timeline events and outbox rows,
in a history that runs at ORDERS_PER_DAY up to now (so the last day holds the same
number of orders at any size; only the depth of history grows). Tables and columns come
from the Tortoise models' `_meta`, so a renamed table or column follows; a field the
generator does not set gets the model's default or NULL, and a required field with
neither stops the load, named.
Used by bench.large (issue 17, goal 5).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from tortoise import Tortoise
from tortoise import fields as orm_fields
from tortoise.models import Model

from api.settings import tortoise_config
from bench.twin_cities import CITIES, near
from models.operations import order_counts
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    Location,
    Order,
    OrderEvent,
    OrderLine,
    OutboxEvent,
    Product,
    Return,
    ReturnLine,
    Shipment,
    ShipmentLine,
)

ORDERS_PER_DAY = 1_000
CHUNK = 5_000  # orders generated and copied at a time
RETURN_EVERY = 50  # one delivered order in 50 has a (refunded) return


class Table:
    """Rows of one model as COPY records: columns from `_meta`, the model's defaults (or
    NULL) for fields the generator leaves out, JSON fields as text.

    A row starts as a copy of a template holding the constant defaults; only what the
    generator gives, and callable defaults, are set per row (a million orders are ~16
    million rows: the per-row cost is most of the load)."""

    def __init__(self, model: type[Model], now: datetime) -> None:
        meta = model._meta
        self.model, self.name = model, meta.db_table
        fields = list(meta.fields_db_projection)
        self.columns = [meta.fields_db_projection[f] for f in fields]
        self.position = {name: index for index, name in enumerate(fields)}
        self.json = {f for f in fields if isinstance(meta.fields_map[f], orm_fields.JSONField)}
        self.template: list[Any] = [None] * len(fields)
        self.computed: list[tuple[str, int, Callable[[], Any]]] = []
        self.required: set[str] = set()
        for name in fields:
            field, index = meta.fields_map[name], self.position[name]
            if callable(field.default):
                self.computed.append((name, index, field.default))
            elif field.default is not None:
                self.template[index] = field.default
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.template[index] = now
            elif not field.null:
                self.required.add(name)
        self.records: list[tuple[Any, ...]] = []
        self.next_id = 1

    def add(self, **values: Any) -> int:
        """Append a row (its id taken here unless given); returns the id."""
        if "id" not in values:
            values["id"] = self.next_id
        self.next_id = max(self.next_id, values["id"] + 1)
        if not self.required <= values.keys():
            missing = sorted(self.required - values.keys())[0]
            raise KeyError(f"{self.model.__name__}.{missing} is required: the load sets no value")
        row = self.template.copy()
        for name, index, default in self.computed:
            if name not in values:
                row[index] = default()
        position = self.position
        for name, value in values.items():
            row[position[name]] = (
                json.dumps(value) if name in self.json and value is not None else value
            )
        self.records.append(tuple(row))
        return int(values["id"])


@dataclass
class Catalog:
    locations: list[int]
    products: list[tuple[int, str, Decimal]]


def history(
    orders: int,
    now: datetime,
    rng: random.Random,
    catalog: Catalog,
    tables: dict[str, Table],
    per_day: int = ORDERS_PER_DAY,
    return_every: int = RETURN_EVERY,
) -> Iterator[None]:
    """Generate `orders` orders, oldest first, `per_day` up to `now`; yields after
    every CHUNK so the caller can copy and clear. Per order: 3 lines, one fulfillment order
    (two for one in five), ~4 timeline events and ~3 outbox rows, as placeOrder and the
    fulfillment steps write them, a shipment per shipped fulfillment order and, for one
    delivered order in `return_every`, a refunded return of one unit; the older the order,
    the further along it is."""
    span = timedelta(days=orders / per_day)
    o, line, fo, fol = tables["order"], tables["line"], tables["fo"], tables["fol"]
    event, outbox = tables["event"], tables["outbox"]
    shipment, shipment_line = tables["shipment"], tables["shipment_line"]
    returned, returned_line = tables["return"], tables["return_line"]
    for n in range(orders):
        at = now - span + span * (n + 0.5) / orders
        age = now - at
        order_id = o.next_id
        number = str(1000 + order_id)  # as placeOrder numbers them
        picked = rng.sample(catalog.products, 3)
        quantities = [rng.randint(1, 3) for _ in picked]
        if age > timedelta(days=3):
            status, fo_status = rng.choices(
                [("DELIVERED", "SHIPPED"), ("SHIPPED", "SHIPPED"), ("CANCELLED", "CANCELLED")],
                [90, 5, 5],
            )[0]
        elif age > timedelta(days=1):
            status, fo_status = rng.choice([("SHIPPED", "SHIPPED"), ("IN_PROGRESS", "ACCEPTED")])
        else:
            status, fo_status = rng.choice([("ALLOCATED", "OPEN"), ("IN_PROGRESS", "ACCEPTED")])
        shipped = fo_status == "SHIPPED"
        refunded = status == "DELIVERED" and n % return_every == 0
        city, postal, lat, lon = CITIES[n % len(CITIES)]
        latitude, longitude = near(rng, lat, lon, 0.05)
        o.add(
            id=order_id,
            number=number,
            channel="web",
            status=status,
            customer_email=f"customer{n}@example.com",
            customer_name=f"Customer {n}",
            has_shipping_address=True,
            delivery_method="SHIP",
            currency="USD",
            subtotal=sum((p[2] * q for p, q in zip(picked, quantities, strict=True)), Decimal(0)),
            address_name=f"Customer {n}",
            address_line1=f"{n % 9000 + 100} Elm St",
            address_city=city,
            address_region="MN",
            address_postal_code=postal,
            address_country="US",
            latitude=latitude,
            longitude=longitude,
            created_at=at,
            updated_at=at + (timedelta(days=2) if shipped else timedelta(0)),
            cancelled_at=at + timedelta(hours=1) if status == "CANCELLED" else None,
            cancel_reason="CUSTOMER" if status == "CANCELLED" else None,
            delivered_at=at + timedelta(days=3) if status == "DELIVERED" else None,
        )
        line_ids = [
            line.add(
                order_id=order_id,
                product_id=product_id,
                position=position,
                sku=sku,
                quantity=q,
                unit_price=price,
                allocated_quantity=0 if status == "CANCELLED" else q,
                shipped_quantity=q if shipped else 0,
                delivered_quantity=q if status == "DELIVERED" else 0,
                cancelled_quantity=q if status == "CANCELLED" else 0,
                returned_quantity=1 if refunded and position == 0 else 0,
            )
            for position, ((product_id, sku, price), q) in enumerate(
                zip(picked, quantities, strict=True)
            )
        ]
        splits = [line_ids] if rng.random() < 0.8 else [line_ids[:2], line_ids[2:]]
        for share in splits:
            location = rng.choice(catalog.locations)
            fo_id = fo.add(
                order_id=order_id,
                location_id=location,
                status=fo_status,
                routing_reason="nearest location with every line in stock",
                assigned_at=at,
                assigned_on=date(at.year, at.month, at.day),
                accepted_at=at + timedelta(hours=2)
                if fo_status in ("ACCEPTED", "SHIPPED")
                else None,
                shipped_at=at + timedelta(days=1) if shipped else None,
                cancelled_at=at + timedelta(hours=1) if fo_status == "CANCELLED" else None,
                created_at=at,
                updated_at=at,
            )
            for line_id in share:
                q = quantities[line_ids.index(line_id)]
                fol.add(
                    fulfillment_order_id=fo_id,
                    order_line_id=line_id,
                    quantity=q,
                    shipped_quantity=q if shipped else 0,
                    cancelled_quantity=q if fo_status == "CANCELLED" else 0,
                )
            if shipped:
                shipment_id = shipment.add(
                    fulfillment_order_id=fo_id,
                    carrier="UPS",
                    tracking_number=f"1Z{fo_id:012d}",
                    shipped_at=at + timedelta(days=1),
                    delivered_at=at + timedelta(days=3) if status == "DELIVERED" else None,
                )
                for line_id in share:
                    shipment_line.add(
                        shipment_id=shipment_id,
                        order_line_id=line_id,
                        quantity=quantities[line_ids.index(line_id)],
                    )
            if refunded and line_ids[0] in share:
                return_id = returned.add(
                    order_id=order_id,
                    status="REFUNDED",
                    received_location_id=location,
                    received_at=at + timedelta(days=10),
                    refund_amount=picked[0][2],
                    refunded_at=at + timedelta(days=11),
                    created_at=at + timedelta(days=8),
                    updated_at=at + timedelta(days=11),
                )
                returned_line.add(
                    return__id=return_id,  # the `return_` relation's key
                    order_line_id=line_ids[0],
                    quantity=1,
                    reason="did not fit",
                    disposition="RESTOCK",
                )
            outbox.add(
                stream=f"location:{location}",
                type="ASSIGNED",
                payload={"fulfillmentOrderId": fo_id, "orderId": order_id},
                created_at=at,
                published_at=at,
            )
        steps = [("PLACED", at), ("ROUTED", at)]
        if status == "CANCELLED":
            steps.append(("CANCELLED", at + timedelta(hours=1)))
        if shipped:
            steps.append(("SHIPPED", at + timedelta(days=1)))
        if status == "DELIVERED":
            steps.append(("DELIVERED", at + timedelta(days=3)))
        for kind, when in steps:
            event.add(
                order_id=order_id,
                channel="web",  # the order's, as placeOrder copies it
                type=kind,
                message=f"order {number} {kind.lower()}",
                actor="bench",
                created_at=when,
            )
        # One outbox row per transaction on the order: placement (PLACED + ROUTED), then
        # each later step.
        for kind, when in steps[1:]:
            outbox.add(
                stream=f"order:{order_id}",
                type=kind,
                payload={"orderId": order_id},
                created_at=when,
                published_at=when,
            )
        if (n + 1) % CHUNK == 0 or n + 1 == orders:
            yield


async def bulk_load(
    orders: int, per_day: int = ORDERS_PER_DAY, return_every: int = RETURN_EVERY, seed: int = 17
) -> dict[str, Any]:
    """COPY `orders` orders and what hangs off them into the initialized database (a
    history of `per_day` orders a day; see `history`); rows per table and seconds per
    step. The sequences are moved past the ids used, so the API inserts after them.

    As a restore does it: the tables' secondary indexes are dropped for the COPY and built
    again after it (one sort per index, not a B-tree insert per row), foreign keys are not
    checked per row (`session_replication_role = replica`, superuser: the generator writes
    only ids it made or read), the next chunk is generated in a thread while the last one
    is copied, and the tables are VACUUMed, ANALYZEd and checkpointed at the end, so that
    the measured plans and index-only scans are those of a database in its steady state,
    not ones autovacuum (or the checkpointer) changes halfway through the bench."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    catalog = Catalog(
        locations=list(await Location.all().order_by("id").values_list("id", flat=True)),
        products=[
            (p["id"], p["sku"], p["price_amount"] or Decimal("10.00"))
            for p in await Product.all().values("id", "sku", "price_amount")
        ],
    )
    models: dict[str, type[Model]] = {
        "order": Order,
        "line": OrderLine,
        "fo": FulfillmentOrder,
        "fol": FulfillmentOrderLine,
        "event": OrderEvent,
        "outbox": OutboxEvent,
        "shipment": Shipment,
        "shipment_line": ShipmentLine,
        "return": Return,
        "return_line": ReturnLine,
    }
    tables = {key: Table(model, now) for key, model in models.items()}
    client = Tortoise.get_connection("default")
    for table in tables.values():
        # Whatever seeding (or a previous load) wrote stays: ids continue after it.
        rows = await client.execute_query_dict(f'SELECT max(id) AS top FROM "{table.name}"')
        table.next_id = (rows[0]["top"] or 0) + 1
    counts = dict.fromkeys(tables, 0)
    chunks = history(orders, now, rng, catalog, tables, per_day, return_every)

    def next_chunk() -> dict[str, list[tuple[Any, ...]]] | None:
        """Generate up to the next yield; the records made, taken from the tables."""
        for _ in chunks:
            taken = {key: table.records for key, table in tables.items()}
            for table in tables.values():
                table.records = []
            return taken
        return None

    seconds: dict[str, float] = {}
    started = time.monotonic()
    async with (
        client.acquire_connection() as raw,
        session_settings(raw, session_replication_role="replica", maintenance_work_mem="256MB"),
    ):
        indexes = await _secondary_indexes(raw, [t.name for t in tables.values()])
        for name, _ in indexes:
            await raw.execute(f"DROP INDEX {name}")
        pending = asyncio.ensure_future(asyncio.to_thread(next_chunk))
        while (batch := await pending) is not None:
            pending = asyncio.ensure_future(asyncio.to_thread(next_chunk))
            for key, records in batch.items():
                await raw.copy_records_to_table(
                    tables[key].name, records=records, columns=tables[key].columns
                )
                counts[key] += len(records)
        seconds["copy"] = round(time.monotonic() - started, 1)
        for _, definition in indexes:
            await raw.execute(definition)
        seconds["indexes"] = round(time.monotonic() - started - sum(seconds.values()), 1)
        for table in tables.values():
            await raw.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f'(SELECT max(id) FROM "{table.name}"))'
            )
            await raw.execute(f'VACUUM (ANALYZE) "{table.name}"')
        seconds["vacuum_analyze"] = round(time.monotonic() - started - sum(seconds.values()), 1)
        # The load leaves gigabytes of dirty buffers: written out now, not by the
        # checkpointer in the middle of the measured requests (a fresh 1,000,000-order load
        # measured placeOrder at 1.40x the small database; 0.98-1.07x once settled).
        await raw.execute("CHECKPOINT")
        seconds["checkpoint"] = round(time.monotonic() - started - sum(seconds.values()), 1)
    # The COPY fired no trigger (replica role): the kept order counts are taken again.
    await order_counts.recount()
    return {"rows": {tables[key].name: count for key, count in counts.items()}, "steps": seconds}


@contextlib.asynccontextmanager
async def session_settings(raw: Any, **settings: str) -> AsyncIterator[None]:
    """Session settings on a pooled connection for the block, reset on every way out: the
    pool does not reset a released connection (`api.pg_connection.UnresetConnection`), and
    a connection left in the replica role would fire no trigger for its next user. When the
    RESET cannot run (the block was cancelled mid-statement, the connection broke), the
    connection is terminated, so that the pool opens a fresh one instead."""
    try:
        for name, value in settings.items():
            await raw.execute(f"SET {name} = '{value}'")
        yield
    finally:
        try:
            await raw.execute("".join(f"RESET {name};" for name in settings))
        except BaseException:
            raw.terminate()
            raise


async def _secondary_indexes(raw: Any, tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the tables' indexes that back no constraint (the
    primary keys and unique constraints stay)."""
    rows = await raw.fetch(
        "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition"
        " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
        " WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        tables,
    )
    return [(row["name"], row["definition"]) for row in rows]


async def load_database(database_url: str, orders: int) -> dict[str, Any]:
    started = time.monotonic()
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        loaded = await bulk_load(orders)
    finally:
        await Tortoise.close_connections()
    return {**loaded, "seconds": round(time.monotonic() - started, 1)}
