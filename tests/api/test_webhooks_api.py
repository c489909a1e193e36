"""Vendor webhooks over GraphQL: URLs refused at createVendor/updateVendor, who sees
`Vendor.webhookDeliveries`, `retryWebhookDelivery`, and a real server's dispatcher posting
what a placement queued."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from api.app import create_app
from api.background import policy_of
from api.settings import Settings
from models.operations.access import create_api_key
from models.operations.locations import create_vendor, update_vendor
from models.operations.webhooks import deliver_due
from models.rules.scopes import Role
from models.tables import Vendor, WebhookDelivery
from resolvers.ids import encode_id
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, order_input
from tests.support.servers import Receiver

SECRET = "whsec-do-not-leak-0042"

CREATE_VENDOR = """
mutation($input: CreateVendorInput!) {
  createVendor(input: $input) { vendor { code webhookUrl } userErrors { field message code } }
}
"""
UPDATE_VENDOR = """
mutation($input: UpdateVendorInput!) {
  updateVendor(input: $input) { vendor { code webhookUrl } userErrors { field message code } }
}
"""
DELIVERY_FIELDS = """
id event status attempts lastResponseStatus nextAttemptAt createdAt
attemptLog { attemptedAt responseStatus error durationMs }
"""
DELIVERIES = f"""
query($code: String!, $first: Int, $after: String, $last: Int) {{
  vendor(code: $code) {{
    webhookDeliveries(first: $first, after: $after, last: $last) {{
      totalCount
      pageInfo {{ hasNextPage hasPreviousPage endCursor }}
      edges {{ cursor node {{ {DELIVERY_FIELDS} }} }}
    }}
  }}
}}
"""
RETRY = f"""
mutation($input: RetryWebhookDeliveryInput!) {{
  retryWebhookDelivery(input: $input) {{
    webhookDelivery {{ {DELIVERY_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}
"""


@pytest.fixture
def webhook_allow_private() -> bool:
    """OMS_WEBHOOK_ALLOW_PRIVATE of this module's app: off, its default (a test that needs it
    on parametrizes it)."""
    return False


@pytest.fixture
async def app(db: Settings, webhook_allow_private: bool) -> Starlette:
    return create_app(dataclasses.replace(db, webhook_allow_private=webhook_allow_private))


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with Receiver().serve() as running:
        yield running


async def hooked(url: str) -> Network:
    network = await twin_cities({"MUG": (5, 5, 5)})
    await update_vendor(
        network.vendor.id, allow_private=True, webhook_url=url, webhook_secret=SECRET
    )
    return network


async def delivery_row(vendor: Vendor, status: str = "PENDING", attempts: int = 0) -> str:
    """A delivery as the dispatcher would leave it; its global id."""
    row = await WebhookDelivery.create(
        delivery_id=f"{vendor.code}-{await WebhookDelivery.all().count()}",
        vendor_id=vendor.id,
        event="fulfillment_order.assigned",
        body="{}",
        status=status,
        attempts=attempts,
        last_response_status=500 if attempts else None,
        next_attempt_at=datetime.now(UTC) if status == "PENDING" else None,
    )
    return encode_id("WebhookDelivery", row.id)


# --- URL safety when the URL is set ----------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:8080/hooks", "127.0.0.1, a loopback address"),
        ("http://localhost/hooks", "a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254, a link-local address"),
        ("http://10.0.0.7/hooks", "10.0.0.7, a private address"),
        ("http://192.168.1.20/hooks", "a private address"),
        ("http://[::1]:9000/hooks", "::1, a loopback address"),
        ("http://[::ffff:127.0.0.1]/hooks", "127.0.0.1, a loopback address"),
        ("http://0.0.0.0/hooks", "an unspecified address"),
        ("http://224.0.0.1/hooks", "a multicast address"),
        ("ftp://hooks.northwoods.example/oms", "http:// or https://"),
        ("http://256.1.1.1/hooks", "not a valid URL"),
        ("https://hooks.northwoods.example/o ms", "must not contain whitespace"),
        ("https://ops:pw@hooks.northwoods.example/oms", "must not carry credentials"),
    ],
)
async def test_create_vendor_refuses_urls_the_server_must_not_call(
    admin: Gql, url: str, why: str
) -> None:
    body = await admin(
        CREATE_VENDOR,
        {"input": {"code": "NW", "name": "Northwoods", "webhookUrl": url, "webhookSecret": SECRET}},
    )
    payload = body["createVendor"]
    assert payload["vendor"] is None
    (error,) = payload["userErrors"]
    assert (error["field"], error["code"]) == (["webhookUrl"], "INVALID")
    assert why in error["message"]
    assert SECRET not in json.dumps(body)
    assert await Vendor.all().count() == 0


async def test_update_vendor_refuses_them_and_keeps_the_url(admin: Gql) -> None:
    created = await admin.mutate(
        CREATE_VENDOR,
        {"input": {"code": "NW", "name": "Northwoods", "webhookUrl": "https://93.184.216.34/oms"}},
    )
    assert created["vendor"]["webhookUrl"] == "https://93.184.216.34/oms"
    vendor_id = encode_id("Vendor", (await Vendor.get(code="NW")).id)
    body = await admin(
        UPDATE_VENDOR,
        {"input": {"id": vendor_id, "webhookUrl": "http://169.254.169.254/latest/meta-data/"}},
    )
    (error,) = body["updateVendor"]["userErrors"]
    assert error["field"] == ["webhookUrl"]
    assert "link-local" in error["message"]
    assert (await Vendor.get(code="NW")).webhook_url == "https://93.184.216.34/oms"


@pytest.mark.parametrize("webhook_allow_private", [True])
async def test_private_urls_are_accepted_where_the_setting_allows_them(admin: Gql) -> None:
    payload = await admin.mutate(
        CREATE_VENDOR,
        {"input": {"code": "NW", "name": "Northwoods", "webhookUrl": "http://10.0.0.7/hooks"}},
    )
    assert payload["vendor"]["webhookUrl"] == "http://10.0.0.7/hooks"
    vendor_id = encode_id("Vendor", (await Vendor.get(code="NW")).id)
    updated = await admin.mutate(
        UPDATE_VENDOR, {"input": {"id": vendor_id, "webhookUrl": "http://127.0.0.1:9/hooks"}}
    )
    assert updated["vendor"]["webhookUrl"] == "http://127.0.0.1:9/hooks"


async def test_a_host_that_does_not_resolve_yet_is_accepted(admin: Gql) -> None:
    """DNS may not know the vendor's name yet; every send checks it again."""
    payload = await admin.mutate(
        CREATE_VENDOR,
        {"input": {"code": "NW", "name": "N", "webhookUrl": "https://hooks.northwoods.invalid/"}},
    )
    assert payload["vendor"]["webhookUrl"] == "https://hooks.northwoods.invalid/"


# --- deliveries as the API shows them ---------------------------------------------------


async def test_a_placed_order_is_posted_and_listed_for_the_vendor(
    admin: Gql, receiver: Receiver, db: Settings
) -> None:
    await hooked(receiver.url)
    receiver.failures = 1
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", 1), ("CHAIR", 1)])})
    number = placed["order"]["number"]
    policy = policy_of(dataclasses.replace(db, webhook_allow_private=True))
    start = datetime.now(UTC)

    async with httpx.AsyncClient(trust_env=False) as client:
        assert await deliver_due(start, client, policy) == 1
        assert await deliver_due(start + timedelta(seconds=10), client, policy) == 1

    first, second = receiver.requests
    assert first.body == second.body
    sent = json.loads(second.body)
    assert sent["order"]["number"] == number
    assert [(line["sku"], line["quantity"]) for line in sent["fulfillmentOrder"]["lines"]] == [
        ("CHAIR", 1)
    ]
    expected = hmac.new(SECRET.encode(), second.body, hashlib.sha256).hexdigest()
    assert second.headers["x-oms-signature"] == f"sha256={expected}"

    connection = (await admin(DELIVERIES, {"code": "NORTHWOODS"}))["vendor"]["webhookDeliveries"]
    assert connection["totalCount"] == 1
    (edge,) = connection["edges"]
    delivery = edge["node"]
    assert delivery["event"] == "fulfillment_order.assigned"
    assert (delivery["status"], delivery["attempts"], delivery["lastResponseStatus"]) == (
        "SUCCEEDED",
        2,
        200,
    )
    assert delivery["nextAttemptAt"] is None
    assert delivery["createdAt"]
    log = delivery["attemptLog"]
    assert [(a["responseStatus"], a["error"]) for a in log] == [
        (500, "the vendor answered HTTP 500"),
        (200, None),
    ]
    assert all(isinstance(a["durationMs"], int) for a in log)
    assert datetime.fromisoformat(log[1]["attemptedAt"]) == start + timedelta(seconds=10)
    order = await admin(
        "query($n: String) { order(number: $n) { fulfillmentOrders { id vendor { code } } } }",
        {"n": number},
    )
    (dropship,) = [fo for fo in order["order"]["fulfillmentOrders"] if fo["vendor"]]
    assert sent["fulfillmentOrder"]["id"] == dropship["id"]


async def test_deliveries_are_seen_by_admin_viewer_and_the_vendor_itself(
    keys: dict[str, str], as_key: Any
) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    lakeside = await create_vendor("LAKESIDE", "Lakeside")
    await delivery_row(network.vendor)
    await delivery_row(network.vendor, "FAILED", 8)
    await delivery_row(lakeside)
    _, northwoods_key = await create_api_key("nw", Role.VENDOR, vendor_id=network.vendor.id)
    _, lakeside_key = await create_api_key("lk", Role.VENDOR, vendor_id=lakeside.id)
    _, staff_key = await create_api_key("msp", Role.STAFF, location_ids=[network.msp.id])
    _, partner_key = await create_api_key("shop", Role.PARTNER, channel="web")
    listing = "{ vendors(first: 5) { nodes { code webhookDeliveries(first: 5) { totalCount } } } }"

    async def seen(secret: str) -> dict[str, int]:
        data = await as_key(secret)(listing)
        return {
            vendor["code"]: vendor["webhookDeliveries"]["totalCount"]
            for vendor in data["vendors"]["nodes"]
        }

    everything = {"NORTHWOODS": 2, "LAKESIDE": 1}
    assert await seen(keys["admin"]) == everything
    assert await seen(keys["viewer"]) == everything
    assert await seen(northwoods_key) == {"NORTHWOODS": 2, "LAKESIDE": 0}
    assert await seen(lakeside_key) == {"NORTHWOODS": 0, "LAKESIDE": 1}
    assert await seen(staff_key) == {"NORTHWOODS": 0, "LAKESIDE": 0}
    assert await seen(partner_key) == {"NORTHWOODS": 0, "LAKESIDE": 0}
    hidden = (await as_key(lakeside_key)(DELIVERIES, {"code": "NORTHWOODS"}))["vendor"]
    assert hidden["webhookDeliveries"]["edges"] == []


async def test_deliveries_are_paginated_oldest_first(admin: Gql) -> None:
    network = await twin_cities()
    ids = [await delivery_row(network.vendor) for _ in range(3)]

    async def page(**args: Any) -> dict[str, Any]:
        data = await admin(DELIVERIES, {"code": "NORTHWOODS", **args})
        return data["vendor"]["webhookDeliveries"]

    first = await page(first=2)
    assert [edge["node"]["id"] for edge in first["edges"]] == ids[:2]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await page(first=2, after=first["pageInfo"]["endCursor"])
    assert [edge["node"]["id"] for edge in rest["edges"]] == ids[2:]
    assert [edge["node"]["id"] for edge in (await page(last=1))["edges"]] == ids[2:]
    assert (await admin.raw(DELIVERIES, {"code": "NORTHWOODS", "first": 251}))["errors"]


# --- retryWebhookDelivery ---------------------------------------------------------------


async def test_admin_retries_a_failed_delivery(admin: Gql) -> None:
    network = await twin_cities()
    failed = await delivery_row(network.vendor, "FAILED", 8)
    before = datetime.now(UTC)
    payload = await admin.mutate(RETRY, {"input": {"id": failed}})
    delivery = payload["webhookDelivery"]
    assert (delivery["id"], delivery["status"], delivery["attempts"]) == (failed, "PENDING", 8)
    assert before <= datetime.fromisoformat(delivery["nextAttemptAt"]) <= datetime.now(UTC)
    assert delivery["attemptLog"] == []

    pending = await admin.mutate(RETRY, {"input": {"id": failed}})
    assert pending["webhookDelivery"]["status"] == "PENDING"


async def test_retry_refuses_what_cannot_be_retried(admin: Gql) -> None:
    network = await twin_cities()
    succeeded = await delivery_row(network.vendor, "SUCCEEDED", 1)
    body = await admin(RETRY, {"input": {"id": succeeded}})
    (error,) = body["retryWebhookDelivery"]["userErrors"]
    assert (error["code"], error["field"]) == ("INVALID_TRANSITION", ["id"])
    assert "already succeeded" in error["message"]

    body = await admin(RETRY, {"input": {"id": encode_id("Vendor", network.vendor.id)}})
    assert body["retryWebhookDelivery"]["userErrors"][0]["code"] == "INVALID"
    body = await admin(RETRY, {"input": {"id": encode_id("WebhookDelivery", 999)}})
    assert body["retryWebhookDelivery"]["userErrors"][0]["code"] == "NOT_FOUND"


@pytest.mark.parametrize("role", [Role.VIEWER, Role.VENDOR, Role.STAFF, Role.PARTNER])
async def test_only_admin_may_retry(as_key: Any, role: Role) -> None:
    network = await twin_cities()
    failed = await delivery_row(network.vendor, "FAILED", 8)
    scope: dict[str, Any] = {
        Role.VIEWER: {},
        Role.VENDOR: {"vendor_id": network.vendor.id},
        Role.STAFF: {"location_ids": [network.msp.id]},
        Role.PARTNER: {"channel": "web"},
    }[role]
    _, secret = await create_api_key("someone", role, **scope)
    body = await as_key(secret).raw(RETRY, {"input": {"id": failed}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert (await WebhookDelivery.get(vendor_id=network.vendor.id)).status == "FAILED"


# --- the secret -------------------------------------------------------------------------


async def test_the_secret_is_never_returned(admin: Gql, receiver: Receiver, db: Settings) -> None:
    await hooked(receiver.url)
    receiver.failures = 1
    await admin.mutate(PLACE, {"input": order_input([("CHAIR", 1)])})
    policy = policy_of(dataclasses.replace(db, webhook_allow_private=True))
    async with httpx.AsyncClient(trust_env=False) as client:
        assert await deliver_due(datetime.now(UTC), client, policy) == 1
    everything = await admin(DELIVERIES, {"code": "NORTHWOODS"})
    assert everything["vendor"]["webhookDeliveries"]["totalCount"] == 1
    assert SECRET not in json.dumps(everything)
    assert SECRET not in receiver.requests[0].body.decode()

    types = await admin("{ __schema { types { name kind fields { name } } } }")
    readable = {
        f"{t['name']}.{f['name']}"
        for t in types["__schema"]["types"]
        if t["kind"] in ("OBJECT", "INTERFACE")
        for f in t["fields"] or []
        if "secret" in f["name"].lower()
    }
    # The one secret ever shown is a new API key's, once, by createApiKey.
    assert readable == {"CreateApiKeyPayload.secret"}


# --- the dispatcher inside a real server ------------------------------------------------


@pytest.fixture
def fast_private_webhooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live server's environment: loopback receivers allowed, polled every 0.2 s."""
    monkeypatch.setenv("OMS_WEBHOOK_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("OMS_WEBHOOK_POLL_SECONDS", "0.2")


@pytest.fixture
async def dispatching_server(fast_private_webhooks: None, live_server: str) -> str:
    return live_server


async def test_the_server_posts_a_placement_in_the_background(
    dispatching_server: str, keys: dict[str, str], receiver: Receiver
) -> None:
    """uvicorn runs the dispatcher (two workers on PostgreSQL + Redis: sent once)."""
    await hooked(receiver.url)
    async with httpx.AsyncClient(base_url=dispatching_server, trust_env=False) as client:
        response = await client.post(
            "/graphql",
            json={"query": PLACE, "variables": {"input": order_input([("CHAIR", 1)])}},
            headers={"Authorization": f"Bearer {keys['admin']}"},
        )
    assert response.json()["data"]["placeOrder"]["userErrors"] == []
    for _ in range(150):
        if (await WebhookDelivery.get()).status == "SUCCEEDED":
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)  # time for a second, wrong, send to show up

    (request,) = receiver.requests
    delivery = await WebhookDelivery.get()
    assert (delivery.status, delivery.attempts) == ("SUCCEEDED", 1)
    assert request.headers["x-oms-delivery"] == delivery.delivery_id
    assert request.headers["x-oms-signature"] == (
        "sha256=" + hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    )
