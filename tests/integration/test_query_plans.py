"""Every statement the API sends for orders, fulfillment orders, returns and events is
served by an index on PostgreSQL (issue 17, goal 5: cost flat as the data grows).

The database holds a bulk-loaded history (bench.bulk_load: orders with their lines,
fulfillment orders, shipments, returns, timeline and outbox rows), VACUUMed and ANALYZEd,
so that the planner prices plans with real statistics: a statement no index serves reads
its table (Seq Scan), and at this size so does one whose index is missing. The reads run
through the app, as ADMIN, STAFF (one store) and PARTNER (the orders' channel) keys,
subscriptions replaying from a cursor included; every SELECT they send is captured with
its parameters and EXPLAINed, and none may read a whole history table. Sequential scans
are not priced out (`enable_seqscan` stays on): the plans are those production would run.
And the plan each statement ran with (auto_explain's, generic plans forced wherever
PostgreSQL could choose one) must not read whole a history table that the plan made for
its values does not: asyncpg prepares every statement, and after five runs PostgreSQL may
keep one plan for all values, priced with a status's average share of the orders
(models.custom_plans).

One exception, by nature: a count of most of a table (`totalCount` of an unfiltered
list) reads most of it, index or not; but not of the orders, whose count for whole
channels the database keeps (models.operations.order_counts). And `updatedAfter` in the
default order (by id) must not walk the primary key: the orders changed lately are the
newest, so a walk from the oldest reads nearly every order for one page (the planner
takes the changes as spread evenly over the ids). Not read here: `filter.sku`, because
with the bench's 30 products any SKU is on a tenth of the orders, and reading those is
the right plan (test_order_query_plans.py holds its index).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from api.schema import build_schema
from api.settings import Settings
from bench.bulk_load import bulk_load
from bench.seed import seed
from models.operations.access import actor_of, create_api_key
from models.rules.scopes import Actor, Role
from models.tables import Location, Order, OrderEvent, OutboxEvent
from resolvers.ids import encode_id
from resolvers.pagination import encode_cursor
from tests.support.database import ON_POSTGRES, capturing_statements
from tests.support.ws import subscribed_in_process

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="reads PostgreSQL's EXPLAIN")

ORDERS = 3_000
# 60 days of history, so most orders are delivered; every delivered order has a
# return, so that the returns tables are big enough for the planner to need an index.
PER_DAY = 50
RETURN_EVERY = 1
# (bench.bulk_load writes no holds: an empty order_hold is read whole, and cheaply.)
HISTORY_TABLES = {
    "order",
    "order_line",
    "order_event",
    "fulfillment_order",
    "fulfillment_order_line",
    "shipment",
    "shipment_line",
    "return",
    "return_line",
    "outbox_event",
}
# Each reads the whole table when it has no index condition.
WHOLE_TABLE_SCANS = {"Seq Scan", "Index Scan", "Index Only Scan"}
SEQ_SCAN = re.compile(r'Seq Scan on "?(\w+)"?')
# Whose totalCount is kept, not counted: no count of most of it is excused.
KEPT_COUNTS = {"order"}
COUNTS_ORDERS = 'COUNT(*) FROM "order"'

# What a page of orders shows (bench.order_list's page and more), and one order in full.
LISTED = """
  id number status customer { email } tags
  lines { sku quantity product { sku } }
  holds { reason }
  fulfillmentOrders { status location { code } lines { quantity orderLine { sku } } }
  returns { status }
