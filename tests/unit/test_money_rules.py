"""Money rules on plain values: ISO 4217 currency codes, amounts in cents, never floats."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.errors import DomainError, ErrorCode
from models.rules.money import MAX_AMOUNT, check_amount, check_currency


@pytest.mark.parametrize(("given", "expected"), [("USD", "USD"), (" eur ", "EUR"), ("jpy", "JPY")])
def test_currency_codes_are_normalized(given: str, expected: str) -> None:
    assert check_currency(given) == expected


@pytest.mark.parametrize("code", ["", "US", "USDX", "XXX", "ABC", "$"])
def test_unknown_currency_codes_are_refused_on_their_field(code: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_currency(code, ("input", "currency"))
    assert caught.value.code is ErrorCode.INVALID
    assert caught.value.field == ["input", "currency"]
    assert "ISO 4217" in caught.value.message


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("0", "0.00"),
        ("10", "10.00"),
        ("10.5", "10.50"),
        ("1.230", "1.23"),
        (str(MAX_AMOUNT), "999999999999.99"),
    ],
)
def test_amounts_are_quantized_to_cents(given: str, expected: str) -> None:
    amount = check_amount(Decimal(given))
    assert amount == Decimal(expected)
    assert str(amount) == expected  # two places, also for whole amounts


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("-0.01", "between 0 and"),
        (str(MAX_AMOUNT + Decimal("0.01")), "between 0 and"),
        ("1E+30", "between 0 and"),
        ("NaN", "between 0 and"),
        ("Infinity", "between 0 and"),
        ("-Infinity", "between 0 and"),
        ("0.001", "more than 2 decimal places"),
        ("19.999", "more than 2 decimal places"),
    ],
)
def test_amounts_out_of_range_or_finer_than_a_cent_are_refused(given: str, problem: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_amount(Decimal(given), ("lines", "0", "unitPrice"))
    assert caught.value.code is ErrorCode.INVALID
    assert caught.value.field == ["lines", "0", "unitPrice"]
    assert problem in caught.value.message
