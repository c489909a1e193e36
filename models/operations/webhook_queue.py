"""Webhook deliveries, queued: in the transaction of the change they report, one for each
destination that hears of it (a webhook subscription whose key may read it, a vendor's
webhookUrl for its own work), with the exact body that will be POSTed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from models import sql
from models.operations.access import actor_of
from models.operations.config_version import Kept, current_version
from models.operations.webhooks import DeliveryStatus
from models.rules.events import FulfillmentOrderEventType
from models.rules.ids import global_id
from models.rules.routing.reasons import assignee_reason
from models.rules.scopes import Actor
from models.rules.webhooks import (
    FULFILLMENT_EVENTS,
    TOPIC_OF_EVENT,
    VENDOR_URL_EVENTS,
    subscription_hears,
)
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    Location,
    Order,
    Vendor,
    WebhookDelivery,
    WebhookSubscription,
)

Assignee = tuple[int | None, int | None]

# Events that someone may hear of: a subscription's topic, or a vendor's webhookUrl.
_HEARD = frozenset(TOPIC_OF_EVENT) | VENDOR_URL_EVENTS


async def enqueue(
    order: Order,
    event: str,
    fulfillment_order: FulfillmentOrder | None = None,
    *,
    assignee: Assignee | None = None,
) -> int:
    """Queue `event` (e.g. "order.cancelled", "fulfillment_order.held") for every
    destination that hears of it; returns how many deliveries were written.

    Called inside the transaction of the change (after the fulfillment order's lines
    exist): the deliveries commit or roll back with it. Destinations are the webhook
    subscriptions whose topics name the event and whose key may read it, and, for the
    fulfillment order events a vendor hears of, the vendor's webhookUrl. `assignee` names
    a former assignee (MOVED_AWAY); by default the fulfillment order's own.
    """
    return await enqueue_many(order, [(event, fulfillment_order)], assignee=assignee)


async def enqueue_many(
    order: Order,
    events: Sequence[tuple[str, FulfillmentOrder | None]],
    *,
    assignee: Assignee | None = None,
) -> int:
    """`enqueue` for several events of one order, in order: one insert for all their
    deliveries."""
    if not any(event in _HEARD for event, _ in events):  # others reach none
        return 0
    return await _enqueue(order, events, assignee, await destinations())


async def _enqueue(
    order: Order,
    events: Sequence[tuple[str, FulfillmentOrder | None]],
    assignee: Assignee | None,
    live: Destinations,
) -> int:
    if live.nobody:
        return 0
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for event, fulfillment_order in events:
        targets = _targets(order, event, fulfillment_order, assignee, live)
        if targets:
            body = None
            if fulfillment_order is not None:
                body = await _fulfillment_order_body(fulfillment_order, live)
            rows += _delivery_rows(order, event, body, targets, now)
    if rows:
        await sql.insert(WebhookDelivery, rows)
    return len(rows)


def new_order_deliveries(
    order: Order,
    webhook: str,
    assigned: Sequence[tuple[FulfillmentOrder, Sequence[FulfillmentLine]]],
    live: Destinations,
    now: datetime,
) -> sql.Insert:
    """`enqueue_many` for an order being written with its fulfillment orders, built from
    what the writer has (`assigned`: each with its lines) instead of read back: `webhook`
    (e.g. "order.created"), then each fulfillment order's assignment event. Not sent."""
    rows = _delivery_rows(order, webhook, None, _targets(order, webhook, None, None, live), now)
    event = FULFILLMENT_EVENTS[FulfillmentOrderEventType.ASSIGNED.value]
    for fulfillment_order, lines in assigned:
        targets = _targets(order, event, fulfillment_order, None, live)
        if targets:
            body = fulfillment_order_body(fulfillment_order, lines, live)
            rows += _delivery_rows(order, event, body, targets, now)
    return sql.Insert(WebhookDelivery, rows)


