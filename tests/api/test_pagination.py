"""Relay connections over more rows than the largest page: keyset pages without gaps or
duplicates in both directions, pageInfo, totalCount, the default and the cap."""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

import httpx
import pytest
from tortoise.transactions import in_transaction

from api.app import create_app
from api.settings import Settings
from models.operations.catalog import upsert_product
from models.tables import Product
from tests.support.gql import Gql

COUNT = 300  # more than the largest page (250)

PRODUCTS = """query($first: Int, $after: String, $last: Int, $before: String) {
  products(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { sku } }
    nodes { sku }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""


def cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"cursor:{pk}".encode()).decode().rstrip("=")


def sku(number: int) -> str:
    return f"SKU-{number:04d}"


@pytest.fixture
async def products(db) -> list[str]:
    """COUNT products, created in SKU order (so primary-key order is SKU order)."""
    async with in_transaction():  # one commit instead of COUNT
        for number in range(COUNT):
            await upsert_product(sku(number), f"Product {number}")
    return [sku(number) for number in range(COUNT)]


async def page(gql: Gql, **arguments: Any) -> dict[str, Any]:
    connection = (await gql(PRODUCTS, arguments))["products"]
    assert connection["totalCount"] == COUNT
    assert [e["node"] for e in connection["edges"]] == connection["nodes"]
    edges = connection["edges"]
    info = connection["pageInfo"]
    assert info["startCursor"] == (edges[0]["cursor"] if edges else None)
    assert info["endCursor"] == (edges[-1]["cursor"] if edges else None)
    return connection


def skus(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["sku"] for edge in connection["edges"]]


@pytest.mark.parametrize("size", [None, 1, 77, 100, 250])
async def test_forwards_walk_sees_every_row_once(products: list[str], admin: Gql, size) -> None:
    expected_size = size or Settings.default_page_size
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        connection = await page(admin, first=size, after=after)
        info = connection["pageInfo"]
        pages += 1
        assert info["hasPreviousPage"] is (after is not None)
        assert len(connection["edges"]) == min(expected_size, COUNT - len(seen))
        seen += skus(connection)
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
        assert pages <= COUNT, "the walk does not end"
    assert seen == products
    assert pages == -(-COUNT // expected_size)


@pytest.mark.parametrize("size", [None, 1, 77, 250])
async def test_backwards_walk_sees_every_row_once(products: list[str], admin: Gql, size) -> None:
    expected_size = size or Settings.default_page_size
    seen: list[str] = []
    before = None
    while True:
        if size is None:
            connection = await page(admin, last=Settings.default_page_size, before=before)
        else:
            connection = await page(admin, last=size, before=before)
        info = connection["pageInfo"]
        assert info["hasNextPage"] is (before is not None)
        assert len(connection["edges"]) == min(expected_size, COUNT - len(seen))
        seen = skus(connection) + seen
        if not info["hasPreviousPage"]:
            break
        before = info["startCursor"]
    assert seen == products


async def test_default_page_is_50_and_first_page_flags(products: list[str], admin: Gql) -> None:
    connection = await page(admin)
    assert skus(connection) == products[:50]
    assert connection["pageInfo"]["hasNextPage"] is True
    assert connection["pageInfo"]["hasPreviousPage"] is False


async def test_last_page_forwards_and_first_page_backwards(products: list[str], admin: Gql) -> None:
    last = await page(admin, last=10)
    assert skus(last) == products[-10:]
    assert last["pageInfo"]["hasPreviousPage"] is True
    assert last["pageInfo"]["hasNextPage"] is False
    # Going forwards from the 10th-last row reaches the end.
    tail = await page(admin, first=250, after=last["edges"][0]["cursor"])
    assert skus(tail) == products[-9:]
    assert tail["pageInfo"]["hasNextPage"] is False
    # Going backwards from the 10th row reaches the start.
    first = await page(admin, first=10)
    head = await page(admin, last=250, before=first["edges"][-1]["cursor"])
    assert skus(head) == products[:9]
    assert head["pageInfo"]["hasPreviousPage"] is False


async def test_a_window_between_two_cursors(products: list[str], admin: Gql) -> None:
    hundred = await page(admin, first=100)
    start, end = hundred["edges"][9]["cursor"], hundred["edges"][30]["cursor"]
    window = await page(admin, first=250, after=start, before=end)
    assert skus(window) == products[10:30]
    assert window["pageInfo"]["hasNextPage"] is False
    window = await page(admin, last=5, after=start, before=end)
    assert skus(window) == products[25:30]
    assert window["pageInfo"]["hasPreviousPage"] is True


async def test_rows_added_during_a_walk_do_not_shift_it(products: list[str], admin: Gql) -> None:
    first = await page(admin, first=100)
    await Product.filter(sku__in=products[:20]).delete()  # rows before the cursor go away
    await upsert_product("ZZZ-NEW", "Added meanwhile")
    rest = (await admin(PRODUCTS, {"first": 250, "after": first["pageInfo"]["endCursor"]}))[
        "products"
    ]
    assert skus(rest) == [*products[100:], "ZZZ-NEW"]


async def test_page_size_250_is_the_largest(products: list[str], admin: Gql) -> None:
    assert len((await page(admin, first=250))["edges"]) == 250
    assert len((await page(admin, last=250))["edges"]) == 250
    assert (await page(admin, first=0))["edges"] == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"first": 251}, "first must be between 0 and 250"),
        ({"last": 251}, "last must be between 0 and 250"),
        ({"first": -1}, "first must be between 0 and 250"),
        ({"last": -5}, "last must be between 0 and 250"),
        ({"first": 10, "last": 10}, "either first or last"),
        ({"after": "not a cursor"}, "is not a valid cursor"),
        ({"before": "Y3Vyc29yOmFiYw"}, "is not a valid cursor"),  # "cursor:abc"
        ({"after": "TG9jYXRpb246MQ"}, "is not a valid cursor"),  # a node id, not a cursor
        ({"after": "%%%"}, "is not a valid cursor"),
        ({"after": cursor(2**31)}, "is not a valid cursor"),  # beyond a 32-bit primary key
        ({"before": cursor(2**70)}, "is not a valid cursor"),
        ({"first": 2**31}, "Int cannot represent non 32-bit signed integer"),
    ],
)
async def test_bad_page_arguments_are_refused(
    products: list[str], admin: Gql, arguments: dict[str, Any], message: str
) -> None:
    body = await admin.raw(PRODUCTS, arguments)
    assert body.get("data") is None
    (error,) = body["errors"]
    assert message in error["message"]


async def test_every_connection_refuses_oversized_pages(admin: Gql, db) -> None:
    for field in ("locations", "vendors", "products", "inventoryLevels", "apiKeys"):
        body = await admin.raw(f"{{ {field}(first: 251) {{ totalCount }} }}")
        assert body["data"] is None, field
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", field
        assert "between 0 and 250" in body["errors"][0]["message"], field


async def test_page_sizes_are_the_apps_configuration(
    products: list[str], db: Settings, keys: dict[str, str]
) -> None:
    """Resolvers read the configuration create_app was given, not a global."""
    app = create_app(dataclasses.replace(db, max_page_size=7, default_page_size=3))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://oms.test") as client:
        admin = Gql(client, keys["admin"])
        assert skus(await page(admin)) == products[:3]
        assert skus(await page(admin, first=7)) == products[:7]
        body = await admin.raw(PRODUCTS, {"first": 8})
    assert "first must be between 0 and 7, got 8" in body["errors"][0]["message"]
