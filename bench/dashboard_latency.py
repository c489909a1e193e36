"""Store dashboard latency: from placeOrder's HTTP response to the dashboard's event.

    python -m bench.dashboard_latency [--setup sqlite|postgres|redis|redis-2w|all]
        [--orders 300] [--concurrency 4] [--timeout 5] [--json PATH]

For each setup: a fresh database seeded by bench.seed (50 Twin Cities locations, every
product stocked everywhere, ADMIN keys), a real `uvicorn api.main:app`, and a store
dashboard: a STAFF key of TC-01 subscribed over graphql-transport-ws (tests/support/ws.py, the
`websockets` package) to `fulfillmentOrderAssigned(locationId: TC-01)`. TC-01 offers pickup
and every order is a PICKUP order at TC-01, so every order is assigned there, whatever the
stock elsewhere. N orders are placed over HTTP one at a time, then N more over C
connections at once; each order's latency is the time from its placeOrder response
reaching the client to its event (matched by order number) reaching the dashboard, both
clocked in this process. An event that has not arrived `--timeout` seconds after its
response is lost. Goal (issue): p99 <= 50 ms after commit, nothing lost; the commit
precedes the response, so "after the response" is the stricter reading.

Setups: the memory broadcaster with 1 worker on SQLite and on PostgreSQL, and Redis with 1
and with 2 workers on PostgreSQL. With 2 workers the dashboard's WebSocket and each HTTP
connection are accepted by whichever worker the kernel picks, so most setups mix orders
placed on the dashboard's worker and on the other one; which worker served which
connection is read from /proc (socket inodes), and the two are reported apart.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx

from bench.load import LINES_PER_ORDER, PLACE_ORDER, RUN_ID, oms_failure, percentile
from bench.place_order import (
    SETUPS as PLACE_ORDER_SETUPS,
)
from bench.place_order import (
    Server,
    Setup,
    _database_name,
    _proc_stats,
    databases,
    environment,
    prepare_oms,
    serving,
)
from bench.twin_cities import SKUS
from tests.support.ws import subscribe

GOAL_P99_MS = 50.0
REDIS = PLACE_ORDER_SETUPS["postgres-2w"].broadcast_url
# Distinct names from bench.place_order's, so that their databases never collide.
SETUPS = {
    "sqlite": Setup("dashboard-sqlite", "sqlite"),
    "postgres": Setup("dashboard-postgres", "postgres"),
    "redis": Setup("dashboard-redis", "postgres", 1, REDIS),
    "redis-2w": Setup("dashboard-redis-2w", "postgres", 2, REDIS),
}
CHOICES = {**{name: [name] for name in SETUPS}, "all": list(SETUPS)}
STORE = "TC-01"
WARMUP = 10  # orders whose events must arrive before timing: the subscription is live
# What the dashboard needs to show a new assignment and to match it to its order.
ASSIGNED = """
subscription($loc: ID) {
  fulfillmentOrderAssigned(locationId: $loc) {
    cursor type at
    fulfillmentOrder { id status location { code } order { number } lines { quantity } }
  }
}
"""
SETUP_STORE = """
query($code: String) { location(code: $code) { id } }
"""
ENABLE_PICKUP = """
mutation($id: ID!) {
  updateLocation(input: {id: $id, pickupEnabled: true}) { userErrors { message } }
}
"""
STAFF_KEY = """
mutation($loc: ID!) {
  createApiKey(input: {name: "bench dashboard", role: STAFF, locationIds: [$loc]}) {
    secret userErrors { message }
  }
}
"""


# --- which worker serves a connection -------------------------------------------------


def _socket_inode(server_port: int, client_port: int) -> str | None:
    """The inode of the server side of 127.0.0.1:client_port -> :server_port."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cells = row.split()
            local, remote, inode = cells[1], cells[2], cells[9]
            if int(local.rsplit(":", 1)[1], 16) == server_port and (
                int(remote.rsplit(":", 1)[1], 16) == client_port
            ):
                return inode
    return None


def serving_pid(server: Server, client_port: int) -> int | None:
    """The uvicorn process (a worker, or the only process) holding that connection."""
    if server.proc is None:
        return None
    inode = _socket_inode(server.port, client_port)
    if inode is None:
        return None
    wanted = f"socket:[{inode}]"
    for pid, _, group, _ in _proc_stats():
        if group != server.proc.pid:
            continue
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == wanted:
                    return pid
            except OSError:
                continue
    return None


def client_port(response: httpx.Response) -> int | None:
    """The local port of the keep-alive connection that carried `response`."""
    stream = response.extensions.get("network_stream")
    address = stream.get_extra_info("client_addr") if stream is not None else None
    return int(address[1]) if address else None


