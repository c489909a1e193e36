"""Which routing rules apply to an order and to a line.

A rule's conditions are compared the way they are stored: country and region codes
uppercased, postal codes without spaces and uppercased (so "sw1a 1" is the prefix
"SW1A1" of "SW1A 1AA"). The routing-rule operations store rules through these same
functions, so what the API shows is what the engine compares.
"""

from models.rules.address import country_code, is_country_code, postal_code, region_code

from .types import LineDemand, RoutingRequest, RuleSpec

# The normalizers are re-exported: rules are stored and compared through them.
__all__ = [
    "country_code",
    "is_country_code",
    "matches_line",
    "matches_order",
    "postal_code",
    "region_code",
]


def matches_order(rule: RuleSpec, request: RoutingRequest) -> bool:
    """The conditions on the order as a whole; a condition on an unknown field fails."""
    dest = request.destination
    if rule.channels and request.channel not in rule.channels:
        return False
    if rule.destination_countries and (
        dest.country is None
        or country_code(dest.country) not in {country_code(c) for c in rule.destination_countries}
    ):
        return False
    if rule.destination_regions and (
        dest.region is None
        or region_code(dest.region) not in {region_code(r) for r in rule.destination_regions}
    ):
        return False
    if rule.postal_code_prefixes:
        if dest.postal_code is None:
            return False
        postal = postal_code(dest.postal_code)
        if not any(postal.startswith(postal_code(p)) for p in rule.postal_code_prefixes):
            return False
    return True


def matches_line(rule: RuleSpec, line: LineDemand) -> bool:
    """The conditions on a line: its SKU, and any of its product's tags."""
    if rule.skus and line.sku not in rule.skus:
        return False
    return not rule.tags or not rule.tags.isdisjoint(line.tags)
