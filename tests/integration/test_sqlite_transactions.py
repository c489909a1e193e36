"""SQLite transactions take the write lock when they begin (api.sqlite_client): one that
read, while another process wrote and committed, can still write afterwards (a deferred
transaction is refused at once: "database is locked"); the other process waits its turn."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from api.settings import Settings
from api.sqlite_client import ImmediateSqliteClient
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
