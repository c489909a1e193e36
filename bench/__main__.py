"""`python -m bench`: every bench of the project, one table of figures, one of goals, one JSON.

    python -m bench [--only PARTS] [--skip PARTS] [--json PATH] [--quick]
        [--dialect sqlite|postgres|all]                       # every part's setups
        [--decisions 600] [--routing-clock wall|cpu]          # routing
        [--instances 500]                                     # quality
        [--backend sqlite|postgres|postgres-2w|all] [--requests 2000]
        [--concurrency 16] [--time-cap 40] [--warmup 100] [--rounds 2]   # placeOrder
        [--fixed-requests 4000]                               # { __typename }
        [--dashboard-orders 300] [--dashboard-concurrency 4]  # dashboard latency
        [--list-orders 200] [--list-requests 200] [--list-rate-requests 1000]  # order list
        [--large-orders 200000]                               # cost as data grows

PARTS is a comma-separated list of routing, quality, place_order, fixed_cost, dashboard,
order_list, large (all by default). After the figures it prints issue 17's goals: each one
measured, its same-run baseline, the ratio, the target and whether it is met. Writes
everything to bench/results/latest.json (gitignored) unless --json says otherwise.
`--quick` is a smoke run: small counts everywhere (explicit options still win). Each part
also runs on its own: `python -m bench.routing`, `bench.quality`, `bench.place_order` (also
`--profile`), `bench.fixed_cost`, `bench.dashboard_latency`, `bench.order_list`,
`bench.large`. (Over 400 lines: a row builder per part for the one table, which belongs
with the command line that prints it; the goal table lives in bench.goals.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import dashboard_latency, fixed_cost, goals, large, order_list, seed
from bench.place_order import (
    BACKENDS,
    GOAL_RATIO,
    PYTHON,
    RESULTS,
    ROOT,
    SETUPS,
    Load,
    Setup,
    environment,
    run_throughput,
)

QUICK_LOCATIONS = 10  # bench.seed's network in a quick run (TC-01 among them)
PARTS = ("routing", "quality", "place_order", "fixed_cost", "dashboard", "order_list", "large")
# --quick: a smoke run of every part, seconds to a minute each (options given still win).
QUICK = {
    "decisions": 50,
    "instances": 30,
    "requests": 100,
    "time_cap": 10.0,
    "warmup": 10,
    "rounds": 1,
    "fixed_requests": 200,
    "dashboard_orders": 20,
    "list_orders": 50,
    "list_requests": 10,
    "list_rate_requests": 100,
    "large_orders": 5_000,
    # Not fewer than a day of history (bench.bulk_load.ORDERS_PER_DAY): the replay from a
    # day-old cursor must find as many events on both sizes.
    "large_small": 1_000,
    "large_requests": 20,
}


def of_dialect(setups: dict[str, Setup], dialect: str) -> list[str]:
    """The names of a part's setups on `dialect` (all of them for "all")."""
    return [name for name, s in setups.items() if dialect in ("all", s.dialect)]


