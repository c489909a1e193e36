"""Order operations against the real database: cancel, holds, backorders, pickup."""

from __future__ import annotations

import asyncio
import logging

import pytest
from tortoise.exceptions import OperationalError

from models.errors import DomainError, ErrorCode
from models.operations import (
    backorders,
    cancellation_requests,
    fulfillment,
    order_routing,
    order_validation,
    placement,
)
from models.operations.fulfillment import ShipLine
from models.operations.inventory import adjust_inventory, set_inventory
from models.operations.order_actions import (
    LineCancellation,
    cancel_order,
    cancel_order_lines,
    hold_order,
    release_hold,
)
from models.operations.order_validation import OrderInput
from models.operations.placement import place_order
from models.operations.reservations import ROUTING_ATTEMPTS, ReservationConflict
from models.operations.routing import update_settings
from models.rules.ids import global_id
from models.rules.inventory import AdjustmentReason
from models.rules.lifecycle import CancelReason, DeliveryMethod, HoldReason
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLedgerEntry,
    InventoryLevel,
    Order,
    OrderEvent,
    OrderLine,
)
from tests.support.database import counting_queries
from tests.support.factories import twin_cities, web_order

pytestmark = pytest.mark.usefixtures("db")


async def reserved() -> int:
    return sum(level.reserved for level in await InventoryLevel.all())


async def test_cancel_releases_every_reservation() -> None:
    await twin_cities({"MUG": (2, 2, 0)})
    placed = await place_order(web_order(("MUG", 3)), SYSTEM)
    assert await reserved() == 3
    order = await cancel_order(placed.order.id, CancelReason.CUSTOMER, SYSTEM)
    assert order.status == "CANCELLED"
    assert await reserved() == 0
    assert {fo.status for fo in await FulfillmentOrder.all()} == {"CANCELLED"}
    with pytest.raises(DomainError) as refused:
        await cancel_order(placed.order.id, CancelReason.CUSTOMER, SYSTEM)
    assert refused.value.code is ErrorCode.INVALID_TRANSITION


async def test_cancelling_some_units_takes_backorders_first() -> None:
    await twin_cities({"MUG": (2, 0, 0)})
    placed = await place_order(web_order(("MUG", 5)), SYSTEM)
    (line,) = await OrderLine.filter(order_id=placed.order.id)
    assert (line.allocated_quantity, line.backordered_quantity) == (2, 3)
    await cancel_order_lines(
        placed.order.id, [LineCancellation(line.id, 4)], CancelReason.CUSTOMER, SYSTEM
    )
    await line.refresh_from_db()
    assert (line.allocated_quantity, line.backordered_quantity, line.cancelled_quantity) == (
        1,
        0,
        4,
    )
    assert await reserved() == 1
    order = await Order.get(id=placed.order.id)
    assert order.status == "ALLOCATED"
    with pytest.raises(DomainError, match="1 can still be cancelled, 2 requested"):
        await cancel_order_lines(
            placed.order.id, [LineCancellation(line.id, 2)], CancelReason.CUSTOMER, SYSTEM
        )


async def test_backorders_are_routed_when_stock_arrives() -> None:
    network = await twin_cities({"MUG": (0, 0, 0)})
    placed = await place_order(web_order(("MUG", 2)), SYSTEM)
    assert placed.order.status == "BACKORDERED"
    change = await adjust_inventory(network.stp.id, "MUG", 5, AdjustmentReason.RECEIVED, SYSTEM)
    assert change.routed == 1
    order = await Order.get(id=placed.order.id)
    assert order.status == "ALLOCATED"
    (fo,) = await FulfillmentOrder.filter(order_id=order.id)
    assert fo.location_id == network.stp.id  # type: ignore[attr-defined]
    assert change.level.reserved == 2


async def test_a_held_order_waits_and_routes_on_release() -> None:
    network = await twin_cities({"MUG": (0, 0, 0)})
    placed = await place_order(web_order(("MUG", 1)), SYSTEM)
    await hold_order(placed.order.id, HoldReason.HIGH_RISK_OF_FRAUD, "check card", SYSTEM)
    assert (await Order.get(id=placed.order.id)).status == "ON_HOLD"
    change = await adjust_inventory(network.msp.id, "MUG", 1, AdjustmentReason.RECEIVED, SYSTEM)
    assert change.routed == 0  # held: routing waits
    order = await release_hold(placed.order.id, SYSTEM)
    assert order.status == "ALLOCATED"
    types = [e.type for e in await OrderEvent.filter(order_id=order.id).order_by("id")]
    assert types[:2] == ["PLACED", "BACKORDERED"]
    assert "HELD" in types and "RELEASED" in types


