"""Pickup in store and the pick list over HTTP: ready, the code and who reads it, a
wrong code refused and counted, the attempt limit, and pickList's sums and scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from models.operations import fulfillment as ops
from models.operations.access import create_api_key
from models.rules.pickup import CODE_ALPHABET, MAX_CODE_ATTEMPTS
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from resolvers.ids import encode_id
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, codes, gid, order_input, stock_of

FO_FIELDS = "id status readyForPickupAt pickupExpiresAt pickupCode"
READY = f"""mutation($input: MarkReadyForPickupInput!) {{
  markReadyForPickup(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS} order {{ status }} }}
    userErrors {{ field message code }} }} }}"""
PICKED_UP = f"""mutation($input: MarkPickedUpInput!) {{
  markPickedUp(input: $input) {{
    fulfillmentOrder {{ {FO_FIELDS} order {{ status }} }}
    userErrors {{ field message code }} }} }}"""
CODE = "query($id: ID!) { node(id: $id) { ... on FulfillmentOrder { status pickupCode } } }"
PICK_LIST = """query($location: ID!, $ids: [ID!]) { pickList(locationId: $location,
  fulfillmentOrderIds: $ids) { lines { sku productName quantity
  fulfillmentOrders { fulfillmentOrderId orderNumber quantity } } } }"""


@pytest.fixture
async def net(db: Any) -> Network:
    return await twin_cities({"MUG": (5, 5, 20), "HAT": (5, 5, 20)})


@pytest.fixture
async def who(net: Network, as_key: Callable[[str], Gql]) -> dict[str, Gql]:
    made = {}
    for name, role, scope in (
        ("staff_msp", Role.STAFF, {"location_ids": [net.msp.id]}),
        ("staff_stp", Role.STAFF, {"location_ids": [net.stp.id]}),
        ("vendor", Role.VENDOR, {"vendor_id": net.vendor.id}),
        ("partner", Role.PARTNER, {"channel": "web"}),
        ("other_partner", Role.PARTNER, {"channel": "pos"}),
        ("viewer", Role.VIEWER, {}),
    ):
        _, secret = await create_api_key(name, role, **scope)
        made[name] = as_key(secret)
    return made


async def accepted_pickup(admin: Gql, net: Network, *lines: tuple[str, int]) -> str:
    """A PICKUP order at MSP-01, accepted: its fulfillment order's global id."""
    order = await admin.mutate(
        PLACE,
        {
            "input": order_input(
                list(lines or [("MUG", 1)]),
                deliveryMethod="PICKUP",
                pickupLocationId=gid(net.msp),
                shippingAddress=None,
            )
        },
    )
    fo = await FulfillmentOrderRow.get(order__number=order["order"]["number"])
    await ops.accept(fo.id, SYSTEM)
    return gid(fo)


def _wrong(code: str) -> str:
    return "".join(CODE_ALPHABET[(CODE_ALPHABET.index(ch) + 1) % len(CODE_ALPHABET)] for ch in code)


