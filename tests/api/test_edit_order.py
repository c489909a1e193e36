"""editOrder and orderEditPreview through the API: added lines routed as a placement's
(a drop-ship rule sends them to the vendor), lowered quantities released or asked of the
assignee, idempotency per order, totals that follow, refusals that change nothing."""

from __future__ import annotations

from models.operations.access import create_api_key
from models.operations.fulfillment import ShipLine, accept, ship
from models.operations.order_actions import cancel_order
from models.rules.events import FulfillmentOrderEventType
from models.rules.lifecycle import CancelReason
from models.rules.scopes import SYSTEM, Role
from models.tables import CancellationRequest, InventoryLevel, OrderLine, OutboxEvent
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.gql import Gql
from tests.support.operations import only_open, place, snapshot

EDIT = """mutation($input: EditOrderInput!) { editOrder(input: $input) {
  order { status subtotal { amount } currentSubtotal { amount }
    lines { sku quantity cancelledQuantity allocatedQuantity backorderedQuantity }
    fulfillmentOrders { status location { code } vendor { code } } }
  userErrors { field code message } } }"""
PREVIEW = """query($input: EditOrderInput!) { orderEditPreview(input: $input) {
  currentSubtotal { amount }
  plan { assignments { location { code } vendor { code } lines { sku quantity } reason }
         backorders { sku quantity } }
  released { orderLineId quantity } } }"""


def gid(kind: str, pk: int) -> str:
    return encode_id(kind, pk)


async def test_an_added_line_a_drop_ship_rule_sends_to_the_vendor(admin: Gql) -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    data = await admin(
        EDIT,
        {
            "input": {
                "orderId": gid("Order", order.id),
                "reason": "customer called",
                "addLines": [{"sku": "CHAIR", "quantity": 1}],
            }
        },
    )
    edited = data["editOrder"]
    assert edited["userErrors"] == []
    works = edited["order"]["fulfillmentOrders"]
    assert {(w["location"] or {}).get("code") or w["vendor"]["code"] for w in works} == {
        "MSP-01",
        "NORTHWOODS",
    }
    assert edited["order"]["subtotal"]["amount"] == "10.00"
    assert edited["order"]["currentSubtotal"]["amount"] == "439.00"
    told = await OutboxEvent.filter(
        stream=f"vendor:{network.vendor.id}", type=FulfillmentOrderEventType.ASSIGNED
    ).count()
    assert told == 1


async def test_lowering_open_work_releases_and_accepted_work_is_asked(admin: Gql) -> None:
    network = await twin_cities({"MUG": (5, 5, 0), "LAMP": (5, 5, 0)})
    order = await place(("MUG", 3), ("LAMP", 2))
    work = await only_open(order)
    mug, _ = await OrderLine.filter(order_id=order.id).order_by("position")
    await accept(work.id, SYSTEM)
    # Lowering accepted work asks the assignee; the units stay reserved meanwhile.
    data = await admin(
        EDIT,
        {
            "input": {
                "orderId": gid("Order", order.id),
                "setQuantities": [{"orderLineId": gid("OrderLine", mug.id), "quantity": 1}],
            }
        },
    )
    assert data["editOrder"]["userErrors"] == []
    request = await CancellationRequest.get(fulfillment_order_id=work.id)
    assert request.status == "REQUESTED"
    level = await InventoryLevel.get(location_id=network.msp.id, product__sku="MUG")
    assert level.reserved == 3
    # Lowering a line to 0 before anybody accepted it releases it at once.
    order2 = await place(("LAMP", 2))
    (lamp2,) = await OrderLine.filter(order_id=order2.id)
    data = await admin(
        EDIT,
        {
            "input": {
                "orderId": gid("Order", order2.id),
                "setQuantities": [{"orderLineId": gid("OrderLine", lamp2.id), "quantity": 0}],
                "addLines": [{"sku": "MUG", "quantity": 1, "unitPrice": "9.50"}],
            }
        },
    )
    edited = data["editOrder"]["order"]
    assert edited["currentSubtotal"]["amount"] == "9.50"
    assert edited["lines"][0]["cancelledQuantity"] == 2
    lamp_level = await InventoryLevel.get(location_id=network.msp.id, product__sku="LAMP")
    assert lamp_level.reserved == 2  # only the first order's lamps


