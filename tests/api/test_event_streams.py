"""Every change reaches the parties whose work it changes: an assignee's
`fulfillmentOrderEvents`, a channel's `orderEvents`, and a timeline scoped to its reader.
Real uvicorn, real WebSockets."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from models.tables import FulfillmentOrder, OutboxEvent
from resolvers.ids import encode_id
from resolvers.pagination import decode_cursor
from tests.api.test_realtime_resilience import needs_redis_server, redis_server
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, order_input
from tests.support.servers import free_port, place, serve
from tests.support.ws import subscribe

FO_EVENTS = """
subscription($loc: ID, $vendor: ID, $since: String) {
  fulfillmentOrderEvents(locationId: $loc, vendorId: $vendor, since: $since) {
    cursor type at fulfillmentOrderId
    fulfillmentOrder { status location { code } order { number } shipments { trackingNumber } }
  }
}
"""

ORDER_EVENTS = """
subscription($channel: String, $since: String) {
  orderEvents(channel: $channel, since: $since) { cursor type message data order { number } }
}
"""

TIMELINE = """
query($id: ID!) { order(id: $id) { events(first: 100) { nodes { type message actor data } } } }
"""

WORK = """
mutation($id: ID!) {
  accept: acceptFulfillmentOrder(input: {id: $id}) { userErrors { message } }
}
"""
PACK = "mutation($id: ID!) { packFulfillmentOrder(input: {id: $id}) { userErrors { message } } }"
SHIP = """
mutation($id: ID!) {
  shipFulfillmentOrder(input: {id: $id, carrier: "UPS", trackingNumber: "1Z999"}) {
    userErrors { message }
  }
}
"""
MOVE = """
mutation($id: ID!, $loc: ID!) {
  moveFulfillmentOrder(input: {id: $id, locationId: $loc}) { userErrors { message } }
}
"""


def fo_gid(row: FulfillmentOrder) -> str:
    return encode_id("FulfillmentOrder", row.id)


async def only_fulfillment_order(location_id: int) -> FulfillmentOrder:
    (row,) = await FulfillmentOrder.filter(location_id=location_id).order_by("-id").limit(1)
    return row


async def test_a_store_hears_its_work_advance_and_only_the_id_of_work_moved_away(
    live_server: str,
) -> None:
    network = await twin_cities({"MUG": (5, 5, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, staff = await create_api_key("msp", Role.STAFF, [network.msp.id])
    msp = encode_id("Location", network.msp.id)
    stp = encode_id("Location", network.stp.id)
    async with (
        httpx.AsyncClient(base_url=live_server) as client,
        subscribe(live_server, staff, FO_EVENTS, {"loc": msp}) as sub,
    ):
        await sub.nothing_for(0.3)
        as_admin, as_staff = Gql(client, admin), Gql(client, staff)
        shipped = await place(live_server, admin, [("MUG", 1)])
        fo = await only_fulfillment_order(network.msp.id)
        await as_staff.mutate(WORK, {"id": fo_gid(fo)})
        await as_staff.mutate(PACK, {"id": fo_gid(fo)})
        await as_staff.mutate(SHIP, {"id": fo_gid(fo)})
        seen = [(await sub.next())["fulfillmentOrderEvents"] for _ in range(4)]
        assert [e["type"] for e in seen] == ["ASSIGNED", "ACCEPTED", "PACKED", "SHIPPED"]
        assert {e["fulfillmentOrderId"] for e in seen} == {fo_gid(fo)}
        assert seen[-1]["fulfillmentOrder"]["order"]["number"] == shipped["number"]

        await place(live_server, admin, [("MUG", 1)])
        moved = await only_fulfillment_order(network.msp.id)
        assert (await sub.next())["fulfillmentOrderEvents"]["type"] == "ASSIGNED"
        await as_admin.mutate(MOVE, {"id": fo_gid(moved), "loc": stp})
        away = (await sub.next())["fulfillmentOrderEvents"]
        assert away["type"] == "MOVED_AWAY"
        assert away["fulfillmentOrderId"] == fo_gid(moved)
        assert away["fulfillmentOrder"] is None  # nothing of STP-01, its customer or tracking
        await sub.nothing_for(0.5)

    # A replay from before the move shows the earlier ASSIGNED with the id only, too: the
    # work is no longer this store's to read.
    async with subscribe(
        live_server, staff, FO_EVENTS, {"loc": msp, "since": seen[-1]["cursor"]}
    ) as sub:
        replayed = (await sub.next())["fulfillmentOrderEvents"]
        assert (replayed["type"], replayed["fulfillmentOrder"]) == ("ASSIGNED", None)
        assert (await sub.next())["fulfillmentOrderEvents"]["type"] == "MOVED_AWAY"


async def test_a_partner_follows_its_own_channel_and_nothing_of_another(
    live_server: str,
) -> None:
    await twin_cities({"MUG": (9, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, web = await create_api_key("web shop", Role.PARTNER, channel="web")
    async with (
        httpx.AsyncClient(base_url=live_server) as client,
        subscribe(live_server, web, ORDER_EVENTS) as sub,
        subscribe(live_server, admin, ORDER_EVENTS) as everything,
    ):
        await sub.nothing_for(0.3)
        as_admin = Gql(client, admin)
        market = await as_admin(PLACE, {"input": order_input([("MUG", 1)], channel="marketplace")})
        ours = await place(live_server, admin, [("MUG", 1)])
        got = [(await sub.next())["orderEvents"] for _ in range(2)]
        assert [e["type"] for e in got] == ["PLACED", "ROUTED"]
        assert {e["order"]["number"] for e in got} == {ours["number"]}
        await sub.nothing_for(0.5)
        # ADMIN with `channel` omitted follows every channel, in the order things happened.
        every = [(await everything.next())["orderEvents"] for _ in range(4)]
        assert [e["order"]["number"] for e in every] == [
            market["placeOrder"]["order"]["number"]
        ] * 2 + [ours["number"]] * 2

    async with subscribe(live_server, web, ORDER_EVENTS, {"channel": "marketplace"}) as sub:
        refused = await sub.message()
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_stores_timeline_shows_nothing_of_another_assignees_work(
    live_server: str,
) -> None:
    network = await twin_cities({"MUG": (5, 0, 0), "LAMP": (0, 5, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, staff = await create_api_key("msp", Role.STAFF, [network.msp.id])
    _, other = await create_api_key("stp", Role.STAFF, [network.stp.id])
    order = await place(live_server, admin, [("MUG", 1), ("LAMP", 1)])
    theirs = await only_fulfillment_order(network.stp.id)
    mine = await only_fulfillment_order(network.msp.id)
    async with httpx.AsyncClient(base_url=live_server) as client:
        await Gql(client, other).mutate(WORK, {"id": fo_gid(theirs)})
        await Gql(client, staff).mutate(WORK, {"id": fo_gid(mine)})
        whole = (await Gql(client, admin)(TIMELINE, {"id": order["id"]}))["order"]
        scoped = (await Gql(client, staff)(TIMELINE, {"id": order["id"]}))["order"]
    admin_text = repr(whole["events"]["nodes"])
    assert "LAMP" in admin_text and "STP-01" in admin_text  # the admin reads everything
    nodes = scoped["events"]["nodes"]
    text = repr(nodes)
    for secret in ("LAMP", "STP-01", fo_gid(theirs), "priority", "rule"):
        assert secret not in text, (secret, nodes)
    assert [n["type"] for n in nodes] == ["PLACED", "ROUTED", "ACCEPTED"]
    routed = nodes[1]
    assert routed["data"] == {"fulfillmentOrderIds": [fo_gid(mine)]}
    assert "MSP-01" in nodes[2]["message"]  # its own work, whole


async def test_an_expired_cursor_is_refused_after_retention(
    db: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    network = await twin_cities({"MUG": (9, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    loc = encode_id("Location", network.msp.id)
    # The server itself prunes: every 0.2 s, whatever is older than about a second.
    monkeypatch.setenv("OMS_EVENT_RETENTION_DAYS", str(1 / 86400))
    monkeypatch.setenv("OMS_EVENT_PRUNE_SECONDS", "0.2")
    async with serve(db.database_url, db.broadcast_url) as server:
        async with subscribe(server, admin, FO_EVENTS, {"loc": loc}) as sub:
            await place(server, admin, [("MUG", 1)])
            first = (await sub.next())["fulfillmentOrderEvents"]
        for _ in range(3):
            await place(server, admin, [("MUG", 1)])
        await until_pruned_through(first["cursor"])
        async with subscribe(
            server, admin, FO_EVENTS, {"loc": loc, "since": first["cursor"]}
        ) as sub:
            refused = await sub.message()
        assert refused["type"] == "error", refused
        assert refused["payload"][0]["extensions"]["code"] == "CURSOR_EXPIRED"


async def until_pruned_through(cursor: str) -> None:
    """Wait until the server's pruner deleted the event `cursor` names and the one after."""
    since = decode_cursor(cursor)
    deadline = datetime.now(UTC) + timedelta(seconds=20)
    while datetime.now(UTC) < deadline:
        oldest = await OutboxEvent.all().order_by("id").first()
        if oldest is not None and oldest.id > since + 1:
            return
        await asyncio.sleep(0.2)
    raise AssertionError("the server did not prune the outbox")


