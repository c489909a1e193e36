"""The routing planner: which location or vendor ships each line of an order.

The package docstring says how plans are compared. A decision runs in stages, each handing
the next a value:

1. `_drop_ship`: the rules matching the order take their lines to vendors; the rest are
   the stock lines.
2. `_Index.build`: the stock lines grouped into items with the rules that apply to them,
   the eligible locations and the preference weights, built once and frozen.
3. `_StockPlanner.plan`: the pickup location (`_Pickup`), one location holding everything
   (`_Alone`), or a split chosen by the search kernels of `search` (`_Split`, with the
   ranking the reasons read); then each location's assignment and its reason (`reasons`).

It is one algorithm over one order's view of the network, which is why the module runs
past ~400 lines.
"""

import heapq
import operator
from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TypeAlias

from ..geo import DistanceFrom
from .matching import matches_line, matches_order
from .reasons import (
    all_lines_text,
    drop_ship_reason,
    lines_text,
    runner_text,
    runners_up_text,
    where_text,
)
from .search import CoverSearch, Demand, Stock, UnitSearch, greedy_cover
from .types import (
    Assignment,
    CandidateLocation,
    LineDemand,
    PlannedLine,
    RoutingAction,
    RoutingPlan,
    RoutingRequest,
    RuleSpec,
    SplitPolicy,
)


def plan_routing(
    request: RoutingRequest,
    locations: Sequence[CandidateLocation],
    available: Mapping[tuple[int, str], int],
    rules: Sequence[RuleSpec],
    settings: SplitPolicy,
) -> RoutingPlan:
    """Decide where every line ships from, without reserving anything.

    `available` maps (location id, SKU) to sellable units; a missing key means none. Passing
    only the order's SKUs (what an `IN (...)` query returns) is the fast path; a full
    snapshot works too and is read with point lookups instead.
    """
    ordered = sorted(rules, key=lambda r: (r.priority, r.id))
    matching = [r for r in ordered if matches_order(r, request)]
    assignments, stock_lines = _drop_ship(request, matching)
    backordered: dict[int, int] = {}
    if stock_lines:
        index = _Index.build(request, locations, available, matching, settings, stock_lines)
        fills, from_stock = _StockPlanner(index).plan()
        assignments.extend(from_stock)
        for line, line_fills in zip(stock_lines, fills, strict=True):
            missing = line.quantity - sum(q for _, q in line_fills)
            if missing > 0:
                backordered[line.line_id] = backordered.get(line.line_id, 0) + missing
    return RoutingPlan(assignments=tuple(assignments), backordered=backordered)


def _drop_ship(
    request: RoutingRequest, rules: Sequence[RuleSpec]
) -> tuple[list[Assignment], list[LineDemand]]:
    """The first stage: drop-ship rules take their lines; the rest are the stock lines."""
    drop_rules = [
        r
        for r in rules
        if r.action is RoutingAction.DROP_SHIP
        and r.vendor_id is not None
        and r.vendor_id not in request.excluded_vendor_ids
    ]
    stock_lines: list[LineDemand] = []
    by_vendor: dict[int, list[tuple[LineDemand, RuleSpec]]] = {}
    for line in request.lines:
        if line.quantity <= 0:
            continue
        rule = next((r for r in drop_rules if matches_line(r, line)), None)
        if rule is None:
            stock_lines.append(line)
        else:
            by_vendor.setdefault(rule.vendor_id or 0, []).append((line, rule))
    assignments = [
        Assignment(
            lines=tuple(PlannedLine(ln.line_id, ln.sku, ln.quantity) for ln, _ in pairs),
            reason=drop_ship_reason(pairs),
            vendor_id=vendor_id,
        )
        for vendor_id, pairs in by_vendor.items()
    ]
    return assignments, stock_lines


# Cost units that make a sum of location costs compare lexicographically: preference first,
# then known distance, with an unknown distance beyond any Earth distance.
_UNKNOWN_KM = 1e6
_PREFERENCE_STEP = 1e9
_MAX_RUNNERS_UP = 3


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


