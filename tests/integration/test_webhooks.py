"""Vendor webhooks against the real database and a real HTTP receiver: the delivery is
written in the assigning transaction, sent signed, retried with backoff through an explicit
clock, recorded attempt by attempt, and refused for private addresses."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from tortoise.exceptions import IntegrityError

from api.background import policy_of
from api.settings import Settings
from models import sql
from models.errors import DomainError, ErrorCode
from models.operations import webhook_queue, webhooks
from models.operations.locations import update_vendor
from models.operations.placement import place_order
from models.operations.webhooks import DeliveryPolicy, deliver_due, retry_delivery
from models.rules.ids import global_id
from models.rules.scopes import SYSTEM
from models.rules.webhooks import backoff, signature
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    Order,
    OrderLine,
    WebhookDelivery,
    WebhookDeliveryAttempt,
)
from tests.support.factories import Network, twin_cities, web_order
from tests.support.servers import Receiver

SECRET = "whsec-northwoods-1"


# --- a vendor's endpoint, on a real port ------------------------------------------------


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with Receiver().serve() as running:
        yield running


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


@pytest.fixture
def private_ok(db: Settings) -> DeliveryPolicy:
    """The receiver is on loopback: allowed only as with OMS_WEBHOOK_ALLOW_PRIVATE=true."""
    return policy_of(dataclasses.replace(db, webhook_allow_private=True))


# --- helpers ----------------------------------------------------------------------------


async def hooked_network(url: str | None, secret: str | None = SECRET) -> Network:
    """twin_cities, with NORTHWOODS (which gets CHAIR by a DROP_SHIP rule) posting to `url`."""
    network = await twin_cities({"MUG": (5, 5, 5), "HAT": (0, 0, 0)})
    if url is not None:
        await update_vendor(
            network.vendor.id, allow_private=True, webhook_url=url, webhook_secret=secret
        )
    return network


async def place(*lines: tuple[str, int]) -> Order:
    return (await place_order(web_order(*lines), SYSTEM)).order


async def the_delivery() -> WebhookDelivery:
    (delivery,) = await WebhookDelivery.all()
    return delivery


async def attempt_log(delivery: WebhookDelivery) -> list[WebhookDeliveryAttempt]:
    return list(await WebhookDeliveryAttempt.filter(delivery_id=delivery.id).order_by("id"))


# --- enqueue ----------------------------------------------------------------------------


async def test_an_assignment_to_a_hooked_vendor_queues_the_exact_body(db: Settings) -> None:
    network = await hooked_network("https://hooks.northwoods.example/oms")
    before = datetime.now(UTC)
    order = await place(("MUG", 1), ("CHAIR", 2))

    delivery = await the_delivery()
    fulfillment = await FulfillmentOrder.get(vendor_id=network.vendor.id)
    assert delivery.vendor_id == network.vendor.id  # type: ignore[attr-defined]
    assert delivery.event == "fulfillment_order.assigned"
    assert delivery.status == "PENDING"
    assert delivery.attempts == 0
    assert len(delivery.delivery_id) == 32 and int(delivery.delivery_id, 16) >= 0
    assert before <= delivery.next_attempt_at <= datetime.now(UTC)

    body = json.loads(delivery.body)
    assert body["event"] == "fulfillment_order.assigned"
    sent = body["fulfillmentOrder"]
    assert sent["id"] == global_id("FulfillmentOrder", fulfillment.id)
    assert sent["status"] == "OPEN"
    assert sent["assignedAt"] == fulfillment.assigned_at.isoformat()
    assert sent["acceptBy"] == fulfillment.accept_by.isoformat()
    assert "Furniture via Northwoods" in sent["routingReason"]
    assert sent["vendor"] == {"id": global_id("Vendor", network.vendor.id), "code": "NORTHWOODS"}
    (line,) = sent["lines"]
    assert (line["sku"], line["quantity"]) == ("CHAIR", 2)
    chair_line = await OrderLine.get(order_id=order.id, sku="CHAIR")
    assert line["orderLineId"] == global_id("OrderLine", chair_line.id)
    fulfillment_line = await FulfillmentOrderLine.get(fulfillment_order_id=fulfillment.id)
    assert line["id"] == global_id("FulfillmentOrderLine", fulfillment_line.id)
    assert body["order"]["number"] == order.number
    assert body["order"]["id"] == global_id("Order", order.id)
    assert body["order"]["channel"] == "web"
    assert body["order"]["deliveryMethod"] == "SHIP"
    assert body["order"]["customer"] == {"email": "ada@example.com", "name": "Ada Lovelace"}
    address = body["order"]["shippingAddress"]
    assert (address["line1"], address["city"], address["postalCode"]) == (
        "250 Marquette Ave",
        "Minneapolis",
        "55401",
    )
    assert address["countryCode"] == "US"


async def test_nothing_is_queued_without_a_webhook_url(db: Settings) -> None:
    await hooked_network(None)
    await place(("MUG", 1), ("CHAIR", 1))
    assert await FulfillmentOrder.all().count() == 2
    assert await WebhookDelivery.all().count() == 0


async def test_store_assignments_queue_nothing(db: Settings) -> None:
    await hooked_network("https://hooks.northwoods.example/oms")
    await place(("MUG", 2))
    assert await WebhookDelivery.all().count() == 0


async def test_a_placements_delivery_is_built_as_a_later_change_reads_it(db: Settings) -> None:
    """A placement builds its assignment's body from what it writes; a later event reads
    the fulfillment order back: both tell the same."""
    await hooked_network("https://hooks.northwoods.example/oms")
    placed = await place(("CHAIR", 2))
    (fo,) = await FulfillmentOrder.all()
    delivery = await the_delivery()
    live = await webhook_queue.destinations()
    read_back = await webhook_queue._fulfillment_order_body(fo, live)
    assert json.loads(delivery.body)["fulfillmentOrder"] == read_back
    assert read_back["lines"][0]["quantity"] == 2 and read_back["vendor"]["code"] == "NORTHWOODS"
    assert placed.id == delivery.order_id


async def test_a_placement_that_fails_leaves_no_delivery(
    db: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deliveries go in the placement's one write: when that write fails (here at the
    deliveries themselves, a delivery id written twice), nothing of it remains, the
    drop-ship assignment and its delivery included."""
    await hooked_network("https://hooks.northwoods.example/oms")
    built: list[int] = []
    new_order_deliveries = webhook_queue.new_order_deliveries

    def twice(*args: Any, **kwargs: Any) -> sql.Insert:
        deliveries = new_order_deliveries(*args, **kwargs)
        built.append(len(deliveries.rows))
        return replace(deliveries, rows=[*deliveries.rows, *deliveries.rows])

    monkeypatch.setattr(webhook_queue, "new_order_deliveries", twice)
    with pytest.raises(IntegrityError):
        await place(("CHAIR", 1))
    assert built == [1]  # the drop-ship assignment's
    assert await WebhookDelivery.all().count() == 0
    assert await Order.all().count() == 0
    assert await FulfillmentOrder.all().count() == 0