@needs_redis_server
async def test_replay_across_a_server_restart_and_a_redis_restart_loses_nothing(
    db: Settings,
) -> None:
    network = await twin_cities({"MUG": (20, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, web = await create_api_key("web shop", Role.PARTNER, channel="web")
    loc = encode_id("Location", network.msp.id)
    port = free_port()
    url = f"redis://127.0.0.1:{port}"
    async with redis_server(port) as redis:
        async with (
            serve(db.database_url, url) as server,
            subscribe(server, admin, FO_EVENTS, {"loc": loc}) as assignee,
            subscribe(server, web, ORDER_EVENTS) as channel,
        ):
            await place(server, admin, [("MUG", 1)])
            last_fo = (await assignee.next())["fulfillmentOrderEvents"]["cursor"]
            last_order = [(await channel.next())["orderEvents"] for _ in range(2)][-1]
        # Nobody listening, that server gone: orders keep coming through another one.
        async with serve(db.database_url, url) as other:
            missed = [await place(other, admin, [("MUG", 1)]) for _ in range(2)]
        redis.terminate()
    async with (
        redis_server(port),
        serve(db.database_url, url) as server,
        subscribe(server, admin, FO_EVENTS, {"loc": loc, "since": last_fo}) as assignee,
        subscribe(server, web, ORDER_EVENTS, {"since": last_order["cursor"]}) as channel,
    ):
        got = [(await assignee.next())["fulfillmentOrderEvents"] for _ in missed]
        assert [e["fulfillmentOrder"]["order"]["number"] for e in got] == [
            o["number"] for o in missed
        ]
        timeline = [(await channel.next())["orderEvents"] for _ in range(4)]
        assert [e["order"]["number"] for e in timeline] == [
            n for o in missed for n in (o["number"], o["number"])
        ]
        await assignee.nothing_for(0.5)
        await channel.nothing_for(0.1)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("ADMIN", True), ("VIEWER", True), ("STAFF", False), ("VENDOR", False), ("PARTNER", True)],
)
async def test_who_may_follow_order_events(live_server: str, role: str, allowed: bool) -> None:
    network = await twin_cities()
    scope: dict[str, Any] = {
        "STAFF": {"location_ids": [network.msp.id]},
        "VENDOR": {"vendor_id": network.vendor.id},
        "PARTNER": {"channel": "web"},
    }.get(role, {})
    _, secret = await create_api_key(role.lower(), Role(role), **scope)
    async with subscribe(live_server, secret, ORDER_EVENTS, {"channel": "web"}) as sub:
        if allowed:
            await sub.nothing_for(0.3)
        else:
            refused = await sub.message()
            assert refused["payload"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize(
    ("role", "follows"),
    [
        ("ADMIN", {"msp", "stp", "vendor"}),
        ("VIEWER", {"msp", "stp", "vendor"}),
        ("STAFF", {"msp"}),
        ("VENDOR", {"vendor"}),
        ("PARTNER", set()),
    ],
)
async def test_who_may_follow_fulfillment_order_events(
    live_server: str, role: str, follows: set[str]
) -> None:
    network = await twin_cities()
    scope: dict[str, Any] = {
        "STAFF": {"location_ids": [network.msp.id]},
        "VENDOR": {"vendor_id": network.vendor.id},
        "PARTNER": {"channel": "web"},
    }.get(role, {})
    _, secret = await create_api_key(role.lower(), Role(role), **scope)
    streams = {
        "msp": {"loc": encode_id("Location", network.msp.id)},
        "stp": {"loc": encode_id("Location", network.stp.id)},
        "vendor": {"vendor": encode_id("Vendor", network.vendor.id)},
    }
    for name, variables in streams.items():
        async with subscribe(live_server, secret, FO_EVENTS, variables) as sub:
            if name in follows:
                await sub.nothing_for(0.2)
            else:
                refused = await sub.message()
                assert refused["payload"][0]["extensions"]["code"] == "FORBIDDEN", name
