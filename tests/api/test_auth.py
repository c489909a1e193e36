"""API keys on HTTP: how the header is read, what is stored, when a key stops working."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from api.auth import MISSING_KEY, user_from_connection_params, user_from_header
from api.settings import Settings
from models.operations.access import create_api_key, revoke_api_key
from models.operations.locations import LocationKind, create_location, create_vendor
from models.rules.scopes import Role
from models.tables import ApiKey
from resolvers.ids import encode_id
from tests.support.gql import Gql
from tests.support.servers import serve
from tests.support.ws import ws_refusal

VIEWER = "{ viewer { name role channel locations { code } vendor { code } } }"


async def post(client, headers: dict[str, str], query: str = VIEWER) -> dict:
    response = await client.post("/graphql", json={"query": query}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
async def test_the_scheme_is_case_insensitive_and_spaces_are_trimmed(db, client, scheme) -> None:
    _, secret = await create_api_key("k", Role.VIEWER)
    body = await post(client, {"Authorization": f"  {scheme}   {secret}  "})
    assert body["data"]["viewer"]["role"] == "VIEWER"


async def test_only_a_hash_of_the_secret_is_stored(db) -> None:
    key, secret = await create_api_key("k", Role.ADMIN)
    row = await ApiKey.get(id=key.pk).values()
    assert not any(secret in str(value) for value in row.values())
    public_id = secret.split("_")[1]
    assert row["public_id"] == public_id
    assert len(row["secret_hash"]) == 64
    other_key, other = await create_api_key("k", Role.ADMIN)
    assert other != secret and other_key.public_id != key.public_id


async def test_every_role_is_told_who_it_is(db, client) -> None:
    msp = await create_location("MSP-01", name="Minneapolis", kind=LocationKind.STORE)
    stp = await create_location("STP-01", name="St. Paul", kind=LocationKind.STORE)
    vendor = await create_vendor("NORTHWOODS", "Northwoods")
    cases = [
        (Role.ADMIN, {}, {}),
        (Role.VIEWER, {}, {}),
        (
            Role.STAFF,
            {"location_ids": [stp.pk, msp.pk]},
            {"locations": [{"code": "MSP-01"}, {"code": "STP-01"}]},
        ),
        (Role.VENDOR, {"vendor_id": vendor.pk}, {"vendor": {"code": "NORTHWOODS"}}),
        (Role.PARTNER, {"channel": " web "}, {"channel": "web"}),
    ]
    for role, scope, expected in cases:
        _, secret = await create_api_key(f"{role} key", role, **scope)
        body = await post(client, {"Authorization": f"Bearer {secret}"})
        assert body["data"]["viewer"] == {
            "name": f"{role} key",
            "role": role.value,
            "channel": None,
            "locations": [],
            "vendor": None,
            **expected,
        }


async def test_last_used_at_is_kept_but_not_written_on_every_request(db, client) -> None:
    key, secret = await create_api_key("k", Role.VIEWER)
    assert key.last_used_at is None
    headers = {"Authorization": f"Bearer {secret}"}
    await post(client, headers)
    first = (await ApiKey.get(id=key.pk)).last_used_at
    assert first is not None
    assert datetime.now(UTC) - first < timedelta(minutes=1)
    await post(client, headers)
    assert (await ApiKey.get(id=key.pk)).last_used_at == first
    stale = datetime.now(UTC) - timedelta(hours=1)
    await ApiKey.filter(id=key.pk).update(last_used_at=stale)
    await post(client, headers)
    assert (await ApiKey.get(id=key.pk)).last_used_at > stale + timedelta(minutes=30)


async def test_revocation_takes_effect_on_the_next_request(db, client) -> None:
    key, secret = await create_api_key("k", Role.ADMIN)
    headers = {"Authorization": f"Bearer {secret}"}
    assert (await post(client, headers))["data"]["viewer"]["role"] == "ADMIN"
    await revoke_api_key(key.pk)
    body = await post(client, headers)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert body["errors"][0]["message"] == "the API key was revoked"


async def test_a_revoked_admin_cannot_revoke_or_create(db, as_key) -> None:
    key, secret = await create_api_key("leaver", Role.ADMIN)
    _, other_secret = await create_api_key("stays", Role.ADMIN)
    other = as_key(other_secret)
    await other.mutate(
        "mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) "
        "{ apiKey { revoked } userErrors { code } } }",
        {"input": {"id": encode_id("ApiKey", key.pk)}},
    )
    leaver: Gql = as_key(secret)
    body = await leaver.raw(
        'mutation { createApiKey(input: {name: "mine", role: ADMIN}) { secret } }'
    )
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await ApiKey.filter(name="mine").count() == 0


async def test_other_routes_need_no_key(db, client) -> None:
    for path in ("/healthz", "/readyz", "/metrics"):
        response = await client.get(path, headers={"Authorization": "Bearer oms_bad_key"})
        # In process the app's lifespan (the broadcast hub) is not running: /readyz says so.
        assert response.status_code == (503 if path == "/readyz" else 200), path
    graphiql = await client.get("/graphql", headers={"Accept": "text/html"})
    assert graphiql.status_code == 200
    assert "graphiql" in graphiql.text.lower()


async def test_the_websocket_payload_is_read_like_the_header(db) -> None:
    _, secret = await create_api_key("socket", Role.VIEWER)
    for params in ({"Authorization": f"Bearer {secret}"}, {"authorization": f"Bearer {secret}"}):
        user = await user_from_connection_params(params)
        assert user.actor is not None and user.actor.name == "socket"
        assert user.is_authenticated
    for params in (None, {}, {"Authorization": 42}, {"token": secret}):
        user = await user_from_connection_params(params)  # type: ignore[arg-type]
        assert (user.actor, user.problem) == (None, MISSING_KEY)
    user = await user_from_header(f"Token {secret}")
    assert user.actor is None and "Bearer" in (user.problem or "")


# Issue 11, item 11: shapes no key has, on HTTP and WebSocket alike.
MALFORMED = [
    "oms_0123456789ab_" + "x" * 10_000,  # too long
    "oms_" + "0" * 40 + "_secret",  # a public id longer than its column
    "oms_0123456789ab_sec\x00ret",  # NUL
    "oms_0123456789ab",  # missing parts
    "oms__secret",
    "oms_0123456789ab_sécrét",  # non-ASCII
    "oms_0123456789ab_\ud800",  # a lone surrogate (a WebSocket payload can carry one)
]


@pytest.mark.parametrize("secret", MALFORMED[:-1])
async def test_a_malformed_key_is_unauthenticated_and_never_echoed(
    db, client, secret: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Too long a public id reached the database (a Tortoise ValidationError, a traceback)."""
    header = f"Bearer {secret}".encode()
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers=[(b"authorization", header)]
    )
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert error["message"] == "the API key is malformed"
    secret_part = secret.split("_")[-1]
    assert secret_part not in response.text
    assert secret_part not in caplog.text and "Traceback" not in caplog.text


