"""The routing (sourcing) engine: which location or vendor ships each line of an order.

Pure and synchronous: a stock snapshot, the order's lines and the active rules go in, a plan
with readable reasons comes out. API.md ("Routing: what the OMS promises about where an order
goes") is the contract; this module settles what it leaves open:

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
"""

import heapq
import itertools
import math
import operator
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal, TypeAlias

from .geo import DistanceFrom, GeoPoint, great_circle_km

__all__ = [
    "Assignment",
    "CandidateLocation",
    "Destination",
    "GeoPoint",
    "LineDemand",
    "PlannedLine",
    "RoutingAction",
    "RuleSpec",
    "SourcingPlan",
    "SourcingRequest",
    "SourcingSettings",
    "great_circle_km",
    "plan_sourcing",
]


class RoutingAction(StrEnum):
    DROP_SHIP = "DROP_SHIP"
    SHIP_FROM = "SHIP_FROM"
    EXCLUDE = "EXCLUDE"
    PREFER = "PREFER"


@dataclass(frozen=True)
class Destination:
    country: str | None = None  # ISO 3166-1 alpha-2, e.g. "US"
    region: str | None = None  # e.g. "MN"
    postal_code: str | None = None
    point: GeoPoint | None = None


@dataclass(frozen=True)
class CandidateLocation:
    id: int
    code: str
    priority: int  # lower preferred when all else equal
    point: GeoPoint | None = None
    active: bool = True
    ships_orders: bool = True
    remaining_capacity: int | None = None  # fulfillment orders it may still take today


@dataclass(frozen=True)
class RuleSpec:
    """An active routing rule; an empty condition matches anything."""

    id: int
    name: str
    priority: int  # evaluated by ascending priority (then id)
    action: RoutingAction
    skus: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    destination_countries: frozenset[str] = frozenset()
    destination_regions: frozenset[str] = frozenset()
    postal_code_prefixes: tuple[str, ...] = ()
    vendor_id: int | None = None  # DROP_SHIP
    vendor_code: str | None = None  # for readable reasons
    location_ids: frozenset[int] = frozenset()  # SHIP_FROM / EXCLUDE / PREFER


@dataclass(frozen=True)
class LineDemand:
    line_id: int
    sku: str
    quantity: int
    tags: frozenset[str] = frozenset()  # the product's tags

    def __post_init__(self) -> None:
        if self.quantity < 0:
            raise ValueError(f"line {self.line_id}: quantity must not be negative")


@dataclass(frozen=True)
class SourcingRequest:
    channel: str
    destination: Destination
    lines: tuple[LineDemand, ...]
    # PICKUP orders: non-drop-ship lines go to this location or are backordered.
    pickup_location_id: int | None = None
    # Locations that rejected this order before.
    excluded_location_ids: frozenset[int] = frozenset()
    # Vendors that rejected this order before: their DROP_SHIP rules are skipped for it.
    excluded_vendor_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SourcingSettings:
    max_splits: int = 3  # the most LOCATIONS (not vendors) one order's stock lines may use
    split_lines: bool = True  # whether one line's quantity may be split across locations

    def __post_init__(self) -> None:
        if self.max_splits < 1:
            raise ValueError("max_splits must be at least 1")


@dataclass(frozen=True)
class PlannedLine:
    line_id: int
    sku: str
    quantity: int


@dataclass(frozen=True)
class Assignment:
    lines: tuple[PlannedLine, ...]
    reason: str  # readable: the rule or criterion that chose it, and the runners-up
    location_id: int | None = None
    vendor_id: int | None = None  # exactly one of location_id / vendor_id is set


@dataclass(frozen=True)
class SourcingPlan:
    assignments: tuple[Assignment, ...]
    backordered: Mapping[int, int]  # line_id -> quantity nobody can fill (only > 0)

    def assigned_quantity(self, line_id: int) -> int:
        return sum(
            planned.quantity
            for assignment in self.assignments
            for planned in assignment.lines
            if planned.line_id == line_id
        )


def plan_sourcing(
    request: SourcingRequest,
    locations: Sequence[CandidateLocation],
    available: Mapping[tuple[int, str], int],
    rules: Sequence[RuleSpec],
    settings: SourcingSettings,
) -> SourcingPlan:
    """Decide where every line ships from, without reserving anything.

    `available` maps (location id, SKU) to sellable units; a missing key means none. Passing
    only the order's SKUs (what an `IN (...)` query returns) is the fast path; a full
    snapshot works too and is read with point lookups instead.
    """
    return _Planner(request, locations, available, rules, settings).plan()


# Cost units that make a sum of location costs compare lexicographically: preference first,
# then known distance, with an unknown distance beyond any Earth distance.
_UNKNOWN_KM = 1e6
_PREFERENCE_STEP = 1e9
# Work allowed to the exact search, in locations checked against a demand (~50 ns each);
# a branch costs about as much as _STEP_WORK checks.
_SEARCH_BUDGET = 20_000
_STEP_WORK = 25
# Work allowed to the search for the most units, shared by its stages, in locations looked
# at (~0.1 us each); computing one's gain costs as much as _GAIN_WORK looks (~1 us for a
# 10-line order).
_UNITS_BUDGET = 20_000
_GAIN_WORK = 10
_MAX_RUNNERS_UP = 3

# How the stock locations were chosen, which decides how the reason reads.
_How: TypeAlias = Literal["pickup", "alone", "split"]


