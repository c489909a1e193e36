"""A placement's writes after the order's INSERT go with the reservations' guarded UPDATE
(one statement on PostgreSQL): a guard that falls short must leave nothing of its attempt,
and the ids taken ahead with the order must be the ones written."""

from __future__ import annotations

from typing import Any

import pytest

from models.operations import placement
from models.operations.inventory import set_inventory
from models.operations.locations import update_location
from models.operations.placement import place_order
from models.rules.ids import global_id
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLedgerEntry,
    InventoryLevel,
    Order,
    OrderEvent,
    OrderLine,
    OutboxEvent,
)
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
