"""Subscriptions over real WebSockets to a real uvicorn: live, scoped, with replay."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets

from models.operations.access import create_api_key, revoke_api_key
from models.rules.scopes import Role
from models.tables import Vendor
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.servers import place
from tests.support.ws import ASSIGNED, subscribe, ws_refusal

TIMELINE = """
subscription($order: ID!, $since: String) {
  orderUpdated(orderId: $order, since: $since) { cursor type message actor }
}
"""


async def test_a_store_sees_its_new_assignment_live(live_server: str) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, staff = await create_api_key("msp", Role.STAFF, [network.msp.id])
    msp = encode_id("Location", network.msp.id)
    async with subscribe(live_server, staff, ASSIGNED, {"loc": msp}) as sub:
        await sub.nothing_for(0.3)
        order = await place(live_server, admin, [("MUG", 1)])
        event = (await sub.next())["fulfillmentOrderAssigned"]
        assert event["type"] == "ASSIGNED"
        assert event["fulfillmentOrder"]["location"]["code"] == "MSP-01"
        assert event["fulfillmentOrder"]["order"]["number"] == order["number"]


async def test_since_replays_what_was_missed_without_duplicates(live_server: str) -> None:
    network = await twin_cities({"MUG": (50, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    msp = encode_id("Location", network.msp.id)
    first = await place(live_server, admin, [("MUG", 1)])
    async with subscribe(live_server, admin, ASSIGNED, {"loc": msp, "since": None}) as sub:
        await sub.nothing_for(0.3)  # without `since`, only what comes next
    # A dashboard that saw nothing yet replays from the beginning of its stream.
    async with subscribe(live_server, admin, ASSIGNED, {"loc": msp, "since": "Y3Vyc29yOjA"}) as sub:
        seen = (await sub.next())["fulfillmentOrderAssigned"]
        assert seen["fulfillmentOrder"]["order"]["number"] == first["number"]
    missed = [await place(live_server, admin, [("MUG", 1)]) for _ in range(3)]
    async with subscribe(
        live_server, admin, ASSIGNED, {"loc": msp, "since": seen["cursor"]}
    ) as sub:
        replayed = [(await sub.next())["fulfillmentOrderAssigned"] for _ in missed]
        assert [e["fulfillmentOrder"]["order"]["number"] for e in replayed] == [
            o["number"] for o in missed
        ]
        live = await place(live_server, admin, [("MUG", 1)])
        event = (await sub.next())["fulfillmentOrderAssigned"]
        assert event["fulfillmentOrder"]["order"]["number"] == live["number"]
        await sub.nothing_for(0.5)


async def test_another_store_is_refused(live_server: str) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    _, staff = await create_api_key("stp", Role.STAFF, [network.stp.id])
    _, partner = await create_api_key("web", Role.PARTNER, channel="web")
    msp = encode_id("Location", network.msp.id)
    for secret in (staff, partner):
        async with subscribe(live_server, secret, ASSIGNED, {"loc": msp}) as sub:
            message = await sub.message()
            assert message["type"] == "error", message
            assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
    async with subscribe(live_server, staff, ASSIGNED, {}) as sub:
        message = await sub.message()
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_order_timeline_is_live_and_scoped(live_server: str) -> None:
    network = await twin_cities({"MUG": (5, 5, 5)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, other = await create_api_key("pos", Role.PARTNER, channel="pos")
    order = await place(live_server, admin, [("MUG", 1)])
    async with subscribe(
        live_server, admin, TIMELINE, {"order": order["id"], "since": "Y3Vyc29yOjA"}
    ) as sub:
        types = [(await sub.next())["orderUpdated"]["type"] for _ in range(2)]
        assert types == ["PLACED", "ROUTED"]
        async with httpx.AsyncClient(
            base_url=live_server, headers={"Authorization": f"Bearer {admin}"}
        ) as c:
            await c.post(
                "/graphql",
                json={
                    "query": "mutation($i: HoldOrderInput!) "
                    "{ holdOrder(input: $i) { userErrors { message } } }",
                    "variables": {"i": {"orderId": order["id"], "reason": "AWAITING_PAYMENT"}},
                },
            )
        held = (await sub.next())["orderUpdated"]
        assert held["type"] == "HELD"
        assert held["actor"] == "admin:admin"
    async with subscribe(live_server, other, TIMELINE, {"order": order["id"]}) as sub:
        message = await sub.message()
        assert message["type"] == "error"
        assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
    del network


async def test_each_event_shows_the_data_as_it_is_then(live_server: str) -> None:
    network = await twin_cities({"MUG": (5, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    msp = encode_id("Location", network.msp.id)
    query = """subscription($loc: ID) {
      fulfillmentOrderAssigned(locationId: $loc) { fulfillmentOrder { location { name } } }
    }"""
    rename = """mutation($i: UpdateLocationInput!) {
      updateLocation(input: $i) { userErrors { message } }
    }"""
    async with subscribe(live_server, admin, query, {"loc": msp}) as sub:
        await sub.nothing_for(0.3)
        await place(live_server, admin, [("MUG", 1)])
        first = (await sub.next())["fulfillmentOrderAssigned"]["fulfillmentOrder"]
        assert first["location"]["name"] == "Minneapolis"
        async with httpx.AsyncClient(
            base_url=live_server, headers={"Authorization": f"Bearer {admin}"}
        ) as c:
            variables = {"i": {"id": msp, "name": "Minneapolis North"}}
            await c.post("/graphql", json={"query": rename, "variables": variables})
        await place(live_server, admin, [("MUG", 1)])
        second = (await sub.next())["fulfillmentOrderAssigned"]["fulfillmentOrder"]
        assert second["location"]["name"] == "Minneapolis North"


async def test_a_revoked_key_stops_receiving(live_server: str) -> None:
    network = await twin_cities({"MUG": (5, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    key, staff = await create_api_key("msp", Role.STAFF, [network.msp.id])
    msp = encode_id("Location", network.msp.id)
    async with subscribe(live_server, staff, ASSIGNED, {"loc": msp}) as sub:
        await sub.nothing_for(0.3)
        await revoke_api_key(key.id)
        await place(live_server, admin, [("MUG", 1)])
        message = await sub.message()
        assert message["type"] in ("next", "error"), message
        errors = message["payload"]["errors"] if message["type"] == "next" else message["payload"]
        assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_key_revoked_while_the_socket_is_open_can_do_nothing_more(
    live_server: str,
) -> None:
    """Only live subscriptions stopped: queries and mutations sent on the open socket still
    ran as the revoked key."""
    key, admin = await create_api_key("leaver", Role.ADMIN)
    create = 'mutation { createVendor(input: {code: "LATE", name: "Late"}) { vendor { id } } }'
    url = live_server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:
        await socket.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {admin}"}})
        )
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        ask = {"id": "1", "type": "subscribe", "payload": {"query": "{ viewer { role } }"}}
        await socket.send(json.dumps(ask))
        answer = json.loads(await socket.recv())
        assert answer["payload"]["data"] == {"viewer": {"role": "ADMIN"}}
        assert json.loads(await socket.recv()) == {"id": "1", "type": "complete"}
        await revoke_api_key(key.id)
        await socket.send(
            json.dumps({"id": "2", "type": "subscribe", "payload": {"query": create}})
        )
        refusal = json.loads(await asyncio.wait_for(socket.recv(), timeout=10))
        assert refusal["type"] == "error" and refusal["id"] == "2", refusal
        assert refusal["payload"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
    assert not await Vendor.exists(code="LATE")


async def test_connection_init_with_a_bad_key_is_refused_not_acknowledged(
    live_server: str,
) -> None:
    """An unknown, revoked or malformed key was acknowledged, its operations then answered
    UNAUTHENTICATED one by one."""
    key, revoked = await create_api_key("gone", Role.VIEWER)
    await revoke_api_key(key.id)
    _, good = await create_api_key("good", Role.VIEWER)
    for secret in (revoked, "oms_0123456789ab_unknown", "not-a-key", "oms_" + "a" * 5000):
        assert await ws_refusal(live_server, {"Authorization": f"Bearer {secret}"}) == 4403
    assert await ws_refusal(live_server, {"Authorization": f"Bearer {good}"}) == 0
    assert await ws_refusal(live_server, {}) == 0  # anonymous: fields answer UNAUTHENTICATED


async def test_a_subscription_is_refused_what_a_query_is_refused(live_server: str) -> None:
    """Input the database cannot store refuses a subscription before it starts, as it
    refuses a query (api/schema.OperationHooks)."""
    network = await twin_cities({"MUG": (5, 5, 5)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    msp = encode_id("Location", network.msp.id)
    async with subscribe(live_server, admin, ASSIGNED, {"loc": msp, "since": "\x00"}) as sub:
        refused = await sub.message()
    assert refused["type"] == "error", refused
    assert "NUL" in refused["payload"][0]["message"], refused
