"""dailyCapacity (issue 11 item 16): it holds under concurrent placements over real HTTP,
and its day is the location's own calendar day (timeZone)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from models.operations.access import create_api_key
from models.operations.locations import update_location
from models.rules.capacity import local_day
from models.rules.scopes import Role
from models.tables import FulfillmentOrder, InventoryLevel, OrderLine
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, gid, order_input
from tests.support.operations import snapshot

RACERS = 12
CAPACITY = 2
LOCATION = """mutation($input: UpdateLocationInput!) { updateLocation(input: $input) {
  location { timeZone dailyCapacity } userErrors { field message code } } }"""


async def test_twelve_placements_at_once_assign_at_most_the_capacity(live_server: str) -> None:
    net = await twin_cities({"MUG": (RACERS, 0, 0)})  # MSP-01 has the only stock
    await update_location(net.msp.id, daily_capacity=CAPACITY, time_zone="America/Chicago")
    _, secret = await create_api_key("racer", Role.ADMIN)
    headers = {"Authorization": f"Bearer {secret}"}

    async with httpx.AsyncClient(base_url=live_server, headers=headers, timeout=60) as client:

        async def place(n: int) -> dict[str, Any]:
            body = {"query": PLACE, "variables": {"input": order_input([("MUG", 1)])}}
            response = await client.post("/graphql", json=body)
            assert response.status_code == 200, response.text
            result = response.json()
            assert not result.get("errors"), result["errors"]
            assert result["data"]["placeOrder"]["userErrors"] == []
            return result["data"]["placeOrder"]["order"]

        orders = await asyncio.gather(*(place(n) for n in range(RACERS)))

    at_msp = await FulfillmentOrder.filter(location_id=net.msp.id)
    assert len(at_msp) == CAPACITY
    statuses = sorted(order["status"] for order in orders)
    assert statuses.count("BACKORDERED") == RACERS - CAPACITY
    (level,) = await InventoryLevel.filter(location_id=net.msp.id, reserved__gt=0)
    assert level.reserved == CAPACITY
    assert sum(line.backordered_quantity for line in await OrderLine.all()) == RACERS - CAPACITY
    # Counted on the store's own day.
    assert all(fo.assigned_on == local_day(fo.assigned_at, "America/Chicago") for fo in at_msp)


async def test_time_zone_is_set_checked_and_counts_the_local_day(admin: Gql, db: Any) -> None:
    net = await twin_cities({"MUG": (5, 0, 0)})
    far_east = "Pacific/Kiritimati"  # UTC+14: its day is mostly not UTC's
    location = await admin.mutate(
        LOCATION, {"input": {"id": gid(net.msp), "timeZone": far_east, "dailyCapacity": 1}}
    )
    assert location["location"] == {"timeZone": far_east, "dailyCapacity": 1}
    for bad in ("Mars/Olympus", "../etc/passwd", ""):
        payload = (await admin(LOCATION, {"input": {"id": gid(net.msp), "timeZone": bad}}))[
            "updateLocation"
        ]
        (error,) = payload["userErrors"]
        assert error["field"][-1] == "timeZone" and "IANA" in error["message"]
    null = await admin.raw(LOCATION, {"input": {"id": gid(net.msp), "timeZone": None}})
    assert null.get("errors") or null["data"]["updateLocation"]["userErrors"]

    first = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    assert first["order"]["status"] == "ALLOCATED"
    (fo,) = await FulfillmentOrder.filter(location_id=net.msp.id)
    assert fo.assigned_on == local_day(fo.assigned_at, far_east)
    # Its one fulfillment order of the (local) day is taken: the next order waits.
    second = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    assert second["order"]["status"] == "BACKORDERED"
    # The same count read on a day that is not the location's would have let it through.
    await FulfillmentOrder.filter(id=fo.id).update(
        assigned_on=local_day(fo.assigned_at, "Etc/GMT+12")
    )
    # (UTC-12 and UTC+14 are 26 hours apart: never the same date.)
    third = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    assert third["order"]["status"] == "ALLOCATED"


MOVE = """mutation($input: MoveFulfillmentOrderInput!) { moveFulfillmentOrder(input: $input) {
  fulfillmentOrder { location { code } } userErrors { field message code } } }"""


async def test_a_move_counts_the_capacity_of_the_targets_local_day(admin: Gql, db: Any) -> None:
    net = await twin_cities({"MUG": (5, 5, 0), "HAT": (0, 5, 0)})
    far_east = "Pacific/Kiritimati"  # UTC+14: its day is mostly not UTC's
    await update_location(net.stp.id, daily_capacity=1, time_zone=far_east)
    hat = await admin.mutate(PLACE, {"input": order_input([("HAT", 1)])})
    assert hat["order"]["status"] == "ALLOCATED"  # STP-01's one fulfillment order of the day
    await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    (mug,) = await FulfillmentOrder.filter(location_id=net.msp.id)
    before = await snapshot()

    body = await admin(MOVE, {"input": {"id": gid(mug), "locationId": gid(net.stp)}})
    (error,) = body["moveFulfillmentOrder"]["userErrors"]
    assert error["code"] == "AT_CAPACITY" and error["field"] == ["locationId"]
    assert "STP-01" in error["message"] and far_east in error["message"]
    assert await snapshot() == before

    await update_location(net.stp.id, daily_capacity=2)
    moved = await admin.mutate(MOVE, {"input": {"id": gid(mug), "locationId": gid(net.stp)}})
    assert moved["fulfillmentOrder"]["location"] == {"code": "STP-01"}
    await mug.refresh_from_db()
    assert mug.assigned_on == local_day(mug.assigned_at, far_east)
