"""Vendor webhooks: a delivery is written in the same transaction that assigns a
fulfillment order to a vendor, and the dispatcher POSTs due deliveries, signed, retrying
with backoff and recording every attempt.

Delivery is at least once: a process that dies after the vendor answered but before the
outcome was recorded sends again once its claim expires, so vendors deduplicate on
`X-OMS-Delivery`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import httpx
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.rules.ids import global_id
from models.rules.routing.reasons import assignee_reason
from models.rules.webhooks import (
    DEFAULT_MAX_ATTEMPTS,
    address_problem,
    backoff,
    signature,
    url_problem,
)
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    Order,
    Vendor,
    WebhookDelivery,
    WebhookDeliveryAttempt,
)

log = logging.getLogger(__name__)

ASSIGNED_EVENT = "fulfillment_order.assigned"
TIMEOUT_SECONDS = 10.0
# How many deliveries one pass claims; they are sent concurrently.
BATCH_SIZE = 20
# A claimed delivery is not due again until this has passed: longer than one attempt can
# take (TIMEOUT_SECONDS, plus recording it), so that no two processes ever send the same
# attempt, and short enough that a process that died mid-send delays it only a little.
CLAIM_LEASE = timedelta(minutes=2)
ERROR_LENGTH = 1000  # the width of the error columns
# How long createVendor/updateVendor wait for DNS before accepting the URL unchecked.
SET_TIME_LOOKUP_SECONDS = 5.0


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class WebhookRefused(Exception):
    """The URL may not be called; the message says why and names no secret."""


class Unresolvable(WebhookRefused):
    """The host name did not resolve."""


# --- enqueue: in the transaction that assigns the fulfillment order ---------------------


async def enqueue_assignment(fulfillment_order: FulfillmentOrder) -> WebhookDelivery | None:
    """Queue `fulfillment_order.assigned` for its vendor, when the vendor has a webhookUrl.

    Called inside the assigning transaction (after its lines exist): the delivery commits
    or rolls back with the assignment, and the body is the exact text that will be POSTed.
    """
    vendor_id = fulfillment_order.vendor_id  # type: ignore[attr-defined]
    if vendor_id is None:
        return None
    vendor = await Vendor.get(id=vendor_id)
    if not vendor.webhook_url:
        return None
    body = await _assignment_body(fulfillment_order, vendor)
    return await WebhookDelivery.create(
        delivery_id=uuid.uuid4().hex,
        vendor_id=vendor.id,
        event=ASSIGNED_EVENT,
        body=json.dumps(body, separators=(",", ":"), ensure_ascii=False),
        status=DeliveryStatus.PENDING.value,
        next_attempt_at=datetime.now(UTC),
    )


async def _assignment_body(fulfillment_order: FulfillmentOrder, vendor: Vendor) -> dict[str, Any]:
    order = await Order.get(id=fulfillment_order.order_id)  # type: ignore[attr-defined]
    lines = await (
        FulfillmentOrderLine.filter(fulfillment_order_id=fulfillment_order.id)
        .order_by("id")
        .values("id", "quantity", "cancelled_quantity", "order_line_id", "order_line__sku")
    )
    return {
        "event": ASSIGNED_EVENT,
        "fulfillmentOrder": {
            "id": global_id("FulfillmentOrder", fulfillment_order.id),
            "status": fulfillment_order.status,
            "assignedAt": _iso(fulfillment_order.assigned_at),
            "acceptBy": _iso(fulfillment_order.accept_by),
            # The vendor reads what an assignee reads in the API.
            "routingReason": assignee_reason(fulfillment_order.routing_reason),
            "vendor": {"id": global_id("Vendor", vendor.id), "code": vendor.code},
            "lines": [
                {
                    "id": global_id("FulfillmentOrderLine", line["id"]),
                    "orderLineId": global_id("OrderLine", line["order_line_id"]),
                    "sku": line["order_line__sku"],
                    # As FulfillmentOrderLine.quantity in the API: less what was cancelled.
                    "quantity": line["quantity"] - line["cancelled_quantity"],
                }
                for line in lines
            ],
        },
        "order": {
            "id": global_id("Order", order.id),
            "number": order.number,
            "channel": order.channel,
            "externalId": order.external_id,
            "currency": order.currency,
            "customer": {"email": order.customer_email, "name": order.customer_name},
            "shippingAddress": _address(order) if order.has_shipping_address else None,
            "deliveryMethod": order.delivery_method,
        },
    }


def _address(order: Order) -> dict[str, Any]:
    """The shipping address with the field names of the API's `Address`."""
    return {
        "name": order.address_name,
        "line1": order.address_line1,
        "line2": order.address_line2,
        "city": order.address_city,
        "region": order.address_region,
        "postalCode": order.address_postal_code,
        "countryCode": order.address_country,
        "phone": order.address_phone,
        "latitude": order.latitude,
        "longitude": order.longitude,
    }


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


