"""The race at scale: many clients place orders at once for scarce stock, and not one unit
is promised twice.

    python -m bench.race [--placements 10000] [--connections 64] [--time-cap 600]
        [--on-hand 100] [--safety-stock 5] [--skus 3] [--json PATH]

PostgreSQL + Redis, uvicorn with 2 workers, everything on 127.0.0.1. The network is
bench.seed's (50 Twin Cities locations, 30 products), then the first `--skus` products
get scarce stock at every location (`--on-hand`, `--safety-stock`); every order asks for
1-3 units of one or two of them, to a random Twin Cities address, so nearby stores run
dry while others still hold stock and placements keep meeting at the same rows. Each
connection has its own ADMIN key (a shared one would run into the per-key query budget
of api/cost.py). The load is bench.load's closed loop; no more requests are sent after
`--time-cap` seconds.

Afterwards, from the database: oversold units (per level, what its fulfillment orders were
assigned beyond the onHand - safetyStock it had; must be 0), whether every level still
equals its fulfillment orders and its ledger, whether every order is allocated or
backordered in full; and orders/s, latency and errors from the clients' side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise
from tortoise.functions import Sum

from bench.load import drive, summarize
from bench.place_order import PYTHON, RESULTS, Server, Setup, _run, databases, environment
from bench.seed import seed
from bench.twin_cities import SKUS, random_address

# Its own database names (bench_oms_race): it may run beside `python -m bench`.
SETUP = Setup("race", "postgres", workers=2, broadcast_url="redis://127.0.0.1:6379")
PLACE_ORDER = """
mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order { status }
    userErrors { code message }
  }
}
"""


@dataclass(frozen=True)
class Race:
    placements: int
    connections: int
    time_cap: float
    on_hand: int
    safety_stock: int
    skus: int
    seed: int


# --- seeding --------------------------------------------------------------------------


async def prepare(database_url: str, race: Race) -> list[str]:
    """bench.seed's network, scarce stock for the raced SKUs, one ADMIN key per connection."""
    from models.operations.access import create_api_key
    from models.operations.inventory import set_inventory
    from models.rules.scopes import SYSTEM, Role
    from models.tables import Location

    await Tortoise.init(config=_tortoise_config(database_url))
    try:
        await seed()
        locations = await Location.all().values_list("id", flat=True)
        for sku in SKUS[: race.skus]:
            await asyncio.gather(
                *(
                    set_inventory(location, sku, race.on_hand, race.safety_stock, SYSTEM)
                    for location in locations
                )
            )
        return [(await create_api_key(f"race {n}", Role.ADMIN))[1] for n in range(race.connections)]
    finally:
        await Tortoise.close_connections()


def _tortoise_config(database_url: str) -> dict[str, Any]:
    from api.settings import Settings

    return Settings(database_url=database_url).tortoise_config()


# --- load -----------------------------------------------------------------------------


def bodies(race: Race) -> list[bytes]:
    rng = random.Random(race.seed)
    run = uuid.uuid4().hex[:12]  # idempotency keys must not replay an earlier run's orders
    raced = SKUS[: race.skus]
    made = []
    for n in range(race.placements):
        lines = [
            {"sku": sku, "quantity": rng.randint(1, 3)}
            for sku in rng.sample(raced, k=rng.randint(1, min(2, len(raced))))
        ]
        order = {
            "channel": "web",
            "idempotencyKey": f"race-{run}-{n}",
            "customer": {"email": f"racer{n}@example.com", "name": f"Racer {n}"},
            "currency": "USD",
            "shippingAddress": random_address(rng),
            "lines": lines,
        }
        made.append(json.dumps({"query": PLACE_ORDER, "variables": {"input": order}}).encode())
    return made


