"""Configuration, read once from the environment.

`TORTOISE_ORM` is what aerich and the app share, so that migrations and the
running server always talk to the same database with the same models.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from models.rules.webhooks import DEFAULT_MAX_ATTEMPTS

MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"

MODEL_MODULES = ["models.tables", "aerich.models"]


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


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
    # bucket of points with its refill rate a second.
    max_query_cost: int = 1000
    cost_bucket_size: int = 20000
    cost_restore_rate: float = 2000.0
    max_body_bytes: int = 256 * 1024

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            database_url=env.get("DATABASE_URL") or cls.database_url,
            broadcast_url=env.get("BROADCAST_URL") or cls.broadcast_url,
            log_format=env.get("OMS_LOG_FORMAT") or cls.log_format,
            allowed_origins=_list(env.get("OMS_ALLOWED_ORIGINS")),
            cors_origins=_list(env.get("OMS_CORS_ORIGINS")),
            webhook_allow_private=_bool(env.get("OMS_WEBHOOK_ALLOW_PRIVATE"), False),
            sla_sweep_seconds=float(env.get("OMS_SLA_SWEEP_SECONDS") or cls.sla_sweep_seconds),
            webhook_poll_seconds=float(
                env.get("OMS_WEBHOOK_POLL_SECONDS") or cls.webhook_poll_seconds
            ),
            webhook_max_attempts=int(
                env.get("OMS_WEBHOOK_MAX_ATTEMPTS") or cls.webhook_max_attempts
            ),
            event_retention_days=float(
                env.get("OMS_EVENT_RETENTION_DAYS") or cls.event_retention_days
            ),
            event_prune_seconds=float(
                env.get("OMS_EVENT_PRUNE_SECONDS") or cls.event_prune_seconds
            ),
            max_query_cost=int(env.get("OMS_MAX_QUERY_COST") or cls.max_query_cost),
            cost_bucket_size=int(env.get("OMS_COST_BUCKET_SIZE") or cls.cost_bucket_size),
            cost_restore_rate=float(env.get("OMS_COST_RESTORE_RATE") or cls.cost_restore_rate),
            max_body_bytes=int(env.get("OMS_MAX_BODY_BYTES") or cls.max_body_bytes),
        )

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

    def tortoise_config(self) -> dict:
        return tortoise_config(self.database_url)


def tortoise_config(database_url: str) -> dict:
    return {
        "connections": {"default": database_url},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


settings = Settings.from_env()
TORTOISE_ORM = settings.tortoise_config()
