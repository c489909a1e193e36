"""Decision time of the routing engine on seeded random networks.

    python -m bench.routing [--decisions 600] [--seed 7] [--clock wall|cpu] [--json PATH]

Each case routes orders of 1 or 10 lines over 10, 100 or 1,000 locations spread around US
metro areas: stores stocking part of a 500-SKU catalog in small quantities, warehouses
stocking most of it in bulk, a few inactive, non-shipping or full locations, and a handful
of drop-ship, PREFER and EXCLUDE rules. The stock snapshot holds the order's SKUs only, as
the inventory query feeding the engine returns it; building it is not timed.

`--clock cpu` times with the thread's CPU clock, which leaves out time the thread spent
preempted: on a shared machine, the p99 of the wall clock mostly measures the neighbours.
"""

import argparse
import gc
import json
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from models.rules.routing import (
    CandidateLocation,
    Destination,
    GeoPoint,
    LineDemand,
    RoutingAction,
    RoutingPlan,
    RoutingRequest,
    RuleSpec,
    SplitPolicy,
    plan_routing,
)

METROS: tuple[tuple[str, float, float], ...] = (
    ("MN", 44.9778, -93.2650),
    ("IL", 41.8781, -87.6298),
    ("NY", 40.7128, -74.0060),
    ("CA", 34.0522, -118.2437),
    ("CA", 37.7749, -122.4194),
    ("TX", 32.7767, -96.7970),
    ("TX", 29.7604, -95.3698),
    ("GA", 33.7490, -84.3880),
    ("WA", 47.6062, -122.3321),
    ("CO", 39.7392, -104.9903),
    ("FL", 25.7617, -80.1918),
    ("MA", 42.3601, -71.0589),
    ("AZ", 33.4484, -112.0740),
    ("MI", 42.3314, -83.0458),
    ("PA", 39.9526, -75.1652),
)
CATALOG = 500
LINE_COUNTS = (1, 10)
LOCATION_COUNTS = (10, 100, 1_000)


@dataclass
class Network:
    locations: list[CandidateLocation]
    density: dict[int, float]  # chance a location stocks a given SKU
    bulk: set[int]  # warehouses
    seed: int
    stock: dict[str, dict[int, int]]  # SKU -> location id -> units, drawn on first use

    def units(self, sku: str) -> dict[int, int]:
        found = self.stock.get(sku)
        if found is None:
            rng = random.Random(f"{self.seed}:{sku}")
            found = {}
            for loc in self.locations:
                if rng.random() < self.density[loc.id]:
                    found[loc.id] = rng.randint(1, 200 if loc.id in self.bulk else 12)
            self.stock[sku] = found
        return found


def build_network(rng: random.Random, size: int) -> Network:
    locations: list[CandidateLocation] = []
    density: dict[int, float] = {}
    bulk: set[int] = set()
    for lid in range(1, size + 1):
        _, lat, lon = rng.choice(METROS)
        warehouse = rng.random() < 0.1
        roll = rng.random()
        locations.append(
            CandidateLocation(
                id=lid,
                code=f"{'WH' if warehouse else 'ST'}-{lid:04d}",
                priority=50 if warehouse else 10,
                point=GeoPoint(lat + rng.gauss(0, 0.4), lon + rng.gauss(0, 0.5)),
                active=roll >= 0.02,
                ships_orders=not 0.02 <= roll < 0.07,
                remaining_capacity=0 if 0.07 <= roll < 0.09 else rng.choice((None, 5, 40)),
            )
        )
        density[lid] = 0.9 if warehouse else rng.uniform(0.2, 0.8)
        if warehouse:
            bulk.add(lid)
    return Network(locations, density, bulk, rng.randrange(1 << 30), {})


def build_rules(rng: random.Random, size: int) -> list[RuleSpec]:
    some = frozenset(rng.sample(range(1, size + 1), k=min(3, size)))
    return [
        RuleSpec(
            1,
            "Oversize via ACME",
            10,
            RoutingAction.DROP_SHIP,
            tags=frozenset({"oversize"}),
            vendor_id=1,
            vendor_code="ACME",
        ),
        RuleSpec(
            2,
            "Minnesota stores first",
            20,
            RoutingAction.PREFER,
            destination_regions=frozenset({"MN"}),
            location_ids=some,
        ),
        RuleSpec(
            3,
            "No fragile from these",
            30,
            RoutingAction.EXCLUDE,
            tags=frozenset({"fragile"}),
            location_ids=some,
        ),
    ]


def build_request(rng: random.Random, lines: int) -> RoutingRequest:
    region, lat, lon = rng.choice(METROS)
    demand = []
    for line_id, n in enumerate(rng.sample(range(CATALOG), k=lines), start=1):
        tags = frozenset({"oversize"} if n % 50 == 0 else {"fragile"} if n % 7 == 0 else ())
        quantity = rng.randint(5, 15) if rng.random() < 0.1 else rng.randint(1, 3)
        demand.append(LineDemand(line_id, f"SKU-{n:04d}", quantity, tags))
    point = GeoPoint(lat + rng.gauss(0, 0.3), lon + rng.gauss(0, 0.3))
    return RoutingRequest("web", Destination("US", region, "55401", point), tuple(demand))


def snapshot(network: Network, request: RoutingRequest) -> dict[tuple[int, str], int]:
    return {
        (lid, line.sku): units
        for line in request.lines
        for lid, units in network.units(line.sku).items()
    }


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


CLOCKS = {"wall": time.perf_counter_ns, "cpu": time.thread_time_ns}


def run_case(
    lines: int, size: int, decisions: int, seed: int, clock: str = "wall"
) -> dict[str, float | int | str]:
    rng = random.Random(f"{seed}:{lines}:{size}")
    networks = [build_network(rng, size) for _ in range(10)]
    rules_by_network = [build_rules(rng, size) for _ in networks]
    settings = SplitPolicy()
    work = []
    for i in range(decisions):
        network = networks[i % len(networks)]
        request = build_request(rng, lines)
        work.append((request, network, snapshot(network, request), rules_by_network[i % 10]))
    for request, network, available, rules in work[:20]:  # warm-up
        plan_routing(request, network.locations, available, rules, settings)
    samples: list[float] = []
    locations_used: list[int] = []
    now = CLOCKS[clock]
    gc.collect()
    for request, network, available, rules in work:
        start = now()
        plan: RoutingPlan = plan_routing(request, network.locations, available, rules, settings)
        samples.append((now() - start) / 1e6)
        locations_used.append(sum(1 for a in plan.assignments if a.location_id is not None))
    return {
        "lines": lines,
        "locations": size,
        "decisions": decisions,
        "clock": clock,
        "p50_ms": round(statistics.median(samples), 4),
        "p99_ms": round(percentile(samples, 0.99), 4),
        "max_ms": round(max(samples), 4),
        "mean_locations_used": round(statistics.fmean(locations_used), 3),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=600, help="decisions timed per case")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = []
    print(f"{'lines':>5} {'locations':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'used':>5}")
    for lines in LINE_COUNTS:
        for size in LOCATION_COUNTS:
            r = run_case(lines, size, args.decisions, args.seed, args.clock)
            results.append(r)
            print(
                f"{lines:>5} {size:>9} {r['p50_ms']:>8.3f} {r['p99_ms']:>8.3f}"
                f" {r['max_ms']:>8.3f} {r['mean_locations_used']:>5.2f}"
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"seed": args.seed, "cases": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
