"""A graphql-transport-ws client for tests: real WebSocket round trips to uvicorn; and a
subscription executed in the test's own process, for counting its statements."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast

import websockets
from strawberry.types import ExecutionResult

from api.context import Context
from api.hub import Hub
from api.relay import Relay
from api.schema import build_schema
from api.settings import Settings
from models.rules.scopes import Actor

ASSIGNED = """
subscription($loc: ID, $vendor: ID, $since: String) {
  fulfillmentOrderAssigned(locationId: $loc, vendorId: $vendor, since: $since) {
    cursor type at
    fulfillmentOrder {
      status location { code } vendor { code } order { number } lines { quantity }
    }
  }
}
"""


class Subscription:
    def __init__(self, socket: Any, operation_id: str) -> None:
        self.socket = socket
        self.id = operation_id

    async def message(self, wait: float = 10) -> dict[str, Any]:
        """The next message for this operation (`next`, `error` or `complete`)."""
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), timeout=wait)
            message = json.loads(raw)
            if message.get("type") == "ping":
                await self.socket.send(json.dumps({"type": "pong"}))
                continue
            if message.get("id") == self.id:
                return message

    async def next(self, wait: float = 10) -> dict[str, Any]:
        """The data of the next event; fails on anything else."""
        message = await self.message(wait)
        assert message["type"] == "next", message
        assert not message["payload"].get("errors"), message["payload"]["errors"]
        return message["payload"]["data"]

    async def nothing_for(self, seconds: float) -> None:
        try:
            message = await self.message(wait=seconds)
        except TimeoutError:
            return
        raise AssertionError(f"expected nothing, got {message}")


@asynccontextmanager
async def subscribe(
    base_url: str, secret: str | None, query: str, variables: dict[str, Any] | None = None
) -> AsyncIterator[Subscription]:
    url = base_url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:
        payload = {"Authorization": f"Bearer {secret}"} if secret else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        assert ack["type"] == "connection_ack", ack
        await socket.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": query, "variables": variables or {}},
                }
            )
        )
        yield Subscription(socket, "1")


async def ws_refusal(base: str, payload: dict) -> int:
    """The close code a `connection_init` with `payload` gets (0: acknowledged)."""
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        try:
            message = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        except websockets.ConnectionClosed as closed:
            assert closed.rcvd is not None
            return closed.rcvd.code
        assert message["type"] == "connection_ack", message
        return 0


@asynccontextmanager
async def subscribed_in_process(
    settings: Settings,
    actor: Actor,
    query: str,
    variables: dict[str, Any],
    hub: Hub | None = None,
) -> AsyncIterator[AsyncIterator[Any]]:
    """A subscription executed in this process, without a WebSocket (so that its
    statements land in the test's query log): its stream of results, closed after."""
    hub = hub or Hub("memory://")
    context = Context(
        request=cast(Any, None),
        response=None,
        hub=hub,
        relay=Relay(hub, on_postgres=settings.database_url.startswith("postgres")),
        config=settings,
        actor=actor,
    )
    stream = await build_schema(settings).subscribe(
        query, variable_values=variables, context_value=context
    )
    assert not isinstance(stream, ExecutionResult), stream
    try:
        yield stream
    finally:
        await stream.aclose()