async def load(
    url: str, keys: Sequence[str], race: Race
) -> tuple[dict[str, Any], Counter[str], Counter[str]]:
    """Every placement, `connections` at a time; a placement counts when it is answered
    with an order (ALLOCATED, or BACKORDERED once the stock nearby is gone). Also: the
    orders by status, and the failures by kind."""
    statuses: Counter[str] = Counter()
    failures: Counter[str] = Counter()

    def check(response: httpx.Response) -> str | None:
        if response.status_code != 200:
            failures[f"HTTP {response.status_code}"] += 1
            return f"HTTP {response.status_code}: {response.text[:200]}"
        body = response.json()
        if body.get("errors"):
            error = body["errors"][0]
            code = (error.get("extensions") or {}).get("code")
            failures[f"GraphQL error {code}"] += 1
            return f"GraphQL error {code}: {error.get('message', '')[:200]}"
        payload = body["data"]["placeOrder"]
        if payload["userErrors"]:
            first = payload["userErrors"][0]
            failures[f"userError {first['code']}"] += 1
            return f"userError {first['code']}: {first['message']}"
        statuses[payload["order"]["status"]] += 1
        return None

    sent = bodies(race)
    limits = httpx.Limits(
        max_connections=race.connections, max_keepalive_connections=race.connections
    )
    headers = {"content-type": "application/json"}
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=60.0) as client:
        start = time.perf_counter()
        tally = await drive(client, url, sent, race.connections, start + race.time_cap, check, keys)
        elapsed = time.perf_counter() - start
    # What never reached `check`: no answer at all (bench.load counts it as an error).
    if tally.errors > sum(failures.values()):
        failures["no answer"] = tally.errors - sum(failures.values())
    summary = summarize(
        "race",
        race.connections,
        tally.latencies_ms,
        tally.errors,
        elapsed,
        race.placements,
        tally.error_samples,
    )
    return summary, statuses, failures


# --- what must hold -------------------------------------------------------------------


async def audit(database_url: str, race: Race) -> dict[str, Any]:
    """Oversold units and the bookkeeping, read from the database after the run."""
    from models.tables import (
        FulfillmentOrderLine,
        InventoryLedgerEntry,
        InventoryLevel,
        OrderLine,
        Product,
    )

    await Tortoise.init(config=_tortoise_config(database_url))
    try:
        raced = set(await Product.filter(sku__in=SKUS[: race.skus]).values_list("id", flat=True))
        assigned: dict[tuple[int, int], int] = defaultdict(int)  # (location, product) -> units
        for row in await FulfillmentOrderLine.filter(
            fulfillment_order__location_id__not_isnull=True
        ).values("quantity", "fulfillment_order__location_id", "order_line__product_id"):
            key = (row["fulfillment_order__location_id"], row["order_line__product_id"])
            assigned[key] += row["quantity"]
        ledger = {
            row["level_id"]: (row["on_hand"], row["reserved"])
            for row in await InventoryLedgerEntry.annotate(
                on_hand=Sum("on_hand_delta"), reserved=Sum("reserved_delta")
            )
            .group_by("level_id")
            .values("level_id", "on_hand", "reserved")
        }
        oversold = 0
        over_levels = 0
        mismatched = []
        emptied = 0
        levels = await InventoryLevel.filter(product_id__in=list(raced))
        for level in levels:
            key = (level.location_id, level.product_id)  # type: ignore[attr-defined]
            # Nothing ships in this run, so onHand is what the level had all along.
            beyond = assigned[key] - (level.on_hand - level.safety_stock)
            if beyond > 0:
                oversold += beyond
                over_levels += 1
            if level.reserved != assigned[key] or ledger.get(level.id) != (
                level.on_hand,
                level.reserved,
            ):
                mismatched.append(
                    {
                        "level": level.id,
                        "reserved": level.reserved,
                        "assigned": assigned[key],
                        "ledger": ledger.get(level.id),
                    }
                )
            emptied += level.reserved >= level.on_hand - level.safety_stock
        lines = await OrderLine.all().values(
            "quantity", "allocated_quantity", "backordered_quantity"
        )
        partial = sum(
            1
            for ln in lines
            if ln["allocated_quantity"] + ln["backordered_quantity"] != ln["quantity"]
        )
        return {
            "oversold_units": oversold,
            "oversold_levels": over_levels,
            "levels": len(levels),
            "levels_emptied": emptied,
            "levels_not_matching_orders_or_ledger": mismatched[:10],
            "lines_not_fully_accounted": partial,
            "units_supplied": sum(level.on_hand - level.safety_stock for level in levels),
            "units_allocated": sum(ln["allocated_quantity"] for ln in lines),
            "units_backordered": sum(ln["backordered_quantity"] for ln in lines),
            "orders_in_database": await _count_orders(),
        }
    finally:
        await Tortoise.close_connections()


async def _count_orders() -> int:
    from models.tables import Order

    return await Order.all().count()


