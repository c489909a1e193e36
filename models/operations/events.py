"""Events written in the same transaction as the change they report: the order's
timeline (OrderEvent) and the outbox the relay publishes (OutboxEvent).

Streams: "order:<id>" rings `orderUpdated`, "channel:<name>" rings `orderEvents`, and
"location:<id>" / "vendor:<id>" carry each assignee's `fulfillmentOrderEvents`. Every
change to an assignee's work goes through `tell_assignee(s)`, so no writer forgets one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from models.operations import webhook_queue
from models.rules.events import FulfillmentOrderEventType, OrderEventType, assignee_key
from models.rules.ids import global_id
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderEvent, OutboxEvent


def order_stream(order_id: int) -> str:
    return f"order:{order_id}"


def channel_stream(channel: str) -> str:
    return f"channel:{channel}"


def assignee_stream(location_id: int | None, vendor_id: int | None) -> str:
    return assignee_key(location_id, vendor_id)


def fulfillment_gid(fulfillment_order_id: int) -> str:
    return global_id("FulfillmentOrder", fulfillment_order_id)


def about(*fulfillment_orders: FulfillmentOrder) -> dict[str, str]:
    """Which fulfillment orders a timeline entry is about, by global id, with the assignee
    each had when the entry was written: what `Order.events` shows an assignee."""
    return {
        fulfillment_gid(fo.id): assignee_key(fo.location_id, fo.vendor_id)  # type: ignore[attr-defined]
        for fo in fulfillment_orders
    }


@dataclass(frozen=True)
class Entry:
    """One line of an order's timeline, before it is written.

    `about` names the fulfillment orders it concerns (see `about()`); `assignee_message`
    is what an assignee reads instead of `message` when the entry also concerns others
    (None: a message made of the type alone)."""

    type: OrderEventType | str
    message: str
    data: dict[str, Any] | None = None
    about: Mapping[str, str] = field(default_factory=dict)
    assignee_message: str | None = None


async def record(
    order: Order,
    type: OrderEventType | str,
    message: str,
    actor: Actor,
    data: dict[str, Any] | None = None,
    *,
    about: Mapping[str, str] | None = None,
    assignee_message: str | None = None,
) -> None:
    """Append to the order's timeline, and ring `orderUpdated` and `orderEvents`."""
    await record_many(order, [Entry(type, message, data, about or {}, assignee_message)], actor)


async def record_many(order: Order, entries: Sequence[Entry], actor: Actor) -> None:
    """Append several timeline entries in two statements: the entries, and the outbox rows
    that tell `orderUpdated` and `orderEvents` subscribers to read the timeline again."""
    await OrderEvent.bulk_create(
        [
            OrderEvent(
                order_id=order.id,
                type=e.type,
                message=e.message,
                actor=actor.label,
                data=_with_ids(e),
            )
            for e in entries
        ]
    )
    await OutboxEvent.bulk_create(
        [
            OutboxEvent(stream=stream, type=entries[-1].type, payload={"orderId": order.id})
            for stream in (order_stream(order.id), channel_stream(order.channel))
        ]
    )


def _with_ids(entry: Entry) -> dict[str, Any] | None:
    """`data`, naming the fulfillment orders the entry is about."""
    if not entry.about:
        return entry.data
    return {**(entry.data or {}), "fulfillmentOrderIds": list(entry.about)}


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
    await OutboxEvent.bulk_create(
        [
            OutboxEvent(
                stream=assignee_stream(
                    *(assignee or (fo.location_id, fo.vendor_id))  # type: ignore[attr-defined]
                ),
                type=type.value,
                payload={"fulfillmentOrderId": fo.id, "orderId": fo.order_id},  # type: ignore[attr-defined]
            )
            for fo in fulfillment_orders
        ]
    )
    await webhook_queue.enqueue_fulfillment_events(fulfillment_orders, type.value, assignee)
