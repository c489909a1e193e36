"""The order counts the database keeps (models.tables.OrderCount, migration 11's triggers)
agree with the orders themselves, for every scope that is whole channels, through inserts,
deletes, a change of channel and a recount; and `totalCount` reads them, not the orders."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from models.operations import order_counts
from models.operations.access import create_api_key
from models.operations.placement import place_order
from models.operations.visibility import visible_orders
from models.rules.scopes import SYSTEM, Actor, Role
from models.tables import Order, OrderCount
from models.tables.order_counts import SLOTS
from tests.support.database import ON_POSTGRES, counting_queries
from tests.support.factories import twin_cities, web_order
from tests.support.gql import Gql

COUNT = """query($filter: OrderFilter, $sortKey: OrderSortKey) {
  orders(first: 1, filter: $filter, sortKey: $sortKey) { totalCount } }"""


async def place(channel: str, n: int) -> None:
    for i in range(n):
        await place_order(
            web_order(("MUG", 1), channel=channel, customer_email=f"c{i}@example.com"), SYSTEM
        )


ACTORS = [
    SYSTEM,
    Actor(Role.VIEWER, "viewer"),
    Actor(Role.PARTNER, "web", channel="web"),
    Actor(Role.PARTNER, "pos", channel="pos"),
    Actor(Role.PARTNER, "kiosk", channel="kiosk"),
]


async def assert_counts_agree() -> None:
    for actor in ACTORS:
        for channel in (None, "web", "pos", "kiosk"):
            rows = visible_orders(actor)
            if channel is not None:
                rows = rows.filter(channel=channel)
            kept = await order_counts.visible_count(actor, channel)
            assert kept == await rows.count(), (actor.label, channel)


async def test_counts_follow_inserts_deletes_and_channel_changes(db: object) -> None:
    await twin_cities({"MUG": (100, 100, 0)})
    await place("web", 5)
    await place("pos", 3)
    await assert_counts_agree()
    assert await OrderCount.filter(orders__gt=0).count() == 8  # ids 1..8, one slot each

    first = await Order.filter(channel="web").order_by("id").first()
    assert first is not None
    await Order.filter(id=first.id).update(channel="pos")
    await Order.filter(channel="pos").update(note="touched")  # channel unchanged: no count
    await assert_counts_agree()

    newest = await Order.filter(channel="web").order_by("-id").first()
    assert newest is not None
    await newest.delete()
    await assert_counts_agree()
    assert await order_counts.visible_count(SYSTEM) == 7
    # An assignee's orders are those it works on: not a channel's count.
    assert not order_counts.counts_whole_channels(Actor(Role.STAFF, "store"))


async def test_a_rolled_back_order_is_not_counted(db: object) -> None:
    await twin_cities({"MUG": (100, 100, 0)})
    await place("web", 2)
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await place("web", 1)
            raise RuntimeError("roll back")
    await assert_counts_agree()


async def test_recount_matches_the_triggers(db: object) -> None:
    await twin_cities({"MUG": (100, 100, 0)})
    await place("web", SLOTS + 3)
    await place("pos", 2)
    kept = sorted(await OrderCount.all().values_list("channel", "slot", "orders"))
    await order_counts.recount()
    assert sorted(await OrderCount.all().values_list("channel", "slot", "orders")) == kept


@pytest.mark.skipif(not ON_POSTGRES, reason="TRUNCATE is PostgreSQL's")
async def test_truncating_the_orders_forgets_their_counts(db: object) -> None:
    await twin_cities({"MUG": (100, 100, 0)})
    await place("web", 2)
    await connections.get("default").execute_script('TRUNCATE "order" CASCADE')
    assert await OrderCount.all().count() == 0


async def test_total_count_reads_the_kept_count(db: object, admin: Gql, as_key) -> None:
    await twin_cities({"MUG": (100, 100, 0)})
    await place("web", 4)
    await place("pos", 2)
    _, web = await create_api_key("web", Role.PARTNER, channel="web")
    partner = as_key(web)
    cases = [
        (admin, {}, 6),
        (admin, {"filter": {}}, 6),
        (admin, {"filter": {"channel": "pos"}}, 2),
        (admin, {"sortKey": "UPDATED_AT"}, 6),
        (partner, {}, 4),
        (partner, {"filter": {"channel": "web", "status": []}}, 4),
        (partner, {"filter": {"channel": "pos"}}, 0),
    ]
    for gql, variables, expected in cases:
        with counting_queries() as queries:
            data = await gql(COUNT, variables)
        assert data["orders"]["totalCount"] == expected, variables
        counted = [q for q in queries if "COUNT(" in q.upper()]
        assert not counted, (variables, counted)
    # A channel no row can hold matches nothing (and counts nothing: WHERE 1=0).
    assert (await admin(COUNT, {"filter": {"channel": "x" * 65}}))["orders"]["totalCount"] == 0
    # Any other filter counts the matching orders.
    with counting_queries() as queries:
        data = await admin(COUNT, {"filter": {"channel": "web", "deliveryMethod": "SHIP"}})
    assert data["orders"]["totalCount"] == 4
    assert any("COUNT(" in q.upper() for q in queries)


INSERT_ORDER = (
    'INSERT INTO "order" (channel, status, customer_email, has_shipping_address, '
    "delivery_method, currency, subtotal, created_at, updated_at) "
    "VALUES ('web', 'PENDING', 'a@example.com', false, 'SHIP', 'USD', 1, now(), now()) "
    "RETURNING id"
)


@pytest.mark.skipif(not ON_POSTGRES, reason="row locks between connections")
async def test_concurrent_orders_do_not_queue_on_one_count(db: Any) -> None:
    first = await asyncpg.connect(db.database_url)
    second = await asyncpg.connect(db.database_url)
    try:
        async with first.transaction():
            held = await first.fetchval(INSERT_ORDER)  # its slot row stays locked
            await second.execute("SET statement_timeout = '2s'")
            async with second.transaction():
                other = await second.fetchval(INSERT_ORDER)  # the next id: another slot
            assert (held - other) % SLOTS
        assert await order_counts.visible_count(SYSTEM) == 2
    finally:
        await first.close()
        await second.close()
