"""Test harness: a real database per xdist worker (SQLite file or a fresh PostgreSQL
database), built by the committed migrations, emptied between tests.

DATABASE_URL / BROADCAST_URL choose the backend exactly as in production:
unset means SQLite + memory; `.ci/run` runs the suite a second time on
PostgreSQL + Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
from tortoise import Tortoise, connections

from api.db import apply_migrations
from api.settings import Settings
from models.rules.scopes import Role
from models.tables import __all__ as TABLE_NAMES

BASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = BASE_URL.startswith("postgres")


def worker_id() -> str:
    """Unique per test process, so parallel runs on one server never share a database."""
    return f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"


async def fresh_postgres_url(base_url: str, name: str) -> str:
    """Drop and create database `name` on the server of `base_url`."""
    parts = urlsplit(base_url)
    admin = await asyncpg.connect(urlunsplit(parts._replace(path="/postgres", query="")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return urlunsplit(parts._replace(path=f"/{name}"))


async def drop_postgres_database(url: str) -> None:
    parts = urlsplit(url)
    admin = await asyncpg.connect(urlunsplit(parts._replace(path="/postgres", query="")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')
    finally:
        await admin.close()


async def fresh_database_url(label: str) -> str:
    if ON_POSTGRES:
        return await fresh_postgres_url(BASE_URL, f"oms_test_{label}_{worker_id()}")
    folder = Path(tempfile.mkdtemp(prefix=f"oms-{label}-"))
    return f"sqlite://{folder / 'oms.sqlite3'}"


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


def _table_names() -> list[str]:
    from models import tables

    return [getattr(tables, name)._meta.db_table for name in TABLE_NAMES]


async def empty_database() -> None:
    connection = connections.get("default")
    names = _table_names()
    if ON_POSTGRES:
        quoted = ", ".join(f'"{name}"' for name in names)
        await connection.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
    else:
        # Foreign keys off while emptying, as the tables are deleted in no particular order.
        await connection.execute_script(
            "PRAGMA foreign_keys = OFF;"
            + "".join(f'DELETE FROM "{name}";' for name in names)
            + "DELETE FROM sqlite_sequence; PRAGMA foreign_keys = ON;"
        )


@pytest.fixture
async def db(test_settings: Settings) -> AsyncIterator[Settings]:
    """An empty, migrated database for one test."""
    await empty_database()
    yield test_settings


@pytest.fixture
async def app(db: Settings) -> Any:
    from api.app import create_app

    return create_app(db)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://oms.test") as client:
        yield client


class Gql:
    """POST /graphql as one API key."""

    def __init__(self, client: httpx.AsyncClient, secret: str | None) -> None:
        self.client = client
        self.secret = secret

    async def raw(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.secret}"} if self.secret else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a request that must not fail."""
        body = await self.raw(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]

    async def mutate(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The payload of a one-mutation document that must succeed without userErrors."""
        data = await self(query, variables)
        (payload,) = data.values()
        assert payload["userErrors"] == [], payload["userErrors"]
        return payload


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


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def serve(database_url: str, broadcast_url: str, workers: int = 1) -> AsyncIterator[str]:
    """A real uvicorn on a free port; fails the test if the server logged a traceback."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "BROADCAST_URL": broadcast_url}
    command = [sys.executable, "-m", "uvicorn", "api.main:app", "--port", str(port)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block; we poll it
            [*command, "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            async with httpx.AsyncClient() as probe:
                for _ in range(150):
                    with contextlib.suppress(httpx.TransportError):
                        if (await probe.get(f"{base}/readyz")).status_code == 200:
                            break
                    await asyncio.sleep(0.1)
                else:
                    raise RuntimeError("uvicorn did not start")
            yield base
        finally:
            process.terminate()
            try:
                await asyncio.to_thread(process.wait, 10)
            except subprocess.TimeoutExpired:
                process.kill()
                await asyncio.to_thread(process.wait)
            log.seek(0)
            output = log.read().decode(errors="replace")
            assert "Traceback" not in output, output[-4000:]


@pytest.fixture
async def live_server(db: Settings) -> AsyncIterator[str]:
    """A real uvicorn serving the test database; two workers on PostgreSQL + Redis."""
    workers = 2 if ON_POSTGRES and not db.broadcast_is_memory else 1
    async with serve(db.database_url, db.broadcast_url, workers) as base:
        yield base
