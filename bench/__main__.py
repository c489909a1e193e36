"""`python -m bench`: the routing decision-time bench and the placeOrder bench, one table.

    python -m bench [--backend sqlite|postgres|postgres-2w|all] [--requests 2000]
        [--concurrency 16] [--time-cap 40] [--decisions 600] [--routing-clock wall|cpu]
        [--json PATH]

Writes everything to bench/results/latest.json (gitignored) unless --json says otherwise.
The parts run on their own too: `python -m bench.routing`, `python -m bench.place_order`
(which also has `--profile`). A full run takes about 3-5 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.place_order import (
    BACKENDS,
    GOAL_RATIO,
    PYTHON,
    RESULTS,
    ROOT,
    Load,
    environment,
    run_throughput,
)


def run_routing(decisions: int, clock: str | None) -> dict[str, Any]:
    """bench/routing.py through its command line (its own process, its own table)."""
    with tempfile.TemporaryDirectory(prefix="oms-bench-routing-") as folder:
        out = Path(folder) / "routing.json"
        command = [PYTHON, "-m", "bench.routing", "--decisions", str(decisions)]
        # Passed only when asked, so this keeps working with a routing bench without it.
        command += ["--clock", clock] if clock else []
        done = subprocess.run(
            [*command, "--json", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"bench.routing failed:\n{done.stderr[-3000:]}")
        return json.loads(out.read_text())


def format_table(routing: dict[str, Any], setups: Sequence[dict[str, Any]]) -> str:
    head = (
        f"{'bench':<11} {'case':<26} {'per s':>8} {'p50 ms':>9} {'p99 ms':>9} {'ratio':>6} "
        f"{'cpu ratio':>9}"
    )
    lines = [head, "-" * len(head)]
    for case in routing["cases"]:
        label = f"{case['lines']} line(s), {case['locations']} locations"
        lines.append(
            f"{'routing':<11} {label:<26} {'':>8} {case['p50_ms']:>9.3f} {case['p99_ms']:>9.3f}"
        )
    for row in setups:
        ours, base = row["oms"], row["baseline"]
        lines.append(
            f"{'placeOrder':<11} {row['name'] + ', ours':<26} {ours['orders_per_s']:>8.1f} "
            f"{ours['p50_ms']:>9.1f} {ours['p99_ms']:>9.1f} {row['ratio']:>6.2f} "
            f"{row['cpu_ratio'] or 0:>9.2f}"
        )
        lines.append(
            f"{'placeOrder':<11} {row['name'] + ', baseline':<26} {base['orders_per_s']:>8.1f} "
            f"{base['p50_ms']:>9.1f} {base['p99_ms']:>9.1f}"
        )
    clock = routing["cases"][0].get("clock", "wall") if routing["cases"] else "wall"
    lines.append(
        f"routing: one engine decision (plan_sourcing, {clock} clock), stock snapshot given. "
        f"placeOrder: orders/s over HTTP; ratio = ours / baseline, same run; goal >= {GOAL_RATIO};"
        "\ncpu ratio = baseline CPU per order (uvicorn + PostgreSQL backends) / ours."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=list(BACKENDS), default="all")
    parser.add_argument("--requests", type=int, default=2000, help="timed orders per app")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-cap", type=float, default=40.0, help="seconds per app, at most")
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--decisions", type=int, default=600, help="routing decisions per case")
    parser.add_argument(
        "--routing-clock",
        choices=["wall", "cpu"],
        help="bench.routing's --clock: cpu leaves out time preempted by other processes",
    )
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)

    print("routing decision-time bench ...", file=sys.stderr, flush=True)
    routing = run_routing(args.decisions, args.routing_clock)
    load = Load(args.requests, args.concurrency, args.time_cap, args.warmup, args.rounds)
    setups = run_throughput(BACKENDS[args.backend], load, args.pg_url)
    print(format_table(routing, setups))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "environment": environment(),
                "routing": routing,
                "place_order": {"load": load.__dict__, "setups": setups},
            },
            indent=2,
        )
        + "\n"
    )
    print(f"written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
