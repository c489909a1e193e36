"""Ranges of settings and the money total limit (issue 11 items 13-14)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.errors import DomainError
from models.rules import ranges
from models.rules.money import MAX_AMOUNT, check_total


@pytest.mark.parametrize(
    ("rule", "inside", "outside"),
    [
        (ranges.RETURN_WINDOW_DAYS, (0, 3650), (-1, 3651)),
        (ranges.ACCEPTANCE_MINUTES, (1, 43200), (0, 43201)),
        (ranges.MAX_SPLITS, (1, 100), (0, 101)),
        (ranges.DAILY_CAPACITY, (0, 1_000_000), (-1, 1_000_001)),
    ],
)
def test_ranges_take_their_ends_and_refuse_beyond(
    rule: ranges.Range, inside: tuple[int, int], outside: tuple[int, int]
) -> None:
    for value in inside:
        assert rule.check(value) == value
    for value in outside:
        with pytest.raises(DomainError) as caught:
            rule.check(value)
        assert caught.value.field == [rule.api_name]
        assert f"between {rule.least} and {rule.most}" in caught.value.message


def test_a_total_beyond_the_money_column_is_refused_naming_the_limit() -> None:
    assert check_total([MAX_AMOUNT], "subtotal", "USD", ["lines"]) == MAX_AMOUNT
    with pytest.raises(DomainError) as caught:
        check_total([MAX_AMOUNT, Decimal("0.01")], "subtotal", "USD", ["lines"])
    assert f"{MAX_AMOUNT} USD" in caught.value.message and caught.value.field == ["lines"]
