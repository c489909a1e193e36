"""Query cost: computed before execution, capped per request, and a per-key budget."""

from __future__ import annotations

import pytest

from api import cost
from models.operations.access import create_api_key
from models.rules.scopes import Role
from tests.support.gql import Gql

PAGE = """query($n: Int) {
  locations(first: $n) { edges { node { code inventory(first: 10) { nodes { onHand } } } } }
}"""


async def test_every_response_reports_its_cost(admin: Gql) -> None:
    body = await admin.raw(PAGE, {"n": 5})
    report = body["extensions"]["cost"]
    # the connection 1 + 5 locations x (their inventory connection 1 + 10 levels x 1)
    assert report["requestedQueryCost"] == 1 + 5 * (1 + 10)
    assert report["throttleStatus"]["maximumAvailable"] == cost.budgets.size
    assert report["throttleStatus"]["currentlyAvailable"] <= cost.budgets.size


async def test_a_query_over_the_maximum_is_refused_before_running(admin: Gql) -> None:
    body = await admin.raw(PAGE.replace("first: 10", "first: 100"), {"n": 50})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "MAX_COST_EXCEEDED"
    assert "first/last" in error["message"]
    assert body["data"] is None


async def test_a_spent_budget_is_throttled_per_key(
    admin: Gql, as_key, monkeypatch: pytest.MonkeyPatch
) -> None:
    budgets = cost.Budgets(max_cost=1000, size=300, restore_rate=1.0)
    monkeypatch.setattr(cost, "budgets", budgets)
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