def _targets(
    order: Order,
    event: str,
    fulfillment_order: FulfillmentOrder | None,
    assignee: Assignee | None,
    live: Destinations,
) -> list[dict[str, int]]:
    """Who hears of `event`: a delivery's subscription or vendor, one per delivery."""
    if fulfillment_order is not None and assignee is None:
        assignee = (fulfillment_order.location_id, fulfillment_order.vendor_id)
    targets = [
        {"subscription_id": s.id}
        for s in _hearing(live.subscriptions, event, order.channel, assignee)
    ]
    if event in VENDOR_URL_EVENTS and assignee is not None and assignee[1] in live.vendor_urls:
        targets.append({"vendor_id": assignee[1]})
    return targets


def _delivery_rows(
    order: Order,
    event: str,
    fulfillment_order: dict[str, Any] | None,  # its body
    targets: Sequence[Mapping[str, int]],
    now: datetime,
) -> list[dict[str, Any]]:
    body = {
        "event": event,
        "occurredAt": _iso(now),
        "order": _order_body(order),
        **({"fulfillmentOrder": fulfillment_order} if fulfillment_order else {}),
    }
    rows = []
    for target in targets:
        delivery_id = uuid.uuid4().hex
        rows.append(
            {
                "delivery_id": delivery_id,
                "order_id": order.id,
                "event": event,
                "body": json.dumps(
                    {"deliveryId": delivery_id, **body}, separators=(",", ":"), ensure_ascii=False
                ),
                "status": DeliveryStatus.PENDING.value,
                "next_attempt_at": now,
                **target,
            }
        )
    return rows


async def enqueue_fulfillment_events(
    fulfillment_orders: Sequence[FulfillmentOrder], type: str, assignee: Assignee | None = None
) -> None:
    """The webhooks of an assignee's stream event (a FulfillmentOrderEventType value), for
    each fulfillment order; nothing for events that have no webhook."""
    event = FULFILLMENT_EVENTS.get(type)
    if event is None:
        return
    live = await destinations()
    vendors = {assignee[1]} if assignee is not None else {fo.vendor_id for fo in fulfillment_orders}
    if not live.may_hear(event, vendors):
        return
    # One read of the orders for the whole batch.
    by_order: dict[int, list[FulfillmentOrder]] = {}
    for fulfillment_order in fulfillment_orders:
        by_order.setdefault(fulfillment_order.order_id, []).append(fulfillment_order)
    for order in await Order.filter(id__in=list(by_order)).order_by("id"):
        await _enqueue(order, [(event, fo) for fo in by_order[order.id]], assignee, live)


@dataclass(frozen=True)
class Subscriber:
    """A webhook subscription of a key that is not revoked, as deliveries need it."""

    id: int
    topics: frozenset[str]  # WebhookTopic values
    actor: Actor  # its key's: what it may hear of


@dataclass(frozen=True)
class Destinations:
    """Whoever may hear of an event: the live subscriptions, and the vendors with a
    webhookUrl (their own work's fulfillment order events); and the codes bodies name."""

    subscriptions: tuple[Subscriber, ...]
    vendor_urls: frozenset[int]  # vendor ids
    # Every location's and vendor's code by id, for the bodies (configuration as well).
    codes: Mapping[int, str]
    vendor_codes: Mapping[int, str]

    @property
    def nobody(self) -> bool:
        return not self.subscriptions and not self.vendor_urls

    def may_hear(self, event: str, vendor_ids: Iterable[int | None]) -> bool:
        """Whether a subscription names the event's topic, or one of these vendors has a
        webhookUrl that hears of it: else there is nothing to read for it."""
        topic = TOPIC_OF_EVENT.get(event)
        return any(topic is not None and topic.value in s.topics for s in self.subscriptions) or (
            event in VENDOR_URL_EVENTS and not self.vendor_urls.isdisjoint(vendor_ids)
        )