async def test_ready_then_a_wrong_code_refused_then_the_right_one_picks_up(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    fo = await accepted_pickup(admin, net, ("MUG", 2))
    staff = who["staff_msp"]
    early = await staff(PICKED_UP, {"input": {"fulfillmentOrderId": fo, "pickupCode": "ABCDEF"}})
    assert early["markPickedUp"]["userErrors"][0]["code"] == "INVALID_TRANSITION"

    ready = (await staff.mutate(READY, {"input": {"fulfillmentOrderId": fo}}))["fulfillmentOrder"]
    assert ready["status"] == "READY_FOR_PICKUP"
    assert ready["order"]["status"] == "READY_FOR_PICKUP"
    assert ready["readyForPickupAt"] and ready["pickupExpiresAt"] > ready["readyForPickupAt"]
    assert ready["pickupCode"] is None, "the counter is shown the code, it never reads it"
    code = (await admin(CODE, {"id": fo}))["node"]["pickupCode"]
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)

    body = await staff(PICKED_UP, {"input": {"fulfillmentOrderId": fo, "pickupCode": _wrong(code)}})
    (error,) = body["markPickedUp"]["userErrors"]
    assert (error["code"], error["field"]) == ("PICKUP_CODE_MISMATCH", ["pickupCode"])
    assert f"{MAX_CODE_ATTEMPTS - 1} attempt(s) left" in error["message"]
    assert code not in error["message"]
    body = await staff(PICKED_UP, {"input": {"fulfillmentOrderId": fo}})
    assert body["markPickedUp"]["userErrors"][0]["code"] == "PICKUP_CODE_MISMATCH"
    assert (await admin(CODE, {"id": fo}))["node"]["status"] == "READY_FOR_PICKUP"

    # As the customer reads it out: lower case, a space in the middle.
    spoken = f"{code[:3].lower()} {code[3:]}"
    done = await staff.mutate(
        PICKED_UP, {"input": {"fulfillmentOrderId": fo, "pickupCode": spoken}}
    )
    assert done["fulfillmentOrder"]["status"] == "SHIPPED"
    assert done["fulfillmentOrder"]["order"]["status"] == "DELIVERED"
    assert (await stock_of(admin, "MUG"))["MSP-01"] == (3, 0, 3)
    timeline = await admin(
        "query($id: ID!) { node(id: $id) { ... on FulfillmentOrder { order { "
        "events(first: 50) { nodes { type message } } } } } }",
        {"id": fo},
    )
    entries = timeline["node"]["order"]["events"]["nodes"]
    assert {"READY_FOR_PICKUP", "PICKED_UP"} <= {e["type"] for e in entries}
    assert all(code not in e["message"] for e in entries), "the code stays out of the timeline"


async def test_who_reads_the_pickup_code(admin: Gql, who: dict[str, Gql], net: Network) -> None:
    fo = await accepted_pickup(admin, net)
    await admin.mutate(READY, {"input": {"fulfillmentOrderId": fo}})
    code = (await admin(CODE, {"id": fo}))["node"]["pickupCode"]
    assert code
    assert (await who["partner"](CODE, {"id": fo}))["node"]["pickupCode"] == code
    for name in ("staff_msp", "viewer"):
        node = (await who[name](CODE, {"id": fo}))["node"]
        assert node == {"status": "READY_FOR_PICKUP", "pickupCode": None}, name
    for name in ("other_partner", "vendor", "staff_stp"):
        assert (await who[name](CODE, {"id": fo}))["node"] is None, name


