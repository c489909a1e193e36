"""Calling the operations directly: placing an order, finding its open fulfillment order,
and proving that a refused action changed nothing."""

from __future__ import annotations

from collections.abc import Awaitable

import pytest

from models.errors import DomainError, ErrorCode
from models.operations.order_validation import LineInput, OrderInput
from models.operations.placement import place_order
from models.rules.lifecycle import DeliveryMethod
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLedgerEntry,
    InventoryLevel,
    Location,
    Order,
    OrderEvent,
    OrderLine,
    Return,
    ReturnLine,
    Shipment,
)
from tests.support.factories import MINNEAPOLIS_CUSTOMER


async def place(*lines: tuple[str, int], pickup: Location | None = None) -> Order:
    data = OrderInput(
        channel="web",
        customer_email="ada@example.com",
        currency="USD",
        lines=tuple(LineInput(sku, quantity) for sku, quantity in lines),
        shipping_address=None if pickup else MINNEAPOLIS_CUSTOMER,
        delivery_method=DeliveryMethod.PICKUP if pickup else DeliveryMethod.SHIP,
        pickup_location_id=pickup.id if pickup else None,
    )
    return (await place_order(data, SYSTEM)).order


async def fulfillment_orders(order: Order) -> list[FulfillmentOrder]:
    return list(await FulfillmentOrder.filter(order_id=order.id).order_by("id"))


async def only_open(order: Order) -> FulfillmentOrder:
    (fo,) = [fo for fo in await fulfillment_orders(order) if fo.status == "OPEN"]
    return fo


async def snapshot() -> tuple[object, ...]:
    """Everything fulfillment and returns may change, to prove a refusal changed nothing."""
    return (
        await FulfillmentOrder.all().order_by("id").values(),
        await FulfillmentOrderLine.all().order_by("id").values(),
        await OrderLine.all().order_by("id").values(),
        await Order.all().order_by("id").values("id", "status", "delivered_at"),
        await InventoryLevel.all().order_by("id").values("id", "on_hand", "reserved"),
        await InventoryLedgerEntry.all().count(),
        await Shipment.all().order_by("id").values(),
        await Return.all().order_by("id").values(),
        await ReturnLine.all().order_by("id").values(),
        await OrderEvent.all().count(),
    )


async def refused(code: ErrorCode, call: Awaitable[object]) -> DomainError:
    before = await snapshot()
    with pytest.raises(DomainError) as caught:
        await call
    assert caught.value.code is code, caught.value.message
    assert await snapshot() == before, "a refused action changed something"
    return caught.value
