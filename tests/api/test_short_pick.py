"""rejectFulfillmentOrder with lines: a short pick. Only those units go back (with the
reason's stock effect for them alone) and are routed to the next store; the rest stays."""

from __future__ import annotations

from models.operations.access import create_api_key
from models.operations.fulfillment import accept
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrderLine, InventoryLevel, OrderLine
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.gql import Gql
from tests.support.operations import fulfillment_orders, only_open, place, snapshot

REJECT = """mutation($input: RejectFulfillmentOrderInput!) { rejectFulfillmentOrder(input: $input) {
  fulfillmentOrder { status lines { quantity remainingQuantity } }
  userErrors { field code message } } }"""


async def test_a_short_pick_goes_to_the_next_store_and_the_rest_stays(as_key) -> None:
    network = await twin_cities({"MUG": (3, 3, 0)})
    order = await place(("MUG", 3))
    work = await only_open(order)
    await accept(work.id, SYSTEM)
    line = await OrderLine.get(order_id=order.id)
    _, msp = await create_api_key("msp", Role.STAFF, [network.msp.id])
    data = await as_key(msp)(
        REJECT,
        {
            "input": {
                "id": encode_id("FulfillmentOrder", work.id),
                "reason": "OUT_OF_STOCK",
                "message": "only two on the shelf",
                "lines": [{"orderLineId": encode_id("OrderLine", line.id), "quantity": 1}],
            }
        },
    )
    payload = data["rejectFulfillmentOrder"]
    assert payload["userErrors"] == []
    assert payload["fulfillmentOrder"]["status"] == "ACCEPTED"
    assert payload["fulfillmentOrder"]["lines"] == [{"quantity": 2, "remainingQuantity": 2}]
    kept, moved = await fulfillment_orders(order)
    assert (kept.id, kept.status) == (work.id, "ACCEPTED")
    assert (moved.location_id, moved.status) == (network.stp.id, "OPEN")  # type: ignore[attr-defined]
    assert [fl.quantity for fl in await FulfillmentOrderLine.filter(fulfillment_order=moved)] == [1]
    msp_level = await InventoryLevel.get(location_id=network.msp.id)
    # OUT_OF_STOCK for the one unit: onHand drops to what this order still holds there.
    assert (msp_level.on_hand, msp_level.reserved) == (2, 2)
    stp_level = await InventoryLevel.get(location_id=network.stp.id)
    assert stp_level.reserved == 1
    line = await OrderLine.get(id=line.id)
    assert (line.allocated_quantity, line.backordered_quantity) == (3, 0)


async def test_a_short_pick_never_comes_back_here(admin: Gql) -> None:
    network = await twin_cities({"MUG": (3, 0, 0)})
    order = await place(("MUG", 2))
    work = await only_open(order)
    line = await OrderLine.get(order_id=order.id)
    data = await admin(
        REJECT,
        {
            "input": {
                "id": encode_id("FulfillmentOrder", work.id),
                "reason": "OTHER",
                "lines": [{"orderLineId": encode_id("OrderLine", line.id), "quantity": 1}],
            }
        },
    )
    assert data["rejectFulfillmentOrder"]["fulfillmentOrder"]["status"] == "OPEN"
    line = await OrderLine.get(id=line.id)
    # MSP-01 still has stock, but the unit it gave back is backordered, not sent back.
    assert (line.allocated_quantity, line.backordered_quantity) == (1, 1)
    assert len(await fulfillment_orders(order)) == 1
    assert (await InventoryLevel.get(location_id=network.msp.id)).reserved == 1


async def test_bad_short_picks_change_nothing(admin: Gql) -> None:
    await twin_cities({"MUG": (3, 3, 0)})
    order = await place(("MUG", 2))
    work = await only_open(order)
    line = await OrderLine.get(order_id=order.id)
    for quantity in (0, 3):
        before = await snapshot()
        data = await admin(
            REJECT,
            {
                "input": {
                    "id": encode_id("FulfillmentOrder", work.id),
                    "reason": "OTHER",
                    "lines": [
                        {"orderLineId": encode_id("OrderLine", line.id), "quantity": quantity}
                    ],
                }
            },
        )
        assert data["rejectFulfillmentOrder"]["userErrors"][0]["code"] == "INVALID"
        assert await snapshot() == before
    everything = await admin(
        REJECT,
        {
            "input": {
                "id": encode_id("FulfillmentOrder", work.id),
                "reason": "OTHER",
                "lines": [{"orderLineId": encode_id("OrderLine", line.id), "quantity": 2}],
            }
        },
    )
    assert everything["rejectFulfillmentOrder"]["fulfillmentOrder"]["status"] == "REJECTED"
