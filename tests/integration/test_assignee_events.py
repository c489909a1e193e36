"""Every change to an assignee's work lands on its stream, in the changing transaction."""

from __future__ import annotations

import pytest

from models.operations.order_actions import (
    LineCancellation,
    cancel_order,
    cancel_order_lines,
    hold_order,
    release_hold,
)
from models.operations.placement import place_order
from models.operations.rejection import RejectReason, reject
from models.rules.lifecycle import CancelReason, HoldReason
from models.rules.scopes import SYSTEM
from models.tables import FulfillmentOrder, OrderLine, OutboxEvent
from tests.support.factories import twin_cities, web_order

pytestmark = pytest.mark.usefixtures("db")


async def heard(stream: str) -> list[tuple[str, int]]:
    rows = await OutboxEvent.filter(stream=stream).order_by("id")
    return [(row.type, row.payload["fulfillmentOrderId"]) for row in rows]


async def test_a_store_hears_holds_cancellations_and_rejections_of_its_work() -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    msp, stp = f"location:{network.msp.id}", f"location:{network.stp.id}"
    placed = await place_order(web_order(("MUG", 3)), SYSTEM)
    (fo,) = await FulfillmentOrder.filter(order_id=placed.order.id)
    (line,) = await OrderLine.filter(order_id=placed.order.id)
    await hold_order(placed.order.id, HoldReason.AWAITING_PAYMENT, None, SYSTEM)
    await release_hold(placed.order.id, SYSTEM)
    await cancel_order_lines(
        placed.order.id, [LineCancellation(line.id, 1)], CancelReason.CUSTOMER, SYSTEM
    )
    await reject(fo.id, RejectReason.OUT_OF_STOCK, None, SYSTEM)
    assert await heard(msp) == [
        ("ASSIGNED", fo.id),
        ("HELD", fo.id),
        ("RELEASED", fo.id),
        ("LINES_CANCELLED", fo.id),
        ("REJECTED", fo.id),
    ]
    (rerouted,) = await FulfillmentOrder.filter(
        order_id=placed.order.id, location_id=network.stp.id
    )
    await cancel_order(placed.order.id, CancelReason.CUSTOMER, SYSTEM)
    assert await heard(stp) == [("ASSIGNED", rerouted.id), ("CANCELLED", rerouted.id)]
