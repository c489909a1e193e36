"""The load driver: N orders over C keep-alive connections to one server, from its own
process so that its CPU is not the server's.

    python -m bench.load --target oms --url http://127.0.0.1:8100/graphql --key S1,S2,... \\
        [--requests 2000] [--concurrency 16] [--time-cap 60] [--warmup 100] [--seed 1]
    python -m bench.load --target graphql --body BODY.json --url ... [--key ...]

`oms` places orders, `baseline` posts bench.baseline_app's orders, `graphql` sends the same
GraphQL request body (a file) every time and counts answers without errors.

Prints one JSON object: orders/s over the timed phase, latency percentiles of the
successful requests, and the first few failures. Request bodies are built before the
clock starts; a warm-up (not counted) fills caches and connection pools first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.twin_cities import SKUS, random_address

# What a shop's checkout would ask back: enough to show the confirmation page.
PLACE_ORDER = """
mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order {
      id number status subtotal { amount currencyCode }
      lines { sku quantity allocatedQuantity }
      fulfillmentOrders { status location { code } }
    }
    userErrors { field message code }
  }
}
"""
BASELINE_STOCK_ROWS = 1_500  # bench.baseline_app.STOCK_ROWS, without importing its models
LINES_PER_ORDER = 3
ERROR_SAMPLES = 5


# Idempotency keys must differ between driver runs against the same database (warm-up,
# timed run, profile), or placeOrder would answer later runs by replaying earlier orders.
RUN_ID = uuid.uuid4().hex[:12]


def oms_body(rng: random.Random, n: int) -> bytes:
    lines = [
        {"sku": sku, "quantity": rng.randint(1, 3)} for sku in rng.sample(SKUS, k=LINES_PER_ORDER)
    ]
    order = {
        "channel": "web",
        # A web shop sends one per checkout, so retries never place an order twice.
        "idempotencyKey": f"bench-{RUN_ID}-{n}",
        "customer": {"email": f"shopper{n}@example.com", "name": f"Shopper {n}"},
        "currency": "USD",
        "shippingAddress": random_address(rng),
        "lines": lines,
    }
    return json.dumps({"query": PLACE_ORDER, "variables": {"input": order}}).encode()


def baseline_body(rng: random.Random, n: int) -> bytes:
    return json.dumps(
        {
            "stockId": rng.randint(1, BASELINE_STOCK_ROWS),
            "quantity": 1,
            "email": f"shopper{n}@example.com",
            "lines": [
                {"sku": sku, "quantity": rng.randint(1, 3), "unitPrice": "10.00"}
                for sku in rng.sample(SKUS, k=2)
            ],
        }
    ).encode()


def oms_failure(response: httpx.Response) -> str | None:
    """Why a placeOrder response is not a placed order, or None when it is."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    body = response.json()
    if body.get("errors"):
        return f"GraphQL error: {body['errors'][0].get('message', '')[:200]}"
    payload = (body.get("data") or {}).get("placeOrder") or {}
    if payload.get("userErrors"):
        return f"userError: {payload['userErrors'][0]}"
    if (payload.get("order") or {}).get("status") != "ALLOCATED":
        return f"not allocated: {str(payload)[:200]}"
    return None


def baseline_failure(response: httpx.Response) -> str | None:
    return None if response.status_code == 200 else f"HTTP {response.status_code}"


def graphql_failure(response: httpx.Response) -> str | None:
    """Why a GraphQL answer is not a success: HTTP status, errors, or no data."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    body = response.json()
    if body.get("errors") or not body.get("data"):
        return f"GraphQL error: {str(body.get('errors'))[:200]}"
    return None


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _causes(error: BaseException) -> str:
    """The chain under a transport error (httpx's own message is often empty)."""
    chain = []
    cause = error.__cause__ or error.__context__
    while cause is not None and len(chain) < 4:
        chain.append(f"{type(cause).__name__}: {cause}")
        cause = cause.__cause__ or cause.__context__
    return f" (from {' <- '.join(chain)})" if chain else ""


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)


