"""The query cost is remembered per (document, values of the variables that size its
lists): variables that size nothing, such as placeOrder's input, share one walk, and
those that do size a list are never shared (api/cost.remembered_query_cost)."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import parse

from api import cost
from api.cost import CostLimits, remembered_query_cost
from api.schema import schema

LIMITS = CostLimits(
    max_cost=10**9, bucket_size=10**9, restore_rate=1.0, default_page=50, max_page=250
)
SIZED = parse(
    """
    query Page($n: Int, $m: Int = 3, $email: String) {
      orders(first: $n, filter: {customerEmail: $email}) {
        nodes { ...Work }
      }
    }
    fragment Work on Order { fulfillmentOrders(first: $m) { status } }
    """
)
PLACE = parse(
    """
    mutation Place($input: PlaceOrderInput!) {
      placeOrder(input: $input) { order { id lines { sku } } userErrors { code } }
    }
    """
)


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The variables of each walk the cost takes (a remembered cost takes none)."""
    taken: list[dict[str, Any]] = []
    walk = cost.query_cost

    def counted(*args: Any) -> int:
        taken.append(dict(args[3] or {}))
        return walk(*args)

    monkeypatch.setattr(cost, "query_cost", counted)
    return taken


def charged(document: Any, variables: dict[str, Any]) -> int:
    return remembered_query_cost(schema._schema, document, None, variables, LIMITS)


def test_the_variables_that_size_lists_are_found_in_fragments_too() -> None:
    assert cost._sizing_variables(SIZED) == ("m", "n")
    assert cost._sizing_variables(PLACE) == ()


def test_variables_that_size_nothing_share_one_walk(walks: list[dict[str, Any]]) -> None:
    first = charged(PLACE, {"input": {"channel": "web", "lines": [{"quantity": 1}]}})
    again = charged(PLACE, {"input": {"channel": "pos", "lines": [{"quantity": 7}] * 3}})
    assert first == again
    assert len(walks) <= 1  # none when an earlier test already walked it


def test_each_page_size_is_walked_and_charged_as_sent(walks: list[dict[str, Any]]) -> None:
    small = charged(SIZED, {"n": 2, "email": "a@example.com"})
    assert charged(SIZED, {"n": 2, "email": "b@example.com"}) == small
    large = charged(SIZED, {"n": 200})
    deeper = charged(SIZED, {"n": 2, "m": 50})
    defaulted = charged(SIZED, {"n": 2, "m": 3})  # the declared default, sent
    assert small < large and small < deeper
    assert defaulted == small
    walked = {(w.get("n"), w.get("m")) for w in walks}
    assert {(200, None), (2, 50)} <= walked
