"""The demo: Minneapolis and St. Paul stores, a warehouse, two drop-ship vendors,
products, stock, routing rules and one API key per role.

Seeding twice adds no data; it issues a fresh set of demo keys, since secrets
are stored only as hashes and cannot be shown again, and revokes the demo keys
issued before, so that only the set just printed works. (Demo keys are known by
their names: a key created by hand with a demo key's name is revoked too.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from models.operations.access import create_api_key, revoke_api_keys_named
from models.operations.catalog import upsert_product
from models.operations.inventory import set_inventory
from models.operations.locations import AddressData, LocationKind, create_location, create_vendor
from models.operations.routing import create_rule
from models.rules.scopes import SYSTEM, Role
from models.tables import Location, Vendor

LOCATIONS: list[dict[str, Any]] = [
    dict(
        code="MSP-01",
        name="Minneapolis - Nicollet Mall",
        kind=LocationKind.STORE,
        pickup_enabled=True,
        priority=10,
        daily_capacity=200,
        address=AddressData(
            line1="900 Nicollet Mall",
            city="Minneapolis",
            region="MN",
            postal_code="55402",
            country_code="US",
            latitude=44.9759,
            longitude=-93.2723,
        ),
    ),
    dict(
        code="STP-01",
        name="St. Paul - Grand Avenue",
        kind=LocationKind.STORE,
        pickup_enabled=True,
        priority=10,
        daily_capacity=150,
        address=AddressData(
            line1="1000 Grand Ave",
            city="St. Paul",
            region="MN",
            postal_code="55105",
            country_code="US",
            latitude=44.9399,
            longitude=-93.1463,
        ),
    ),
    dict(
        code="WH-EAGAN",
        name="Eagan Distribution Center",
        kind=LocationKind.WAREHOUSE,
        priority=20,
        address=AddressData(
            line1="3000 Lone Oak Dr",
            city="Eagan",
            region="MN",
            postal_code="55121",
            country_code="US",
            latitude=44.8328,
            longitude=-93.1561,
        ),
    ),
]

VENDORS: list[dict[str, Any]] = [
    dict(code="NORTHWOODS", name="Northwoods Furniture Co."),
    dict(code="LAKESIDE", name="Lakeside Paddle Sports"),
]

# sku, name, price, tags, stock at (MSP-01, STP-01, WH-EAGAN)
PRODUCTS = [
    ("TSHIRT-MN-M", "Minnesota T-shirt, M", "24.00", ["apparel"], (12, 8, 40)),
    ("TSHIRT-MN-L", "Minnesota T-shirt, L", "24.00", ["apparel"], (10, 6, 35)),
    ("HOODIE-NS-M", "North Shore hoodie, M", "59.00", ["apparel"], (4, 2, 20)),
    ("MUG-LOON", "Loon mug", "14.00", ["kitchen"], (20, 15, 60)),
    ("THERMOS-1L", "Steel thermos, 1 l", "32.00", ["kitchen"], (5, 0, 25)),
    ("BLANKET-WOOL", "Wool blanket", "89.00", ["home"], (3, 4, 12)),
    ("LANTERN-LED", "LED camp lantern", "39.00", ["outdoor"], (6, 5, 18)),
    ("SNOWSHOES-25", "Snowshoes, 25 in", "149.00", ["outdoor"], (2, 1, 6)),
    ("SKATES-10", "Ice skates, size 10", "119.00", ["outdoor"], (0, 3, 5)),
    ("CABIN-CHAIR", "Cabin armchair", "429.00", ["furniture"], (0, 0, 0)),
    ("CEDAR-TABLE", "Cedar dining table", "899.00", ["furniture"], (0, 0, 0)),
    ("CANOE-16", "Canoe, 16 ft", "1299.00", ["watercraft"], (0, 0, 0)),
]

KEYS = [
    ("demo admin", Role.ADMIN, (), None, None),
    ("demo Minneapolis staff", Role.STAFF, ("MSP-01",), None, None),
    ("demo St. Paul staff", Role.STAFF, ("STP-01",), None, None),
    ("demo Eagan warehouse staff", Role.STAFF, ("WH-EAGAN",), None, None),
    ("demo Northwoods vendor", Role.VENDOR, (), "NORTHWOODS", None),
    ("demo web shop partner", Role.PARTNER, (), None, "web"),
    ("demo viewer", Role.VIEWER, (), None, None),
]


async def _seed_data() -> None:
    locations = {}
    for spec in LOCATIONS:
        fields = dict(spec)
        code = fields.pop("code")
        locations[code] = await create_location(code, **fields)
    vendors = {spec["code"]: await create_vendor(**spec) for spec in VENDORS}
    for sku, name, price, tags, stock in PRODUCTS:
        await upsert_product(sku, name, Decimal(price), "USD", tags)
        for code, on_hand in zip(("MSP-01", "STP-01", "WH-EAGAN"), stock, strict=True):
            if on_hand:
                await set_inventory(locations[code].id, sku, on_hand, None, SYSTEM)
    await create_rule(
        "Furniture ships from Northwoods",
        "DROP_SHIP",
        priority=10,
        tags=["furniture"],
        vendor_id=vendors["NORTHWOODS"].id,
    )
    await create_rule(
        "Watercraft ships from Lakeside",
        "DROP_SHIP",
        priority=20,
        tags=["watercraft"],
        vendor_id=vendors["LAKESIDE"].id,
    )
    # Off by default: turn it on to see PREFER outrank distance in routing reasons.
    await create_rule(
        "Prefer the Eagan warehouse for US orders",
        "PREFER",
        priority=100,
        destination_countries=["US"],
        location_ids=[locations["WH-EAGAN"].id],
        active=False,
    )


async def seed_demo() -> list[tuple[str, Role, str]]:
    """Seed once; return (name, role, secret) for a fresh set of demo keys, the earlier
    ones revoked in the same transaction."""
    if not await Location.exists(code="MSP-01"):
        await _seed_data()
    keys = []
    async with in_transaction():
        await revoke_api_keys_named([name for name, *_ in KEYS])
        for name, role, location_codes, vendor_code, channel in KEYS:
            location_ids = [(await Location.get(code=code)).id for code in location_codes]
            vendor_id = (await Vendor.get(code=vendor_code)).id if vendor_code else None
            _, secret = await create_api_key(name, role, location_ids, vendor_id, channel)
            keys.append((name, role, secret))
    return keys


def print_keys(keys: list[tuple[str, Role, str]]) -> None:
    print("Demo API keys (send as 'Authorization: Bearer <key>'):")
    for name, role, secret in keys:
        print(f"  {role:<8} {name:<28} {secret}")