"""
ORDERS_PAGE = (
    "query($first: Int, $after: String, $filter: OrderFilter, $sortKey: OrderSortKey!) {"
    " orders(first: $first, after: $after, filter: $filter, sortKey: $sortKey) {"
    " totalCount edges { cursor node {" + LISTED + "} } } }"
)
ONE_ORDER = """query($number: String) { order(number: $number) {
  id number status customer { email } tags
  lines { sku quantity product { sku } }
  holds { reason }
  fulfillmentOrders(first: 10) {
    status location { code } lines { quantity orderLine { sku } }
    shipments { trackingNumber lines { quantity } } cancellationRequest { status }
  }
  shipments { trackingNumber fulfillmentOrder { status } }
  returns { status receivedLocation { code } lines { quantity orderLine { sku } } }
  events(first: 5) { edges { cursor node { type } } }
} }"""
NODE = "query($id: ID!) { node(id: $id) { ... on Order { number } } }"
FULFILLMENT_PAGE = """
query($loc: ID, $status: [FulfillmentOrderStatus!], $sortKey: FulfillmentOrderSortKey!) {
  fulfillmentOrders(locationId: $loc, status: $status, sortKey: $sortKey, first: 50) {
    totalCount
    edges { node { id status order { number } lines { quantity } shipments { id } } }
  }
}
"""
RETURNS_PAGE = """
query($status: [ReturnStatus!]) {
  returns(status: $status, first: 50) {
    totalCount edges { node { status order { number } lines { quantity } } }
  }
}
"""
ASSIGNED = """subscription($loc: ID, $since: String) {
  fulfillmentOrderAssigned(locationId: $loc, since: $since) { cursor fulfillmentOrder { id } } }"""
FULFILLMENT_EVENTS = """subscription($loc: ID, $since: String) {
  fulfillmentOrderEvents(locationId: $loc, since: $since) { cursor type } }"""
ORDER_UPDATED = """subscription($order: ID!, $since: String) {
  orderUpdated(orderId: $order, since: $since) { cursor type } }"""
ORDER_EVENTS = """subscription($channel: String, $since: String) {
  orderEvents(channel: $channel, since: $since) { cursor type } }"""


async def explain(sql: str, params: list[Any]) -> str:
    _, rows = await connections.get("default").execute_query(f"EXPLAIN {sql}", params)
    return "\n".join(row["QUERY PLAN"] for row in rows)


async def counts_most_of_a_table(sql: str, params: list[Any]) -> bool:
    """A COUNT(*) whose answer is most of the table it counts."""
    if not sql.startswith("SELECT COUNT(*) FROM "):
        return False
    table = sql.removeprefix("SELECT COUNT(*) FROM ").split()[0]
    if table.strip('"') in KEPT_COUNTS:
        return False
    client = connections.get("default")
    _, matched = await client.execute_query(sql, params)
    _, total = await client.execute_query(f"SELECT COUNT(*) FROM {table}")
    return 2 * matched[0]["count"] > total[0]["count"]


async def whole_table_reads(statements: list[tuple[str, list[Any]]]) -> list[str]:
    """Each SELECT that reads a whole history table, with its plan."""
    found = []
    for sql, params in statements:
        if not sql.startswith("SELECT"):
            continue
        plan = await explain(sql, params)
        scanned = set(SEQ_SCAN.findall(plan)) & HISTORY_TABLES
        if scanned and not await counts_most_of_a_table(sql, params):
            found.append(f"{sql}\n  params: {params}\n{plan}")
    return found


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan] + [node for child in plan.get("Plans", ()) for node in _nodes(child)]


async def _plan(connection: Any, sql: str, params: list[Any]) -> dict[str, Any]:
    _, rows = await connection.execute_query(f"EXPLAIN (FORMAT JSON) {sql}", params)
    plan = rows[0]["QUERY PLAN"]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


async def primary_key_walks(statements: list[tuple[str, list[Any]]]) -> list[str]:
    """Each SELECT whose plan may scan the orders' primary key with no bound on it (a
    walk from one end, filtering as it goes), found with sorting priced out: so that the
    query's shape rules the walk out, whatever the statistics of the day."""
    found = []
    async with in_transaction() as connection:
        await connection.execute_script("SET LOCAL enable_sort = off")
        for sql, params in statements:
            if not sql.startswith("SELECT"):
                continue
            plan = await _plan(connection, sql, params)
            if any(
                node.get("Index Name") == "order_pkey" and "Index Cond" not in node
                for node in _nodes(plan)
            ):
                found.append(f"{sql}\n  params: {params}\n{json.dumps(plan, indent=1)}")
    return found


def _scanned_whole(plan: dict[str, Any]) -> set[str]:
    """The history tables a plan reads with no index condition (a Seq Scan, or an index
    walked from one end, filtering as it goes)."""
    return {
        node["Relation Name"]
        for node in _nodes(plan)
        if node.get("Relation Name") in HISTORY_TABLES
        and node["Node Type"] in WHOLE_TABLE_SCANS
        and "Index Cond" not in node
    }


