"""A bare strawberry app on our stack: the baseline of the per-request fixed cost and of the
order list (issue 17, goals 2 and 3).

    DATABASE_URL=... python -m uvicorn bench.bare_app:app --port 8103

`POST /graphql` with strawberry's ASGI `GraphQL` and nothing else: the same strawberry,
Starlette, uvicorn and Tortoise as the OMS, with the same `ParserCache` and
`ValidationCache`, but no authentication, middlewares, metrics, cost analysis, limits or
scoping. Two things are asked of it:

- `{ __typename }`: what a request costs the framework (goal 2's baseline);
- bench.order_list's page (`orders(first: 50)` with total count, lines, products and
  fulfillment orders): the same response shape read from the OMS's own tables in the
  same database, with one prefetch per relation and plain objects resolved without
  awaits (goal 3's baseline). Oldest first, as the OMS lists them.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any

import strawberry
from graphql.execution.executor import Executor
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, ValidationCache
from tortoise.contrib.starlette import RegisterTortoise

from api.settings import tortoise_config
from api.workers import tune_garbage_collection
from models.tables import Order as OrderRow


@strawberry.type
class Money:
    amount: Decimal


@strawberry.type
class Customer:
    email: str


@strawberry.type
class Product:
    sku: str
    name: str
    tags: list[str]


@strawberry.type
class OrderLine:
    sku: str
    quantity: int
    unit_price: Money
    product: Product


@strawberry.type
class Assignee:
    code: str


@strawberry.type
class FulfillmentOrderLine:
    quantity: int
    order_line: OrderLine


@strawberry.type
class FulfillmentOrder:
    status: str
    location: Assignee | None
    vendor: Assignee | None
    lines: list[FulfillmentOrderLine]


@strawberry.type
class Order:
    number: str | None
    status: str
    customer: Customer
    lines: list[OrderLine]
    fulfillment_orders: list[FulfillmentOrder]


@strawberry.type
class OrderEdge:
    node: Order


@strawberry.type
class OrderConnection:
    total_count: int
    edges: list[OrderEdge]


@strawberry.input
class OrderFilter:
    """Declared by the page document; this baseline ignores it."""

    status: list[str] | None = None


def _order(row: OrderRow) -> Order:
    lines = {
        line.id: OrderLine(
            sku=line.sku,
            quantity=line.quantity,
            unit_price=Money(amount=line.unit_price),
            product=Product(sku=line.product.sku, name=line.product.name, tags=line.product.tags),
        )
        for line in row.lines
    }
    return Order(
        number=row.number,
        status=row.status,
        customer=Customer(email=row.customer_email),
        lines=list(lines.values()),
        fulfillment_orders=[
            FulfillmentOrder(
                status=fo.status,
                location=Assignee(code=fo.location.code) if fo.location else None,
                vendor=Assignee(code=fo.vendor.code) if fo.vendor else None,
                lines=[
                    FulfillmentOrderLine(quantity=fl.quantity, order_line=lines[fl.order_line_id])
                    for fl in fo.lines
                ],
            )
            for fo in row.fulfillment_orders
        ],
    )


async def load_page(first: int) -> OrderConnection:
    """The first `first` orders, read with one prefetch per relation into plain objects."""
    rows = (
        await OrderRow.all()
        .order_by("id")
        .limit(first)
        .prefetch_related(
            "lines__product",
            "fulfillment_orders__location",
            "fulfillment_orders__vendor",
            "fulfillment_orders__lines",
        )
    )
    return OrderConnection(
        total_count=await OrderRow.all().count(),
        edges=[OrderEdge(node=_order(row)) for row in rows],
    )


@strawberry.type
class Query:
    @strawberry.field
    async def orders(self, first: int = 50, filter: OrderFilter | None = None) -> OrderConnection:
        return await load_page(first)


def _schema(query: type, executor: type[Executor[Any]] | None = None) -> strawberry.Schema:
    return strawberry.Schema(
        query=query,
        extensions=[lambda: ParserCache(maxsize=256), lambda: ValidationCache(maxsize=256)],
        execution_context_class=executor,
    )


schema = _schema(Query)


def schema_over(
    page: OrderConnection, executor: type[Executor[Any]] | None = None
) -> strawberry.Schema:
    """The same schema answering `orders` with `page`, already in memory, synchronously:
    what strawberry and graphql-core alone cost a page (no database, HTTP or JSON), with
    strawberry's executor or `executor` (the OMS's: api/executor.py)."""

    @strawberry.type
    class InMemoryQuery:
        @strawberry.field
        def orders(self, first: int = 50, filter: OrderFilter | None = None) -> OrderConnection:
            return page

    return _schema(InMemoryQuery, executor)


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app(database_url: str) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The OMS's tables, migrated by the bench beforehand: nothing is generated here.
        async with RegisterTortoise(app, config=tortoise_config(database_url)):
            yield

    gql = GraphQL(schema)
    return Starlette(
        routes=[Route("/graphql", gql, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )


app = create_app(os.environ.get("DATABASE_URL", "sqlite://bench-bare.sqlite3"))
# The same process tuning as the OMS's `api.main`, so that the ratio compares the apps.
tune_garbage_collection()
