"""Routing rules and settings against a real database: validation, order, engine specs."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from api.settings import Settings
from models.errors import DomainError, ErrorCode
from models.operations import routing as ops
from models.operations.locations import LocationKind, create_location, create_vendor
from models.rules.routing import RoutingAction, RuleSpec, SplitPolicy
from models.tables import Location, RoutingRule, RoutingSettings, Vendor


@pytest.fixture
async def vendor(db: Settings) -> Vendor:
    return await create_vendor("NORTHWOODS", "Northwoods Furniture")


@pytest.fixture
async def store(db: Settings) -> Location:
    return await create_location("MSP-01", name="Minneapolis", kind=LocationKind.STORE)


@pytest.fixture
async def warehouse(db: Settings) -> Location:
    return await create_location("WH-EAGAN", name="Eagan", kind=LocationKind.WAREHOUSE)


async def refused(code: ErrorCode, field: str, call: Any) -> DomainError:
    """The DomainError `call` raises, checked for its code and field."""
    with pytest.raises(DomainError) as caught:
        await call
    assert caught.value.code is code, caught.value.message
    assert caught.value.field == [field]
    return caught.value


async def test_create_normalizes_every_condition(store: Location, warehouse: Location) -> None:
    rule = await ops.create_rule(
        "  Twin Cities from the warehouse  ",
        "SHIP_FROM",
        priority=5,
        skus=[" SKU-1 ", "SKU-1", "", "SKU-2"],
        tags=["bikes ", " bikes", "  "],
        channels=["web", " web "],
        destination_countries=["us", " CA", "US"],
        destination_regions=["mn", "MN", " wi"],
        postal_code_prefixes=["554 ", "sw1a 1", "SW1A1"],
        location_ids=[warehouse.id, store.id, warehouse.id],
    )
    row = await RoutingRule.get(id=rule.id)
    assert row.name == "Twin Cities from the warehouse"
    assert row.priority == 5
    assert row.active is True
    assert row.action == "SHIP_FROM"
    assert row.skus == ["SKU-1", "SKU-2"]
    assert row.tags == ["bikes"]
    assert row.channels == ["web"]
    assert row.destination_countries == ["US", "CA"]
    assert row.destination_regions == ["MN", "WI"]
    assert row.postal_code_prefixes == ["554", "SW1A1"]
    assert row.location_ids == [warehouse.id, store.id]
    assert row.vendor_id is None  # type: ignore[attr-defined]


async def test_drop_ship_takes_an_inactive_vendor(vendor: Vendor) -> None:
    await Vendor.filter(id=vendor.id).update(active=False)
    rule = await ops.create_rule("Furniture", RoutingAction.DROP_SHIP, vendor_id=vendor.id)
    assert (await RoutingRule.get(id=rule.id)).vendor_id == vendor.id  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("changes", "code", "field", "words"),
    [
        ({"name": "   "}, ErrorCode.INVALID, "name", "must not be blank"),
        ({"name": "x" * 201}, ErrorCode.INVALID, "name", "200 or fewer"),
        ({"action": "SHIP"}, ErrorCode.INVALID, "action", "DROP_SHIP, SHIP_FROM"),
        ({"action": "DROP_SHIP", "location_ids": []}, ErrorCode.INVALID, "vendorId", "vendorId"),
        ({"action": "DROP_SHIP", "vendor": True}, ErrorCode.INVALID, "locationIds", "empty"),
        ({"location_ids": []}, ErrorCode.INVALID, "locationIds", "at least one location"),
        ({"action": "EXCLUDE", "location_ids": []}, ErrorCode.INVALID, "locationIds", "EXCLUDE"),
        ({"vendor": True}, ErrorCode.INVALID, "vendorId", "takes no vendor"),
        ({"location_ids": [999]}, ErrorCode.NOT_FOUND, "locationIds", "location 999"),
        (
            {"action": "DROP_SHIP", "location_ids": [], "vendor_id": 999},
            ErrorCode.NOT_FOUND,
            "vendorId",
            "vendor 999",
        ),
        ({"destination_countries": ["USA"]}, ErrorCode.INVALID, "destinationCountries", "USA"),
        ({"destination_countries": ["U1"]}, ErrorCode.INVALID, "destinationCountries", "alpha-2"),
        ({"skus": ["bad sku"]}, ErrorCode.INVALID, "skus", "bad sku"),
    ],
)
async def test_create_refuses_bad_input_and_writes_nothing(
    vendor: Vendor,
    store: Location,
    changes: dict[str, Any],
    code: ErrorCode,
    field: str,
    words: str,
) -> None:
    values: dict[str, Any] = {"location_ids": [store.id], **changes}
    if values.pop("vendor", False):
        values["vendor_id"] = vendor.id
    name = values.pop("name", "A rule")
    action = values.pop("action", "PREFER")
    error = await refused(code, field, ops.create_rule(name, action, **values))
    assert words in error.message
    assert await RoutingRule.all().count() == 0


async def test_update_changes_only_what_is_given(vendor: Vendor, store: Location) -> None:
    rule = await ops.create_rule("Prefer MSP", "PREFER", tags=["bikes"], location_ids=[store.id])
    updated = await ops.update_rule(rule.id, priority=7, active=False)
    assert (updated.priority, updated.active) == (7, False)
    row = await RoutingRule.get(id=rule.id)
    assert (row.name, row.tags, row.location_ids) == ("Prefer MSP", ["bikes"], [store.id])
    assert (row.priority, row.active) == (7, False)


async def test_update_checks_action_vendor_and_locations_together(
    vendor: Vendor, store: Location
) -> None:
    rule = await ops.create_rule("Prefer MSP", "PREFER", location_ids=[store.id])
    await refused(ErrorCode.INVALID, "vendorId", ops.update_rule(rule.id, action="DROP_SHIP"))
    await refused(
        ErrorCode.INVALID,
        "locationIds",
        ops.update_rule(rule.id, action="DROP_SHIP", vendor_id=vendor.id),
    )
    await refused(ErrorCode.INVALID, "vendorId", ops.update_rule(rule.id, vendor_id=vendor.id))
    await refused(ErrorCode.INVALID, "name", ops.update_rule(rule.id, name=" ", priority=1))
    row = await RoutingRule.get(id=rule.id)
    assert (row.action, row.location_ids, row.priority) == ("PREFER", [store.id], 100)

    switched = await ops.update_rule(
        rule.id, action=RoutingAction.DROP_SHIP, vendor_id=vendor.id, location_ids=[]
    )
    assert switched.action == RoutingAction.DROP_SHIP
    row = await RoutingRule.get(id=rule.id)
    assert (row.action, row.vendor_id, row.location_ids) == ("DROP_SHIP", vendor.id, [])  # type: ignore[attr-defined]

    back = await ops.update_rule(rule.id, action="EXCLUDE", vendor_id=None, location_ids=[store.id])
    assert back.vendor_id is None  # type: ignore[attr-defined]
    assert (await RoutingRule.get(id=rule.id)).action == "EXCLUDE"


async def test_update_refuses_missing_rule_and_missing_location(store: Location) -> None:
    await refused(ErrorCode.NOT_FOUND, "id", ops.update_rule(12345, priority=1))
    rule = await ops.create_rule("Exclude MSP", "EXCLUDE", location_ids=[store.id])
    await refused(
        ErrorCode.NOT_FOUND, "locationIds", ops.update_rule(rule.id, location_ids=[store.id, 999])
    )
    assert (await RoutingRule.get(id=rule.id)).location_ids == [store.id]


async def test_update_with_an_unknown_keyword_is_a_programming_error(store: Location) -> None:
    rule = await ops.create_rule("Exclude MSP", "EXCLUDE", location_ids=[store.id])
    with pytest.raises(TypeError, match="colour"):
        await ops.update_rule(rule.id, colour="red")


async def test_delete(store: Location) -> None:
    rule = await ops.create_rule("Exclude MSP", "EXCLUDE", location_ids=[store.id])
    await ops.delete_rule(rule.id)
    assert not await RoutingRule.exists(id=rule.id)
    await refused(ErrorCode.NOT_FOUND, "id", ops.delete_rule(rule.id))


async def test_rules_are_listed_by_priority_then_id(store: Location) -> None:
    later = await ops.create_rule("b", "PREFER", priority=20, location_ids=[store.id])
    first = await ops.create_rule("a", "PREFER", priority=10, location_ids=[store.id])
    tie = await ops.create_rule("c", "PREFER", priority=20, location_ids=[store.id])
    off = await ops.create_rule("d", "PREFER", priority=1, active=False, location_ids=[store.id])
    assert [r.id for r in await ops.rules_in_order()] == [off.id, first.id, later.id, tie.id]


async def test_active_rule_specs_feed_the_engine(
    vendor: Vendor, store: Location, warehouse: Location
) -> None:
    prefer = await ops.create_rule(
        "Prefer the warehouse in MN",
        "PREFER",
        priority=50,
        destination_countries=["us"],
        destination_regions=["mn"],
        postal_code_prefixes=["55"],
        location_ids=[warehouse.id],
    )
    drop = await ops.create_rule(
        "Furniture", "DROP_SHIP", priority=10, tags=["furniture"], vendor_id=vendor.id
    )
    await ops.create_rule("Inactive", "EXCLUDE", priority=1, active=False, location_ids=[store.id])
    same_priority = await ops.create_rule(
        "Web from MSP", "SHIP_FROM", priority=50, channels=["web"], location_ids=[store.id]
    )

    specs = await ops.active_rule_specs()

    assert [spec.id for spec in specs] == [drop.id, prefer.id, same_priority.id]
    assert specs[0] == RuleSpec(
        id=drop.id,
        name="Furniture",
        priority=10,
        action=RoutingAction.DROP_SHIP,
        tags=frozenset({"furniture"}),
        vendor_id=vendor.id,
        vendor_code="NORTHWOODS",
    )
    assert specs[1] == RuleSpec(
        id=prefer.id,
        name="Prefer the warehouse in MN",
        priority=50,
        action=RoutingAction.PREFER,
        destination_countries=frozenset({"US"}),
        destination_regions=frozenset({"MN"}),
        postal_code_prefixes=("55",),
        location_ids=frozenset({warehouse.id}),
    )
    assert specs[2].channels == frozenset({"web"})
    assert specs[2].vendor_code is None


async def test_active_rule_specs_without_rules(db: Settings) -> None:
    assert await ops.active_rule_specs() == []


async def test_current_settings_creates_the_defaults_once(db: Settings) -> None:
    first = await ops.current_settings()
    again = await ops.current_settings()
    assert first.id == again.id == ops.SETTINGS_ID
    assert (
        first.max_splits,
        first.split_lines,
        first.acceptance_minutes,
        first.backorders,
        first.return_window_days,
    ) == (3, True, 120, "ALLOW", 30)
    assert await RoutingSettings.all().count() == 1


async def test_current_settings_under_concurrent_first_calls(db: Settings) -> None:
    rows = await asyncio.gather(*(ops.current_settings() for _ in range(8)))
    assert {row.id for row in rows} == {ops.SETTINGS_ID}
    assert await RoutingSettings.all().count() == 1


async def test_update_settings(db: Settings) -> None:
    row = await ops.update_settings(max_splits=1, backorders="REJECT", return_window_days=0)
    assert (row.max_splits, row.backorders, row.return_window_days) == (1, "REJECT", 0)
    stored = await ops.current_settings()
    assert (stored.max_splits, stored.split_lines, stored.acceptance_minutes) == (1, True, 120)
    assert (stored.backorders, stored.return_window_days) == ("REJECT", 0)
    await ops.update_settings(split_lines=False, backorders=ops.BackorderPolicy.ALLOW)
    stored = await ops.current_settings()
    assert (stored.split_lines, stored.backorders) == (False, "ALLOW")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"max_splits": 0}, "maxSplits", "between 1 and"),
        ({"acceptance_minutes": 0}, "acceptanceMinutes", "between 1 and"),
        ({"return_window_days": -1}, "returnWindowDays", "between 0 and"),
        ({"backorders": "SOMETIMES"}, "backorders", "ALLOW or REJECT"),
        ({"split_lines": False, "max_splits": -2}, "maxSplits", "got -2"),
    ],
)
async def test_update_settings_refuses_bad_values_and_changes_nothing(
    db: Settings, changes: dict[str, Any], field: str, words: str
) -> None:
    error = await refused(ErrorCode.INVALID, field, ops.update_settings(**changes))
    assert words in error.message
    row = await ops.current_settings()
    assert (row.max_splits, row.split_lines, row.acceptance_minutes) == (3, True, 120)
    assert (row.backorders, row.return_window_days) == ("ALLOW", 30)


async def test_split_policy_takes_the_engine_knobs(db: Settings) -> None:
    row = await ops.update_settings(max_splits=2, split_lines=False)
    assert ops.split_policy(row) == SplitPolicy(max_splits=2, split_lines=False)
