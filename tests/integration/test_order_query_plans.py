"""Every sort key and filter of `orders` and `fulfillmentOrders` is served by an index on
PostgreSQL: with sequential scans priced out, the plan of each page query names no
`Seq Scan` (PostgreSQL falls back to one only when no index can serve)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models.rules.lifecycle import DeliveryMethod
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from resolvers.orders.filters import (
    OrderFilter,
    OrderSortKey,
    filtered_orders,
    order_sort,
    settled_orders,
)
from resolvers.pagination import ordered
from tests.support.database import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="reads PostgreSQL's EXPLAIN")

SINCE = datetime(2026, 1, 1, tzinfo=UTC)
FILTERS = {
    "none": OrderFilter(),
    "sku": OrderFilter(sku="MUG"),
    "tags": OrderFilter(tags=["vip", "gift"]),
    "hasOpenHold": OrderFilter(has_open_hold=True),
    "hasNoOpenHold": OrderFilter(has_open_hold=False),
    "deliveryMethod": OrderFilter(delivery_method=DeliveryMethod.PICKUP),
    "updatedAfter": OrderFilter(updated_after=SINCE),
    "channel+updatedAfter": OrderFilter(channel="web", updated_after=SINCE),
}


async def plan_of(qs: QuerySet) -> str:
    # One connection for the setting and the EXPLAIN: a transaction pins it.
    async with in_transaction() as connection:
        await connection.execute_script("SET LOCAL enable_seqscan = off")
        qs._choose_db_if_not_chosen()
        qs._make_query()
        sql, params = qs.query.get_parameterized_sql()
        _, rows = await connection.execute_query(f"EXPLAIN {sql}", params)
    return "\n".join(row["QUERY PLAN"] for row in rows)


@pytest.mark.parametrize("name", sorted(FILTERS))
@pytest.mark.parametrize("sort_key", list(OrderSortKey))
async def test_orders_page_uses_indexes(db: object, name: str, sort_key: OrderSortKey) -> None:
    sort = order_sort(sort_key, reverse=False, where=FILTERS[name])
    # As the resolver reads it: with the sync watermark where the page follows changes.
    qs = await settled_orders(
        filtered_orders(OrderRow.all(), FILTERS[name]), FILTERS[name], sort_key
    )
    plan = await plan_of(ordered(qs, sort).limit(51))
    assert "Seq Scan" not in plan, plan


@pytest.mark.parametrize("column", ["assigned_at", "accept_by"])
async def test_fulfillment_orders_page_uses_indexes(db: object, column: str) -> None:
    for qs in (
        FulfillmentOrderRow.all(),
        FulfillmentOrderRow.filter(location_id__in=[1, 2]),
        FulfillmentOrderRow.filter(vendor_id=1),
    ):
        plan = await plan_of(qs.order_by(column, "id").limit(51))
        assert "Seq Scan" not in plan, plan
