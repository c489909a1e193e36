"""Tortoise's SQLite client, with transactions that take the write lock when they begin.

A deferred transaction (SQLite's BEGIN) reads first and asks for the write lock at its
first write. If another connection to the file committed a write in between, SQLite cannot
let it write over the snapshot it read and answers "database is locked" at once, without
waiting for the busy timeout. Within the server nothing else writes (one connection per
process, its transactions one at a time), but every other process does: a second worker,
`oms create-api-key` run beside the server, a test beside the server it drives. `BEGIN
IMMEDIATE` takes the write lock first and waits its turn (the busy timeout) instead.

Named in `api.settings.tortoise_config` as the SQLite engine (Tortoise loads its
`client_class`).
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.exceptions import TransactionManagementError


class _ImmediateTransaction(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()  # as Tortoise's begin: nothing left open
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class ImmediateSqliteClient(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(_ImmediateTransaction(self), self._lock)


client_class = ImmediateSqliteClient