def _group_items(
    stock_lines: Sequence[LineDemand], rules: Sequence[RuleSpec]
) -> tuple[tuple[_Item, ...], tuple[_Item, ...]]:
    """The items, and the item of each stock line."""
    by_key: dict[tuple[str, frozenset[str]], _Item] = {}
    line_items: list[_Item] = []
    for line in stock_lines:
        key = (line.sku, line.tags)
        item = by_key.get(key)
        if item is None:
            matching = [r for r in rules if matches_line(r, line)]
            item = by_key[key] = _Item(line.sku, 1 << len(by_key), matching)
        item.quantity += line.quantity
        line_items.append(item)
    return tuple(by_key.values()), tuple(line_items)


def _eligible(
    request: RoutingRequest, locations: Sequence[CandidateLocation]
) -> dict[int, CandidateLocation]:
    """The hard filters on locations: active, shipping (or this order's pickup location),
    not rejected before, with capacity left today."""
    pickup = request.pickup_location_id
    excluded = request.excluded_location_ids
    return {
        loc.id: loc
        for loc in locations
        if loc.active
        and ((pickup is None and loc.ships_orders) or loc.id == pickup)
        and loc.id not in excluded
        and (loc.remaining_capacity is None or loc.remaining_capacity > 0)
    }


@dataclass(frozen=True)
class _Index:
    """One order's view of the network, built once before the stock stages read it."""

    request: RoutingRequest
    settings: SplitPolicy
    available: Mapping[tuple[int, str], int]
    stock_lines: tuple[LineDemand, ...]
    items: tuple[_Item, ...]
    line_items: tuple[_Item, ...]  # the item of each stock line
    eligible: Mapping[int, CandidateLocation]
    preferred: Mapping[int, int]  # location id -> bits of the items preferring it
    top_preference: int  # the most items any one location is preferred for
    origin: DistanceFrom | None

    @classmethod
    def build(
        cls,
        request: RoutingRequest,
        locations: Sequence[CandidateLocation],
        available: Mapping[tuple[int, str], int],
        rules: Sequence[RuleSpec],
        settings: SplitPolicy,
        stock_lines: Sequence[LineDemand],
    ) -> "_Index":
        items, line_items = _group_items(stock_lines, rules)
        preferred: dict[int, int] = {}
        for item in items:
            for lid in item.preferred:
                preferred[lid] = preferred.get(lid, 0) | item.bit
        point = request.destination.point
        return cls(
            request=request,
            settings=settings,
            available=available,
            stock_lines=tuple(stock_lines),
            items=items,
            line_items=line_items,
            eligible=_eligible(request, locations),
            preferred=preferred,
            top_preference=max((b.bit_count() for b in preferred.values()), default=0),
            origin=DistanceFrom(point) if point is not None else None,
        )


# How the stock locations were chosen, which decides how the reasons read.
@dataclass(frozen=True)
class _Pickup:
    """The order's pickup location, or nothing."""


@dataclass(frozen=True)
class _Alone:
    fillers: AbstractSet[int]  # every location that could fill the order alone


@dataclass(frozen=True)
class _Split:
    ranked: tuple[int, ...]  # the locations the search ranked, best first
    whole: Mapping[int, int]  # location id -> bits of the items it holds whole


_How: TypeAlias = _Pickup | _Alone | _Split