# --- the whole run --------------------------------------------------------------------


def run(race: Race, pg_url: str, redis_url: str) -> dict[str, Any]:
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    setup = Setup(SETUP.name, SETUP.dialect, SETUP.workers, redis_url)
    with (
        databases(setup, pg_url) as (oms_url, _),
        tempfile.TemporaryDirectory(prefix="oms-race-logs-") as logs,
    ):
        env = {**os.environ, "DATABASE_URL": oms_url, "BROADCAST_URL": redis_url}
        _run([PYTHON, "-m", "api.cli", "migrate"], env)
        print("seeding ...", file=sys.stderr, flush=True)
        keys = asyncio.run(prepare(oms_url, race))
        server = Server("oms-race", "api.main:app", env, setup.workers, Path(logs))
        server.start()
        try:
            print(
                f"racing: {race.placements} placements over {race.connections} connections ...",
                file=sys.stderr,
                flush=True,
            )
            summary, statuses, failures = asyncio.run(
                load(f"{server.base_url}/graphql", keys, race)
            )
        finally:
            server.stop()
        server_log = server.log_path.read_text(errors="replace")
        result = asyncio.run(audit(oms_url, race))
    return {
        "environment": environment(),
        "race": asdict(race),
        "load": summary,
        "statuses": dict(statuses),
        "errors_by_kind": dict(failures),
        "audit": result,
        "server_tracebacks": server_log.count("Traceback"),
        "seconds": round(time.monotonic() - started, 1),
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def format_result(result: dict[str, Any]) -> str:
    race, load_, audit_, env = (
        result["race"],
        result["load"],
        result["audit"],
        result["environment"],
    )
    return "\n".join(
        [
            f"race: {race['placements']} placements, {race['connections']} connections, "
            f"{race['skus']} SKUs x {audit_['levels']} levels, onHand {race['on_hand']} "
            f"safetyStock {race['safety_stock']}; PostgreSQL + Redis, 2 workers",
            f"  oversold units:        {audit_['oversold_units']} "
            f"(levels: {audit_['oversold_levels']})",
            f"  orders answered:       {load_['orders']} {result['statuses']}, "
            f"{audit_['orders_in_database']} in the database",
            f"  orders/s:              {load_['orders_per_s']} "
            f"(p50 {load_['p50_ms']} ms, p99 {load_['p99_ms']} ms, {load_['elapsed_s']} s)",
            f"  errors:                {load_['errors']} {result['errors_by_kind'] or ''}",
            *(f"    e.g. {sample}" for sample in load_["error_samples"][:1]),
            f"  units supplied/allocated/backordered: {audit_['units_supplied']} / "
            f"{audit_['units_allocated']} / {audit_['units_backordered']}; "
            f"levels emptied {audit_['levels_emptied']}",
            f"  levels off their orders or ledger: "
            f"{len(audit_['levels_not_matching_orders_or_ledger'])}; "
            f"lines not fully accounted: {audit_['lines_not_fully_accounted']}",
            f"  time capped: {load_['time_capped']}; server tracebacks: "
            f"{result['server_tracebacks']}; {result['seconds']} s in all; "
            f"load average {result['loadavg_1m']}",
            f"  {env['date']}, commit {env['commit']}, nproc {env['nproc']}, {env['cpu']}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--placements", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--time-cap", type=float, default=600.0, help="seconds of load at most (10 minutes)"
    )
    parser.add_argument("--on-hand", type=int, default=100, help="per level of a raced SKU")
    parser.add_argument("--safety-stock", type=int, default=5)
    parser.add_argument("--skus", type=int, default=3, help="how many SKUs are raced for")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=RESULTS / "race.json")
    parser.add_argument(
        "--pg-url", default="postgres://postgres@127.0.0.1:5432", help="server, no database"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379")
    args = parser.parse_args(argv)
    race = Race(
        args.placements,
        args.connections,
        args.time_cap,
        args.on_hand,
        args.safety_stock,
        args.skus,
        args.seed,
    )
    result = run(race, args.pg_url, args.redis_url)
    print(format_result(result))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    # Non-zero when a unit was promised twice or the books do not balance.
    broken = (
        result["audit"]["oversold_units"]
        or result["audit"]["levels_not_matching_orders_or_ledger"]
        or result["audit"]["lines_not_fully_accounted"]
    )
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
