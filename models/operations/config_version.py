"""Configuration kept per process, loaded again only when the database says it changed.

Database triggers give `config_version` a new random version in the transaction of any
write to a table read as configuration (models.tables.ConfigVersion), whoever writes. A
reader asks for the version in a statement it sends anyway (`version_column`,
`VERSION_SQL`), or on its own (`current_version`), and takes what it keeps (`Kept`) only
when kept at that version: a change committed before the version is read is seen, in
every process on every host, with no broadcast. Readers: the routing engine's inputs
(models.operations.routing_inputs) and the webhook destinations
(models.operations.webhook_queue).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Generic, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.expressions import RawSQL

from models import sql
from models.tables import ConfigVersion

# The version as a scalar subquery, to add to a statement's columns.
VERSION_SQL = '(SELECT "version" FROM "config_version" WHERE "id" = 1)'

T = TypeVar("T")


def version_column() -> RawSQL:
    """`VERSION_SQL` for a Tortoise query: annotate the statement a use case sends anyway
    with it instead of asking separately."""
    return RawSQL(VERSION_SQL)


async def current_version() -> int | None:
    """The version on its own, for when no other statement could carry it."""
    rows = await sql.fetch(ConfigVersion, f"SELECT {VERSION_SQL}", ())
    return rows[0][0] if rows else None


# The version a statement of the current transaction read (`seen`), with that transaction's
# connection: per task, so that concurrent requests each keep their own.
_seen: ContextVar[tuple[BaseDBAsyncClient, int | None] | None] = ContextVar(
    "config_version_seen", default=None
)


def seen(version: int | None) -> None:
    """Note the version a statement of the current transaction just read with its other
    columns, for `transaction_version` to answer without asking again. Only for a version
    read after the transaction's last write to a configuration table, if it makes any:
    what is loaded for it must be no older than it."""
    connection = sql.connection(ConfigVersion)
    if isinstance(connection, TransactionalDBClient):
        _seen.set((connection, version))


async def transaction_version() -> int | None:
    """The version as the current transaction has seen it (`seen`), else read now.

    Outside a transaction it is always read: the connection Tortoise lends then is shared
    by every task and outlives any one of them."""
    noted = _seen.get()
    if noted is not None and noted[0] is sql.connection(ConfigVersion):
        return noted[1]
    return await current_version()


class Kept(Generic[T]):
    """One piece of configuration as of a version, loaded again when asked for another.

    Loaded after the version was read, it is at least that new (at worst newer, and
    loaded again next time). A version seen inside a transaction that later rolls back,
    or in a database since emptied, is a random number (52 bits or more) that will not
    come again, so no later reader can take what was kept with it for its own.
    """

    def __init__(self, load: Callable[[], Awaitable[T]]) -> None:
        self._load = load
        self._kept: tuple[int | None, T] | None = None

    async def at(self, version: int | None) -> T:
        """What is kept when kept at `version`, which the caller has just read from the
        database; else loaded now (and kept)."""
        kept = self._kept
        if kept is not None and kept[0] == version:
            return kept[1]
        loaded = await self._load()
        self._kept = (version, loaded)
        return loaded