class _Item:
    """The lines of one SKU and tag set: the same rules apply and the same stock serves them."""

    __slots__ = (
        "allowed",
        "any_holders",
        "bit",
        "excluded",
        "max_available",
        "prefer_rules",
        "preferred",
        "quantity",
        "restricted",
        "ship_from_rules",
        "sku",
        "whole_holders",
    )

    def __init__(self, sku: str, bit: int, rules: Sequence[RuleSpec]) -> None:
        self.sku = sku
        self.bit = bit
        self.quantity = 0
        self.ship_from_rules = [r for r in rules if r.action is RoutingAction.SHIP_FROM]
        self.prefer_rules = [r for r in rules if r.action is RoutingAction.PREFER]
        self.allowed: frozenset[int] | None = (
            frozenset().union(*(r.location_ids for r in self.ship_from_rules))
            if self.ship_from_rules
            else None
        )
        self.excluded: frozenset[int] = frozenset().union(
            *(r.location_ids for r in rules if r.action is RoutingAction.EXCLUDE)
        )
        self.preferred: frozenset[int] = frozenset().union(
            *(r.location_ids for r in self.prefer_rules)
        )
        self.restricted = self.allowed is not None or bool(self.excluded)
        self.whole_holders: set[int] = set()  # eligible locations holding the item whole
        self.any_holders: set[int] | None = None  # ... holding any of it, looked up on demand
        # The most one eligible location holds, capped at the item's quantity: it only
        # decides whether a line may be split.
        self.max_available = 0

    def allows(self, location_id: int) -> bool:
        if self.allowed is not None and location_id not in self.allowed:
            return False
        return location_id not in self.excluded


# The cost of a cover and the rank-order indexes of its locations.
_Cover: TypeAlias = tuple[float, tuple[int, ...]]


@dataclass
class _Demand:
    """What the split search must cover, over locations given as indexes in rank order.

    Items some location holds whole are bits of `need`, held by `mask_holders[bit]` (and set
    in `masks[k]`); items nobody holds whole are units still wanted (`residual`, one entry
    per item; `units[k]` is what location k holds of each).
    """

    masks: list[int]
    costs: list[float]
    units: list[tuple[int, ...]] = field(default_factory=list)
    mask_holders: dict[int, list[int]] = field(default_factory=dict)
    quantities: dict[int, int] = field(default_factory=dict)  # item bit -> units wanted
    need: int = 0
    residual: tuple[int, ...] = ()

    def covered_by(self, plan: Sequence[int]) -> bool:
        need, residual = self.need, self.residual
        for k in plan:
            need &= ~self.masks[k]
            residual = _less(residual, self.units[k])
        return not need and not any(residual)


