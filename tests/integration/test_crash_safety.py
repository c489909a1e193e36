"""Crash safety: SIGKILL a real uvicorn in the middle of a load, start it again, and find
every order whole or absent, every reservation and stock level accounted for, and every
committed assignment delivered. The server is tests.support.servers.Uvicorn, which
can be killed outright.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.functions import Sum

from api.settings import Settings
from models.operations.access import create_api_key
from models.operations.events import assignee_stream
from models.rules.events import FulfillmentOrderEventType
from models.rules.inventory import LedgerReason
from models.rules.scopes import Role
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    IdempotencyRecord,
    InventoryLedgerEntry,
    InventoryLevel,
    Location,
    Order,
    OrderEvent,
    OrderLine,
    OutboxEvent,
    Vendor,
)
from resolvers.ids import encode_id
from tests.support.database import ON_POSTGRES
from tests.support.factories import twin_cities
from tests.support.gql import order_input
from tests.support.servers import Uvicorn
from tests.support.ws import subscribe

# --- the crash test ---------------------------------------------------------------------

CLIENTS = 6  # concurrent clients, each with its own ADMIN key (api/cost.py budgets per key)
ROUNDS = 2  # load, SIGKILL, restart; twice
KILL_AFTER_ORDERS = 30  # acknowledged placements per round before the kill
ROUND_CAP_SECONDS = 20.0  # the kill comes then at the latest
CLIENT_OPERATIONS = 80  # a client stops after this many requests in one round in any case
LIVE = ("OPEN", "ACCEPTED", "PACKED")  # fulfillment order statuses that hold a reservation
SKUS = ("MUG", "HAT", "CAP")
BEGINNING = "Y3Vyc29yOjA"  # encode_cursor(0): a subscription that replays its whole stream

PLACE_DOC = """
mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order { number fulfillmentOrders { id location { code } } }
    userErrors { code message }
  }
}
"""
ACCEPT_DOC = """mutation($input: AcceptFulfillmentOrderInput!) {
  acceptFulfillmentOrder(input: $input) { userErrors { code message } } }"""
SHIP_DOC = """mutation($input: ShipFulfillmentOrderInput!) {
  shipFulfillmentOrder(input: $input) { userErrors { code message } } }"""
ASSIGNED_DOC = """
subscription($loc: ID, $vendor: ID, $since: String) {
  fulfillmentOrderAssigned(locationId: $loc, vendorId: $vendor, since: $since) {
    type fulfillmentOrder { id }
  }
}
"""


@dataclass
class Seen:
    """What the clients were told: each of these must have survived the kill."""

    orders: set[str] = field(default_factory=set)  # order numbers
    accepted: set[str] = field(default_factory=set)  # fulfillment order global ids
    shipped: set[str] = field(default_factory=set)
    in_flight: int = 0  # requests cut off by the kill: sent, never answered
    cut_off: list[dict[str, Any]] = field(default_factory=list)  # placements among them
    replayed: int = 0  # cut-off placements that had committed: their retry got that order
    problems: list[str] = field(default_factory=list)  # answers that were wrong


class Client:
    """Places orders and works on their fulfillment orders until the server dies."""

    def __init__(self, base: str, secret: str, name: str, seen: Seen, stop: asyncio.Event) -> None:
        self.base, self.secret, self.name = base, secret, name
        self.seen, self.stop = seen, stop
        self.rng = random.Random(name)

    async def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.secret}"}
        async with httpx.AsyncClient(base_url=self.base, headers=headers, timeout=30) as http:
            for step in range(CLIENT_OPERATIONS):
                if self.stop.is_set():
                    return
                try:
                    await self.one_order(http, step)
                except httpx.ConnectError:
                    return  # the server is gone; nothing was sent
                except httpx.TransportError:
                    self.seen.in_flight += 1
                    return

    async def call(self, http: httpx.AsyncClient, doc: str, data: dict[str, Any]) -> Any:
        response = await http.post("/graphql", json={"query": doc, "variables": {"input": data}})
        body = response.json() if response.status_code == 200 else {}
        if response.status_code != 200 or body.get("errors"):
            self.seen.problems.append(f"{response.status_code} {response.text[:300]}")
            return None
        (payload,) = body["data"].values()
        if payload["userErrors"]:
            self.seen.problems.append(f"userErrors: {payload['userErrors']}")
            return None
        return payload

    async def one_order(self, http: httpx.AsyncClient, step: int) -> None:
        lines = [(sku, self.rng.randint(1, 3)) for sku in self.rng.sample(SKUS, 2)]
        if self.rng.random() < 0.2:
            lines.append(("CHAIR", 1))  # drop-shipped: a vendor's fulfillment order too
        data = order_input(lines, idempotencyKey=f"{self.name}-{step}")
        try:
            payload = await self.call(http, PLACE_DOC, data)
        except httpx.TransportError as error:
            if not isinstance(error, httpx.ConnectError):
                self.seen.cut_off.append(data)  # committed or not: the client cannot know
            raise
        if payload is None:
            return
        self.seen.orders.add(payload["order"]["number"])
        for fo in payload["order"]["fulfillmentOrders"]:
            if fo["location"] is None or self.rng.random() < 0.3:
                continue
            if await self.call(http, ACCEPT_DOC, {"id": fo["id"]}) is None:
                continue
            self.seen.accepted.add(fo["id"])
            if self.rng.random() < 0.5 and await self.call(http, SHIP_DOC, {"id": fo["id"]}):
                self.seen.shipped.add(fo["id"])


async def load_then_kill(server: Uvicorn, secrets: list[str], round_: int, seen: Seen) -> None:
    """CLIENTS clients place orders; once KILL_AFTER_ORDERS more are acknowledged (or the
    cap has passed), SIGKILL the server while their next requests are in flight."""
    stop = asyncio.Event()
    clients = [
        Client(server.base, secret, f"crash-{round_}-{n}", seen, stop)
        for n, secret in enumerate(secrets)
    ]
    tasks = [asyncio.create_task(client.run()) for client in clients]
    loop = asyncio.get_running_loop()
    target, deadline = len(seen.orders) + KILL_AFTER_ORDERS, loop.time() + ROUND_CAP_SECONDS
    while len(seen.orders) < target and loop.time() < deadline:
        if all(task.done() for task in tasks):
            break
        await asyncio.sleep(0.02)
    await server.kill()
    stop.set()
    await asyncio.gather(*tasks)


# --- what must hold after a crash --------------------------------------------------------


async def check_orders_whole(seen: Seen) -> None:
    """Every order is whole: its lines, fulfillment orders with lines, its reservations
    and shipments in the ledger, its PLACED event, its idempotency record, one ASSIGNED
    outbox row per fulfillment order. And nothing refers to an order that is not there."""
    orders = {order.id: order for order in await Order.all()}
    numbers = {order.number for order in orders.values()}
    assert seen.orders <= numbers, f"acknowledged but lost: {sorted(seen.orders - numbers)}"
    assert None not in numbers, "an order without its number"
    lines_by_order: dict[int, list[OrderLine]] = defaultdict(list)
    for line in await OrderLine.all():
        lines_by_order[line.order_id].append(line)  # type: ignore[attr-defined]
    product_of = {line.id: line.product_id for ls in lines_by_order.values() for line in ls}  # type: ignore[attr-defined]
    level_of = {
        (level.location_id, level.product_id): level.id  # type: ignore[attr-defined]
        for level in await InventoryLevel.all()
    }

    assigned: dict[int, int] = defaultdict(int)  # order line -> units on fulfillment orders
    # (order number, level) -> units, as the fulfillment orders say and as the ledger says
    want_reserved: dict[tuple[str, int], int] = defaultdict(int)
    want_shipped: dict[tuple[str, int], int] = defaultdict(int)
    fulfillment_orders = await FulfillmentOrder.all().prefetch_related("lines")
    for fo in fulfillment_orders:
        assert list(fo.lines), f"fulfillment order {fo.id} without lines"
        number = orders[fo.order_id].number  # type: ignore[attr-defined]
        for fo_line in fo.lines:
            order_line_id = fo_line.order_line_id  # type: ignore[attr-defined]
            assigned[order_line_id] += fo_line.quantity
            if fo.location_id is not None:  # type: ignore[attr-defined]
                level = level_of[(fo.location_id, product_of[order_line_id])]  # type: ignore[attr-defined]
                want_reserved[(number, level)] += fo_line.quantity
                want_shipped[(number, level)] += fo_line.shipped_quantity
    got_reserved: dict[tuple[str, int], int] = defaultdict(int)
    got_shipped: dict[tuple[str, int], int] = defaultdict(int)
    for entry in await InventoryLedgerEntry.filter(reference__startswith="order:"):
        number = entry.reference.removeprefix("order:")  # type: ignore[union-attr]
        assert number in numbers, f"ledger row {entry.id} names a missing order {number}"
        key = (number, entry.level_id)  # type: ignore[attr-defined]
        if entry.reason == LedgerReason.RESERVED:
            got_reserved[key] += entry.reserved_delta
        elif entry.reason == LedgerReason.SHIPPED:
            assert entry.on_hand_delta == entry.reserved_delta, entry
            got_shipped[key] -= entry.on_hand_delta
    assert _nonzero(got_reserved) == _nonzero(want_reserved), "reservations vs ledger"
    assert _nonzero(got_shipped) == _nonzero(want_shipped), "shipments vs ledger"

    placed = set(await OrderEvent.filter(type="PLACED").values_list("order_id", flat=True))
    keyed = set(await IdempotencyRecord.all().values_list("order_id", flat=True))
    assert keyed == set(orders), "idempotency records and orders differ"
    for order_id, order in orders.items():
        lines = lines_by_order.get(order_id, [])
        assert lines, f"order {order.number} without lines"
        assert order_id in placed, f"order {order.number} without its PLACED event"
        for line in lines:
            assert line.allocated_quantity + line.backordered_quantity == line.quantity, (
                f"order {order.number} {line.sku}: allocated {line.allocated_quantity} "
                f"+ backordered {line.backordered_quantity} != {line.quantity}"
            )
            assert assigned[line.id] == line.allocated_quantity, (
                f"order {order.number} {line.sku}: fulfillment orders hold "
                f"{assigned[line.id]}, allocated {line.allocated_quantity}"
            )

    announced: dict[int, list[str]] = defaultdict(list)
    for event in await OutboxEvent.filter(type=FulfillmentOrderEventType.ASSIGNED):
        announced[event.payload["fulfillmentOrderId"]].append(event.stream)
    by_id = {fo.id: fo for fo in fulfillment_orders}
    assert set(announced) <= set(by_id), "an ASSIGNED event for a missing fulfillment order"
    for fo in fulfillment_orders:
        stream = assignee_stream(fo.location_id, fo.vendor_id)  # type: ignore[attr-defined]
        assert announced[fo.id] == [stream], f"fulfillment order {fo.id}: {announced[fo.id]}"
    status_of = {str(encode_id("FulfillmentOrder", pk)): fo.status for pk, fo in by_id.items()}
    for gid in seen.accepted:
        assert status_of[gid] in ("ACCEPTED", "PACKED", "SHIPPED"), (gid, status_of[gid])
    for gid in seen.shipped:
        assert status_of[gid] == "SHIPPED", (gid, status_of[gid])


def _nonzero(counts: dict[tuple[str, int], int]) -> dict[tuple[str, int], int]:
    return {key: value for key, value in counts.items() if value}


async def check_stock() -> None:
    """At every level: reserved is what live fulfillment order lines still hold there,
    and onHand and reserved are the sums of the level's ledger."""
    held: dict[tuple[int, int], int] = defaultdict(int)  # (location, product) -> units
    rows = await FulfillmentOrderLine.filter(
        fulfillment_order__status__in=LIVE, fulfillment_order__location_id__not_isnull=True
    ).values(
        "quantity",
        "shipped_quantity",
        "cancelled_quantity",
        "fulfillment_order__location_id",
        "order_line__product_id",
    )
    for row in rows:
        key = (row["fulfillment_order__location_id"], row["order_line__product_id"])
        held[key] += row["quantity"] - row["shipped_quantity"] - row["cancelled_quantity"]
    ledger = {
        row["level_id"]: row
        for row in await InventoryLedgerEntry.annotate(
            on_hand=Sum("on_hand_delta"), reserved=Sum("reserved_delta")
        )
        .group_by("level_id")
        .values("level_id", "on_hand", "reserved")
    }
    for level in await InventoryLevel.all():
        key = (level.location_id, level.product_id)  # type: ignore[attr-defined]
        assert level.reserved == held[key], (
            f"level {key}: reserved {level.reserved}, held {held[key]}"
        )
        assert 0 <= level.reserved <= level.on_hand, f"level {key}: {level.reserved} > onHand"
        assert (level.on_hand, level.reserved) == (
            ledger[level.id]["on_hand"],
            ledger[level.id]["reserved"],
        ), f"level {key} differs from its ledger"


