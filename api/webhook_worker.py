"""The webhook dispatcher loop, one per server process.

Every process runs one: deliveries are rows claimed one at a time with a conditional
UPDATE (models/operations/webhooks.py), so any number of processes share the work without
sending an attempt twice, and what is pending when a server stops is sent after it starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx

from api.settings import Settings, settings
from models.operations.webhooks import BATCH_SIZE, DeliveryPolicy, deliver_due

log = logging.getLogger(__name__)

# How long shutdown waits for attempts in flight; one cut short is sent again after its
# claim expires.
SHUTDOWN_GRACE_SECONDS = 5.0


def policy_of(config: Settings) -> DeliveryPolicy:
    """What the settings decide about sending (OMS_WEBHOOK_ALLOW_PRIVATE, max attempts)."""
    return DeliveryPolicy(
        allow_private=config.webhook_allow_private, max_attempts=config.webhook_max_attempts
    )


async def run_webhook_worker(
    stop_event: asyncio.Event, interval: float, config: Settings = settings
) -> None:
    """Deliver due webhooks every `interval` seconds (above 0) until `stop_event` is set."""
    policy = policy_of(config)
    # trust_env=False: an HTTP(S)_PROXY from the environment would connect on our behalf
    # to whatever it resolves, bypassing the address check made before each send.
    async with httpx.AsyncClient(trust_env=False) as client:
        while not stop_event.is_set():
            try:
                sent = await deliver_due(datetime.now(UTC), client, policy)
            except Exception as error:
                # A database outage must not end deliveries for the life of the process.
                log.warning("webhook dispatch paused for %g s: %s", interval, error)
                sent = 0
            if sent == BATCH_SIZE:
                continue  # a backlog: take the next batch at once
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop_event.wait(), interval)


@contextlib.asynccontextmanager
async def webhook_worker(config: Settings) -> AsyncIterator[None]:
    """Run the dispatcher for the duration of the block: the app's lifespan."""
    if config.webhook_poll_seconds <= 0:
        # Refused here, before the server starts, rather than spinning without a pause.
        raise ValueError(
            f"OMS_WEBHOOK_POLL_SECONDS must be above 0, got {config.webhook_poll_seconds}"
        )
    stop = asyncio.Event()
    task = asyncio.create_task(
        run_webhook_worker(stop, config.webhook_poll_seconds, config), name="webhook-worker"
    )
    try:
        yield
    finally:
        stop.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(task, SHUTDOWN_GRACE_SECONDS)
