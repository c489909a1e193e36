"""HTTP hardening: headers, body cap, CORS off by default, a brake on guessed keys."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import websockets

from api.app import create_app
from api.security import FailedAuthLimiter
from api.settings import Settings
from bench.fixed_cost import typename_scope
from tests.support.gql import Gql


async def test_responses_carry_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
    page = await client.get("/dashboard")
    assert "script-src 'self'" in page.headers["content-security-policy"]


async def test_an_oversized_body_is_refused_with_413(
    client: httpx.AsyncClient, db: Settings
) -> None:
    padding = "x" * (db.max_body_bytes + 1)
    response = await client.post("/graphql", json={"query": "{ __typename }", "pad": padding})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_a_client_gone_before_its_body_is_not_an_error(app: Any) -> None:
    # A POST /graphql that declares 100 bytes and sends 17 before its client goes.
    declared = [(b"content-type", b"application/json"), (b"content-length", b"100")]
    scope = {**typename_scope(None), "headers": declared}
    messages = [
        {"type": "http.request", "body": b'{"query": "{ __ty', "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    # Raised, Starlette's outermost middleware would answer 500 and uvicorn log it.
    await app(scope, receive, send)
    assert sent == []


async def test_cors_is_off_unless_configured(client: httpx.AsyncClient, db: Settings) -> None:
    preflight = {
        "Origin": "https://shop.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    response = await client.options("/graphql", headers=preflight)
    assert "access-control-allow-origin" not in response.headers
    configured = create_app(
        Settings(database_url=db.database_url, cors_origins=["https://shop.example"])
    )
    transport = httpx.ASGITransport(app=configured)
    async with httpx.AsyncClient(transport=transport, base_url="http://oms.test") as other:
        response = await other.options("/graphql", headers=preflight)
    assert response.headers["access-control-allow-origin"] == "https://shop.example"


async def test_an_address_guessing_keys_is_slowed_down(
    client: httpx.AsyncClient, keys: dict[str, str]
) -> None:
    query = {"query": "{ viewer { name } }"}
    for attempt in range(20):
        response = await client.post(
            "/graphql", json=query, headers={"Authorization": f"Bearer oms_guess{attempt}_x"}
        )
        assert response.status_code == 200
    blocked = await client.post(
        "/graphql", json=query, headers={"Authorization": f"Bearer {keys['admin']}"}
    )
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert blocked.json()["errors"][0]["extensions"]["code"] == "THROTTLED"
    assert keys["admin"] not in blocked.text


# -- nesting, unstorable input, bounded memory (issue 11, items 8, 10, 12) ------------------


@pytest.mark.parametrize("depth", [100, 100_000])
async def test_deeply_nested_json_is_a_400_not_a_crash(
    client: httpx.AsyncClient, admin: Gql, depth: int
) -> None:
    """json.loads (and everything after it) recursed; 100k deep was a RecursionError, a 500."""
    nested = "[" * depth + "]" * depth
    for body in (
        '{"query": "{ __typename }", "variables": {"x": ' + nested + "}}",
        nested,
        # Objects take more bytes a level: as deep as the body cap allows.
        '{"query": "{ __typename }", "extensions": '
        + '{"a":' * min(depth, 40_000)
        + "1"
        + "}" * min(depth, 40_000)
        + "}",
    ):
        response = await client.post(
            "/graphql",
            content=body,
            headers={
                "content-type": "application/json",
                "Authorization": f"Bearer {admin.secret}",
            },
        )
        assert response.status_code == 400, response.text[:200]
        assert "Traceback" not in response.text
    # Strings holding brackets are text, not nesting.
    text = "[{" * 1000
    body = await admin.raw("query($t: String!) { product(sku: $t) { id } }", {"t": text})
    assert body["data"] == {"product": None}


async def test_deeply_nested_json_on_a_websocket_closes_it_as_malformed(live_server: str) -> None:
    """A message the server cannot parse has no operation id to answer with an `error`
    message: graphql-transport-ws closes the socket with 4400. It was a traceback."""
    url = live_server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        nested = "[" * 100_000 + "]" * 100_000
        await socket.send(
            '{"id": "1", "type": "subscribe", "payload": {"query": "{ __typename }", '
            '"variables": {"x": ' + nested + "}}}"
        )
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4400


def test_failed_auth_memory_stays_bounded_over_many_addresses() -> None:
    limiter = FailedAuthLimiter(limit=3, window=60.0, max_addresses=100)
    for n in range(5000):
        limiter.failed(f"10.0.{n // 256}.{n % 256}", now=float(n) / 1000)
    assert len(limiter.failures) <= 100
    # The newest addresses are still braked; a window later, everything is forgotten.
    for _ in range(3):
        limiter.failed("192.0.2.1", now=10.0)
    assert limiter.retry_after("192.0.2.1", now=10.0) is not None
    limiter.failed("192.0.2.2", now=100.0)
    assert list(limiter.failures) == ["192.0.2.2"]


async def test_refusals_at_the_edge_carry_the_edge_headers(db: Settings) -> None:
    """The body cap answers inside the request id, the security headers and CORS (the
    order the separate middlewares had), and a streamed body is counted too."""
    configured = create_app(
        Settings(
            database_url=db.database_url,
            cors_origins=["https://shop.example"],
            max_body_bytes=1000,
        )
    )
    transport = httpx.ASGITransport(app=configured)
    headers = {
        "Origin": "https://shop.example",
        "X-Request-ID": "edge-1",
        "Content-Type": "application/json",
    }
    async with httpx.AsyncClient(transport=transport, base_url="http://oms.test") as other:
        declared = await other.post("/graphql", content=b"x" * 1001, headers=headers)

        async def chunks() -> AsyncIterator[
            bytes
        ]:  # no Content-Length: only counting finds it too large
            for _ in range(3):
                yield b"x" * 400

        streamed = await other.post("/graphql", content=chunks(), headers=headers)
        preflight = await other.options(
            "/graphql",
            headers={**headers, "Access-Control-Request-Method": "POST"},
        )
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
        assert response.headers["access-control-allow-origin"] == "https://shop.example"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-request-id"] == "edge-1"
    assert preflight.status_code == 200
    assert preflight.headers["x-request-id"] == "edge-1"
    assert preflight.headers["x-frame-options"] == "DENY"