# --- one run --------------------------------------------------------------------------


@dataclass
class Placed:
    number: str | None
    phase: str
    sent: float
    responded: float
    worker: int | None = None  # pid of the uvicorn process that served the mutation
    problem: str | None = None


@dataclass
class Dashboard:
    """What the subscribed dashboard received, by order number, on the machine's monotonic
    clock (`time.perf_counter`, CLOCK_MONOTONIC: one clock for every process here)."""

    arrivals: dict[str, float] = field(default_factory=dict)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)  # rung on every event

    def note(self, message: dict[str, Any], at: float) -> bool:
        """One message of the subscription; False when the subscription is over."""
        if message["type"] != "next" or message["payload"].get("errors"):
            self.errors.append(json.dumps(message)[:300])
            return message["type"] == "next"  # `error` or `complete` end it
        event = message["payload"]["data"]["fulfillmentOrderAssigned"]
        number = event["fulfillmentOrder"]["order"]["number"]
        if number in self.arrivals:
            self.duplicates += 1
        else:
            self.arrivals[number] = at
        self.arrived.set()
        return True

    async def listen(self, receiving: Connection) -> None:
        """The messages the dashboard's own process (`_dashboard_process`) passes on."""
        loop = asyncio.get_running_loop()
        while True:
            message, at = await loop.run_in_executor(None, receiving.recv)
            if not self.note(message, at):
                return


def _dashboard_process(base_url: str, staff: str, location: str, sending: Connection) -> None:
    """The store's dashboard in a process of its own: in the placing clients' event loop,
    an event would wait behind their requests and responses, and the figure would be the
    load driver's queue rather than the OMS's latency. Sends ("port", n) once subscribed,
    then (message, arrival time) for each message."""

    async def run() -> None:
        async with subscribe(base_url, staff, ASSIGNED, {"loc": location}) as sub:
            sending.send(("port", sub.socket.local_address[1]))
            while True:
                message = await sub.message(wait=3600)
                sending.send((message, time.perf_counter()))

    asyncio.run(run())


def pickup_order(rng: random.Random, n: int, location_id: str) -> dict[str, Any]:
    """A placeOrder body: a pickup at the dashboard's store, so it is assigned there."""
    lines = [
        {"sku": sku, "quantity": rng.randint(1, 3)} for sku in rng.sample(SKUS, LINES_PER_ORDER)
    ]
    order = {
        "channel": "web",
        "idempotencyKey": f"dashboard-{RUN_ID}-{n}",
        "customer": {"email": f"pickup{n}@example.com", "name": f"Pickup {n}"},
        "currency": "USD",
        "deliveryMethod": "PICKUP",
        "pickupLocationId": location_id,
        "lines": lines,
    }
    return {"query": PLACE_ORDER, "variables": {"input": order}}


