"""Reading orders: scope per role, filters, and a constant number of SQL queries per page."""

from __future__ import annotations

import dataclasses

import pytest

from api.schema import build_schema
from api.settings import Settings
from models.operations.access import create_api_key
from models.operations.placement import place_order
from models.rules.scopes import SYSTEM, Role
from tests.support.database import counting_queries
from tests.support.factories import (
    MINNEAPOLIS_CUSTOMER,
    ST_PAUL_CUSTOMER,
    Network,
    twin_cities,
    web_order,
)
from tests.support.gql import PAGE, Gql


async def place(
    n: int, channel: str = "web", customer=MINNEAPOLIS_CUSTOMER, lines=(("MUG", 1), ("CHAIR", 1))
) -> None:
    for i in range(n):
        order = web_order(
            *lines, channel=channel, customer_email=f"c{i}@example.com", shipping_address=customer
        )
        await place_order(order, SYSTEM)


async def test_a_page_costs_the_same_queries_for_5_or_50_orders(
    admin: Gql, db: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This test counts SQL queries: a page of 50 orders with their lines charged at their
    # most possible length is past the per-request maximum of query cost, so lift it.
    budgets = build_schema(db).cost_budgets
    lifted = dataclasses.replace(
        budgets.limits, max_cost=10**9, bucket_size=10**9, restore_rate=10.0**9
    )
    monkeypatch.setattr(budgets, "limits", lifted)
    monkeypatch.setattr(budgets, "buckets", type(budgets.buckets)())
    await twin_cities({"MUG": (500, 500, 500)})
    await place(5)
    await admin("{ viewer { name } }")  # the key's first use is stamped; keep it out of the count
    with counting_queries() as few:
        data = await admin(PAGE, {"first": 50})
    assert len(data["orders"]["edges"]) == 5
    await place(45)
    with counting_queries() as many:
        data = await admin(PAGE, {"first": 50})
    assert len(data["orders"]["edges"]) == 50
    assert len(few) > 0
    assert len(many) == len(few), (len(few), len(many))


async def test_each_key_sees_only_its_own_orders(admin: Gql, as_key) -> None:
    network: Network = await twin_cities({"MUG": (10, 10, 0)})
    await place(2, customer=MINNEAPOLIS_CUSTOMER, lines=(("MUG", 1),))  # MSP-01
    await place(1, customer=ST_PAUL_CUSTOMER, lines=(("MUG", 1),))  # STP-01
    await place(1, channel="pos", customer=ST_PAUL_CUSTOMER, lines=(("CHAIR", 1),))  # vendor
    _, msp = await create_api_key("msp", Role.STAFF, [network.msp.id])
    _, vendor = await create_api_key("nw", Role.VENDOR, vendor_id=network.vendor.id)
    _, partner = await create_api_key("web", Role.PARTNER, channel="web")
    _, pos = await create_api_key("pos", Role.PARTNER, channel="pos")

    async def numbers(secret: str) -> int:
        return (await as_key(secret)(PAGE, {"first": 10}))["orders"]["totalCount"]

    assert await numbers(msp) == 2
    assert await numbers(vendor) == 1
    assert await numbers(partner) == 3
    assert await numbers(pos) == 1
    assert (await admin(PAGE, {"first": 10}))["orders"]["totalCount"] == 4

    everything = await admin(PAGE, {"first": 10})
    st_paul = next(
        e["node"]["number"]
        for e in everything["orders"]["edges"]
        if e["node"]["fulfillmentOrders"][0]["location"]
        and e["node"]["fulfillmentOrders"][0]["location"]["code"] == "STP-01"
    )
    by_number = "query($n: String) { order(number: $n) { number } }"
    assert (await as_key(msp)(by_number, {"n": st_paul}))["order"] is None
    assert (await admin(by_number, {"n": st_paul}))["order"]["number"] == st_paul


async def test_filters(admin: Gql) -> None:
    await twin_cities({"MUG": (10, 10, 0)})
    await place(2, lines=(("MUG", 1),))
    await place(1, channel="pos", lines=(("MUG", 50),))
    count = "query($f: OrderFilter) { orders(filter: $f) { totalCount } }"

    async def total(f: dict) -> int:
        return (await admin(count, {"f": f}))["orders"]["totalCount"]

    assert await total({"channel": "pos"}) == 1
    assert await total({"status": ["BACKORDERED"]}) == 1
    assert await total({"status": ["ALLOCATED", "BACKORDERED"]}) == 3
    assert await total({"query": "c1@example.com"}) == 1
    assert await total({"query": "1001"}) == 1
    assert await total({"createdAfter": "2999-01-01T00:00:00Z"}) == 0
