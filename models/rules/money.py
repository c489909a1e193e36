"""Money arithmetic rules: decimal amounts in ISO 4217 currencies, never floats."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from models.errors import invalid

# ISO 4217 active codes.
ISO_4217 = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
    BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR
    FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD
    JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT
    MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG
    QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS
    TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR
    ZMW ZWL""".split()
)
# The money columns hold 14 digits, 2 of them decimals (models/tables/base.py money_field).
MAX_AMOUNT = Decimal("999999999999.99")
CENT = Decimal("0.01")


def check_currency(code: str, field: Sequence[str] = ("currency",)) -> str:
    normalized = code.strip().upper()
    if normalized not in ISO_4217:
        raise invalid(f"currency {code!r} is not an ISO 4217 code", field)
    return normalized


def check_amount(amount: Decimal, field: Sequence[str] = ("amount",)) -> Decimal:
    """A non-negative amount with at most 2 decimal places."""
    try:
        if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
            raise invalid(f"amount {amount} must be between 0 and {MAX_AMOUNT}", field)
        if amount != amount.quantize(CENT):
            raise invalid(f"amount {amount} has more than 2 decimal places", field)
        return amount.quantize(CENT)
    except InvalidOperation:
        raise invalid(f"amount {amount} is not a decimal number", field) from None


def check_total(
    amounts: Sequence[Decimal], what: str, currency: str, field: Sequence[str]
) -> Decimal:
    """The sum of amounts, refused before any write when a money column could not hold it."""
    total = sum(amounts, Decimal("0.00"))
    if total > MAX_AMOUNT:
        raise invalid(
            f"{what} {total} {currency} is more than the most an amount may be, "
            f"{MAX_AMOUNT} {currency}",
            field,
        )
    return total
