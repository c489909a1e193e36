"""Fifty customers race over real HTTP for the last ten units: exactly ten get them."""

from __future__ import annotations

import asyncio

import httpx

from models.operations.access import create_api_key
from models.rules.scopes import Role
from models.tables import InventoryLedgerEntry, InventoryLevel, OrderLine
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, order_input

RACERS = 50
UNITS = 10


async def test_fifty_placements_for_ten_units_reserve_exactly_ten(live_server: str) -> None:
    await twin_cities({"MUG": (UNITS, 0, 0)})
    _, secret = await create_api_key("racer", Role.ADMIN)
    headers = {"Authorization": f"Bearer {secret}"}

    async with httpx.AsyncClient(base_url=live_server, headers=headers, timeout=60) as client:

        async def place(n: int) -> dict:
            body = {"query": PLACE, "variables": {"input": order_input([("MUG", 1)])}}
            response = await client.post("/graphql", json=body)
            assert response.status_code == 200, response.text
            result = response.json()
            assert not result.get("errors"), result["errors"]
            assert result["data"]["placeOrder"]["userErrors"] == []
            return result["data"]["placeOrder"]["order"]

        orders = await asyncio.gather(*(place(n) for n in range(RACERS)))

    statuses = sorted(order["status"] for order in orders)
    assert statuses.count("ALLOCATED") == UNITS
    assert statuses.count("BACKORDERED") == RACERS - UNITS
    lines = await OrderLine.all()
    assert sum(line.allocated_quantity for line in lines) == UNITS
    assert sum(line.backordered_quantity for line in lines) == RACERS - UNITS
    for level in await InventoryLevel.all():
        ledger = await InventoryLedgerEntry.filter(level_id=level.id)
        assert level.on_hand == sum(entry.on_hand_delta for entry in ledger)
        assert level.reserved == sum(entry.reserved_delta for entry in ledger)
        assert level.reserved <= level.on_hand
    (mug,) = [level for level in await InventoryLevel.all() if level.reserved]
    assert mug.reserved == UNITS
