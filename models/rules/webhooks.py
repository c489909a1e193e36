"""Webhooks, the pure part: which URLs may be called, how a body is signed, how long to
wait before trying again, what each topic is called and who may hear of it.

The operation (models/operations/webhooks.py) resolves host names and does the I/O;
everything here works on plain values, so it is tested without a network.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Iterable
from datetime import timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from models.rules.scopes import Actor, Role, may_see_fulfillment, may_see_order

MAX_URL_LENGTH = 2000  # the width of vendor.webhook_url
# Attempts before a delivery is FAILED: with the backoff below, about 21 minutes of retrying.
DEFAULT_MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=10)
LONGEST_RETRY = timedelta(hours=1)


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a webhook URL by its form alone, or None when it can.

    The one home of this check: setting a vendor's URL and sending to it both ask here."""
    if len(url) > MAX_URL_LENGTH:
        return f"webhookUrl must be at most {MAX_URL_LENGTH} characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is what raises on a malformed one
    except ValueError as error:
        return f"webhookUrl {url!r} is not a valid URL: {error}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"webhookUrl {url!r} must be an http:// or https:// URL with a host"
    if any(character.isspace() for character in url):
        return f"webhookUrl {url!r} must not contain whitespace"
    if parts.username is not None or parts.password is not None:
        # webhookUrl is readable by every VIEWER key: credentials in it would leak.
        return "webhookUrl must not carry credentials; the webhookSecret signs each request"
    return None


def address_problem(host: str, addresses: list[str]) -> str | None:
    """Why `host`, resolving to `addresses`, must not be called from the server, or None.

    Every address must be public: a host with one private address among public ones could
    be answered with that one. Refused: loopback, private, link-local (which holds the
    cloud metadata service, 169.254.169.254), multicast, reserved, unspecified, and
    anything else not globally routable.
    """
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone id
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            # ::ffff:127.0.0.1 reaches 127.0.0.1.
            address = address.ipv4_mapped
        kind = _non_public_kind(address)
        if kind is not None:
            return (
                f"webhookUrl host {host} resolves to {address}, {kind}: the server does not "
                "call such addresses unless OMS_WEBHOOK_ALLOW_PRIVATE is true"
            )
    return None


def _non_public_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    # Most specific first, so the message names what the address is.
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address (cloud metadata lives there)"
    if address.is_multicast:
        return "a multicast address"
    if address.is_reserved:
        return "a reserved address"
    if address.is_private:
        return "a private address"
    if not address.is_global:
        return "an address that is not globally routable"
    return None


def signature(secret: str, body: bytes) -> str:
    """The `X-OMS-Signature` value: `sha256=` and the hex HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def backoff(failed_attempts: int) -> timedelta:
    """The wait after the `failed_attempts`-th failure: 10 s, 20 s, 40 s, … at most 1 h."""
    # The exponent is capped first so that a large count cannot overflow timedelta.
    doubling: int = 2 ** min(max(failed_attempts - 1, 0), 20)
    return min(FIRST_RETRY * doubling, LONGEST_RETRY)


# --- topics: what happened, and who may hear of it ---------------------------------------


class WebhookTopic(StrEnum):
    ORDER_CREATED = "ORDER_CREATED"
    ORDER_UPDATED = "ORDER_UPDATED"
    ORDER_EDITED = "ORDER_EDITED"
    ORDER_HELD = "ORDER_HELD"
    ORDER_RELEASED = "ORDER_RELEASED"
    ORDER_CANCELLED = "ORDER_CANCELLED"
    FULFILLMENT_ORDER_ASSIGNED = "FULFILLMENT_ORDER_ASSIGNED"
    FULFILLMENT_ORDER_CANCELLED = "FULFILLMENT_ORDER_CANCELLED"
    FULFILLMENT_ORDER_CANCELLATION_REQUESTED = "FULFILLMENT_ORDER_CANCELLATION_REQUESTED"
    FULFILLMENT_ORDER_MOVED_AWAY = "FULFILLMENT_ORDER_MOVED_AWAY"
    SHIPMENT_CREATED = "SHIPMENT_CREATED"
    SHIPMENT_DELIVERED = "SHIPMENT_DELIVERED"
    ORDER_READY_FOR_PICKUP = "ORDER_READY_FOR_PICKUP"
    ORDER_PICKED_UP = "ORDER_PICKED_UP"
    RETURN_REQUESTED = "RETURN_REQUESTED"
    RETURN_RECEIVED = "RETURN_RECEIVED"
    RETURN_REFUNDED = "RETURN_REFUNDED"


_SUBJECTS = ("FULFILLMENT_ORDER", "SHIPMENT", "ORDER", "RETURN")  # longest prefix first


def event_name(topic: WebhookTopic) -> str:
    """The body's `event` and the X-OMS-Event header: FULFILLMENT_ORDER_CANCELLED ->
    fulfillment_order.cancelled, ORDER_READY_FOR_PICKUP -> order.ready_for_pickup."""
    subject = next(s for s in _SUBJECTS if topic.startswith(s + "_"))
    return f"{subject.lower()}.{topic.removeprefix(subject + '_').lower()}"


TOPIC_OF_EVENT = {event_name(topic): topic for topic in WebhookTopic}

# What an assignee's stream event is called in a webhook (FulfillmentOrderEventType values);
# the others (accepted, packed, shipped, ...) are the assignee's own doing or have topics of
# their own (shipment.created). LINES_CANCELLED is fulfillment_order.cancelled: the body's
# fulfillmentOrder says how much is left (status CANCELLED when nothing is).
FULFILLMENT_EVENTS = {
    "ASSIGNED": "fulfillment_order.assigned",
    "CANCELLED": "fulfillment_order.cancelled",
    "LINES_CANCELLED": "fulfillment_order.cancelled",
    "CANCELLATION_REQUESTED": "fulfillment_order.cancellation_requested",
    "MOVED_AWAY": "fulfillment_order.moved_away",
    "HELD": "fulfillment_order.held",
    "RELEASED": "fulfillment_order.released",
    "UPDATED": "fulfillment_order.updated",
}

# A vendor's webhookUrl hears these about its own fulfillment orders.
VENDOR_URL_EVENTS = frozenset(FULFILLMENT_EVENTS.values())

# A VENDOR key reads its own fulfillment orders, never an order as a whole.
VENDOR_TOPICS = frozenset(
    topic for topic in WebhookTopic if topic.startswith(("FULFILLMENT_ORDER_", "SHIPMENT_"))
)


def topics_problem(role: Role, topics: Iterable[WebhookTopic]) -> str | None:
    """Why a key of `role` may not subscribe to `topics`, or None."""
    chosen = set(topics)
    if not chosen:
        return "name at least one topic"
    if role is Role.VENDOR and (others := sorted(chosen - VENDOR_TOPICS)):
        return (
            f"a VENDOR key hears of its own fulfillment orders only: {', '.join(others)} "
            "are about whole orders"
        )
    return None


def subscription_hears(
    actor: Actor, channel: str, assignee: tuple[int | None, int | None] | None
) -> bool:
    """Whether a subscription of `actor`'s key hears of an event about an order of `channel`
    (and, when `assignee` is given, about that assignee's fulfillment order): as the key
    reads. ADMIN: every order; PARTNER: its channel's; VENDOR: its own work only."""
    if assignee is None:
        return actor.role is not Role.VENDOR and may_see_order(actor, channel, frozenset())
    return may_see_fulfillment(actor, assignee[0], assignee[1], channel)
