"""Routing quality: the engine's plans against exact optima on seeded random instances.

    python -m bench.quality [--instances 500] [--seed 1] [--clock wall|cpu] [--json PATH]

Each instance is a network of 50 locations within half a degree of downtown Minneapolis,
each holding each of 30 SKUs with an instance-wide probability (sparse to moderate) and 1 to
4 units of it, and an order of 1 to 10 lines of distinct SKUs, 1 to 3 units each, to an
address in the same area. Most instances use the default settings (max_splits 3, split_lines
on); a fifth use max_splits 2 and a fifth split_lines off, where backorders are common.

`solve_exactly` finds the best plan by the engine's own objective, compared
lexicographically: most units filled, then fewest locations, then the least total
great-circle distance from the locations used to the destination. It searches every set of
at most max_splits locations holding a demanded SKU, so it suits these small networks only.
A line may be split across locations only where the engine may split it: split_lines on and
no eligible location holding its whole quantity, the rule the API promises clients.
tests/unit/test_routing_quality.py checks it against hand-computed optima and, where scipy is
installed, against an integer program solved with scipy.optimize.milp.

An engine plan is *optimal* when it fills as many units from as many locations as the
optimum and its distance is within 1e-6 (relative) of the optimum's. The excess in
locations is measured where the units tie, and the distance excess where units and locations
tie: the objective is lexicographic, so a later criterion only counts once the earlier ones
are equal; the instances short of units are counted on their own.
"""

import argparse
import gc
import json
import math
import operator
import random
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.routing import CLOCKS, percentile
from models.rules.geo import DistanceFrom
from models.rules.routing import (
    CandidateLocation,
    Destination,
    GeoPoint,
    LineDemand,
    RoutingPlan,
    RoutingRequest,
    SplitPolicy,
    plan_routing,
)

MINNEAPOLIS = GeoPoint(44.9778, -93.2650)
SPREAD_DEGREES = 0.5
LOCATION_COUNT = 50
SKUS = tuple(f"SKU-{n:02d}" for n in range(1, 31))
# The chance a location holds a given SKU, drawn per instance: sparse to moderate.
DENSITY = (0.05, 0.4)
UNITS_HELD = (1, 4)
LINES = (1, 10)
QUANTITY = (1, 3)
# (share of instances, settings): the default, then the two that force backorders more often.
SETTINGS_MIX: tuple[tuple[float, SplitPolicy], ...] = (
    (0.6, SplitPolicy(max_splits=3, split_lines=True)),
    (0.2, SplitPolicy(max_splits=2, split_lines=True)),
    (0.2, SplitPolicy(max_splits=3, split_lines=False)),
)
# Two distances this close (relative) are the same plan's, summed in another order.
DISTANCE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Instance:
    index: int
    request: RoutingRequest
    locations: tuple[CandidateLocation, ...]
    available: dict[tuple[int, str], int]  # the order's SKUs only, as the engine is fed
    settings: SplitPolicy

    @property
    def group(self) -> str:
        return f"max_splits={self.settings.max_splits} split_lines={self.settings.split_lines}"

    def plan(self) -> RoutingPlan:
        return plan_routing(self.request, self.locations, self.available, (), self.settings)


@dataclass(frozen=True)
class Score:
    """A plan's place in the objective: units filled, then locations, then distance."""

    units: int
    locations: tuple[int, ...]  # the ids of the locations shipping something
    km: float


def random_point(rng: random.Random) -> GeoPoint:
    return GeoPoint(
        MINNEAPOLIS.latitude + rng.uniform(-SPREAD_DEGREES, SPREAD_DEGREES),
        MINNEAPOLIS.longitude + rng.uniform(-SPREAD_DEGREES, SPREAD_DEGREES),
    )


