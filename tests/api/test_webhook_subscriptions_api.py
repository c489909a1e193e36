"""Webhooks for everyone (issue 13.4) through the API and real receivers: a vendor's
webhookUrl hears cancellations and cancellation requests of its work, in order and signed;
a PARTNER's subscription hears its channel's orders and nothing of another channel; a
VENDOR subscribes to its own work only; one order's deliveries to one URL wait for each
other."""

from __future__ import annotations

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
from models.operations.webhooks import DeliveryPolicy, deliver_due
from models.rules.scopes import Role
from models.tables import WebhookDelivery
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, order_input
from tests.support.servers import Received, Receiver

VENDOR_SECRET = "whsec-northwoods-0001"
PARTNER_SECRET = "whsec-partner-app-0001"

SUBSCRIBE = """mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    webhookSubscription { id url topics createdAt } userErrors { field message code } } }"""
DELETE = """mutation($id: ID!) { deleteWebhookSubscription(input: {id: $id}) {
  deletedId userErrors { field message code } } }"""
LIST = "{ webhookSubscriptions(first: 10) { totalCount nodes { id url topics } } }"
FO_IDS = (
    """query($n: String) { order(number: $n) { id fulfillmentOrders { id vendor { code } } } }"""
)
ACCEPT_WORK = """mutation($id: ID!) { acceptFulfillmentOrder(input: {id: $id}) {
  fulfillmentOrder { status } userErrors { message } } }"""
CANCEL = """mutation($o: ID!) { cancelOrder(input: {orderId: $o, reason: CUSTOMER}) {
  order { status } userErrors { message } } }"""
ACCEPT = """mutation($id: ID!) { acceptCancellationRequest(input: {fulfillmentOrderId: $id}) {
  fulfillmentOrder { status } userErrors { message } } }"""
REJECT = """mutation($id: ID!) { rejectCancellationRequest(input: {fulfillmentOrderId: $id,
  message: "on the truck"}) { fulfillmentOrder { status } userErrors { message } } }"""


@pytest.fixture
async def app(db: Settings) -> Starlette:
    """Receivers listen on loopback: allowed as with OMS_WEBHOOK_ALLOW_PRIVATE=true."""
    return create_app(dataclasses.replace(db, webhook_allow_private=True))


@pytest.fixture
def policy(db: Settings) -> DeliveryPolicy:
    return policy_of(dataclasses.replace(db, webhook_allow_private=True))


@pytest.fixture
async def vendor_hook() -> AsyncIterator[Receiver]:
    async with Receiver().serve() as running:
        yield running


@pytest.fixture
async def partner_hook() -> AsyncIterator[Receiver]:
    async with Receiver().serve() as running:
        yield running


async def send_all(policy: DeliveryPolicy, start: datetime, passes: int = 30) -> datetime:
    """Dispatcher passes a second apart until nothing is due; the clock it reached."""
    now = start
    async with httpx.AsyncClient(trust_env=False) as client:
        for _ in range(passes):
            if not await deliver_due(now, client, policy):
                break
            now += timedelta(seconds=1)
    return now


def signed(request: Received, secret: str) -> dict[str, Any]:
    """The body, after checking its signature as a receiver would."""
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["x-oms-signature"], expected)
    body = json.loads(request.body)
    assert request.headers["x-oms-event"] == body["event"]
    assert request.headers["x-oms-delivery"] == body["deliveryId"]
    return body


async def placed(admin: Gql, lines: list[tuple[str, int]], **extra: Any) -> dict[str, Any]:
    number = (await admin.mutate(PLACE, {"input": order_input(lines, **extra)}))["order"]["number"]
    return (await admin(FO_IDS, {"n": number}))["order"] | {"number": number}


def dropship(order: dict[str, Any]) -> str:
    (fo,) = [fo["id"] for fo in order["fulfillmentOrders"] if fo["vendor"]]
    return fo