def _less(residual: tuple[int, ...], units: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(r - u if r > u else 0 for r, u in zip(residual, units, strict=True))


class _CoverSearch:
    """Cheapest set of at most k locations meeting a demand, exactly, within a work budget.

    The demand is a mask of items some location must hold whole, plus units still wanted of
    the items no location holds whole (`residual`, one entry per such item). Every cover
    includes a holder of each item wanted, so the search branches on the item with the
    fewest holders, tries them cheapest first, and stops once a holder alone costs as much
    as the best cover found. Locations are indexes into the rank-ordered arrays.
    """

    def __init__(self, demand: _Demand) -> None:
        self.masks = demand.masks
        self.units = demand.units
        self.costs = demand.costs
        self.mask_holders = demand.mask_holders
        self.unit_holders = [
            [k for k, u in enumerate(demand.units) if u[j]] for j in range(len(demand.residual))
        ]
        self.memo: dict[tuple[int, tuple[int, ...], int, frozenset[int]], _Cover | None] = {}
        self.work = 0
        self.exhausted = False

    def cover(
        self,
        need: int,
        residual: tuple[int, ...],
        slots: int,
        taken: frozenset[int] = frozenset(),
        bound: float = math.inf,
    ) -> _Cover | None:
        """The cheapest cover costing less than `bound`, if any."""
        if not need and not any(residual):
            return (0.0, ())
        if not slots:
            return None
        # A location holds no item still needed whole, but may hold more of a residual item,
        # and must not be counted twice: then what was taken is part of the state.
        key = (need, residual, slots, taken if residual else frozenset())
        if key in self.memo:
            found = self.memo[key]
            return found if found is not None and found[0] < bound else None
        if slots == 1:
            best = self._one(need, residual, taken)
        else:
            best = self._several(need, residual, slots, taken, bound)
        # "Nothing under the bound" says nothing about what lies above it: not remembered.
        if slots == 1 or bound == math.inf or best is not None:
            self.memo[key] = best
        return best if best is not None and best[0] < bound else None

    def _one(self, need: int, residual: tuple[int, ...], taken: frozenset[int]) -> _Cover | None:
        holders = self._branch(need, residual)
        self.work += len(holders)
        masks, units = self.masks, self.units
        for k in holders:
            if masks[k] & need != need or k in taken:
                continue
            if residual and any(u < r for u, r in zip(units[k], residual, strict=True)):
                continue
            return (self.costs[k], (k,))
        return None

    def _several(
        self,
        need: int,
        residual: tuple[int, ...],
        slots: int,
        taken: frozenset[int],
        bound: float,
    ) -> _Cover | None:
        best: _Cover | None = None
        for k in self._branch(need, residual):
            cost = self.costs[k]
            if cost >= bound:
                break
            if k in taken:
                continue
            left = _less(residual, self.units[k])
            rest_need = need & ~self.masks[k]
            # What is left takes one more location, costing at least the cheapest one.
            if (rest_need or any(left)) and cost + self.costs[0] >= bound:
                continue
            self.work += _STEP_WORK
            if self.work > _SEARCH_BUDGET:
                self.exhausted = True
                break
            rest = self.cover(rest_need, left, slots - 1, taken | {k}, bound - cost)
            if rest is not None:
                best = (cost + rest[0], (k, *rest[1]))
                bound = best[0]
        return best

    def _branch(self, need: int, residual: tuple[int, ...]) -> list[int]:
        if need:
            wanted = (holders for bit, holders in self.mask_holders.items() if bit & need)
        else:
            wanted = (self.unit_holders[j] for j, r in enumerate(residual) if r)
        return min(wanted, key=len)


def _gains(demand: _Demand) -> list[int]:
    """Units each location would add towards the demand."""
    weights: dict[int, int] = {}
    gains = []
    for k, mask in enumerate(demand.masks):
        bits = mask & demand.need
        gain = weights.get(bits)
        if gain is None:
            gain = sum(q for bit, q in demand.quantities.items() if bit & bits)
            weights[bits] = gain
        if demand.residual:
            gain += sum(map(min, demand.residual, demand.units[k]))
        gains.append(gain)
    return gains


def _greedy_cover(demand: _Demand, slots: int) -> list[int]:
    """Most units with at most `slots` locations, greedily."""
    plan: list[int] = []
    remaining = replace(demand)
    while (remaining.need or any(remaining.residual)) and len(plan) < slots:
        gains = _gains(remaining)
        for k in plan:
            gains[k] = 0
        most = max(gains)
        if not most:
            break
        pick = gains.index(most)  # the first of equals: the better-ranked location
        plan.append(pick)
        remaining.need &= ~demand.masks[pick]
        remaining.residual = _less(remaining.residual, demand.units[pick])
    return plan


@dataclass
class _Stock:
    """What each location (indexes in rank order) could give each item, for _UnitSearch.

    Items a plan may split add up over its locations, towards `wanted` (`shared`); any other
    item comes from one location, so a plan fills the most any one of its locations holds
    (`single`). Units are capped at the item's quantity.
    """

    costs: list[float]
    shared: list[tuple[int, ...]]
    single: list[tuple[int, ...]]
    wanted: tuple[int, ...]


# A partial plan: units still wanted of the shared items, the most held of the single ones.
_State: TypeAlias = tuple[tuple[int, ...], tuple[int, ...]]


class _UnitSearch:
    """At most k locations filling the most units, then the cheapest set filling as many.

    Both searches are exact until they run out of budget, and keep the best set found.
    Units filled is a coverage function: what a location adds to a plan never grows as
    other locations join (it is submodular). So a plan's units are at most those of part of
    it plus what each other member adds to that part alone, which prunes both searches; and
    what a location adds to the empty plan bounds what it adds to any, which spares
    computing it for most locations below the top.
    """

    def __init__(self, stock: _Stock) -> None:
        self.stock = stock
        width = len(stock.single[0]) if stock.single else 0
        self.start: _State = (stock.wanted, (0,) * width)
        self.work = 0
        self.exhausted = False
        # What each location adds to the empty plan (all it holds, as units are capped),
        # computed once for every search: in rank (cost) order with the most any later one
        # adds, and most first.
        self.work += len(stock.costs)
        self.top = [
            (gain, k)
            for k, (shared, single) in enumerate(zip(stock.shared, stock.single, strict=True))
            if (gain := sum(shared) + sum(single))
        ]
        self.after = [0] * (len(self.top) + 1)
        for j in range(len(self.top) - 1, -1, -1):
            self.after[j] = max(self.after[j + 1], self.top[j][0])
        self.top_most = sorted(self.top, key=_most_first)
        # prefix[i]: the sum of the first i gains, most first, to sum any run of them at once.
        self.prefix = [0, *itertools.accumulate(gain for gain, _ in self.top_most)]
        self.floor = 0
        self.best: tuple[int, tuple[int, ...]] | None = None
        self.bound = math.inf
        self.found: _Cover = (math.inf, ())

    def value(self, members: Iterable[int]) -> int:
        state, total = self.start, 0
        for k in members:
            total += self._gain(state, k)
            state = self._add(state, k)
        return total

    def most(self, slots: int, floor: int) -> tuple[int, tuple[int, ...]] | None:
        """The set of at most `slots` locations filling the most units, if more than `floor`."""
        self.floor, self.best = floor, None
        self._grow(self.start, 0, (), slots, 0)
        return self.best

    def cheapest(self, slots: int, target: int, incumbent: tuple[int, ...]) -> _Cover:
        """The cheapest set of at most `slots` locations filling `target` units, given one."""
        self.bound = sum(self.stock.costs[k] for k in incumbent)
        self.found = (self.bound, incumbent)
        self._pick(self.start, 0, 0.0, (), slots, target, 0)
        return self.found

    def _gain(self, state: _State, k: int) -> int:
        self.work += _GAIN_WORK
        wanted, most = state
        shared, single = self.stock.shared[k], self.stock.single[k]
        return sum(map(min, wanted, shared)) + sum(map(max, most, single)) - sum(most)

    def _add(self, state: _State, k: int) -> _State:
        wanted, most = state
        return _less(wanted, self.stock.shared[k]), tuple(map(max, most, self.stock.single[k]))

    def _grow(
        self, state: _State, value: int, members: tuple[int, ...], slots: int, start: int
    ) -> None:
        """Members after the first from `self.top_most[start:]`, most gain first. Its gains
        are exact for the empty plan and bounds for any other."""
        top, prefix = self.top_most, self.prefix
        for i in range(start, len(top)):
            self.work += 1
            bound, k = top[i]
            # Sets through this branch add at most their members' bounds, which are sorted:
            # the next `slots` are the most they can be, and only fall from here.
            if value + prefix[min(i + slots, len(top))] - prefix[i] <= self.floor:
                return
            gain = self._gain(state, k) if members else bound
            if not gain:
                continue  # adding nothing now, it adds nothing to a larger plan either
            total = value + gain
            if total > self.floor:
                self.floor, self.best = total, (total, (*members, k))
            if slots == 1 or i + 1 == len(top) or total + (slots - 1) * top[i + 1][0] <= self.floor:
                continue
            if self.work > _UNITS_BUDGET:
                self.exhausted = True
                return
            # Branch i takes location k and leaves out the ones before it, so no set is
            # visited twice.
            self._grow(self._add(state, k), total, (*members, k), slots - 1, i + 1)
            if self.exhausted:
                return

    def _pick(
        self,
        state: _State,
        value: int,
        cost: float,
        members: tuple[int, ...],
        slots: int,
        target: int,
        start: int,
    ) -> None:
        """Members after the first from `self.top[start:]`, cheapest first: the first to
        reach the target is the cheapest completion here, and once one costs too much so do
        the rest. Its gains are exact for the empty plan and bounds for any other."""
        top, after, costs = self.top, self.after, self.stock.costs
        short = target - value
        alone = slots == 1  # whether only a location reaching the target alone can still do
        for j in range(start, len(top)):
            self.work += 1
            bound, k = top[j]
            total = cost + costs[k]
            if total >= self.bound:
                return
            if bound < short and (alone or bound + (slots - 1) * after[j + 1] < short):
                continue
            gain = self._gain(state, k) if members else bound
            if not gain:
                continue
            if gain >= short:
                self.bound, self.found = total, (total, (*members, k))
                return
            if alone or gain + (slots - 1) * after[j + 1] < short:
                continue
            # One more location costs at least the next one here, and the later ones cost
            # more: past this point, sets of two or more cost too much.
            if total + costs[top[j + 1][1]] >= self.bound:
                alone = True
                continue
            if self.work > _UNITS_BUDGET:
                self.exhausted = True
                return
            chosen = (*members, k)
            self._pick(self._add(state, k), value + gain, total, chosen, slots - 1, target, j + 1)
            if self.exhausted:
                return


def _most_first(gain: tuple[int, int]) -> tuple[int, int]:
    # Most gain first, the better-ranked of equals first: good plans early make bounds bite.
    return -gain[0], gain[1]


class _Planner:
    def __init__(
        self,
        request: SourcingRequest,
        locations: Sequence[CandidateLocation],
        available: Mapping[tuple[int, str], int],
        rules: Sequence[RuleSpec],
        settings: SourcingSettings,
    ) -> None:
        self.request = request
        self.locations = locations
        self.available = available
        self.settings = settings
        ordered = sorted(rules, key=lambda r: (r.priority, r.id))
        self.rules = [r for r in ordered if _matches_order(r, request)]
        self.stock_lines: list[LineDemand] = []
        self.line_items: list[_Item] = []
        self.items: list[_Item] = []
        self.eligible: dict[int, CandidateLocation] = {}
        self.preferred: dict[int, int] = {}  # location id -> bits of the items preferring it
        self.top_preference = 0
        point = request.destination.point
        self.origin = DistanceFrom(point) if point is not None else None
        self.distances: dict[int, float | None] = {}
        self.costs: dict[int, float] = {}
        # Filled in for the split search only:
        self.whole: dict[int, int] = {}  # location id -> bits of the items it holds whole
        self.held: dict[int, int] = {}  # location id -> bits of the items it holds any of
        self.ranked: list[int] = []  # eligible locations holding something, best first

    # ----------------------------------------------------------------- drop-ship

    def plan(self) -> SourcingPlan:
        assignments = self._drop_ship()
        backordered: dict[int, int] = {}
        if self.stock_lines:
            fills, stock_assignments = self._from_stock()
            assignments.extend(stock_assignments)
            for line, line_fills in zip(self.stock_lines, fills, strict=True):
                missing = line.quantity - sum(q for _, q in line_fills)
                if missing > 0:
                    backordered[line.line_id] = backordered.get(line.line_id, 0) + missing
        return SourcingPlan(assignments=tuple(assignments), backordered=backordered)

    def _drop_ship(self) -> list[Assignment]:
        drop_rules = [
            r
            for r in self.rules
            if r.action is RoutingAction.DROP_SHIP
            and r.vendor_id is not None
            and r.vendor_id not in self.request.excluded_vendor_ids
        ]
        by_vendor: dict[int, list[tuple[LineDemand, RuleSpec]]] = {}
        for line in self.request.lines:
            if line.quantity <= 0:
                continue
            rule = next((r for r in drop_rules if _matches_line(r, line)), None)
            if rule is None:
                self.stock_lines.append(line)
            else:
                by_vendor.setdefault(rule.vendor_id or 0, []).append((line, rule))
        return [
            Assignment(
                lines=tuple(PlannedLine(ln.line_id, ln.sku, ln.quantity) for ln, _ in pairs),
                reason=_drop_ship_reason(pairs),
                vendor_id=vendor_id,
            )
            for vendor_id, pairs in by_vendor.items()
        ]

    # ------------------------------------------------------------- from stock

    def _from_stock(self) -> tuple[list[list[tuple[int, int]]], list[Assignment]]:
        self._group_items()
        self._filter_locations()
        pickup = self.request.pickup_location_id
        if pickup is not None:
            members = [pickup] if pickup in self.eligible else []
            fills = self._allocate(members)
            return fills, self._assignments(fills, members, "pickup")
        self._find_whole_holders()
        # Most orders at scale end here: set intersection finds who holds everything, and
        # only those locations need a distance.
        fillers = set.intersection(*(item.whole_holders for item in self.items))
        if fillers:
            best = self._best(fillers, 1)[0]
            fills = self._allocate([best])
            if not self._short(fills):
                return fills, self._assignments(fills, [best], "alone", fillers)
        members = self._choose_split()
        fills = self._allocate(members)
        return fills, self._assignments(fills, members, "split")

    def _group_items(self) -> None:
        by_key: dict[tuple[str, frozenset[str]], _Item] = {}
        for line in self.stock_lines:
            key = (line.sku, line.tags)
            item = by_key.get(key)
            if item is None:
                matching = [r for r in self.rules if _matches_line(r, line)]
                item = by_key[key] = _Item(line.sku, 1 << len(by_key), matching)
                self.items.append(item)
            item.quantity += line.quantity
            self.line_items.append(item)
        for item in self.items:
            for lid in item.preferred:
                self.preferred[lid] = self.preferred.get(lid, 0) | item.bit
        self.top_preference = max((b.bit_count() for b in self.preferred.values()), default=0)

    def _filter_locations(self) -> None:
        request = self.request
        pickup = request.pickup_location_id
        excluded = request.excluded_location_ids
        self.eligible = {
            loc.id: loc
            for loc in self.locations
            if loc.active
            and ((pickup is None and loc.ships_orders) or loc.id == pickup)
            and loc.id not in excluded
            and (loc.remaining_capacity is None or loc.remaining_capacity > 0)
        }

    def _stock_lists(self, threshold: Mapping[str, int]) -> dict[str, list[int]]:
        """Per SKU, the locations in the snapshot holding at least `threshold[sku]` units."""
        available = self.available
        found: dict[str, list[int]] = {sku: [] for sku in threshold}
        # Walk whichever is smaller: the snapshot, or every (eligible location, SKU) pair.
        if len(available) <= len(self.eligible) * len(threshold):
            for key, units in available.items():
                least = threshold.get(key[1])
                if least is not None and units >= least:
                    found[key[1]].append(key[0])
        else:
            for sku, least in threshold.items():
                found[sku] = [lid for lid in self.eligible if available.get((lid, sku), 0) >= least]
        return found

    def _eligible_holders(self, item: _Item, listed: list[int], shared: bool) -> set[int]:
        holders = self.eligible.keys() & listed
        if shared:
            # The list was cut at the smallest item of this SKU; this one may need more.
            holders = {lid for lid in holders if self.available[(lid, item.sku)] >= item.quantity}
        if item.restricted:
            holders = {lid for lid in holders if item.allows(lid)}
        return holders

    def _find_whole_holders(self) -> None:
        threshold: dict[str, int] = {}
        for item in self.items:
            threshold[item.sku] = min(threshold.get(item.sku, item.quantity), item.quantity)
        shared = len(threshold) < len(self.items)
        listed = self._stock_lists(threshold)
        for item in self.items:
            item.whole_holders = self._eligible_holders(item, listed[item.sku], shared)
            if item.whole_holders:
                item.max_available = item.quantity

    def _index_stock(self) -> None:
        """Masks per location for the split search. Stock short of whole is looked up only for
        the items nobody holds whole: those are the ones to split or backorder."""
        whole: dict[int, int] = {}
        for item in self.items:
            for lid in item.whole_holders:
                whole[lid] = whole.get(lid, 0) | item.bit
        self.whole = whole
        self.held = dict(whole)
        self._find_any_holders([item for item in self.items if not item.whole_holders])

    def _find_any_holders(self, items: Iterable[_Item]) -> None:
        pending = [item for item in items if item.any_holders is None]
        if not pending:
            return
        listed = self._stock_lists(dict.fromkeys((item.sku for item in pending), 1))
        held = self.held
        for item in pending:
            holders = item.any_holders = self._eligible_holders(item, listed[item.sku], False)
            for lid in holders:
                held[lid] = held.get(lid, 0) | item.bit
            if not item.whole_holders:
                item.max_available = max(
                    (self.available[(lid, item.sku)] for lid in holders), default=0
                )

    def _measure(self, lids: Iterable[int]) -> dict[int, float]:
        """Each location's cost, computed once per request.

        Preference, then distance, folded into one number whose sum over a plan compares
        the way the tie-breakers do: a preferred location first, then the shorter distance.
        """
        costs = self.costs
        todo = [lid for lid in lids if lid not in costs]
        if not todo:
            return costs
        points = [self.eligible[lid].point for lid in todo]
        kms = self.origin.many(points) if self.origin is not None else [None] * len(todo)
        for lid, km in zip(todo, kms, strict=True):
            self.distances[lid] = km
            cost = _UNKNOWN_KM if km is None else km
            if self.top_preference:
                weight = (self.preferred.get(lid, 0) & self._offered(lid)).bit_count()
                cost += _PREFERENCE_STEP * (self.top_preference - weight)
            costs[lid] = cost
        return costs

    def _distance(self, lid: int) -> float | None:
        self._measure((lid,))
        return self.distances[lid]

    def _cost(self, lid: int) -> float:
        return self._measure((lid,))[lid]

    def _best(self, lids: Collection[int], count: int) -> list[int]:
        """The `count` best-ranked locations, ranking in full only those that could be."""
        costs = self._measure(lids)
        cut = heapq.nsmallest(count, lids, key=costs.__getitem__)
        if not cut:
            return []
        worst = costs[cut[-1]]
        contenders = [lid for lid in lids if costs[lid] <= worst]
        return heapq.nsmallest(count, contenders, key=self._rank)

    def _in_rank_order(self, lids: Collection[int]) -> list[int]:
        costs = self._measure(lids)
        ordered = sorted(lids, key=costs.__getitem__)
        in_order = [costs[lid] for lid in ordered]
        # Equal costs are rare (no coordinates, or one site): only then rank in full.
        if any(map(operator.eq, in_order, in_order[1:])):
            ordered.sort(key=self._rank)
        return ordered

    def _offered(self, lid: int) -> int:
        """Bits of the items a location can take: any stock once indexed, else whole ones."""
        if self.held:
            return self.held.get(lid, 0)
        bits = 0
        for item in self.items:
            if lid in item.whole_holders:
                bits |= item.bit
        return bits

    def _rank(self, lid: int) -> tuple[float, int, str, int]:
        loc = self.eligible[lid]
        cost = self.costs.get(lid)
        return (self._cost(lid) if cost is None else cost, loc.priority, loc.code, lid)

    # ----------------------------------------------------------------- search

    def _choose_split(self) -> list[int]:
        self._index_stock()
        if self.top_preference:
            self.costs.clear()  # preference weights now know what each location holds
        self.ranked = self._in_rank_order(self.held)
        demand = self._demand()
        greedy = _greedy_cover(demand, self.settings.max_splits)
        chosen = self._cover_exactly(demand, greedy)
        if chosen is None:
            seed = [self.ranked[k] for k in greedy]
            return self._top_up(self._most_units(seed))
        return self._top_up([self.ranked[k] for k in chosen])

    def _demand(self) -> _Demand:
        """The split search's view: items as bits and units, locations as rank indexes."""
        position = {lid: k for k, lid in enumerate(self.ranked)}
        demand = _Demand(
            masks=[0] * len(self.ranked), costs=[self.costs[lid] for lid in self.ranked]
        )
        by_units: list[_Item] = []
        for item in self.items:
            if item.whole_holders:
                holders = item.whole_holders
            elif not item.any_holders:
                continue
            elif self.settings.split_lines:
                by_units.append(item)
                continue
            else:
                # Unsplittable and nowhere whole: holding the most anyone holds is as good.
                holders = {
                    lid
                    for lid in item.any_holders
                    if self.available[(lid, item.sku)] >= item.max_available
                }
            indexes = sorted(position[lid] for lid in holders)
            for k in indexes:
                demand.masks[k] |= item.bit
            demand.mask_holders[item.bit] = indexes
            demand.quantities[item.bit] = item.quantity
            demand.need |= item.bit
        demand.units = [tuple(self._units(lid, item) for item in by_units) for lid in self.ranked]
        demand.residual = tuple(
            min(item.quantity, sum(u[j] for u in demand.units)) for j, item in enumerate(by_units)
        )
        return demand

    def _cover_exactly(self, demand: _Demand, greedy: list[int]) -> list[int] | None:
        """Fewer locations than the greedy cover if possible, else a cheaper cover as large.

        When the greedy leaves something out, a cover within max_splits may still exist (its
        first pick can be a poor bet): then the fewest locations covering, the cheapest of
        those, or None when the search finds no cover.
        """
        search = _CoverSearch(demand)
        covered = demand.covered_by(greedy)
        for fewer in range(1, len(greedy) if covered else self.settings.max_splits + 1):
            found = search.cover(demand.need, demand.residual, fewer)
            if found is not None:
                return list(found[1])
            if search.exhausted:
                return greedy if covered else None
        if not covered:
            return None
        bound = sum(demand.costs[k] for k in greedy)
        found = search.cover(demand.need, demand.residual, len(greedy), bound=bound)
        return greedy if found is None else list(found[1])

    def _most_units(self, seed: list[int]) -> list[int]:
        """Not everything fits in max_splits: the locations filling the most units, then the
        fewest of them, then the cheapest, searched from the seed plan's units up.
        """
        # A location short of an item's quantity still ships what it has of it when it is in
        # the plan for other lines: that stock counts towards units here.
        self._find_any_holders(self.items)
        if self.top_preference:
            self.costs.clear()  # preference weights now know every location holding something
        self.ranked = self._in_rank_order(self.held)
        position = {lid: k for k, lid in enumerate(self.ranked)}
        search = _UnitSearch(self._stock(position))
        slots = self.settings.max_splits
        seed_indexes = tuple(position[lid] for lid in seed)
        floor = search.value(seed_indexes)
        most = search.most(slots, floor)
        target, known = (floor, seed_indexes) if most is None else most
        # Fewest locations next: the smallest size with a set filling as many units. Looking
        # for more than target - 1 units prunes hardest, and the set found bounds the cost.
        for size in range(1, len(known)):
            if search.exhausted:
                break
            fewer = search.most(size, target - 1)
            if fewer is not None:
                known = fewer[1]
                break
        if known:
            known = search.cheapest(len(known), target, known)[1]
        chosen = self._in_rank_order([self.ranked[k] for k in known])
        # The search counts an item's units as one figure; allocation is per line, so the
        # seed is kept if it really fills more (lines of one SKU can differ).
        return self._in_rank_order(seed) if self._better(seed, chosen) else chosen

    def _stock(self, position: Mapping[int, int]) -> _Stock:
        """Every candidate's units of every item, capped, split as _UnitSearch reads them."""
        split = self.settings.split_lines
        shared = [item for item in self.items if split and not item.whole_holders]
        single = [item for item in self.items if not split or item.whole_holders]

        def capped(items: list[_Item]) -> list[tuple[int, ...]]:
            # Walk the holders, not every location: on a large network most hold few items.
            rows = [[0] * len(items) for _ in self.ranked]
            for j, item in enumerate(items):
                for lid in item.any_holders or ():
                    rows[position[lid]][j] = min(item.quantity, self.available[(lid, item.sku)])
            return [tuple(row) for row in rows]

        return _Stock(
            costs=[self.costs[lid] for lid in self.ranked],
            shared=capped(shared),
            single=capped(single),
            wanted=tuple(item.quantity for item in shared),
        )

    def _units(self, lid: int, item: _Item) -> int:
        if item.any_holders is None or lid not in item.any_holders:
            return 0
        return self.available[(lid, item.sku)]

    def _better(self, one: Sequence[int], other: Sequence[int]) -> bool:
        """Whether the locations `one` beat `other`: more units, then fewer, then cost."""

        def score(members: Sequence[int]) -> tuple[int, int, float]:
            ordered = self._in_rank_order(members)
            filled = sum(q for fl in self._allocate(ordered) for _, q in fl)
            return (-filled, len(members), sum(self.costs[lid] for lid in members))

        return score(one) < score(other)

    def _top_up(self, members: list[int]) -> list[int]:
        """Add the locations that fill the most of what the cover left unfilled."""
        tried = set(members)
        while True:
            fills = self._allocate(members)
            used = [lid for lid in members if any(lid == f for fl in fills for f, _ in fl)]
            if len(used) >= self.settings.max_splits:
                return used
            short = self._short(fills)
            if not short:
                return used
            addition = self._best_addition(short, tried)
            if addition is None:
                return used
            tried.add(addition)
            members = self._in_rank_order([*used, addition])

    def _best_addition(self, short: list[tuple[int, int]], tried: set[int]) -> int | None:
        """The best-ranked location completing every short line, else the one adding most."""
        short_items = {self.line_items[index].bit: self.line_items[index] for index, _ in short}
        self._find_any_holders(short_items.values())
        candidates: set[int] = set()
        for item in short_items.values():
            candidates |= item.any_holders or set()
        missing = sum(self.stock_lines[index].quantity - done for index, done in short)
        best, best_gain = None, 0
        for lid in self._in_rank_order(candidates - tried):
            gain = 0
            for index, done in short:
                line = self.stock_lines[index]
                if not self.held[lid] & self.line_items[index].bit:
                    continue
                units = max(self.available.get((lid, line.sku), 0), 0)
                if self._splittable(index):
                    gain += min(line.quantity - done, units)
                else:
                    gain += max(min(line.quantity, units) - done, 0)
            if gain == missing:
                return lid
            if gain > best_gain:
                best, best_gain = lid, gain
        return best

    def _splittable(self, index: int) -> bool:
        if not self.settings.split_lines:
            return False
        return self.line_items[index].max_available < self.stock_lines[index].quantity

    def _allocate(self, members: list[int]) -> list[list[tuple[int, int]]]:
        """Per stock line, the (location, units) it takes from `members` (in rank order)."""
        remaining: dict[tuple[int, str], int] = {}
        fills: list[list[tuple[int, int]]] = []
        for index, line in enumerate(self.stock_lines):
            item = self.line_items[index]
            usable = [lid for lid in members if item.allows(lid)] if item.restricted else members
            if item.preferred:
                usable = sorted(usable, key=lambda lid: lid not in item.preferred)
            line_fills: list[tuple[int, int]] = []
            for lid in usable:
                key = (lid, line.sku)
                if key not in remaining:
                    remaining[key] = max(self.available.get(key, 0), 0)
            if self._splittable(index):
                need = line.quantity
                for lid in usable:
                    take = min(need, remaining[(lid, line.sku)])
                    if take:
                        line_fills.append((lid, take))
                        remaining[(lid, line.sku)] -= take
                        need -= take
                        if not need:
                            break
            elif usable:
                # max() keeps the first of equals, so rank order breaks ties.
                lid = max(usable, key=lambda lid: min(line.quantity, remaining[(lid, line.sku)]))
                take = min(line.quantity, remaining[(lid, line.sku)])
                if take:
                    line_fills.append((lid, take))
                    remaining[(lid, line.sku)] -= take
            fills.append(line_fills)
        return fills

    def _short(self, fills: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
        """(stock line index, units filled) of each line not filled in full."""
        return [
            (index, done)
            for index, done in enumerate(sum(q for _, q in fl) for fl in fills)
            if done < self.stock_lines[index].quantity
        ]

    # ---------------------------------------------------------------- reasons

    def _assignments(
        self,
        fills: list[list[tuple[int, int]]],
        members: list[int],
        how: _How,
        fillers: set[int] | None = None,
    ) -> list[Assignment]:
        per_location: dict[int, list[PlannedLine]] = {lid: [] for lid in members}
        items: dict[int, int] = dict.fromkeys(members, 0)
        for index, (line, line_fills) in enumerate(zip(self.stock_lines, fills, strict=True)):
            for lid, quantity in line_fills:
                per_location[lid].append(PlannedLine(line.line_id, line.sku, quantity))
                items[lid] |= self.line_items[index].bit
        used = [lid for lid in members if per_location[lid]]
        note = self._shortfall_note(fills, used, how)
        return [
            Assignment(
                lines=tuple(per_location[lid]),
                reason=self._reason(lid, per_location[lid], items[lid], used, how, note, fillers),
                location_id=lid,
            )
            for lid in used
        ]

    def _shortfall_note(
        self, fills: list[list[tuple[int, int]]], used: list[int], how: _How
    ) -> str:
        short = self._short(fills)
        if not short:
            return ""
        if how == "pickup":
            return "; the rest is backordered"
        # Say so when a location left out only for max_splits holds some of what is short.
        limited = len(used) >= self.settings.max_splits
        if limited and self._best_addition(short, set(used)) is not None:
            return (
                f"; an order may ship from at most {self.settings.max_splits} locations,"
                " so the rest is backordered"
            )
        return "; no eligible location holds the rest, so it is backordered"

    def _reason(
        self,
        lid: int,
        planned: list[PlannedLine],
        bits: int,
        used: list[int],
        how: _How,
        note: str,
        fillers: set[int] | None,
    ) -> str:
        code = self.eligible[lid].code
        if how == "pickup":
            what = self._lines_text(planned)
            return f"{code} is this order's pickup location and holds {what}{note}"
        where = self._where(lid, bits)
        if how == "alone":
            text = f"{code} fills {self._all_lines()} alone, {where}"
            runners = self._runners_up_alone(lid, fillers or set())
        else:
            text = f"{code} ships {self._lines_text(planned)}, {where}"
            if len(used) > 1:
                text += (
                    f"; no single location holds {self._all_lines()},"
                    f" so the order ships from {len(used)} locations"
                )
            text += note
            runners = self._runners_up_split(lid, bits, used)
        if runners:
            text += "; runners-up: " + ", ".join(runners)
        return text

    def _all_lines(self) -> str:
        count = len(self.stock_lines)
        if count == 1:
            return f"{self.stock_lines[0].quantity} x {self.stock_lines[0].sku}"
        # Drop-shipped lines are not the locations' business: say which lines are meant.
        kind = "stock lines" if count < len(self.request.lines) else "lines"
        return f"both {kind}" if count == 2 else f"all {count} {kind}"

    def _where(self, lid: int, bits: int) -> str:
        parts = [_km_text(self._distance(lid))]
        chosen_items = [item for item in self.items if item.bit & bits]
        prefer = _rule_names(
            r for item in chosen_items for r in item.prefer_rules if lid in r.location_ids
        )
        if prefer:
            parts.append(f"preferred by {prefer}")
        ship_from = _rule_names(r for item in chosen_items for r in item.ship_from_rules)
        if ship_from:
            parts.append(f"allowed by {ship_from}")
        return ", ".join(parts)

    def _lines_text(self, planned: list[PlannedLine]) -> str:
        ordered = {line.line_id: line.quantity for line in self.stock_lines}
        names = [
            p.sku
            if p.quantity == ordered[p.line_id]
            else f"{p.sku} ({p.quantity} of {ordered[p.line_id]})"
            for p in planned
        ]
        if len(names) > 4:
            return f"{len(names)} lines ({', '.join(names[:3])} +{len(names) - 3} more)"
        return ", ".join(names)

    def _runners_up_alone(self, chosen: int, fillers: set[int]) -> list[str]:
        others = self._best(fillers - {chosen}, _MAX_RUNNERS_UP)
        text = [self._runner(lid, chosen, 0) for lid in others]
        if len(text) < _MAX_RUNNERS_UP:
            # The ones holding the most come closest to being able to fill it alone.
            every = (1 << len(self.items)) - 1
            whole: dict[int, int] = {}
            for item in self.items:
                for lid in item.whole_holders - fillers:
                    whole[lid] = whole.get(lid, 0) | item.bit
            counts = {lid: bits.bit_count() for lid, bits in whole.items()}
            lacking: list[int] = []
            for count in sorted(set(counts.values()), reverse=True):
                group = [lid for lid, n in counts.items() if n == count]
                lacking += self._best(group, _MAX_RUNNERS_UP - len(text) - len(lacking))
                if len(text) + len(lacking) == _MAX_RUNNERS_UP:
                    break
            text += [self._runner(lid, chosen, every & ~whole[lid]) for lid in lacking]
        return text

    def _runners_up_split(self, chosen: int, bits: int, used: list[int]) -> list[str]:
        """Locations outside the plan that could take this share, or are nearer and lack some."""
        ahead = self.ranked.index(chosen) if chosen in self.ranked else len(self.ranked)
        fillers: list[int] = []
        nearer: list[int] = []
        for position, lid in enumerate(self.ranked):
            if lid in used or not self.held[lid] & bits:
                continue
            if self.whole.get(lid, 0) & bits == bits:
                fillers.append(lid)
                if len(fillers) == _MAX_RUNNERS_UP:
                    break
            elif len(nearer) < _MAX_RUNNERS_UP and position < ahead:
                nearer.append(lid)
        picked = sorted([*fillers, *nearer], key=self._rank)[:_MAX_RUNNERS_UP]
        return [self._runner(lid, chosen, bits & ~self.whole.get(lid, 0)) for lid in picked]

    def _runner(self, lid: int, chosen: int, lacking: int) -> str:
        parts = ["can fill" if not lacking else "lacks " + self._skus_text(lacking)]
        parts.append(_km_text(self._distance(lid), away=False))
        if self._cost(lid) >= self._cost(chosen) + _PREFERENCE_STEP / 2:
            parts.append("not preferred")
        elif self._distance(lid) == self._distance(chosen):
            parts.append(f"priority {self.eligible[lid].priority}")
        return f"{self.eligible[lid].code} ({', '.join(parts)})"

    def _skus_text(self, bits: int) -> str:
        skus = list(dict.fromkeys(item.sku for item in self.items if item.bit & bits))
        if len(skus) > 2:
            return f"{skus[0]}, {skus[1]} +{len(skus) - 2} more"
        return ", ".join(skus)


def _matches_order(rule: RuleSpec, request: SourcingRequest) -> bool:
    """The conditions on the order as a whole; a condition on an unknown field fails."""
    dest = request.destination
    if rule.channels and request.channel not in rule.channels:
        return False
    if rule.destination_countries and (
        dest.country is None
        or dest.country.strip().upper() not in {c.upper() for c in rule.destination_countries}
    ):
        return False
    if rule.destination_regions and (
        dest.region is None
        or dest.region.strip().upper() not in {r.upper() for r in rule.destination_regions}
    ):
        return False
    if rule.postal_code_prefixes:
        if dest.postal_code is None:
            return False
        postal = _postal(dest.postal_code)
        if not any(postal.startswith(_postal(p)) for p in rule.postal_code_prefixes):
            return False
    return True


def _matches_line(rule: RuleSpec, line: LineDemand) -> bool:
    if rule.skus and line.sku not in rule.skus:
        return False
    return not rule.tags or not rule.tags.isdisjoint(line.tags)


def _postal(code: str) -> str:
    # "SW1A 1AA" and "sw1a1aa" are the same postal code.
    return code.replace(" ", "").upper()


def _drop_ship_reason(pairs: list[tuple[LineDemand, RuleSpec]]) -> str:
    by_rule: dict[int, tuple[RuleSpec, list[str]]] = {}
    for line, rule in pairs:
        by_rule.setdefault(rule.id, (rule, []))[1].append(line.sku)
    return "; ".join(
        f"drop-ship rule '{rule.name}' (priority {rule.priority}) sends {', '.join(skus)}"
        f" to vendor {rule.vendor_code or f'#{rule.vendor_id}'}"
        for rule, skus in by_rule.values()
    )


def _rule_names(rules: Iterable[RuleSpec]) -> str:
    unique = {r.id: r for r in rules}
    return ", ".join(
        f"rule '{r.name}'" for r in sorted(unique.values(), key=lambda r: (r.priority, r.id))
    )


def _km_text(km: float | None, *, away: bool = True) -> str:
    if km is None:
        return "distance unknown"
    figure = f"{km:,.1f}" if km < 100 else f"{km:,.0f}"
    return f"{figure} km away" if away else f"{figure} km"
