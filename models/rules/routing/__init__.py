"""The routing engine: which location or vendor ships each line of an order.

Pure and synchronous: a stock snapshot, the order's lines and the active rules go in, a plan
with readable reasons comes out. What the OMS promises about where an order goes: drop-ship
rules first (the first matching rule by priority takes the line); SHIP_FROM and EXCLUDE
rules restrict, and PREFER rules favour, the locations a line may ship from; an order uses
at most `max_splits` locations; what nobody can fill is backordered. This package settles
what that leaves open:

- Lines with the same SKU and product tags form one *item*: the rules treat them alike and
  they draw on the same stock, so a location holds an item *whole* when it holds the sum of
  their quantities.
- Plans are compared by, in order: units filled, locations used, lines sent to a location
  that a matching PREFER rule names, total great-circle distance (a location whose distance
  is unknown counts as farther than any known one), location priority, code.
- A single location holding everything is found by set intersection and needs distances
  for those locations only; that is most orders on a large network.
- Otherwise: a greedy cover gives a first plan, then an exact search (branching on the item
  the fewest locations hold, cheapest first, pruned by the best cover so far) looks for one
  with fewer locations, then for a cheaper one with as many; when the greedy leaves
  something out, for any cover within `max_splits`. Lines nobody holds whole count as units
  still wanted. The search stops after a fixed amount of work and keeps the best plan found,
  so a decision over 1,000 locations stays near a millisecond.
- When no `max_splits` locations can fill everything, a second exact search, starting from
  the greedy plan's units, finds the locations filling the most units, then the fewest
  of them, then the cheapest. It counts what a location holds short of a line, since a
  location in the plan ships what it has of a line it cannot split. It prunes with what
  each location adds alone, which bounds what it adds to any plan, and stops after a fixed
  amount of work too. The rest is backordered. bench/quality.py checks plans against
  exact optima.

One module per concept: `types` (what goes in and out), `matching` (which rules apply, and
the address normalizers they compare with), `search` (the exact cover kernels), `planner`
(the stages of a decision) and `reasons` (the text).
"""

from ..geo import GeoPoint, great_circle_km
from .matching import country_code, is_country_code, postal_code, region_code
from .planner import plan_routing
from .types import (
    Assignment,
    CandidateLocation,
    Destination,
    LineDemand,
    PlannedLine,
    RoutingAction,
    RoutingPlan,
    RoutingRequest,
    RuleSpec,
    SplitPolicy,
)

__all__ = [
    "Assignment",
    "CandidateLocation",
    "Destination",
    "GeoPoint",
    "LineDemand",
    "PlannedLine",
    "RoutingAction",
    "RoutingPlan",
    "RoutingRequest",
    "RuleSpec",
    "SplitPolicy",
    "country_code",
    "great_circle_km",
    "is_country_code",
    "plan_routing",
    "postal_code",
    "region_code",
]
