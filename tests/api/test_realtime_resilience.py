"""Delivery across server processes, and through a Redis restart, with nothing lost."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from resolvers.ids import encode_id
from tests.api.test_subscriptions import ASSIGNED, place
from tests.conftest import free_port, serve
from tests.factories import twin_cities
from tests.ws import subscribe

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs the redis-server binary"
)


@asynccontextmanager
async def redis_server(port: int, *options: str) -> AsyncIterator[subprocess.Popen[bytes]]:
    """A private Redis the test may stop and start at will (`options`: more redis-server flags)."""
    process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            *options,
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            probe = await asyncio.create_subprocess_exec(
                "redis-cli",
                "-p",
                str(port),
                *(
                    ["--no-auth-warning", "-a", options[1]]
                    if options[:1] == ("--requirepass",)
                    else []
                ),
                "ping",
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            if await probe.wait() == 0:
                break
            await asyncio.sleep(0.1)
        yield process
    finally:
        process.terminate()
        await asyncio.to_thread(process.wait)


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
