"""Deadlines on fulfillment orders, swept by every server process (api/background.py):

- acceptance: an OPEN fulfillment order not accepted by its `accept_by` is taken back from
  its assignee and routed elsewhere, as if the assignee had rejected it;
- pickup: a READY_FOR_PICKUP one not collected by its `pickup_expires_at` is cancelled and
  its stock released (models.operations.pickup).

All processes may see the same overdue row: each claims it with one conditional UPDATE
(`... WHERE status = 'OPEN' AND accept_by < now`) and only the process whose UPDATE
changed the row goes on, so each overdue fulfillment order is handled exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from tortoise.exceptions import OperationalError
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from models.errors import DomainError
from models.operations.fulfillment_state import is_held, record
from models.operations.order_state import locked_order
from models.operations.pickup import give_back_uncollected
from models.operations.rejection import SLA_EXPIRED, give_back_and_route
from models.operations.reservations import retry_on_conflict
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.lifecycle import FULFILLMENT_ORDER, FulfillmentAction, FulfillmentOrderStatus
from models.rules.scopes import SYSTEM, Actor
from models.tables import FulfillmentOrder, OrderHold

log = logging.getLogger(__name__)

# Overdue fulfillment orders handled per sweep, the most overdue first; the rest wait
# for the next sweep rather than making one sweep arbitrarily long.
SWEEP_BATCH = 100
_OPEN = FulfillmentOrderStatus.OPEN
_EXPIRED = FULFILLMENT_ORDER.apply(_OPEN, FulfillmentAction.EXPIRE)
_READY = FulfillmentOrderStatus.READY_FOR_PICKUP
_UNCOLLECTED = FULFILLMENT_ORDER.apply(_READY, FulfillmentAction.EXPIRE_PICKUP)


async def _expire(fulfillment_order_id: int, order_id: int, now: datetime, actor: Actor) -> bool:
    """Claim one overdue fulfillment order and route its lines again; False when another
    process claimed it first, it was accepted meanwhile, or its order is now held."""

    async def attempt(last: bool) -> bool:
        async with in_transaction():
            order = await locked_order(order_id)
            if await is_held(order):
                return False
            claimed = await FulfillmentOrder.filter(
                id=fulfillment_order_id, status=_OPEN.value, accept_by__lt=now
            ).update(status=_EXPIRED.value, reject_reason=SLA_EXPIRED, rejected_at=now)
            if not claimed:
                return False
            fulfillment_order = await FulfillmentOrder.get(id=fulfillment_order_id)
            assert fulfillment_order.accept_by is not None  # the claim matched accept_by < now
            await record(
                order,
                fulfillment_order,
                OrderEventType.EXPIRED,
                f"was not accepted by {fulfillment_order.accept_by.isoformat()}: routed again",
                actor,
                {"reason": SLA_EXPIRED},
                tell=FulfillmentOrderEventType.EXPIRED,
            )
            await give_back_and_route(order, fulfillment_order, actor, now)
            return True

    return await retry_on_conflict(attempt)


async def _expire_pickup(
    fulfillment_order_id: int, order_id: int, now: datetime, actor: Actor
) -> bool:
    """Claim one uncollected pickup and give its stock back; False when another process
    claimed it first or the customer collected it meanwhile."""

    async def attempt(last: bool) -> bool:
        async with in_transaction():
            order = await locked_order(order_id)
            claimed = await FulfillmentOrder.filter(
                id=fulfillment_order_id, status=_READY.value, pickup_expires_at__lt=now
            ).update(status=_UNCOLLECTED.value, cancelled_at=now)
            if not claimed:
                return False
            fulfillment_order = await FulfillmentOrder.get(id=fulfillment_order_id)
            await give_back_uncollected(order, fulfillment_order, actor, now)
            return True

    return await retry_on_conflict(attempt)


async def _sweep(
    what: str, due: list[tuple[int, int]], handle: Callable[..., Awaitable[bool]], now: datetime
) -> int:
    """Hand each (fulfillment order id, order id) to `handle`; how many it handled."""
    done = 0
    for fulfillment_order_id, order_id in due:
        try:
            done += await handle(fulfillment_order_id, order_id, now, SYSTEM)
        except (DomainError, OperationalError) as error:
            # Stock kept changing under this one, or the database would not lock for us
            # (SQLite refuses a second writer outright): it rolled back, and the next
            # sweep, here or in another process, tries it again.
            log.warning("fulfillment order %s not %s yet: %s", fulfillment_order_id, what, error)
    return done


async def expire_overdue(now: datetime) -> int:
    """Route elsewhere every OPEN fulfillment order whose deadline passed before `now`
    (orders on hold wait for their release). Returns how many this call expired."""
    held = OrderHold.filter(released_at=None).values("order_id")
    overdue = (
        await FulfillmentOrder.filter(status=_OPEN.value, accept_by__lt=now)
        .exclude(order_id__in=Subquery(held))
        .order_by("accept_by", "id")
        .limit(SWEEP_BATCH)
        .values_list("id", "order_id")
    )
    return await _sweep("expired", overdue, _expire, now)


async def expire_uncollected(now: datetime) -> int:
    """Cancel every READY_FOR_PICKUP fulfillment order not collected by `now`, releasing
    its stock (a hold does not keep stock at the counter). Returns how many this call
    cancelled."""
    overdue = (
        await FulfillmentOrder.filter(status=_READY.value, pickup_expires_at__lt=now)
        .order_by("pickup_expires_at", "id")
        .limit(SWEEP_BATCH)
        .values_list("id", "order_id")
    )
    return await _sweep("cancelled as uncollected", overdue, _expire_pickup, now)
