"""Process-local fan-out of outbox events, fed by one broadcaster channel.

Every process subscribes once to `oms:events`; each message names streams
that have news ({"from": <hub>, "streams": [...]}, one message per relay
batch), and the hub rings the local subscriptions listening on them. The
sender rings its own process's at once, without the transport's round trip.
Messages are doorbells: a subscription that hears one reads what is new from
the database, so order, gaps and duplicates are settled by the outbox ids,
not by the transport.

broadcaster does not recover from a Redis restart (its listener task dies and
subscribers wait forever), so the pump watches the listener, reconnects with
a fresh Broadcast, and rings every local subscription to re-read what it may
have missed while the transport was down.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Self

from broadcaster import Broadcast, Event
from broadcaster._base import Unsubscribed

from api.health import Dependency
from api.metrics import SUBSCRIPTIONS

CHANNEL = "oms:events"
RECONNECT_DELAY = 0.5
DISCONNECT_TIMEOUT = 2.0
PUBLISH_TIMEOUT = 5.0
ANNOUNCE_TIMEOUT = 1.0


class Hub:
    def __init__(self, url: str) -> None:
        self.url = url
        self._broadcast: Broadcast | None = None
        self._listeners: dict[str, set[asyncio.Queue[str]]] = defaultdict(set)
        self._pump: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()
        self.health = Dependency("broadcast", url)
        # Names this hub's messages: its own come back through the transport, and their
        # streams were rung when they were sent.
        self._origin = uuid.uuid4().hex

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    async def start(self) -> None:
        self._pump = asyncio.create_task(self._run(), name="hub-pump")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._connected.wait(), timeout=5)

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        if self._pump is not None:
            self._pump.cancel()
            # Unsubscribing from a dead Redis can hang: do not hold up the shutdown for it.
            await asyncio.wait({self._pump}, timeout=DISCONNECT_TIMEOUT)
        await self._close_broadcast()

    async def publish_streams(self, streams: Sequence[str]) -> None:
        """Ring `streams` here at once, then in every other process with one message (this
        process skips its own). Raises when the transport is down."""
        for stream in streams:
            self.ring(stream)
        if self._broadcast is None or not self.connected:
            raise ConnectionError("the broadcast transport is not connected")
        message = {"from": self._origin, "streams": streams}
        # Bounded: the relay publishes holding its lock, which other processes' relays
        # wait for; a transport that hangs must fail the batch (stamps rolled back), not
        # stall every relay.
        async with asyncio.timeout(PUBLISH_TIMEOUT):
            await self._broadcast.publish(CHANNEL, json.dumps(message))

    @contextlib.contextmanager
    def listen(self, stream: str) -> Iterator[asyncio.Queue[str]]:
        """A subscription's doorbell (counted in the open-subscriptions gauge)."""
        with self.doorbell(stream) as queue:
            SUBSCRIPTIONS.inc()
            try:
                yield queue
            finally:
                SUBSCRIPTIONS.dec()

    @contextlib.contextmanager
    def doorbell(self, stream: str) -> Iterator[asyncio.Queue[str]]:
        """A queue that receives the stream name whenever something may be new on it."""
        queue: asyncio.Queue[str] = asyncio.Queue()
        self._listeners[stream].add(queue)
        try:
            yield queue
        finally:
            self._listeners[stream].discard(queue)
            if not self._listeners[stream]:
                del self._listeners[stream]

    async def announce(self, stream: str) -> None:
        """Ring `stream` here at once and in every other process before returning, for news
        that must not wait for the relay's round (a revoked key). The outbox row written
        with the change still follows: a process this misses (transport down) hears it
        then."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.publish_streams([stream]), ANNOUNCE_TIMEOUT)

    def ring(self, stream: str) -> None:
        """Ring the stream's listeners, and those of its family ("channel:*" for every
        "channel:<name>"), which follow all the streams of a kind."""
        family = stream.partition(":")[0] + ":*"
        for queue in [*self._listeners.get(stream, ()), *self._listeners.get(family, ())]:
            # A doorbell already ringing is not rung twice: its listener reads everything
            # new once it wakes. Queued rings each cost a read that finds nothing (98 of a
            # store subscription's 218 reads under 4 placing clients, before).
            if queue.empty():
                queue.put_nowait(stream)

    def ring_all(self) -> None:
        for stream in list(self._listeners):
            self.ring(stream)

    async def _close_broadcast(self) -> None:
        broadcast, self._broadcast = self._broadcast, None
        self._connected.clear()
        if broadcast is None:
            return
        # broadcaster's own disconnect stops at a dead listener's exception and leaves the
        # backend's listener pending (asyncio then logs "Task was destroyed but it is
        # pending" for each failed attempt): take both down here.
        _discard(getattr(broadcast, "_listener_task", None))
        backend = broadcast._backend
        # A dead Redis can make a polite disconnect hang; give it a moment, no more.
        with contextlib.suppress(Exception):
            await asyncio.wait_for(backend.disconnect(), timeout=DISCONNECT_TIMEOUT)
        _discard(getattr(backend, "_listener", None))

    async def _run(self) -> None:
        while True:
            try:
                async for message in self._messages():
                    for stream in _streams(message, self._origin):
                        self.ring(stream)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # any transport failure: reconnect
                self.health.failed(error)
            await self._close_broadcast()
            await asyncio.sleep(RECONNECT_DELAY)

    async def _messages(self) -> AsyncIterator[str]:
        broadcast = Broadcast(self.url)
        self._broadcast = broadcast  # closed by `_close_broadcast` even if connecting fails
        await broadcast.connect()
        async with broadcast.subscribe(CHANNEL) as subscriber:
            self._connected.set()
            self.health.recovered()
            # Whatever was published while we were away is in the database.
            self.ring_all()
            getter: asyncio.Future[Event] | None = None
            try:
                while True:
                    getter = getter or asyncio.ensure_future(subscriber.get())
                    done, _ = await asyncio.wait({getter}, timeout=1.0)
                    if done:
                        event, getter = getter.result(), None
                        yield event.message
                    elif not _listening(broadcast):
                        raise ConnectionError("the broadcast listener stopped")
            finally:
                if getter is not None:
                    getter.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Unsubscribed):
                        await getter


def _streams(message: str, origin: str) -> list[str]:
    """The streams a message names; none when it is not one of ours, or was sent by `origin`
    (rung when it was sent)."""
    with contextlib.suppress(ValueError):
        decoded = json.loads(message)
        if (
            isinstance(decoded, dict)
            and decoded.get("from") != origin
            and isinstance(decoded.get("streams"), list)
        ):
            return [stream for stream in decoded["streams"] if isinstance(stream, str)]
    return []


def _listening(broadcast: Broadcast) -> bool:
    """broadcaster's only health signal: its listener tasks (its own, and the Redis
    backend's, which dies alone when Redis goes away) are still running."""
    backend_listener = getattr(broadcast._backend, "_listener", None)
    return not broadcast._listener_task.done() and not (
        isinstance(backend_listener, asyncio.Task) and backend_listener.done()
    )


def _discard(task: object) -> None:
    """Cancel a pending task, or take a finished one's exception so none is reported."""
    if not isinstance(task, asyncio.Task):
        return
    if not task.done():
        task.cancel()
    elif not task.cancelled():
        task.exception()