async def test_backorders_can_be_refused_by_setting() -> None:
    await twin_cities({"MUG": (1, 0, 0)})
    await update_settings(backorders="REJECT")
    with pytest.raises(DomainError) as refused:
        await place_order(web_order(("MUG", 2)), SYSTEM)
    assert refused.value.code is ErrorCode.BACKORDERS_NOT_ALLOWED
    assert await Order.all().count() == 0
    assert await reserved() == 0


async def test_pickup_orders_only_use_the_pickup_store() -> None:
    network = await twin_cities({"MUG": (0, 5, 50)})
    placed = await place_order(
        web_order(
            ("MUG", 2),
            delivery_method=DeliveryMethod.PICKUP,
            pickup_location_id=network.msp.id,
            shipping_address=None,
        ),
        SYSTEM,
    )
    assert placed.order.status == "BACKORDERED"  # MSP-01 has none; STP-01 is not the pickup store
    with pytest.raises(DomainError, match="does not offer pickup"):
        await place_order(
            web_order(
                ("MUG", 1),
                delivery_method=DeliveryMethod.PICKUP,
                pickup_location_id=network.warehouse.id,
            ),
            SYSTEM,
        )


async def test_ship_orders_need_an_address() -> None:
    await twin_cities({"MUG": (1, 0, 0)})
    with pytest.raises(DomainError, match="needs a shipping address"):
        await place_order(web_order(("MUG", 1), shipping_address=None), SYSTEM)


