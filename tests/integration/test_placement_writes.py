"""A placement's writes go with the reservations' guarded UPDATE (one statement on
PostgreSQL, outside a transaction when nothing is read or counted between them): a guard
that falls short must leave nothing of its attempt, and the ids taken ahead must be the
ones written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest

from models import sql
from models.operations import placement
from models.operations.inventory import set_inventory
from models.operations.locations import update_location, update_vendor
from models.operations.placement import place_order
from models.operations.reservations import ReservationConflict, reserve_all
from models.rules.ids import global_id
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    IdempotencyRecord,
    InventoryLedgerEntry,
    InventoryLevel,
    Order,
    OrderEvent,
    OrderLine,
    OutboxEvent,
    WebhookDelivery,
)
from tests.support.database import ON_POSTGRES
from tests.support.factories import twin_cities, web_order

pytestmark = pytest.mark.usefixtures("db")


async def test_a_reservation_that_falls_short_leaves_nothing_of_its_attempt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first plan counts on MSP-01's 2 mugs; they go before the write. The merged
    statement still writes the fulfillment orders, events and outbox rows, but the guard's
    short count rolls the attempt back whole, and the second plan ships from STP-01."""
    network = await twin_cities({"MUG": (2, 5, 0)})
    plan = placement._plan_new_order
    plans = 0

    async def stock_taken_after_the_first_plan(*args: Any, **kwargs: Any) -> Any:
        nonlocal plans
        snapshot = await plan(*args, **kwargs)
        plans += 1
        if plans == 1:
            assert {a.location_id for a in snapshot.plan.assignments} == {network.msp.id}
            await set_inventory(network.msp.id, "MUG", 0, None, SYSTEM)
        return snapshot

    monkeypatch.setattr(placement, "_plan_new_order", stock_taken_after_the_first_plan)
    placed = await place_order(web_order(("MUG", 2), idempotency_key="short"), SYSTEM)
    assert plans == 2
    assert await Order.all().count() == 1
    (fo,) = await FulfillmentOrder.all()
    assert (fo.id, fo.location_id) == ((placed.fulfillment_orders or [])[0].id, network.stp.id)
    assert [
        (line.fulfillment_order_id, line.quantity) for line in await FulfillmentOrderLine.all()
    ] == [(fo.id, 2)]
    reserved = {level.location_id: level.reserved for level in await InventoryLevel.all()}
    assert reserved == {network.msp.id: 0, network.stp.id: 2, network.warehouse.id: 0}
    ledger = await InventoryLedgerEntry.filter(reason="RESERVED").values_list(
        "level__location_id", "reserved_delta"
    )
    assert ledger == [(network.stp.id, 2)]
    assert [e.type for e in await OrderEvent.all().order_by("id")] == ["PLACED", "ROUTED"]
    assigned = await OutboxEvent.filter(type="ASSIGNED").values_list("stream", "payload")
    assert assigned == [
        (f"location:{network.stp.id}", {"fulfillmentOrderId": fo.id, "orderId": placed.order.id})
    ]


async def test_the_ids_taken_with_the_order_are_those_written() -> None:
    await twin_cities({"MUG": (2, 10, 0), "CUP": (0, 0, 4)})
    first = await place_order(web_order(("MUG", 12), ("CUP", 1)), SYSTEM)
    second = await place_order(web_order(("CUP", 3), ("MUG", 1), idempotency_key="k"), SYSTEM)
    for placed in (first, second):
        order_id = placed.order.id
        stored = await Order.get(id=order_id)
        assert (stored.number, stored.updated_at) == (placed.order.number, placed.order.updated_at)
        lines = await OrderLine.filter(order_id=order_id).order_by("position")
        assert [(line.id, line.sku) for line in lines] == [
            (line.id, line.sku) for line in placed.lines or []
        ]
        fos = await FulfillmentOrder.filter(order_id=order_id).order_by("id")
        assert [(fo.id, fo.location_id) for fo in fos] == [
            (fo.id, fo.location_id) for fo in placed.fulfillment_orders or []
        ]
        held = await FulfillmentOrderLine.filter(fulfillment_order__order_id=order_id)
        assert {line.order_line_id for line in held} <= {line.id for line in lines}
        (routed,) = await OrderEvent.filter(order_id=order_id, type="ROUTED")
        assert routed.data is not None
        assert routed.data["fulfillmentOrderIds"] == [
            global_id("FulfillmentOrder", fo.id) for fo in fos
        ]
    assert len(first.fulfillment_orders or []) >= 2  # a split: several ids taken ahead


