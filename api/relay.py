"""The outbox relay: publishes committed outbox events, in id order, and stamps them.

One relay per process; on PostgreSQL a transaction-scoped advisory lock lets
one process at a time publish (the others wait their turn), so events of a
stream leave in order. A batch is stamped only after it was handed to the
transport: one statement takes the lock and stamps the batch, the publish
follows, and the commit after it; if Redis is down the transaction rolls back
and the events wait for the next round. Subscriptions read the outbox
themselves, so what a batch publishes is one message naming the streams that
have news (in the order of their first event), and a doorbell published twice
(a crash between publish and commit) is harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime
from operator import itemgetter
from typing import Self

from tortoise.transactions import in_transaction

from api import tracing
from api.health import Outage
from api.hub import Hub
from models import sql
from models.tables import OutboxEvent

log = logging.getLogger(__name__)

BATCH = 500
# Any constant shared by all processes of the deployment.
RELAY_LOCK_KEY = 0x0_5E1A7
FAILURE_BACKOFF = 1.0

_OUTBOX = sql.table(OutboxEvent)
_PUBLISHED_AT = OutboxEvent._meta.fields_map["published_at"]
_CLAIMED = "id, stream, type, trace_context"
# The lock is taken once (a materialized CTE) before the batch is read; a relay holding
# it is waited for (a run takes about a millisecond). The statement's snapshot predates the
# wait: a row the previous holder stamped meanwhile is re-checked on its committed version
# by the UPDATE (`published_at IS NULL` fails) and left out.
_CLAIM_PG = f"""
WITH lock AS MATERIALIZED (SELECT true AS mine FROM pg_advisory_xact_lock($1))
UPDATE {_OUTBOX} SET published_at = $2
WHERE published_at IS NULL AND id IN (
  SELECT id FROM {_OUTBOX} WHERE published_at IS NULL AND (SELECT mine FROM lock)
  ORDER BY id LIMIT $3)
RETURNING {_CLAIMED}
"""
# SQLite: the UPDATE takes the database's write lock, which serializes relays too.
_CLAIM_SQLITE = f"""
UPDATE {_OUTBOX} SET published_at = ?
WHERE id IN (SELECT id FROM {_OUTBOX} WHERE published_at IS NULL ORDER BY id LIMIT ?)
RETURNING {_CLAIMED}
"""


class Relay:
    def __init__(self, hub: Hub, on_postgres: bool, interval: float = 0.5) -> None:
        self.hub = hub
        self.on_postgres = on_postgres
        self.interval = interval
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._paused = Outage("outbox relay paused", "outbox relay resumed", log)

    def wake(self) -> None:
        """Something was committed: publish now rather than at the next tick."""
        self._wake.set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            # asyncio.timeout, not wait_for: no task of its own, so a wake-up is one step
            # of a busy event loop, not two.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.interval):
                    await self._wake.wait()
            self._wake.clear()
            try:
                while await self.publish_pending() == BATCH:
                    pass  # a full batch: more may be waiting
                self._paused.recovered()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # transport or database down: retry later
                self._paused.failed(error)
                await asyncio.sleep(FAILURE_BACKOFF)

    async def publish_pending(self) -> int:
        """How many events it published."""
        if not self.hub.connected:
            return 0
        stamp = _PUBLISHED_AT.to_db_value(datetime.now(UTC), OutboxEvent)
        async with in_transaction() as connection:
            if self.on_postgres:
                claim, values = _CLAIM_PG, [RELAY_LOCK_KEY, stamp, BATCH]
            else:
                claim, values = _CLAIM_SQLITE, [stamp, BATCH]
            claimed = await connection.execute_query_dict(claim, values)
            events = sorted(claimed, key=itemgetter("id"))
            if events:
                # Stamped above but committed only after the transport took the batch: a
                # failed publish rolls the stamps back.
                with tracing.spans(
                    "outbox publish",
                    [
                        (e["trace_context"], {"oms.event.id": e["id"], "oms.event.type": e["type"]})
                        for e in events
                    ],
                ):
                    await self.hub.publish_streams(list(dict.fromkeys(e["stream"] for e in events)))
        return len(events)
