"""Small networks built through the operations, for integration and API tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from models.operations.catalog import upsert_product
from models.operations.inventory import set_inventory
from models.operations.locations import AddressData, LocationKind, create_location, create_vendor
from models.operations.order_validation import LineInput, OrderInput
from models.operations.routing import create_rule
from models.rules.scopes import SYSTEM
from models.tables import Location, Vendor

MINNEAPOLIS_CUSTOMER = AddressData(
    name="Ada Lovelace",
    line1="250 Marquette Ave",
    city="Minneapolis",
    region="MN",
    postal_code="55401",
    country_code="US",
    latitude=44.9795,
    longitude=-93.2680,
)
ST_PAUL_CUSTOMER = AddressData(
    name="Grace Hopper",
    line1="75 W 5th St",
    city="St. Paul",
    region="MN",
    postal_code="55102",
    country_code="US",
    latitude=44.9458,
    longitude=-93.0964,
)


def web_order(*lines: tuple[str, int], **fields: object) -> OrderInput:
    """An order from the web channel to a Minneapolis customer; `fields` override any."""
    defaults: dict[str, object] = {
        "channel": "web",
        "customer_email": "ada@example.com",
        "customer_name": "Ada Lovelace",
        "currency": "USD",
        "shipping_address": MINNEAPOLIS_CUSTOMER,
        "lines": tuple(LineInput(sku, quantity) for sku, quantity in lines),
    }
    return OrderInput(**(defaults | fields))  # type: ignore[arg-type]


@dataclass
class Network:
    msp: Location
    stp: Location
    warehouse: Location
    vendor: Vendor


async def twin_cities(stock: dict[str, tuple[int, int, int]] | None = None) -> Network:
    """MSP-01 and STP-01 stores, the WH-EAGAN warehouse, vendor NORTHWOODS for furniture.

    `stock` maps a SKU to its onHand at (MSP-01, STP-01, WH-EAGAN); every SKU costs 10.00 USD.
    """
    msp = await create_location(
        "MSP-01",
        name="Minneapolis",
        kind=LocationKind.STORE,
        pickup_enabled=True,
        priority=10,
        address=AddressData(
            city="Minneapolis", country_code="US", latitude=44.9759, longitude=-93.2723
        ),
    )
    stp = await create_location(
        "STP-01",
        name="St. Paul",
        kind=LocationKind.STORE,
        pickup_enabled=True,
        priority=10,
        address=AddressData(
            city="St. Paul", country_code="US", latitude=44.9399, longitude=-93.1463
        ),
    )
    warehouse = await create_location(
        "WH-EAGAN",
        name="Eagan warehouse",
        kind=LocationKind.WAREHOUSE,
        priority=20,
        address=AddressData(city="Eagan", country_code="US", latitude=44.8328, longitude=-93.1561),
    )
    vendor = await create_vendor("NORTHWOODS", "Northwoods Furniture")
    await upsert_product("CHAIR", "Cabin chair", Decimal("429.00"), "USD", ["furniture"])
    await create_rule(
        name="Furniture via Northwoods",
        priority=10,
        tags=["furniture"],
        action="DROP_SHIP",
        vendor_id=vendor.id,
    )
    for sku, on_hand in (stock or {}).items():
        await upsert_product(sku, sku.title(), Decimal("10.00"), "USD", [])
        for location, quantity in zip((msp, stp, warehouse), on_hand, strict=True):
            await set_inventory(location.id, sku, quantity, None, SYSTEM)
    return Network(msp, stp, warehouse, vendor)
