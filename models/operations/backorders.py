"""Backorders: when stock rises (a count, a receipt, a restocked return), the orders
waiting for it are routed again, oldest first."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import cast

from tortoise.transactions import in_transaction

from models.errors import DomainError
from models.operations.order_routing import route_order
from models.operations.order_state import locked_order, refresh_status
from models.operations.reservations import retry_on_conflict
from models.rules.lifecycle import OrderStatus
from models.rules.scopes import Actor
from models.tables import Order

log = logging.getLogger(__name__)

# Orders re-routed per stock rise: the oldest first.
BACKORDER_BATCH = 100


async def _route_backorder(order_id: int, actor: Actor) -> bool:
    """One order in its own transaction; True when it received new assignments."""
    async with in_transaction():
        order = await locked_order(order_id)
        if order.status != OrderStatus.BACKORDERED.value:
            return False
        outcome = await route_order(order, actor)
        await refresh_status(order, actor)
        return bool(outcome.created)


async def route_backorders_after(product_ids: Sequence[int], actor: Actor) -> int:
    """Stock of these products rose and that change committed: route the backordered
    orders that want them again, oldest first. Returns how many received new assignments.

    Each order is its own transaction, so one that loses a race does not hold up the
    others. Nothing here is raised to the caller: the stock change stands whatever
    happens here, so a failure is logged, the backorders stay, and the next stock rise
    routes them.
    """
    routed = 0
    try:
        order_ids = (
            await Order.filter(
                status=OrderStatus.BACKORDERED.value,
                lines__product_id__in=list(product_ids),
                lines__backordered_quantity__gt=0,
            )
            .distinct()
            .order_by("id")
            .limit(BACKORDER_BATCH)
            .values_list("id", flat=True)
        )
        # values_list(flat=True) yields values; Tortoise's stubs say tuples.
        for order_id in cast(list[int], order_ids):
            # A def, not a lambda: mypy cannot infer a lambda with a default argument.
            async def attempt(last: bool, order_id: int = order_id) -> bool:
                return await _route_backorder(order_id, actor)

            try:
                routed += await retry_on_conflict(attempt)
            except DomainError as error:
                # Stock kept changing under this one: the next stock rise tries it again.
                log.warning("backordered order %s not routed: %s", order_id, error)
    except Exception:
        # The caller's change has committed and must not be reported as failed.
        log.exception("backorders of product(s) %s not routed after a stock rise", product_ids)
    return routed
