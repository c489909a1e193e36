"""Cost as data grows (issue 17, goal 5): the same requests on 1,000 orders and on many.

    python -m bench.large [--orders 200000] [--small 1000] [--requests 30] [--json PATH]
    python -m bench.large --orders 1000000          # the issue's size; ~5x the load time
    python -m bench.large --orders 1000000 --keep --only fulfillmentOrders --no-place
        # the large database loaded once and kept (migrated again on each later run);
        # only the measurements whose names contain "fulfillmentOrders"; no placeOrders
        # (each run's 400 would stay in the kept database, among the last day's orders)

For each size, on PostgreSQL (1 worker, memory broadcast): a fresh database, migrated and
seeded by bench.seed (50 locations, 30 products, 16 ADMIN keys), then bulk-loaded by
bench.bulk_load (COPY, not the API: orders, lines, fulfillment orders, events, outbox rows
in a history of ORDERS_PER_DAY up to now, so the last day holds as many orders on both
sizes and only the depth of history differs). Then both sizes' servers (real uvicorns)
run side by side and are measured in alternating rounds (small, large, small, large), so
that a busy spell on the machine hits both; each measurement is the median of its
rounds. Per round, each request below one at a time (after a warm-up), its p50:

- the first page of `orders` (bench.order_list's page: 50 orders, lines, products,
  fulfillment orders, total count) and a deep one (`after` 90 % into the history);
- filtered searches: the customer's email (`filter.query`), status + location (a page of
  the store's ALLOCATED orders both sizes fill, checked as below), and `updatedAfter` when
  OrderFilter has it (the schema is probed; absent filters are skipped and listed);
- a store's `fulfillmentOrders(locationId, first: 20)`: a page both sizes fill (the
  store holds 21 assignments at 1,000 orders), so that both pages hold the same rows'
  worth of work (checked before timing);
- `fulfillmentOrderAssigned(locationId, since)` over graphql-transport-ws from the cursor
  of that store's first assignment of the last day: the time until every replayed event
  (counted in the database) has arrived, per event;
- placeOrder's rate (bench.load, 4 connections), compared as ms per order.

Prints, per measurement, small, large and large / small (goal <= 1.3), with the load
average, and for each read the CPU per request of the server and its PostgreSQL backends
at both sizes with their ratio (steadier than wall time on a shared machine); writes
JSON with --json. Shares bench.place_order's databases and servers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise

from api.settings import tortoise_config
from bench.bulk_load import ORDERS_PER_DAY, load_database
from bench.dashboard_latency import gql
from bench.load import graphql_failure
from bench.order_list import PAGE, PAGE_SIZE, UNTHROTTLED, time_pages
from bench.place_order import (
    PG_POOL,
    PYTHON,
    Server,
    Setup,
    _database_name,
    _recreate_postgres,
    _run,
    databases,
    drive,
    environment,
    prepare_oms,
    serving,
)
from models.tables import Order, OutboxEvent
from resolvers.ids import decode_id
from resolvers.pagination import encode_cursor
from tests.support.ws import subscribe

DEFAULT_ORDERS = 200_000
SMALL_ORDERS = 1_000
REQUESTS = 30  # timed requests per query, size and round (the medians compared)
ROUNDS = 2  # alternating small / large rounds; each measurement the median of its rounds
PLACE_ORDERS = 200  # timed placeOrders per size
GOAL_RATIO = 1.3
WARMUP = 3
# --keep: the large database's name and what its server needs, for the next run.
KEPT = Path(tempfile.gettempdir()) / "oms-bench-large"


def page_query(*arguments: tuple[str, str], total_count: bool = True) -> str:
    """bench.order_list's page with more arguments to `orders` ((name, GraphQL type)
    pairs, passed as variables of the same name), and with or without `totalCount`."""
    query = PAGE
    for name, kind in arguments:
        query = query.replace(
            "$filter: OrderFilter)", f"$filter: OrderFilter, ${name}: {kind})"
        ).replace("filter: $filter)", f"filter: $filter, {name}: ${name})")
    if not total_count:
        query = query.replace("totalCount", "")
    if query.count("$") != PAGE.count("$") + 2 * len(arguments) or (
        total_count != ("totalCount" in query)
    ):
        raise RuntimeError("bench.order_list's PAGE changed: update bench.large.page_query")
    return query


# The page with a cursor (deep into the history); sorted by updatedAt, as an incremental
# sync reads (OrderFilter.updatedAfter's description); without totalCount, the same
# selection's cost apart from counting every match.
PAGE_AFTER = page_query(("after", "String"))
PAGE_SORTED = page_query(("sortKey", "OrderSortKey!"))
PAGE_UNCOUNTED = page_query(total_count=False)
PAGE_AFTER_UNCOUNTED = page_query(("after", "String"), total_count=False)
STORE_FULFILLMENT = """
query($loc: ID, $first: Int) {
  fulfillmentOrders(locationId: $loc, first: $first) {
    edges { node { id status order { number } lines { quantity } } }
  }
}
"""
REPLAY = """
subscription($loc: ID, $since: String) {
  fulfillmentOrderAssigned(locationId: $loc, since: $since) {
    cursor fulfillmentOrder { id status }
  }
}
"""
FILTER_FIELDS = '{ __type(name: "OrderFilter") { inputFields { name } } }'
LOCATION_ID = "query($code: String) { location(code: $code) { id } }"
STORE = "TC-01"
# The store's page: as many as it holds at the small size at most (21 at 1,000 orders).
# Each row of the page costs ~0.27 ms of GraphQL and row work: `first: 50` compared 21
# rows with 50 (1.5-1.76 where equal pages measure ~1.0; bench/README.md, fourth session).
STORE_PAGE = 20
# The same for its ALLOCATED orders: 12 at 1,000 orders, 10 at 200,000, 22 at 1,000,000 (a
# few orders of every day stay allocated), so `first: 50` read 22 rows against 12 (1.55).
STATUS_PAGE = 10


# --- measurements ---------------------------------------------------------------------


async def ask(base_url: str, key: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """One GraphQL request with an API key; its data (errors raise)."""
    headers = {"authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as client:
        return await gql(client, query, variables)


async def replay_cursor(database_url: str, location_pk: int) -> tuple[str, int]:
    """The cursor of the store's first assignment of the last day (`since` is exclusive,
    so the one before it), and how many assignments of the store follow it."""
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        stream = f"location:{location_pk}"
        day_ago = datetime.now(UTC) - timedelta(days=1)
        assigned = OutboxEvent.filter(stream=stream, type="ASSIGNED")
        first = await assigned.filter(created_at__gte=day_ago).order_by("id").first()
        if first is None:
            raise RuntimeError(f"no assignment at {STORE} in the last day")
        since = await assigned.filter(id__lt=first.id).order_by("-id").first()
        start = since.id if since else 0
        return encode_cursor(start), await assigned.filter(id__gt=start).count()
    finally:
        await Tortoise.close_connections()


async def time_replay(base_url: str, key: str, variables: dict[str, Any], events: int) -> float:
    """ms from subscribing to the last replayed event."""
    started = time.perf_counter()
    async with subscribe(base_url, key, REPLAY, variables) as sub:
        for _ in range(events):
            message = await sub.message(wait=60)
            if message["type"] != "next" or message["payload"].get("errors"):
                raise RuntimeError(f"replay: {json.dumps(message)[:300]}")
    return (time.perf_counter() - started) * 1000


async def measure_queries(
    server: Server,
    database_url: str,
    keys: Sequence[str],
    orders: int,
    requests: int,
    only: Sequence[str] = (),
) -> dict[str, dict[str, Any]]:
    """p50 ms of each read, one request at a time, on this database (those whose names
    contain one of `only`, when given)."""
    base, key = server.base_url, keys[0]
    location = (await ask(base, key, LOCATION_ID, {"code": STORE}))["location"]["id"]
    filters = {
        f["name"] for f in (await ask(base, key, FILTER_FIELDS, {}))["__type"]["inputFields"]
    }
    day_ago = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    deep = max(1, int(orders * 0.9))
    reads: dict[str, dict[str, Any]] = {
        "orders, first page": {"query": PAGE, "variables": {"first": PAGE_SIZE}},
        "orders, deep page": {
            "query": PAGE_AFTER,
            "variables": {"first": PAGE_SIZE, "after": encode_cursor(deep)},
        },
        "orders, first page, no totalCount": {
            "query": PAGE_UNCOUNTED,
            "variables": {"first": PAGE_SIZE},
        },
        "orders, deep page, no totalCount": {
            "query": PAGE_AFTER_UNCOUNTED,
            "variables": {"first": PAGE_SIZE, "after": encode_cursor(deep)},
        },
        "orders by customer email": {
            "query": PAGE,
            "variables": {"first": PAGE_SIZE, "filter": {"query": f"customer{deep}@example.com"}},
        },
        "orders by status + location": {
            "query": PAGE,
            "variables": {
                "first": STATUS_PAGE,
                "filter": {"status": ["ALLOCATED"], "locationId": location},
            },
        },
        "store's fulfillmentOrders": {
            "query": STORE_FULFILLMENT,
            "variables": {"loc": location, "first": STORE_PAGE},
        },
    }
    for name, connection, size in (
        ("store's fulfillmentOrders", "fulfillmentOrders", STORE_PAGE),
        ("orders by status + location", "orders", STATUS_PAGE),
    ):
        page = await ask(base, key, reads[name]["query"], reads[name]["variables"])
        if len(page[connection]["edges"]) != size:
            raise RuntimeError(f"{name}: {STORE} holds fewer than {size} here")
    if "updatedAfter" in filters:
        reads["orders updatedAfter a day ago, by updatedAt"] = {
            "query": PAGE_SORTED,
            "variables": {
                "first": PAGE_SIZE,
                "filter": {"updatedAfter": day_ago},
                "sortKey": "UPDATED_AT",
            },
        }
        reads["orders updatedAfter a day ago, by createdAt"] = {
            "query": PAGE,
            "variables": {"first": PAGE_SIZE, "filter": {"updatedAfter": day_ago}},
        }
    results: dict[str, dict[str, Any]] = {}
    for name, body in reads.items():
        if not chosen(name, only):
            continue
        cpu = cpu_seconds(server)
        timing = await time_pages(base, keys, requests, body, graphql_failure, WARMUP)
        cpu_ms = (cpu_seconds(server) - cpu) * 1000 / (requests + WARMUP)
        if timing["errors"]:
            raise RuntimeError(f"{name}: {timing['error_samples']}")
        results[name] = {
            "value": timing["p50_ms"],
            "unit": "ms",
            "p99_ms": timing["p99_ms"],
            "cpu_ms": round(cpu_ms, 2),
        }
    if not chosen(REPLAY_NAME, only):
        return results
    cursor, events = await replay_cursor(database_url, decode_id(location, "Location"))
    replays = [
        await time_replay(base, key, {"loc": location, "since": cursor}, events)
        for _ in range(max(3, requests // 10))
    ]
    # Per event: the placeOrders of earlier rounds add to the day's assignments, and not
    # as many at both sizes (31 against 21 in one run).
    results[REPLAY_NAME] = {
        "value": round(statistics.median(replays) / max(events, 1), 2),
        "unit": "ms/event",
        "events": events,
        "ms": round(statistics.median(replays), 2),
    }
    if "updatedAfter" not in filters and chosen("orders updatedAfter a day ago", only):
        results["orders updatedAfter a day ago"] = {"skipped": "OrderFilter has no updatedAfter"}
    return results


REPLAY_NAME = "replay a day of a store's assignments"


def cpu_seconds(server: Server) -> float:
    """CPU used so far by the server and its PostgreSQL backends: per request, steadier
    than wall time when the machine is shared (the background loops' share is in it)."""
    return server.cpu_seconds() + (server.database_cpu_seconds() or 0.0)


def chosen(name: str, only: Sequence[str]) -> bool:
    return not only or any(part in name for part in only)


@dataclass
class Size:
    """One database size: its server and what was measured on it, round by round."""

    label: str
    orders: int
    server: Server
    database_url: str
    keys: str
    loaded: dict[str, Any]
    rounds: list[dict[str, dict[str, Any]]] = field(default_factory=list)

    def measure_round(self, requests: int, place_orders: int, only: Sequence[str]) -> None:
        reads = asyncio.run(
            measure_queries(
                self.server, self.database_url, self.keys.split(","), self.orders, requests, only
            )
        )
        if not place_orders:
            self.rounds.append(reads)
            return
        placed = drive("oms", self.server.base_url + "/graphql", self.keys, place_orders, 4, 60)
        if placed["errors"]:
            raise RuntimeError(f"placeOrder on {self.label}: {placed['error_samples']}")
        reads["placeOrder"] = {
            "value": round(1000 / placed["orders_per_s"], 2) if placed["orders_per_s"] else None,
            "unit": "ms/order",
            "orders_per_s": placed["orders_per_s"],
        }
        self.rounds.append(reads)

    def result(self) -> dict[str, Any]:
        """Each measurement's median over the rounds (placeOrder's rate with it)."""
        merged: dict[str, dict[str, Any]] = {}
        for name, first in self.rounds[0].items():
            if "skipped" in first:
                merged[name] = first
                continue
            values = [r[name]["value"] for r in self.rounds if r[name]["value"] is not None]
            value = round(statistics.median(values), 2) if values else None
            merged[name] = {**first, "value": value, "rounds": [r[name] for r in self.rounds]}
            if "cpu_ms" in first:
                cpus = [r[name]["cpu_ms"] for r in self.rounds]
                merged[name]["cpu_ms"] = round(statistics.median(cpus), 2)
            if "orders_per_s" in first:
                merged[name]["orders_per_s"] = round(1000 / value, 1) if value else 0.0
        return {"orders": self.orders, "load": self.loaded, "measurements": merged}


def prepare_size(
    label: str, orders: int, pg_url: str, logs: Path, stack: ExitStack, keep: bool = False
) -> Size:
    """A migrated, seeded, bulk-loaded database and its (not yet started) server; with
    `keep`, the one a previous run kept at this size (migrated again), or a new one kept."""
    setup = Setup(f"large-{label}", "postgres")
    record = KEPT / f"{orders}.json"
    if keep and record.exists():
        kept = json.loads(record.read_text())
        env = {**os.environ, "DATABASE_URL": kept["url"], "BROADCAST_URL": setup.broadcast_url}
        _run([PYTHON, "-m", "api.cli", "migrate"], env)
        placed = asyncio.run(orders_placed_since_load(kept["url"], orders))
        print(
            f"  {label}: kept database {kept['url']}; {placed} orders placed by earlier runs"
            " (the last day's reads match more orders: --no-place keeps it as loaded)",
            file=sys.stderr,
            flush=True,
        )
        return _sized(label, orders, env, kept["url"], kept["keys"], kept["loaded"], logs)
    if keep:
        name = f"bench_oms_large_kept_{orders}"
        asyncio.run(_recreate_postgres(pg_url, [name], create=True))
        oms_url = f"{pg_url}/{name}?{PG_POOL}"
    else:
        oms_url, _ = stack.enter_context(databases(setup, pg_url))
    env, keys = prepare_oms(setup, oms_url)
    print(f"  {label}: bulk-loading {orders:,} orders ...", file=sys.stderr, flush=True)
    loaded = asyncio.run(load_database(oms_url, orders))
    print(f"  {label}: loaded in {loaded['seconds']} s", file=sys.stderr, flush=True)
    if keep:
        KEPT.mkdir(exist_ok=True)
        record.write_text(json.dumps({"url": oms_url, "keys": keys, "loaded": loaded}))
    return _sized(label, orders, env, oms_url, keys, loaded, logs)


async def orders_placed_since_load(database_url: str, loaded: int) -> int:
    """Orders beyond the bulk load's (its ids run from 1 to `loaded`)."""
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        return await Order.filter(id__gt=loaded).count()
    finally:
        await Tortoise.close_connections()


def _sized(
    label: str,
    orders: int,
    env: dict[str, str],
    url: str,
    keys: str,
    loaded: dict[str, Any],
    logs: Path,
) -> Size:
    """A prepared database's Size, with its server's environment completed."""
    # The history runs back further than the server keeps events (OMS_EVENT_RETENTION_DAYS,
    # 7 by default): its pruner would spend the run deleting the large size's outbox, 500
    # rows at a time, on that size only. Kept whole, as the goal has outbox rows for every
    # order (the replay reads them by index; test_query_plans.py).
    env["OMS_EVENT_RETENTION_DAYS"] = str(orders / ORDERS_PER_DAY + 2)
    # Pages are timed back to back: the query cost's refill would throttle them, not the
    # database (as in bench.order_list).
    env.update(UNTHROTTLED)
    server = Server(f"large-{label}", "api.main:app", env, 1, logs, _database_name(url))
    return Size(label, orders, server, url, keys, loaded)


def describe(m: dict[str, Any]) -> str:
    if "orders_per_s" in m:
        return f"{m['orders_per_s']:.1f} orders/s"
    return f"{m['value']:.1f} {m['unit']}"


def compare(small: dict[str, Any], large: dict[str, Any]) -> list[dict[str, Any]]:
    """Per measurement: large / small of its time (ms, or ms per order for placeOrder)."""
    rows = []
    for name, s in small["measurements"].items():
        big = large["measurements"][name]
        if "skipped" in s:
            rows.append({"name": name, "skipped": s["skipped"]})
            continue
        ratio = big["value"] / s["value"] if s["value"] and big["value"] else None
        rows.append(
            {
                "name": name,
                "small": s,
                "large": big,
                "small_text": describe(s),
                "large_text": describe(big),
                "ratio": None if ratio is None else round(ratio, 2),
                "cpu_ratio": round(big["cpu_ms"] / s["cpu_ms"], 2) if s.get("cpu_ms") else None,
                "meets_goal": ratio is not None and ratio <= GOAL_RATIO,
            }
        )
    return rows


def run(
    orders: int,
    small_orders: int,
    requests: int,
    pg_url: str,
    quick: bool = False,
    keep: bool = False,
    only: Sequence[str] = (),
    place: bool = True,
) -> dict[str, Any]:
    """Both databases loaded, both servers up, then alternating rounds (small, large,
    small, large) so that a busy spell on the machine hits both: the ratio is what counts.
    `keep`: the large database is kept for the next run (the small one loads in seconds)."""
    started, load_before = time.monotonic(), os.getloadavg()[0]
    place_orders = (
        0 if not place or not chosen("placeOrder", only) else 20 if quick else PLACE_ORDERS
    )
    with (
        tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as folder,
        ExitStack() as stack,
    ):
        sizes = [
            prepare_size(label, count, pg_url, Path(folder), stack, keep and label == "large")
            for label, count in (("small", small_orders), ("large", orders))
        ]
        with serving(*(size.server for size in sizes)):
            for round_ in range(ROUNDS):
                for size in sizes:
                    print(f"large: round {round_ + 1}, {size.label}", file=sys.stderr, flush=True)
                    size.measure_round(requests, place_orders, only)
    small, large = (size.result() for size in sizes)
    rows = compare(small, large)
    return {
        "orders": orders,
        "small_orders": small_orders,
        "requests": requests,
        "rounds": ROUNDS,
        "sizes": {"small": small, "large": large},
        "measurements": [r for r in rows if "skipped" not in r],
        "skipped": [r for r in rows if "skipped" in r],
        "seconds": round(time.monotonic() - started, 1),
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def format_table(result: dict[str, Any]) -> str:
    small, large = result["sizes"]["small"], result["sizes"]["large"]
    sizes = [f"{size['orders']:,} orders" for size in (small, large)]
    head = (
        f"{'measurement':<46} {sizes[0]:>16} {sizes[1]:>18} {'ratio':>6} {'met?':>5} "
        f"{'CPU ms/request':>15} {'ratio':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in result["measurements"]:
        ratio = "-" if r["ratio"] is None else f"{r['ratio']:.2f}"
        cpu = "-"
        if r["cpu_ratio"] is not None:
            cpu = f"{r['small']['cpu_ms']:.1f} / {r['large']['cpu_ms']:.1f}"
        cpu_ratio = "-" if r["cpu_ratio"] is None else f"{r['cpu_ratio']:.2f}"
        lines.append(
            f"{r['name']:<46} {r['small_text']:>16} {r['large_text']:>18} {ratio:>6} "
            f"{'yes' if r['meets_goal'] else 'no':>5} {cpu:>15} {cpu_ratio:>6}"
        )
    for r in result["skipped"]:
        lines.append(f"{r['name']:<46} skipped: {r['skipped']}")
    loads = result["loadavg_1m"]
    lines.append(
        f"p50 of one request at a time (placeOrder: 4 connections, ms per order); ratio = "
        f"large / small, goal <= {GOAL_RATIO}. CPU: the server's and its PostgreSQL backends' "
        f"per request (median of rounds).\nbulk load: {large['load']['seconds']} s for "
        f"{large['orders']:,} orders ({sum(large['load']['rows'].values()):,} rows; seconds per "
        f"step {large['load']['steps']}); "
        f"1-minute load average {min(loads):.2f}-{max(loads):.2f}"
    )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS, help="the large size")
    parser.add_argument("--small", type=int, default=SMALL_ORDERS, help="the small size")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="timed per read")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--keep",
        action="store_true",
        help=f"keep the large database for later runs, or reuse the one kept (record in {KEPT})",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run only the measurements whose names contain this (repeatable)",
    )
    parser.add_argument("--no-place", action="store_true", help="skip placeOrder")
    return parser


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = build_parser().parse_args(argv)
    result = run(
        args.orders,
        args.small,
        args.requests,
        args.pg_url,
        keep=args.keep,
        only=args.only,
        place=not args.no_place,
    )
    print(format_table(result))
    output = {"environment": environment(), **result}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2, default=str) + "\n")
    return output


if __name__ == "__main__":
    main()