def make_instance(seed: int, index: int) -> Instance:
    """Instance `index` of the sequence `seed`: the same whatever the number asked for."""
    rng = random.Random(f"quality:{seed}:{index}")
    locations = tuple(
        CandidateLocation(id=lid, code=f"LOC-{lid:02d}", priority=10, point=random_point(rng))
        for lid in range(1, LOCATION_COUNT + 1)
    )
    density = rng.uniform(*DENSITY)
    stock = {
        (loc.id, sku): rng.randint(*UNITS_HELD)
        for loc in locations
        for sku in SKUS
        if rng.random() < density
    }
    skus = rng.sample(SKUS, rng.randint(*LINES))
    lines = tuple(
        LineDemand(line_id, sku, rng.randint(*QUANTITY))
        for line_id, sku in enumerate(skus, start=1)
    )
    destination = Destination("US", "MN", "55401", random_point(rng))
    roll = rng.random()
    settings = SETTINGS_MIX[-1][1]
    for share, candidate in SETTINGS_MIX:
        if roll < share:
            settings = candidate
            break
        roll -= share
    wanted = set(skus)
    available = {key: units for key, units in stock.items() if key[1] in wanted}
    return Instance(
        index, RoutingRequest("web", destination, lines), locations, available, settings
    )


# ------------------------------------------------------------------ exact solver


def solve_exactly(
    request: RoutingRequest,
    locations: Sequence[CandidateLocation],
    available: dict[tuple[int, str], int],
    settings: SplitPolicy,
) -> Score:
    """The best plan by exhaustive search over every set of at most max_splits locations.

    Covers what the quality instances use: no rules, no pickup, lines of distinct SKUs (so
    lines never compete for stock) and known coordinates everywhere. With distinct SKUs a
    set of locations fills, per line, the sum of what its members hold when the line may be
    split and the most any one member holds when not, each capped at the line's quantity:
    the best any allocation can do, so a set's value needs no inner optimisation.
    """
    lines = [line for line in request.lines if line.quantity > 0]
    if len({line.sku for line in lines}) < len(lines):
        raise ValueError("solve_exactly needs lines of distinct SKUs")
    if request.pickup_location_id is not None or request.destination.point is None:
        raise ValueError("solve_exactly needs a shipping order with a destination point")
    eligible = [
        loc
        for loc in locations
        if loc.active
        and loc.ships_orders
        and loc.id not in request.excluded_location_ids
        and (loc.remaining_capacity is None or loc.remaining_capacity > 0)
    ]
    quantities = [line.quantity for line in lines]
    held = {
        loc.id: [
            min(q, max(available.get((loc.id, line.sku), 0), 0))
            for q, line in zip(quantities, lines, strict=True)
        ]
        for loc in eligible
    }
    splittable = [
        settings.split_lines and all(held[loc.id][i] < q for loc in eligible)
        for i, q in enumerate(quantities)
    ]
    split = [i for i, s in enumerate(splittable) if s]
    whole = [i for i, s in enumerate(splittable) if not s]
    candidates = [loc for loc in eligible if any(held[loc.id])]
    if not candidates:
        return Score(0, (), 0.0)
    if any(loc.point is None for loc in candidates):
        raise ValueError("solve_exactly needs every location's coordinates")
    # Every point is known: `or 0.0` only tells the type checker so.
    kms = [
        km or 0.0
        for km in DistanceFrom(request.destination.point).many(loc.point for loc in candidates)
    ]
    sums = [tuple(held[loc.id][i] for i in split) for loc in candidates]
    maxes = [tuple(held[loc.id][i] for i in whole) for loc in candidates]
    split_quantities = [quantities[i] for i in split]

    def units(total: tuple[int, ...], most: tuple[int, ...]) -> int:
        return sum(map(min, split_quantities, total)) + sum(most)

    # No set of locations fills more than all of them together.
    ceiling = units(
        tuple(map(sum, zip(*sums, strict=True))) if split else (),
        tuple(map(max, zip(*maxes, strict=True))) if whole else (),
    )
    # best[size]: (units, -km, members) of the best set of that size; more is better.
    best: dict[int, tuple[int, float, tuple[int, ...]]] = {}

    def visit(
        start: int,
        size: int,
        members: tuple[int, ...],
        total: tuple[int, ...],
        most: tuple[int, ...],
        km: float,
    ) -> None:
        # Depth first, carrying the members' per-line sums and maxima down the tree.
        for k in range(start, len(candidates)):
            t = tuple(map(operator.add, total, sums[k]))
            m = tuple(map(max, most, maxes[k]))
            d = km + kms[k]
            chosen = (*members, k)
            if len(chosen) == size:
                found = (units(t, m), -d, chosen)
                if size not in best or found[:2] > best[size][:2]:
                    best[size] = found
            else:
                visit(k + 1, size, chosen, t, m, d)

    zero_sums, zero_maxes = (0,) * len(split), (0,) * len(whole)
    # Smaller sets first: once one fills everything there is, no larger set can do better.
    for size in range(1, min(settings.max_splits, len(candidates)) + 1):
        visit(0, size, (), zero_sums, zero_maxes, 0.0)
        if best[size][0] == ceiling:
            break
    most_units = max(found[0] for found in best.values())
    size = min(size for size, found in best.items() if found[0] == most_units)
    filled, minus_km, members = best[size]
    return Score(filled, tuple(sorted(candidates[k].id for k in members)), -minus_km)


