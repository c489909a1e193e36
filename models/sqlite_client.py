"""Tortoise's SQLite client, with transactions that take the write lock when they begin and
reads outside transactions on a connection of their own.

Write lock first: a deferred transaction (SQLite's BEGIN) reads first and asks for the
write lock at its first write. If another connection to the file committed a write in
between, SQLite cannot let it write over the snapshot it read and answers "database is
locked" at once, without waiting for the busy timeout. Within the server nothing else
writes (one writing connection per process, its transactions one at a time), but every
other process does: a second worker, `oms create-api-key` run beside the server, a test
beside the server it drives. `BEGIN IMMEDIATE` takes the write lock first and waits its
turn (the busy timeout) instead.

Reads apart: Tortoise gives a process one connection, and a transaction holds it (an
asyncio lock) from BEGIN to COMMIT, across every await in between; a read outside any
transaction (a store's dashboard, a page of orders, placement's stock read) queued behind
every transaction in flight. In WAL mode (Tortoise's default) readers do not wait for the
writer: a statement that only reads (it starts with SELECT) and runs outside a transaction
goes to a second connection, `query_only`, on its own thread, and sees what was committed
when it starts, as it would have after waiting. Reads inside a transaction stay on the
transaction's connection (Tortoise's transaction client is another class). A database in
memory has no second connection to share it: there every statement takes the one.

Writes alone (`models.sql.write_alone`, a placement's) go to the writing connection's
thread in groups, each client's own (`grouped_writes`, `models.sqlite_thread`).

Named in `api.settings.tortoise_config` as the SQLite engine (Tortoise loads its
`client_class`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite
from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
    translate_exceptions,
)
from tortoise.exceptions import TransactionManagementError

from models.sqlite_thread import GroupedWrites


class _ImmediateTransaction(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()  # as Tortoise's begin: nothing left open
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


def _reads_only(query: str) -> bool:
    """A statement that cannot write: SQLite's SELECT (a WITH may lead to an INSERT)."""
    return query.lstrip()[:6].upper() == "SELECT"


def _shareable(filename: str) -> bool:
    """A file other connections can open (not a private in-memory database)."""
    return filename != ":memory:" and "mode=memory" not in filename


class ImmediateSqliteClient(SqliteClient):
    _reader: aiosqlite.Connection | None = None
    _grouped_writes: GroupedWrites | None = None

    @property
    def grouped_writes(self) -> GroupedWrites:
        """Its writes alone, sent to its connection's thread in groups."""
        if self._grouped_writes is None:
            self._grouped_writes = GroupedWrites(self)
        return self._grouped_writes

    def others_waiting(self) -> bool:
        """Whether a task waits for the writing connection (Tortoise's asyncio lock), asked
        by the grouped writes on its thread between groups: the lock's waiters' deque,
        whose length is safe to read from another thread. A lock without
        one (another Python) answers yes: the grouped writes then yield after each group."""
        return bool(getattr(self._lock, "_waiters", True))

    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(_ImmediateTransaction(self), self._lock)

    async def create_connection(self, with_db: bool) -> None:
        await super().create_connection(with_db)
        if self._reader is None and _shareable(self.filename):
            reader = await aiosqlite.connect(self.filename, isolation_level=None)
            reader._conn.row_factory = sqlite3.Row
            await reader.execute("PRAGMA query_only=ON")
            self._reader = reader

    async def close(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            await reader.close()
        await super().close()

    def reader_for(self, queries: Iterable[str]) -> aiosqlite.Connection | None:
        """The reading connection, when every one of `queries` only reads (and there is one)."""
        if self._reader is not None and all(_reads_only(query) for query in queries):
            return self._reader
        return None

    async def _fetch(self, query: str, values: list[Any] | None) -> tuple[int, Sequence[Any]]:
        """Tortoise's execute_query, with reads to the reading connection."""
        query = query.replace("\x00", "'||CHAR(0)||'")
        self.log.debug("%s: %s", query, values)
        reader = self.reader_for((query,))
        if reader is not None:
            rows = list(await reader.execute_fetchall(query, values))
            return len(rows), rows
        async with self.acquire_connection() as connection:
            start = connection.total_changes
            rows = list(await connection.execute_fetchall(query, values))
            return (connection.total_changes - start) or len(rows), rows

    @translate_exceptions
    async def execute_query(
        self, query: str, values: list[Any] | None = None
    ) -> tuple[int, Sequence[Any]]:
        return await self._fetch(query, values)

    @translate_exceptions
    async def execute_query_dict(
        self, query: str, values: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        return [dict(row) for row in (await self._fetch(query, values))[1]]


client_class = ImmediateSqliteClient