async def destinations() -> Destinations:
    """The destinations as of the version the current transaction reads (kept per process,
    models.operations.config_version): a subscription made, changed or deleted, a key
    revoked or rescoped, a vendor's webhookUrl set or cleared, committed before then, is
    heard of. Triggers on webhook_subscription, api_key and vendor give the version."""
    return await destinations_at(await current_version())


async def destinations_at(version: int | None) -> Destinations:
    """The destinations as of `version`, which the caller has just read from the database
    with a statement of its own (see `destinations`)."""
    return await _kept.at(version)


async def _load() -> Destinations:
    live = (
        await WebhookSubscription.filter(api_key__revoked_at=None)
        .order_by("id")
        .prefetch_related("api_key")
    )
    vendors = await Vendor.all().values_list("id", "code", "webhook_url")
    return Destinations(
        subscriptions=tuple(
            Subscriber(s.id, frozenset(s.topics), actor_of(s.api_key)) for s in live
        ),
        vendor_urls=frozenset(pk for pk, _, url in vendors if url is not None),
        codes=dict(await Location.all().values_list("id", "code")),
        vendor_codes={pk: code for pk, code, _ in vendors},
    )


_kept = Kept(_load)


def _hearing(
    live: Sequence[Subscriber], event: str, channel: str, assignee: Assignee | None
) -> list[Subscriber]:
    """Of the live subscriptions, those that name the event's topic and may read it."""
    topic = TOPIC_OF_EVENT.get(event)
    if topic is None:
        return []
    return [
        subscription
        for subscription in live
        if topic.value in subscription.topics
        and subscription_hears(subscription.actor, channel, assignee)
    ]


def _order_body(order: Order) -> dict[str, Any]:
    return {
        "id": global_id("Order", order.id),
        "number": order.number,
        "status": order.status,
        "channel": order.channel,
        "externalId": order.external_id,
        "currency": order.currency,
        "customer": {"email": order.customer_email, "name": order.customer_name},
        "shippingAddress": _address(order) if order.has_shipping_address else None,
        "deliveryMethod": order.delivery_method,
    }


@dataclass(frozen=True)
class FulfillmentLine:
    """A fulfillment order's line as its webhook body shows it."""

    id: int
    order_line_id: int
    sku: str
    quantity: int  # less what was cancelled, as FulfillmentOrderLine.quantity in the API


async def _fulfillment_order_body(
    fulfillment_order: FulfillmentOrder, live: Destinations
) -> dict[str, Any]:
    lines = await (
        FulfillmentOrderLine.filter(fulfillment_order_id=fulfillment_order.id)
        .order_by("id")
        .values_list("id", "order_line_id", "order_line__sku", "quantity", "cancelled_quantity")
    )
    held = [FulfillmentLine(pk, line, sku, q - cancelled) for pk, line, sku, q, cancelled in lines]
    return fulfillment_order_body(fulfillment_order, held, live)


def fulfillment_order_body(
    fulfillment_order: FulfillmentOrder, lines: Sequence[FulfillmentLine], live: Destinations
) -> dict[str, Any]:
    location_id, vendor_id = fulfillment_order.location_id, fulfillment_order.vendor_id
    return {
        "id": global_id("FulfillmentOrder", fulfillment_order.id),
        "status": fulfillment_order.status,
        "assignedAt": _iso(fulfillment_order.assigned_at),
        "acceptBy": _iso(fulfillment_order.accept_by),
        # A vendor reads what an assignee reads in the API: its own choice, no runners-up.
        "routingReason": assignee_reason(fulfillment_order.routing_reason),
        "location": {"id": global_id("Location", location_id), "code": live.codes[location_id]}
        if location_id is not None
        else None,
        "vendor": {"id": global_id("Vendor", vendor_id), "code": live.vendor_codes[vendor_id]}
        if vendor_id is not None
        else None,
        "lines": [
            {
                "id": global_id("FulfillmentOrderLine", line.id),
                "orderLineId": global_id("OrderLine", line.order_line_id),
                "sku": line.sku,
                "quantity": line.quantity,
            }
            for line in lines
        ],
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
