"""What active webhooks cost placeOrder: the same placements with and without one partner
webhook subscription (ORDER_CREATED, FULFILLMENT_ORDER_ASSIGNED) and one vendor webhookUrl,
in alternating rounds of one run, in process (the ASGI app through httpx, no network), on
the database DATABASE_URL names (SQLite in a temporary folder by default).

Deliveries are written in the placing transaction; nothing is sent here (no dispatcher
runs), so the figures are the write path's cost alone.

    python -m bench.webhook_cost [--orders 200] [--rounds 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from typing import Any

import httpx
from tortoise import Tortoise

from api.app import create_app
from api.db import apply_migrations
from api.settings import Settings
from models.operations.access import create_api_key
from models.operations.locations import update_vendor
from models.rules.scopes import Role
from models.tables import WebhookDelivery, WebhookSubscription
from tests.support.database import counting_queries
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, order_input

HOOK = "http://127.0.0.1:9/hooks/oms"  # never called: no dispatcher runs in this bench


async def _place(client: httpx.AsyncClient, key: str, n: int) -> None:
    body = {"query": PLACE, "variables": {"input": order_input([("MUG", 1), ("CHAIR", 1)])}}
    body["variables"]["input"]["idempotencyKey"] = f"bench-{n}"
    answer = (await client.post("/graphql", json=body, headers={"Authorization": key})).json()
    assert not answer.get("errors") and not answer["data"]["placeOrder"]["userErrors"], answer


async def _round(client: httpx.AsyncClient, key: str, start: int, orders: int) -> dict[str, float]:
    before = await WebhookDelivery.all().count()
    with counting_queries() as statements:
        began = time.perf_counter()
        for n in range(start, start + orders):
            await _place(client, key, n)
        elapsed = time.perf_counter() - began
    written = await WebhookDelivery.all().count() - before
    return {
        "ms": 1000 * elapsed / orders,
        "statements": len(statements) / orders,
        "deliveries": written / orders,
    }


async def measure(orders: int, rounds: int) -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL") or f"sqlite://{tempfile.mkdtemp()}/bench.sqlite3"
    config = Settings(database_url=url, broadcast_url="memory://", webhook_allow_private=True)
    await apply_migrations(config)
    await Tortoise.init(config=config.tortoise_config())
    network = await twin_cities({"MUG": (10**6, 10**6, 10**6)})
    _, partner = await create_api_key("bench web shop", Role.PARTNER, channel="web")
    app = create_app(config)
    results: dict[str, list[dict[str, float]]] = {"without": [], "with": []}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        key = f"Bearer {partner}"
        subscribe = {
            "query": """mutation($input: CreateWebhookSubscriptionInput!) {
              createWebhookSubscription(input: $input) { webhookSubscription { id } } }""",
            "variables": {
                "input": {
                    "url": HOOK,
                    "secret": "whsec-bench-0000001",
                    "topics": ["ORDER_CREATED", "FULFILLMENT_ORDER_ASSIGNED"],
                }
            },
        }
        await _round(client, key, 0, 20)  # warm-up: caches, connections
        placed = 20
        for _ in range(rounds):
            for variant in ("without", "with"):
                if variant == "with":
                    made = await client.post(
                        "/graphql", json=subscribe, headers={"Authorization": key}
                    )
                    assert made.json()["data"]["createWebhookSubscription"]["webhookSubscription"]
                    await update_vendor(network.vendor.id, webhook_url=HOOK, allow_private=True)
                results[variant].append(await _round(client, key, placed, orders))
                placed += orders
                await WebhookSubscription.all().delete()  # and its deliveries
                await update_vendor(network.vendor.id, webhook_url="", allow_private=True)
    await Tortoise.close_connections()
    summary = {
        variant: {
            "ms_per_order": statistics.median(r["ms"] for r in rows),
            "statements_per_order": statistics.median(r["statements"] for r in rows),
            "deliveries_per_order": statistics.median(r["deliveries"] for r in rows),
        }
        for variant, rows in results.items()
    }
    return {
        "dialect": config.dialect,
        "orders_per_round": orders,
        "rounds": rounds,
        **summary,
        "ratio": summary["with"]["ms_per_order"] / summary["without"]["ms_per_order"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=200, help="placements per round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of each variant")
    args = parser.parse_args()
    result = asyncio.run(measure(args.orders, args.rounds))
    print(
        f"placeOrder ({result['dialect']}, in process, {result['rounds']} x "
        f"{result['orders_per_round']} per variant, load {os.getloadavg()[0]:.1f})"
    )
    for variant in ("without", "with"):
        row = result[variant]
        print(
            f"  {variant:8} webhooks: {row['ms_per_order']:.2f} ms/order, "
            f"{row['statements_per_order']:.1f} statements and "
            f"{row['deliveries_per_order']:.1f} deliveries written per order"
        )
    print(f"  ratio with/without: {result['ratio']:.2f}")


if __name__ == "__main__":
    main()
