"""Address normalizers: the one home of how countries, regions and postal codes are
written, for stored addresses and for the routing rules compared against them."""

import re

_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def country_code(value: str) -> str:
    """A country as compared: "us " is "US"."""
    return value.strip().upper()


def is_country_code(code: str) -> bool:
    """Whether a normalized country is an ISO 3166-1 alpha-2 code (two letters)."""
    return _COUNTRY_CODE.fullmatch(code) is not None


def region_code(value: str) -> str:
    """A region as compared: "mn" is "MN"."""
    return value.strip().upper()


def postal_code(value: str) -> str:
    """A postal code or prefix as compared: "SW1A 1AA" and "sw1a1aa" are the same code."""
    return value.replace(" ", "").upper()
