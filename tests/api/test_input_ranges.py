"""Amounts and settings out of range (issue 11 items 13-14): a userError naming the limit,
before any write, never a later database or date error."""

from __future__ import annotations

from typing import Any

import pytest

from models.rules.money import MAX_AMOUNT
from models.tables import OrderLine as OrderLineRow
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, gid, order_input
from tests.support.operations import snapshot

SETTINGS = """mutation($input: UpdateRoutingSettingsInput!) { updateRoutingSettings(input: $input) {
  routingSettings { maxSplits } userErrors { field message code } } }"""
UPDATE_LOCATION = """mutation($input: UpdateLocationInput!) { updateLocation(input: $input) {
  location { dailyCapacity } userErrors { field message code } } }"""
PLAN = """query($input: PlaceOrderInput!) { sourcingPlan(input: $input) { backorders { sku } } }"""


@pytest.fixture
async def net(db: Any) -> Network:
    return await twin_cities({"MUG": (5, 0, 0)})


async def test_an_order_whose_subtotal_overflows_is_refused_naming_the_limit(
    admin: Gql, net: Network
) -> None:
    data = order_input([("MUG", 2)])
    data["lines"][0]["unitPrice"] = str(MAX_AMOUNT)  # each unit fits, their sum does not
    before = await snapshot()
    payload = (await admin(PLACE, {"input": data}))["placeOrder"]
    assert payload["order"] is None
    (error,) = payload["userErrors"]
    assert error["code"] == "INVALID" and error["field"][-1] == "lines"
    assert str(MAX_AMOUNT) in error["message"]
    assert await snapshot() == before
    # The dry run says the same, as a BAD_USER_INPUT.
    body = await admin.raw(PLAN, {"input": data})
    assert str(MAX_AMOUNT) in body["errors"][0]["message"]
    # At the limit exactly, it is placed.
    data["lines"] = [{"sku": "MUG", "quantity": 1, "unitPrice": str(MAX_AMOUNT)}]
    placed = await admin.mutate(PLACE, {"input": data})
    assert placed["order"]["subtotal"]["amount"] == str(MAX_AMOUNT)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("returnWindowDays", 3651),
        ("returnWindowDays", 2_147_483_647),
        ("returnWindowDays", -1),
        ("acceptanceMinutes", 0),
        ("acceptanceMinutes", 2_147_483_647),
        ("maxSplits", 0),
        ("maxSplits", 101),
    ],
)
async def test_settings_out_of_range_are_user_errors(
    admin: Gql, net: Network, field: str, value: int
) -> None:
    before = await snapshot()
    payload = (await admin(SETTINGS, {"input": {field: value}}))["updateRoutingSettings"]
    (error,) = payload["userErrors"]
    assert error["code"] == "INVALID" and error["field"][-1] == field
    assert "between" in error["message"] and str(value) in error["message"]
    assert await snapshot() == before


async def test_settings_at_their_ends_are_taken(admin: Gql, net: Network) -> None:
    for field, value in (("returnWindowDays", 3650), ("acceptanceMinutes", 43200)):
        await admin.mutate(SETTINGS, {"input": {field: value}})


@pytest.mark.parametrize("value", [-1, 1_000_001])
async def test_capacity_out_of_range_is_a_user_error(admin: Gql, net: Network, value: int) -> None:
    payload = (
        await admin(UPDATE_LOCATION, {"input": {"id": gid(net.msp), "dailyCapacity": value}})
    )["updateLocation"]
    (error,) = payload["userErrors"]
    assert error["field"][-1] == "dailyCapacity" and "between 0 and 1000000" in error["message"]


async def test_a_return_takes_at_most_as_many_lines_as_an_order(admin: Gql, net: Network) -> None:
    """Return.lines is charged by this length in the query cost."""
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    line_id = gid(await OrderLineRow.get())
    request = """mutation($input: RequestReturnInput!) { requestReturn(input: $input) {
      return { id } userErrors { field message code } } }"""
    lines = [{"orderLineId": line_id, "quantity": 1}] * 251
    before = await snapshot()
    payload = (await admin(request, {"input": {"orderId": placed["order"]["id"], "lines": lines}}))[
        "requestReturn"
    ]
    (error,) = payload["userErrors"]
    assert error["field"][-1] == "lines" and "at most 250 lines" in error["message"]
    assert await snapshot() == before
