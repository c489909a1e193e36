"""An edit racing a placement for the last unit, an accept or a ship: nothing oversold,
no shipped unit released, stock and ledger agree (real concurrency on PostgreSQL)."""

from __future__ import annotations

import asyncio

from models.errors import DomainError
from models.operations.fulfillment import accept, ship
from models.operations.order_edits import OrderEdit, SetQuantity, edit_order
from models.operations.order_validation import LineInput, OrderInput
from models.operations.placement import place_order
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrderLine,
    InventoryLedgerEntry,
    InventoryLevel,
    OrderLine,
)
from tests.support.factories import MINNEAPOLIS_CUSTOMER, twin_cities
from tests.support.operations import only_open, place

ROUNDS = 4


async def stock_agrees() -> None:
    """onHand and reserved are what the ledger says, reserved is what open fulfillment lines
    still hold, and nothing is negative or oversold."""
    for level in await InventoryLevel.all().prefetch_related("product"):
        ledger = await InventoryLedgerEntry.filter(level_id=level.id)
        assert level.on_hand == sum(entry.on_hand_delta for entry in ledger)
        assert level.reserved == sum(entry.reserved_delta for entry in ledger)
        assert 0 <= level.reserved <= level.on_hand
        held = await FulfillmentOrderLine.filter(
            fulfillment_order__location_id=level.location_id,  # type: ignore[attr-defined]
            order_line__sku=level.product.sku,
            fulfillment_order__status__in=("OPEN", "ACCEPTED", "PACKED"),
        )
        assert level.reserved == sum(
            line.quantity - line.shipped_quantity - line.cancelled_quantity for line in held
        )
    for line in await OrderLine.all():
        assert line.shipped_quantity + line.cancelled_quantity <= line.quantity
        assert line.allocated_quantity >= line.shipped_quantity


async def outcome(call: object) -> object:
    try:
        return await call  # type: ignore[misc]
    except DomainError as error:
        return error


async def test_an_edit_and_a_placement_race_for_the_last_unit(db: object) -> None:
    await twin_cities({"MUG": (ROUNDS, 0, 0), "LAMP": (50, 0, 0)})
    orders = [await place(("LAMP", 1)) for _ in range(ROUNDS)]
    newcomer = OrderInput(
        channel="web",
        customer_email="bo@example.com",
        currency="USD",
        shipping_address=MINNEAPOLIS_CUSTOMER,
        lines=(LineInput("MUG", 1),),
    )
    for order in orders:
        await asyncio.gather(
            outcome(edit_order(order.id, OrderEdit(add_lines=(LineInput("MUG", 1),)), SYSTEM)),
            outcome(place_order(newcomer, SYSTEM)),
        )
    mugs = await OrderLine.filter(sku="MUG")
    assert sum(line.allocated_quantity for line in mugs) == ROUNDS
    assert sum(line.backordered_quantity for line in mugs) == ROUNDS
    await stock_agrees()


async def test_an_edit_racing_a_ship_never_releases_shipped_units(db: object) -> None:
    await twin_cities({"MUG": (2 * ROUNDS, 0, 0)})
    for _ in range(ROUNDS):
        order = await place(("MUG", 2))
        work = await only_open(order)
        await accept(work.id, SYSTEM)
        (line,) = await OrderLine.filter(order_id=order.id)
        lower = OrderEdit(set_quantities=(SetQuantity(line.id, 0),))
        await asyncio.gather(
            outcome(ship(work.id, SYSTEM)), outcome(edit_order(order.id, lower, SYSTEM))
        )
        line = await OrderLine.get(id=line.id)
        assert line.shipped_quantity in (0, 2)
        assert line.cancelled_quantity == 0  # accepted work is asked, never cancelled at once
    await stock_agrees()


async def test_an_edit_racing_an_accept(db: object) -> None:
    await twin_cities({"MUG": (3 * ROUNDS, 0, 0)})
    for _ in range(ROUNDS):
        order = await place(("MUG", 3))
        work = await only_open(order)
        (line,) = await OrderLine.filter(order_id=order.id)
        lower = OrderEdit(set_quantities=(SetQuantity(line.id, 1),))
        await asyncio.gather(
            outcome(accept(work.id, SYSTEM)), outcome(edit_order(order.id, lower, SYSTEM))
        )
        line = await OrderLine.get(id=line.id)
        assert line.cancelled_quantity in (0, 2)  # 2 released at once, or asked (0 yet)
    await stock_agrees()
