"""The exact search kernels of the split search, over bitmasks and rank indexes.

Nothing here knows SKUs, rules or distances: the planner turns an order into a `Demand`
(items as bits held by locations, plus units still wanted of items nobody holds whole) or a
`Stock` (units each location could give each item), with locations numbered in rank order
(cheapest first), and these find:

- `greedy_cover`: most units with at most k locations, greedily; the first plan.
- `CoverSearch`: the cheapest set of at most k locations covering a demand exactly,
  branching on the item the fewest locations hold, pruned by the best cover so far.
- `UnitSearch`: when nothing covers within k locations, the set filling the most units,
  then the cheapest set filling as many.

Both searches stop after a fixed amount of work (`exhausted` says so) and keep the best
found, so a decision over 1,000 locations stays near a millisecond. They are one dense
algorithm, which is why this module runs past ~400 lines.
"""

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeAlias

# Work allowed to the exact search, in locations checked against a demand (~50 ns each);
# a branch costs about as much as _STEP_WORK checks.
SEARCH_BUDGET = 20_000
_STEP_WORK = 25
# Work allowed to the search for the most units, shared by its stages, in locations looked
# at (~0.1 us each); computing one's gain costs as much as _GAIN_WORK looks (~1 us for a
# 10-line order).
UNITS_BUDGET = 20_000
_GAIN_WORK = 10

# The cost of a cover and the rank-order indexes of its locations.
Cover: TypeAlias = tuple[float, tuple[int, ...]]


@dataclass
class Demand:
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


class CoverSearch:
    """Cheapest set of at most k locations meeting a demand, exactly, within a work budget.

    The demand is a mask of items some location must hold whole, plus units still wanted of
    the items no location holds whole (`residual`, one entry per such item). Every cover
    includes a holder of each item wanted, so the search branches on the item with the
    fewest holders, tries them cheapest first, and stops once a holder alone costs as much
    as the best cover found. Locations are indexes into the rank-ordered arrays.
    """

    def __init__(self, demand: Demand, budget: int = SEARCH_BUDGET) -> None:
        self.budget = budget
        self.masks = demand.masks
        self.units = demand.units
        self.costs = demand.costs
        self.mask_holders = demand.mask_holders
        self.unit_holders = [
            [k for k, u in enumerate(demand.units) if u[j]] for j in range(len(demand.residual))
        ]
        self.memo: dict[tuple[int, tuple[int, ...], int, frozenset[int]], Cover | None] = {}
        self.work = 0
        self.exhausted = False

    def cover(
        self,
        need: int,
        residual: tuple[int, ...],
        slots: int,
        taken: frozenset[int] = frozenset(),
        bound: float = math.inf,
    ) -> Cover | None:
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

    def _one(self, need: int, residual: tuple[int, ...], taken: frozenset[int]) -> Cover | None:
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
    ) -> Cover | None:
        best: Cover | None = None
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
            if self.work > self.budget:
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


def _gains(demand: Demand) -> list[int]:
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


def greedy_cover(demand: Demand, slots: int) -> list[int]:
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
class Stock:
    """What each location (indexes in rank order) could give each item, for UnitSearch.

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


class UnitSearch:
    """At most k locations filling the most units, then the cheapest set filling as many.

    Both searches are exact until they run out of budget, and keep the best set found.
    Units filled is a coverage function: what a location adds to a plan never grows as
    other locations join (it is submodular). So a plan's units are at most those of part of
    it plus what each other member adds to that part alone, which prunes both searches; and
    what a location adds to the empty plan bounds what it adds to any, which spares
    computing it for most locations below the top.
    """

    def __init__(self, stock: Stock, budget: int = UNITS_BUDGET) -> None:
        self.budget = budget
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
        self.found: Cover = (math.inf, ())

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

    def cheapest(self, slots: int, target: int, incumbent: tuple[int, ...]) -> Cover:
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
            if self.work > self.budget:
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
            if self.work > self.budget:
                self.exhausted = True
                return
            chosen = (*members, k)
            self._pick(self._add(state, k), value + gain, total, chosen, slots - 1, target, j + 1)
            if self.exhausted:
                return


def _most_first(gain: tuple[int, int]) -> tuple[int, int]:
    # Most gain first, the better-ranked of equals first: good plans early make bounds bite.
    return -gain[0], gain[1]
