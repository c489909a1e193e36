"""A PARTNER key holds and releases its own channel's orders; assignees of accepted work hear
HELD and RELEASED; an admin's hold is not the channel's to lift."""

from __future__ import annotations

from models.operations.access import create_api_key
from models.operations.fulfillment import accept
from models.operations.order_actions import hold_order
from models.rules.events import FulfillmentOrderEventType
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM, Role
from models.tables import OrderHold, OutboxEvent
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.gql import Gql
from tests.support.operations import only_open, place

HOLD = """mutation($input: HoldOrderInput!) { holdOrder(input: $input) {
  order { status holds { reason releasedAt } } userErrors { code message } } }"""
RELEASE = """mutation($input: ReleaseOrderHoldInput!) { releaseOrderHold(input: $input) {
  order { status } userErrors { code message } } }"""


async def test_partner_holds_and_releases_its_own_orders(as_key) -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    fulfillment = await only_open(order)
    await accept(fulfillment.id, SYSTEM)
    _, web = await create_api_key("web", Role.PARTNER, channel="web")
    _, pos = await create_api_key("pos", Role.PARTNER, channel="pos")
    order_id = encode_id("Order", order.id)

    stranger = await as_key(pos).raw(HOLD, {"input": {"orderId": order_id, "reason": "OTHER"}})
    assert stranger["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    held = await as_key(web)(HOLD, {"input": {"orderId": order_id, "reason": "AWAITING_PAYMENT"}})
    assert held["holdOrder"]["userErrors"] == []
    assert held["holdOrder"]["order"]["status"] == "ON_HOLD"
    stream = f"location:{network.msp.id}"
    told = await OutboxEvent.filter(stream=stream).values_list("type", flat=True)
    assert FulfillmentOrderEventType.HELD in told

    released = await as_key(web)(RELEASE, {"input": {"orderId": order_id}})
    assert released["releaseOrderHold"]["userErrors"] == []
    assert released["releaseOrderHold"]["order"]["status"] != "ON_HOLD"
    told = await OutboxEvent.filter(stream=stream).values_list("type", flat=True)
    assert FulfillmentOrderEventType.RELEASED in told


async def test_partner_cannot_lift_an_admins_hold(as_key, admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    await hold_order(order.id, HoldReason.HIGH_RISK_OF_FRAUD, "manual review", SYSTEM)
    _, web = await create_api_key("web", Role.PARTNER, channel="web")
    order_id = encode_id("Order", order.id)
    refused = await as_key(web)(RELEASE, {"input": {"orderId": order_id}})
    assert refused["releaseOrderHold"]["userErrors"][0]["code"] == "INVALID_TRANSITION"
    assert await OrderHold.filter(order_id=order.id, released_at=None).count() == 1
    lifted = await admin(RELEASE, {"input": {"orderId": order_id}})
    assert lifted["releaseOrderHold"]["order"]["status"] != "ON_HOLD"
