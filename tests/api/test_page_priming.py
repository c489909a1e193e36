"""A page of orders, or of fulfillment orders, loads what its selection asks for up front
(resolvers/orders/types.prime_order_page, resolvers/fulfillment.prime_fulfillment_orders):
its nested fields answer without a task each, and every key reads on the page exactly
what it reads of each order alone."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from api.schema import build_schema
from api.settings import Settings
from models.operations.access import create_api_key
from models.operations.placement import place_order
from models.rules.scopes import SYSTEM, Role
from tests.support.database import counting_queries
from tests.support.factories import MINNEAPOLIS_CUSTOMER, ST_PAUL_CUSTOMER, twin_cities, web_order
from tests.support.gql import PAGE, Gql

# The page's fields through fragments, inline and named, and aliases: what the page
# loads up front is read from the selection whichever way the client writes it.
ORDER_FIELDS = """
fragment Assignee on FulfillmentOrder { status location { code name } vendor { code } }
fragment OrderFields on Order {
  id number
  items: lines { id sku quantity unitPrice { amount currencyCode } product { sku name } }
  fulfillmentOrders(first: 10) {
    id ...Assignee
    ... on FulfillmentOrder { lines { id quantity orderLine { id sku product { sku } } } }
  }
  currentSubtotal { amount }
}
"""
FRAGMENT_PAGE = (
    "query($first: Int) { orders(first: $first) { edges { node { ...OrderFields } } } }"
    + ORDER_FIELDS
)
NODES_PAGE = (
    "query($first: Int) { orders(first: $first) { nodes { ...OrderFields } } }" + ORDER_FIELDS
)
ONE_ORDER = "query($id: ID) { order(id: $id) { ...OrderFields } }" + ORDER_FIELDS
FULFILLMENT_PAGE = """query($first: Int) { fulfillmentOrders(first: $first) { edges { node {
  id status location { code } vendor { code } order { number }
  lines { quantity orderLine { sku product { sku } } }
} } } }"""


async def place(n: int, customer: Any, lines: tuple[tuple[str, int], ...]) -> None:
    for i in range(n):
        await place_order(
            web_order(*lines, customer_email=f"c{i}@example.com", shipping_address=customer),
            SYSTEM,
        )


@contextmanager
def counting_tasks() -> Iterator[list[asyncio.Task[Any]]]:
    """The asyncio tasks created in the block (graphql-core makes one for each awaitable
    item of a list it completes)."""
    loop = asyncio.get_running_loop()
    previous = loop.get_task_factory()
    created: list[asyncio.Task[Any]] = []

    def factory(
        loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], **kwargs: Any
    ) -> asyncio.Future[Any]:
        task = (
            previous(loop, coro, **kwargs) if previous else asyncio.Task(coro, loop=loop, **kwargs)
        )
        created.append(task)  # type: ignore[arg-type]
        return task

    loop.set_task_factory(factory)
    try:
        yield created
    finally:
        loop.set_task_factory(previous)


@pytest.fixture
def unlimited_cost(db: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of 50 orders with their lines is past a key's per-request query cost."""
    budgets = build_schema(db).cost_budgets
    lifted = dataclasses.replace(
        budgets.limits, max_cost=10**9, bucket_size=10**9, restore_rate=10.0**9
    )
    monkeypatch.setattr(budgets, "limits", lifted)
    monkeypatch.setattr(budgets, "buckets", type(budgets.buckets)())


@pytest.mark.usefixtures("unlimited_cost")
async def test_a_page_of_50_orders_makes_as_many_tasks_as_a_page_of_5(admin: Gql) -> None:
    await twin_cities({"MUG": (500, 500, 500)})
    await place(5, MINNEAPOLIS_CUSTOMER, (("MUG", 1), ("CHAIR", 1)))
    await admin("{ viewer { name } }")  # the key's first use is stamped; keep it out
    with counting_tasks() as few:
        data = await admin(PAGE, {"first": 50})
    assert len(data["orders"]["edges"]) == 5
    await place(45, MINNEAPOLIS_CUSTOMER, (("MUG", 1), ("CHAIR", 1)))
    with counting_tasks() as many:
        data = await admin(PAGE, {"first": 50})
    assert len(data["orders"]["edges"]) == 50
    assert len(many) == len(few), (len(few), len(many))


def page_reads(statements: list[str]) -> list[str]:
    """The statements that read what the page shows: not the key's lookup (api/auth's to
    keep or spare), nor on PostgreSQL the setting that plans the orders' page and count for
    their values (models.custom_plans)."""
    return [
        sql
        for sql in statements
        if 'FROM "api_key"' not in sql and not sql.startswith("SET LOCAL plan_cache_mode")
    ]


