"""Configuration, read once from the environment.

`TORTOISE_ORM` is what aerich and the app share, so that migrations and the
running server always talk to the same database with the same models.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from tortoise.backends.base.config_generator import expand_db_url

from api.pg_connection import UnresetConnection
from models.rules.limits import MAX_DELIVERY_ATTEMPTS
from models.rules.webhooks import DEFAULT_MAX_ATTEMPTS

MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"

MODEL_MODULES = ["models.tables", "aerich.models"]


class SettingError(ValueError):
    """A setting the server cannot run with; the message names it and says what to do."""


def _bool(value: str) -> bool:
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError("use true or false")


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _positive(kind: type[int] | type[float]) -> Callable[[str], Any]:
    def parse(value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            raise ValueError(f"expected {'a whole' if kind is int else 'a'} number") from None
        if number <= 0:
            raise ValueError("must be above 0")
        return number

    return parse


def _attempts(value: str) -> int:
    number = int(_positive(int)(value))
    if number > MAX_DELIVERY_ATTEMPTS:
        raise ValueError(f"at most {MAX_DELIVERY_ATTEMPTS} (manual retries included)")
    return number


def _database_url(value: str) -> str:
    scheme = urlsplit(value).scheme
    if not (scheme.startswith("sqlite") or scheme in {"postgres", "postgresql", "asyncpg"}):
        raise ValueError(
            "use postgres://user:password@host:5432/name or sqlite:///path/to/oms.sqlite3"
        )
    return value


def _broadcast_url(value: str) -> str:
    if urlsplit(value).scheme not in {"memory", "redis", "rediss"}:
        raise ValueError("use redis://host:6379 (or memory:// for a single process)")
    return value


def _log_format(value: str) -> str:
    if value not in {"text", "json"}:
        raise ValueError("use text or json")
    return value


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite://oms.sqlite3"
    broadcast_url: str = "memory://"
    log_format: str = "text"
    allowed_origins: list[str] = field(default_factory=list)
    cors_origins: list[str] = field(default_factory=list)
    webhook_allow_private: bool = False
    # How often each server process routes elsewhere what was not accepted in time.
    sla_sweep_seconds: float = 30.0
    webhook_poll_seconds: float = 2.0  # how often each server process looks for due webhooks
    health_probe_seconds: float = 2.0  # how often each server process probes the database
    webhook_max_attempts: int = DEFAULT_MAX_ATTEMPTS
    # Outbox events and finished webhook deliveries older than this are deleted (a
    # subscription's `since` older than that is refused); the timeline is kept.
    event_retention_days: float = 7.0
    event_prune_seconds: float = 60.0  # how often each server process deletes a batch
    max_page_size: int = 250
    default_page_size: int = 50
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    # Query cost (api/cost.py): the most one request may cost, and each key's
    # bucket of points with its refill rate a second. Lists are charged at their most
    # possible length: a page of 80 dashboard cards costs ~45,000, a sourcing plan ~64,000.
    # A page of 50 orders with their lines and fulfillment orders, costed at the most they
    # could hold (250 lines, ...), fits one request.
    max_query_cost: int = 1_000_000
    cost_bucket_size: int = 5_000_000  # five of the largest requests at once
    cost_restore_rate: float = 500_000.0
    max_body_bytes: int = 256 * 1024
    # How long `oms serve` keeps an idle client connection open: longer than the idle
    # timeout of the load balancer in front (AWS ALB 60 s, nginx 60 s), or the balancer may
    # send a request on a connection the server is closing, and its client gets no answer.
    # uvicorn's own default is 5 s.
    keep_alive_seconds: int = 75

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives; SettingError names a bad value and the fix."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for variable in ENVIRONMENT:
            text = env.get(variable.name)
            if text is None or text.strip() == "":
                continue
            try:
                values[variable.field] = variable.parse(text.strip())
            except ValueError as error:
                raise SettingError(f"{variable.name}={text!r} is not valid: {error}") from None
        return cls(**values)

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgres`: migrations are generated per dialect by aerich."""
        scheme = urlsplit(self.database_url).scheme
        return "sqlite" if scheme.startswith("sqlite") else "postgres"

    @property
    def migrations_location(self) -> Path:
        return MIGRATIONS_ROOT / self.dialect

    @property
    def broadcast_is_memory(self) -> bool:
        return self.broadcast_url.startswith("memory://")

    def tortoise_config(self) -> dict[str, Any]:
        return tortoise_config(self.database_url)


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(database_url)},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _connection(database_url: str) -> dict[str, Any]:
    """The URL as Tortoise expands it (its parameters, `maxsize` among them, kept), with
    asyncpg's pool given `UnresetConnection` (no reset query on release: its docstring
    holds the argument), and SQLite's client `models.sqlite_client` (transactions that take
    the write lock when they begin: its docstring says why)."""
    expanded = expand_db_url(database_url)
    if expanded["engine"] == "tortoise.backends.asyncpg":
        expanded["credentials"]["connection_class"] = UnresetConnection
    elif expanded["engine"] == "tortoise.backends.sqlite":
        expanded["engine"] = "models.sqlite_client"
    return expanded


