"""Periodic work that every server process runs for the life of the app: the deadline
sweeper (acceptance and pickup), the webhook dispatcher and the event pruner. The first two
claim each row with a conditional UPDATE, so any number of processes share the work without
doing any of it twice; the pruner's deletes are idempotent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import httpx

from api.health import Outage
from api.metrics import sample_pool
from api.settings import Settings
from api.tracing import webhook_transport
from models.operations import events
from models.operations.deadlines import SWEEP_BATCH, expire_overdue, expire_uncollected
from models.operations.webhooks import BATCH_SIZE, DeliveryPolicy, deliver_due

log = logging.getLogger(__name__)

# How long shutdown waits for a round in flight; one cut short rolls back (a sweep) or is
# sent again after its claim expires (a webhook attempt).
SHUTDOWN_GRACE_SECONDS = 5.0


@contextlib.asynccontextmanager
async def every(
    name: str, seconds: float, setting: str, work: Callable[[], Awaitable[bool]]
) -> AsyncIterator[None]:
    """Run `work` every `seconds` for the duration of the block, and again at once while
    it answers True (a full batch: a backlog)."""
    if seconds <= 0:
        # Refused before the server starts, rather than spinning without a pause.
        raise ValueError(f"{setting} must be above 0, got {seconds}")
    stop = asyncio.Event()
    paused = Outage(f"{name} paused", f"{name} resumed", log)

    async def rounds() -> None:
        while not stop.is_set():
            try:
                backlog = await work()
                paused.recovered()
            except Exception as error:
                # A database outage must not end the work for the life of the process.
                paused.failed(error)
                backlog = False
            if not backlog:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), seconds)

    task = asyncio.create_task(rounds(), name=name)
    try:
        yield
    finally:
        stop.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(task, SHUTDOWN_GRACE_SECONDS)


def deadline_sweeper(every_seconds: float) -> contextlib.AbstractAsyncContextManager[None]:
    """Route elsewhere what was not accepted in time, and cancel pickups not collected in
    time (OMS_SLA_SWEEP_SECONDS)."""

    async def sweep() -> bool:
        now = datetime.now(UTC)
        expired = await expire_overdue(now)
        if expired:
            log.info("routed %d fulfillment order(s) past their acceptance deadline", expired)
        uncollected = await expire_uncollected(now)
        if uncollected:
            log.info("cancelled %d pickup(s) not collected in time", uncollected)
        return SWEEP_BATCH in (expired, uncollected)

    return every("deadline sweeper", every_seconds, "OMS_SLA_SWEEP_SECONDS", sweep)


def database_watch(
    every_seconds: float, probe: Callable[[], Awaitable[bool]]
) -> contextlib.AbstractAsyncContextManager[None]:
    """Probe the database (so an outage is logged when it starts, not at the next request)
    and sample this process's connection pool for /metrics (OMS_HEALTH_PROBE_SECONDS)."""

    async def watch() -> bool:
        await probe()
        sample_pool()
        return False

    return every("database watch", every_seconds, "OMS_HEALTH_PROBE_SECONDS", watch)


def event_pruner(config: Settings) -> contextlib.AbstractAsyncContextManager[None]:
    """Delete outbox rows and finished webhook deliveries older than
    OMS_EVENT_RETENTION_DAYS, a batch every OMS_EVENT_PRUNE_SECONDS."""
    if config.event_retention_days <= 0:
        raise ValueError(
            f"OMS_EVENT_RETENTION_DAYS must be above 0, got {config.event_retention_days}"
        )
    keep = timedelta(days=config.event_retention_days)

    async def prune() -> bool:
        return await events.prune(datetime.now(UTC) - keep) == events.PRUNE_BATCH

    return every("event pruner", config.event_prune_seconds, "OMS_EVENT_PRUNE_SECONDS", prune)


def policy_of(config: Settings) -> DeliveryPolicy:
    """What the settings decide about sending (OMS_WEBHOOK_ALLOW_PRIVATE, max attempts)."""
    return DeliveryPolicy(
        allow_private=config.webhook_allow_private, max_attempts=config.webhook_max_attempts
    )


@contextlib.asynccontextmanager
async def webhook_worker(config: Settings) -> AsyncIterator[None]:
    """Deliver due vendor webhooks (OMS_WEBHOOK_POLL_SECONDS)."""
    policy = policy_of(config)
    # trust_env=False: an HTTP(S)_PROXY from the environment would connect on our behalf
    # to whatever it resolves, bypassing the address check made before each send.
    async with httpx.AsyncClient(trust_env=False, transport=webhook_transport()) as client:

        async def dispatch() -> bool:
            return await deliver_due(datetime.now(UTC), client, policy) == BATCH_SIZE

        async with every(
            "webhook dispatch", config.webhook_poll_seconds, "OMS_WEBHOOK_POLL_SECONDS", dispatch
        ):
            yield
