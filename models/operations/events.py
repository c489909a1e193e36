"""Events written in the same transaction as the change they report: the order's
timeline (OrderEvent) and the outbox the relay publishes (OutboxEvent).

Streams: "order:<id>" rings `orderUpdated`, "channel:<name>" rings `orderEvents`, and
"location:<id>" / "vendor:<id>" carry each assignee's `fulfillmentOrderEvents`. Every
change to an assignee's work goes through `tell_assignee(s)`, so no writer forgets one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from models import sql
from models.operations import webhook_queue, webhooks
from models.rules.events import (
    FulfillmentOrderEventType,
    OrderEventType,
    assignee_key,
    still_working,
)
from models.rules.ids import global_id
from models.rules.scopes import Actor
from models.rules.webhooks import FULFILLMENT_EVENTS
from models.tables import FulfillmentOrder, Order, OrderEvent, OutboxEvent, WebhookDelivery

# The streams the current request put outbox rows on, when the transport collects them
# (api/schema.py) to ring its own process's subscriptions once the mutation committed,
# before the relay publishes. A rolled-back attempt's streams stay: one read that finds
# nothing.
WRITTEN: ContextVar[set[str] | None] = ContextVar("outbox_streams", default=None)


def order_stream(order_id: int) -> str:
    return f"order:{order_id}"


def channel_stream(channel: str | None) -> str:
    """A channel's stream; None: every channel's (the hub rings "channel:*" listeners for
    each "channel:<name>" event)."""
    return f"channel:{channel if channel is not None else '*'}"


def assignee_stream(location_id: int | None, vendor_id: int | None) -> str:
    return assignee_key(location_id, vendor_id)


def about(*fulfillment_orders: FulfillmentOrder) -> dict[str, list[str]]:
    """Which fulfillment orders a timeline entry is about: {assignee key: [global ids]},
    with the assignee each had when the entry was written. Scoped readers of `Order.events`
    see an entry by it."""
    named: dict[str, list[str]] = {}
    for fo in fulfillment_orders:
        key = assignee_key(fo.location_id, fo.vendor_id)
        named.setdefault(key, []).append(global_id("FulfillmentOrder", fo.id))
    return named


@dataclass(frozen=True)
class Entry:
    """One line of an order's timeline, before it is written.

    `about` names the fulfillment orders it concerns (see `about()`); `assignee_message`
    is what an assignee reads instead of `message` when the entry also concerns others
    (None: a message made of the type alone)."""

    type: OrderEventType
    message: str
    data: dict[str, Any] | None = None
    about: Mapping[str, list[str]] = field(default_factory=dict)
    assignee_message: str | None = None


async def record(
    order: Order,
    type: OrderEventType,
    message: str,
    actor: Actor,
    data: dict[str, Any] | None = None,
    *,
    about: Mapping[str, list[str]] | None = None,
    assignee_message: str | None = None,
) -> None:
    """Append to the order's timeline, and ring `orderUpdated` and `orderEvents`."""
    await record_many(order, [Entry(type, message, data, about or {}, assignee_message)], actor)


async def record_many(
    order: Order,
    entries: Sequence[Entry],
    actor: Actor,
    *,
    assigned: Sequence[FulfillmentOrder] = (),
    webhook: str | None = None,
) -> None:
    """Append several timeline entries, and ring `orderUpdated` and `orderEvents`
    subscribers to read the timeline again: one statement on PostgreSQL (two on SQLite).

    `assigned`: fulfillment orders of this order just assigned, told to their assignees
    (`tell_assignees`' ASSIGNED) in the same outbox insert; `webhook`: an order event to
    queue for webhooks (e.g. "order.created"), with the assignees' in one delivery insert."""
    await sql.insert_together(*entry_inserts(order, entries, actor, assigned=assigned))
    await queue_webhooks(order, assigned=assigned, webhook=webhook)


def entry_inserts(
    order: Order,
    entries: Sequence[Entry],
    actor: Actor,
    *,
    assigned: Sequence[FulfillmentOrder] = (),
) -> list[sql.Insert]:
    """What `record_many` inserts (the outbox rows, then the timeline's), for a caller that
    sends them with its own writes; it then calls `queue_webhooks`."""
    now = datetime.now(UTC)
    timeline = [
        {
            "order_id": order.id,
            "channel": order.channel,
            "type": e.type.value,
            "message": e.message,
            "actor": actor.label,
            "data": _with_ids(e),
            "about": dict(e.about) or None,
            "assignees": "".join(f"|{key}" for key in e.about) + "|" if e.about else None,
            "assignee_message": e.assignee_message,
            "created_at": now,
        }
        for e in entries
    ]
    order_rows = [
        _outbox_row(stream, entries[-1].type.value, {"orderId": order.id})
        for stream in (order_stream(order.id), channel_stream(order.channel))
    ]
    assigned_rows = _assignee_rows(assigned, FulfillmentOrderEventType.ASSIGNED, None)
    return [
        sql.Insert(OutboxEvent, [*assigned_rows, *order_rows]),
        sql.Insert(OrderEvent, timeline),
    ]


