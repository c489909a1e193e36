"""The placeOrder bench's network, built through the operations like tests/support/factories.py.

    DATABASE_URL=... python -m bench.seed      # after `python -m api.cli migrate`
    BENCH_SEED_LOCATIONS=5 python -m bench.seed   # a smaller network (`python -m bench --quick`)

50 locations (45 stores, 5 warehouses) around the Twin Cities with coordinates and no
daily capacity, 30 products priced in USD, each stocked deep at every location, and 16
ADMIN keys whose secrets are printed comma-separated on the last line of stdout. Customer
addresses for the load are drawn around the same cities (bench.twin_cities).
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from decimal import Decimal

from tortoise import Tortoise

from api.settings import Settings
from bench.twin_cities import CITIES, SKUS, near
from models.operations.access import create_api_key
from models.operations.catalog import upsert_product
from models.operations.inventory import set_inventory
from models.operations.locations import AddressData, LocationKind, create_location
from models.rules.scopes import SYSTEM, Role

LOCATION_COUNT = 50
# Seeding 50 x 30 stock levels takes ~15 s on SQLite; a smoke run needs far fewer.
LOCATIONS_ENV = "BENCH_SEED_LOCATIONS"
WAREHOUSE_EVERY = 10  # every 10th location is a warehouse: 5 of 50
# Deep enough that no run of the bench ever backorders: every order ships whole.
ON_HAND = 1_000_000
# One key per client connection, as separate shops or apps would have: each key's query
# cost budget (api/cost.py, ~2,000 points/s per process) pays ~125 placeOrders/s, which a
# single key shared by every connection would hit once placeOrder gets faster.
KEY_COUNT = 16


async def seed(location_count: int = LOCATION_COUNT) -> str:
    rng = random.Random(26)
    locations = []
    for n in range(1, location_count + 1):
        city, postal_code, lat, lon = CITIES[(n - 1) % len(CITIES)]
        latitude, longitude = near(rng, lat, lon, 0.02)
        warehouse = n % WAREHOUSE_EVERY == 0
        location = await create_location(
            f"TC-{n:02d}",
            name=f"{city} {'warehouse' if warehouse else 'store'} {n}",
            kind=LocationKind.WAREHOUSE if warehouse else LocationKind.STORE,
            priority=20 if warehouse else 10,
            address=AddressData(
                line1=f"{100 + n} Main St",
                city=city,
                region="MN",
                postal_code=postal_code,
                country_code="US",
                latitude=latitude,
                longitude=longitude,
            ),
        )
        locations.append(location)
    for n, code in enumerate(SKUS, start=1):
        await upsert_product(code, f"Bench product {n}", Decimal(f"{5 + n}.00"), "USD", [])
        # Concurrently: each level is its own row and transaction, and on PostgreSQL the
        # commits overlap (SQLite serializes them anyway). Cuts seeding from ~13 s to a few.
        await asyncio.gather(
            *(set_inventory(location.id, code, ON_HAND, None, SYSTEM) for location in locations)
        )
    secrets = []
    for n in range(1, KEY_COUNT + 1):
        _, secret = await create_api_key(f"bench admin {n}", Role.ADMIN)
        secrets.append(secret)
    return ",".join(secrets)


async def _main() -> str:
    await Tortoise.init(config=Settings.from_env().tortoise_config())
    try:
        return await seed(int(os.environ.get(LOCATIONS_ENV) or LOCATION_COUNT))
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    started = time.perf_counter()
    secret = asyncio.run(_main())
    print(f"seeded in {time.perf_counter() - started:.1f} s")
    print(secret)