async def retry_cut_off(base: str, secret: str, seen: Seen) -> None:
    """A client whose placement got no answer sends it again with the same idempotency key:
    it gets the order that was committed before the kill, or a new one, never two."""
    before = dict(await IdempotencyRecord.all().values_list("key", "order__number"))
    async with httpx.AsyncClient(
        base_url=base, headers={"Authorization": f"Bearer {secret}"}, timeout=30
    ) as http:
        for data in seen.cut_off:
            response = await http.post(
                "/graphql", json={"query": PLACE_DOC, "variables": {"input": data}}
            )
            body = response.json()
            assert not body.get("errors"), body
            payload = body["data"]["placeOrder"]
            assert payload["userErrors"] == [], payload
            number = payload["order"]["number"]
            if data["idempotencyKey"] in before:
                assert number == before[data["idempotencyKey"]], "a retry placed it twice"
                seen.replayed += 1
            seen.orders.add(number)
    assert await Order.all().count() == await IdempotencyRecord.all().count()


async def check_delivery(base: str, secret: str) -> None:
    """Replayed from the beginning, each assignee's stream holds an ASSIGNED event for
    every one of its fulfillment orders; and the relay publishes every outbox row."""
    streams = [("loc", location.id, "Location") for location in await Location.all()]
    streams += [("vendor", vendor.id, "Vendor") for vendor in await Vendor.all()]
    for argument, pk, type_name in streams:
        owner = {"location_id": pk} if type_name == "Location" else {"vendor_id": pk}
        expected = {
            str(encode_id("FulfillmentOrder", fo_id))
            for fo_id in await FulfillmentOrder.filter(**owner).values_list("id", flat=True)
        }
        if not expected:
            continue
        variables = {argument: str(encode_id(type_name, pk)), "since": BEGINNING}
        got: set[str] = set()
        async with subscribe(base, secret, ASSIGNED_DOC, variables) as sub:
            while not expected <= got:
                event = (await sub.next(wait=15))["fulfillmentOrderAssigned"]
                assert event["type"] == FulfillmentOrderEventType.ASSIGNED
                got.add(event["fulfillmentOrder"]["id"])
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 15
    while await OutboxEvent.filter(published_at=None).exists():
        assert loop.time() < deadline, "outbox rows left unpublished after the restart"
        await asyncio.sleep(0.2)