def run_cli(module: str, args: Sequence[str]) -> dict[str, Any]:
    """A bench with its own command line and `--json`, in its own process: the CPU-bound
    ones (routing, quality) then time nothing of this process's."""
    with tempfile.TemporaryDirectory(prefix="oms-bench-cli-") as folder:
        out = Path(folder) / "out.json"
        done = subprocess.run(
            [PYTHON, "-m", module, *args, "--json", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
        result: dict[str, Any] = json.loads(out.read_text())
        return result


def run_routing(args: argparse.Namespace) -> dict[str, Any]:
    # --clock passed only when asked, so this keeps working with a routing bench without it.
    clock = ["--clock", args.routing_clock] if args.routing_clock else []
    return run_cli("bench.routing", ["--decisions", str(args.decisions), *clock])


def run_quality(args: argparse.Namespace) -> dict[str, Any]:
    clock = ["--clock", args.routing_clock] if args.routing_clock else []
    return run_cli("bench.quality", ["--instances", str(args.instances), *clock])


def run_place_order(args: argparse.Namespace) -> dict[str, Any]:
    load = Load(args.requests, args.concurrency, args.time_cap, args.warmup, args.rounds)
    names = [n for n in BACKENDS[args.backend] if n in of_dialect(SETUPS, args.dialect)]
    return {"load": load.__dict__, "setups": run_throughput(names, load, args.pg_url)}


def run_fixed_cost(args: argparse.Namespace) -> dict[str, Any]:
    load = Load(args.fixed_requests, args.concurrency, args.time_cap, args.warmup, args.rounds)
    names = [n for n in BACKENDS[args.backend] if n in of_dialect(SETUPS, args.dialect)]
    return {"load": load.__dict__, "setups": fixed_cost.run_all(names, load, args.pg_url)}


def run_large(args: argparse.Namespace) -> dict[str, Any]:
    if args.dialect == "sqlite":
        return {"skipped": "PostgreSQL only"}
    return large.run(
        args.large_orders, args.large_small, args.large_requests, args.pg_url, args.quick
    )


def run_dashboard(args: argparse.Namespace) -> dict[str, Any]:
    setups = dashboard_latency.run_all(
        of_dialect(dashboard_latency.SETUPS, args.dialect),
        args.dashboard_orders,
        args.dashboard_concurrency,
        args.dashboard_timeout,
        args.pg_url,
    )
    return {"setups": setups}


def run_order_list(args: argparse.Namespace) -> dict[str, Any]:
    setups = order_list.run_all(
        of_dialect(order_list.SETUPS, args.dialect),
        args.list_orders,
        args.list_requests,
        args.pg_url,
        order_list.rate_load(args.list_rate_requests, args.concurrency),
    )
    return {"setups": setups}


RUNNERS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "routing": run_routing,
    "quality": run_quality,
    "place_order": run_place_order,
    "fixed_cost": run_fixed_cost,
    "dashboard": run_dashboard,
    "order_list": run_order_list,
    "large": run_large,
}


# --- the table ------------------------------------------------------------------------


Row = tuple[str, str, float | None, float | None, str]  # bench, case, p50, p99, figures


def routing_rows(routing: dict[str, Any]) -> list[Row]:
    return [
        (
            "routing",
            f"{c['lines']} line(s), {c['locations']} locations",
            c["p50_ms"],
            c["p99_ms"],
            f"{c.get('clock', 'wall')} clock",
        )
        for c in routing["cases"]
    ]


def quality_rows(quality: dict[str, Any]) -> list[Row]:
    rows = []
    for name in ("all", "optimum backorders"):
        g = quality["groups"].get(name)
        if g is None:
            continue
        rows.append(
            (
                "quality",
                f"{name} ({g['instances']})",
                g["p50_ms"],
                g["p99_ms"],
                f"{g['optimal_pct']} % optimal, {g['fewer_units']} short of units, "
                f"{g['more_locations']} with extra locations, {g['longer_distance']} longer",
            )
        )
    return rows


def place_order_rows(place_order: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for s in place_order["setups"]:
        ours, base = s["oms"], s["baseline"]
        rows.append(
            (
                "placeOrder",
                f"{s['name']}, ours",
                ours["p50_ms"],
                ours["p99_ms"],
                f"{ours['orders_per_s']:.1f} orders/s, ratio {s['ratio']:.2f} "
                f"(cpu {s['cpu_ratio'] or 0:.2f}), {ours['errors']} errors",
            )
        )
        rows.append(
            (
                "placeOrder",
                f"{s['name']}, baseline",
                base["p50_ms"],
                base["p99_ms"],
                f"{base['orders_per_s']:.1f} orders/s",
            )
        )
    return rows


def fixed_cost_rows(fixed: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for s in fixed["setups"]:
        for app, label in (("oms", "OMS, ADMIN key"), ("baseline", "bare strawberry")):
            r = s[app]
            rows.append(
                (
                    "__typename",
                    f"{s['name']}, {label}",
                    r["p50_ms"],
                    r["p99_ms"],
                    f"{r['orders_per_s']:.1f} req/s, cpu {r['server_cpu_ms_per_order']:.2f} ms/req"
                    f", {r['errors']} errors",
                )
            )
    return rows


def dashboard_rows(dashboard: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    for s in dashboard["setups"]:
        for phase, r in s["phases"].items():
            stats = r["after_response"]
            short = "seq" if phase == "sequential" else phase.replace("concurrency ", "c")
            rows.append(
                (
                    "dashboard",
                    f"{dashboard_latency.describe(s)}, {short}",
                    stats.get("p50_ms"),
                    stats.get("p99_ms"),
                    f"max {stats.get('max_ms', 0):.0f} ms, {r['lost']} lost, "
                    f"{r['errors']} errors, goal {'met' if r['meets_goal'] else 'missed'}",
                )
            )
    return rows


def order_list_rows(listing: dict[str, Any]) -> list[Row]:
    return [
        (
            "order list",
            f"{s['dialect']}, {s['page_size']} of {s['orders_in_database']}",
            s["p50_ms"],
            s["p99_ms"],
            f"{s['statements_per_request']} SQL statements, {s['errors']} errors"
            + (
                f"; {s['throughput']['oms']['orders_per_s']:.1f} pages/s under load, bare "
                f"{s['throughput']['baseline']['orders_per_s']:.1f}"
                if "throughput" in s
                else ""
            ),
        )
        for s in listing["setups"]
    ]


def format_table(results: dict[str, Any]) -> str:
    rows: list[Row] = []
    for part, build in (
        ("routing", routing_rows),
        ("quality", quality_rows),
        ("place_order", place_order_rows),
        ("fixed_cost", fixed_cost_rows),
        ("dashboard", dashboard_rows),
        ("order_list", order_list_rows),
    ):
        if part in results:
            rows += build(results[part])
    head = f"{'bench':<11} {'case':<31} {'p50 ms':>8} {'p99 ms':>8}  figures"
    lines = [head, "-" * (len(head) + 50)]
    for bench, case, p50, p99, figures in rows:
        # Sub-millisecond figures (the engine) need decimals that HTTP timings do not.
        digits = 3 if bench in ("routing", "quality") else 1
        p50_text = "-" if p50 is None else f"{p50:.{digits}f}"
        p99_text = "-" if p99 is None else f"{p99:.{digits}f}"
        lines.append(f"{bench:<11} {case:<31} {p50_text:>8} {p99_text:>8}  {figures}")
    lines.append(
        "routing / quality: one engine decision (plan_routing), stock snapshot given; quality "
        "against exact optima.\nplaceOrder: HTTP orders/s; ratio = ours / baseline in the same "
        f"run, goal >= {GOAL_RATIO}; cpu = the same by CPU per order.\ndashboard: placeOrder "
        "response -> fulfillmentOrderAssigned at a subscribed dashboard, goal p99 <= "
        f"{dashboard_latency.GOAL_P99_MS:.0f} ms, none lost.\norder list: one 50-order page "
        "over HTTP, one request at a time; SQL statements counted in-process."
    )
    return "\n".join(lines)


# --- command line ---------------------------------------------------------------------


def parts(text: str) -> list[str]:
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = sorted(set(chosen) - set(PARTS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part(s) {unknown}; choose from {PARTS}")
    return chosen


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: small counts")
    parser.add_argument("--dialect", choices=["sqlite", "postgres", "all"], default="all")
    parser.add_argument("--only", type=parts, help=f"comma-separated, of {', '.join(PARTS)}")
    parser.add_argument("--skip", type=parts, default=[], help="comma-separated parts to skip")
    parser.add_argument("--decisions", type=int, default=600, help="routing decisions per case")
    parser.add_argument(
        "--routing-clock",
        choices=["wall", "cpu"],
        help="--clock of bench.routing and bench.quality: cpu leaves out preempted time",
    )
    parser.add_argument("--instances", type=int, default=500, help="routing-quality instances")
    parser.add_argument("--backend", choices=list(BACKENDS), default="all", help="placeOrder")
    parser.add_argument("--requests", type=int, default=2000, help="timed placeOrders per app")
    parser.add_argument("--concurrency", type=int, default=16, help="placeOrder connections")
    parser.add_argument("--time-cap", type=float, default=40.0, help="placeOrder s per app")
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--fixed-requests", type=int, default=4000, help="timed per app")
    parser.add_argument("--dashboard-orders", type=int, default=300, help="orders per phase")
    parser.add_argument("--dashboard-concurrency", type=int, default=4)
    parser.add_argument("--dashboard-timeout", type=float, default=5.0, help="s: later is lost")
    parser.add_argument("--list-orders", type=int, default=200, help="orders in the database")
    parser.add_argument("--list-requests", type=int, default=200, help="timed page requests")
    parser.add_argument(
        "--list-rate-requests", type=int, default=1000, help="pages/s phase, per app; 0: none"
    )
    parser.add_argument("--large-orders", type=int, default=large.DEFAULT_ORDERS)
    parser.add_argument("--large-small", type=int, default=large.SMALL_ORDERS)
    parser.add_argument("--large-requests", type=int, default=large.REQUESTS)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json")
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = build_parser()
    if argv is None:
        argv = sys.argv[1:]
    args = parser.parse_args(argv)
    if args.quick:
        # Quick counts replace the defaults only: an option on the command line wins.
        parser.set_defaults(**QUICK)
        args = parser.parse_args(argv)
        # A smaller network for every bench.seed this run starts (they inherit it).
        os.environ.setdefault(seed.LOCATIONS_ENV, str(QUICK_LOCATIONS))
    return args


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse(argv)
    chosen = [p for p in (args.only or PARTS) if p not in args.skip]
    # Taken first: the commit checked out when the servers start is the one measured.
    env = environment()
    results: dict[str, Any] = {}
    # Neighbours on a shared machine move the figures: note how busy it was, part by part.
    loadavg: dict[str, list[float]] = {}
    seconds: dict[str, float] = {}
    for part in chosen:
        print(f"== {part} ...", file=sys.stderr, flush=True)
        started, before = time.monotonic(), os.getloadavg()[0]
        results[part] = RUNNERS[part](args)
        seconds[part] = round(time.monotonic() - started, 1)
        loadavg[part] = [round(before, 2), round(os.getloadavg()[0], 2)]
    print(format_table(results))
    print()
    print(goals.format_goals(goals.goals(results)))
    low = min(v for pair in loadavg.values() for v in pair) if loadavg else 0.0
    high = max(v for pair in loadavg.values() for v in pair) if loadavg else 0.0
    took = ", ".join(f"{part} {s:.0f} s" for part, s in seconds.items())
    print(
        f"1-minute load average {low:.2f}-{high:.2f} around the parts; "
        f"{sum(seconds.values()):.0f} s in all ({took})"
    )
    output = {
        "environment": {**env, "loadavg_1m": loadavg, "seconds": seconds, "quick": args.quick},
        "goals": [row._asdict() for row in goals.goals(results)],
        **results,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(output, indent=2) + "\n")
    print(f"written to {args.json}", file=sys.stderr)
    return output


if __name__ == "__main__":
    main()
