"""Delivery across server processes, and through a Redis restart, with nothing lost."""

from __future__ import annotations

import asyncio

import pytest

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.redis import needs_redis_server, redis_server
from tests.support.servers import free_port, place, serve
from tests.support.ws import ASSIGNED, subscribe


@needs_redis_server
async def test_an_event_caused_on_one_server_reaches_a_subscriber_on_another(db: Settings) -> None:
    if db.dialect == "sqlite":
        pytest.skip("two server processes on one SQLite file are not a supported deployment")
    network = await twin_cities({"MUG": (9, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    msp = encode_id("Location", network.msp.id)
    port = free_port()
    url = f"redis://127.0.0.1:{port}"
    async with (
        redis_server(port),
        serve(db.database_url, url) as first,
        serve(db.database_url, url) as second,
        subscribe(first, admin, ASSIGNED, {"loc": msp}) as sub,
    ):
        await sub.nothing_for(0.3)
        orders = [await place(second, admin, [("MUG", 1)]) for _ in range(3)]
        got = [(await sub.next())["fulfillmentOrderAssigned"] for _ in orders]
        numbers = [e["fulfillmentOrder"]["order"]["number"] for e in got]
        assert numbers == [o["number"] for o in orders]


@needs_redis_server
async def test_a_redis_restart_loses_no_event(db: Settings) -> None:
    network = await twin_cities({"MUG": (9, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    msp = encode_id("Location", network.msp.id)
    port = free_port()
    async with (
        redis_server(port) as redis,
        serve(db.database_url, f"redis://127.0.0.1:{port}") as server,
        subscribe(server, admin, ASSIGNED, {"loc": msp}) as sub,
    ):
        before = await place(server, admin, [("MUG", 1)])
        first = (await sub.next())["fulfillmentOrderAssigned"]
        assert first["fulfillmentOrder"]["order"]["number"] == before["number"]

        redis.terminate()
        await asyncio.to_thread(redis.wait)
        during = await place(server, admin, [("MUG", 1)])
        event = (await sub.next(wait=15))["fulfillmentOrderAssigned"]
        assert event["fulfillmentOrder"]["order"]["number"] == during["number"]

        async with redis_server(port):
            await asyncio.sleep(1.5)  # the hub reconnects
            after = await place(server, admin, [("MUG", 1)])
            event = (await sub.next(wait=15))["fulfillmentOrderAssigned"]
            assert event["fulfillmentOrder"]["order"]["number"] == after["number"]
            await sub.nothing_for(0.5)
