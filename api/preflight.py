"""Before serving: can the configured backends be reached, and is the schema current?

Each check returns a short report or raises `StartupProblem`, whose message says
what is wrong and what to do, so that `oms serve`, `oms migrate` and `oms check`
fail with one line rather than a driver's traceback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urlsplit, urlunsplit

import asyncpg
from redis import asyncio as aioredis
from redis.exceptions import AuthenticationError, RedisError

from api.health import describe, where
from api.settings import Settings

CONNECT_TIMEOUT = 5.0


class StartupProblem(Exception):
    pass


async def check_database(settings: Settings) -> str:
    """`postgres at db:5432/oms: reachable`, or StartupProblem."""
    url = settings.database_url
    if settings.dialect == "sqlite":
        return _check_sqlite(url)
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/")) or "postgres"
    user = parts.username or "postgres"
    address = f"{parts.hostname or 'localhost'}:{parts.port or 5432}"
    plain = urlunsplit(parts._replace(scheme="postgresql", query=""))
    try:
        connection = await asyncpg.connect(plain, timeout=CONNECT_TIMEOUT)
    except asyncpg.InvalidCatalogNameError:
        raise StartupProblem(
            f"database {name!r} does not exist on PostgreSQL at {address}: create it "
            f"(createdb -h {parts.hostname or 'localhost'} -p {parts.port or 5432} -U {user} "
            f"{name}) and start again"
        ) from None
    except (asyncpg.InvalidPasswordError, asyncpg.InvalidAuthorizationSpecificationError):
        raise StartupProblem(
            f"PostgreSQL at {address} refused user {user!r}: check the user name and password "
            "in DATABASE_URL"
        ) from None
    except (OSError, TimeoutError) as error:
        raise StartupProblem(
            f"cannot reach PostgreSQL at {address} ({describe(error)}): is it running, and are "
            "DATABASE_URL's host and port right?"
        ) from None
    except asyncpg.PostgresError as error:
        raise StartupProblem(f"PostgreSQL at {address} refused: {describe(error)}") from None
    await connection.close()
    return f"{where(url)}: reachable"


def _check_sqlite(url: str) -> str:
    path = url.split("://", 1)[1].split("?", 1)[0]
    if path and path != ":memory:":
        folder = Path(path).resolve().parent
        if not folder.is_dir():
            raise StartupProblem(
                f"DATABASE_URL points into {folder}, which does not exist: "
                "create the folder or fix DATABASE_URL"
            )
    return f"{where(url)}: usable"


async def check_broadcast(settings: Settings) -> str:
    """`redis at cache:6379: reachable`, or StartupProblem."""
    url = settings.broadcast_url
    if settings.broadcast_is_memory:
        return "memory: in process (one worker only)"
    parts = urlsplit(url)
    address = f"{parts.hostname or 'localhost'}:{parts.port or 6379}"
    client = aioredis.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT)
    try:
        # redis-py types ping() for its sync and async clients at once; this one awaits.
        await asyncio.wait_for(cast(Awaitable[bool], client.ping()), CONNECT_TIMEOUT)
    except AuthenticationError:
        raise StartupProblem(
            f"Redis at {address} refused the credentials in BROADCAST_URL: fix them"
        ) from None
    except (RedisError, OSError, TimeoutError) as error:
        raise StartupProblem(
            f"cannot reach Redis at {address} ({describe(error)}): is it running, and is "
            "BROADCAST_URL right?"
        ) from None
    finally:
        await client.aclose()
    return f"{where(url)}: reachable"


def migration_number(version: str) -> int:
    """The order aerich applies migrations in: by number, so 10 comes after 9."""
    return int(version.split("_", 1)[0])


async def migration_state(settings: Settings) -> tuple[list[str], list[str]]:
    """(applied, pending) migration versions of the database."""
    from tortoise import Tortoise, connections
    from tortoise.exceptions import OperationalError

    folder = settings.migrations_location / "models"
    known = sorted(
        (p.name for p in folder.glob("*.py") if p.name != "__init__.py"), key=migration_number
    )
    await Tortoise.init(config=settings.tortoise_config())
    try:
        rows = await connections.get("default").execute_query_dict(
            "SELECT version FROM aerich WHERE app = 'models'"
        )
    except OperationalError:  # no aerich table yet: nothing applied
        rows = []
    except Exception as error:
        # asyncpg's UndefinedTableError is not wrapped by Tortoise on every path.
        if "aerich" not in str(error):
            raise
        rows = []
    finally:
        await Tortoise.close_connections()
    applied = sorted((row["version"] for row in rows), key=migration_number)
    return applied, [version for version in known if version not in applied]
