"""Placement reads the stock levels of its order's products at every location: an index
must serve that read, or each placement walks the stock of the whole catalog (issue 17,
goal 5: cost flat as the data grows; the catalog grows too). Checked on both dialects
with the statement placement really sends, on a catalog big enough that PostgreSQL would
rather read the table than an index that does not lead with the product."""

from __future__ import annotations

import pytest
from tortoise import connections

from models import sql
from models.operations import order_routing
from models.operations.config_version import current_version
from models.operations.order_validation import validate_order
from models.operations.placement import place_order
from models.rules.scopes import SYSTEM
from models.tables import InventoryLevel, Location, Product
from tests.support.database import ON_POSTGRES, capturing_statements
from tests.support.factories import twin_cities, web_order

pytestmark = pytest.mark.usefixtures("db")

PRODUCTS = 400
LEVELS_TABLE = InventoryLevel._meta.db_table


async def _big_catalog() -> None:
    """PRODUCTS more products, stocked at every location of the network."""
    await sql.insert(
        Product,
        [
            {
                "sku": f"CAT-{n:04}",
                "name": f"Catalog {n}",
                "price_amount": 5,
                "price_currency": "USD",
            }
            for n in range(PRODUCTS)
        ],
    )
    product_ids = await Product.filter(sku__startswith="CAT-").values_list("id", flat=True)
    location_ids = await Location.all().values_list("id", flat=True)
    await sql.insert(
        InventoryLevel,
        [
            {"product_id": product, "location_id": location, "on_hand": 9}
            for product in product_ids
            for location in location_ids
        ],
    )
    if ON_POSTGRES:  # SQLite's planner goes without statistics, as a server's database does
        await connections.get("default").execute_script(f'ANALYZE "{LEVELS_TABLE}"')


async def _plan(text: str, values: list[object]) -> str:
    if ON_POSTGRES:
        _, rows = await connections.get("default").execute_query(f"EXPLAIN {text}", values)
        return "\n".join(row["QUERY PLAN"] for row in rows)
    _, rows = await connections.get("default").execute_query(f"EXPLAIN QUERY PLAN {text}", values)
    return "\n".join(row["detail"] for row in rows)


async def test_placements_stock_read_is_served_by_an_index() -> None:
    await twin_cities({"MUG": (5, 5, 5), "CHAIR": (1, 1, 1)})
    await _big_catalog()
    with capturing_statements() as statements:
        await place_order(web_order(("MUG", 1), ("CAT-0007", 2)), SYSTEM)
    reads = [
        (text, values)
        for text, values in statements
        if text.lstrip().upper().startswith("SELECT") and f'"{LEVELS_TABLE}" l' in text
    ]
    assert reads, "placement read the stock levels"
    for text, values in reads:
        plan = await _plan(text, values)
        if ON_POSTGRES:
            assert f"Seq Scan on {LEVELS_TABLE}" not in plan, plan
        else:  # a search by product, not a scan nor a skip-scan over the locations
            assert "SEARCH l USING INDEX" in plan and "(product_id=?" in plan, plan


async def test_the_stock_read_answers_every_level_of_its_skus() -> None:
    """Placement's read (with the products) and the routing engine's own read answer each
    level of the SKUs asked for, with its own numbers, and no other: they come as a row
    per SKU, of arrays on PostgreSQL and of JSON on SQLite."""
    await twin_cities({"MUG": (5, 0, 7), "CHAIR": (1, 1, 1), "HAT": (2, 2, 2)})
    await InventoryLevel.filter(product__sku="MUG", location__code="MSP-01").update(
        reserved=3, safety_stock=1
    )
    levels = await InventoryLevel.filter(product__sku__in=["MUG", "CHAIR"]).values_list(
        "id", "location_id", "product__sku", "on_hand", "reserved", "safety_stock"
    )
    assert len(levels) == 6
    stock = (await validate_order(web_order(("MUG", 1), ("CHAIR", 2)))).stock
    assert stock is not None
    read = await order_routing.read_stock({"MUG", "CHAIR"})
    for answer in (stock, read):
        assert sorted(answer.levels) == sorted(levels)
        assert answer.version == await current_version()