class _StockPlanner:
    """The stock stages of one decision, over a frozen `_Index`.

    `plan` tries, in order: the pickup location; one location holding everything (found by
    set intersection, measuring distances to those only); a split chosen by the search
    kernels. Each stage hands the next what it found (the locations chosen, how they were
    chosen) as values.

    Two things are learned lazily and remembered, because looking them up for every
    location would cost more than the decision on a large network: each location's cost
    (`costs`, `distances`: only locations that could be chosen are measured) and which
    locations hold any of an item (`_Item.any_holders`, `held`: looked up for an item only
    once the split search needs it). Preference weights read `held`, so the split search
    measures costs again when it has learned more.
    """

    def __init__(self, index: _Index) -> None:
        self.index = index
        # Shorthands for what every stage reads.
        self.settings = index.settings
        self.available = index.available
        self.stock_lines = index.stock_lines
        self.items = index.items
        self.line_items = index.line_items
        self.eligible = index.eligible
        self.costs: dict[int, float] = {}
        self.distances: dict[int, float | None] = {}
        # Location id -> bits of the items it holds any of: empty until the split search.
        self.held: dict[int, int] = {}

    def plan(self) -> tuple[list[list[tuple[int, int]]], list[Assignment]]:
        """Per stock line, the (location, units) it takes; and the assignments saying why."""
        pickup = self.index.request.pickup_location_id
        if pickup is not None:
            members = [pickup] if pickup in self.eligible else []
            fills = self._allocate(members)
            return fills, self._assignments(fills, members, _Pickup())
        self._find_whole_holders()
        # Most orders at scale end here: set intersection finds who holds everything, and
        # only those locations need a distance.
        fillers = set.intersection(*(item.whole_holders for item in self.items))
        if fillers:
            best = self._best(fillers, 1)[0]
            fills = self._allocate([best])
            if not self._short(fills):
                return fills, self._assignments(fills, [best], _Alone(fillers))
        members, split = self._choose_split()
        fills = self._allocate(members)
        return fills, self._assignments(fills, members, split)

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

    def _index_stock(self) -> dict[int, int]:
        """Per location, the bits of the items it holds whole, for the split search; they seed
        `held`. Stock short of whole is looked up only for the items nobody holds whole:
        those are the ones to split or backorder."""
        whole: dict[int, int] = {}
        for item in self.items:
            for lid in item.whole_holders:
                whole[lid] = whole.get(lid, 0) | item.bit
        self.held.update(whole)
        self._find_any_holders([item for item in self.items if not item.whole_holders])
        return whole

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
        origin, top = self.index.origin, self.index.top_preference
        kms = origin.many(points) if origin is not None else [None] * len(todo)
        for lid, km in zip(todo, kms, strict=True):
            self.distances[lid] = km
            cost = _UNKNOWN_KM if km is None else km
            if top:
                weight = (self.index.preferred.get(lid, 0) & self._offered(lid)).bit_count()
                cost += _PREFERENCE_STEP * (top - weight)
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

    def _choose_split(self) -> tuple[list[int], _Split]:
        """The locations of a split, and what the reasons need to know of the search."""
        whole = self._index_stock()
        if self.index.top_preference:
            self.costs.clear()  # preference weights now know what each location holds
        ranked = self._in_rank_order(self.held)
        demand = self._demand(ranked)
        greedy = greedy_cover(demand, self.settings.max_splits)
        chosen = self._cover_exactly(demand, greedy)
        if chosen is None:
            members, ranked = self._most_units([ranked[k] for k in greedy])
        else:
            members = [ranked[k] for k in chosen]
        return self._top_up(members), _Split(tuple(ranked), whole)

    def _demand(self, ranked: Sequence[int]) -> Demand:
        """The split search's view: items as bits and units, locations as rank indexes."""
        position = {lid: k for k, lid in enumerate(ranked)}
        demand = Demand(masks=[0] * len(ranked), costs=[self.costs[lid] for lid in ranked])
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
        demand.units = [tuple(self._units(lid, item) for item in by_units) for lid in ranked]
        demand.residual = tuple(
            min(item.quantity, sum(u[j] for u in demand.units)) for j, item in enumerate(by_units)
        )
        return demand

    def _cover_exactly(self, demand: Demand, greedy: list[int]) -> list[int] | None:
        """Fewer locations than the greedy cover if possible, else a cheaper cover as large.

        When the greedy leaves something out, a cover within max_splits may still exist (its
        first pick can be a poor bet): then the fewest locations covering, the cheapest of
        those, or None when the search finds no cover.
        """
        search = CoverSearch(demand)
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

    def _most_units(self, seed: list[int]) -> tuple[list[int], list[int]]:
        """Not everything fits in max_splits: the locations filling the most units, then the
        fewest of them, then the cheapest, searched from the seed plan's units up; and the
        locations ranked for that search.
        """
        # A location short of an item's quantity still ships what it has of it when it is in
        # the plan for other lines: that stock counts towards units here.
        self._find_any_holders(self.items)
        if self.index.top_preference:
            self.costs.clear()  # preference weights now know every location holding something
        ranked = self._in_rank_order(self.held)
        position = {lid: k for k, lid in enumerate(ranked)}
        search = UnitSearch(self._stock(ranked, position))
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
        chosen = self._in_rank_order([ranked[k] for k in known])
        # The search counts an item's units as one figure; allocation is per line, so the
        # seed is kept if it really fills more (lines of one SKU can differ).
        if self._better(seed, chosen):
            return self._in_rank_order(seed), ranked
        return chosen, ranked

    def _stock(self, ranked: Sequence[int], position: Mapping[int, int]) -> Stock:
        """Every candidate's units of every item, capped, split as UnitSearch reads them."""
        split = self.settings.split_lines
        shared = [item for item in self.items if split and not item.whole_holders]
        single = [item for item in self.items if not split or item.whole_holders]

        def capped(items: list[_Item]) -> list[tuple[int, ...]]:
            # Walk the holders, not every location: on a large network most hold few items.
            rows = [[0] * len(items) for _ in ranked]
            for j, item in enumerate(items):
                for lid in item.any_holders or ():
                    rows[position[lid]][j] = min(item.quantity, self.available[(lid, item.sku)])
            return [tuple(row) for row in rows]

        return Stock(
            costs=[self.costs[lid] for lid in ranked],
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
                reason=self._reason(lid, per_location[lid], items[lid], used, how, note),
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
        if isinstance(how, _Pickup):
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
    ) -> str:
        code = self.eligible[lid].code
        if isinstance(how, _Pickup):
            what = self._lines_text(planned)
            return f"{code} is this order's pickup location and holds {what}{note}"
        where = self._where(lid, bits)
        if isinstance(how, _Alone):
            text = f"{code} fills {self._all_lines()} alone, {where}"
            runners = self._runners_up_alone(lid, how.fillers)
        else:
            text = f"{code} ships {self._lines_text(planned)}, {where}"
            if len(used) > 1:
                text += (
                    f"; no single location holds {self._all_lines()},"
                    f" so the order ships from {len(used)} locations"
                )
            text += note
            runners = self._runners_up_split(lid, bits, used, how)
        return text + runners_up_text(runners)

    def _all_lines(self) -> str:
        return all_lines_text(self.stock_lines, len(self.index.request.lines))

    def _where(self, lid: int, bits: int) -> str:
        chosen_items = [item for item in self.items if item.bit & bits]
        return where_text(
            self._distance(lid),
            (r for item in chosen_items for r in item.prefer_rules if lid in r.location_ids),
            (r for item in chosen_items for r in item.ship_from_rules),
        )

    def _lines_text(self, planned: list[PlannedLine]) -> str:
        return lines_text(planned, self.stock_lines)

    def _runners_up_alone(self, chosen: int, fillers: AbstractSet[int]) -> list[str]:
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

    def _runners_up_split(
        self, chosen: int, bits: int, used: list[int], split: _Split
    ) -> list[str]:
        """Locations outside the plan that could take this share, or are nearer and lack some."""
        ranked, whole = split.ranked, split.whole
        ahead = ranked.index(chosen) if chosen in ranked else len(ranked)
        fillers: list[int] = []
        nearer: list[int] = []
        for position, lid in enumerate(ranked):
            if lid in used or not self.held[lid] & bits:
                continue
            if whole.get(lid, 0) & bits == bits:
                fillers.append(lid)
                if len(fillers) == _MAX_RUNNERS_UP:
                    break
            elif len(nearer) < _MAX_RUNNERS_UP and position < ahead:
                nearer.append(lid)
        picked = sorted([*fillers, *nearer], key=self._rank)[:_MAX_RUNNERS_UP]
        return [self._runner(lid, chosen, bits & ~whole.get(lid, 0)) for lid in picked]

    def _runner(self, lid: int, chosen: int, lacking: int) -> str:
        skus = list(dict.fromkeys(item.sku for item in self.items if item.bit & lacking))
        km = self._distance(lid)
        note = None
        if self._cost(lid) >= self._cost(chosen) + _PREFERENCE_STEP / 2:
            note = "not preferred"
        elif km == self._distance(chosen):
            note = f"priority {self.eligible[lid].priority}"
        return runner_text(self.eligible[lid].code, skus, km, note)
