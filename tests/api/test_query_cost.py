"""Query cost: computed before execution, capped per request, and a budget per key (or per
address without one), whose buckets stay bounded in number."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest

from api.cost import Budgets
from api.schema import build_schema
from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from resolvers.ids import encode_id
from tests.support.gql import Gql

PAGE = """query($n: Int) {
  locations(first: $n) { edges { node { code inventory(first: 10) { nodes { onHand } } } } }
}"""


@pytest.fixture
def cost_budgets(db: Settings) -> Budgets:
    """The budgets of the schema the test app serves (one per set of limits)."""
    return build_schema(db).cost_budgets


@pytest.fixture
def budgets(monkeypatch: pytest.MonkeyPatch, cost_budgets: Budgets) -> Iterator[Any]:
    """The schema's budgets, emptied; `budgets(**limits)` changes their limits for a test."""
    monkeypatch.setattr(cost_budgets, "buckets", type(cost_budgets.buckets)())

    def limit(**changes: Any) -> Budgets:
        monkeypatch.setattr(
            cost_budgets, "limits", dataclasses.replace(cost_budgets.limits, **changes)
        )
        return cost_budgets

    yield limit


async def test_every_response_reports_its_cost(
    admin: Gql, budgets: Any, cost_budgets: Budgets
) -> None:
    body = await admin.raw(PAGE, {"n": 5})
    report = body["extensions"]["cost"]
    # the connection 1 + 5 locations x (their inventory connection 1 + 10 levels x 1)
    assert report["requestedQueryCost"] == 1 + 5 * (1 + 10)
    size = cost_budgets.limits.bucket_size
    assert report["throttleStatus"]["maximumAvailable"] == size
    assert report["throttleStatus"]["currentlyAvailable"] <= size


async def test_a_query_over_the_maximum_is_refused_before_running(admin: Gql, budgets: Any) -> None:
    budgets(max_cost=1000)
    body = await admin.raw(PAGE.replace("first: 10", "first: 100"), {"n": 50})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert "first/last" in error["message"]
    assert body["data"] is None


async def test_a_spent_budget_is_throttled_per_key(admin: Gql, as_key, budgets: Any) -> None:
    budgets(max_cost=1000, bucket_size=300, restore_rate=1.0)
    _, other = await create_api_key("other", Role.VIEWER)
    query_cost = 1 + 10 * (1 + 10)
    for _ in range(2):
        await admin(PAGE, {"n": 10})
    body = await admin.raw(PAGE, {"n": 10})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "THROTTLED"
    assert error["extensions"]["retryAfterSeconds"] == query_cost - (300 - 2 * query_cost)
    assert (
        body["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 300 - 2 * query_cost
    )
    # Another key has its own budget.
    assert (await as_key(other)(PAGE, {"n": 10}))["locations"] is not None


# -- issue 11, items 8 and 9 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("variables", "declared"),
    [
        ({"n": 250.0}, "$n: Int"),  # a JSON float: it ran as a page of 250, charged as 50
        ({}, "$n: Int = 200"),  # a declared default: charged as 50 too
    ],
)
async def test_page_sizes_are_charged_as_they_run(
    admin: Gql, budgets: Any, variables: dict[str, Any], declared: str
) -> None:
    budgets(max_cost=1000)
    body = await admin.raw(PAGE.replace("$n: Int", declared), variables)
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED", body
    assert body["extensions"]["cost"]["requestedQueryCost"] > 1 + 200 * 11 - 1


async def test_introspection_is_charged_like_any_query(admin: Gql, budgets: Any) -> None:
    """It cost nothing: `__schema` and `__type` were not fields of Query to the walk."""
    body = await admin.raw("{ __schema { types { fields { type { name } } } } }")
    assert body["extensions"]["cost"]["requestedQueryCost"] == 4
    body = await admin.raw('{ __type(name: "Order") { fields { name } } }')
    assert body["extensions"]["cost"]["requestedQueryCost"] == 2
    budgets(bucket_size=3, restore_rate=0.001)
    await admin("{ __schema { types { name } } }")  # 2 points of 3
    body = await admin.raw("{ __schema { types { name } } }")
    assert body["errors"][0]["extensions"]["code"] == "THROTTLED"


