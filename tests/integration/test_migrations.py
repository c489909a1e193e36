"""The committed migrations build an empty database, and the models agree with the newest.

aerich keeps global state and reuses an initialised Tortoise (it would take over, then
close, the session's connections), so each check runs it in a child process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from api.settings import MIGRATIONS_ROOT, MODEL_MODULES
from models.operations.catalog import upsert_product
from models.operations.locations import LocationKind, create_location
from models.tables import __all__ as TABLE_NAMES
from tests.support.database import (
    ON_POSTGRES,
    drop_postgres_database,
    fresh_postgres_url,
    worker_id,
)

ROOT = Path(__file__).resolve().parents[2]

CHECK = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from api.db import apply_migrations, pending_model_changes
    from api.settings import Settings

    settings, location = Settings(database_url=sys.argv[1]), Path(sys.argv[2])
    # One event loop each: aerich leaves its Tortoise context behind when it closes.
    applied = asyncio.run(apply_migrations(settings, location))
    pending = asyncio.run(pending_model_changes(settings, location))
    print(json.dumps({"applied": applied, "pending": pending}))
    """
)


def migrate_and_check(database_url: str, location: Path) -> dict:
    """Apply the migrations in `location` to the database, then ask aerich whether the models
    differ from the newest migration's recorded state (it generates into `location`)."""
    result = subprocess.run(
        [sys.executable, "-c", CHECK, database_url, str(location)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def scratch_copy(dialect: str, tmp_path: Path) -> Path:
    """A copy of the dialect's history: aerich writes the pending migration into it."""
    location = tmp_path / dialect
    shutil.copytree(MIGRATIONS_ROOT / dialect, location)
    return location


def committed_versions(dialect: str) -> list[str]:
    """In the order aerich applies them: by number (10 after 9, not after 1)."""
    return sorted(
        (
            path.name
            for path in (MIGRATIONS_ROOT / dialect / "models").glob("*.py")
            if path.name != "__init__.py"
        ),
        key=lambda name: int(name.split("_", 1)[0]),
    )


async def empty_database_url(dialect: str, tmp_path: Path) -> str:
    if dialect == "sqlite":
        return f"sqlite://{tmp_path / 'empty.sqlite3'}"
    if not ON_POSTGRES:
        pytest.skip("set DATABASE_URL=postgres://... to check the PostgreSQL history")
    return await fresh_postgres_url(
        os.environ["DATABASE_URL"], f"oms_test_migrations_{worker_id()}"
    )


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
async def test_migrations_build_an_empty_database_matching_the_models(
    dialect: str, tmp_path: Path
) -> None:
    url = await empty_database_url(dialect, tmp_path)
    try:
        outcome = migrate_and_check(url, scratch_copy(dialect, tmp_path))
    finally:
        if dialect == "postgres":
            await drop_postgres_database(url)
    assert outcome["applied"] == committed_versions(dialect)
    assert outcome["pending"] is False, (
        "the models differ from the newest migration: run `oms makemigrations --name ...`"
    )


async def test_the_check_notices_a_model_change(tmp_path: Path) -> None:
    """The same check fails when the newest migration's recorded state lacks a column."""
    from aerich.utils import compress_dict, decompress_dict

    location = scratch_copy("sqlite", tmp_path)
    newest = location / "models" / committed_versions("sqlite")[-1]
    module: dict = {}
    exec(compile(newest.read_text(), str(newest), "exec"), module)
    state = decompress_dict(module["MODELS_STATE"])
    vendor = state["models.Vendor"]
    vendor["data_fields"] = [f for f in vendor["data_fields"] if f["name"] != "webhook_url"]
    text = newest.read_text()
    assert text.rstrip().endswith(")"), "MODELS_STATE is no longer the file's last statement"
    newest.write_text(
        text[: text.index("MODELS_STATE = (")] + f"MODELS_STATE = {compress_dict(state)!r}\n"
    )

    outcome = migrate_and_check(f"sqlite://{tmp_path / 'changed.sqlite3'}", location)
    assert outcome["pending"] is True


async def test_migrations_create_every_table(db) -> None:
    connection = connections.get("default")
    if ON_POSTGRES:
        _, rows = await connection.execute_query(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
        )
    else:
        _, rows = await connection.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    from models import tables

    expected = {getattr(tables, name)._meta.db_table for name in TABLE_NAMES} | {"aerich"}
    assert "aerich.models" in MODEL_MODULES
    assert {row["name"] for row in rows} == expected


@pytest.mark.parametrize(
    ("columns", "values"),
    [
        ("on_hand, reserved, safety_stock", "-1, 0, 0"),
        ("on_hand, reserved, safety_stock", "1, -1, 0"),
        ("on_hand, reserved, safety_stock", "1, 0, -1"),
        ("on_hand, reserved, safety_stock", "1, 2, 0"),  # reserved above onHand
    ],
)
async def test_check_constraints_guard_the_stock_columns(db, columns: str, values: str) -> None:
    location = await create_location("MSP-01", name="Minneapolis", kind=LocationKind.STORE)
    product, _ = await upsert_product("MUG", "Mug")
    connection = connections.get("default")
    now = "CURRENT_TIMESTAMP"
    insert = (
        f'INSERT INTO "inventory_level" (location_id, product_id, {columns}, created_at, '
        f"updated_at) VALUES ({location.pk}, {product.pk}, {values}, {now}, {now})"
    )
    with pytest.raises(IntegrityError):
        await connection.execute_query(insert)
    _, rows = await connection.execute_query('SELECT COUNT(*) AS n FROM "inventory_level"')
    assert rows[0]["n"] == 0
    # The same insert with valid numbers goes through: only the constraint refused it.
    await connection.execute_query(insert.replace(values, "2, 1, 0"))


async def test_check_constraint_guards_daily_capacity(db) -> None:
    connection = connections.get("default")
    with pytest.raises(IntegrityError):
        await connection.execute_query(
            'INSERT INTO "location" (code, name, kind, active, ships_orders, pickup_enabled, '
            "priority, daily_capacity, created_at, updated_at) VALUES "
            "('X', 'X', 'STORE', TRUE, TRUE, FALSE, 1, -1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
