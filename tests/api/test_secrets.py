"""Secrets stay secret: an API key's secret is shown once, in createApiKey's payload, and a
vendor's webhookSecret never; neither appears in any other response, in any error, or in
the server's log, whatever the client does with them.

The server is `oms serve` as production runs it (OMS_LOG_FORMAT=json, the app's own
loggers at INFO, uvicorn's access log through them), its whole output captured.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from tests.support.factories import twin_cities
from tests.support.gql import order_input
from tests.support.servers import OMS_SERVE, Uvicorn, free_port

CREATE_KEY = """mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { apiKey { id name role } secret userErrors { message } } }"""
REVOKE_KEY = """mutation($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { userErrors { message } } }"""
CREATE_VENDOR = """mutation($input: CreateVendorInput!) {
  createVendor(input: $input) { vendor { id code webhookUrl } userErrors { field message } } }"""
UPDATE_VENDOR = """mutation($input: UpdateVendorInput!) {
  updateVendor(input: $input) { vendor { id webhookUrl } userErrors { field message } } }"""
PLACE = """mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { number } userErrors { message } } }"""
VENDOR_READ = """query($id: ID!) {
  vendor(id: $id) { id code name active webhookUrl
    webhookDeliveries(first: 10) { nodes { id event status attempts lastResponseStatus } } }
  node(id: $id) { id ... on Vendor { code webhookUrl } }
  vendors(first: 10) { nodes { id code webhookUrl } }
  apiKeys(first: 10) { nodes { id name role } }
}"""
# Every type with its fields and input fields: no output field may carry a secret.
INTROSPECT = """{ __schema { types { name
  fields(includeDeprecated: true) { name }
  inputFields { name } } } }"""


class Recorder:
    """POSTs GraphQL and keeps every answer's raw text, to search it afterwards."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.answers: list[str] = []

    async def post(self, secret: str, query: str, variables: Any = None) -> Any:
        """As the key `secret`; a value with a space in it is sent as the whole header."""
        headers = {"Authorization": secret if " " in secret else f"Bearer {secret}"}
        async with httpx.AsyncClient(base_url=self.base, timeout=30) as http:
            response = await http.post(
                "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
            )
        self.answers.append(f"{response.status_code} {dict(response.headers)} {response.text}")
        return response.json()


def fragments(secret: str) -> list[str]:
    """What may not appear: the start and the end of the secret's random part, so that
    a secret cut short or echoed with a character changed is caught too (an API key's
    `oms_<public id>_` prefix names the key and may be logged; what follows may not)."""
    # The random part may itself contain "_"; a webhook secret has no prefix at all.
    random_part = secret.split("_", 2)[2] if secret.startswith("oms_") else secret
    assert len(random_part) >= 16, "a fragment must be long enough to mean something"
    return [random_part[:16], random_part[-16:]]


