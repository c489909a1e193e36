"""How many objects each list the API returns may hold, so that a query's cost (api/cost.py)
bounds what it returns. Where the domain has a natural limit it is enforced where the rows
are written (refused with a userError naming the limit); where it has none (an order's
fulfillment orders, shipments and returns grow with re-routing and partial work), the list
takes `first` and the whole set is a root connection away.
"""

from __future__ import annotations

from models.errors import invalid
from models.rules.ranges import Range

# A STAFF key's locations, a SHIP_FROM/RESTRICT rule's locations: a key serving more stores
# than this is an ADMIN's job, a rule naming more is better said with location priorities.
MAX_KEY_LOCATIONS = 50
MAX_RULE_LOCATIONS = 25
# Routing rules are read whole by every placement: a handful in practice (Shopify's order
# routing has a few fixed ones). The whole list with its locations stays cheap enough for
# the anonymous budget to answer UNAUTHENTICATED rather than MAX_COST_EXCEEDED.
MAX_ROUTING_RULES = 50
# Holds an order may ever get (released ones stay in its history).
MAX_HOLDS_PER_ORDER = 50
# Parcels one fulfillment order ships in (each takes any number of lines and units).
MAX_SHIPMENTS_PER_FULFILLMENT_ORDER = 100
# Attempts one webhook delivery may ever make, manual retries included; the automatic
# policy (OMS_WEBHOOK_MAX_ATTEMPTS) stays within it.
MAX_DELIVERY_ATTEMPTS = 25
# A mutation payload carries one userError: the first rule that said no.
MAX_USER_ERRORS = 1

# `first` of the lists under an order that the domain does not bound.
NESTED_FIRST = Range("first", 0, 250, "the rest through the root connection")
NESTED_FIRST_DEFAULT = 50
# `first` of a pick list's SKUs: a pick list spans up to 500 fulfillment orders of up to 250
# lines each; more SKUs than this are picked in several lists (fewer fulfillmentOrderIds).
PICK_LIST_FIRST = Range("first", 0, 1000, "the rest in a list of fewer fulfillment orders")
PICK_LIST_FIRST_DEFAULT = 250


def at_most(count: int, most: int, what: str, field: str) -> None:
    """Refuse a write that would make `count` go past `most`."""
    if count > most:
        raise invalid(f"{what}: at most {most}, got {count}", [field])
