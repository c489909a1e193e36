"""HTTP hardening: headers, body cap, CORS off by default, a brake on guessed keys."""

from __future__ import annotations

import httpx

from api.app import create_app
from api.settings import Settings


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
