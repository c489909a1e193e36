"""bench.quality: its exact solver against hand-computed optima, and a smoke run of the
comparison with the routing engine."""

import math
import statistics
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from bench.quality import (
    Instance,
    Score,
    compare,
    make_instance,
    report,
    solve_exactly,
)
from models.rules.geo import EARTH_RADIUS_KM, great_circle_km
from models.rules.routing import (
    CandidateLocation,
    Destination,
    GeoPoint,
    LineDemand,
    RoutingRequest,
    SplitPolicy,
)

CUSTOMER = GeoPoint(45.0, -93.0)
# Along a meridian the great-circle distance is the radius times the latitude difference.
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180


def north(lid: int, km: float, *, active: bool = True) -> CandidateLocation:
    """Location `lid`, `km` due north of the customer."""
    point = GeoPoint(CUSTOMER.latitude + km / KM_PER_DEGREE, CUSTOMER.longitude)
    return CandidateLocation(lid, f"L{lid}", priority=10, point=point, active=active)


def solve(
    lines: Mapping[str, int],
    stock: Mapping[int, Mapping[str, int]],
    locations: Sequence[CandidateLocation],
    max_splits: int = 3,
    split_lines: bool = True,
) -> Score:
    request = RoutingRequest(
        "web",
        Destination("US", "MN", "55401", CUSTOMER),
        tuple(LineDemand(n, sku, q) for n, (sku, q) in enumerate(lines.items(), start=1)),
    )
    available = {(lid, sku): units for lid, held in stock.items() for sku, units in held.items()}
    return solve_exactly(request, locations, available, SplitPolicy(max_splits, split_lines))


def expect(score: Score, units: int, locations: tuple[int, ...], km: float) -> None:
    assert (score.units, score.locations) == (units, locations)
    assert score.km == pytest.approx(km, rel=1e-9)


# ----------------------------------------------------------- hand-computed optima


def test_the_nearest_location_holding_everything() -> None:
    score = solve(
        {"A": 1, "B": 2}, {1: {"A": 1, "B": 2}, 2: {"A": 5, "B": 5}}, [north(1, 5), north(2, 3)]
    )

    expect(score, 3, (2,), 3)


def test_one_location_holding_everything_beats_two_nearer() -> None:
    locations = [north(1, 1), north(2, 2), north(3, 10)]

    score = solve({"A": 1, "B": 1}, {1: {"A": 1}, 2: {"B": 1}, 3: {"A": 1, "B": 1}}, locations)

    expect(score, 2, (3,), 10)


def test_a_line_no_location_holds_whole_is_split_over_the_nearest_pair() -> None:
    # 3 + 2 at 1 + 2 km beats 3 + 4 at 1 + 3 km: both fill the 5 units.
    locations = [north(1, 1), north(2, 2), north(3, 3)]

    score = solve({"A": 5}, {1: {"A": 3}, 2: {"A": 2}, 3: {"A": 4}}, locations)

    expect(score, 5, (1, 2), 3)


def test_a_line_some_location_holds_whole_is_not_split() -> None:
    locations = [north(1, 1), north(2, 2), north(3, 9)]

    score = solve({"A": 5}, {1: {"A": 3}, 2: {"A": 2}, 3: {"A": 5}}, locations)

    expect(score, 5, (3,), 9)


def test_split_lines_off_takes_the_most_one_location_holds() -> None:
    locations = [north(1, 1), north(2, 2)]

    score = solve({"A": 5}, {1: {"A": 3}, 2: {"A": 4}}, locations, split_lines=False)

    expect(score, 4, (2,), 2)


def test_max_splits_backorders_and_keeps_the_nearest() -> None:
    locations = [north(1, 1), north(2, 2), north(3, 3)]

    score = solve(
        {"A": 1, "B": 1, "C": 1}, {1: {"A": 1}, 2: {"B": 1}, 3: {"C": 1}}, locations, max_splits=2
    )

    expect(score, 2, (1, 2), 3)


def test_max_splits_counts_what_a_location_holds_short_of_a_line() -> None:
    # L3 holds all 3 A, so A is not split; L1's 2 A, D, E and L2's F, G fill 6 of 7,
    # L3 with L1 only 5.
    stock = {1: {"A": 2, "D": 1, "E": 1}, 2: {"F": 1, "G": 1}, 3: {"A": 3}}
    lines = {"A": 3, "D": 1, "E": 1, "F": 1, "G": 1}

    score = solve(lines, stock, [north(1, 1), north(2, 2), north(3, 3)], max_splits=2)

    expect(score, 6, (1, 2), 3)


def test_locations_that_may_not_ship_and_stock_nobody_holds_count_for_nothing() -> None:
    locations = [north(1, 1, active=False), north(2, 4)]

    expect(solve({"A": 2, "Z": 1}, {1: {"A": 2}, 2: {"A": 1}}, locations), 1, (2,), 4)
    assert solve({"Z": 1}, {1: {"A": 2}}, locations) == Score(0, (), 0.0)


def test_lines_of_one_sku_are_refused() -> None:
    with pytest.raises(ValueError, match="distinct SKUs"):
        solve_exactly(
            RoutingRequest(
                "web",
                Destination(point=CUSTOMER),
                (LineDemand(1, "A", 1), LineDemand(2, "A", 1)),
            ),
            [north(1, 1)],
            {(1, "A"): 2},
            SplitPolicy(),
        )


