"""Read scope over HTTP (issue 11 items 1, 4, 5): returns and return lines reached through
an order, receiveReturn by STAFF, and vendors' webhookUrl, for STAFF, VENDOR and PARTNER
keys alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from models.operations import fulfillment
from models.operations.access import create_api_key
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import InventoryLevel as InventoryLevelRow
from models.tables import Order as OrderRow
from models.tables import OrderLine as OrderLineRow
from models.tables import Return as ReturnRow
from models.tables import ReturnLine as ReturnLineRow
from models.tables import Vendor as VendorRow
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, gid, order_input
from tests.support.operations import snapshot

ORDER_RETURNS = """query($id: ID!) { node(id: $id) { ... on Order {
  returns { id lines { id orderLine { sku } } } } } }"""
RETURN_LINES = """query($id: ID!) {
  node(id: $id) { ... on Return { lines { orderLine { sku } } } } }"""
RECEIVE = """mutation($input: ReceiveReturnInput!) { receiveReturn(input: $input) {
  return { status } userErrors { field message code } } }"""
VENDOR_URL = "query($id: ID!) { node(id: $id) { ... on Vendor { code webhookUrl } } }"


@pytest.fixture
async def net(db: Any) -> Network:
    return await twin_cities({"MUG": (5, 0, 0), "HAT": (0, 5, 0)})


@pytest.fixture
async def who(net: Network, as_key: Callable[[str], Gql]) -> dict[str, Gql]:
    made = {}
    for name, role, scope in (
        ("partner", Role.PARTNER, {"channel": "web"}),
        ("other_partner", Role.PARTNER, {"channel": "pos"}),
        ("staff_msp", Role.STAFF, {"location_ids": [net.msp.id]}),
        ("staff_stp", Role.STAFF, {"location_ids": [net.stp.id]}),
        ("vendor", Role.VENDOR, {"vendor_id": net.vendor.id}),
        ("viewer", Role.VIEWER, {}),
    ):
        _, secret = await create_api_key(name, role, **scope)
        made[name] = as_key(secret)
    return made


async def returned_everything(admin: Gql) -> tuple[OrderRow, ReturnRow]:
    """A web order split over MSP-01 (MUG), STP-01 (HAT) and the vendor (CHAIR), all shipped,
    and one return of every line, approved."""
    placed = await admin.mutate(
        PLACE, {"input": order_input([("MUG", 1), ("HAT", 1), ("CHAIR", 1)])}
    )
    order = await OrderRow.get(number=placed["order"]["number"])
    for fo in await FulfillmentOrderRow.filter(order_id=order.id):
        await fulfillment.accept(fo.id, SYSTEM)
        await fulfillment.ship(fo.id, SYSTEM)
    lines = [
        {"orderLineId": gid(line), "quantity": 1}
        for line in await OrderLineRow.filter(order_id=order.id).order_by("id")
    ]
    await admin.mutate(
        """mutation($input: RequestReturnInput!) { requestReturn(input: $input) {
        return { id } userErrors { message } } }""",
        {"input": {"orderId": gid(order), "lines": lines}},
    )
    row = await ReturnRow.get(order_id=order.id)
    await admin.mutate(
        """mutation($input: ApproveReturnInput!) { approveReturn(input: $input) {
        return { id } userErrors { message } } }""",
        {"input": {"returnId": gid(row)}},
    )
    return order, row


def skus(returns: list[dict[str, Any]]) -> list[list[str]]:
    return [sorted(line["orderLine"]["sku"] for line in r["lines"]) for r in returns]


async def test_order_returns_show_only_what_the_key_may_see(
    admin: Gql, who: dict[str, Gql]
) -> None:
    order, ret = await returned_everything(admin)

    async def seen(gql: Gql) -> list[list[str]] | None:
        node = (await gql(ORDER_RETURNS, {"id": gid(order)}))["node"]
        return None if node is None else skus(node["returns"])

    assert await seen(admin) == [["CHAIR", "HAT", "MUG"]]
    assert await seen(who["viewer"]) == [["CHAIR", "HAT", "MUG"]]
    assert await seen(who["partner"]) == [["CHAIR", "HAT", "MUG"]]
    assert await seen(who["other_partner"]) is None
    # Each store awaits the units it shipped, and sees those lines only.
    assert await seen(who["staff_msp"]) == [["MUG"]]
    assert await seen(who["staff_stp"]) == [["HAT"]]
    # A VENDOR has no returns list: it reaches none through the order either.
    assert await seen(who["vendor"]) == []
    # The return by id: the same lines, and nothing for the vendor.
    line_skus = (await who["staff_msp"](RETURN_LINES, {"id": gid(ret)}))["node"]["lines"]
    assert [line["orderLine"]["sku"] for line in line_skus] == ["MUG"]
    assert (await who["vendor"](RETURN_LINES, {"id": gid(ret)}))["node"] is None


def receipt(ret: ReturnRow, location: Any, line_ids: list[int]) -> dict[str, Any]:
    return {
        "input": {
            "returnId": gid(ret),
            "locationId": gid(location),
            "lines": [
                {"returnLineId": gid(ReturnLineRow(id=pk)), "disposition": "RESTOCK"}
                for pk in line_ids
            ],
        }
    }


async def test_staff_receives_only_returns_it_may_see_and_errors_name_nothing_else(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    _, ret = await returned_everything(admin)
    line_ids = sorted(await ReturnLineRow.filter(return__id=ret.id).values_list("id", flat=True))
    before = await snapshot()

    # MSP-01 awaits the return but shipped only one of its three lines: refused, no ids.
    body = (await who["staff_msp"](RECEIVE, receipt(ret, net.msp, line_ids)))["receiveReturn"]
    (error,) = body["userErrors"]
    assert error["code"] == "INVALID" and "ADMIN" in error["message"]
    assert not any(str(pk) in error["message"] for pk in line_ids)

    # A store that never saw the order: NOT_FOUND, as for a return that does not exist.
    _, stranger = await create_api_key("wh", Role.STAFF, location_ids=[net.warehouse.id])
    staff_wh = Gql(who["viewer"].client, stranger)
    body = (await staff_wh(RECEIVE, receipt(ret, net.warehouse, line_ids)))["receiveReturn"]
    assert [e["code"] for e in body["userErrors"]] == ["NOT_FOUND"]
    missing = (await staff_wh(RECEIVE, receipt(ReturnRow(id=9999), net.warehouse, [])))[
        "receiveReturn"
    ]["userErrors"]
    assert [e["message"].replace("9999", "N") for e in missing] == [
        e["message"].replace(str(ret.id), "N") for e in body["userErrors"]
    ]

    # ADMIN: a receipt missing lines says how many, not which ids.
    body = (await admin(RECEIVE, receipt(ret, net.stp, line_ids[:1])))["receiveReturn"]
    (error,) = body["userErrors"]
    assert error["message"].endswith("every line of the return; 2 of 3 have none")
    assert await snapshot() == before

    # A walk-in at STP-01 is received by ADMIN; STP-01 then sees every line of it.
    await admin.mutate(RECEIVE, receipt(ret, net.stp, line_ids))
    node = (await who["staff_stp"](RETURN_LINES, {"id": gid(ret)}))["node"]
    assert sorted(line["orderLine"]["sku"] for line in node["lines"]) == ["CHAIR", "HAT", "MUG"]
    assert (await who["staff_msp"](RETURN_LINES, {"id": gid(ret)}))["node"] is None


async def test_staff_receives_a_return_of_its_own_lines_at_its_own_location(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", 2)])})
    order = await OrderRow.get(number=placed["order"]["number"])
    (fo,) = await FulfillmentOrderRow.filter(order_id=order.id)
    await fulfillment.accept(fo.id, SYSTEM)
    await fulfillment.ship(fo.id, SYSTEM)
    (line,) = await OrderLineRow.filter(order_id=order.id)
    await admin.mutate(
        """mutation($input: RequestReturnInput!) { requestReturn(input: $input) {
        return { id } userErrors { message } } }""",
        {"input": {"orderId": gid(order), "lines": [{"orderLineId": gid(line), "quantity": 1}]}},
    )
    ret = await ReturnRow.get(order_id=order.id)
    await admin.mutate(
        """mutation($input: ApproveReturnInput!) { approveReturn(input: $input) {
        return { id } userErrors { message } } }""",
        {"input": {"returnId": gid(ret)}},
    )
    line_ids = list(await ReturnLineRow.filter(return__id=ret.id).values_list("id", flat=True))
    body = (await who["staff_stp"](RECEIVE, receipt(ret, net.stp, line_ids)))["receiveReturn"]
    assert [e["code"] for e in body["userErrors"]] == ["NOT_FOUND"]
    got = await who["staff_msp"].mutate(RECEIVE, receipt(ret, net.msp, line_ids))
    assert got["return"]["status"] == "RECEIVED"


async def test_webhook_url_only_for_admin_and_the_vendor_itself(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    url = "https://hooks.example.com/oms?token=s3cret"
    await VendorRow.filter(id=net.vendor.id).update(webhook_url=url)
    vendor_id = gid(net.vendor)
    listed = "{ vendors { nodes { code webhookUrl } } }"

    async def read(gql: Gql) -> set[str | None]:
        by_node = (await gql(VENDOR_URL, {"id": vendor_id}))["node"]["webhookUrl"]
        by_list = {v["webhookUrl"] for v in (await gql(listed))["vendors"]["nodes"]}
        return {by_node} | by_list

    assert await read(admin) == {url}
    assert await read(who["vendor"]) == {url}
    for name in ("viewer", "partner", "staff_msp"):
        assert await read(who[name]) == {None}, name


async def test_routing_reason_runners_up_only_for_admin_and_viewer(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    await InventoryLevelRow.filter(location_id=net.stp.id).update(on_hand=5)
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    whole = placed["order"]["fulfillmentOrders"][0]["routingReason"]
    assert whole.startswith("MSP-01 fills") and "runners-up: STP-01 (can fill" in whole
    own = whole.split("; runners-up: ")[0]
    query = """query($n: String) { order(number: $n) { fulfillmentOrders { routingReason } } }"""
    for name, expected in (
        ("viewer", whole),
        ("staff_msp", own),
        ("partner", own),
    ):
        order = (await who[name](query, {"n": placed["order"]["number"]}))["order"]
        assert order["fulfillmentOrders"] == [{"routingReason": expected}], name
    listed = "{ fulfillmentOrders { nodes { routingReason } } }"
    (node,) = (await who["staff_msp"](listed))["fulfillmentOrders"]["nodes"]
    assert "STP-01" not in node["routingReason"]


RETURN_ORDER = """query($id: ID!) {
  node(id: $id) { ... on Return { order { number } lines { orderLine { sku } } } }
  returns(first: 10) { nodes { id order { number customer { email } } } } }"""


async def test_a_walk_in_return_does_not_open_the_order_to_the_store_that_received_it(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    order, ret = await returned_everything(admin)
    line_ids = sorted(await ReturnLineRow.filter(return__id=ret.id).values_list("id", flat=True))
    # The customer walks into the warehouse's counter, which never fulfilled the order.
    await admin.mutate(RECEIVE, receipt(ret, net.warehouse, line_ids))
    _, secret = await create_api_key("wh", Role.STAFF, location_ids=[net.warehouse.id])
    staff_wh = Gql(who["viewer"].client, secret)

    seen = await staff_wh(RETURN_ORDER, {"id": gid(ret)})
    # The return and every line of it (the units are in its hands), not the order.
    assert seen["node"]["order"] is None
    assert sorted(line["orderLine"]["sku"] for line in seen["node"]["lines"]) == [
        "CHAIR",
        "HAT",
        "MUG",
    ]
    assert seen["returns"]["nodes"] == [{"id": gid(ret), "order": None}]
    assert (await staff_wh("query($id: ID!) { node(id: $id) { id } }", {"id": gid(order)}))[
        "node"
    ] is None
    # Keys that may see the order still reach it through the return.
    for gql in (admin, who["viewer"], who["partner"]):
        assert (await gql(RETURN_ORDER, {"id": gid(ret)}))["node"]["order"] == {
            "number": order.number
        }
