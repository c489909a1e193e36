"""Events written in the same transaction as the change they report: the order's
timeline (OrderEvent) and the outbox the relay publishes (OutboxEvent).
"""

from __future__ import annotations

from typing import Any

from models.operations import webhooks
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderEvent, OutboxEvent

ASSIGNED = "ASSIGNED"


def order_stream(order_id: int) -> str:
    return f"order:{order_id}"


def assignee_stream(location_id: int | None, vendor_id: int | None) -> str:
    return f"location:{location_id}" if location_id is not None else f"vendor:{vendor_id}"


async def record(
    order: Order, type: str, message: str, actor: Actor, data: dict[str, Any] | None = None
) -> OrderEvent:
    """Append to the order's timeline, and to the outbox for `orderUpdated`."""
    event = await OrderEvent.create(
        order_id=order.id, type=type, message=message, actor=actor.label, data=data
    )
    await OutboxEvent.create(
        stream=order_stream(order.id),
        type=type,
        payload={"orderEventId": event.id, "orderId": order.id},
    )
    return event


async def announce_assignment(fulfillment_order: FulfillmentOrder) -> None:
    """Tell the assignee's dashboards, and queue its webhook, in the caller's transaction."""
    await OutboxEvent.create(
        stream=assignee_stream(fulfillment_order.location_id, fulfillment_order.vendor_id),  # type: ignore[attr-defined]
        type=ASSIGNED,
        payload={"fulfillmentOrderId": fulfillment_order.id, "orderId": fulfillment_order.order_id},  # type: ignore[attr-defined]
    )
    await webhooks.enqueue_assignment(fulfillment_order)
