"""The routing search kernels on their own: bitmasks and rank indexes in, location sets out.

Locations are indexes in rank order, so every example lists costs cheapest first, as the
planner does. Small random instances are checked against brute force over every set.
"""

import itertools
import math
import random

import pytest

from models.rules.routing.search import (
    CoverSearch,
    Demand,
    Stock,
    UnitSearch,
    greedy_cover,
)

A, B, C = 1, 2, 4


def whole_demand(masks: list[int], costs: list[float]) -> Demand:
    """A demand for every item some location holds whole, nothing split."""
    need = 0
    holders: dict[int, list[int]] = {}
    for k, mask in enumerate(masks):
        need |= mask
        for bit in (A, B, C):
            if mask & bit:
                holders.setdefault(bit, []).append(k)
    return Demand(
        masks=masks,
        costs=costs,
        units=[() for _ in masks],
        mask_holders=holders,
        quantities=dict.fromkeys(holders, 1),
        need=need,
    )


def test_the_single_location_holding_everything_is_the_cover_of_one() -> None:
    # L0 and L1 together are cheaper, but only L2 covers alone.
    demand = whole_demand([A | B, C, A | B | C], [1.0, 2.0, 10.0])
    search = CoverSearch(demand)
    assert search.cover(demand.need, (), 1) == (10.0, (2,))
    assert not search.exhausted


def test_the_cheapest_cover_within_the_slots_wins() -> None:
    demand = whole_demand([A | B, C, A | B | C], [1.0, 2.0, 10.0])
    assert CoverSearch(demand).cover(demand.need, (), 2) == (3.0, (0, 1))


def test_no_cover_in_too_few_slots() -> None:
    demand = whole_demand([A, B, C], [1.0, 2.0, 3.0])
    search = CoverSearch(demand)
    assert search.cover(demand.need, (), 2) is None
    assert search.cover(demand.need, (), 3) == (6.0, (0, 1, 2))


def test_a_bound_keeps_only_cheaper_covers() -> None:
    demand = whole_demand([A | B, C, A | B | C], [1.0, 2.0, 10.0])
    search = CoverSearch(demand)
    assert search.cover(demand.need, (), 2, bound=3.0) is None
    assert search.cover(demand.need, (), 2, bound=3.5) == (3.0, (0, 1))


def test_units_nobody_holds_whole_add_up_over_locations() -> None:
    # 5 wanted; L0 has 3, L1 2, L2 4: L0 + L1 is the cheapest pair, no one location will do.
    demand = Demand(masks=[0, 0, 0], costs=[1.0, 2.0, 3.0], units=[(3,), (2,), (4,)])
    demand.residual = (5,)
    search = CoverSearch(demand)
    assert search.cover(0, (5,), 1) is None
    assert search.cover(0, (5,), 2) == (3.0, (0, 1))
    assert demand.covered_by([0, 1])
    assert not demand.covered_by([2])


def test_a_search_out_of_budget_says_so_and_finds_nothing_it_did_not_reach() -> None:
    demand = whole_demand([A, B, C, A | B | C], [1.0, 2.0, 3.0, 10.0])
    search = CoverSearch(demand, budget=0)
    assert search.cover(demand.need, (), 3) is None
    assert search.exhausted


def test_a_search_out_of_budget_keeps_a_real_cover() -> None:
    rng = random.Random(7)
    for _ in range(50):
        demand = random_demand(rng, locations=40, items=6)
        search = CoverSearch(demand, budget=200)
        found = search.cover(demand.need, demand.residual, 3)
        if found is not None:
            assert demand.covered_by(found[1])
            assert found[0] == pytest.approx(sum(demand.costs[k] for k in found[1]))


def test_the_greedy_cover_takes_the_most_units_first() -> None:
    # L2 holds the two items wanted most; then L0 for the last one.
    demand = whole_demand([C, A, A | B, B], [1.0, 2.0, 3.0, 4.0])
    demand.quantities = {A: 5, B: 5, C: 1}
    assert greedy_cover(demand, 3) == [2, 0]
    assert greedy_cover(demand, 1) == [2]


def test_the_greedy_cover_breaks_ties_by_rank() -> None:
    demand = whole_demand([A | B, A | B], [1.0, 2.0])
    assert greedy_cover(demand, 3) == [0]


def random_demand(rng: random.Random, locations: int, items: int) -> Demand:
    bits = [1 << j for j in range(items)]
    masks = [sum(bit for bit in bits if rng.random() < 0.3) for _ in range(locations)]
    costs = sorted(rng.uniform(1, 100) for _ in range(locations))
    holders = {bit: [k for k, m in enumerate(masks) if m & bit] for bit in bits}
    holders = {bit: ks for bit, ks in holders.items() if ks}
    units = [(rng.choice((0, 0, 1, 2, 3)),) for _ in range(locations)]
    return Demand(
        masks=masks,
        costs=costs,
        units=units,
        mask_holders=holders,
        quantities=dict.fromkeys(holders, 1),
        need=sum(holders),
        residual=(min(4, sum(u[0] for u in units)),),
    )


