"""Per-request DataLoaders, named after their access path, so a page costs a fixed
number of queries however many rows it holds. api/context.py creates a fresh
`Loaders` for every request; never share one between requests.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    Location,
    Order,
    OrderHold,
    OrderLine,
    Product,
    Return,
    ReturnLine,
    Shipment,
    ShipmentLine,
    Vendor,
)

M = TypeVar("M", bound=Model)
T = TypeVar("T")
R = TypeVar("R")


def now_or_later(pending: Awaitable[T], then: Callable[[T], R]) -> R | Awaitable[R]:
    """`then` of what a loader answers: at once when it already holds the value (primed,
    or loaded for an earlier object), so that a field of each of a page's many objects
    costs no coroutine and no task; awaited otherwise. graphql-core awaits whatever a
    resolver returns that is awaitable, so a plain `def` field may return either."""
    if isinstance(pending, asyncio.Future) and pending.done():
        return then(pending.result())

    async def later() -> R:
        return then(await pending)

    return later()


def _by_id(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: Sequence[int]) -> list[M | None]:
        rows = {row.pk: row for row in await model.filter(pk__in=set(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


def _grouped(model: type[M], key: str) -> DataLoader[int, list[M]]:
    async def load(ids: Sequence[int]) -> list[list[M]]:
        groups: dict[int, list[M]] = defaultdict(list)
        for row in await model.filter(**{f"{key}__in": set(ids)}).order_by("id"):
            groups[getattr(row, key)].append(row)
        return [groups.get(i, []) for i in ids]

    return DataLoader(load_fn=load)


class Loaders:
    @cached_property
    def location_by_id(self) -> DataLoader[int, Location | None]:
        return _by_id(Location)

    @cached_property
    def vendor_by_id(self) -> DataLoader[int, Vendor | None]:
        return _by_id(Vendor)

    @cached_property
    def product_by_id(self) -> DataLoader[int, Product | None]:
        return _by_id(Product)

    @cached_property
    def order_by_id(self) -> DataLoader[int, Order | None]:
        return _by_id(Order)

    @cached_property
    def order_line_by_id(self) -> DataLoader[int, OrderLine | None]:
        return _by_id(OrderLine)

    @cached_property
    def fulfillment_order_by_id(self) -> DataLoader[int, FulfillmentOrder | None]:
        return _by_id(FulfillmentOrder)

    @cached_property
    def lines_by_order_id(self) -> DataLoader[int, list[OrderLine]]:
        return _grouped(OrderLine, "order_id")

    @cached_property
    def holds_by_order_id(self) -> DataLoader[int, list[OrderHold]]:
        return _grouped(OrderHold, "order_id")

    @cached_property
    def fulfillment_orders_by_order_id(self) -> DataLoader[int, list[FulfillmentOrder]]:
        return _grouped(FulfillmentOrder, "order_id")

    @cached_property
    def lines_by_fulfillment_order_id(self) -> DataLoader[int, list[FulfillmentOrderLine]]:
        return _grouped(FulfillmentOrderLine, "fulfillment_order_id")

    @cached_property
    def shipments_by_fulfillment_order_id(self) -> DataLoader[int, list[Shipment]]:
        return _grouped(Shipment, "fulfillment_order_id")

    @cached_property
    def lines_by_shipment_id(self) -> DataLoader[int, list[ShipmentLine]]:
        return _grouped(ShipmentLine, "shipment_id")

    @cached_property
    def returns_by_order_id(self) -> DataLoader[int, list[Return]]:
        return _grouped(Return, "order_id")

    @cached_property
    def lines_by_return_id(self) -> DataLoader[int, list[ReturnLine]]:
        return _grouped(ReturnLine, "return__id")  # the `return_` relation's key
