"""The routing inputs kept per process (models/operations/routing_inputs.py): whoever writes
a table they come from, and however, the next plan sees it; a rolled-back change is never
seen; and a plan with the inputs kept sends one statement."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal

import httpx
import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from api.settings import Settings
from models.operations import order_routing
from models.operations.access import create_api_key
from models.operations.catalog import upsert_product
from models.operations.config_version import current_version
from models.operations.inventory import set_inventory
from models.operations.locations import LocationKind, create_location
from models.operations.routing import current_settings
from models.rules.routing import Destination, LineDemand, RoutingRequest
from models.rules.scopes import SYSTEM, Role
from models.tables import Location, RoutingRule, RoutingSettings, Vendor
from resolvers.ids import encode_id
from tests.support.database import ON_POSTGRES, counting_queries
from tests.support.factories import Network, twin_cities
from tests.support.gql import PLACE, Gql, order_input
from tests.support.servers import place, serve

MUG = RoutingRequest(
    channel="web",
    destination=Destination(country="US", region="MN", postal_code="55401"),
    lines=(LineDemand(line_id=0, sku="MUG", quantity=1),),
)


@pytest.fixture
async def network(db: Settings) -> Network:
    network = await twin_cities({"MUG": (5, 5, 50)})
    await create_location("SPARE", name="Nothing refers to it", kind=LocationKind.STORE)
    await current_settings()
    return network


async def planned_at(request: RoutingRequest = MUG) -> list[str | None]:
    """Where the plan sends the request, by location id or vendor id."""
    snapshot = await order_routing.plan(request)
    return [
        str(a.location_id) if a.location_id is not None else f"vendor {a.vendor_id}"
        for a in snapshot.plan.assignments
    ]


Write = Callable[[Network], Awaitable[object]]


async def _raw(sql: str) -> None:
    await connections.get("default").execute_query(sql)


async def _saved(location: Location) -> None:
    location.name = "Renamed"
    await location.save()


WRITES: dict[str, Write] = {
    "location created": lambda n: Location.create(code="NEW", name="New", kind="STORE"),
    "location updated": lambda n: Location.filter(id=n.msp.id).update(priority=1),
    "location deleted": lambda n: Location.filter(code="SPARE").delete(),
    "location saved": lambda n: _saved(n.msp),
    "location by hand": lambda n: _raw(
        f'UPDATE "location" SET "priority" = 1 WHERE id = {n.msp.id}'
    ),
    "vendor created": lambda n: Vendor.create(code="OAK", name="Oak"),
    "vendor updated": lambda n: Vendor.filter(id=n.vendor.id).update(active=False),
    "rule created": lambda n: RoutingRule.create(
        name="Not MSP", action="EXCLUDE", location_ids=[n.msp.id]
    ),
    "rule updated": lambda n: RoutingRule.all().update(active=False),
    "rule deleted": lambda n: RoutingRule.all().delete(),
    "settings updated": lambda n: RoutingSettings.all().update(max_splits=1),
    "settings deleted": lambda n: RoutingSettings.all().delete(),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
async def test_every_write_to_a_table_routing_reads_gives_a_new_version(
    network: Network, write: Write
) -> None:
    before = await current_version()
    await write(network)
    assert await current_version() != before


async def test_placing_orders_keeps_the_version(admin: Gql, network: Network) -> None:
    before = await current_version()
    await admin.mutate(PLACE, {"input": order_input([("MUG", 2)])})
    await set_inventory(network.msp.id, "MUG", 9, None, SYSTEM)
    assert await current_version() == before


async def test_a_location_changed_behind_the_operations_is_seen_at_the_next_plan(
    network: Network,
) -> None:
    assert await planned_at() == [str(network.msp.id)]
    await Location.filter(id=network.msp.id).update(active=False)
    assert await planned_at() == [str(network.stp.id)]
    await Location.filter(id=network.stp.id).update(ships_orders=False, daily_capacity=0)
    assert await planned_at() == [str(network.warehouse.id)]


async def test_rules_and_settings_changed_behind_the_operations_are_seen(
    network: Network,
) -> None:
    await upsert_product("DESK", "Desk", Decimal("10.00"), "USD", ["furniture"])
    two = RoutingRequest(
        channel="web",
        destination=MUG.destination,
        lines=(LineDemand(0, "MUG", 8), LineDemand(1, "DESK", 1, frozenset({"furniture"}))),
    )
    assert await planned_at(two) == [f"vendor {network.vendor.id}", str(network.warehouse.id)]
    await RoutingRule.all().update(active=False)
    assert await planned_at(two) == [str(network.warehouse.id)]  # no more drop-shipping
    await RoutingRule.create(name="Not WH", action="EXCLUDE", location_ids=[network.warehouse.id])
    assert sorted(await planned_at(two)) == [str(network.msp.id), str(network.stp.id)]
    await RoutingSettings.all().update(backorders="REJECT", acceptance_minutes=5)
    snapshot = await order_routing.plan(two)
    assert (snapshot.backorders_allowed, snapshot.acceptance_minutes) == (False, 5)


async def test_a_change_rolled_back_is_never_seen(network: Network) -> None:
    class Undo(Exception):
        pass

    assert await planned_at() == [str(network.msp.id)]
    with pytest.raises(Undo):
        async with in_transaction():
            await Location.filter(id=network.msp.id).update(active=False)
            # Planned inside the transaction: the inputs kept now are the uncommitted ones.
            assert await planned_at() == [str(network.stp.id)]
            raise Undo
    assert await planned_at() == [str(network.msp.id)]


async def test_a_plan_with_the_inputs_kept_sends_one_statement(network: Network) -> None:
    await planned_at()
    with counting_queries() as statements:
        assert await planned_at() == [str(network.msp.id)]
    assert len(statements) == 1, statements
    # A location with a daily capacity adds the count of its day's fulfillment orders.
    await Location.filter(id=network.msp.id).update(daily_capacity=5)
    await planned_at()
    with counting_queries() as statements:
        await planned_at()
    assert len(statements) == 2, statements


async def test_a_plan_for_skus_nobody_stocks_reads_the_version_on_its_own(
    network: Network,
) -> None:
    await upsert_product("SOFA", "Sofa", Decimal("10.00"), "USD", ["furniture"])
    sofa = RoutingRequest(
        channel="web",
        destination=MUG.destination,
        lines=(LineDemand(0, "SOFA", 1, frozenset({"furniture"})),),
    )
    assert await planned_at(sofa) == [f"vendor {network.vendor.id}"]
    await RoutingRule.all().delete()
    assert await planned_at(sofa) == []


async def test_a_rule_made_through_one_server_applies_at_once_on_another(
    db: Settings, network: Network
) -> None:
    """Two server processes on one database: neither hears the other, the database
    tells them both."""
    if not ON_POSTGRES:
        pytest.skip("two server processes share a PostgreSQL database (SQLite: the tests above)")
    _, secret = await create_api_key("admin", Role.ADMIN)
    create_rule = """mutation($input: CreateRoutingRuleInput!) {
      createRoutingRule(input: $input) { userErrors { message } } }"""
    deactivate = """mutation($input: UpdateLocationInput!) {
      updateLocation(input: $input) { userErrors { message } } }"""
    async with (
        serve(db.database_url, "memory://") as setup,
        serve(db.database_url, "memory://") as shop,
    ):
        assert (await place(shop, secret, [("MUG", 1)]))["fulfillmentOrders"][0]["location"] == {
            "code": "MSP-01"
        }
        async with httpx.AsyncClient(base_url=setup) as client:
            admin = Gql(client, secret)
            await admin.mutate(
                create_rule,
                {
                    "input": {
                        "name": "Not Minneapolis",
                        "action": "EXCLUDE",
                        "locationIds": [encode_id("Location", network.msp.id)],
                    }
                },
            )
            order = await place(shop, secret, [("MUG", 1)])
            assert order["fulfillmentOrders"][0]["location"] == {"code": "STP-01"}
            await admin.mutate(
                deactivate,
                {"input": {"id": encode_id("Location", network.stp.id), "active": False}},
            )
        order = await place(shop, secret, [("MUG", 1)])
        assert order["fulfillmentOrders"][0]["location"] == {"code": "WH-EAGAN"}
