"""SQLite's client (models.sqlite_client). Transactions take the write lock when they begin:
one that read, while another process wrote and committed, can still write afterwards (a
deferred transaction is refused at once: "database is locked"); the other process waits
its turn. Reads outside transactions go to a connection of their own and do not wait."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from api.settings import Settings
from models import sql
from models.sqlite_client import ImmediateSqliteClient
from models.tables import Product
from tests.support.database import ON_POSTGRES

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="SQLite's locking")


def _insert_elsewhere(path: str, sku: str) -> None:
    """Another process's connection: a write of its own, committed (busy timeout 5 s)."""
    other = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        other.execute(
            "INSERT INTO product (sku, name, tags, created_at, updated_at) "
            "VALUES (?, ?, '[]', datetime('now'), datetime('now'))",
            (sku, sku),
        )
    finally:
        other.close()


async def test_a_transaction_that_read_can_write_after_another_process_wrote(
    db: Settings,
) -> None:
    assert isinstance(connections.get("default"), ImmediateSqliteClient)
    path = db.database_url.removeprefix("sqlite://")
    async with in_transaction():
        assert await Product.all().count() == 0  # what the transaction read
        elsewhere = asyncio.create_task(asyncio.to_thread(_insert_elsewhere, path, "ELSEWHERE"))
        await asyncio.sleep(0.3)  # the other write runs now, or waits for this transaction
        assert not elsewhere.done(), "the other process waits for the write lock"
        await Product.create(sku="HERE", name="here", tags=[])
    await elsewhere
    assert sorted(await Product.all().values_list("sku", flat=True)) == ["ELSEWHERE", "HERE"]


async def test_reads_outside_a_transaction_do_not_wait_for_one_in_flight(db: Settings) -> None:
    """A read (Tortoise's, and models.sql's hand-written ones) is answered while another
    request's transaction holds the writing connection, with what was committed; the
    transaction's own reads see its writes; a write outside it still waits its turn."""
    await Product.create(sku="BEFORE", name="before", tags=[])
    holding, release = asyncio.Event(), asyncio.Event()

    async def transaction_in_flight() -> None:
        async with in_transaction():
            await Product.create(sku="INSIDE", name="inside", tags=[])
            assert await Product.filter(sku="INSIDE").exists()  # its own write
            holding.set()
            await release.wait()

    other = asyncio.create_task(transaction_in_flight())
    await holding.wait()
    try:
        read = Product.all().values_list("sku", flat=True)
        assert await asyncio.wait_for(read, 2) == ["BEFORE"]
        db_client = sql.connection(Product)
        rows = await asyncio.wait_for(sql.run(db_client, 'SELECT "sku" FROM "product"', []), 2)
        assert rows == [("BEFORE",)]
        write = asyncio.create_task(Product.create(sku="AFTER", name="after", tags=[]))
        await asyncio.sleep(0.2)
        assert not write.done(), "a write outside the transaction waits for it"
    finally:
        release.set()
        await other
    await write
    assert sorted(await Product.all().values_list("sku", flat=True)) == [
        "AFTER",
        "BEFORE",
        "INSIDE",
    ]


async def test_the_reading_connection_cannot_write(db: Settings) -> None:
    client = connections.get("default")
    assert isinstance(client, ImmediateSqliteClient)
    reader = client.reader_for(["SELECT 1"])
    assert reader is not None
    assert client.reader_for(["SELECT 1", 'UPDATE "product" SET "name" = "x"']) is None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        await reader.execute(
            "INSERT INTO product (sku, name, tags, created_at, updated_at) "
            "VALUES ('X', 'x', '[]', datetime('now'), datetime('now'))"
        )