async def test_a_capped_location_is_counted_between_the_reservations_and_the_rest() -> None:
    """A location with a daily capacity is locked and counted after the stock rows: the
    placement takes the separate path, and the cap holds."""
    network = await twin_cities({"MUG": (5, 0, 0)})
    await update_location(network.msp.id, daily_capacity=1)
    first = await place_order(web_order(("MUG", 1)), SYSTEM)
    second = await place_order(web_order(("MUG", 1)), SYSTEM)
    assert [fo.location_id for fo in first.fulfillment_orders or []] == [network.msp.id]
    assert second.order.status == "BACKORDERED"
    assert await FulfillmentOrder.filter(location_id=network.msp.id).count() == 1
    level = await InventoryLevel.get(location_id=network.msp.id)
    assert level.reserved == 1


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The first word of each statement sent to PostgreSQL (BEGIN and COMMIT included)."""
    words: list[str] = []
    for name in ("execute", "fetch"):
        method = getattr(asyncpg.Connection, name)

        def spied(method: Any = method) -> Any:
            async def send(self: asyncpg.Connection, query: str, *args: Any, **kw: Any) -> Any:
                words.append(query.split(None, 1)[0].upper().rstrip(";"))
                return await method(self, query, *args, **kw)

            return send

        monkeypatch.setattr(asyncpg.Connection, name, spied())
    yield words


@pytest.mark.skipif(not ON_POSTGRES, reason="statements sent to PostgreSQL")
async def test_a_placement_is_one_write_statement_outside_a_transaction(sent: list[str]) -> None:
    """A placement is its read, the ids it takes, and one statement that commits alone, its
    webhook deliveries included; a capped location (counted between the reservations and
    the rest) puts it back in a transaction."""
    network = await twin_cities({"MUG": (5, 5, 0)})
    # The first placement writes the default routing settings (a configuration change);
    # the second loads routing's inputs and the webhooks' destinations again, and keeps them.
    for _ in range(2):
        await place_order(web_order(("MUG", 1)), SYSTEM)
    sent.clear()
    placed = await place_order(web_order(("MUG", 1), idempotency_key="alone"), SYSTEM)
    assert sent == ["SELECT", "SELECT", "WITH"]
    stored = await Order.get(id=placed.order.id)
    assert (stored.number, stored.updated_at) == (placed.order.number, placed.order.updated_at)
    assert await IdempotencyRecord.filter(order_id=placed.order.id).count() == 1

    # A webhook that hears of it: its delivery goes in the same statement.
    await update_vendor(network.vendor.id, webhook_url="https://northwoods.example/hooks")
    await place_order(web_order(("CHAIR", 1)), SYSTEM)  # loads the changed configuration
    sent.clear()
    vendor_order = await place_order(web_order(("CHAIR", 1)), SYSTEM)
    assert sent == ["SELECT", "SELECT", "WITH"]
    assert await WebhookDelivery.filter(order_id=vendor_order.order.id).count() == 1

    await update_location(network.msp.id, daily_capacity=10)
    sent.clear()
    await place_order(web_order(("MUG", 1)), SYSTEM)
    assert "BEGIN" in sent and sent[-1] == "COMMIT"


@pytest.mark.skipif(not ON_POSTGRES, reason="a statement outside a transaction")
async def test_a_guard_that_falls_short_fails_its_statement_whole() -> None:
    """The reservations' statement sent on its own: a level without the quantity fails it,
    and none of its other writes (the ledger, the rows written with it) remain."""
    network = await twin_cities({"MUG": (1, 0, 0)})
    level = await InventoryLevel.get(location_id=network.msp.id)
    outbox = sql.Insert(OutboxEvent, [{"stream": "test", "type": "T", "payload": {}}])
    with pytest.raises(ReservationConflict):
        await reserve_all([(level.id, 2)], SYSTEM, "test", also=[outbox])
    assert await OutboxEvent.filter(stream="test").count() == 0
    assert await InventoryLedgerEntry.filter(reference="test").count() == 0
    assert (await InventoryLevel.get(id=level.id)).reserved == 0
    await reserve_all([(level.id, 1)], SYSTEM, "test", also=[outbox])
    assert await OutboxEvent.filter(stream="test").count() == 1
    assert (await InventoryLevel.get(id=level.id)).reserved == 1