async def generic_plan_walks(
    statements: list[tuple[str, list[Any]]], ran: list[dict[str, Any]]
) -> list[str]:
    """Each SELECT that ran (`ran`: auto_explain's record of each statement run, in order)
    with a plan reading a history table whole where the plan made for its values does
    not: a generic plan chosen for a statement whose values' shares of the rows differ."""
    plans: dict[str, list[dict[str, Any]]] = {}
    for record in ran:
        plans.setdefault(record["Query Text"], []).append(record["Plan"])
    found = []
    async with in_transaction() as connection:
        for sql, params in statements:
            if not sql.startswith("SELECT"):
                continue
            plan = plans[sql].pop(0)
            if _scanned_whole(plan) - _scanned_whole(await _plan(connection, sql, params)):
                found.append(f"{sql}\n  params: {params}\n{json.dumps(plan, indent=1)}")
    return found


async def replay(settings: Settings, actor: Actor, query: str, variables: dict) -> None:
    """Subscribe in this process (its statements land in the query log) and take the
    first replayed event."""
    async with subscribed_in_process(settings, actor, query, variables) as stream:
        result = await anext(stream)
        assert not result.errors, result.errors


@pytest.fixture
async def history(db: Settings) -> Settings:
    await seed(location_count=10)
    await bulk_load(ORDERS, per_day=PER_DAY, return_every=RETURN_EVERY)
    return db


# auto_explain sends the plan of each statement run to the client, as a notice; and the
# generic plan is forced wherever PostgreSQL could choose one (a prepared statement after
# five runs), so that the plans heard are those the statements may run with in production.
HEAR_PLANS = {
    "session_preload_libraries": "auto_explain",
    "auto_explain.log_min_duration": "0",
    "auto_explain.log_format": "json",
    "auto_explain.log_level": "notice",
    "plan_cache_mode": "force_generic_plan",
}


async def _reconnect(client: Any, server_settings: dict[str, str], extra: dict[str, Any]) -> None:
    await client.close()
    client.server_settings, client.extra = server_settings, extra
    await client.create_connection(with_db=True)


@pytest.fixture
async def plans_heard(history: Settings) -> AsyncIterator[list[dict[str, Any]]]:
    """auto_explain's record (query text, plan) of each statement the app's connections
    run, in order, with generic plans forced (HEAR_PLANS); the connections as they were
    after the test."""
    heard: list[dict[str, Any]] = []

    def hear(_: object, message: Any) -> None:
        if "plan:\n" in message.message:
            heard.append(json.loads(message.message.split("plan:\n", 1)[1]))

    async def listen(connection: Any) -> None:
        connection.add_log_listener(hear)

    client = connections.get("default")
    server_settings, extra = client.server_settings, client.extra
    await _reconnect(client, {**server_settings, **HEAR_PLANS}, {**extra, "setup": listen})
    try:
        yield heard
    finally:
        await _reconnect(client, server_settings, extra)


