"""Cancelling work already accepted asks its assignee first (issue 13.5): the units stay
reserved until the assignee accepts (released, the order follows) or rejects (the work goes
on, the timeline says why); OPEN work is still cancelled at once."""

from __future__ import annotations

from typing import Any

from models.operations.access import create_api_key
from models.rules.scopes import Role
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, order_input, stock_of

ORDER = """query($n: String) { order(number: $n) { status
  lines { id quantity cancelledQuantity }
  fulfillmentOrders { id status lines { quantity }
    cancellationRequest { status message requestedAt answeredAt } }
  events(first: 50) { nodes { type message } } } }"""
FO = "fulfillmentOrder { status cancellationRequest { status } }"
ACCEPT_WORK = f"""mutation($id: ID!) {{ acceptFulfillmentOrder(input: {{id: $id}}) {{
  {FO} userErrors {{ code message }} }} }}"""
CANCEL_LINES = """mutation($o: ID!, $l: ID!, $q: Int!) { cancelOrderLines(input: {orderId: $o,
  lines: [{orderLineId: $l, quantity: $q}], reason: CUSTOMER}) {
  order { status } userErrors { code message } } }"""
CANCEL = """mutation($o: ID!) { cancelOrder(input: {orderId: $o, reason: CUSTOMER}) {
  order { status } userErrors { code message } } }"""
ACCEPT = f"""mutation($id: ID!) {{ acceptCancellationRequest(input: {{fulfillmentOrderId: $id}})
  {{ {FO} userErrors {{ code message field }} }} }}"""
REJECT = f"""mutation($id: ID!, $m: String!) {{ rejectCancellationRequest(input:
  {{fulfillmentOrderId: $id, message: $m}}) {{ {FO} userErrors {{ code message field }} }} }}"""
SHIP = """mutation($id: ID!) { shipFulfillmentOrder(input: {id: $id}) {
  fulfillmentOrder { status } userErrors { code message } } }"""


async def accepted_order(admin: Gql, quantity: int) -> dict[str, Any]:
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", quantity)])})
    order = (await admin(ORDER, {"n": placed["order"]["number"]}))["order"]
    (fo,) = order["fulfillmentOrders"]
    await admin.mutate(ACCEPT_WORK, {"id": fo["id"]})
    return {"number": placed["order"]["number"], "id": placed["order"]["id"], **order}


async def test_the_assignee_accepts_a_request_and_the_units_are_released(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 0, 0)})
    order = await accepted_order(admin, 3)
    (line,) = order["lines"]
    fo_id = order["fulfillmentOrders"][0]["id"]
    await admin.mutate(CANCEL_LINES, {"o": order["id"], "l": line["id"], "q": 1})
    # A second cancellation while the first is open adds to it.
    await admin.mutate(CANCEL_LINES, {"o": order["id"], "l": line["id"], "q": 1})
    asked = (await admin(ORDER, {"n": order["number"]}))["order"]
    (fo,) = asked["fulfillmentOrders"]
    assert fo["cancellationRequest"]["status"] == "REQUESTED"
    assert fo["cancellationRequest"]["message"] == "CUSTOMER"
    assert fo["cancellationRequest"]["answeredAt"] is None
    assert asked["lines"][0]["cancelledQuantity"] == 0
    assert [e["type"] for e in asked["events"]["nodes"]].count("CANCELLATION_REQUESTED") == 2
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (5, 3, 2)
    # Nothing is asked twice: only the unit not yet asked for can be.
    refused = await admin(CANCEL_LINES, {"o": order["id"], "l": line["id"], "q": 2})
    assert refused["cancelOrderLines"]["userErrors"][0]["code"] == "INVALID"
    # The assignee answers before the work moves on.
    blocked = (await admin(SHIP, {"id": fo_id}))["shipFulfillmentOrder"]
    assert blocked["userErrors"][0]["code"] == "INVALID_TRANSITION"
    assert "cancellation request" in blocked["userErrors"][0]["message"]

    done = await admin.mutate(ACCEPT, {"id": fo_id})
    assert done["fulfillmentOrder"] == {
        "status": "ACCEPTED",
        "cancellationRequest": {"status": "ACCEPTED"},
    }
    after = (await admin(ORDER, {"n": order["number"]}))["order"]
    assert after["lines"][0]["cancelledQuantity"] == 2
    assert after["fulfillmentOrders"][0]["lines"] == [{"quantity": 1}]
    assert after["fulfillmentOrders"][0]["cancellationRequest"]["answeredAt"]
    assert "CANCELLATION_ACCEPTED" in [e["type"] for e in after["events"]["nodes"]]
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (5, 1, 4)
    again = (await admin(ACCEPT, {"id": fo_id}))["acceptCancellationRequest"]
    assert again["userErrors"][0]["code"] == "INVALID_TRANSITION"


async def test_a_rejected_request_lets_the_work_go_on(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 0, 0)})
    order = await accepted_order(admin, 2)
    fo_id = order["fulfillmentOrders"][0]["id"]
    assert (await admin.mutate(CANCEL, {"o": order["id"]}))["order"]["status"] == "IN_PROGRESS"
    empty = (await admin(REJECT, {"id": fo_id, "m": "  "}))["rejectCancellationRequest"]
    assert empty["userErrors"][0]["field"] == ["message"]

    done = await admin.mutate(REJECT, {"id": fo_id, "m": "already on the truck"})
    assert done["fulfillmentOrder"]["cancellationRequest"] == {"status": "REJECTED"}
    after = (await admin(ORDER, {"n": order["number"]}))["order"]
    assert after["status"] == "IN_PROGRESS"
    assert after["lines"][0]["cancelledQuantity"] == 0
    (rejected,) = [e for e in after["events"]["nodes"] if e["type"] == "CANCELLATION_REJECTED"]
    assert rejected["message"].endswith("already on the truck")
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (5, 2, 3)
    shipped = await admin.mutate(SHIP, {"id": fo_id})
    assert shipped["fulfillmentOrder"]["status"] == "SHIPPED"


async def test_accepting_the_last_units_cancels_the_order(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 0, 0)})
    order = await accepted_order(admin, 2)
    await admin.mutate(CANCEL, {"o": order["id"]})
    await admin.mutate(ACCEPT, {"id": order["fulfillmentOrders"][0]["id"]})
    after = (await admin(ORDER, {"n": order["number"]}))["order"]
    assert after["status"] == "CANCELLED"
    assert after["fulfillmentOrders"][0]["status"] == "CANCELLED"
    assert after["events"]["nodes"][-1]["type"] == "CANCELLED"
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (5, 0, 5)


async def test_only_the_assignee_or_an_admin_answers(admin: Gql, as_key: Any) -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    order = await accepted_order(admin, 1)
    await admin.mutate(CANCEL, {"o": order["id"]})
    fo_id = order["fulfillmentOrders"][0]["id"]
    _, elsewhere = await create_api_key("stp", Role.STAFF, location_ids=[network.stp.id])
    body = await as_key(elsewhere).raw(ACCEPT, {"id": fo_id})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    _, here = await create_api_key("msp", Role.STAFF, location_ids=[network.msp.id])
    done = await as_key(here).mutate(REJECT, {"id": fo_id, "m": "packed already"})
    assert done["fulfillmentOrder"]["cancellationRequest"]["status"] == "REJECTED"