# --- URL safety: when the URL is set, and again at every send ---------------------------


async def checked_webhook_url(url: str | None, allow_private: bool) -> str | None:
    """The URL to store, or a DomainError on `webhookUrl` saying why it is refused.

    A host that does not resolve now (or not quickly) is accepted: DNS may not know it
    yet, and every send checks again.
    """
    if url is None:
        return None
    url = url.strip()
    try:
        async with asyncio.timeout(SET_TIME_LOOKUP_SECONDS):
            await _addresses(url, allow_private)
    except (Unresolvable, TimeoutError):
        return url
    except WebhookRefused as refused:
        raise invalid(str(refused), ["webhookUrl"]) from None
    return url


async def _addresses(url: str, allow_private: bool) -> list[str]:
    """The addresses `url` may be called at, all of them checked, or WebhookRefused."""
    problem = url_problem(url)
    if problem is not None:
        raise WebhookRefused(problem)
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise WebhookRefused(f"webhookUrl {url!r} is not a valid URL: {error}") from None
    host = parsed.raw_host.decode("ascii")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        addresses = await lookup(host, port)
    except OSError as error:
        raise Unresolvable(f"webhookUrl host {host} does not resolve: {error}") from None
    if not allow_private and (problem := address_problem(host, addresses)) is not None:
        raise WebhookRefused(problem)
    return addresses


async def lookup(host: str, port: int) -> list[str]:
    """The addresses of `host`, in the resolver's order of preference, without duplicates."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- dispatch -------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryPolicy:
    """What the server's settings decide about sending."""

    allow_private: bool = False  # OMS_WEBHOOK_ALLOW_PRIVATE
    max_attempts: int = DEFAULT_MAX_ATTEMPTS  # then the delivery is FAILED
    answer_within: float = TIMEOUT_SECONDS  # seconds, lookup and connection included


async def deliver_due(
    now: datetime, client: httpx.AsyncClient, policy: DeliveryPolicy = DeliveryPolicy()
) -> int:
    """Attempt the deliveries due at `now` (at most BATCH_SIZE); returns how many.

    Each is claimed with one conditional UPDATE first, so that concurrent dispatchers (the
    workers of one server, or several servers) never send the same attempt twice. `now`
    is explicit so that retries and backoff can be driven through time by tests.
    """
    due = await (
        WebhookDelivery.filter(status=DeliveryStatus.PENDING.value, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .limit(BATCH_SIZE)
    )
    claimed = [delivery for delivery in due if await _claim(delivery, now)]
    await asyncio.gather(*(_attempt(delivery, now, client, policy) for delivery in claimed))
    return len(claimed)


async def _claim(delivery: WebhookDelivery, now: datetime) -> bool:
    taken = await WebhookDelivery.filter(
        id=delivery.id, status=DeliveryStatus.PENDING.value, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM_LEASE)
    return taken == 1


@dataclass(frozen=True)
class _Outcome:
    response_status: int | None
    error: str | None  # None exactly when the vendor answered 2xx


async def _attempt(
    delivery: WebhookDelivery, now: datetime, client: httpx.AsyncClient, policy: DeliveryPolicy
) -> None:
    # The vendor's URL and secret now, not at enqueue: a fixed URL or a rotated secret
    # applies to deliveries still pending.
    vendor = await Vendor.get(id=delivery.vendor_id)  # type: ignore[attr-defined]
    started = time.monotonic()
    try:
        # One deadline for the lookup, the connection and the answer together.
        async with asyncio.timeout(policy.answer_within):
            outcome = await _send(delivery, vendor, client, policy)
    except TimeoutError:
        outcome = _Outcome(None, f"no answer within {policy.answer_within:g} s")
    duration_ms = round((time.monotonic() - started) * 1000)
    await _record(delivery, now, outcome, duration_ms, policy.max_attempts)


async def _send(
    delivery: WebhookDelivery,
    vendor: Vendor,
    client: httpx.AsyncClient,
    policy: DeliveryPolicy,
) -> _Outcome:
    if not vendor.webhook_url:
        return _Outcome(None, f"vendor {vendor.code} has no webhookUrl now")
    try:
        addresses = await _addresses(vendor.webhook_url, policy.allow_private)
    except WebhookRefused as refused:
        return _Outcome(None, str(refused))
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "X-OMS-Event": delivery.event,
        "X-OMS-Delivery": delivery.delivery_id,
        # One connection per request: connections are made to a checked address, and a
        # pooled one (keyed by address) must never carry another host's request.
        "Connection": "close",
    }
    if vendor.webhook_secret:
        headers["X-OMS-Signature"] = signature(vendor.webhook_secret, body)
    url = httpx.URL(vendor.webhook_url)
    # Connect to the address that was checked, not to whatever a second lookup answers
    # (DNS rebinding); the Host header and TLS server name stay the vendor's host.
    headers["Host"] = url.netloc.decode("ascii")
    server_name = url.raw_host.decode("ascii")
    error = "no address to connect to"
    for address in addresses:
        try:
            # Streamed and never read: only the status matters, whatever the body's size.
            async with client.stream(
                "POST",
                url.copy_with(host=address),
                content=body,
                headers=headers,
                timeout=policy.answer_within,
                extensions={"sni_hostname": server_name},
            ) as response:
                return _answer(response.status_code)
        except httpx.ConnectError as failure:
            error = f"could not connect to {address}: {failure}"
        except httpx.TimeoutException:
            return _Outcome(None, f"no answer within {policy.answer_within:g} s")
        except httpx.HTTPError as failure:
            return _Outcome(None, f"{type(failure).__name__}: {failure}")
    return _Outcome(None, error)