async def test_the_same_key_edits_once(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    edit = {
        "orderId": gid("Order", order.id),
        "idempotencyKey": "e-1",
        "addLines": [{"sku": "MUG", "quantity": 1}],
    }
    first = await admin(EDIT, {"input": edit})
    again = await admin(EDIT, {"input": edit})
    assert first["editOrder"]["order"]["lines"] == again["editOrder"]["order"]["lines"]
    assert len(again["editOrder"]["order"]["lines"]) == 2
    changed = await admin(EDIT, {"input": {**edit, "addLines": [{"sku": "MUG", "quantity": 2}]}})
    assert changed["editOrder"]["userErrors"][0]["code"] == "IDEMPOTENCY_CONFLICT"


async def test_preview_changes_nothing_and_tells_what_the_edit_would_do(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 2))
    (mug,) = await OrderLine.filter(order_id=order.id)
    edit = {
        "orderId": gid("Order", order.id),
        "addLines": [{"sku": "CHAIR", "quantity": 1}],
        "setQuantities": [{"orderLineId": gid("OrderLine", mug.id), "quantity": 1}],
    }
    before = await snapshot()
    preview = (await admin(PREVIEW, {"input": edit}))["orderEditPreview"]
    assert await snapshot() == before
    assert preview["currentSubtotal"]["amount"] == "439.00"
    assert preview["released"] == [{"orderLineId": gid("OrderLine", mug.id), "quantity": 1}]
    (assignment,) = preview["plan"]["assignments"]
    assert assignment["vendor"]["code"] == "NORTHWOODS"
    assert assignment["lines"] == [{"sku": "CHAIR", "quantity": 1}]
    done = (await admin(EDIT, {"input": edit}))["editOrder"]["order"]
    assert done["currentSubtotal"] == preview["currentSubtotal"]


async def test_bad_edits_change_nothing(admin: Gql, as_key) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 2))
    (mug,) = await OrderLine.filter(order_id=order.id)
    order_id = gid("Order", order.id)
    line_id = gid("OrderLine", mug.id)
    bad = [
        ({"addLines": [{"sku": "NOPE", "quantity": 1}]}, "NOT_FOUND"),
        ({"addLines": [{"sku": "MUG", "quantity": 0}]}, "INVALID"),
        ({"setQuantities": [{"orderLineId": line_id, "quantity": -1}]}, "INVALID"),
        ({}, "INVALID"),
    ]
    for change, code in bad:
        before = await snapshot()
        data = await admin(EDIT, {"input": {"orderId": order_id, **change}})
        assert [e["code"] for e in data["editOrder"]["userErrors"]] == [code], change
        assert await snapshot() == before
    _, pos = await create_api_key("pos", Role.PARTNER, channel="pos")
    refused = await as_key(pos).raw(EDIT, {"input": {"orderId": order_id, "reason": "x"}})
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_never_below_what_shipped_nor_on_a_cancelled_order(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 2))
    (mug,) = await OrderLine.filter(order_id=order.id)
    work = await only_open(order)
    await accept(work.id, SYSTEM)
    await ship(work.id, SYSTEM, lines=[ShipLine(mug.id, 1)])
    before = await snapshot()
    data = await admin(
        EDIT,
        {
            "input": {
                "orderId": gid("Order", order.id),
                "setQuantities": [{"orderLineId": gid("OrderLine", mug.id), "quantity": 0}],
            }
        },
    )
    assert data["editOrder"]["userErrors"][0]["code"] == "INVALID"
    assert "shipped" in data["editOrder"]["userErrors"][0]["message"]
    assert await snapshot() == before
    other = await place(("MUG", 1))
    await cancel_order(other.id, CancelReason.CUSTOMER, SYSTEM)
    data = await admin(
        EDIT,
        {"input": {"orderId": gid("Order", other.id), "addLines": [{"sku": "MUG", "quantity": 1}]}},
    )
    assert data["editOrder"]["userErrors"][0]["code"] == "INVALID_TRANSITION"
