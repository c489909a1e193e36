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
from typing import Generic, TypeVar

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