def _answer(status: int) -> _Outcome:
    if 200 <= status < 300:
        return _Outcome(status, None)
    if 300 <= status < 400:
        # Following a redirect would let the vendor's server pick an unchecked address.
        return _Outcome(status, f"the vendor answered HTTP {status}; redirects are not followed")
    return _Outcome(status, f"the vendor answered HTTP {status}")


async def _record(
    delivery: WebhookDelivery, now: datetime, outcome: _Outcome, duration_ms: int, max_attempts: int
) -> None:
    attempts = delivery.attempts + 1
    error = outcome.error[:ERROR_LENGTH] if outcome.error is not None else None
    if error is None:
        status, next_attempt_at = DeliveryStatus.SUCCEEDED, None
    elif attempts >= max_attempts:
        status, next_attempt_at = DeliveryStatus.FAILED, None
    else:
        status, next_attempt_at = DeliveryStatus.PENDING, now + backoff(attempts)
    async with in_transaction():
        await WebhookDeliveryAttempt.create(
            delivery_id=delivery.id,
            attempted_at=now,
            response_status=outcome.response_status,
            error=error,
            duration_ms=duration_ms,
        )
        await WebhookDelivery.filter(id=delivery.id).update(
            status=status.value,
            attempts=attempts,
            last_response_status=outcome.response_status,
            last_error=error,
            next_attempt_at=next_attempt_at,
            updated_at=datetime.now(UTC),
        )
    if error is None:
        log.info("webhook %s delivered (HTTP %s)", delivery.delivery_id, outcome.response_status)
    else:
        log.warning(
            "webhook %s attempt %d failed, now %s: %s",
            delivery.delivery_id,
            attempts,
            status,
            error,
        )


# --- by hand ------------------------------------------------------------------------------


async def retry_delivery(delivery_id: int, now: datetime) -> WebhookDelivery:
    """Make a FAILED or PENDING delivery due at `now`. A FAILED one gets one more attempt:
    its attempt count is kept, so failing again leaves it FAILED."""
    async with in_transaction():
        delivery = await WebhookDelivery.get_or_none(id=delivery_id).select_for_update()
        if delivery is None:
            raise not_found("webhook delivery", delivery_id, ["id"])
        if delivery.status == DeliveryStatus.SUCCEEDED:
            raise DomainError(
                ErrorCode.INVALID_TRANSITION,
                f"webhook delivery {delivery.delivery_id} already succeeded; nothing to retry",
                ["id"],
            )
        delivery.status = DeliveryStatus.PENDING.value
        delivery.next_attempt_at = now
        await delivery.save(update_fields=["status", "next_attempt_at", "updated_at"])
    return delivery
