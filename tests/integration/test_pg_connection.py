"""The server's asyncpg pool releases a connection without asyncpg's reset query, and
still never hands out a connection inside a transaction (api/pg_connection.py)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from tortoise import connections

from api.pg_connection import UnresetConnection
from api.settings import Settings, tortoise_config
from bench.bulk_load import session_settings
from tests.support.database import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="asyncpg's pool")


@pytest.fixture
async def pool(db: Settings) -> AsyncIterator[asyncpg.Pool]:
    """One connection, so that each acquire gets the connection the last one released;
    connected as the server's configuration says."""
    credentials = dict(tortoise_config(db.database_url)["connections"]["default"]["credentials"])
    connection_class = credentials.pop("connection_class")
    async with asyncpg.create_pool(
        host=credentials["host"],
        port=credentials["port"],
        user=credentials["user"],
        password=credentials["password"],
        database=credentials["database"],
        connection_class=connection_class,
        min_size=1,
        max_size=1,
    ) as pool:
        yield pool


async def statements_on_release(pool: asyncpg.Pool, work: str) -> list[str]:
    """What the pool sends on the connection when it goes back after `work`."""
    sent: list[str] = []
    async with pool.acquire() as connection:
        with contextlib.suppress(asyncpg.PostgresError):
            await connection.execute(work)
        connection.add_query_logger(lambda record: sent.append(record.query))
    await asyncio.sleep(0)  # asyncpg calls query loggers soon, not at once
    return sent


def test_the_server_and_the_tests_pool_unreset_connections(db: Settings) -> None:
    client: Any = connections.get("default")
    assert client.connection_class is UnresetConnection
    expanded = tortoise_config(db.database_url + "?maxsize=7")["connections"]["default"]
    assert expanded["credentials"]["maxsize"] == "7"  # the URL's parameters are kept
    sqlite = tortoise_config("sqlite://oms.sqlite3")["connections"]["default"]
    assert (sqlite["engine"], sqlite["credentials"]["file_path"]) == (
        "models.sqlite_client",  # its own client (models/sqlite_client.py), the same file
        "oms.sqlite3",
    )


async def test_a_released_connection_is_reused_without_a_round_trip(
    pool: asyncpg.Pool,
) -> None:
    async with pool.acquire() as connection:
        pid = connection.get_server_pid()
    assert await statements_on_release(pool, "SELECT 1") == []
    async with pool.acquire() as connection:
        assert connection.get_server_pid() == pid


async def test_an_open_transaction_is_rolled_back_on_release(pool: asyncpg.Pool) -> None:
    await pool.execute("CREATE TEMPORARY TABLE note (n int)")
    loop = asyncio.get_running_loop()
    warned: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _, context: warned.append(context))
    try:
        sent = await statements_on_release(pool, "BEGIN; INSERT INTO note VALUES (1)")
    finally:
        loop.set_exception_handler(None)
    assert sent == ["ROLLBACK"]
    assert "active transaction" in warned[0]["message"]  # asyncpg says a caller left it open
    async with pool.acquire() as connection:
        assert not connection.is_in_transaction()
        assert await connection.fetchval("SELECT count(*) FROM note") == 0


async def test_a_failed_transaction_is_rolled_back_on_release(pool: asyncpg.Pool) -> None:
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _, context: None)
    try:
        sent = await statements_on_release(pool, "BEGIN; SELECT 1 / 0")
    finally:
        loop.set_exception_handler(None)
    assert sent == ["ROLLBACK"]
    async with pool.acquire() as connection:
        assert not connection.is_in_transaction()
        assert await connection.fetchval("SELECT 1") == 1


async def test_asyncpg_s_own_connection_would_send_its_reset(db: Settings) -> None:
    """The control: the same probe sees the reset query of asyncpg's default class."""
    async with asyncpg.create_pool(db.database_url, min_size=1, max_size=1) as pool:
        sent = await statements_on_release(pool, "SELECT 1")
    assert sent and "RESET ALL" in sent[0]


async def test_the_bulk_loader_s_session_settings_end_with_its_block(pool: asyncpg.Pool) -> None:
    """Its replica role (no triggers) must never reach the connection's next user."""
    with contextlib.suppress(RuntimeError):
        async with (
            pool.acquire() as connection,
            session_settings(connection, session_replication_role="replica"),
        ):
            assert await connection.fetchval("SHOW session_replication_role") == "replica"
            raise RuntimeError("the load failed halfway")
    async with pool.acquire() as connection:
        assert await connection.fetchval("SHOW session_replication_role") == "origin"
