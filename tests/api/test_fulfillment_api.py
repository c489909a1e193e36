"""The assignee's work over HTTP: who may do what to which fulfillment order, payloads,
userErrors that change nothing, re-routing and deadlines as clients see them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models.operations import fulfillment as ops
from models.operations import pickup
from models.operations.access import create_api_key
from models.operations.deadlines import expire_overdue
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import OrderLine as OrderLineRow
from models.tables import Shipment as ShipmentRow
from resolvers.ids import encode_id
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, codes, gid, order_input, stock_of
from tests.support.operations import snapshot

FO_FIELDS = """
  id status acceptedAt packedAt shippedAt rejectReason rejectMessage
  location { code } vendor { code }
  lines { quantity shippedQuantity remainingQuantity orderLine { sku } }
"""
ACCEPT = f"""mutation($input: AcceptFulfillmentOrderInput!) {{
  acceptFulfillmentOrder(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS} }} userErrors {{ field message code }} }} }}"""
PACK = f"""mutation($input: PackFulfillmentOrderInput!) {{
  packFulfillmentOrder(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS} }} userErrors {{ field message code }} }} }}"""
REJECT = f"""mutation($input: RejectFulfillmentOrderInput!) {{
  rejectFulfillmentOrder(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS}
      order {{ status fulfillmentOrders {{ status location {{ code }} }} }} }}
    userErrors {{ field message code }} }} }}"""
SHIP = f"""mutation($input: ShipFulfillmentOrderInput!) {{
  shipFulfillmentOrder(input: $input) {{
    shipment {{ id carrier trackingNumber deliveredAt lines {{ quantity orderLine {{ sku }} }} }}
    fulfillmentOrder {{ {FO_FIELDS} order {{ status lines {{ sku shippedQuantity }} }} }}
    userErrors {{ field message code }} }} }}"""
DELIVERED = """mutation($input: MarkShipmentDeliveredInput!) {
  markShipmentDelivered(input: $input) {
    shipment { deliveredAt } fulfillmentOrder { order { status lines { deliveredQuantity } } }
    userErrors { field message code } } }"""
PICKED_UP = f"""mutation($input: MarkPickedUpInput!) {{
  markPickedUp(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS} order {{ status }} }}
    userErrors {{ field message code }} }} }}"""
MOVE = f"""mutation($input: MoveFulfillmentOrderInput!) {{
  moveFulfillmentOrder(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS} acceptBy }} userErrors {{ field message code }} }} }}"""
TIMELINE = """query($id: ID!) { order(id: $id) { events(first: 100) { nodes { type actor } } } }"""


@dataclass
class Keys:
    staff_msp: Gql
    staff_stp: Gql
    vendor: Gql
    partner: Gql
    viewer: Gql


@pytest.fixture
async def net(db: Any) -> Network:
    return await twin_cities({"MUG": (5, 5, 20), "HAT": (5, 5, 20)})


@pytest.fixture
async def who(net: Network, as_key: Callable[[str], Gql]) -> Keys:
    secrets = {}
    for name, role, scope in (
        ("staff_msp", Role.STAFF, {"location_ids": [net.msp.id]}),
        ("staff_stp", Role.STAFF, {"location_ids": [net.stp.id]}),
        ("vendor", Role.VENDOR, {"vendor_id": net.vendor.id}),
        ("partner", Role.PARTNER, {"channel": "web"}),
        ("viewer", Role.VIEWER, {}),
    ):
        _, secrets[name] = await create_api_key(name, role, **scope)
    return Keys(**{name: as_key(secret) for name, secret in secrets.items()})


async def place(admin: Gql, lines: list[tuple[str, int]], **extra: Any) -> dict[str, Any]:
    payload = await admin.mutate(PLACE, {"input": order_input(lines, **extra)})
    return payload["order"]


async def open_fo(admin: Gql, lines: list[tuple[str, int]], **extra: Any) -> FulfillmentOrderRow:
    order = await place(admin, lines, **extra)
    number = order["number"]
    return await FulfillmentOrderRow.filter(order__number=number, status="OPEN").first()  # type: ignore[return-value]


# -- who may -----------------------------------------------------------------------

Prepare = Callable[[Gql, Network], Awaitable[tuple[str, dict[str, Any]]]]


async def _accept(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(admin, [("MUG", 1)])
    return ACCEPT, {"id": gid(fo)}


async def _pack(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(admin, [("MUG", 1)])
    await ops.accept(fo.id, SYSTEM)
    return PACK, {"id": gid(fo)}


async def _reject(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(admin, [("MUG", 1)])
    return REJECT, {"id": gid(fo), "reason": "DAMAGED"}


async def _ship(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(admin, [("MUG", 1)])
    await ops.accept(fo.id, SYSTEM)
    return SHIP, {"id": gid(fo), "carrier": "UPS"}


async def _delivered(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(admin, [("MUG", 1)])
    await ops.accept(fo.id, SYSTEM)
    shipped = await ops.ship(fo.id, SYSTEM)
    return DELIVERED, {"shipmentId": gid(shipped.shipment)}


async def _picked_up(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(
        admin,
        [("MUG", 1)],
        deliveryMethod="PICKUP",
        pickupLocationId=gid(net.msp),
        shippingAddress=None,
    )
    await ops.accept(fo.id, SYSTEM)
    ready = await pickup.mark_ready_for_pickup(fo.id, SYSTEM)
    return PICKED_UP, {"fulfillmentOrderId": gid(fo), "pickupCode": ready.pickup_code}


async def _move(admin: Gql, net: Network) -> tuple[str, dict[str, Any]]:
    fo = await open_fo(admin, [("MUG", 1)])
    return MOVE, {"id": gid(fo), "locationId": gid(net.stp)}


# Each action on a fulfillment order assigned to MSP-01: who may, who is FORBIDDEN.
ACTIONS: dict[str, tuple[Prepare, set[str]]] = {
    "accept": (_accept, {"admin", "staff_msp"}),
    "pack": (_pack, {"admin", "staff_msp"}),
    "reject": (_reject, {"admin", "staff_msp"}),
    "ship": (_ship, {"admin", "staff_msp"}),
    "delivered": (_delivered, {"admin", "staff_msp"}),
    "picked_up": (_picked_up, {"admin", "staff_msp"}),
    "move": (_move, {"admin"}),
}
ROLES = ("admin", "staff_msp", "staff_stp", "vendor", "partner", "viewer")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
async def test_who_may_work_a_stores_fulfillment_order(
    action: str, role: str, admin: Gql, who: Keys, net: Network
) -> None:
    prepare, allowed = ACTIONS[action]
    document, data = await prepare(admin, net)
    gql = admin if role == "admin" else getattr(who, role)
    before = await snapshot()
    body = await gql.raw(document, {"input": data})
    if role in allowed:
        assert not body.get("errors"), body
        (payload,) = body["data"].values()
        assert payload["userErrors"] == []
    else:
        assert codes(body) == ["FORBIDDEN"], body
        assert body["data"] is None
        assert await snapshot() == before


async def test_a_vendor_works_its_own_and_only_its_own(admin: Gql, who: Keys, net: Network) -> None:
    fo = await open_fo(admin, [("CHAIR", 1)])
    body = await who.staff_msp.raw(ACCEPT, {"input": {"id": gid(fo)}})
    assert codes(body) == ["FORBIDDEN"]
    accepted = await who.vendor.mutate(ACCEPT, {"input": {"id": gid(fo)}})
    assert accepted["fulfillmentOrder"]["vendor"] == {"code": "NORTHWOODS"}
    shipped = await who.vendor.mutate(SHIP, {"input": {"id": gid(fo), "trackingNumber": "NW-1"}})
    assert shipped["fulfillmentOrder"]["status"] == "SHIPPED"
    assert shipped["shipment"]["trackingNumber"] == "NW-1"
    assert await stock_of(admin, "MUG") == {
        "MSP-01": (5, 0, 5),
        "STP-01": (5, 0, 5),
        "WH-EAGAN": (20, 0, 20),
    }


# -- payloads and sequences --------------------------------------------------------


async def test_accept_pack_and_partial_shipments(admin: Gql, who: Keys, net: Network) -> None:
    order = await place(admin, [("MUG", 3), ("HAT", 1)])
    fo = await FulfillmentOrderRow.get(order__number=order["number"])
    mug, hat = await OrderLineRow.filter(order__number=order["number"]).order_by("id")
    staff = who.staff_msp
    accepted = (await staff.mutate(ACCEPT, {"input": {"id": gid(fo)}}))["fulfillmentOrder"]
    assert accepted["status"] == "ACCEPTED" and accepted["acceptedAt"]

    first = await staff.mutate(
        SHIP,
        {
            "input": {
                "id": gid(fo),
                "carrier": "UPS",
                "trackingNumber": "1Z999",
                "lines": [{"orderLineId": gid(mug), "quantity": 2}],
            }
        },
    )
    assert first["shipment"]["carrier"] == "UPS"
    assert first["shipment"]["lines"] == [{"quantity": 2, "orderLine": {"sku": "MUG"}}]
    after_first = first["fulfillmentOrder"]
    assert after_first["status"] == "ACCEPTED"
    assert [line["remainingQuantity"] for line in after_first["lines"]] == [1, 1]
    assert after_first["order"]["status"] == "PARTIALLY_SHIPPED"
    assert after_first["order"]["lines"] == [
        {"sku": "MUG", "shippedQuantity": 2},
        {"sku": "HAT", "shippedQuantity": 0},
    ]
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (3, 1, 2)

    packed = (await staff.mutate(PACK, {"input": {"id": gid(fo)}}))["fulfillmentOrder"]
    assert packed["status"] == "PACKED"

    too_many = await staff(
        SHIP, {"input": {"id": gid(fo), "lines": [{"orderLineId": gid(hat), "quantity": 2}]}}
    )
    (error,) = too_many["shipFulfillmentOrder"]["userErrors"]
    assert error == {
        "field": ["lines", "0", "quantity"],
        "message": "HAT: 1 left to ship here, 2 requested",
        "code": "INVALID",
    }
    assert too_many["shipFulfillmentOrder"]["shipment"] is None

    last = await staff.mutate(SHIP, {"input": {"id": gid(fo)}})
    assert last["fulfillmentOrder"]["status"] == "SHIPPED"
    assert last["fulfillmentOrder"]["shippedAt"]
    assert last["fulfillmentOrder"]["order"]["status"] == "SHIPPED"
    assert sorted(line["orderLine"]["sku"] for line in last["shipment"]["lines"]) == ["HAT", "MUG"]
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (2, 0, 2)
    assert (await stock_of(admin, "HAT"))["MSP-01"] == (4, 0, 4)

    shipments = await ShipmentRow.filter(fulfillment_order_id=fo.id).order_by("id")
    for shipment in shipments:
        delivered = await staff.mutate(DELIVERED, {"input": {"shipmentId": gid(shipment)}})
        assert delivered["shipment"]["deliveredAt"]
    assert delivered["fulfillmentOrder"]["order"]["status"] == "DELIVERED"
    assert delivered["fulfillmentOrder"]["order"]["lines"] == [
        {"deliveredQuantity": 3},
        {"deliveredQuantity": 1},
    ]
    events = (await admin(TIMELINE, {"id": order["id"]}))["order"]["events"]["nodes"]
    by_staff = [e["type"] for e in events if e["actor"] == "staff:staff_msp"]
    assert by_staff[:2] == ["ACCEPTED", "SHIPPED"]
    assert by_staff.count("DELIVERED") == 2


async def test_refused_transitions_are_user_errors_that_change_nothing(
    admin: Gql, net: Network
) -> None:
    fo = await open_fo(admin, [("MUG", 1)])
    for document, data in (
        (PACK, {"id": gid(fo)}),
        (SHIP, {"id": gid(fo)}),
        (PICKED_UP, {"fulfillmentOrderId": gid(fo)}),
    ):
        before = await snapshot()
        body = await admin(document, {"input": data})
        (payload,) = body.values()
        (error,) = payload["userErrors"]
        assert error["code"] in ("INVALID_TRANSITION", "INVALID"), error
        assert await snapshot() == before
    body = await admin(ACCEPT, {"input": {"id": encode_id("Order", 1)}})
    assert body["acceptFulfillmentOrder"]["userErrors"][0]["code"] == "INVALID"
    body = await admin(ACCEPT, {"input": {"id": encode_id("FulfillmentOrder", 999)}})
    assert body["acceptFulfillmentOrder"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_held_orders_cannot_be_worked(admin: Gql, who: Keys, net: Network) -> None:
    order = await place(admin, [("MUG", 1)])
    fo = await FulfillmentOrderRow.get(order__number=order["number"])
    await admin.mutate(
        """mutation($input: HoldOrderInput!) { holdOrder(input: $input) {
             order { status } userErrors { field message code } } }""",
        {"input": {"orderId": order["id"], "reason": "HIGH_RISK_OF_FRAUD"}},
    )
    before = await snapshot()
    body = await who.staff_msp(ACCEPT, {"input": {"id": gid(fo)}})
    (error,) = body["acceptFulfillmentOrder"]["userErrors"]
    assert error["code"] == "INVALID_TRANSITION" and "ON_HOLD" in error["message"]
    assert await snapshot() == before


async def test_reject_routes_again_never_back(admin: Gql, who: Keys, net: Network) -> None:
    fo = await open_fo(admin, [("MUG", 2)])
    payload = await who.staff_msp.mutate(
        REJECT, {"input": {"id": gid(fo), "reason": "OUT_OF_STOCK", "message": "shelf empty"}}
    )
    rejected = payload["fulfillmentOrder"]
    assert (rejected["status"], rejected["rejectReason"], rejected["rejectMessage"]) == (
        "REJECTED",
        "OUT_OF_STOCK",
        "shelf empty",
    )
    order = rejected["order"]
    assert order["status"] == "ALLOCATED"
    # The staff key sees its own (rejected) fulfillment order only; the admin sees both.
    assert order["fulfillmentOrders"] == [{"status": "REJECTED", "location": {"code": "MSP-01"}}]
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (0, 0, 0)
    assert (await stock_of(admin, "MUG"))["STP-01"] == (5, 2, 3)


async def test_move_is_for_admins_and_needs_stock(admin: Gql, who: Keys, net: Network) -> None:
    fo = await open_fo(admin, [("MUG", 6)])  # only the warehouse holds 6
    before = await snapshot()
    body = await admin(MOVE, {"input": {"id": gid(fo), "locationId": gid(net.stp)}})
    (error,) = body["moveFulfillmentOrder"]["userErrors"]
    assert error == {
        "field": ["locationId"],
        "message": "MUG has 5 available at STP-01, 6 needed",
        "code": "INSUFFICIENT_STOCK",
    }
    assert await snapshot() == before
    moved = await admin.mutate(MOVE, {"input": {"id": gid(fo), "vendorId": gid(net.vendor)}})
    assert moved["fulfillmentOrder"]["vendor"] == {"code": "NORTHWOODS"}
    assert moved["fulfillmentOrder"]["status"] == "OPEN"
    assert (await stock_of(admin, "MUG"))["WH-EAGAN"] == (20, 0, 20)
    body = await admin(MOVE, {"input": {"id": gid(fo)}})
    assert body["moveFulfillmentOrder"]["userErrors"][0]["code"] == "INVALID"


async def test_pickup_at_the_store(admin: Gql, who: Keys, net: Network) -> None:
    fo = await open_fo(
        admin,
        [("MUG", 2)],
        deliveryMethod="PICKUP",
        pickupLocationId=gid(net.stp),
        shippingAddress=None,
    )
    await who.staff_stp.mutate(ACCEPT, {"input": {"id": gid(fo)}})
    code = (await pickup.mark_ready_for_pickup(fo.id, SYSTEM)).pickup_code
    done = await who.staff_stp.mutate(
        PICKED_UP, {"input": {"fulfillmentOrderId": gid(fo), "pickupCode": code}}
    )
    assert done["fulfillmentOrder"]["status"] == "SHIPPED"
    assert done["fulfillmentOrder"]["order"]["status"] == "DELIVERED"
    assert (await stock_of(admin, "MUG"))["STP-01"] == (3, 0, 3)


async def test_an_acceptance_deadline_expires_with_a_short_setting(
    admin: Gql, who: Keys, net: Network
) -> None:
    await admin.mutate(
        """mutation($input: UpdateRoutingSettingsInput!) { updateRoutingSettings(input: $input) {
             routingSettings { acceptanceMinutes } userErrors { field message code } } }""",
        {"input": {"acceptanceMinutes": 1}},
    )
    fo = await open_fo(admin, [("MUG", 1)])
    assert await expire_overdue(datetime.now(UTC) + timedelta(minutes=2)) == 1
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on FulfillmentOrder {{ {FO_FIELDS} }} }} }}"
    expired = (await admin(query, {"id": gid(fo)}))["node"]
    assert (expired["status"], expired["rejectReason"]) == ("REJECTED", "SLA_EXPIRED")
    body = await who.staff_msp(ACCEPT, {"input": {"id": gid(fo)}})
    assert body["acceptFulfillmentOrder"]["userErrors"][0]["code"] == "INVALID_TRANSITION"
    listed = await who.staff_stp(
        "{ fulfillmentOrders(status: [OPEN]) { nodes { location { code } } } }"
    )
    assert listed["fulfillmentOrders"]["nodes"] == [{"location": {"code": "STP-01"}}]
