"""The order list: one page of 50 orders with their lines, products and fulfillment orders.

    python -m bench.order_list [--backend sqlite|postgres|all] [--orders 200]
        [--requests 200] [--json PATH]

For each backend (1 worker, memory broadcast): a fresh database seeded by bench.seed, a real
`uvicorn api.main:app`, then `--orders` 3-line placeOrders through the API by bench.load
(random Twin Cities addresses, so the fulfillment orders spread over the stores). Then the
page query tests/api/test_order_queries.py checks (`PAGE` from tests/support/gql.py, so
that both stay the same: 50 orders, their customer, lines with products, fulfillment orders
with location, vendor and lines, and the total count) is timed over HTTP, one request at a
time, after a warm-up. Last, with the server stopped, the same request goes through the ASGI
app in this process and the SQL statements it costs are counted from Tortoise's
`tortoise.db_client` debug log (the test's own `counting_queries`): nothing else runs in
this process then, so every statement logged is the request's.

Each request authenticates with the next of bench.seed's 16 ADMIN keys: the page costs 401
query-cost points (api/cost.py) and one key's bucket refills 2,000 a second, fewer than a
tight loop of pages asks for.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise

from bench.load import percentile
from bench.place_order import (
    Server,
    Setup,
    _database_name,
    databases,
    drive,
    environment,
    prepare_oms,
    serving,
)
from tests.support.database import counting_queries
from tests.support.gql import PAGE

PAGE_SIZE = 50
SETUPS = {
    "sqlite": Setup("order-list-sqlite", "sqlite"),
    "postgres": Setup("order-list-postgres", "postgres"),
}
CHOICES = {**{name: [name] for name in SETUPS}, "all": list(SETUPS)}
WARMUP = 20
SEED_CONCURRENCY = 4


def statement_shape(logged: str) -> str:
    """A logged statement (`SQL: [parameters]`), its column list and parameters left out,
    so that what it reads, and by what, shows. (bench.profiled_app has a similar helper,
    but importing that module builds its app.)"""
    sql = " ".join(logged.rsplit(": [", 1)[0].split())
    sql = re.sub(r'^SELECT ".+?" FROM ', "SELECT ... FROM ", sql)
    return re.sub(r"\((?:\s*(?:\$\d+|\?)\s*,?)+\)", "(...)", sql)[:200]


def check_page(response: httpx.Response) -> str | None:
    """Why a response is not a full page of orders, or None."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    body = response.json()
    if body.get("errors"):
        return f"GraphQL error: {body['errors'][0].get('message', '')[:200]}"
    edges = body["data"]["orders"]["edges"]
    if len(edges) != PAGE_SIZE:
        return f"{len(edges)} orders instead of {PAGE_SIZE}"
    return None