@pytest.mark.skipif(
    not ON_POSTGRES,
    reason="PostgreSQL only: crash recovery of concurrent transactions is the production "
    "database's job; the SQLite backend serves one process on one file",
)
async def test_a_killed_server_leaves_every_order_whole_and_every_event_delivered(
    db: Settings, tmp_path: Path
) -> None:
    await twin_cities({sku: (30, 30, 60) for sku in SKUS})
    secrets = [(await create_api_key(f"client {n}", Role.ADMIN))[1] for n in range(CLIENTS)]
    workers = 1 if db.broadcast_is_memory else 2
    seen = Seen()
    for round_ in range(ROUNDS):
        server = Uvicorn(
            db.database_url, db.broadcast_url, tmp_path / f"before-kill-{round_}.log",
            workers=workers,
        )  # fmt: skip
        await server.start()
        await load_then_kill(server, secrets, round_, seen)
        assert "Traceback" not in server.log(), server.log()[-4000:]
    assert not seen.problems, seen.problems[:5]
    assert seen.in_flight, "the kills cut off no request: they did not come mid-load"
    unpublished = await OutboxEvent.filter(published_at=None).count()

    async with Uvicorn(
        db.database_url, db.broadcast_url, tmp_path / "after.log", workers=workers
    ) as server:
        await check_orders_whole(seen)
        await check_stock()
        await retry_cut_off(server.base, secrets[0], seen)
        await check_orders_whole(seen)
        await check_stock()
        await check_delivery(server.base, secrets[0])
    assert "Traceback" not in server.log(), server.log()[-4000:]
    # Shown with -s: how much the kills actually interrupted.
    print(
        f"{len(seen.orders)} orders acknowledged, {await Order.all().count()} in the "
        f"database; {seen.in_flight} requests cut off ({len(seen.cut_off)} placements, sent "
        f"again: {seen.replayed} had committed); {unpublished} outbox rows "
        "unpublished after the last kill"
    )
