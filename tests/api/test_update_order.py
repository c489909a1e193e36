"""updateOrder through the API: a fixed address routes open work again (or keeps it where
it is), accepted work hears UPDATED, tags and metadata are stored and filtered, bad input
changes nothing."""

from __future__ import annotations

from models.operations.access import create_api_key
from models.operations.fulfillment import accept, ship
from models.operations.order_actions import hold_order
from models.rules.events import FulfillmentOrderEventType
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrder, InventoryLevel, OrderEvent, OutboxEvent
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.gql import Gql
from tests.support.operations import only_open, place, snapshot

UPDATE = """mutation($input: UpdateOrderInput!) { updateOrder(input: $input) {
  order { status note tags metadata customer { email name } shippingAddress { city }
    fulfillmentOrders { status routingReason location { code } } }
  userErrors { field code message } } }"""
RELEASE = """mutation($id: ID!) { releaseOrderHold(input: {orderId: $id}) {
  order { status fulfillmentOrders { status location { code } } } userErrors { message } } }"""
ST_PAUL = {
    "line1": "75 W 5th St",
    "city": "St. Paul",
    "region": "MN",
    "postalCode": "55102",
    "countryCode": "US",
    "latitude": 44.9458,
    "longitude": -93.0964,
}
MINNEAPOLIS_NEXT_DOOR = {**ST_PAUL, "city": "Minneapolis", "latitude": 44.98, "longitude": -93.27}


async def reserved(location_id: int) -> int:
    return sum(
        await InventoryLevel.filter(location_id=location_id).values_list("reserved", flat=True)
    )


async def test_fix_address_then_release_the_hold_routes_to_the_new_nearest_store(
    admin: Gql,
) -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 2))
    assert (await only_open(order)).location_id == network.msp.id  # type: ignore[attr-defined]
    await hold_order(order.id, HoldReason.INCORRECT_ADDRESS, "no such street", SYSTEM)
    order_id = encode_id("Order", order.id)

    fixed = await admin(UPDATE, {"input": {"orderId": order_id, "shippingAddress": ST_PAUL}})
    assert fixed["updateOrder"]["userErrors"] == []
    assert fixed["updateOrder"]["order"]["shippingAddress"]["city"] == "St. Paul"
    assert (await reserved(network.msp.id), await reserved(network.stp.id)) == (0, 2)

    released = await admin(RELEASE, {"id": order_id})
    works = released["releaseOrderHold"]["order"]["fulfillmentOrders"]
    assert {(w["status"], w["location"]["code"]) for w in works} == {
        ("CANCELLED", "MSP-01"),
        ("OPEN", "STP-01"),
    }
    moved_away = await OutboxEvent.filter(
        stream=f"location:{network.msp.id}", type=FulfillmentOrderEventType.MOVED_AWAY
    ).count()
    assert moved_away == 1
    assert await OrderEvent.filter(order_id=order.id, type="UPDATED").count() == 1


async def test_work_that_would_stay_stays_and_says_why(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    before = await only_open(order)
    data = await admin(
        UPDATE,
        {
            "input": {
                "orderId": encode_id("Order", order.id),
                "shippingAddress": MINNEAPOLIS_NEXT_DOOR,
            }
        },
    )
    (work,) = data["updateOrder"]["order"]["fulfillmentOrders"]
    assert work["location"]["code"] == "MSP-01"
    assert work["routingReason"].startswith("stays after the address change")
    assert (await only_open(order)).id == before.id


async def test_accepted_work_is_told_not_moved(admin: Gql) -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    await accept((await only_open(order)).id, SYSTEM)
    data = await admin(
        UPDATE,
        {
            "input": {
                "orderId": encode_id("Order", order.id),
                "shippingAddress": ST_PAUL,
                "note": "leave at the door",
                "customer": {"email": "grace@example.com", "name": "Grace"},
            }
        },
    )
    order_data = data["updateOrder"]["order"]
    assert order_data["note"] == "leave at the door"
    assert order_data["customer"] == {"email": "grace@example.com", "name": "Grace"}
    assert [w["location"]["code"] for w in order_data["fulfillmentOrders"]] == ["MSP-01"]
    told = await OutboxEvent.filter(
        stream=f"location:{network.msp.id}", type=FulfillmentOrderEventType.UPDATED
    ).count()
    assert told == 1


async def test_tags_and_metadata(admin: Gql, as_key) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    await place(("MUG", 1))
    _, web = await create_api_key("web", Role.PARTNER, channel="web")
    data = await as_key(web)(
        UPDATE,
        {
            "input": {
                "orderId": encode_id("Order", order.id),
                "tags": ["vip", " gift ", "vip"],
                "metadata": {"cart": "c-1", "items": [1, 2]},
            }
        },
    )
    assert data["updateOrder"]["order"]["tags"] == ["vip", "gift"]
    assert data["updateOrder"]["order"]["metadata"] == {"cart": "c-1", "items": [1, 2]}
    tagged = "query($t: [String!]) { orders(filter: {tags: $t}) { nodes { number } } }"
    assert (await admin(tagged, {"t": ["vip", "gift"]}))["orders"]["nodes"] == [
        {"number": order.number}
    ]
    assert (await admin(tagged, {"t": ["vip", "none"]}))["orders"]["nodes"] == []
    cleared = await admin(
        UPDATE, {"input": {"orderId": encode_id("Order", order.id), "tags": [], "metadata": None}}
    )
    assert cleared["updateOrder"]["order"]["tags"] == []
    assert cleared["updateOrder"]["order"]["metadata"] is None
    assert (await admin(tagged, {"t": ["vip"]}))["orders"]["nodes"] == []


async def test_bad_input_changes_nothing(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 0)})
    order = await place(("MUG", 1))
    order_id = encode_id("Order", order.id)
    bad = [
        ({"metadata": {"blob": "x" * 20_000}}, "INVALID"),
        ({"metadata": [1, 2]}, "INVALID"),
        ({"customer": {"email": "not-an-email"}}, "INVALID"),
        ({"shippingAddress": {"city": "Nowhere"}}, "INVALID"),
        ({"tags": ["x" * 65]}, "INVALID"),
    ]
    for change, code in bad:
        before = await snapshot()
        data = await admin(UPDATE, {"input": {"orderId": order_id, **change}})
        assert [e["code"] for e in data["updateOrder"]["userErrors"]] == [code], change
        assert await snapshot() == before
    fulfillment = await only_open(order)
    await accept(fulfillment.id, SYSTEM)
    await ship(fulfillment.id, SYSTEM)
    shipped = await admin(UPDATE, {"input": {"orderId": order_id, "shippingAddress": ST_PAUL}})
    assert shipped["updateOrder"]["userErrors"][0]["code"] == "INVALID_TRANSITION"
    # A note is still welcome after shipping.
    noted = await admin(UPDATE, {"input": {"orderId": order_id, "note": "gift wrapped"}})
    assert noted["updateOrder"]["order"]["note"] == "gift wrapped"
    assert await FulfillmentOrder.filter(order_id=order.id).count() == 1