async def test_a_vendor_hears_of_cancellations_and_requests_in_order(
    admin: Gql, vendor_hook: Receiver, policy: DeliveryPolicy
) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    await update_vendor(
        network.vendor.id,
        allow_private=True,
        webhook_url=vendor_hook.url,
        webhook_secret=VENDOR_SECRET,
    )
    # OPEN work: cancelled at once.
    first = await placed(admin, [("CHAIR", 1)])
    await admin.mutate(CANCEL, {"o": first["id"]})
    # Accepted work: asked first; the vendor accepts one request and rejects another.
    agreed, refused = await placed(admin, [("CHAIR", 1)]), await placed(admin, [("CHAIR", 2)])
    for order, answer in ((agreed, ACCEPT), (refused, REJECT)):
        await admin.mutate(ACCEPT_WORK, {"id": dropship(order)})
        await admin.mutate(CANCEL, {"o": order["id"]})
        await admin.mutate(answer, {"id": dropship(order)})

    await send_all(policy, datetime.now(UTC))

    heard: dict[str, list[tuple[str, str]]] = {}
    for request in vendor_hook.requests:
        body = signed(request, VENDOR_SECRET)
        assert body["fulfillmentOrder"]["vendor"]["code"] == "NORTHWOODS"
        heard.setdefault(body["order"]["number"], []).append(
            (body["event"], body["fulfillmentOrder"]["status"])
        )
    assert heard == {
        first["number"]: [
            ("fulfillment_order.assigned", "OPEN"),
            ("fulfillment_order.cancelled", "CANCELLED"),
        ],
        agreed["number"]: [
            ("fulfillment_order.assigned", "OPEN"),
            ("fulfillment_order.cancellation_requested", "ACCEPTED"),
            ("fulfillment_order.cancelled", "CANCELLED"),
        ],
        refused["number"]: [
            ("fulfillment_order.assigned", "OPEN"),
            ("fulfillment_order.cancellation_requested", "ACCEPTED"),
        ],
    }
    # Store work (MUG) is no business of the vendor's webhookUrl.
    await placed(admin, [("MUG", 1)])
    assert await WebhookDelivery.filter(status="PENDING").count() == 0


async def test_one_orders_deliveries_wait_for_the_one_before(
    admin: Gql, vendor_hook: Receiver, policy: DeliveryPolicy
) -> None:
    network = await twin_cities()
    await update_vendor(
        network.vendor.id, allow_private=True, webhook_url=vendor_hook.url, webhook_secret=None
    )
    order = await placed(admin, [("CHAIR", 1)])
    await admin.mutate(CANCEL, {"o": order["id"]})
    vendor_hook.failures = 1
    start = datetime.now(UTC)
    async with httpx.AsyncClient(trust_env=False) as client:
        # The assignment fails and backs off 10 s: the cancellation, due as well, waits.
        assert await deliver_due(start, client, policy) == 1
        assert await deliver_due(start + timedelta(seconds=5), client, policy) == 0
        assert await deliver_due(start + timedelta(seconds=10), client, policy) == 1
        assert await deliver_due(start + timedelta(seconds=11), client, policy) == 1
    events = [json.loads(r.body)["event"] for r in vendor_hook.requests]
    assert events == [
        "fulfillment_order.assigned",
        "fulfillment_order.assigned",
        "fulfillment_order.cancelled",
    ]


