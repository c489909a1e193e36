"""The fixed cost of a request: `{ __typename }` with an API key, against a bare strawberry app.

    python -m bench.fixed_cost [--backend sqlite|postgres|postgres-2w|all] [--requests 4000]
        [--concurrency 16] [--time-cap 30] [--warmup 200] [--rounds 2] [--json PATH]
        [--in-process-requests 2000]

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
import asyncio
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Scope

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
IN_PROCESS_ROUNDS = 3
IN_PROCESS_REQUESTS = 2000  # per app and round


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


def typename_scope(key: str | None) -> Scope:
    body = json.dumps(TYPENAME).encode()
    headers = [
        (b"host", b"bench"),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if key is not None:
        headers.append((b"authorization", f"Bearer {key}".encode()))
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "body": body,  # for `ask` below; apps ignore keys they do not know
    }


async def ask(app: ASGIApp, scope: Scope) -> None:
    """One request straight to the ASGI app; a status other than 200 stops the bench."""
    messages: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": scope["body"], "more_body": False}

    async def send(message: Message) -> None:
        messages.append(message)

    await app(dict(scope), receive, send)
    await asyncio.sleep(0)  # as a server's loop would: the OMS's pollers get their turn
    if messages[0]["status"] != 200:
        raise RuntimeError(f"{{ __typename }} in process: {messages}")


async def in_process(env: dict[str, str], key: str, requests: int) -> dict[str, Any]:
    """CPU ms and function calls per request, OMS and bench.bare_app, in this process."""
    from api.app import create_app
    from api.settings import Settings
    from bench import bare_app

    oms = create_app(Settings.from_env(env))
    bare = bare_app.create_app(env["DATABASE_URL"])  # `{ __typename }` needs no lifespan
    apps = {"bare": (bare, typename_scope(None)), "oms": (oms, typename_scope(key))}
    cpu: dict[str, list[float]] = {"bare": [], "oms": []}
    calls: dict[str, float] = {}
    async with oms.router.lifespan_context(oms):
        for app, scope in apps.values():
            for _ in range(200):  # the key's first use, the caches
                await ask(app, scope)
        for _ in range(IN_PROCESS_ROUNDS):
            for name, (app, scope) in apps.items():
                started = time.process_time()
                for _ in range(requests):
                    await ask(app, scope)
                cpu[name].append((time.process_time() - started) * 1000 / requests)
        for name, (app, scope) in apps.items():
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(requests):
                await ask(app, scope)
            profile.disable()
            calls[name] = pstats.Stats(profile).total_calls / requests  # type: ignore[attr-defined]
    oms_ms, bare_ms = (statistics.median(cpu[name]) for name in ("oms", "bare"))
    return {
        "in_process_cpu_ms": {"oms": round(oms_ms, 3), "bare": round(bare_ms, 3)},
        "in_process_cpu_ratio": round(bare_ms / oms_ms, 3),
        "calls_per_request": {name: round(count) for name, count in calls.items()},
    }


def run_setup(
    name: str, load: Load, pg_url: str, logs: Path, in_process_requests: int = IN_PROCESS_REQUESTS
) -> dict[str, Any]:
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
        # The servers are stopped: they and this process do not share the cores.
        result |= asyncio.run(in_process(env, keys.split(",")[0], in_process_requests))
    return {
        "name": name,
        **asdict(setup),
        **result,
        "seconds": round(time.monotonic() - started, 1),
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def run_all(
    names: Sequence[str], load: Load, pg_url: str, in_process_requests: int = IN_PROCESS_REQUESTS
) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as logs:
        for name in names:
            print(f"fixed cost: {name} ...", file=sys.stderr, flush=True)
            rows.append(run_setup(name, load, pg_url, Path(logs), in_process_requests))
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        f"{'setup':<12} {'app':<5} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'cpu ms/r':>8} "
        f"{'in-proc ms':>10} {'calls/r':>7}"
    )
    ratios = f" {'ratio':>6} {'cpu':>5} {'in-proc':>7}"
    lines = [head + ratios, "-" * (len(head) + len(ratios))]
    for row in rows:
        for app, label in (("oms", "OMS"), ("baseline", "bare")):
            r, short = row[app], "oms" if app == "oms" else "bare"
            ratio = (
                f" {row['ratio']:>6.2f} {row['cpu_ratio'] or 0:>5.2f} "
                f"{row['in_process_cpu_ratio']:>7.2f}"
                if app == "oms"
                else ""
            )
            lines.append(
                f"{row['name']:<12} {label:<5} {r['orders_per_s']:>8.1f} {r['p50_ms'] or 0:>7.1f} "
                f"{r['p99_ms'] or 0:>7.1f} {r['server_cpu_ms_per_order']:>8.2f} "
                f"{row['in_process_cpu_ms'][short]:>10.3f} "
                f"{row['calls_per_request'][short]:>7}{ratio}"
            )
    lines.append(
        f"{{ __typename }}, OMS with an ADMIN key / bare strawberry; goal >= {GOAL_RATIO}; "
        "ratios OMS / bare by req/s,\nby server CPU (uvicorn plus PostgreSQL's backends) and "
        "by CPU in process (bare / OMS)"
    )
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
    parser.add_argument(
        "--in-process-requests",
        type=int,
        default=IN_PROCESS_REQUESTS,
        help="per app and round, in process",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = build_parser().parse_args(argv)
    load = Load(args.requests, args.concurrency, args.time_cap, args.warmup, args.rounds)
    rows = run_all(BACKENDS[args.backend], load, args.pg_url, args.in_process_requests)
    print(format_table(rows))
    output = {"environment": environment(), "load": asdict(load), "setups": rows}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2) + "\n")
    return output


if __name__ == "__main__":
    main()