async def gql(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = (await client.post("/graphql", json={"query": query, "variables": variables})).json()
    if body.get("errors"):
        raise RuntimeError(f"GraphQL errors: {body['errors']}")
    data: dict[str, Any] = body["data"]
    return data


async def open_store(base_url: str, admin: str) -> tuple[str, str]:
    """TC-01's global id, with pickup turned on, and a STAFF key of it, through the API."""
    headers = {"authorization": f"Bearer {admin}"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as client:
        location = (await gql(client, SETUP_STORE, {"code": STORE}))["location"]["id"]
        await gql(client, ENABLE_PICKUP, {"id": location})
        created = (await gql(client, STAFF_KEY, {"loc": location}))["createApiKey"]
    if created["userErrors"] or not created["secret"]:
        raise RuntimeError(f"createApiKey: {created['userErrors']}")
    return location, created["secret"]


class Placer:
    """Places orders over a few keep-alive connections, one client (and key) each, and
    notes which uvicorn process served each connection."""

    def __init__(
        self, server: Server, keys: Sequence[str], location_id: str, connections: int
    ) -> None:
        self.server, self.location_id = server, location_id
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        self.clients = [
            httpx.AsyncClient(
                base_url=server.base_url,
                headers={"authorization": f"Bearer {keys[i % len(keys)]}"},
                limits=limits,
                timeout=30,
            )
            for i in range(connections)
        ]
        self.rng = random.Random(26)
        self.count = 0
        self.workers: dict[int, int | None] = {}  # client port -> serving pid

    async def close(self) -> None:
        for client in self.clients:
            await client.aclose()

    async def place(self, client_index: int, phase: str) -> Placed:
        self.count += 1
        body = pickup_order(self.rng, self.count, self.location_id)
        sent = time.perf_counter()
        try:
            response = await self.clients[client_index].post("/graphql", json=body)
        except httpx.HTTPError as error:
            now = time.perf_counter()
            return Placed(None, phase, sent, now, problem=f"{type(error).__name__}: {error}")
        responded = time.perf_counter()
        problem = oms_failure(response)
        order = None if problem else response.json()["data"]["placeOrder"]["order"]
        if order is not None:
            codes = {fo["location"]["code"] for fo in order["fulfillmentOrders"]}
            if codes != {STORE}:
                problem = f"assigned to {sorted(codes)}, not {STORE}"
        port = client_port(response)
        if port is not None and port not in self.workers:
            # A new connection: which process accepted it. Rare (keep-alive), and done
            # after `responded` was taken, so it delays no measurement of this order.
            self.workers[port] = serving_pid(self.server, port)
        return Placed(
            order["number"] if order else None,
            phase,
            sent,
            responded,
            self.workers.get(port) if port is not None else None,
            problem,
        )

    async def sequential(self, count: int, phase: str) -> list[Placed]:
        # Rotating over the connections spreads the orders over the workers too.
        return [await self.place(n % len(self.clients), phase) for n in range(count)]

    async def concurrent(self, count: int, concurrency: int, phase: str) -> list[Placed]:
        queue = iter(range(count))
        placed: list[Placed] = []

        async def worker(index: int) -> None:
            for _ in queue:
                placed.append(await self.place(index % len(self.clients), phase))

        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        return placed


async def wait_for_events(
    dashboard: Dashboard, placed: Sequence[Placed], lost_after: float
) -> None:
    """Until every placed order's event arrived, or `lost_after` s after the last response."""
    numbers = [p.number for p in placed if p.number]
    deadline = max((p.responded for p in placed), default=time.perf_counter()) + lost_after
    while not all(n in dashboard.arrivals for n in numbers):
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return
        # No await since the check above: no event can slip between it and the clear.
        dashboard.arrived.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(dashboard.arrived.wait(), remaining)


def _side(worker: int | None, dashboard_worker: int | None) -> str:
    """Whether an order's mutation ran in the process that holds the dashboard's socket."""
    if worker is None or dashboard_worker is None:
        return "unknown"
    return "same" if worker == dashboard_worker else "other"


def latency_stats(values_ms: Sequence[float]) -> dict[str, Any]:
    if not values_ms:
        return {"n": 0}
    return {
        "n": len(values_ms),
        "min_ms": round(min(values_ms), 2),
        "p50_ms": round(statistics.median(values_ms), 2),
        "p99_ms": round(percentile(values_ms, 0.99), 2),
        "max_ms": round(max(values_ms), 2),
    }


def phase_result(
    placed: Sequence[Placed],
    dashboard: Dashboard,
    lost_after: float,
    dashboard_worker: int | None,
    workers: int,
) -> dict[str, Any]:
    ok = [p for p in placed if p.number and not p.problem]
    after_response: list[float] = []
    after_request: list[float] = []
    lost = 0
    by_worker: dict[str, list[float]] = {"same": [], "other": [], "unknown": []}
    for p in ok:
        at = dashboard.arrivals.get(p.number or "")
        if at is None or at - p.responded > lost_after:
            lost += 1
            continue
        after_response.append((at - p.responded) * 1000)
        after_request.append((at - p.sent) * 1000)
        by_worker[_side(p.worker, dashboard_worker)].append((at - p.responded) * 1000)
    stats = latency_stats(after_response)
    result: dict[str, Any] = {
        "orders": len(placed),
        "placed": len(ok),
        "errors": len(placed) - len(ok),
        "error_samples": [p.problem for p in placed if p.problem][:5],
        "lost": lost,
        "after_response": stats,
        # The event sometimes beats the response: both leave the server after the commit.
        "events_before_response": sum(1 for v in after_response if v < 0),
        "after_request": latency_stats(after_request),
        "meets_goal": lost == 0 and bool(stats["n"]) and stats["p99_ms"] <= GOAL_P99_MS,
    }
    if workers > 1:
        result["by_worker"] = {
            side: latency_stats(values) for side, values in by_worker.items() if values
        }
    return result


async def measure(
    server: Server, keys: Sequence[str], orders: int, concurrency: int, lost_after: float
) -> dict[str, Any]:
    location, staff = await open_store(server.base_url, keys[0])
    dashboard = Dashboard()
    placer = Placer(server, keys, location, max(concurrency, 4))
    listening: asyncio.Task[None] | None = None
    receiving, sending = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("spawn").Process(
        target=_dashboard_process, args=(server.base_url, staff, location, sending), daemon=True
    )
    process.start()
    sending.close()  # the child's end: recv here ends (EOFError) when the child does
    try:
        loop = asyncio.get_running_loop()
        _, port = await asyncio.wait_for(loop.run_in_executor(None, receiving.recv), 30)
        listening = asyncio.create_task(dashboard.listen(receiving))
        dashboard_worker = serving_pid(server, port)
        # The subscription takes its starting point when the server has processed it;
        # there is no acknowledgement of `subscribe` in the protocol, so give it a
        # moment, then require the warm-up's events (which also fill caches and pools).
        await asyncio.sleep(1.0)
        warm = await placer.sequential(WARMUP, "warmup")
        await wait_for_events(dashboard, warm, lost_after)
        warm_lost = sum(1 for p in warm if p.number and p.number not in dashboard.arrivals)
        failed = [p.problem for p in warm if p.problem]
        if warm_lost or dashboard.errors or failed:
            raise RuntimeError(
                f"warm-up: {warm_lost} event(s) missed, {dashboard.errors[:2]}, "
                f"placements failed: {failed[:2]}"
            )
        phases: dict[str, Any] = {}
        for phase in ("sequential", f"concurrency {concurrency}"):
            if phase == "sequential":
                placed = await placer.sequential(orders, phase)
            else:
                placed = await placer.concurrent(orders, concurrency, phase)
            await wait_for_events(dashboard, placed, lost_after)
            phases[phase] = phase_result(
                placed, dashboard, lost_after, dashboard_worker, server.workers
            )
    finally:
        process.terminate()
        process.join(10)
        if listening is not None:
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await listening
        await placer.close()
    return {
        "phases": phases,
        "duplicates": dashboard.duplicates,
        "subscription_errors": dashboard.errors[:5],
        "worker_pids": {
            "dashboard": dashboard_worker,
            "http_connections": sorted({pid for pid in placer.workers.values() if pid}),
        },
    }


def run_setup(
    name: str, orders: int, concurrency: int, lost_after: float, pg_url: str, logs: Path
) -> dict[str, Any]:
    setup = SETUPS[name]
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    with databases(setup, pg_url) as (oms_url, _):
        env, keys = prepare_oms(setup, oms_url)
        server = Server(
            setup.name, "api.main:app", env, setup.workers, logs, _database_name(oms_url)
        )
        with serving(server):
            measured = asyncio.run(
                measure(server, keys.split(","), orders, concurrency, lost_after)
            )
    return {
        "name": name,
        **asdict(setup),
        **measured,
        "seconds": round(time.monotonic() - started, 1),
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def run_all(
    names: Sequence[str], orders: int, concurrency: int, lost_after: float, pg_url: str
) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as logs:
        for name in names:
            print(f"dashboard latency: {name} ...", file=sys.stderr, flush=True)
            rows.append(run_setup(name, orders, concurrency, lost_after, pg_url, Path(logs)))
    return rows


def describe(row: dict[str, Any]) -> str:
    broadcast = "memory" if row["broadcast_url"].startswith("memory") else "redis"
    return f"{row['dialect']}, {broadcast}, {row['workers']}w"


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        f"{'setup':<22} {'phase':<14} {'orders':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'lost':>5} {'errors':>6} {'goal':>5}"
    )
    lines = [head, "-" * len(head)]
    for row in rows:
        for phase, r in row["phases"].items():
            s = r["after_response"]
            lines.append(
                f"{describe(row):<22} {phase:<14} {r['placed']:>6} {s.get('p50_ms', 0):>8.1f} "
                f"{s.get('p99_ms', 0):>8.1f} {s.get('max_ms', 0):>8.1f} {r['lost']:>5} "
                f"{r['errors']:>6} {'yes' if r['meets_goal'] else 'no':>5}"
            )
            for side, w in r.get("by_worker", {}).items():
                label = {"same": "on the dashboard's worker", "other": "on the other worker"}
                lines.append(
                    f"{'':<22}   {label.get(side, side)}: {w['n']} orders, p50 {w['p50_ms']:.1f}"
                    f", p99 {w['p99_ms']:.1f}, max {w['max_ms']:.1f} ms"
                )
    lines.append(
        "ms from the placeOrder HTTP response to the fulfillmentOrderAssigned event at a "
        f"subscribed store dashboard;\nlost = no event within the timeout. Goal: p99 <= "
        f"{GOAL_P99_MS:.0f} ms, nothing lost."
    )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", choices=list(CHOICES), default="all")
    parser.add_argument("--orders", type=int, default=300, help="orders per phase")
    parser.add_argument("--concurrency", type=int, default=4, help="of the second phase")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds: later is lost")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--json", type=Path, help="also write the results here")
    return parser


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = build_parser().parse_args(argv)
    rows = run_all(CHOICES[args.setup], args.orders, args.concurrency, args.timeout, args.pg_url)
    print(format_table(rows))
    output = {"environment": environment(), "setups": rows}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2) + "\n")
    return output


if __name__ == "__main__":
    main()