def at(app: Any, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://oms.test")


async def test_anonymous_requests_have_a_small_budget_per_address(app: Any, budgets: Any) -> None:
    budgets(anonymous_bucket_size=5, anonymous_restore_rate=0.001)
    query = {"query": "{ __schema { types { name } } }"}  # 2 points
    async with at(app, "192.0.2.1") as first, at(app, "192.0.2.2") as second:
        for _ in range(2):
            body = (await first.post("/graphql", json=query)).json()
            assert body["data"] is not None
            assert body["extensions"]["cost"]["throttleStatus"]["maximumAvailable"] == 5
        throttled = (await first.post("/graphql", json=query)).json()
        assert throttled["errors"][0]["extensions"]["code"] == "THROTTLED"
        assert (await second.post("/graphql", json=query)).json()["data"] is not None
        # No request may cost more than the anonymous bucket holds.
        big = {"query": "{ __schema { types { fields { type { name } } } } }"}  # 4 points
        budgets(anonymous_bucket_size=3)
        refused = (await second.post("/graphql", json=big)).json()
        assert refused["errors"][0]["extensions"]["code"] == "MAX_COST_EXCEEDED"


async def test_many_addresses_cannot_grow_the_buckets_without_bound(
    app: Any, budgets: Any, cost_budgets: Budgets
) -> None:
    budgets(max_owners=50, anonymous_restore_rate=0.001)
    for n in range(300):
        async with at(app, f"198.51.100.{n % 250}.{n // 250}") as client:
            response = await client.post("/graphql", json={"query": "{ __typename }"})
            assert response.status_code == 200
    assert len(cost_budgets.buckets) <= 50


# -- issue 11, item 9: list fields charged by their most possible length ---------------------


async def test_list_fields_are_charged_by_their_most_possible_length(admin: Gql) -> None:
    from models.operations.placement import MAX_LINES
    from models.rules.limits import MAX_HOLDS_PER_ORDER, NESTED_FIRST_DEFAULT

    one_order = "{ orders(first: 1) { nodes { SELECTION } } }"
    cost = {}
    for selection in (
        "number",
        "lines { sku }",
        "lines { sku product { name } }",
        "fulfillmentOrders { lines { quantity } }",
        "holds { reason }",
    ):
        body = await admin.raw(one_order.replace("SELECTION", selection))
        cost[selection] = body["extensions"]["cost"]["requestedQueryCost"]
    # orders(first: 1) costs 1 + 1 x (what one order costs, at least 1).
    assert cost["number"] == 1 + 1
    # A list costs 1 + its most possible length x one item (at least 1; a product 1).
    assert cost["lines { sku }"] == 1 + (1 + MAX_LINES * 1)
    assert cost["lines { sku product { name } }"] == 1 + (1 + MAX_LINES * 1)
    # An order's fulfillment orders are not bounded by the domain: charged at `first`.
    assert cost["fulfillmentOrders { lines { quantity } }"] == 1 + (
        1 + NESTED_FIRST_DEFAULT * (1 + MAX_LINES)
    )
    assert cost["holds { reason }"] == 1 + (1 + MAX_HOLDS_PER_ORDER)
    # The bound holds: a page of orders with their lines asks for at most what it costs.
    body = await admin.raw(
        "{ orders(first: 250) { nodes { fulfillmentOrders { lines { quantity } } } } }"
    )
    assert body["errors"][0]["extensions"]["code"] == "MAX_COST_EXCEEDED"


def dashboard_queries() -> dict[str, str]:
    """The dashboard's reads as it sends them, every optional feature on: its card fields
    from state.js, its page sizes and queries from actions.js, by function name."""
    folder = Path(__file__).resolve().parents[2] / "api" / "dashboard"
    state = (folder / "state.js").read_text()
    card = re.search(r"export function cardFields\(\) \{.*?return `(.*?)`;", state, re.S)
    assert card is not None
    # A feature's fields when this server has them, as the sign-in probe finds them.
    schema = graphql.build_schema((folder.parents[1] / "schema.graphql").read_text())
    known = schema.get_type("FulfillmentOrder").fields  # type: ignore[union-attr]
    fields = re.sub(
        r'\$\{f\.\w+ \? "(\w+)([^"]*)" : ""\}',
        lambda m: m.group(1) + m.group(2) if m.group(1) in known else "",
        card.group(1),
    )
    actions = (folder / "actions.js").read_text()
    sizes = dict(re.findall(r"const (\w*PAGE) = (\d+);", actions))
    queries = {}
    for name, text in re.findall(
        r"export async function (\w+)\((?:(?!export ).)*?const query = `(.*?)`;", actions, re.S
    ):
        for size_name, size in sizes.items():
            text = text.replace("${" + size_name + "}", size)
        queries[name] = text.replace("${cardFields()}", fields)
    return queries


async def test_the_dashboard_reads_fit_one_request_and_a_refresh_fits_the_budget(
    as_key: Any, cost_budgets: Budgets
) -> None:
    from models.operations.locations import LocationKind, create_location

    location = await create_location("MSP-01", name="Minneapolis", kind=LocationKind.STORE)
    _, secret = await create_api_key("store", Role.STAFF, location_ids=[location.id])
    staff = as_key(secret)
    queries = dashboard_queries()
    assert set(queries) >= {"refresh", "loadHistory", "search"}
    loc = {"loc": encode_id("Location", location.id)}
    variables = {"refresh": loc, "loadHistory": loc, "search": {"filter": {"query": "#1"}}}
    costs = {}
    for kind in ("refresh", "loadHistory", "search"):  # the card reads
        body = await staff.raw(queries[kind], variables[kind])
        assert not body.get("errors"), (kind, body)
        costs[kind] = body["extensions"]["cost"]["requestedQueryCost"]
    limits = cost_budgets.limits
    assert max(costs.values()) <= limits.max_cost
    # A refresh reads the work and the history at once, several times over before the
    # bucket runs dry.
    assert 3 * (costs["refresh"] + costs["loadHistory"]) <= limits.bucket_size