def score_plan(
    request: RoutingRequest, locations: Sequence[CandidateLocation], plan: RoutingPlan
) -> Score:
    """The engine plan's units, locations and distance, measured as the solver measures."""
    by_id = {loc.id: loc for loc in locations}
    used = sorted(a.location_id for a in plan.assignments if a.location_id is not None)
    filled = sum(p.quantity for a in plan.assignments if a.location_id is not None for p in a.lines)
    origin = DistanceFrom(request.destination.point) if request.destination.point else None
    kms = origin.many(by_id[lid].point for lid in used) if origin is not None else []
    return Score(filled, tuple(used), math.fsum(km or 0.0 for km in kms))


# ------------------------------------------------------------------ comparison


@dataclass(frozen=True)
class Comparison:
    index: int
    group: str
    optimum: Score
    engine: Score
    decision_ms: float
    backorders: bool  # whether even the optimum leaves units unfilled

    @property
    def same_units(self) -> bool:
        return self.engine.units == self.optimum.units

    @property
    def same_locations(self) -> bool:
        return self.same_units and len(self.engine.locations) == len(self.optimum.locations)

    @property
    def km_excess(self) -> float:
        """Relative: (engine - optimum) / optimum; 0 when both ship nothing."""
        if not self.optimum.km:
            return 0.0 if not self.engine.km else math.inf
        return (self.engine.km - self.optimum.km) / self.optimum.km

    @property
    def optimal(self) -> bool:
        return self.same_locations and self.km_excess <= DISTANCE_TOLERANCE


def compare(
    instances: Sequence[Instance], clock: str = "wall", warm_up: int = 20
) -> list[Comparison]:
    now: Callable[[], int] = CLOCKS[clock]
    for instance in instances[:warm_up]:
        instance.plan()
    gc.collect()
    results = []
    for instance in instances:
        start = now()
        plan = instance.plan()
        elapsed = (now() - start) / 1e6
        optimum = solve_exactly(
            instance.request, instance.locations, instance.available, instance.settings
        )
        wanted = sum(line.quantity for line in instance.request.lines)
        results.append(
            Comparison(
                index=instance.index,
                group=instance.group,
                optimum=optimum,
                engine=score_plan(instance.request, instance.locations, plan),
                decision_ms=elapsed,
                backorders=optimum.units < wanted,
            )
        )
    return results


