"""placeOrder end to end: validation, routing, reservations, idempotency, scope."""

from __future__ import annotations

from models.operations.access import create_api_key
from models.rules.scopes import Role
from models.tables import InventoryLevel
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, order_input


async def test_a_minneapolis_order_ships_from_the_minneapolis_store(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 50), "HAT": (2, 5, 50)})
    payload = await admin.mutate(PLACE, {"input": order_input([("MUG", 2), ("HAT", 1)])})
    order = payload["order"]
    assert order["status"] == "ALLOCATED"
    assert order["subtotal"] == {"amount": "30.00", "currencyCode": "USD"}
    (fo,) = order["fulfillmentOrders"]
    assert fo["location"]["code"] == "MSP-01"
    assert fo["status"] == "OPEN"
    assert "MSP-01" in fo["routingReason"]
    levels = {
        (level.location_id, level.product_id): level.reserved
        for level in await InventoryLevel.all()
    }
    assert sum(levels.values()) == 3


async def test_furniture_is_dropshipped_and_the_rest_from_a_store(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 50)})
    payload = await admin.mutate(PLACE, {"input": order_input([("MUG", 1), ("CHAIR", 1)])})
    assignees = sorted(
        (fo["location"] or {}).get("code") or fo["vendor"]["code"]
        for fo in payload["order"]["fulfillmentOrders"]
    )
    assert assignees == ["MSP-01", "NORTHWOODS"]


async def test_what_nobody_holds_is_backordered(admin: Gql) -> None:
    await twin_cities({"MUG": (1, 0, 0)})
    payload = await admin.mutate(PLACE, {"input": order_input([("MUG", 3)])})
    order = payload["order"]
    assert order["status"] == "BACKORDERED"
    assert order["lines"][0]["allocatedQuantity"] == 1
    assert order["lines"][0]["backorderedQuantity"] == 2


async def test_same_idempotency_key_returns_the_same_order(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 5)})
    data = order_input([("MUG", 1)], idempotencyKey="cart-42")
    first = await admin.mutate(PLACE, {"input": data})
    again = await admin.mutate(PLACE, {"input": data})
    assert first["order"]["id"] == again["order"]["id"]
    changed = order_input([("MUG", 2)], idempotencyKey="cart-42")
    body = await admin(PLACE, {"input": changed})
    assert body["placeOrder"]["userErrors"][0]["code"] == "IDEMPOTENCY_CONFLICT"
    assert sum(level.reserved for level in await InventoryLevel.all()) == 1


async def test_unknown_sku_is_a_user_error_and_creates_nothing(admin: Gql) -> None:
    await twin_cities({"MUG": (5, 5, 5)})
    body = await admin(PLACE, {"input": order_input([("NOPE", 1)])})
    (error,) = body["placeOrder"]["userErrors"]
    assert error["code"] == "NOT_FOUND"
    assert error["field"] == ["lines", "0", "sku"]
    assert (await admin("{ orders { totalCount } }"))["orders"]["totalCount"] == 0


SOURCING_PLAN = """
query Plan($input: PlaceOrderInput!) {
  sourcingPlan(input: $input) {
    assignments { location { code } vendor { code } lines { sku quantity } reason }
    backorders { sku quantity }
  }
}
"""


async def test_sourcing_plan_answers_without_reserving(admin: Gql) -> None:
    await twin_cities({"MUG": (1, 5, 0)})
    data = await admin(SOURCING_PLAN, {"input": order_input([("MUG", 3), ("CHAIR", 1)])})
    plan = data["sourcingPlan"]
    codes = sorted((a["location"] or a["vendor"])["code"] for a in plan["assignments"])
    assert codes == ["NORTHWOODS", "STP-01"]
    assert plan["backorders"] == []
    assert all(a["reason"] for a in plan["assignments"])
    assert sum(level.reserved for level in await InventoryLevel.all()) == 0
    assert (await admin("{ orders { totalCount } }"))["orders"]["totalCount"] == 0


async def test_a_partner_places_orders_on_its_own_channel_only(as_key) -> None:
    await twin_cities({"MUG": (5, 5, 5)})
    _, secret = await create_api_key("shop", Role.PARTNER, channel="web")
    partner = as_key(secret)
    await partner.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    body = await partner.raw(PLACE, {"input": order_input([("MUG", 1)], channel="pos")})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await partner("{ orders { totalCount } }"))["orders"]["totalCount"] == 1
