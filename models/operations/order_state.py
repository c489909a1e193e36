"""Keep an order's stored status equal to what its lines, fulfillment orders and
holds say (models.rules.lifecycle.derive_order_status). Every operation that
touches an order ends by calling `refresh_status`.
"""

from __future__ import annotations

from models.operations import events
from models.rules.lifecycle import (
    FulfillmentOrderStatus,
    LineQuantities,
    OrderFacts,
    OrderStatus,
    derive_order_status,
)
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderHold, OrderLine


async def order_facts(order: Order, settled: bool = False) -> OrderFacts:
    lines = await OrderLine.filter(order_id=order.id).order_by("id")
    statuses = await FulfillmentOrder.filter(order_id=order.id).values_list("status", flat=True)
    held = await OrderHold.exists(order_id=order.id, released_at=None)
    return OrderFacts(
        lines=tuple(
            LineQuantities(
                quantity=line.quantity,
                allocated=line.allocated_quantity,
                backordered=line.backordered_quantity,
                shipped=line.shipped_quantity,
                delivered=line.delivered_quantity,
                cancelled=line.cancelled_quantity,
            )
            for line in lines
        ),
        fulfillment_statuses=tuple(FulfillmentOrderStatus(s) for s in statuses),
        on_hold=held,
        settled=settled,
    )


async def refresh_status(order: Order, actor: Actor, settled: bool = False) -> OrderStatus:
    status = derive_order_status(await order_facts(order, settled))
    if status.value != order.status:
        previous = order.status
        order.status = status.value
        await order.save(update_fields=["status", "updated_at"])
        await events.record(
            order,
            "STATUS_CHANGED",
            f"{previous} -> {status.value}",
            actor,
            {"from": previous, "to": status.value},
        )
    return status
