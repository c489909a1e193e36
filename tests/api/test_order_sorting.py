"""orders(sortKey, reverse) and the filters of the second round; fulfillmentOrders(sortKey)."""

from __future__ import annotations

from datetime import datetime

from models.operations.access import create_api_key
from models.operations.order_actions import hold_order
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM, Role
from models.tables import Order as OrderRow
from tests.api.test_order_queries import place
from tests.support.database import counting_queries
from tests.support.factories import ST_PAUL_CUSTOMER, twin_cities
from tests.support.gql import Gql

NUMBERS = """query($first: Int, $after: String, $filter: OrderFilter, $sortKey: OrderSortKey,
  $reverse: Boolean) {
  orders(first: $first, after: $after, filter: $filter, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { number updatedAt } } pageInfo { hasNextPage endCursor } } }"""


async def numbers(gql: Gql, **variables: object) -> list[str]:
    data = await gql(NUMBERS, {"first": 50, **variables})
    return [e["node"]["number"] for e in data["orders"]["edges"]]


async def test_sort_keys_and_reverse(admin: Gql) -> None:
    await twin_cities({"MUG": (50, 50, 0)})
    await place(4, lines=(("MUG", 1),))
    ids = await OrderRow.all().order_by("id").values_list("id", flat=True)
    in_order = [str(1000 + pk) for pk in ids]
    assert await numbers(admin) == in_order
    assert await numbers(admin, sortKey="NUMBER", reverse=True) == in_order[::-1]
    assert await numbers(admin, sortKey="CREATED_AT", reverse=True) == in_order[::-1]
    # The second order changes: it is now the most recently updated.
    await hold_order(ids[1], HoldReason.OTHER, None, SYSTEM)
    newest_first = await numbers(admin, sortKey="UPDATED_AT", reverse=True)
    assert newest_first[0] == in_order[1]
    assert sorted(newest_first) == in_order

    # Keyset pages in UPDATED_AT order, forwards and backwards, meet without gaps.
    page = await admin(NUMBERS, {"first": 2, "sortKey": "UPDATED_AT"})
    first = [e["node"]["number"] for e in page["orders"]["edges"]]
    after = page["orders"]["pageInfo"]["endCursor"]
    rest = await numbers(admin, sortKey="UPDATED_AT", after=after)
    assert first + rest == newest_first[::-1]

    # A cursor made for another sort key is refused, not misread.
    wrong = await admin.raw(NUMBERS, {"first": 2, "sortKey": "UPDATED_AT", "after": "Y3Vyc29yOjE"})
    assert wrong["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_new_filters(admin: Gql) -> None:
    await twin_cities({"MUG": (50, 50, 0), "LAMP": (5, 5, 0)})
    await place(2, lines=(("MUG", 1),))
    await place(1, lines=(("LAMP", 1),))
    ids = await OrderRow.all().order_by("id").values_list("id", flat=True)
    await hold_order(ids[0], HoldReason.AWAITING_PAYMENT, None, SYSTEM)
    lamp = [str(1000 + ids[2])]
    assert await numbers(admin, filter={"sku": "LAMP"}) == lamp
    assert await numbers(admin, filter={"sku": "X" * 500}) == []
    assert await numbers(admin, filter={"hasOpenHold": True}) == [str(1000 + ids[0])]
    assert len(await numbers(admin, filter={"hasOpenHold": False})) == 2
    assert len(await numbers(admin, filter={"deliveryMethod": "SHIP"})) == 3
    assert await numbers(admin, filter={"deliveryMethod": "PICKUP"}) == []
    stamp = (await OrderRow.get(id=ids[0])).updated_at
    assert await numbers(admin, filter={"updatedAfter": stamp.isoformat()}) == []
    before = datetime.fromisoformat("2000-01-01T00:00:00+00:00")
    assert len(await numbers(admin, filter={"updatedAfter": before.isoformat()})) == 3


async def test_fulfillment_orders_by_deadline(admin: Gql, as_key) -> None:
    network = await twin_cities({"MUG": (50, 50, 0)})
    await place(2, lines=(("MUG", 1),))
    await place(1, customer=ST_PAUL_CUSTOMER, lines=(("MUG", 1),))
    _, staff = await create_api_key("msp", Role.STAFF, [network.msp.id])
    query = """query($sortKey: FulfillmentOrderSortKey, $reverse: Boolean) {
      fulfillmentOrders(first: 10, sortKey: $sortKey, reverse: $reverse) {
        nodes { acceptBy order { number } } } }"""
    due = (await admin(query, {"sortKey": "ACCEPT_BY"}))["fulfillmentOrders"]["nodes"]
    assert [n["acceptBy"] for n in due] == sorted(n["acceptBy"] for n in due)
    assert len(due) == 3
    latest = await admin(query, {"sortKey": "ACCEPT_BY", "reverse": True})
    assert latest["fulfillmentOrders"]["nodes"] == due[::-1]
    assigned = (await admin(query, {"sortKey": "ASSIGNED_AT"}))["fulfillmentOrders"]["nodes"]
    assert [n["order"]["number"] for n in assigned] == [n["order"]["number"] for n in due]
    mine = (await as_key(staff)(query, {"sortKey": "ACCEPT_BY"}))["fulfillmentOrders"]["nodes"]
    assert len(mine) == 2


async def test_a_sorted_filtered_page_costs_the_same_statements_for_5_or_40(admin: Gql) -> None:
    await twin_cities({"MUG": (500, 500, 500)})
    page = """query($f: OrderFilter) { orders(first: 50, filter: $f, sortKey: UPDATED_AT,
      reverse: true) { nodes { number note tags metadata updatedAt currentSubtotal { amount }
      lines { sku } } } }"""
    where = {"sku": "MUG", "hasOpenHold": False, "deliveryMethod": "SHIP"}
    await place(5, lines=(("MUG", 1),))
    await admin("{ viewer { name } }")  # the key's first use is stamped; keep it out
    with counting_queries() as few:
        assert len((await admin(page, {"f": where}))["orders"]["nodes"]) == 5
    await place(35, lines=(("MUG", 1),))
    with counting_queries() as many:
        assert len((await admin(page, {"f": where}))["orders"]["nodes"]) == 40
    assert len(many) == len(few), (len(few), len(many))
