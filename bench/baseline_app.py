"""The least an order needs, on our stack: the baseline placeOrder is measured against.

    export BENCH_BASELINE_DATABASE_URL=sqlite:///tmp/baseline.sqlite3
    python -m bench.baseline_app        # create the tables and stock rows once
    python -m uvicorn bench.baseline_app:app --port 8101

`POST /orders` with `{"stockId", "quantity", "email", "lines": [{"sku", "quantity",
"unitPrice"}, ...]}` runs one transaction: a guarded atomic decrement of one stock row
(the same `UPDATE ... WHERE on_hand >= reserved + q` our reservations use, which is
the row lock on PostgreSQL), an order row and its line rows, then answers JSON.
Same Starlette, Tortoise ORM, uvicorn and database server as the OMS, but its own
three tables in its own database, created by `generate_schemas`: nothing of our
models, GraphQL, auth, routing or events, so the gap to it is what those cost.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise import fields
from tortoise.contrib.starlette import RegisterTortoise
from tortoise.expressions import F
from tortoise.models import Model
from tortoise.transactions import in_transaction

from api.workers import tune_garbage_collection

DATABASE_URL_ENV = "BENCH_BASELINE_DATABASE_URL"
# Enough rows that concurrent orders rarely queue on the same one, as with the OMS's
# 50 locations x 30 products; deep enough that a benchmark never runs out.
STOCK_ROWS = 1_500
STOCK_ON_HAND = 1_000_000


class BaselineStock(Model):
    id = fields.IntField(primary_key=True)
    sku = fields.CharField(max_length=64)
    on_hand = fields.IntField()
    reserved = fields.IntField(default=0)

    class Meta:
        table = "baseline_stock"


class BaselineOrder(Model):
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=32, null=True)
    email = fields.CharField(max_length=254)
    subtotal = fields.DecimalField(max_digits=12, decimal_places=2)
    status = fields.CharField(max_length=16, default="ALLOCATED")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "baseline_order"


class BaselineOrderLine(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[BaselineOrder] = fields.ForeignKeyField(
        "models.BaselineOrder", related_name="lines"
    )
    sku = fields.CharField(max_length=64)
    quantity = fields.IntField()
    unit_price = fields.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        table = "baseline_order_line"


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": database_url},
        "apps": {"models": {"models": [__name__], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def _bad(message: str) -> Response:
    return JSONResponse({"error": message}, status_code=400)


async def place(request: Request) -> Response:
    try:
        body = await request.json()
        stock_id = int(body["stockId"])
        quantity = int(body["quantity"])
        email = str(body["email"])
        lines = [
            (str(line["sku"]), int(line["quantity"]), Decimal(line["unitPrice"]))
            for line in body["lines"]
        ]
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return _bad("expected stockId, quantity, email and lines[{sku, quantity, unitPrice}]")
    subtotal = sum((price * q for _, q, price in lines), Decimal("0.00"))
    async with in_transaction():
        # One guarded UPDATE: atomic on both backends, and the row lock on PostgreSQL.
        changed = await BaselineStock.filter(
            id=stock_id, on_hand__gte=F("reserved") + quantity
        ).update(reserved=F("reserved") + quantity)
        if not changed:
            return JSONResponse({"error": "insufficient stock"}, status_code=409)
        order = await BaselineOrder.create(email=email, subtotal=subtotal)
        await BaselineOrderLine.bulk_create(
            [
                BaselineOrderLine(order_id=order.id, sku=sku, quantity=q, unit_price=price)
                for sku, q, price in lines
            ]
        )
    return JSONResponse(
        {
            "id": order.id,
            "status": order.status,
            "subtotal": str(subtotal),
            "lines": [{"sku": sku, "quantity": q} for sku, q, _ in lines],
        }
    )


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _seed_stock() -> None:
    """Create the stock rows once; a second worker or a restart finds them there."""
    if await BaselineStock.exists():
        return
    await BaselineStock.bulk_create(
        [
            BaselineStock(id=i, sku=f"SKU-{i % 30:02d}", on_hand=STOCK_ON_HAND)
            for i in range(1, STOCK_ROWS + 1)
        ]
    )


def create_app(database_url: str) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # generate_schemas is "create if not exists", so a second worker is harmless;
        # place_order.py seeds before starting workers, so they never race on the seed.
        async with RegisterTortoise(
            app, config=tortoise_config(database_url), generate_schemas=True
        ):
            await _seed_stock()
            yield

    return Starlette(
        routes=[Route("/orders", place, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )


async def prepare(database_url: str) -> None:
    """Create the tables and stock rows ahead of the servers (called by place_order.py)."""
    from tortoise import Tortoise

    await Tortoise.init(config=tortoise_config(database_url))
    try:
        await Tortoise.generate_schemas(safe=True)
        await _seed_stock()
    finally:
        await Tortoise.close_connections()


app = create_app(os.environ.get(DATABASE_URL_ENV, "sqlite://bench-baseline.sqlite3"))
# The same process tuning as the OMS's `api.main`, so that the ratio compares the apps.
tune_garbage_collection()

if __name__ == "__main__":
    import asyncio

    asyncio.run(prepare(os.environ[DATABASE_URL_ENV]))