def summarize(results: Sequence[Comparison]) -> dict[str, float | int | None]:
    """The figures QUALITY.md reports, for one group of instances."""
    if not results:
        return {"instances": 0}
    short = [r for r in results if not r.same_units]
    tied_units = [r for r in results if r.same_units]
    tied_locations = [r for r in results if r.same_locations]
    extra_locations = [len(r.engine.locations) - len(r.optimum.locations) for r in tied_units]
    km_excess = [max(r.km_excess, 0.0) * 100 for r in tied_locations]
    # Relative to the optimum's units; an instance the engine fills as well counts 0.
    shortfall = [
        (r.optimum.units - r.engine.units) / r.optimum.units * 100 if r.optimum.units else 0.0
        for r in results
    ]
    times = [r.decision_ms for r in results]

    def rounded(value: float | None, digits: int = 3) -> float | None:
        return None if value is None else round(value, digits)

    return {
        "instances": len(results),
        "optimal_pct": rounded(100 * sum(r.optimal for r in results) / len(results), 1),
        "fewer_units": len(short),
        "mean_units_short_pct": rounded(statistics.fmean(shortfall)),
        "worst_units_short_pct": rounded(max(shortfall, default=0.0), 2),
        "more_locations": sum(1 for e in extra_locations if e > 0),
        "mean_extra_locations": rounded(statistics.fmean(extra_locations) if tied_units else None),
        "worst_extra_locations": max(extra_locations, default=None),
        "longer_distance": sum(1 for e in km_excess if e > DISTANCE_TOLERANCE * 100),
        "mean_km_excess_pct": rounded(statistics.fmean(km_excess) if km_excess else None),
        "worst_km_excess_pct": rounded(max(km_excess, default=0.0), 2),
        "p50_ms": rounded(statistics.median(times), 4),
        "p99_ms": rounded(percentile(times, 0.99), 4),
    }


def report(results: Sequence[Comparison]) -> dict[str, dict[str, float | int | None]]:
    groups: dict[str, list[Comparison]] = {"all": list(results)}
    for r in results:
        groups.setdefault(r.group, []).append(r)
    groups["optimum backorders"] = [r for r in results if r.backorders]
    groups["optimum fills all"] = [r for r in results if not r.backorders]
    return {name: summarize(members) for name, members in groups.items()}


COLUMNS = (
    ("instances", "n", 5),
    ("optimal_pct", "opt %", 6),
    ("fewer_units", "short", 5),
    ("mean_units_short_pct", "u%", 6),
    ("worst_units_short_pct", "wst u%", 6),
    ("more_locations", "+loc", 5),
    ("mean_extra_locations", "mean+l", 6),
    ("worst_extra_locations", "wst+l", 5),
    ("mean_km_excess_pct", "km %", 6),
    ("worst_km_excess_pct", "wst km%", 7),
    ("p50_ms", "p50 ms", 7),
    ("p99_ms", "p99 ms", 7),
)


LEGEND = """\
opt %: plans optimal. short: plans filling fewer units; u% / wst u%: units short of the
optimum's, mean over all plans / worst, in %. +loc: plans filling as many units from more
locations; mean+l / wst+l: extra locations, mean / worst, where units tie. km % / wst km%:
distance over the optimum's, mean / worst, in %, where units and locations tie. p50 / p99:
decision time of the engine."""


def print_table(figures: dict[str, dict[str, float | int | None]]) -> None:
    width = max(map(len, figures))
    print(f"{'':<{width}} " + " ".join(f"{title:>{w}}" for _, title, w in COLUMNS))
    for name, row in figures.items():
        cells = []
        for key, _, w in COLUMNS:
            value = row.get(key)
            cells.append(f"{'-' if value is None else value:>{w}}")
        print(f"{name:<{width}} " + " ".join(cells))
    print(LEGEND)


def machine() -> dict[str, str | int]:
    """What QUALITY.md records next to the figures."""

    def run(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return ""

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in run("lscpu").splitlines()
            if line.startswith("Model name")
        ),
        "unknown",
    )
    return {
        "nproc": int(run("nproc").strip() or 0),
        "cpu": cpu,
        "commit": run("git", "rev-parse", "--short", "HEAD").strip() or "unknown",
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    instances = [make_instance(args.seed, i) for i in range(args.instances)]
    started = time.process_time()
    results = compare(instances, args.clock)
    figures = report(results)
    print_table(figures)
    print(f"({time.process_time() - started:.1f} s CPU, clock {args.clock})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "seed": args.seed,
            "instances": args.instances,
            "clock": args.clock,
            "machine": machine(),
            "groups": figures,
            "not_optimal": [asdict(r) for r in results if not r.optimal],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")


if __name__ == "__main__":
    main()