# --- sending ----------------------------------------------------------------------------


async def test_a_delivery_is_posted_signed_and_succeeds(
    receiver: Receiver, http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    delivery = await the_delivery()
    now = datetime.now(UTC)

    assert await deliver_due(now, http, private_ok) == 1

    (request,) = receiver.requests
    assert request.body == delivery.body.encode()
    expected = hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["x-oms-signature"] == f"sha256={expected}"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-oms-event"] == "fulfillment_order.assigned"
    assert request.headers["x-oms-delivery"] == delivery.delivery_id
    assert request.headers["host"] == f"127.0.0.1:{receiver.port}"
    assert SECRET not in json.dumps(request.headers)

    delivery = await the_delivery()
    assert (delivery.status, delivery.attempts, delivery.last_response_status) == (
        "SUCCEEDED",
        1,
        200,
    )
    assert delivery.next_attempt_at is None
    (attempt,) = await attempt_log(delivery)
    assert (attempt.response_status, attempt.error, attempt.attempted_at) == (200, None, now)
    assert attempt.duration_ms >= 0
    assert await deliver_due(now + timedelta(hours=2), http, private_ok) == 0


async def test_without_a_secret_there_is_no_signature_header(
    receiver: Receiver, http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    await hooked_network(receiver.url, secret=None)
    await place(("CHAIR", 1))
    assert await deliver_due(datetime.now(UTC), http, private_ok) == 1
    (request,) = receiver.requests
    assert "x-oms-signature" not in request.headers
    assert (await the_delivery()).status == "SUCCEEDED"


async def test_the_current_secret_signs_a_pending_delivery(
    receiver: Receiver, http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    network = await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    await update_vendor(network.vendor.id, webhook_secret="rotated")
    assert await deliver_due(datetime.now(UTC), http, private_ok) == 1
    (request,) = receiver.requests
    assert request.headers["x-oms-signature"] == signature("rotated", request.body)


async def test_failures_are_retried_with_exponential_backoff(
    receiver: Receiver, http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    receiver.failures = 2
    start = datetime.now(UTC)

    assert await deliver_due(start, http, private_ok) == 1
    delivery = await the_delivery()
    assert (delivery.status, delivery.attempts, delivery.last_response_status) == (
        "PENDING",
        1,
        500,
    )
    assert delivery.next_attempt_at == start + timedelta(seconds=10)
    assert "HTTP 500" in delivery.last_error

    assert await deliver_due(start + timedelta(seconds=9), http, private_ok) == 0
    assert await deliver_due(start + timedelta(seconds=10), http, private_ok) == 1
    assert (await the_delivery()).next_attempt_at == start + timedelta(seconds=30)
    assert await deliver_due(start + timedelta(seconds=29), http, private_ok) == 0
    assert await deliver_due(start + timedelta(seconds=30), http, private_ok) == 1

    delivery = await the_delivery()
    assert (delivery.status, delivery.attempts, delivery.last_response_status) == (
        "SUCCEEDED",
        3,
        200,
    )
    assert delivery.last_error is None
    log = await attempt_log(delivery)
    assert [(a.response_status, a.attempted_at - start) for a in log] == [
        (500, timedelta(0)),
        (500, timedelta(seconds=10)),
        (200, timedelta(seconds=30)),
    ]
    assert [a.error is None for a in log] == [False, False, True]
    # The same delivery each time: one id, one body, one signature.
    assert len({r.headers["x-oms-delivery"] for r in receiver.requests}) == 1
    assert len({r.body for r in receiver.requests}) == 1


async def test_a_delivery_fails_after_the_maximum_attempts(
    receiver: Receiver, http: httpx.AsyncClient, db: Settings
) -> None:
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    receiver.failures = 100
    policy = policy_of(dataclasses.replace(db, webhook_allow_private=True, webhook_max_attempts=3))
    now = datetime.now(UTC)
    for _ in range(3):
        assert await deliver_due(now, http, policy) == 1
        now = (await the_delivery()).next_attempt_at or now

    delivery = await the_delivery()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("FAILED", 3, None)
    assert len(await attempt_log(delivery)) == 3
    assert await deliver_due(now + timedelta(days=1), http, policy) == 0
    assert len(receiver.requests) == 3


async def test_no_answer_in_time_is_a_failed_attempt(
    receiver: Receiver, http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    receiver.delay = 1.0
    now = datetime.now(UTC)
    hurried = dataclasses.replace(private_ok, answer_within=0.2)

    assert await deliver_due(now, http, hurried) == 1

    delivery = await the_delivery()
    (attempt,) = await attempt_log(delivery)
    assert attempt.response_status is None
    assert attempt.error == "no answer within 0.2 s"
    assert 150 <= attempt.duration_ms < 1000
    assert (delivery.status, delivery.next_attempt_at) == ("PENDING", now + backoff(1))


async def test_concurrent_dispatchers_send_each_attempt_once(
    receiver: Receiver, http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    now = datetime.now(UTC)
    sent = await asyncio.gather(*(deliver_due(now, http, private_ok) for _ in range(4)))
    assert sum(sent) == 1
    assert len(receiver.requests) == 1
    assert (await the_delivery()).attempts == 1


async def test_a_claimed_delivery_is_not_due_until_its_lease_ends(
    http: httpx.AsyncClient, db: Settings
) -> None:
    """A process that died mid-send leaves its claim: another sends after the lease."""
    await hooked_network("https://hooks.northwoods.example/oms")
    await place(("CHAIR", 1))
    now = datetime.now(UTC)
    delivery = await the_delivery()
    assert await webhooks._claim(delivery, now)
    assert await deliver_due(now + webhooks.CLAIM_LEASE - timedelta(seconds=1), http) == 0
    assert (await the_delivery()).next_attempt_at == now + webhooks.CLAIM_LEASE


# --- URL safety at send time ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1:{port}/hooks/oms", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.1.2.3/hooks", "private"),
    ],
)
async def test_private_addresses_are_refused_when_sending(
    receiver: Receiver, http: httpx.AsyncClient, db: Settings, url: str, kind: str
) -> None:
    """Set while private addresses were allowed; sent by a server that refuses them."""
    await hooked_network(url.format(port=receiver.port))
    await place(("CHAIR", 1))
    now = datetime.now(UTC)

    assert await deliver_due(now, http, policy_of(db)) == 1

    assert receiver.requests == []
    delivery = await the_delivery()
    (attempt,) = await attempt_log(delivery)
    assert attempt.response_status is None
    assert kind in attempt.error and "OMS_WEBHOOK_ALLOW_PRIVATE" in attempt.error
    assert SECRET not in attempt.error
    assert (delivery.status, delivery.attempts) == ("PENDING", 1)


async def test_a_name_is_called_at_the_address_that_was_checked(
    receiver: Receiver,
    http: httpx.AsyncClient,
    private_ok: DeliveryPolicy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The connection goes to the looked-up address (no second lookup to rebind), and the
    Host header still names the vendor's host."""
    lookups: list[str] = []

    async def lookup(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    monkeypatch.setattr(webhooks, "lookup", lookup)
    await hooked_network(f"http://hooks.northwoods.test:{receiver.port}/hooks/oms")
    await place(("CHAIR", 1))
    assert await deliver_due(datetime.now(UTC), http, private_ok) == 1
    (request,) = receiver.requests
    assert request.headers["host"] == f"hooks.northwoods.test:{receiver.port}"
    assert lookups[-1] == "hooks.northwoods.test"
    assert (await the_delivery()).status == "SUCCEEDED"


async def test_one_private_address_among_public_ones_is_refused(
    http: httpx.AsyncClient, db: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def lookup(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "127.0.0.1"]

    monkeypatch.setattr(webhooks, "lookup", lookup)
    await hooked_network("https://hooks.northwoods.test/oms")
    await place(("CHAIR", 1))
    assert await deliver_due(datetime.now(UTC), http, policy_of(db)) == 1
    (attempt,) = await attempt_log(await the_delivery())
    assert "127.0.0.1, a loopback address" in attempt.error


async def test_a_cleared_url_fails_the_attempt(
    http: httpx.AsyncClient, private_ok: DeliveryPolicy
) -> None:
    network = await hooked_network("https://hooks.northwoods.example/oms")
    await place(("CHAIR", 1))
    await update_vendor(network.vendor.id, webhook_url=None)
    assert await deliver_due(datetime.now(UTC), http, private_ok) == 1
    (attempt,) = await attempt_log(await the_delivery())
    assert attempt.error == "vendor NORTHWOODS has no webhookUrl now"


# --- by hand ------------------------------------------------------------------------------


async def test_retry_makes_a_failed_delivery_due_for_one_more_attempt(
    receiver: Receiver, http: httpx.AsyncClient, db: Settings
) -> None:
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    receiver.failures = 1
    policy = policy_of(dataclasses.replace(db, webhook_allow_private=True, webhook_max_attempts=1))
    now = datetime.now(UTC)
    assert await deliver_due(now, http, policy) == 1
    delivery = await the_delivery()
    assert delivery.status == "FAILED"

    later = now + timedelta(hours=3)
    retried = await retry_delivery(delivery.id, later)
    assert (retried.status, retried.next_attempt_at, retried.attempts) == ("PENDING", later, 1)
    assert await deliver_due(later, http, policy) == 1
    assert (await the_delivery()).status == "SUCCEEDED"

    with pytest.raises(DomainError) as refused:
        await retry_delivery(delivery.id, later)
    assert refused.value.code is ErrorCode.INVALID_TRANSITION
    with pytest.raises(DomainError) as missing:
        await retry_delivery(delivery.id + 100, later)
    assert missing.value.code is ErrorCode.NOT_FOUND


async def test_pending_deliveries_wait_in_the_database_for_any_process(
    receiver: Receiver, private_ok: DeliveryPolicy
) -> None:
    """Nothing lives in memory: a client (or process) that never saw the placement sends."""
    await hooked_network(receiver.url)
    await place(("CHAIR", 1))
    async with httpx.AsyncClient(trust_env=False) as fresh:
        assert await deliver_due(datetime.now(UTC), fresh, private_ok) == 1
    assert len(receiver.requests) == 1
