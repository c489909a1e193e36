"""orders(filter: {updatedAfter}) in the default order (by id): the changed orders are
sorted rather than found by walking the ids (resolvers.pagination.Sort.walk_index), and
keyset pages still meet without gaps, forwards, backwards and reversed."""

from __future__ import annotations

from typing import Any

from models.operations.order_actions import hold_order
from models.operations.order_validation import LineInput, OrderInput
from models.operations.placement import place_order
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM
from models.tables import Order as OrderRow
from tests.support.database import counting_queries
from tests.support.factories import MINNEAPOLIS_CUSTOMER, twin_cities
from tests.support.gql import Gql

PAGE = """query($first: Int, $after: String, $last: Int, $before: String, $since: DateTime,
  $reverse: Boolean) {
  orders(first: $first, after: $after, last: $last, before: $before, reverse: $reverse,
    filter: {updatedAfter: $since}) {
    totalCount edges { node { number } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def page(gql: Gql, **variables: Any) -> tuple[list[str], dict[str, Any]]:
    data = (await gql(PAGE, variables))["orders"]
    return [e["node"]["number"] for e in data["edges"]], data


async def test_changed_orders_page_by_id(admin: Gql) -> None:
    await twin_cities({"MUG": (50, 50, 0)})
    for i in range(6):
        await place_order(
            OrderInput(
                channel="web",
                customer_email=f"c{i}@example.com",
                currency="USD",
                shipping_address=MINNEAPOLIS_CUSTOMER,
                lines=(LineInput("MUG", 1),),
            ),
            SYSTEM,
        )
    rows = await OrderRow.all().order_by("id")
    since = rows[-1].updated_at.isoformat()
    # Changed after the last placement: the second, fifth and third, in that order.
    for index in (1, 4, 2):
        await hold_order(rows[index].id, HoldReason.OTHER, None, SYSTEM)
    changed = [rows[i].number for i in (1, 2, 4)]

    with counting_queries() as queries:
        numbers, data = await page(admin, first=50, since=since)
    assert numbers == changed and data["totalCount"] == 3
    assert any('"id"+' in q for q in queries), queries  # sorted, not walked

    first, data = await page(admin, first=2, since=since)
    rest, tail = await page(admin, first=2, since=since, after=data["pageInfo"]["endCursor"])
    assert first + rest == changed
    assert data["pageInfo"]["hasNextPage"] and not tail["pageInfo"]["hasNextPage"]

    last, data = await page(admin, last=2, since=since)
    earlier, _ = await page(admin, last=2, since=since, before=data["pageInfo"]["startCursor"])
    assert earlier + last == changed

    newest, data = await page(admin, first=2, since=since, reverse=True)
    older, _ = await page(
        admin, first=2, since=since, reverse=True, after=data["pageInfo"]["endCursor"]
    )
    assert newest + older == changed[::-1]