async def test_too_many_wrong_codes_lock_the_counter_until_an_admin_hands_it_over(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    fo = await accepted_pickup(admin, net)
    await who["staff_msp"].mutate(READY, {"input": {"fulfillmentOrderId": fo}})
    code = (await admin(CODE, {"id": fo}))["node"]["pickupCode"]
    staff = who["staff_msp"]
    for _ in range(MAX_CODE_ATTEMPTS):
        body = await staff(
            PICKED_UP, {"input": {"fulfillmentOrderId": fo, "pickupCode": _wrong(code)}}
        )
        assert body["markPickedUp"]["userErrors"][0]["code"] == "PICKUP_CODE_MISMATCH"
    body = await staff(PICKED_UP, {"input": {"fulfillmentOrderId": fo, "pickupCode": code}})
    (error,) = body["markPickedUp"]["userErrors"]
    assert error["code"] == "PICKUP_CODE_LOCKED" and "admin" in error["message"]
    assert (await admin(CODE, {"id": fo}))["node"]["status"] == "READY_FOR_PICKUP"
    done = await admin.mutate(PICKED_UP, {"input": {"fulfillmentOrderId": fo}})
    assert done["fulfillmentOrder"]["status"] == "SHIPPED"


async def test_other_stores_and_ship_orders_are_refused(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    fo = await accepted_pickup(admin, net)
    body = await who["staff_stp"].raw(READY, {"input": {"fulfillmentOrderId": fo}})
    assert codes(body) == ["FORBIDDEN"]
    ship = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    row = await FulfillmentOrderRow.get(order__number=ship["order"]["number"])
    await ops.accept(row.id, SYSTEM)
    body = await admin(READY, {"input": {"fulfillmentOrderId": gid(row)}})
    assert body["markReadyForPickup"]["userErrors"][0]["code"] == "INVALID"


async def test_the_hold_setting(admin: Gql, net: Network) -> None:
    update = """mutation($input: UpdateRoutingSettingsInput!) { updateRoutingSettings(
      input: $input) { routingSettings { pickupHoldDays } userErrors { field code } } }"""
    for days, error in ((0, True), (91, True), (3, False)):
        payload = (await admin(update, {"input": {"pickupHoldDays": days}}))[
            "updateRoutingSettings"
        ]
        assert bool(payload["userErrors"]) is error, days
    assert payload["routingSettings"] == {"pickupHoldDays": 3}


# -- pickList ----------------------------------------------------------------------------


async def accepted_ship(admin: Gql, *lines: tuple[str, int]) -> tuple[str, str]:
    """A SHIP order at MSP-01 (nearest the customer), accepted: (fulfillment order id, number)."""
    order = (await admin.mutate(PLACE, {"input": order_input(list(lines))}))["order"]
    row = await FulfillmentOrderRow.get(order__number=order["number"])
    assert row.location_id is not None  # type: ignore[attr-defined]
    await ops.accept(row.id, SYSTEM)
    return gid(row), order["number"]


async def test_a_pick_list_of_three_orders(admin: Gql, who: dict[str, Gql], net: Network) -> None:
    a, number_a = await accepted_ship(admin, ("MUG", 2), ("HAT", 1))
    b, number_b = await accepted_ship(admin, ("MUG", 1))
    c, number_c = await accepted_ship(admin, ("HAT", 2))
    # Not accepted yet: not on the default list.
    await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    expected = [
        {
            "sku": "HAT",
            "productName": "Hat",
            "quantity": 3,
            "fulfillmentOrders": [
                {"fulfillmentOrderId": a, "orderNumber": number_a, "quantity": 1},
                {"fulfillmentOrderId": c, "orderNumber": number_c, "quantity": 2},
            ],
        },
        {
            "sku": "MUG",
            "productName": "Mug",
            "quantity": 3,
            "fulfillmentOrders": [
                {"fulfillmentOrderId": a, "orderNumber": number_a, "quantity": 2},
                {"fulfillmentOrderId": b, "orderNumber": number_b, "quantity": 1},
            ],
        },
    ]
    for key in (admin, who["staff_msp"], who["viewer"]):
        lines = (await key(PICK_LIST, {"location": gid(net.msp)}))["pickList"]["lines"]
        assert lines == expected
    chosen = await who["staff_msp"](PICK_LIST, {"location": gid(net.msp), "ids": [b, c]})
    assert [(line["sku"], line["quantity"]) for line in chosen["pickList"]["lines"]] == [
        ("HAT", 2),
        ("MUG", 1),
    ]


async def test_a_pick_list_is_scoped_like_the_fulfillment_orders(
    admin: Gql, who: dict[str, Gql], net: Network
) -> None:
    a, _ = await accepted_ship(admin, ("MUG", 1))
    for name in ("staff_stp", "partner", "vendor"):
        body = await who[name].raw(PICK_LIST, {"location": gid(net.msp)})
        assert codes(body) == ["FORBIDDEN"], name
    # MSP-01's work asked for at STP-01, and an id that does not exist: the same answer.
    answers = []
    for ids in ([a], [encode_id("FulfillmentOrder", 999)]):
        body = await who["staff_stp"].raw(PICK_LIST, {"location": gid(net.stp), "ids": ids})
        assert codes(body) == ["BAD_USER_INPUT"]
        answers.append(body["errors"][0]["message"])
    assert answers[0] == answers[1]
    body = await admin.raw(PICK_LIST, {"location": gid(net.msp), "ids": ["nonsense"]})
    assert codes(body) == ["BAD_USER_INPUT"]