@pytest.mark.usefixtures("unlimited_cost")
async def test_fragments_and_aliases_cost_the_statements_of_the_plain_page(admin: Gql) -> None:
    await twin_cities({"MUG": (500, 500, 500)})
    await place(5, MINNEAPOLIS_CUSTOMER, (("MUG", 1), ("CHAIR", 1)))
    await admin("{ viewer { name } }")
    with counting_queries() as plain:
        await admin(PAGE, {"first": 50})
    with counting_queries() as fragments:
        await admin(FRAGMENT_PAGE, {"first": 50})
    with counting_queries() as nodes:
        await admin(NODES_PAGE, {"first": 50})
    # One statement per relation the page shows: the orders, their count, lines, products,
    # fulfillment orders, their lines, locations and vendors.
    assert len(page_reads(plain)) == 8, plain
    # The other two count no orders; neither reads an order line by id.
    assert len(fragments) == len(nodes) == len(plain) - 1, (plain, fragments)
    with counting_queries() as numbers_only:
        await admin("{ orders(first: 50) { edges { node { number } } } }")
    # The orders alone: nothing nested is loaded.
    assert len(page_reads(numbers_only)) == 1, numbers_only


async def test_every_key_reads_on_the_page_what_it_reads_of_each_order(
    admin: Gql, as_key: Any
) -> None:
    network = await twin_cities({"MUG": (2, 0, 0), "LAMP": (0, 5, 0)})
    # Split three ways: the mug from Minneapolis, the lamp from St. Paul, the chair
    # drop-shipped.
    await place(2, MINNEAPOLIS_CUSTOMER, (("MUG", 1), ("LAMP", 1), ("CHAIR", 1)))
    await place(1, ST_PAUL_CUSTOMER, (("LAMP", 1),))
    _, msp = await create_api_key("msp", Role.STAFF, [network.msp.id])
    _, stp = await create_api_key("stp", Role.STAFF, [network.stp.id])
    _, vendor = await create_api_key("nw", Role.VENDOR, vendor_id=network.vendor.id)
    _, partner = await create_api_key("web", Role.PARTNER, channel="web")
    seen_codes = set()
    for key in (admin, *(as_key(secret) for secret in (msp, stp, vendor, partner))):
        page = (await key(FRAGMENT_PAGE, {"first": 50}))["orders"]["edges"]
        assert page, "every key sees an order"
        for edge in page:
            alone = (await key(ONE_ORDER, {"id": edge["node"]["id"]}))["order"]
            assert edge["node"] == alone
        codes = {
            (fo["location"] or fo["vendor"])["code"]
            for edge in page
            for fo in edge["node"]["fulfillmentOrders"]
        }
        seen_codes |= codes
        if key.secret == msp:
            assert codes == {"MSP-01"}
        if key.secret == vendor:
            assert codes == {"NORTHWOODS"}
    assert {"MSP-01", "STP-01", "NORTHWOODS"} <= seen_codes


@pytest.mark.usefixtures("unlimited_cost")
async def test_a_page_of_fulfillment_orders_costs_the_same_for_5_or_50(as_key: Any) -> None:
    network = await twin_cities({"MUG": (500, 0, 0), "LAMP": (500, 0, 0)})
    _, msp = await create_api_key("msp", Role.STAFF, [network.msp.id])
    staff = as_key(msp)
    await place(5, MINNEAPOLIS_CUSTOMER, (("MUG", 1), ("LAMP", 1), ("CHAIR", 1)))
    await staff("{ viewer { name } }")  # the key's first use is stamped; keep it out
    with counting_tasks() as few_tasks, counting_queries() as few:
        data = await staff(FULFILLMENT_PAGE, {"first": 50})
    assert len(data["fulfillmentOrders"]["edges"]) == 5
    await place(45, MINNEAPOLIS_CUSTOMER, (("MUG", 1), ("LAMP", 1), ("CHAIR", 1)))
    with counting_tasks() as many_tasks, counting_queries() as many:
        data = await staff(FULFILLMENT_PAGE, {"first": 50})
    edges = data["fulfillmentOrders"]["edges"]
    assert len(edges) == 50
    # The store's own: the drop-shipped chairs are the vendor's.
    assert {edge["node"]["location"]["code"] for edge in edges} == {"MSP-01"}
    assert {line["orderLine"]["sku"] for e in edges for line in e["node"]["lines"]} == {
        "MUG",
        "LAMP",
    }
    assert len(many) == len(few), (few, many)
    assert len(many_tasks) == len(few_tasks), (len(few_tasks), len(many_tasks))
