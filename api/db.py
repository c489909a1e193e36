"""Database lifecycle: apply the committed aerich migrations for the current dialect.

aerich writes dialect-specific SQL, so the project keeps one migration history
per dialect (`migrations/sqlite`, `migrations/postgres`), generated together by
`oms makemigrations` from the same models.
"""

from __future__ import annotations

from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from api.settings import MIGRATIONS_ROOT, Settings, tortoise_config


def _command(database_url: str, location: Path) -> Command:
    return Command(
        tortoise_config=tortoise_config(database_url), app="models", location=str(location)
    )


async def apply_migrations(settings: Settings, location: Path | None = None) -> list[str]:
    """Bring the database up to the newest migration; returns the versions applied."""
    command = _command(settings.database_url, location or settings.migrations_location)
    await command.init()
    try:
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()


async def pending_model_changes(settings: Settings, location: Path) -> bool:
    """Whether the models differ from the newest migration's recorded state.

    Generates into `location`, so callers pass a scratch copy of the history.
    """
    command = _command(settings.database_url, location)
    await command.init()
    try:
        return bool(await command.migrate("pending_check", no_input=True))
    finally:
        await Tortoise.close_connections()


async def make_migration(database_url: str, dialect: str, name: str) -> str | None:
    """Generate the next migration for one dialect against a scratch database at `database_url`.

    aerich diffs the models against the state it reads at init, so the scratch
    database must already be up to date: `oms makemigrations` applies the
    history first, in a process of its own (aerich keeps global state).
    """
    location = MIGRATIONS_ROOT / dialect
    command = _command(database_url, location)
    if not (location / "models").exists():
        await command.init_db(safe=True)
        await Tortoise.close_connections()
        return "initial"
    await command.init()
    try:
        return await command.migrate(name, no_input=True) or None
    finally:
        await Tortoise.close_connections()