# ------------------------------------------------- an independent formulation


def milp_optimum(instance: Instance) -> tuple[int, int, float]:
    """Units, locations and km by scipy's MILP, an independent formulation solved in three
    stages (each fixing the previous optimum): x[l, i] units of line i from location l,
    y[l] whether l ships, z[l, i] whether l ships the unsplittable line i."""
    np = pytest.importorskip("numpy")
    optimize = pytest.importorskip("scipy.optimize")
    request, settings = instance.request, instance.settings
    lines = list(request.lines)
    assert request.destination.point is not None
    held = {
        (loc.id, i): min(line.quantity, instance.available.get((loc.id, line.sku), 0))
        for loc in instance.locations
        for i, line in enumerate(lines)
    }
    places = [
        loc for loc in instance.locations if any(held[(loc.id, i)] for i in range(len(lines)))
    ]
    if not places:
        return 0, 0, 0.0
    split = [
        settings.split_lines and all(held[(loc.id, i)] < line.quantity for loc in places)
        for i, line in enumerate(lines)
    ]
    column: dict[tuple[str, int, int], int] = {}
    for k, loc in enumerate(places):
        column["y", k, 0] = len(column)
        for i in range(len(lines)):
            if held[(loc.id, i)]:
                column["x", k, i] = len(column)
                if not split[i]:
                    column["z", k, i] = len(column)
    width = len(column)

    def row(terms: dict[int, float]) -> Any:
        vector = np.zeros(width)
        for c, value in terms.items():
            vector[c] = value
        return vector

    rows, lower, upper = [], [], []
    for i, line in enumerate(lines):
        rows.append(row({c: 1 for (v, _, j), c in column.items() if v == "x" and j == i}))
        lower.append(0.0)
        upper.append(float(line.quantity))
        if not split[i]:
            rows.append(row({c: 1 for (v, _, j), c in column.items() if v == "z" and j == i}))
            lower.append(0.0)
            upper.append(1.0)
    bounds = np.ones(width)
    for (v, k, i), c in column.items():
        if v == "x":
            units = held[(places[k].id, i)]
            bounds[c] = units
            # Units only from a location in use, and for an unsplittable line only from
            # the one location it goes to.
            switches = [column["y", k, 0]] + ([column["z", k, i]] if not split[i] else [])
            for switch in switches:
                rows.append(row({c: 1, switch: -units}))
                lower.append(-np.inf)
                upper.append(0.0)
    ys = [column["y", k, 0] for k in range(len(places))]
    rows.append(row(dict.fromkeys(ys, 1)))
    lower.append(0.0)
    upper.append(float(settings.max_splits))
    kms = [great_circle_km(request.destination.point, loc.point) for loc in places if loc.point]
    stages = [  # (what to minimise, and the sign that makes it the quantity reported)
        (-row({c: 1 for (v, _, _), c in column.items() if v == "x"}), -1.0),  # most units
        (row(dict.fromkeys(ys, 1)), 1.0),  # fewest locations
        (row(dict(zip(ys, kms, strict=True))), 1.0),  # least distance
    ]
    found: list[float] = []
    for objective, sign in stages:
        fixed = [earlier * s for earlier, s in stages[: len(found)]]
        result = optimize.milp(
            objective,
            constraints=optimize.LinearConstraint(
                np.array(rows + fixed), lower + found, upper + found
            ),
            integrality=np.ones(width),
            bounds=optimize.Bounds(np.zeros(width), bounds),
            options={"mip_rel_gap": 0},
        )
        assert result.success, result.message
        value = sign * result.fun
        # Units and locations are whole numbers: pin them exactly for the next stage.
        found.append(float(round(value)) if len(found) < 2 else value)
    return int(found[0]), int(found[1]), found[2]


def test_the_solver_agrees_with_an_integer_program() -> None:
    for index in range(12):
        instance = make_instance(1, index)
        score = solve_exactly(
            instance.request, instance.locations, instance.available, instance.settings
        )

        units, used, km = milp_optimum(instance)

        assert (score.units, len(score.locations)) == (units, used), index
        assert score.km == pytest.approx(km, rel=1e-6, abs=1e-9), index


# ------------------------------------------------------------------- smoke run


def test_smoke_run_of_the_comparison() -> None:
    results = compare([make_instance(1, index) for index in range(20)], warm_up=0)

    # The solver is exact: the engine never fills more, nor as much from fewer locations.
    for r in results:
        assert r.engine.units <= r.optimum.units
        if r.same_units:
            assert len(r.engine.locations) >= len(r.optimum.locations)
    # A single location holding everything is the engine's fast path: always optimal.
    alone = [r for r in results if not r.backorders and len(r.optimum.locations) == 1]
    assert alone
    assert all(r.optimal for r in alone)
    # The goal of issue 7: within 2 % of the optimal distance on average.
    comparable = [max(r.km_excess, 0.0) for r in results if r.same_locations]
    assert statistics.fmean(comparable) < 0.02
    assert report(results)["all"]["instances"] == 20
