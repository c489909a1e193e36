"""An order's state inside an operation: the row locked for the transaction, whether
an action is allowed (models.rules.lifecycle.ORDER_ACTIONS), and its stored status kept
equal to what its lines, fulfillment orders and holds say
(models.rules.lifecycle.derive_order_status). Every operation that touches an order
locks it first and ends by calling `refresh_status`.
"""

from __future__ import annotations

from typing import cast

from models.errors import DomainError, ErrorCode, not_found
from models.operations import events, sync_clock
from models.rules.events import OrderEventType
from models.rules.lifecycle import (
    FulfillmentOrderStatus,
    LineQuantities,
    OrderAction,
    OrderFacts,
    OrderStatus,
    TransitionError,
    check_order_action,
    derive_order_status,
)
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderHold, OrderLine


async def locked_order(order_id: int) -> Order:
    """The order, locked against concurrent changes (PostgreSQL) for this transaction."""
    order = await Order.select_for_update().get_or_none(id=order_id)
    if order is None:
        raise not_found("order", order_id, ["orderId"])
    return order


def check_action(order: Order, action: OrderAction) -> None:
    """INVALID_TRANSITION, naming the order, when its status does not allow `action`."""
    try:
        check_order_action(OrderStatus(order.status), action)
    except TransitionError as error:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, f"order {order.number}: {error.message}"
        ) from None


async def order_facts(order: Order, settled: bool = False) -> OrderFacts:
    lines = await OrderLine.filter(order_id=order.id).order_by("id")
    # values_list(flat=True) yields values; Tortoise's stubs say tuples.
    statuses = cast(
        list[str], await FulfillmentOrder.filter(order_id=order.id).values_list("status", flat=True)
    )
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
    """Store the status the order's facts give it, and stamp `updated_at`
    (models.operations.sync_clock): every operation that changes an order ends here, so an
    incremental sync (`updatedAfter`) sees it."""
    status = derive_order_status(await order_facts(order, settled))
    previous = order.status
    order.status = status.value
    await sync_clock.stamp(order, "status")
    # Other statuses follow from an event the timeline already holds (SHIPPED,
    # DELIVERED, HELD, ...); completion is the one that has no event of its own.
    if status is OrderStatus.COMPLETED and previous != status.value:
        await events.record(
            order,
            OrderEventType.COMPLETED,
            f"{previous} -> {status.value}",
            actor,
            {"from": previous, "to": status.value},
        )
    return status
