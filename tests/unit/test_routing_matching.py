"""Which routing rules apply, and the address normalizers rules are stored and compared in."""

from dataclasses import replace
from typing import Any

import pytest

from models.rules.routing import (
    Destination,
    LineDemand,
    RoutingAction,
    RoutingRequest,
    RuleSpec,
    country_code,
    is_country_code,
    postal_code,
    region_code,
)
from models.rules.routing.matching import matches_line, matches_order


@pytest.mark.parametrize(
    ("given", "compared"), [("US", "US"), ("us", "US"), (" ca ", "CA"), ("Mx", "MX")]
)
def test_a_country_is_compared_trimmed_and_uppercased(given: str, compared: str) -> None:
    assert country_code(given) == compared


@pytest.mark.parametrize(("code", "valid"), [("US", True), ("USA", False), ("U1", False)])
def test_a_country_code_is_two_letters(code: str, valid: bool) -> None:
    assert is_country_code(code) is valid


def test_a_region_is_compared_trimmed_and_uppercased() -> None:
    assert region_code(" mn") == "MN"


@pytest.mark.parametrize(
    ("given", "compared"),
    [("SW1A 1AA", "SW1A1AA"), ("sw1a1aa", "SW1A1AA"), ("554 01", "55401"), ("k1a 0b1", "K1A0B1")],
)
def test_a_postal_code_is_compared_without_spaces_and_uppercased(given: str, compared: str) -> None:
    assert postal_code(given) == compared


ANY = RuleSpec(1, "r", 100, RoutingAction.EXCLUDE)


def rule(**conditions: Any) -> RuleSpec:
    return replace(ANY, **conditions)


def order(
    country: str | None = "US", region: str | None = "MN", postal: str | None = "55401"
) -> RoutingRequest:
    return RoutingRequest("web", Destination(country, region, postal), ())


def test_an_empty_rule_matches_any_order_and_line() -> None:
    assert matches_order(rule(), order(None, None, None))
    assert matches_line(rule(), LineDemand(1, "A", 1))


def test_destination_conditions_ignore_case_and_spaces() -> None:
    assert matches_order(rule(destination_countries=frozenset({"us"})), order(country=" US"))
    assert matches_order(rule(destination_regions=frozenset({"MN"})), order(region="mn"))
    uk = rule(postal_code_prefixes=("sw1a 1",))
    assert matches_order(uk, order(postal="SW1A 1AA"))
    assert not matches_order(uk, order(postal="SW1B 1AA"))


def test_a_condition_on_an_unknown_field_fails() -> None:
    assert not matches_order(rule(destination_countries=frozenset({"US"})), order(country=None))
    assert not matches_order(rule(destination_regions=frozenset({"MN"})), order(region=None))
    assert not matches_order(rule(postal_code_prefixes=("55",)), order(postal=None))


def test_a_channel_condition() -> None:
    assert not matches_order(rule(channels=frozenset({"pos"})), order())


def test_line_conditions_are_the_sku_and_any_tag() -> None:
    line = LineDemand(1, "A", 1, frozenset({"cold", "heavy"}))
    assert matches_line(rule(skus=frozenset({"A"})), line)
    assert not matches_line(rule(skus=frozenset({"B"})), line)
    assert matches_line(rule(tags=frozenset({"heavy", "fragile"})), line)
    assert not matches_line(rule(tags=frozenset({"fragile"})), line)
