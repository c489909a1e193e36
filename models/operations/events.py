"""Events written in the same transaction as the change they report: the order's
timeline (OrderEvent) and the outbox the relay publishes (OutboxEvent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.operations import webhooks
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderEvent, OutboxEvent

ASSIGNED = "ASSIGNED"


def order_stream(order_id: int) -> str:
    return f"order:{order_id}"


def assignee_stream(location_id: int | None, vendor_id: int | None) -> str:
    return f"location:{location_id}" if location_id is not None else f"vendor:{vendor_id}"


@dataclass(frozen=True)
class Entry:
    """One line of an order's timeline, before it is written."""

    type: str
    message: str
    data: dict[str, Any] | None = None


async def record(
    order: Order, type: str, message: str, actor: Actor, data: dict[str, Any] | None = None
) -> None:
    """Append to the order's timeline, and ring `orderUpdated`."""
    await record_many(order, [Entry(type, message, data)], actor)


async def record_many(order: Order, entries: Sequence[Entry], actor: Actor) -> None:
    """Append several timeline entries in two statements: the entries, and one outbox
    row that tells `orderUpdated` subscribers to read the timeline again."""
    await OrderEvent.bulk_create(
        [
            OrderEvent(
                order_id=order.id, type=e.type, message=e.message, actor=actor.label, data=e.data
            )
            for e in entries
        ]
    )
    await OutboxEvent.create(
        stream=order_stream(order.id), type=entries[-1].type, payload={"orderId": order.id}
    )


async def announce_assignment(fulfillment_order: FulfillmentOrder) -> None:
    await announce_assignments([fulfillment_order])


async def announce_assignments(fulfillment_orders: Sequence[FulfillmentOrder]) -> None:
    """Tell the assignees' dashboards, and queue vendor webhooks, in the caller's
    transaction (after the fulfillment orders' lines exist)."""
    if not fulfillment_orders:
        return
    await OutboxEvent.bulk_create(
        [
            OutboxEvent(
                stream=assignee_stream(fo.location_id, fo.vendor_id),
                type=ASSIGNED,
                payload={"fulfillmentOrderId": fo.id, "orderId": fo.order_id},
            )
            for fo in fulfillment_orders
        ]
    )
    for fulfillment_order in fulfillment_orders:
        await webhooks.enqueue_assignment(fulfillment_order)
