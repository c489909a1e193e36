"""Returns over HTTP: the flow from request to refund, who may do each step, the scoped
`returns` list and node(id:), and userErrors that change nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from models.operations import fulfillment
from models.operations.access import create_api_key
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from models.tables import OrderLine as OrderLineRow
from models.tables import ReturnLine as ReturnLineRow
from resolvers.ids import encode_id
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, codes, gid, order_input, stock_of
from tests.support.operations import snapshot

RETURN_FIELDS = """
  id status createdAt receivedAt refundedAt declineReason
  refundAmount { amount currencyCode } receivedLocation { code }
  order { number lines { sku shippedQuantity returnedQuantity } }
  lines { id quantity reason disposition orderLine { sku } }
"""


def returning(name: str, input_type: str) -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ "
        f"return {{ {RETURN_FIELDS} }} userErrors {{ field message code }} }} }}"
    )


REQUEST = returning("requestReturn", "RequestReturnInput")
APPROVE = returning("approveReturn", "ApproveReturnInput")
DECLINE = returning("declineReturn", "DeclineReturnInput")
RECEIVE = returning("receiveReturn", "ReceiveReturnInput")
REFUND = returning("refundReturn", "RefundReturnInput")
LIST = "query($status: [ReturnStatus!]) { returns(status: $status) { totalCount nodes { id } } }"
NODE = "query($id: ID!) { node(id: $id) { ... on Return { id status } } }"


@dataclass
class Keys:
    partner: Gql
    other_partner: Gql
    staff_msp: Gql
    staff_stp: Gql
    vendor: Gql
    viewer: Gql


@pytest.fixture
async def net(db: Any) -> Network:
    return await twin_cities({"MUG": (5, 0, 0), "HAT": (0, 5, 0)})


@pytest.fixture
async def who(net: Network, as_key: Callable[[str], Gql]) -> Keys:
    secrets = {}
    for name, role, scope in (
        ("partner", Role.PARTNER, {"channel": "web"}),
        ("other_partner", Role.PARTNER, {"channel": "pos"}),
        ("staff_msp", Role.STAFF, {"location_ids": [net.msp.id]}),
        ("staff_stp", Role.STAFF, {"location_ids": [net.stp.id]}),
        ("vendor", Role.VENDOR, {"vendor_id": net.vendor.id}),
        ("viewer", Role.VIEWER, {}),
    ):
        _, secrets[name] = await create_api_key(name, role, **scope)
    return Keys(**{name: as_key(secret) for name, secret in secrets.items()})


async def shipped_order(admin: Gql, sku: str, quantity: int, channel: str = "web") -> OrderRow:
    """Placed on `channel`, and every unit shipped by its store."""
    placed = await admin.mutate(PLACE, {"input": order_input([(sku, quantity)], channel=channel)})
    order = await OrderRow.get(number=placed["order"]["number"])
    for fo in await FulfillmentOrderRow.filter(order_id=order.id):
        await fulfillment.accept(fo.id, SYSTEM)
        await fulfillment.ship(fo.id, SYSTEM)
    return order


async def request(gql: Gql, order: OrderRow, quantity: int) -> dict[str, Any]:
    (line,) = await OrderLineRow.filter(order_id=order.id)
    body = await gql.raw(
        REQUEST,
        {
            "input": {
                "orderId": gid(order),
                "lines": [{"orderLineId": gid(line), "quantity": quantity, "reason": "too big"}],
            }
        },
    )
    return body


async def test_from_request_to_refund(admin: Gql, who: Keys, net: Network) -> None:
    order = await shipped_order(admin, "MUG", 3)
    requested = (await request(who.partner, order, 2))["data"]["requestReturn"]
    assert requested["userErrors"] == []
    ret = requested["return"]
    assert ret["status"] == "REQUESTED"
    assert ret["lines"][0] | {"id": None} == {
        "id": None,
        "quantity": 2,
        "reason": "too big",
        "disposition": None,
        "orderLine": {"sku": "MUG"},
    }
    return_id = ret["id"]

    approved = await admin.mutate(APPROVE, {"input": {"returnId": return_id}})
    assert approved["return"]["status"] == "APPROVED"

    receipt = {
        "returnId": return_id,
        "locationId": gid(net.msp),
        "lines": [{"returnLineId": ret["lines"][0]["id"], "disposition": "RESTOCK"}],
    }
    body = await who.staff_stp.raw(RECEIVE, {"input": receipt})
    assert codes(body) == ["FORBIDDEN"]
    got = (await who.staff_msp.mutate(RECEIVE, {"input": receipt}))["return"]
    assert got["status"] == "RECEIVED" and got["receivedAt"]
    assert got["receivedLocation"] == {"code": "MSP-01"}
    assert got["lines"][0]["disposition"] == "RESTOCK"
    assert got["order"]["lines"] == [{"sku": "MUG", "shippedQuantity": 3, "returnedQuantity": 2}]
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (4, 0, 4)

    too_much = await admin(REFUND, {"input": {"returnId": return_id, "amount": "20.01"}})
    (error,) = too_much["refundReturn"]["userErrors"]
    assert (error["code"], error["field"]) == ("INVALID", ["amount"])
    refunded = (await admin.mutate(REFUND, {"input": {"returnId": return_id, "amount": "19.50"}}))[
        "return"
    ]
    assert refunded["status"] == "REFUNDED" and refunded["refundedAt"]
    assert refunded["refundAmount"] == {"amount": "19.50", "currencyCode": "USD"}


async def test_a_declined_return_says_why(admin: Gql, who: Keys, net: Network) -> None:
    order = await shipped_order(admin, "MUG", 1)
    return_id = (await request(admin, order, 1))["data"]["requestReturn"]["return"]["id"]
    body = await admin(DECLINE, {"input": {"returnId": return_id, "reason": "  "}})
    assert body["declineReturn"]["userErrors"][0]["field"] == ["reason"]
    declined = await admin.mutate(
        DECLINE, {"input": {"returnId": return_id, "reason": "worn outdoors"}}
    )
    assert declined["return"]["status"] == "DECLINED"
    assert declined["return"]["declineReason"] == "worn outdoors"


async def test_returning_more_than_shipped_changes_nothing(
    admin: Gql, who: Keys, net: Network
) -> None:
    order = await shipped_order(admin, "MUG", 2)
    before = await snapshot()
    body = (await request(who.partner, order, 3))["data"]["requestReturn"]
    assert body["return"] is None
    (error,) = body["userErrors"]
    assert error["field"] == ["lines", "0", "quantity"] and "2 may be returned" in error["message"]
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("key", "step"),
    [
        ("other_partner", "request"),
        ("staff_msp", "request"),
        ("vendor", "request"),
        ("viewer", "request"),
        ("partner", "approve"),
        ("staff_msp", "approve"),
        ("partner", "decline"),
        ("partner", "receive"),
        ("vendor", "receive"),
        ("staff_msp", "refund"),
        ("partner", "refund"),
    ],
)
async def test_who_may_not(key: str, step: str, admin: Gql, who: Keys, net: Network) -> None:
    order = await shipped_order(admin, "MUG", 1)
    (line,) = await OrderLineRow.filter(order_id=order.id)
    return_id = (await request(admin, order, 1))["data"]["requestReturn"]["return"]["id"]
    (return_line,) = await ReturnLineRow.all()
    documents = {
        "request": (
            REQUEST,
            {"orderId": gid(order), "lines": [{"orderLineId": gid(line), "quantity": 1}]},
        ),
        "approve": (APPROVE, {"returnId": return_id}),
        "decline": (DECLINE, {"returnId": return_id, "reason": "no"}),
        "receive": (
            RECEIVE,
            {
                "returnId": return_id,
                "locationId": gid(net.msp),
                "lines": [{"returnLineId": gid(return_line), "disposition": "DISPOSE"}],
            },
        ),
        "refund": (REFUND, {"returnId": return_id, "amount": "1.00"}),
    }
    document, data = documents[step]
    before = await snapshot()
    body = await getattr(who, key).raw(document, {"input": data})
    assert codes(body) == ["FORBIDDEN"], body
    assert await snapshot() == before


async def test_each_key_lists_the_returns_in_its_scope(admin: Gql, who: Keys, net: Network) -> None:
    from_msp = await shipped_order(admin, "MUG", 1)  # web, fulfilled at MSP-01
    from_stp = await shipped_order(admin, "HAT", 1, channel="pos")  # pos, at STP-01
    msp_return = (await request(admin, from_msp, 1))["data"]["requestReturn"]["return"]
    stp_return = (await request(admin, from_stp, 1))["data"]["requestReturn"]["return"]

    async def listed(gql: Gql, status: list[str] | None = None) -> set[str]:
        data = await gql(LIST, {"status": status})
        return {node["id"] for node in data["returns"]["nodes"]}

    both = {msp_return["id"], stp_return["id"]}
    assert await listed(admin) == both
    assert await listed(who.viewer) == both
    assert await listed(who.partner) == {msp_return["id"]}
    assert await listed(who.other_partner) == {stp_return["id"]}
    assert await listed(who.staff_msp) == {msp_return["id"]}
    assert await listed(who.staff_stp) == {stp_return["id"]}
    assert await listed(admin, ["APPROVED"]) == set()
    assert codes(await who.vendor.raw(LIST)) == ["FORBIDDEN"]

    # The web order's units walk in at STP-01: STP-01's key may not receive a return it
    # cannot see (NOT_FOUND, as a missing one), an ADMIN key receives it there. STP-01 sees
    # it from then on; MSP-01, which fulfilled the order, no longer awaits it.
    await admin.mutate(APPROVE, {"input": {"returnId": msp_return["id"]}})
    receipt = {
        "returnId": msp_return["id"],
        "locationId": gid(net.stp),
        "lines": [{"returnLineId": msp_return["lines"][0]["id"], "disposition": "RESTOCK"}],
    }
    refused = (await who.staff_stp(RECEIVE, {"input": receipt}))["receiveReturn"]
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
    await admin.mutate(RECEIVE, {"input": receipt})
    assert await listed(who.staff_stp) == both
    assert await listed(who.staff_msp) == set()

    assert (await who.partner(NODE, {"id": msp_return["id"]}))["node"]["status"] == "RECEIVED"
    assert (await who.partner(NODE, {"id": stp_return["id"]}))["node"] is None
    assert (await who.vendor(NODE, {"id": msp_return["id"]}))["node"] is None
    missing = encode_id("Return", 999)
    assert (await admin(NODE, {"id": missing}))["node"] is None