async def test_a_placement_that_keeps_losing_races_is_placed_on_its_locked_last_try(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await twin_cities({"MUG": (5, 0, 0)})
    new_plan_write = order_routing.new_plan_write
    tries: list[int] = []

    def lose_until_last(*args, **kwargs):
        tries.append(1)
        if len(tries) < ROUTING_ATTEMPTS:
            raise ReservationConflict("a rival took the stock")
        return new_plan_write(*args, **kwargs)

    monkeypatch.setattr(order_routing, "new_plan_write", lose_until_last)
    placed = await place_order(web_order(("MUG", 2)), SYSTEM)
    assert len(tries) == ROUTING_ATTEMPTS
    assert placed.order.status == "ALLOCATED"
    assert await reserved() == 2
    assert await Order.all().count() == 1


async def test_a_cancellation_closes_fulfillment_orders_through_their_state_machine() -> None:
    await twin_cities({"MUG": (5, 0, 0)})
    whole = await place_order(web_order(("MUG", 1)), SYSTEM)
    await cancel_order(whole.order.id, CancelReason.CUSTOMER, SYSTEM)
    (cancelled,) = await FulfillmentOrder.filter(order_id=whole.order.id)
    assert (cancelled.status, cancelled.cancelled_at is not None) == ("CANCELLED", True)
    types = [e.type for e in await OrderEvent.filter(order_id=whole.order.id).order_by("id")]
    assert types[-2:] == ["CANCELLED", "CANCELLED"]  # the order, then its fulfillment order

    part = await place_order(web_order(("MUG", 3)), SYSTEM)
    (fo,) = await FulfillmentOrder.filter(order_id=part.order.id)
    (line,) = await OrderLine.filter(order_id=part.order.id)
    await fulfillment.accept(fo.id, SYSTEM)
    await fulfillment.ship(fo.id, SYSTEM, lines=[ShipLine(line.id, 1)])
    await cancel_order_lines(
        part.order.id, [LineCancellation(line.id, 2)], CancelReason.CUSTOMER, SYSTEM
    )
    # Accepted work: its assignee is asked first (issue 13.5), and agrees.
    await cancellation_requests.accept_cancellation(fo.id, SYSTEM)
    await fo.refresh_from_db()
    assert (fo.status, fo.shipped_at is not None) == ("SHIPPED", True)
    (closed,) = (
        await OrderEvent.filter(order_id=part.order.id, type="SHIPPED").order_by("-id").limit(1)
    )
    assert closed.message.endswith("is SHIPPED: what it had not shipped was cancelled")
    assert closed.data == {"fulfillmentOrderIds": [global_id("FulfillmentOrder", fo.id)]}
    assert (await Order.get(id=part.order.id)).status == "SHIPPED"


async def test_a_reroute_that_fails_after_a_stock_rise_leaves_the_rise_committed(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    network = await twin_cities({"MUG": (0, 0, 0)})
    placed = await place_order(web_order(("MUG", 2)), SYSTEM)

    async def broken(*args: object, **kwargs: object) -> None:
        raise OperationalError("database is locked")

    monkeypatch.setattr(backorders, "route_order", broken)
    with caplog.at_level(logging.ERROR, logger=backorders.__name__):
        change = await adjust_inventory(network.stp.id, "MUG", 5, AdjustmentReason.RECEIVED, SYSTEM)
    # The receipt stands and is reported as such; the backorder waits for the next rise.
    assert (change.on_hand_delta, change.routed, change.level.on_hand) == (5, 0, 5)
    assert (await InventoryLevel.get(id=change.level.id)).on_hand == 5
    assert (await Order.get(id=placed.order.id)).status == "BACKORDERED"
    assert "not routed after a stock rise" in caplog.text
    monkeypatch.undo()
    change = await set_inventory(network.stp.id, "MUG", 6, None, SYSTEM)
    assert (change.routed, change.level.reserved) == (1, 2)
    assert (await Order.get(id=placed.order.id)).status == "ALLOCATED"


async def test_a_placement_writes_each_table_once_in_few_statements() -> None:
    """The write path's statement budget: one INSERT per table, one guarded UPDATE for all
    reservations, no re-read of what was just written nor of the routing configuration the
    process keeps (the locations assigned to included), and PostgreSQL sends the writes in
    one statement (the reservations' with the order and everything else)."""
    await twin_cities({"MUG": (10, 10, 0)})
    await place_order(web_order(("MUG", 1)), SYSTEM)  # creates the routing settings
    await place_order(web_order(("MUG", 1)), SYSTEM)  # keeps the configuration as it now is
    with counting_queries() as statements:
        placed = await place_order(web_order(("MUG", 12), idempotency_key="budget-1"), SYSTEM)
    assert placed.order.status == "ALLOCATED"
    assert len(placed.fulfillment_orders or []) == 2
    writes = [s for s in statements if not s.startswith("SELECT")]
    postgres = "$1" in "".join(statements)
    # reservations (+ ledger, + order, + lines, + idempotency, + fulfillment orders, +
    # their lines, + outbox, + timeline). SQLite runs the "+" parts as statements of their
    # own, in the same batch (one trip to its connection's thread: test_sql_batches.py).
    assert len(writes) == (1 if postgres else 9), writes
    assert sum(s.startswith("UPDATE") for s in statements) == 0, statements
    assert not any('FROM "location"' in s for s in statements), statements
    # Each fulfillment order's lines are its own: what it holds is what its location reserved.
    held = await FulfillmentOrderLine.filter(
        fulfillment_order__order_id=placed.order.id
    ).values_list("fulfillment_order__location_id", "quantity")
    reserved = await InventoryLedgerEntry.filter(
        reference=f"order:{placed.order.number}"
    ).values_list("level__location_id", "reserved_delta")
    assert sorted(held) == sorted(reserved) and len(set(held)) == 2, (held, reserved)
    # products (+ the idempotency record, + stock levels); the ids the writes take ahead
    # (+ the config version: the webhook destinations are kept as of it); the writes.
    assert len(statements) == (3 if postgres else 11), statements


async def test_two_placements_with_one_key_at_once_place_one_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Both validate before either writes: the second's idempotency record breaks the unique
    key (IntegrityError, through models.sql's statements), and it answers the first order."""
    await twin_cities({"MUG": (10, 10, 0)})
    validated = asyncio.Barrier(2)
    validate = order_validation.validate_order

    async def together(data: OrderInput) -> order_validation.ValidOrder:
        valid = await validate(data)
        await validated.wait()
        return valid

    monkeypatch.setattr(placement, "validate_order", together)
    first, second = await asyncio.gather(
        *(place_order(web_order(("MUG", 1), idempotency_key="twice"), SYSTEM) for _ in range(2))
    )
    assert first.order.id == second.order.id
    assert sorted([first.created, second.created]) == [False, True]
    assert await Order.all().count() == 1
    assert await reserved() == 1
