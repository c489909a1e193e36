"""The fixed cost of a request: `{ __typename }` with an API key, against a bare strawberry app.

    python -m bench.fixed_cost [--backend sqlite|postgres|postgres-2w|all] [--requests 4000]
        [--concurrency 16] [--time-cap 30] [--warmup 200] [--rounds 2] [--json PATH]

Issue 17, goal 2: the OMS answers `{ __typename }` with an ADMIN key at >= 0.8x the rate of
bench.bare_app (strawberry with the same parser and validation caches, nothing else), both
on a real uvicorn with the same worker count, measured in alternating rounds of the same
run by bench.load (closed loop, keep-alive connections, like wrk). The document touches no
table, so what separates the two is what the OMS does around every request: the key
lookup, middlewares, metrics, limits, cost analysis. The database is bench.seed's (for the
keys); the bare app is pointed at the same one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.place_order import (
    BACKENDS,
    SETUPS,
    App,
    Load,
    Server,
    _database_name,
    cpu_ratio,
    databases,
    environment,
    measure_apps,
    prepare_oms,
    serving,
)

GOAL_RATIO = 0.8
TYPENAME = {"query": "{ __typename }"}


def body_file(folder: Path, name: str, body: dict[str, Any]) -> Path:
    """A GraphQL request body for bench.load's `graphql` target."""
    path = folder / f"{name}.json"
    path.write_text(json.dumps(body))
    return path


def compare(
    oms: Server, bare: Server, keys: str, body: Path, load: Load, goal: float
) -> dict[str, Any]:
    """The same request to the OMS (with keys) and to the bare app, same rounds: ratio."""
    base, ours = measure_apps(
        [App(bare, "graphql", "/graphql", None, body), App(oms, "graphql", "/graphql", keys, body)],
        load,
    )
    ratio = ours["orders_per_s"] / base["orders_per_s"] if base["orders_per_s"] else 0.0
    return {
        "oms": ours,
        "baseline": base,
        "ratio": round(ratio, 3),
        "meets_goal": ratio >= goal,
        "cpu_ratio": cpu_ratio(base, ours),
    }


def run_setup(name: str, load: Load, pg_url: str, logs: Path) -> dict[str, Any]:
    setup = SETUPS[name]
    started, load_before = time.monotonic(), os.getloadavg()[0]
    with databases(setup, pg_url) as (oms_url, _):
        env, keys = prepare_oms(setup, oms_url)
        database = _database_name(oms_url)
        oms = Server(f"fixed-oms-{name}", "api.main:app", env, setup.workers, logs, database)
        bare = Server(f"fixed-bare-{name}", "bench.bare_app:app", env, setup.workers, logs)
        with serving(oms, bare):
            result = compare(
                oms, bare, keys, body_file(logs, "typename", TYPENAME), load, GOAL_RATIO
            )
    return {
        "name": name,
        **asdict(setup),
        **result,
        "seconds": round(time.monotonic() - started, 1),
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def run_all(names: Sequence[str], load: Load, pg_url: str) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as logs:
        for name in names:
            print(f"fixed cost: {name} ...", file=sys.stderr, flush=True)
            rows.append(run_setup(name, load, pg_url, Path(logs)))
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    head = f"{'setup':<12} {'app':<10} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'cpu ms/r':>8}"
    lines = [head + f" {'ratio':>6}", "-" * (len(head) + 7)]
    for row in rows:
        for app, label in (("oms", "OMS"), ("baseline", "bare")):
            r = row[app]
            ratio = f"{row['ratio']:>6.2f}" if app == "oms" else ""
            lines.append(
                f"{row['name']:<12} {label:<10} {r['orders_per_s']:>9.1f} {r['p50_ms'] or 0:>8.1f} "
                f"{r['p99_ms'] or 0:>8.1f} {r['server_cpu_ms_per_order']:>8.2f} {ratio}"
            )
    lines.append(f"{{ __typename }}, OMS with an ADMIN key / bare strawberry; goal >= {GOAL_RATIO}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=list(BACKENDS), default="postgres")
    parser.add_argument("--requests", type=int, default=4000, help="timed requests per app")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-cap", type=float, default=30.0, help="timed seconds per app")
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = build_parser().parse_args(argv)
    load = Load(args.requests, args.concurrency, args.time_cap, args.warmup, args.rounds)
    rows = run_all(BACKENDS[args.backend], load, args.pg_url)
    print(format_table(rows))
    output = {"environment": environment(), "load": asdict(load), "setups": rows}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2) + "\n")
    return output


if __name__ == "__main__":
    main()
