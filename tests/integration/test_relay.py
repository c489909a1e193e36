"""The outbox relay: one statement claims a batch, one message announces it, and the
stamps commit only once the transport took the message."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Sequence

import asyncpg
import pytest

from api.hub import Hub
from api.relay import BATCH, RELAY_LOCK_KEY, Relay
from api.settings import Settings
from models.tables import OutboxEvent
from tests.support.database import ON_POSTGRES

pytestmark = pytest.mark.usefixtures("db")
ON_MEMORY = os.environ.get("BROADCAST_URL", "memory://").startswith("memory")


class Recording(Hub):
    """A hub that records what it is asked to publish, and can be made to fail."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.published: list[list[str]] = []
        self.down = False

    async def publish_streams(self, streams: Sequence[str]) -> None:
        if self.down:
            raise ConnectionError("the transport is down")
        self.published.append(list(streams))
        await super().publish_streams(streams)


@pytest.fixture
async def hub(db: Settings) -> AsyncIterator[Recording]:
    async with Recording(db.broadcast_url) as hub:
        yield hub


async def _pending(*streams: str) -> list[int]:
    return [(await OutboxEvent.create(stream=s, type="T", payload={})).id for s in streams]


async def test_a_batch_is_one_message_naming_each_stream_once_in_order(hub: Recording) -> None:
    ids = await _pending("location:2", "order:7", "location:2", "channel:web")
    relay = Relay(hub, on_postgres=ON_POSTGRES)
    with hub.doorbell("location:2") as store, hub.doorbell("channel:*") as channels:
        assert await relay.publish_pending() == 4
        assert hub.published == [["location:2", "order:7", "channel:web"]]
        # This process rings at once; the others hear it through the transport.
        assert await asyncio.wait_for(store.get(), 5) == "location:2"
        assert await asyncio.wait_for(channels.get(), 5) == "channel:web"
    stamped = await OutboxEvent.filter(id__in=ids).values_list("published_at", flat=True)
    assert None not in stamped
    assert await relay.publish_pending() == 0
    assert len(hub.published) == 1, "nothing pending: nothing published"


async def test_a_failed_publish_stamps_nothing(hub: Recording) -> None:
    await _pending("location:2", "order:7")
    relay = Relay(hub, on_postgres=ON_POSTGRES)
    hub.down = True
    with pytest.raises(ConnectionError):
        await relay.publish_pending()
    assert await OutboxEvent.filter(published_at=None).count() == 2
    hub.down = False
    assert await relay.publish_pending() == 2
    assert hub.published == [["location:2", "order:7"]]


async def test_a_batch_takes_the_oldest_first(hub: Recording) -> None:
    await OutboxEvent.bulk_create(
        [OutboxEvent(stream=f"order:{n}", type="T", payload={}) for n in range(BATCH + 1)]
    )
    relay = Relay(hub, on_postgres=ON_POSTGRES)
    assert await relay.publish_pending() == BATCH
    assert hub.published == [[f"order:{n}" for n in range(BATCH)]]
    assert await relay.publish_pending() == 1
    assert hub.published[1] == [f"order:{BATCH}"]


@pytest.mark.skipif(not ON_POSTGRES, reason="the relay lock is PostgreSQL's")
async def test_a_relay_waits_for_another_process_holding_the_lock(
    db: Settings, hub: Recording
) -> None:
    await _pending("location:2")
    relay = Relay(hub, on_postgres=True)
    other = await asyncpg.connect(db.database_url.replace("postgres://", "postgresql://", 1))
    try:
        async with other.transaction():
            await other.execute("SELECT pg_advisory_xact_lock($1)", RELAY_LOCK_KEY)
            # The other process stamps what it sees, and commits after we began to wait.
            await other.execute("UPDATE outbox_event SET published_at = now()")
            waiting = asyncio.create_task(relay.publish_pending())
            await asyncio.sleep(0.3)
            assert not waiting.done()
            assert await _pending("order:7")
        assert await asyncio.wait_for(waiting, 5) == 0, "its snapshot predates order:7"
        assert await relay.publish_pending() == 1
    finally:
        await other.close()
    assert hub.published == [["order:7"]]


@pytest.mark.skipif(ON_MEMORY, reason="two hubs meet through a shared transport (Redis)")
async def test_a_hub_rings_its_own_streams_once_and_another_hub_through_the_transport(
    db: Settings,
) -> None:
    async with Hub(db.broadcast_url) as sender, Hub(db.broadcast_url) as receiver:
        with (
            sender.doorbell("order:7") as here,
            receiver.doorbell("order:7") as there,
            sender.doorbell("order:9") as reply,
        ):
            await sender.publish_streams(["order:7"])
            assert here.get_nowait() == "order:7", "rung before the transport's round trip"
            assert await asyncio.wait_for(there.get(), 5) == "order:7"
            # One subscription delivers in order: once the sender hears a later message,
            # its own has come back, and was not rung again.
            await receiver.publish_streams(["order:9"])
            assert await asyncio.wait_for(reply.get(), 5) == "order:9"
            assert here.empty()