async def time_pages(base_url: str, keys: Sequence[str], requests: int) -> dict[str, Any]:
    """`requests` pages over one keep-alive connection, one at a time, after a warm-up."""
    body = json.dumps({"query": PAGE, "variables": {"first": PAGE_SIZE}}).encode()
    latencies: list[float] = []
    problems: list[str] = []
    size = 0
    headers = {"content-type": "application/json"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as client:
        for n in range(WARMUP + requests):
            auth = {"authorization": f"Bearer {keys[n % len(keys)]}"}
            start = time.perf_counter()
            response = await client.post("/graphql", content=body, headers=auth)
            elapsed_ms = (time.perf_counter() - start) * 1000
            problem = check_page(response)
            if n < WARMUP:
                continue
            if problem:
                problems.append(problem)
            else:
                latencies.append(elapsed_ms)
                size = len(response.content)
    ok = len(latencies)
    return {
        "requests": requests,
        "ok": ok,
        "errors": len(problems),
        "error_samples": problems[:5],
        "response_bytes": size,
        "p50_ms": round(statistics.median(latencies), 2) if ok else None,
        "p99_ms": round(percentile(latencies, 0.99), 2) if ok else None,
        "mean_ms": round(statistics.fmean(latencies), 2) if ok else None,
        "max_ms": round(max(latencies), 2) if ok else None,
    }


async def count_statements(database_url: str, key: str, samples: int = 3) -> dict[str, Any]:
    """The SQL statements of one page request, through the ASGI app in this process."""
    from api.app import create_app
    from api.settings import Settings

    settings = Settings(database_url=database_url)
    # Without the lifespan (ASGITransport runs none), as tests/conftest.py does: the page
    # needs the ORM only, and the global fallback lets requests find its context.
    await Tortoise.init(config=settings.tortoise_config(), _enable_global_fallback=True)
    try:
        transport = httpx.ASGITransport(app=create_app(settings))
        headers = {"authorization": f"Bearer {key}"}
        payload = {"query": PAGE, "variables": {"first": PAGE_SIZE}}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://oms.bench", headers=headers
        ) as client:
            # First use of a key stamps it (and warms caches): keep that out of the count.
            await client.post("/graphql", json=payload)
            counts: list[list[str]] = []
            for _ in range(samples):
                with counting_queries() as statements:
                    response = await client.post("/graphql", json=payload)
                problem = check_page(response)
                if problem:
                    raise RuntimeError(f"page request failed in-process: {problem}")
                counts.append(list(statements))
    finally:
        await Tortoise.close_connections()
    sizes = sorted({len(c) for c in counts})
    return {
        "statements_per_request": sizes[-1],
        # The same count every time, or the figure is not one request's.
        "steady": len(sizes) == 1,
        "statements": [statement_shape(sql) for sql in counts[-1]],
    }


def run_setup(name: str, orders: int, requests: int, pg_url: str, logs: Path) -> dict[str, Any]:
    setup = SETUPS[name]
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    with databases(setup, pg_url) as (oms_url, _):
        env, keys = prepare_oms(setup, oms_url)
        server = Server(
            setup.name, "api.main:app", env, setup.workers, logs, _database_name(oms_url)
        )
        with serving(server):
            seeded = drive("oms", server.base_url + "/graphql", keys, orders, SEED_CONCURRENCY, 300)
            if seeded["errors"] or seeded["orders"] < orders:
                raise RuntimeError(f"seeding orders failed: {seeded['error_samples']}")
            timing = asyncio.run(time_pages(server.base_url, keys.split(","), requests))
        # The server is stopped: its relay and sweepers cannot add to the count.
        counted = asyncio.run(count_statements(oms_url, keys.split(",")[0]))
    return {
        "name": name,
        **asdict(setup),
        "orders_in_database": seeded["orders"],
        "page_size": PAGE_SIZE,
        **timing,
        **counted,
        "seconds": round(time.monotonic() - started, 1),
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def run_all(names: Sequence[str], orders: int, requests: int, pg_url: str) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as logs:
        for name in names:
            print(f"order list: {name} ...", file=sys.stderr, flush=True)
            rows.append(run_setup(name, orders, requests, pg_url, Path(logs)))
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        f"{'backend':<9} {'orders':>6} {'pages':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'SQL/page':>8} {'errors':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['dialect']:<9} {r['orders_in_database']:>6} {r['ok']:>6} {r['p50_ms'] or 0:>8.1f} "
            f"{r['p99_ms'] or 0:>8.1f} {r['max_ms'] or 0:>8.1f} "
            f"{r['statements_per_request']:>8} {r['errors']:>6}"
        )
    lines.append(
        f"one `orders(first: {PAGE_SIZE})` page with lines, products and fulfillment orders, "
        "over HTTP, one request at a time;\nSQL/page counted in-process (tortoise.db_client)."
    )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=list(CHOICES), default="all")
    parser.add_argument("--orders", type=int, default=200, help="orders placed before timing")
    parser.add_argument("--requests", type=int, default=200, help="timed page requests")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = build_parser().parse_args(argv)
    rows = run_all(CHOICES[args.backend], args.orders, args.requests, args.pg_url)
    print(format_table(rows))
    output = {"environment": environment(), "setups": rows}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2) + "\n")
    return output


if __name__ == "__main__":
    main()
