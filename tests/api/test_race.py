"""Fifty customers race over real HTTP for the last ten units: exactly ten get them, from
one server process, and from two server processes on one database, the customers taking
turns between them (on SQLite one file, whose write lock each process's grouped writes
take in turn)."""

from __future__ import annotations

import asyncio
import json

import httpx

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from models.tables import InventoryLedgerEntry, InventoryLevel, OrderLine
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, order_input
from tests.support.redis import needs_redis_server, redis_server
from tests.support.servers import free_port, oms_env, oms_serve

RACERS = 50
UNITS = 10


async def _race(*urls: str) -> None:
    """RACERS placements of one MUG at once, over as many connections, for UNITS units,
    sent to each of `urls` in turn; then exactly UNITS promised, and every level equal to
    its ledger."""
    await twin_cities({"MUG": (UNITS, 0, 0)})
    _, secret = await create_api_key("racer", Role.ADMIN)
    headers = {"Authorization": f"Bearer {secret}"}
    limits = httpx.Limits(max_connections=RACERS)
    async with httpx.AsyncClient(headers=headers, timeout=60, limits=limits) as client:

        async def place(n: int) -> dict:
            body = {"query": PLACE, "variables": {"input": order_input([("MUG", 1)])}}
            response = await client.post(f"{urls[n % len(urls)]}/graphql", json=body)
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


async def test_fifty_placements_for_ten_units_reserve_exactly_ten(live_server: str) -> None:
    await _race(live_server)


@needs_redis_server
async def test_two_servers_racing_for_ten_units_reserve_exactly_ten(db: Settings) -> None:
    # Two processes of their own, not `--workers 2`: the kernel may hand one worker every
    # connection, and then nothing raced between processes.
    port = free_port()
    env = oms_env(db.database_url, f"redis://127.0.0.1:{port}", OMS_LOG_FORMAT="json")
    async with (
        redis_server(port),
        oms_serve(env) as (first, _),
        oms_serve(env) as (second, _),
    ):
        await _race(first.url, second.url)
    for served in (first, second):
        placed = [
            entry for entry in map(json.loads, served.log) if "POST /graphql" in entry["message"]
        ]
        assert len(placed) == RACERS // 2, "each server placed its half"
