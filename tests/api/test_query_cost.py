"""Query cost: computed before execution, capped per request, and a budget per key (or per
address without one), whose buckets stay bounded in number."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest

from api.cost import Budgets
from api.schema import build_schema
from api.settings import Settings
from models.operations import fulfillment, order_actions, returns
from models.operations.access import create_api_key
from models.operations.catalog import upsert_product
from models.operations.fulfillment import ShipLine
from models.operations.inventory import set_inventory
from models.operations.locations import LocationKind, create_location
from models.operations.returns import ReturnLineInput
from models.operations.routing import update_settings
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import FulfillmentOrderLine as FulfillmentOrderLineRow
from models.tables import Order as OrderRow
from models.tables import OrderLine as OrderLineRow
from resolvers.ids import encode_id
from tests.support.gql import PLACE, Gql, gid, order_input

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
    from models.operations.order_validation import MAX_LINES
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


# -- every list field has a bound, and the cost holds it -------------------------------------

OLD_ESTIMATE = 25  # what lists the domain did not bound used to be charged
MANY = OLD_ESTIMATE + 5


def test_every_list_field_declares_its_bound() -> None:
    """A new list of objects cannot slip in uncharged: each has a bound in LIST_BOUNDS (or
    its element type in ELEMENT_BOUNDS), and a `first`-bounded one takes `first` with a
    default within the bound."""
    from api.cost import ELEMENT_BOUNDS, LIST_BOUNDS
    from api.schema import schema

    unbounded = []
    for type_ in schema._schema.type_map.values():
        if type_.name.startswith("__") or not isinstance(
            type_, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType
        ):
            continue
        if type_.name.endswith(("Connection", "Edge")):
            continue  # edges and nodes: a page, charged by first/last
        for name, definition in type_.fields.items():
            element = graphql.get_named_type(definition.type)
            field_type = definition.type
            while isinstance(field_type, graphql.GraphQLNonNull):
                field_type = field_type.of_type
            if not isinstance(field_type, graphql.GraphQLList) or not isinstance(
                element, graphql.GraphQLObjectType | graphql.GraphQLInterfaceType
            ):
                continue
            bound = LIST_BOUNDS.get(f"{type_.name}.{name}") or ELEMENT_BOUNDS.get(element.name)
            if bound is None:
                unbounded.append(f"{type_.name}.{name}")
            elif bound.first:
                first = definition.args.get("first")
                assert first is not None, f"{type_.name}.{name} is charged by a `first` it lacks"
                assert 0 <= first.default_value <= bound.most
    assert unbounded == []
    # Every declared bound names a field that exists (no stale entries).
    for key in LIST_BOUNDS:
        parent, field = key.split(".")
        assert field in schema._schema.type_map[parent].fields  # type: ignore[union-attr]


async def many_of_everything(admin: Gql) -> tuple[OrderRow, OrderRow]:
    """An order of MANY lines, each at its own location, all shipped and each returned:
    MANY fulfillment orders, shipments and returns; one of its fulfillment orders shipped
    in MANY parcels; and another order held and released MANY times."""
    await update_settings(max_splits=100)
    skus = [f"SKU{n:02}" for n in range(MANY)]
    for n, sku in enumerate(skus):
        location = await create_location(
            f"LOC-{n:02}", name=f"Store {n}", kind=LocationKind.WAREHOUSE
        )
        await upsert_product(sku, sku, Decimal("10.00"), "USD", [])
        await set_inventory(location.id, sku, 2 * MANY, None, SYSTEM)
    lines = [(sku, MANY if sku == skus[0] else 1) for sku in skus]
    placed = await admin.mutate(PLACE, {"input": order_input(lines)})
    order = await OrderRow.get(number=placed["order"]["number"])
    fulfillment_orders = await FulfillmentOrderRow.filter(order_id=order.id).order_by("id")
    assert len(fulfillment_orders) == MANY
    for fo in fulfillment_orders:
        await fulfillment.accept(fo.id, SYSTEM)
        (line,) = await FulfillmentOrderLineRow.filter(fulfillment_order_id=fo.id)
        for _ in range(line.quantity):  # the first ships unit by unit: MANY parcels
            await fulfillment.ship(fo.id, SYSTEM, lines=[ShipLine(line.order_line_id, 1)])
    for line in await OrderLineRow.filter(order_id=order.id).order_by("id"):
        await returns.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM)
    held = await admin.mutate(PLACE, {"input": order_input([(skus[1], 1)])})
    other = await OrderRow.get(number=held["order"]["number"])
    for _ in range(MANY):
        await order_actions.hold_order(other.id, HoldReason.OTHER, None, SYSTEM)
        await order_actions.release_hold(other.id, SYSTEM)
    return order, other


def objects_in(value: Any) -> int:
    """The JSON objects under `value` (itself excluded)."""
    if isinstance(value, dict):
        return sum(isinstance(item, dict) + objects_in(item) for item in value.values())
    if isinstance(value, list):
        return sum(isinstance(item, dict) + objects_in(item) for item in value)
    return 0


ORDER_LISTS = {
    "fulfillmentOrders": "fulfillmentOrders(first: $first) { id }",
    "shipments": "shipments(first: $first) { id }",
    "returns": "returns(first: $first) { id }",
    "holds": "holds { reason }",
    "parcels": "fulfillmentOrders(first: 1) { shipments { id } }",
}


async def test_the_cost_of_each_list_bounds_what_it_returns(admin: Gql) -> None:
    order, held = await many_of_everything(admin)
    for name, selection in ORDER_LISTS.items():
        first_variable = ", $first: Int! = 250" if "$first" in selection else ""
        query = f"""query($id: ID!{first_variable}) {{
          node(id: $id) {{ ... on Order {{ {selection} }} }} }}"""
        order_id = gid(held if name == "holds" else order)
        for first in (None, 3, 250):
            variables = {"id": order_id}
            if first is not None and first_variable:
                variables["first"] = first
            body = await admin.raw(query, variables)
            assert not body.get("errors"), body["errors"]
            returned = objects_in(body["data"])
            assert returned >= MANY or (first == 3 and first_variable), (name, returned)
            assert body["extensions"]["cost"]["requestedQueryCost"] >= returned, (name, first)
    # `first` truncates; the root connections, filtered by order, hold all of them.
    shown = await admin(
        """query($id: ID!) { node(id: $id) { ... on Order { fulfillmentOrders(first: 3) { id }
        returns(first: 3) { id } } } }""",
        {"id": gid(order)},
    )
    assert [len(shown["node"][k]) for k in ("fulfillmentOrders", "returns")] == [3, 3]
    whole = await admin(
        """query($id: ID!) { fulfillmentOrders(orderId: $id, first: 250) { nodes { id } }
        returns(orderId: $id, first: 250) { nodes { id } } }""",
        {"id": gid(order)},
    )
    assert len(whole["fulfillmentOrders"]["nodes"]) == len(whole["returns"]["nodes"]) == MANY
    bad = await admin.raw(
        "query($id: ID!) { node(id: $id) { ... on Order { returns(first: 251) { id } } } }",
        {"id": gid(order)},
    )
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
