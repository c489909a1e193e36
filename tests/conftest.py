"""Test harness: a real database per xdist worker (SQLite file or a fresh PostgreSQL
database), built by the committed migrations, emptied between tests.

DATABASE_URL / BROADCAST_URL choose the backend exactly as in production:
unset means SQLite + memory; `.ci/run` runs the suite a second time on
PostgreSQL + Redis.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from tortoise import Tortoise

# Registers the Hypothesis profiles and loads the one OMS_HYPOTHESIS_PROFILE names, before
# any test module builds its settings.
import tests.support.hypothesis  # noqa: F401
from api.db import apply_migrations
from api.settings import Settings
from models.rules.scopes import Role
from tests.support.database import (
    ON_POSTGRES,
    drop_postgres_database,
    empty_database,
    fresh_database_url,
)
from tests.support.gql import Gql
from tests.support.servers import serve


@pytest.fixture(scope="session")
async def test_settings() -> AsyncIterator[Settings]:
    settings = Settings(
        database_url=await fresh_database_url("suite"),
        broadcast_url=os.environ.get("BROADCAST_URL", "memory://"),
    )
    await apply_migrations(settings)
    await Tortoise.init(config=settings.tortoise_config(), _enable_global_fallback=True)
    yield settings
    await Tortoise.close_connections()
    if ON_POSTGRES:
        await drop_postgres_database(settings.database_url)


@pytest.fixture
async def db(test_settings: Settings) -> AsyncIterator[Settings]:
    """An empty, migrated database for one test."""
    await empty_database()
    yield test_settings


@pytest.fixture
async def app(db: Settings) -> Any:
    from api.app import create_app
    from api.schema import build_schema

    # The query-cost buckets live as long as the process (per key, and per address for
    # requests without a key): each test starts with full ones, as it starts with an
    # empty database, so that no test pays for what an earlier one spent.
    build_schema(db).cost_budgets.buckets.clear()
    return create_app(db)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://oms.test") as client:
        yield client


@pytest.fixture
async def keys(db: Settings) -> dict[str, str]:
    """Secrets of an ADMIN and a VIEWER key (others are made per test)."""
    from models.operations.access import create_api_key

    _, admin = await create_api_key("test admin", Role.ADMIN)
    _, viewer = await create_api_key("test viewer", Role.VIEWER)
    return {"admin": admin, "viewer": viewer}


@pytest.fixture
def admin(client: httpx.AsyncClient, keys: dict[str, str]) -> Gql:
    return Gql(client, keys["admin"])


@pytest.fixture
def as_key(client: httpx.AsyncClient) -> Any:
    return lambda secret: Gql(client, secret)


@pytest.fixture
async def live_server(db: Settings) -> AsyncIterator[str]:
    """A real uvicorn serving the test database; two workers on PostgreSQL + Redis."""
    workers = 2 if ON_POSTGRES and not db.broadcast_is_memory else 1
    async with serve(db.database_url, db.broadcast_url, workers) as base:
        yield base