async def test_secrets_appear_in_no_response_error_or_log(db: Settings, tmp_path: Path) -> None:
    await twin_cities({"MUG": (5, 5, 5)})
    _, admin = await create_api_key("bootstrap", Role.ADMIN)
    # Nothing listens there: each webhook attempt fails, and the failure is logged.
    hook = f"http://127.0.0.1:{free_port()}/hook"
    env = {
        "OMS_LOG_FORMAT": "json",
        "OMS_WEBHOOK_ALLOW_PRIVATE": "true",
        "OMS_WEBHOOK_POLL_SECONDS": "0.2",
    }
    server = Uvicorn(
        db.database_url, db.broadcast_url, tmp_path / "server.log", env=env, command=OMS_SERVE
    )
    async with server:
        gql = Recorder(server.base)
        created = (await gql.post(admin, CREATE_KEY, {"input": {"name": "s", "role": "ADMIN"}}))[
            "data"
        ]["createApiKey"]
        key_secret, key_id = created["secret"], created["apiKey"]["id"]
        shown_once = gql.answers.pop()  # the one answer that carries it, by design
        assert key_secret in shown_once
        webhook_secrets = ["whsec-first-7d1f0c9a2b", "whsec-second-c4e8a1f5d3"]

        vendor = (
            await gql.post(
                key_secret,
                CREATE_VENDOR,
                {
                    "input": {
                        "code": "SECRETIVE",
                        "name": "Secretive Goods",
                        "webhookUrl": hook,
                        "webhookSecret": webhook_secrets[0],
                    }
                },
            )
        )["data"]["createVendor"]["vendor"]
        # Refused updates: the messages name the field, never echo the secret.
        for bad in (
            {"webhookSecret": "x" * 5000},
            {"webhookUrl": f"http://u:{webhook_secrets[1]}@h/"},
        ):
            await gql.post(key_secret, UPDATE_VENDOR, {"input": {"id": vendor["id"], **bad}})
        await gql.post(
            key_secret,
            UPDATE_VENDOR,
            {"input": {"id": vendor["id"], "webhookSecret": webhook_secrets[1]}},
        )
        await gql.post(
            key_secret,
            """mutation($input: CreateRoutingRuleInput!) {
              createRoutingRule(input: $input) { userErrors { message } } }""",
            {
                "input": {
                    "name": "Mugs via Secretive",
                    "priority": 1,
                    "skus": ["MUG"],
                    "action": "DROP_SHIP",
                    "vendorId": vendor["id"],
                }
            },
        )
        placed = await gql.post(key_secret, PLACE, {"input": order_input([("MUG", 1)])})
        assert placed["data"]["placeOrder"]["userErrors"] == [], placed

        # Reads of everything that touches the vendor and the keys.
        await gql.post(key_secret, VENDOR_READ, {"id": vendor["id"]})
        schema = (await gql.post(key_secret, INTROSPECT))["data"]["__schema"]["types"]
        exposed = [
            f"{t['name']}.{f['name']}"
            for t in schema
            for f in t["fields"] or []
            if "secret" in f["name"].lower()
        ]
        assert exposed == ["CreateApiKeyPayload.secret"], exposed

        # Failed authentication, every way a client can get it wrong.
        wrong = key_secret[:-4] + ("AAAA" if not key_secret.endswith("AAAA") else "BBBB")
        for presented in (
            wrong,
            f"Basic {key_secret}",
            f"Bearer {key_secret} {key_secret}",
            f"Bearer {webhook_secrets[0]}",
        ):
            await gql.post(presented, "{ viewer { role } }")
        # A WebSocket with that key is refused at connection_init (close 4403).
        url = server.base.replace("http://", "ws://") + "/graphql"
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:
            init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {wrong}"}}
            await socket.send(json.dumps(init))
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await socket.recv()
            gql.answers.append(repr(closed.value.rcvd))
        await gql.post(key_secret, REVOKE_KEY, {"input": {"id": key_id}})
        await gql.post(key_secret, "{ viewer { role } }")  # revoked now

        # Let the webhook worker try (and fail) to deliver, logging each attempt.
        await wait_for_attempts(gql, admin, vendor["id"])
    log = server.log()

    assert log.strip(), "the server logged nothing: the capture is broken"
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    # Both uvicorn's access log and the app's own loggers (the failed webhook) were captured.
    loggers = {entry["logger"] for entry in lines}
    assert {"uvicorn.access", "models.operations.webhooks"} <= loggers, loggers
    for secret in webhook_secrets:
        for piece in fragments(secret):
            assert piece not in log, f"a webhook secret in the log:\n{log[-3000:]}"
            assert not [a for a in gql.answers if piece in a], "a webhook secret in an answer"
    for piece in fragments(key_secret) + fragments(admin):
        assert piece not in log, f"an API key's secret in the log:\n{log[-3000:]}"
        leaked = [a for a in gql.answers if piece in a]
        assert not leaked, f"an API key's secret in an answer: {leaked[0][:500]}"
    assert "Traceback" not in log, log[-4000:]


async def wait_for_attempts(gql: Recorder, admin: str, vendor_id: str) -> None:
    """Until the vendor's webhook delivery has been attempted (10 s at most)."""
    for _ in range(100):
        data = (await gql.post(admin, VENDOR_READ, {"id": vendor_id}))["data"]
        deliveries = data["vendor"]["webhookDeliveries"]["nodes"]
        if deliveries and deliveries[0]["attempts"] >= 1:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"no webhook attempt was made: {gql.answers[-1][:500]}")