@pytest.mark.parametrize("seed", range(40))
def test_the_cover_search_is_exact_within_its_budget(seed: int) -> None:
    rng = random.Random(seed)
    demand = random_demand(rng, locations=8, items=4)
    for slots in (1, 2, 3):
        search = CoverSearch(demand)
        found = search.cover(demand.need, demand.residual, slots)
        assert not search.exhausted
        best = min(
            (
                sum(demand.costs[k] for k in plan)
                for size in range(1, slots + 1)
                for plan in itertools.combinations(range(len(demand.masks)), size)
                if demand.covered_by(plan)
            ),
            default=None,
        )
        if best is None:
            assert found is None
        else:
            assert found is not None
            assert demand.covered_by(found[1])
            assert found[0] == pytest.approx(best)


# ------------------------------------------------------------------------------ UnitSearch


def units_of(stock: Stock, members: tuple[int, ...]) -> int:
    """Units a set fills, from the definition: shared items add up to what is wanted, any
    other item comes from the one member holding the most."""
    width = len(stock.single[0]) if stock.single else 0
    shared = sum(
        min(wanted, sum(stock.shared[k][j] for k in members))
        for j, wanted in enumerate(stock.wanted)
    )
    single = sum(max((stock.single[k][j] for k in members), default=0) for j in range(width))
    return shared + single


def random_stock(rng: random.Random, locations: int) -> Stock:
    wanted = (5, 3)
    single_quantities = (4, 2)
    return Stock(
        costs=sorted(rng.uniform(1, 100) for _ in range(locations)),
        shared=[tuple(rng.randint(0, w) for w in wanted) for _ in range(locations)],
        single=[
            tuple(rng.choice((0, q, rng.randint(0, q))) for q in single_quantities)
            for _ in range(locations)
        ],
        wanted=wanted,
    )


def test_units_count_shared_items_added_and_single_items_at_most() -> None:
    stock = Stock(
        costs=[1.0, 2.0, 3.0],
        shared=[(2,), (2,), (3,)],
        single=[(1,), (4,), (0,)],
        wanted=(4,),
    )
    search = UnitSearch(stock)
    assert search.value((0, 1)) == 4 + 4
    assert search.value((0, 2)) == 4 + 1  # 5 shared units, capped at the 4 wanted
    assert search.value(()) == 0


def test_the_most_units_then_the_cheapest_set_filling_as_many() -> None:
    stock = Stock(
        costs=[1.0, 2.0, 3.0, 4.0],
        shared=[(2,), (0,), (3,), (5,)],
        single=[(0,), (4,), (0,), (0,)],
        wanted=(5,),
    )
    search = UnitSearch(stock)
    assert search.most(1, 0) == (5, (3,))
    most = search.most(2, 0)
    assert most is not None and most[0] == 9
    # L1 + L3 fill 9 at cost 6; nothing cheaper fills as many in two.
    cost, members = search.cheapest(2, 9, most[1])
    assert (cost, sorted(members)) == (6.0, [1, 3])
    # Asked for fewer units, it finds the cheaper pair: L0 + L1 fill 2 + 4.
    cost, members = search.cheapest(2, 6, most[1])
    assert (cost, sorted(members)) == (3.0, [0, 1])
    # Nothing fills more than 9 in two locations.
    assert search.most(2, 9) is None


def test_the_cheapest_set_keeps_the_incumbent_when_nothing_is_cheaper() -> None:
    stock = Stock(costs=[1.0, 2.0], shared=[(1,), (2,)], single=[(), ()], wanted=(2,))
    search = UnitSearch(stock)
    assert search.cheapest(1, 2, (1,)) == (2.0, (1,))


def test_a_unit_search_out_of_budget_says_so() -> None:
    rng = random.Random(3)
    stock = random_stock(rng, 60)
    search = UnitSearch(stock, budget=0)
    found = search.most(3, 0)
    assert search.exhausted
    # What it found before stopping is real.
    if found is not None:
        assert units_of(stock, found[1]) == found[0]


@pytest.mark.parametrize("seed", range(40))
def test_the_unit_search_is_exact_within_its_budget(seed: int) -> None:
    rng = random.Random(seed)
    stock = random_stock(rng, 8)
    every = range(len(stock.costs))
    for slots in (1, 2, 3):
        sets = [s for size in range(1, slots + 1) for s in itertools.combinations(every, size)]
        most = max(units_of(stock, s) for s in sets)
        search = UnitSearch(stock)
        found = search.most(slots, 0)
        if most == 0:
            assert found is None
            continue
        assert found is not None
        assert found[0] == most == units_of(stock, found[1])
        cheapest = min(sum(stock.costs[k] for k in s) for s in sets if units_of(stock, s) == most)
        cost, members = search.cheapest(slots, most, found[1])
        assert not search.exhausted
        assert units_of(stock, members) >= most
        assert cost == pytest.approx(cheapest)
        assert math.isfinite(cost)