class Variable(NamedTuple):
    name: str
    field: str
    parse: Callable[[str], Any]
    help: str


# Every environment variable the server reads: `oms --help` and `oms check` list them.
ENVIRONMENT = [
    Variable("DATABASE_URL", "database_url", _database_url, "postgres://... or sqlite://path"),
    Variable("BROADCAST_URL", "broadcast_url", _broadcast_url, "redis://host:6379, or memory://"),
    Variable("OMS_LOG_FORMAT", "log_format", _log_format, "text or json (one object a line)"),
    Variable("OMS_ALLOWED_ORIGINS", "allowed_origins", _list, "origins allowed to open WebSockets"),
    Variable("OMS_CORS_ORIGINS", "cors_origins", _list, "origins allowed cross-origin HTTP"),
    Variable(
        "OMS_WEBHOOK_ALLOW_PRIVATE",
        "webhook_allow_private",
        _bool,
        "allow webhooks to private addresses",
    ),
    Variable(
        "OMS_SLA_SWEEP_SECONDS",
        "sla_sweep_seconds",
        _positive(float),
        "how often acceptance deadlines are swept",
    ),
    Variable(
        "OMS_WEBHOOK_POLL_SECONDS",
        "webhook_poll_seconds",
        _positive(float),
        "how often due webhooks are looked for",
    ),
    Variable(
        "OMS_HEALTH_PROBE_SECONDS",
        "health_probe_seconds",
        _positive(float),
        "how often each worker probes the database",
    ),
    Variable(
        "OMS_WEBHOOK_MAX_ATTEMPTS",
        "webhook_max_attempts",
        _attempts,
        "attempts before a delivery fails",
    ),
    Variable(
        "OMS_EVENT_RETENTION_DAYS",
        "event_retention_days",
        _positive(float),
        "days outbox events and finished webhook deliveries are kept (replay window)",
    ),
    Variable(
        "OMS_EVENT_PRUNE_SECONDS",
        "event_prune_seconds",
        _positive(float),
        "how often each worker deletes a batch of expired events",
    ),
    Variable("OMS_MAX_QUERY_COST", "max_query_cost", _positive(int), "most one request may cost"),
    Variable("OMS_COST_BUCKET_SIZE", "cost_bucket_size", _positive(int), "each key's budget"),
    Variable(
        "OMS_COST_RESTORE_RATE",
        "cost_restore_rate",
        _positive(float),
        "budget points restored a second",
    ),
    Variable(
        "OMS_MAX_BODY_BYTES", "max_body_bytes", _positive(int), "largest request body accepted"
    ),
    Variable(
        "OMS_KEEP_ALIVE_SECONDS",
        "keep_alive_seconds",
        _positive(int),
        "an idle client connection stays open this long (above the load balancer's idle timeout)",
    ),
]


def default_of(variable: Variable) -> object:
    value = Settings.__dataclass_fields__[variable.field].default
    return value if not isinstance(value, type(dataclasses.MISSING)) else []


try:
    settings = Settings.from_env()
except SettingError as problem:
    # Every entry point (`oms`, `uvicorn api.main:app`, aerich) imports this module first:
    # one line and status 2, as for any other configuration the server cannot start with.
    print(f"error: {problem}", file=sys.stderr)
    raise SystemExit(2) from None
TORTOISE_ORM = settings.tortoise_config()