async def test_a_partner_hears_of_its_channel_only(
    as_key: Any, admin: Gql, partner_hook: Receiver, policy: DeliveryPolicy
) -> None:
    await twin_cities({"MUG": (5, 5, 5)})
    _, partner_secret = await create_api_key("web shop", Role.PARTNER, channel="web")
    partner = as_key(partner_secret)
    created = await partner.mutate(
        SUBSCRIBE,
        {
            "input": {
                "url": partner_hook.url,
                "secret": PARTNER_SECRET,
                "topics": ["ORDER_CREATED", "ORDER_CANCELLED", "FULFILLMENT_ORDER_ASSIGNED"],
            }
        },
    )
    subscription = created["webhookSubscription"]
    assert subscription["topics"] == [
        "FULFILLMENT_ORDER_ASSIGNED",
        "ORDER_CANCELLED",
        "ORDER_CREATED",
    ]
    assert "secret" not in json.dumps(created).lower().replace(PARTNER_SECRET.lower(), "")
    assert PARTNER_SECRET not in json.dumps(created)

    ours = await placed(admin, [("MUG", 1), ("CHAIR", 1)])
    theirs = await placed(admin, [("MUG", 1)], channel="pos")
    await admin.mutate(CANCEL, {"o": ours["id"]})
    await admin.mutate(CANCEL, {"o": theirs["id"]})
    await send_all(policy, datetime.now(UTC))

    bodies = [signed(request, PARTNER_SECRET) for request in partner_hook.requests]
    assert {body["order"]["channel"] for body in bodies} == {"web"}
    events = [body["event"] for body in bodies]
    assert events[0] == "order.created"
    assert sorted(events) == sorted(
        [
            "order.created",
            "fulfillment_order.assigned",
            "fulfillment_order.assigned",
            "order.cancelled",
        ]
    )
    assert events[-1] == "order.cancelled"
    assert bodies[-1]["order"]["status"] == "CANCELLED"
    assert {body["order"]["number"] for body in bodies} == {ours["number"]}

    # Another PARTNER key neither lists nor deletes it; the ADMIN lists every one.
    _, other_secret = await create_api_key("marketplace", Role.PARTNER, channel="pos")
    other = as_key(other_secret)
    assert (await other(LIST))["webhookSubscriptions"]["totalCount"] == 0
    refused = (await other(DELETE, {"id": subscription["id"]}))["deleteWebhookSubscription"]
    assert refused["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await admin(LIST))["webhookSubscriptions"]["totalCount"] == 1
    assert (await partner.mutate(DELETE, {"id": subscription["id"]}))["deletedId"]
    assert (await partner(LIST))["webhookSubscriptions"]["totalCount"] == 0


async def test_a_vendor_subscribes_to_its_own_work_only(
    as_key: Any, admin: Gql, partner_hook: Receiver, policy: DeliveryPolicy
) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    lakeside = await create_vendor("LAKESIDE", "Lakeside")
    _, own_secret = await create_api_key("nw", Role.VENDOR, vendor_id=network.vendor.id)
    _, other_secret = await create_api_key("lk", Role.VENDOR, vendor_id=lakeside.id)
    vendor = as_key(own_secret)
    wide = await vendor(
        SUBSCRIBE,
        {"input": {"url": partner_hook.url, "secret": VENDOR_SECRET, "topics": ["ORDER_CREATED"]}},
    )
    (error,) = wide["createWebhookSubscription"]["userErrors"]
    assert (error["field"], error["code"]) == (["topics"], "INVALID")
    assert "ORDER_CREATED" in error["message"]
    for secret in (own_secret, other_secret):
        await as_key(secret).mutate(
            SUBSCRIBE,
            {
                "input": {
                    "url": partner_hook.url,
                    "secret": VENDOR_SECRET,
                    "topics": ["FULFILLMENT_ORDER_ASSIGNED"],
                }
            },
        )
    order = await placed(admin, [("MUG", 1), ("CHAIR", 1)])
    await send_all(policy, datetime.now(UTC))
    (request,) = partner_hook.requests  # NORTHWOODS's chair; not the store's mug, not LAKESIDE
    body = signed(request, VENDOR_SECRET)
    assert body["fulfillmentOrder"]["id"] == dropship(order)
    assert body["fulfillmentOrder"]["vendor"]["code"] == "NORTHWOODS"


async def test_subscription_urls_are_guarded(admin: Gql, db: Settings) -> None:
    app = create_app(db)  # OMS_WEBHOOK_ALLOW_PRIVATE off
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        guarded = Gql(client, admin.secret)
        body = await guarded(
            SUBSCRIBE,
            {
                "input": {
                    "url": "http://169.254.169.254/latest/meta-data/",
                    "secret": PARTNER_SECRET,
                    "topics": ["ORDER_CREATED"],
                }
            },
        )
    (error,) = body["createWebhookSubscription"]["userErrors"]
    assert (error["field"], error["code"]) == (["url"], "INVALID")
    assert "link-local" in error["message"]
    short = await admin(
        SUBSCRIBE,
        {
            "input": {
                "url": "https://93.184.216.34/h",
                "secret": "short",
                "topics": ["ORDER_CREATED"],
            }
        },
    )
    assert short["createWebhookSubscription"]["userErrors"][0]["field"] == ["secret"]


LIFE = {
    "accept": """mutation($id: ID!) { acceptFulfillmentOrder(input: {id: $id}) {
      userErrors { message } } }""",
    "ship": """mutation($id: ID!) { shipFulfillmentOrder(input: {id: $id}) {
      shipment { id } userErrors { message } } }""",
    "deliver": """mutation($id: ID!) { markShipmentDelivered(input: {shipmentId: $id}) {
      userErrors { message } } }""",
    "lines": """query($n: String) { order(number: $n) { lines { id } } }""",
    "return": """mutation($o: ID!, $l: ID!) { requestReturn(input: {orderId: $o,
      lines: [{orderLineId: $l, quantity: 1}]}) { userErrors { message } } }""",
}


async def test_shipments_and_returns_reach_their_topics_in_order(
    admin: Gql, partner_hook: Receiver, policy: DeliveryPolicy
) -> None:
    await twin_cities({"MUG": (5, 5, 5)})
    topics = ["SHIPMENT_CREATED", "SHIPMENT_DELIVERED", "RETURN_REQUESTED", "ORDER_CREATED"]
    await admin.mutate(
        SUBSCRIBE, {"input": {"url": partner_hook.url, "secret": PARTNER_SECRET, "topics": topics}}
    )
    order = await placed(admin, [("MUG", 1)])
    (fo,) = order["fulfillmentOrders"]
    await admin.mutate(LIFE["accept"], {"id": fo["id"]})
    shipment = (await admin.mutate(LIFE["ship"], {"id": fo["id"]}))["shipment"]
    await admin.mutate(LIFE["deliver"], {"id": shipment["id"]})
    (line,) = (await admin(LIFE["lines"], {"n": order["number"]}))["order"]["lines"]
    await admin.mutate(LIFE["return"], {"o": order["id"], "l": line["id"]})
    await send_all(policy, datetime.now(UTC))

    bodies = [signed(request, PARTNER_SECRET) for request in partner_hook.requests]
    assert [body["event"] for body in bodies] == [
        "order.created",
        "shipment.created",
        "shipment.delivered",
        "return.requested",
    ]
    assert bodies[1]["fulfillmentOrder"]["id"] == fo["id"]
    assert {body["order"]["number"] for body in bodies} == {order["number"]}
