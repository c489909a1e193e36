"""The test database: one per test process (SQLite file or fresh PostgreSQL database),
emptied between tests, and a counter of the SQL a block of code sends.

DATABASE_URL chooses the backend exactly as in production: unset means SQLite.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from tortoise import connections

from api.preflight import migration_number
from api.settings import MIGRATIONS_ROOT
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


@contextmanager
def _query_log(emit: Callable[[logging.LogRecord], None]) -> Iterator[None]:
    """Each record of Tortoise's query log, while the block runs, to `emit`."""

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            emit(record)

    logger = logging.getLogger("tortoise.db_client")
    handler, level = Handler(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@contextmanager
def counting_queries() -> Iterator[list[str]]:
    queries: list[str] = []
    with _query_log(lambda record: queries.append(record.getMessage())):
        yield queries


@contextmanager
def capturing_statements() -> Iterator[list[tuple[str, list[Any]]]]:
    """The statements sent with their parameters, to EXPLAIN them (PostgreSQL's client
    logs each as (sql, values); connection-pool messages are left out)."""
    statements: list[tuple[str, list[Any]]] = []

    def keep(record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) == 2:
            sql, values = record.args
            if isinstance(sql, str):
                statements.append((sql, list(values or [])))

    with _query_log(keep):
        yield statements


def committed_versions(dialect: str) -> list[str]:
    """The dialect's migration files in the order aerich applies them: by number (10
    after 9)."""
    return sorted(
        (
            path.name
            for path in (MIGRATIONS_ROOT / dialect / "models").glob("*.py")
            if path.name != "__init__.py"
        ),
        key=migration_number,
    )


async def grouped_writes_ended() -> None:
    """SQLite: let the trip of grouped writes in flight end (`models.sqlite_thread`). A
    write is answered from its trip, which may still be ending and would take the writes
    that come meanwhile; after this, the next writes make a trip of their own."""
    client = connections.get("default")
    writes = getattr(client, "grouped_writes", None)
    if writes is not None and writes._sender is not None:
        await writes._sender
