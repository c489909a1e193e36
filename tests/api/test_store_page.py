"""A store's page of fulfillment orders (issue 17, goal 5): its statements' text depends on
the page's shape only, never on the store, the cursor or the history, so that asyncpg
prepares each once per connection and PostgreSQL plans it without parsing again; and its
edges' cursors, encoded only when asked for, are those of pageInfo and continue the page.
"""

from __future__ import annotations

from typing import Any

from models.operations.placement import place_order
from models.rules.scopes import SYSTEM
from resolvers.ids import encode_id
from tests.support.database import capturing_statements
from tests.support.factories import (
    MINNEAPOLIS_CUSTOMER,
    ST_PAUL_CUSTOMER,
    Network,
    twin_cities,
    web_order,
)
from tests.support.gql import Gql

STORE_PAGE = """query($loc: ID, $first: Int, $after: String) {
  fulfillmentOrders(locationId: $loc, first: $first, after: $after) {
    edges { cursor node { id status order { number } lines { quantity } } }
    pageInfo { startCursor endCursor hasNextPage }
  }
}"""


async def place(n: int, customer: Any) -> None:
    for i in range(n):
        await place_order(
            web_order(("MUG", 1), customer_email=f"c{i}@example.com", shipping_address=customer),
            SYSTEM,
        )


async def stores_with_history() -> Network:
    """Three orders at each store (each customer's nearest)."""
    network = await twin_cities({"MUG": (50, 50, 0)})
    await place(3, MINNEAPOLIS_CUSTOMER)
    await place(3, ST_PAUL_CUSTOMER)
    return network


async def page_statements(admin: Gql, variables: dict[str, Any]) -> list[str]:
    with capturing_statements() as statements:
        data = await admin(STORE_PAGE, variables)
    assert len(data["fulfillmentOrders"]["edges"]) == variables["first"]
    # The key's own lookup aside; the orders' and the lines' run concurrently (any order).
    return sorted(sql for sql, _ in statements if '"api_key"' not in sql)


async def test_the_page_sends_the_same_statements_for_every_store_and_cursor(
    admin: Gql,
) -> None:
    network = await stores_with_history()
    await admin("{ viewer { name } }")  # the key's first use is stamped; keep it out
    msp, stp = (encode_id("Location", store.id) for store in (network.msp, network.stp))
    first = await admin(STORE_PAGE, {"loc": msp, "first": 1})
    after = first["fulfillmentOrders"]["pageInfo"]["endCursor"]

    at_msp = await page_statements(admin, {"loc": msp, "first": 2})
    at_stp = await page_statements(admin, {"loc": stp, "first": 2})
    await place(3, MINNEAPOLIS_CUSTOMER)
    later = await page_statements(admin, {"loc": msp, "first": 2})
    # The page, its orders, its lines: one statement each, whatever the store or history.
    assert len(at_msp) == 3, at_msp
    assert at_stp == at_msp
    assert later == at_msp
    # After a cursor, the page's own statement gains the keyset bound; still one text.
    deeper = await page_statements(admin, {"loc": msp, "first": 2, "after": after})
    again = await page_statements(admin, {"loc": stp, "first": 2, "after": after})
    assert len(deeper) == 3 and deeper == again


async def test_edge_cursors_are_those_of_page_info_and_continue_the_page(admin: Gql) -> None:
    network = await stores_with_history()
    msp = encode_id("Location", network.msp.id)
    everything = await admin(STORE_PAGE, {"loc": msp, "first": 3})
    ids = [edge["node"]["id"] for edge in everything["fulfillmentOrders"]["edges"]]
    assert len(ids) == 3

    page = (await admin(STORE_PAGE, {"loc": msp, "first": 2}))["fulfillmentOrders"]
    edges, info = page["edges"], page["pageInfo"]
    assert [edge["node"]["id"] for edge in edges] == ids[:2]
    assert (edges[0]["cursor"], edges[-1]["cursor"]) == (info["startCursor"], info["endCursor"])
    assert info["hasNextPage"]
    rest = await admin(STORE_PAGE, {"loc": msp, "first": 2, "after": edges[0]["cursor"]})
    assert [edge["node"]["id"] for edge in rest["fulfillmentOrders"]["edges"]] == ids[1:]