async def queue_webhooks(
    order: Order, *, assigned: Sequence[FulfillmentOrder] = (), webhook: str | None = None
) -> None:
    """`record_many`'s webhook deliveries, after its inserts (an assignee's body lists the
    fulfillment order's lines)."""
    webhooks: list[tuple[str, FulfillmentOrder | None]] = [(webhook, None)] if webhook else []
    event = FULFILLMENT_EVENTS.get(FulfillmentOrderEventType.ASSIGNED.value)
    if assigned and event:
        webhooks += [(event, fulfillment_order) for fulfillment_order in assigned]
    await webhook_queue.enqueue_many(order, webhooks)


def _outbox_row(stream: str, type: str, payload: dict[str, Any]) -> dict[str, Any]:
    written = WRITTEN.get()
    if written is not None:
        written.add(stream)
    return {"stream": stream, "type": type, "payload": payload}


def _assignee_rows(
    fulfillment_orders: Sequence[FulfillmentOrder],
    type: FulfillmentOrderEventType,
    assignee: tuple[int | None, int | None] | None,
) -> list[dict[str, Any]]:
    return [
        _outbox_row(
            assignee_stream(*(assignee or (fo.location_id, fo.vendor_id))),
            type.value,
            {"fulfillmentOrderId": fo.id, "orderId": fo.order_id},
        )
        for fo in fulfillment_orders
    ]


def _with_ids(entry: Entry) -> dict[str, Any] | None:
    """`data`, naming the fulfillment orders the entry is about."""
    if not entry.about:
        return entry.data
    ids = [gid for gids in entry.about.values() for gid in gids]
    return {**(entry.data or {}), "fulfillmentOrderIds": list(dict.fromkeys(ids))}


async def tell_working_assignees(order: Order, type: FulfillmentOrderEventType) -> None:
    """Tell every assignee that still has work on `order` (HELD, RELEASED, UPDATED)."""
    working = [
        fo
        for fo in await FulfillmentOrder.filter(order_id=order.id).order_by("id")
        if still_working(fo.status)
    ]
    await tell_assignees(working, type)


async def tell_assignee(
    fulfillment_order: FulfillmentOrder,
    type: FulfillmentOrderEventType,
    *,
    assignee: tuple[int | None, int | None] | None = None,
) -> None:
    """Put `type` on the stream of the fulfillment order's assignee, in the caller's
    transaction. `assignee` names a former one (MOVED_AWAY: call it with the assignee the
    work left); by default the fulfillment order's current assignee."""
    await tell_assignees([fulfillment_order], type, assignee=assignee)


async def tell_assignees(
    fulfillment_orders: Sequence[FulfillmentOrder],
    type: FulfillmentOrderEventType,
    *,
    assignee: tuple[int | None, int | None] | None = None,
) -> None:
    """`tell_assignee` for several fulfillment orders in one statement (after their lines
    exist: ASSIGNED also queues the vendor's webhook, whose body lists them)."""
    if not fulfillment_orders:
        return
    await sql.insert(OutboxEvent, _assignee_rows(fulfillment_orders, type, assignee))
    await webhook_queue.enqueue_fulfillment_events(fulfillment_orders, type.value, assignee)


# Rows deleted per statement: small, so that a round never holds locks for long.
PRUNE_BATCH = 500


async def prune(before: datetime) -> int:
    """Delete one batch of published outbox rows, and one of finished webhook deliveries
    (with their attempts), older than `before`. Any number of processes may run it at
    once: a row deleted twice is deleted once. The newest outbox row is kept, so that the
    oldest id kept tells subscriptions which cursors have expired (`cursor_expired`).
    Returns how many rows went; a full batch means a backlog."""
    newest = await OutboxEvent.all().order_by("-id").first()
    outbox: list[int] = []
    if newest is not None:
        # Tortoise types values_list(flat=True) as tuples; flat gives the ids themselves.
        outbox = cast(
            list[int],
            await OutboxEvent.filter(created_at__lt=before, published_at__not_isnull=True)
            .filter(id__lt=newest.id)
            .order_by("id")
            .limit(PRUNE_BATCH)
            .values_list("id", flat=True),
        )
        await OutboxEvent.filter(id__in=outbox).delete()
    finished = [webhooks.DeliveryStatus.SUCCEEDED.value, webhooks.DeliveryStatus.FAILED.value]
    deliveries = cast(
        list[int],
        await WebhookDelivery.filter(status__in=finished, updated_at__lt=before)
        .order_by("id")
        .limit(PRUNE_BATCH)
        .values_list("id", flat=True),
    )
    await WebhookDelivery.filter(id__in=deliveries).delete()
    return max(len(outbox), len(deliveries))