async def test_malformed_keys_count_toward_the_brake_on_http(db, client) -> None:
    for attempt in range(20):
        secret = MALFORMED[attempt % (len(MALFORMED) - 1)]
        response = await client.post(
            "/graphql",
            json={"query": VIEWER},
            headers=[(b"authorization", f"Bearer {secret}".encode())],
        )
        assert response.status_code == 200
    braked = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": "Bearer oms_x_y"}
    )
    assert braked.status_code == 429


async def test_the_brake_covers_websocket_connection_init(db: Settings) -> None:
    """connection_init was never counted: a socket could guess keys without limit."""

    _, good = await create_api_key("good", Role.VIEWER)
    # One worker: the brake is kept per process (api/security.py).
    async with serve(db.database_url, db.broadcast_url, workers=1) as base:
        for secret in MALFORMED * 3:
            assert await ws_refusal(base, {"Authorization": f"Bearer {secret}"}) == 4403
        # 21 failures: the address is held, even with a good key, on the socket and on HTTP.
        assert await ws_refusal(base, {"Authorization": f"Bearer {good}"}) == 4403
        async with httpx.AsyncClient(base_url=base) as http:
            response = await http.post(
                "/graphql", json={"query": VIEWER}, headers={"Authorization": f"Bearer {good}"}
            )
        assert response.status_code == 429
