"""Webhook deliveries, sent: URLs checked when set and at every send (SSRF), and the
dispatcher that POSTs due deliveries (written by models.operations.webhook_queue in the
transaction of the change), signed, retrying with backoff and recording every attempt,
one at a time and in order for one order and one destination.

Delivery is at least once: a process that dies after the vendor answered but before the
outcome was recorded sends again once its claim expires, so vendors deduplicate on
`X-OMS-Delivery`.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import httpx
from tortoise.expressions import RawSQL
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.rules.limits import MAX_DELIVERY_ATTEMPTS, at_most
from models.rules.webhooks import (
    DEFAULT_MAX_ATTEMPTS,
    address_problem,
    backoff,
    signature,
    url_problem,
)
from models.tables import (
    Vendor,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookSubscription,
)

log = logging.getLogger(__name__)

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


# --- URL safety: when the URL is set, and again at every send ---------------------------


async def checked_webhook_url(
    url: str | None, allow_private: bool, field: str = "webhookUrl"
) -> str | None:
    """The URL to store, or a DomainError on `field` saying why it is refused.

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
        raise invalid(str(refused), [field]) from None
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
        .annotate(waits=RawSQL(_WAITS_FOR_AN_EARLIER_ONE))
        .filter(waits=0)
        .order_by("next_attempt_at", "id")
        .limit(BATCH_SIZE)
    )
    claimed = [delivery for delivery in due if await _claim(delivery, now)]
    await asyncio.gather(*(_attempt(delivery, now, client, policy) for delivery in claimed))
    return len(claimed)


# Deliveries of one order to one destination go out one at a time, in id order: one waits
# while an earlier one of the same order and destination is PENDING (due, backing off, or
# being sent). Ids of one order are in the order of its events, since every change to an
# order holds the order's row lock until it commits. A FAILED one no longer holds the rest.
_WAITS_FOR_AN_EARLIER_ONE = """CASE WHEN EXISTS (
    SELECT 1 FROM "webhook_delivery" "earlier"
    WHERE "earlier"."order_id" = "webhook_delivery"."order_id"
      AND "earlier"."status" = 'PENDING'
      AND "earlier"."id" < "webhook_delivery"."id"
      AND ("earlier"."vendor_id" = "webhook_delivery"."vendor_id"
           OR "earlier"."subscription_id" = "webhook_delivery"."subscription_id")
) THEN 1 ELSE 0 END"""


async def _claim(delivery: WebhookDelivery, now: datetime) -> bool:
    taken = await WebhookDelivery.filter(
        id=delivery.id, status=DeliveryStatus.PENDING.value, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM_LEASE)
    return taken == 1


@dataclass(frozen=True)
class _Outcome:
    response_status: int | None
    error: str | None  # None exactly when the vendor answered 2xx


@dataclass(frozen=True)
class _Destination:
    name: str  # for messages: "vendor NORTHWOODS", "webhook subscription 3"
    url: str | None
    secret: str | None


async def _destination(delivery: WebhookDelivery) -> _Destination:
    """Where a delivery goes now, not at enqueue: a fixed URL or a rotated secret applies
    to deliveries still pending."""
    vendor_id = delivery.vendor_id
    if vendor_id is not None:
        vendor = await Vendor.get(id=vendor_id)
        return _Destination(f"vendor {vendor.code}", vendor.webhook_url, vendor.webhook_secret)
    subscription = await WebhookSubscription.get(id=delivery.subscription_id)
    return _Destination(
        f"webhook subscription {subscription.id}", subscription.url, subscription.secret
    )


async def _attempt(
    delivery: WebhookDelivery, now: datetime, client: httpx.AsyncClient, policy: DeliveryPolicy
) -> None:
    destination = await _destination(delivery)
    started = time.monotonic()
    try:
        # One deadline for the lookup, the connection and the answer together.
        async with asyncio.timeout(policy.answer_within):
            outcome = await _send(delivery, destination, client, policy)
    except TimeoutError:
        outcome = _Outcome(None, f"no answer within {policy.answer_within:g} s")
    duration_ms = round((time.monotonic() - started) * 1000)
    await _record(delivery, now, outcome, duration_ms, policy.max_attempts)


async def _send(
    delivery: WebhookDelivery,
    destination: _Destination,
    client: httpx.AsyncClient,
    policy: DeliveryPolicy,
) -> _Outcome:
    if not destination.url:
        return _Outcome(None, f"{destination.name} has no webhookUrl now")
    try:
        addresses = await _addresses(destination.url, policy.allow_private)
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
    if destination.secret:
        headers["X-OMS-Signature"] = signature(destination.secret, body)
    url = httpx.URL(destination.url)
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
                # The cause is read by the tracing transport, never sent.
                extensions={"sni_hostname": server_name, "oms_cause": delivery.trace_context},
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
        delivery = await WebhookDelivery.select_for_update().get_or_none(id=delivery_id)
        if delivery is None:
            raise not_found("webhook delivery", delivery_id, ["id"])
        if delivery.status == DeliveryStatus.SUCCEEDED:
            raise DomainError(
                ErrorCode.INVALID_TRANSITION,
                f"webhook delivery {delivery.delivery_id} already succeeded; nothing to retry",
                ["id"],
            )
        at_most(
            delivery.attempts + 1,
            MAX_DELIVERY_ATTEMPTS,
            f"attempts of webhook delivery {delivery.delivery_id}",
            "id",
        )
        delivery.status = DeliveryStatus.PENDING.value
        delivery.next_attempt_at = now
        await delivery.save(update_fields=["status", "next_attempt_at", "updated_at"])
    return delivery