async def drive(
    client: httpx.AsyncClient,
    url: str,
    bodies: Sequence[bytes],
    concurrency: int,
    deadline: float,
    check: Any,
    keys: Sequence[str] = (),
) -> Tally:
    """Send every body (or until `deadline`), `concurrency` at a time; time each one.
    Worker i authenticates with keys[i % len(keys)]."""
    tally = Tally()
    queue = iter(bodies)

    async def worker(index: int) -> None:
        headers = {"authorization": f"Bearer {keys[index % len(keys)]}"} if keys else {}
        # Each worker takes the next body when its previous request is answered:
        # a closed loop of `concurrency` clients, as with wrk.
        for body in queue:
            if time.perf_counter() > deadline:
                return
            start = time.perf_counter()
            try:
                response = await client.post(url, content=body, headers=headers)
                problem = check(response)
            except httpx.HTTPError as error:
                problem = f"{type(error).__name__}: {error}{_causes(error)}"
            if problem is None:
                tally.latencies_ms.append((time.perf_counter() - start) * 1000)
            else:
                tally.errors += 1
                if len(tally.error_samples) < ERROR_SAMPLES:
                    tally.error_samples.append(problem)

    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return tally


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    make: Callable[[random.Random, int], bytes]
    check: Callable[[httpx.Response], str | None]
    if args.target == "graphql":
        fixed = args.body.read_bytes()
        make, check = (lambda _rng, _n: fixed), graphql_failure
    elif args.target == "oms":
        make, check = oms_body, oms_failure
    else:
        make, check = baseline_body, baseline_failure
    warmup = [make(rng, n) for n in range(args.warmup)]
    bodies = [make(rng, args.warmup + n) for n in range(args.requests)]
    headers = {"content-type": "application/json"}
    keys = [key for key in (args.key or "").split(",") if key]
    limits = httpx.Limits(
        max_connections=args.concurrency, max_keepalive_connections=args.concurrency
    )
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30.0) as client:
        await drive(client, args.url, warmup, args.concurrency, float("inf"), check, keys)
        start = time.perf_counter()
        tally = await drive(
            client, args.url, bodies, args.concurrency, start + args.time_cap, check, keys
        )
        elapsed = time.perf_counter() - start
    return summarize(
        args.target,
        args.concurrency,
        tally.latencies_ms,
        tally.errors,
        elapsed,
        args.requests,
        tally.error_samples,
    ) | ({"latencies_ms": [round(x, 3) for x in tally.latencies_ms]} if args.raw else {})


def summarize(
    target: str,
    concurrency: int,
    latencies_ms: Sequence[float],
    errors: int,
    elapsed: float,
    requested: int,
    error_samples: Sequence[str],
) -> dict[str, Any]:
    """orders/s and latency figures of one timed run (or of several, merged)."""
    ok = len(latencies_ms)
    return {
        "target": target,
        "concurrency": concurrency,
        "orders": ok,
        "errors": errors,
        "elapsed_s": round(elapsed, 3),
        "orders_per_s": round(ok / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(statistics.median(latencies_ms), 2) if ok else None,
        "p99_ms": round(percentile(latencies_ms, 0.99), 2) if ok else None,
        "mean_ms": round(statistics.fmean(latencies_ms), 2) if ok else None,
        "time_capped": ok + errors < requested,
        "error_samples": list(error_samples)[:ERROR_SAMPLES],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=["oms", "baseline", "graphql"], required=True)
    parser.add_argument("--body", type=Path, help="graphql: the request body, a JSON file")
    parser.add_argument("--url", required=True)
    parser.add_argument(
        "--key", help="API key(s) (oms), comma-separated: connection i uses key i mod n"
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--time-cap", type=float, default=60.0, help="seconds, timed phase")
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--raw", action="store_true", help="also print every latency")
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