# The listener is added as each connection is acquired, and asyncpg drops it (warning)
# as the connection is released.
@pytest.mark.filterwarnings("ignore:.*active log listener")
async def test_every_read_is_served_by_an_index(
    history: Settings, client: httpx.AsyncClient, plans_heard: list[dict[str, Any]]
) -> None:
    store = await Location.get(code="TC-01")
    store_id = encode_id("Location", store.id)
    keys = {
        "ADMIN": await create_api_key("plans admin", Role.ADMIN),
        "STAFF": await create_api_key("plans staff", Role.STAFF, location_ids=[store.id]),
        "PARTNER": await create_api_key("plans partner", Role.PARTNER, channel="web"),
    }
    middle = await Order.filter(id__gte=ORDERS // 2).order_by("id").first()
    returned = await Order.filter(returns__id__isnull=False).order_by("-id").first()
    newest_event = await OrderEvent.all().order_by("-id").first()
    store_events = OutboxEvent.filter(stream=f"location:{store.id}").order_by("-id")
    store_event = await store_events.offset(5).first()
    assert middle and returned and newest_event and store_event
    since_a_day = (datetime.now(UTC) - timedelta(days=1)).isoformat()

    def page(**variables: Any) -> tuple[str, dict[str, Any]]:
        return ORDERS_PAGE, {"first": 50, "sortKey": "CREATED_AT", **variables}

    reads: list[tuple[str, dict[str, Any]]] = [
        page(),
        page(after=encode_cursor(middle.id)),
        page(sortKey="UPDATED_AT"),
        page(filter={"query": middle.customer_email.upper()}),
        page(filter={"query": middle.number}),
        page(filter={"status": ["ALLOCATED"], "locationId": store_id}),
        page(filter={"updatedAfter": since_a_day}, sortKey="UPDATED_AT"),
        page(filter={"updatedAfter": since_a_day}),
        (ONE_ORDER, {"number": middle.number}),
        (ONE_ORDER, {"number": returned.number}),
        (NODE, {"id": encode_id("Order", middle.id)}),
        (FULFILLMENT_PAGE, {"loc": store_id, "status": None, "sortKey": "ASSIGNED_AT"}),
        (FULFILLMENT_PAGE, {"loc": store_id, "status": ["OPEN"], "sortKey": "ASSIGNED_AT"}),
        (FULFILLMENT_PAGE, {"loc": store_id, "status": None, "sortKey": "ACCEPT_BY"}),
        (RETURNS_PAGE, {"status": None}),
        (RETURNS_PAGE, {"status": ["REQUESTED"]}),
    ]
    found: list[str] = []
    for role, (_, secret) in keys.items():
        for query, variables in reads:
            if role == "STAFF" and variables.get("loc") is None and query == FULFILLMENT_PAGE:
                continue
            # Each read from full query-cost buckets: this is about plans, not budgets.
            build_schema(history).cost_budgets.buckets.clear()
            plans_heard.clear()
            with capturing_statements() as statements:
                response = await client.post(
                    "/graphql",
                    json={"query": query, "variables": variables},
                    headers={"Authorization": f"Bearer {secret}"},
                )
            body = response.json()
            refused = [e.get("extensions", {}).get("code") for e in body.get("errors") or ()]
            assert set(refused) <= {"FORBIDDEN"}, (role, query, body["errors"])
            assert statements, (role, query)
            ran = list(plans_heard)
            found += [f"{role}: {q}" for q in await whole_table_reads(statements)]
            # At this size a count of every order is a quick index-only scan, not a Seq
            # Scan: whole channels are never counted, whatever the plan.
            if role != "STAFF" and query == ORDERS_PAGE and not variables.get("filter"):
                found += [f"{role}, counted: {q}" for q, _ in statements if COUNTS_ORDERS in q]
            found += [f"{role}, generic: {q}" for q in await generic_plan_walks(statements, ran)]
            if "updatedAfter" in (variables.get("filter") or {}):
                found += [f"{role}, walk: {q}" for q in await primary_key_walks(statements)]

    store_since = encode_cursor(store_event.id)
    recent = encode_cursor(newest_event.id - 50)
    subscriptions = [
        (ASSIGNED, {"loc": store_id, "since": store_since}),
        (FULFILLMENT_EVENTS, {"loc": store_id, "since": store_since}),
        (ORDER_UPDATED, {"order": encode_id("Order", middle.id), "since": encode_cursor(0)}),
        (ORDER_EVENTS, {"channel": "web", "since": recent}),
        (ORDER_EVENTS, {"channel": None, "since": recent}),
    ]
    for role in ("ADMIN", "STAFF"):
        key, _ = keys[role]
        for query, variables in subscriptions:
            if role == "STAFF" and query in (ORDER_UPDATED, ORDER_EVENTS):
                continue
            plans_heard.clear()
            with capturing_statements() as statements:
                await replay(history, actor_of(key), query, variables)
            ran = list(plans_heard)
            found += [f"{role}: {q}" for q in await whole_table_reads(statements)]
            found += [f"{role}, generic: {q}" for q in await generic_plan_walks(statements, ran)]

    assert not found, "\n\n".join(found)
