"""Routing rules and settings over GraphQL: round trips, userErrors, and who may call what."""

from __future__ import annotations

from typing import Any

import pytest

from models.operations.access import create_api_key
from models.rules.scopes import Role
from resolvers.ids import decode_any, encode_id
from tests.support.gql import Gql

RULE_FIELDS = """
    id name priority active skus tags channels destinationCountries destinationRegions
    postalCodePrefixes action vendor { code } locations { code }
"""
CREATE = f"""
mutation($input: CreateRoutingRuleInput!) {{
  createRoutingRule(input: $input) {{
    routingRule {{ {RULE_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}"""
UPDATE = f"""
mutation($input: UpdateRoutingRuleInput!) {{
  updateRoutingRule(input: $input) {{
    routingRule {{ {RULE_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}"""
DELETE = """
mutation($input: DeleteRoutingRuleInput!) {
  deleteRoutingRule(input: $input) { deletedRoutingRuleId userErrors { field message code } }
}"""
RULES = f"{{ routingRules {{ {RULE_FIELDS} }} }}"
SETTINGS_FIELDS = "maxSplits splitLines acceptanceMinutes backorders returnWindowDays"
SETTINGS = f"{{ routingSettings {{ {SETTINGS_FIELDS} }} }}"
UPDATE_SETTINGS = f"""
mutation($input: UpdateRoutingSettingsInput!) {{
  updateRoutingSettings(input: $input) {{
    routingSettings {{ {SETTINGS_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}"""
DEFAULT_SETTINGS = {
    "maxSplits": 3,
    "splitLines": True,
    "acceptanceMinutes": 120,
    "backorders": "ALLOW",
    "returnWindowDays": 30,
}


@pytest.fixture
async def places(admin: Gql) -> dict[str, str]:
    """Global ids of two locations and a vendor, made through the API."""
    ids = {}
    for code, kind in (("MSP-01", "STORE"), ("WH-EAGAN", "WAREHOUSE")):
        payload = await admin.mutate(
            "mutation($input: CreateLocationInput!) "
            "{ createLocation(input: $input) { location { id } userErrors { message } } }",
            {"input": {"code": code, "name": code, "kind": kind}},
        )
        ids[code] = payload["location"]["id"]
    payload = await admin.mutate(
        "mutation($input: CreateVendorInput!) "
        "{ createVendor(input: $input) { vendor { id } userErrors { message } } }",
        {"input": {"code": "NORTHWOODS", "name": "Northwoods"}},
    )
    ids["NORTHWOODS"] = payload["vendor"]["id"]
    return ids


@pytest.fixture
async def other_keys(places: dict[str, str]) -> dict[str, str]:
    """Secrets of STAFF, VENDOR and PARTNER keys."""
    location = decode_any(places["MSP-01"])
    vendor = decode_any(places["NORTHWOODS"])
    assert location and vendor
    _, staff = await create_api_key("staff", Role.STAFF, location_ids=[location[1]])
    _, vendor_key = await create_api_key("vendor", Role.VENDOR, vendor_id=vendor[1])
    _, partner = await create_api_key("partner", Role.PARTNER, channel="web")
    return {"staff": staff, "vendor": vendor_key, "partner": partner}


async def create(admin: Gql, **fields: Any) -> dict[str, Any]:
    payload = await admin.mutate(CREATE, {"input": fields})
    return payload["routingRule"]


async def refused(admin: Gql, query: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The single userError of a mutation that must change nothing."""
    data = await admin(query, {"input": fields})
    (payload,) = data.values()
    (error,) = payload["userErrors"]
    assert all(value is None for key, value in payload.items() if key != "userErrors")
    return error


async def test_create_update_delete_round_trip(admin: Gql, places: dict[str, str]) -> None:
    drop = await create(
        admin,
        name="Furniture from Northwoods",
        action="DROP_SHIP",
        priority=10,
        tags=["furniture", " furniture "],
        destinationCountries=["us"],
        vendorId=places["NORTHWOODS"],
    )
    assert drop == {
        "id": drop["id"],
        "name": "Furniture from Northwoods",
        "priority": 10,
        "active": True,
        "skus": [],
        "tags": ["furniture"],
        "channels": [],
        "destinationCountries": ["US"],
        "destinationRegions": [],
        "postalCodePrefixes": [],
        "action": "DROP_SHIP",
        "vendor": {"code": "NORTHWOODS"},
        "locations": [],
    }
    prefer = await create(
        admin,
        name="Prefer the warehouse",
        action="PREFER",
        locationIds=[places["WH-EAGAN"], places["MSP-01"]],
        postalCodePrefixes=["55 1"],
    )
    assert prefer["priority"] == 100
    assert prefer["locations"] == [{"code": "WH-EAGAN"}, {"code": "MSP-01"}]
    assert prefer["postalCodePrefixes"] == ["551"]
    assert prefer["vendor"] is None

    updated = (
        await admin.mutate(
            UPDATE,
            {
                "input": {
                    "id": drop["id"],
                    "action": "SHIP_FROM",
                    "vendorId": None,
                    "locationIds": [places["MSP-01"]],
                    "priority": 200,
                    "active": False,
                }
            },
        )
    )["routingRule"]
    assert updated["action"] == "SHIP_FROM"
    assert updated["vendor"] is None
    assert updated["locations"] == [{"code": "MSP-01"}]
    assert (updated["priority"], updated["active"], updated["tags"]) == (200, False, ["furniture"])

    rules = (await admin(RULES))["routingRules"]
    assert [rule["id"] for rule in rules] == [prefer["id"], drop["id"]]
    assert rules[1] == updated

    node = await admin(
        "query($id: ID!) { node(id: $id) { ... on RoutingRule { name action } } }",
        {"id": prefer["id"]},
    )
    assert node["node"] == {"name": "Prefer the warehouse", "action": "PREFER"}

    deleted = await admin.mutate(DELETE, {"input": {"id": drop["id"]}})
    assert deleted["deletedRoutingRuleId"] == drop["id"]
    assert [rule["id"] for rule in (await admin(RULES))["routingRules"]] == [prefer["id"]]


async def test_routing_rules_are_ordered_by_priority_then_creation(
    admin: Gql, places: dict[str, str]
) -> None:
    store = [places["MSP-01"]]
    for name, priority in (("b", 20), ("a", 10), ("c", 20)):
        await create(admin, name=name, action="EXCLUDE", priority=priority, locationIds=store)
    names = [rule["name"] for rule in (await admin(RULES))["routingRules"]]
    assert names == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("fields", "field", "code", "words"),
    [
        ({"name": "  "}, ["name"], "INVALID", "blank"),
        ({"action": "DROP_SHIP", "locationIds": []}, ["vendorId"], "INVALID", "needs a vendor"),
        ({"action": "DROP_SHIP", "vendorId": "NORTHWOODS"}, ["locationIds"], "INVALID", "empty"),
        ({"locationIds": []}, ["locationIds"], "INVALID", "at least one location"),
        ({"vendorId": "NORTHWOODS"}, ["vendorId"], "INVALID", "takes no vendor"),
        ({"vendorId": "MSP-01"}, ["vendorId"], "INVALID", "not a valid Vendor id"),
        ({"locationIds": ["NORTHWOODS"]}, ["locationIds"], "INVALID", "not a valid Location id"),
        ({"locationIds": ["missing-location"]}, ["locationIds"], "NOT_FOUND", "does not exist"),
        ({"destinationCountries": ["USA"]}, ["destinationCountries"], "INVALID", "alpha-2"),
        ({"skus": ["no spaces please"]}, ["skus"], "INVALID", "sku"),
    ],
)
async def test_create_refusals_are_user_errors_and_change_nothing(
    admin: Gql,
    places: dict[str, str],
    fields: dict[str, Any],
    field: list[str],
    code: str,
    words: str,
) -> None:
    ids = {**places, "missing-location": encode_id("Location", 999)}
    given = {"name": "A rule", "action": "PREFER", "locationIds": ["MSP-01"], **fields}
    if "vendorId" in given:
        given["vendorId"] = ids[given["vendorId"]]
    given["locationIds"] = [ids[name] for name in given["locationIds"]]
    error = await refused(admin, CREATE, given)
    assert (error["field"], error["code"]) == (field, code)
    assert words in error["message"]
    assert (await admin(RULES))["routingRules"] == []


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": ""}, ["name"], "INVALID"),
        ({"name": None}, ["name"], "INVALID"),
        ({"tags": None}, ["tags"], "INVALID"),
        ({"action": "DROP_SHIP"}, ["vendorId"], "INVALID"),
        ({"locationIds": []}, ["locationIds"], "INVALID"),
        ({"destinationCountries": ["u"]}, ["destinationCountries"], "INVALID"),
        ({"id": encode_id("RoutingRule", 999)}, ["id"], "NOT_FOUND"),
        ({"id": encode_id("Location", 1)}, ["id"], "INVALID"),
    ],
)
async def test_update_refusals_are_user_errors_and_change_nothing(
    admin: Gql, places: dict[str, str], fields: dict[str, Any], field: list[str], code: str
) -> None:
    rule = await create(admin, name="Keep", action="EXCLUDE", locationIds=[places["MSP-01"]])
    error = await refused(admin, UPDATE, {"id": rule["id"], **fields})
    assert (error["field"], error["code"]) == (field, code)
    assert (await admin(RULES))["routingRules"] == [rule]


async def test_delete_refusals(admin: Gql, places: dict[str, str]) -> None:
    rule = await create(admin, name="Keep", action="EXCLUDE", locationIds=[places["MSP-01"]])
    missing = await refused(admin, DELETE, {"id": encode_id("RoutingRule", 999)})
    assert (missing["field"], missing["code"]) == (["id"], "NOT_FOUND")
    wrong_type = await refused(admin, DELETE, {"id": places["MSP-01"]})
    assert (wrong_type["field"], wrong_type["code"]) == (["id"], "INVALID")
    assert (await admin(RULES))["routingRules"] == [rule]


async def test_routing_settings_defaults_and_updates(admin: Gql) -> None:
    assert (await admin(SETTINGS))["routingSettings"] == DEFAULT_SETTINGS
    payload = await admin.mutate(
        UPDATE_SETTINGS, {"input": {"maxSplits": 1, "backorders": "REJECT", "returnWindowDays": 0}}
    )
    changed = {**DEFAULT_SETTINGS, "maxSplits": 1, "backorders": "REJECT", "returnWindowDays": 0}
    assert payload["routingSettings"] == changed
    assert (await admin(SETTINGS))["routingSettings"] == changed


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"maxSplits": 0}, ["maxSplits"]),
        ({"acceptanceMinutes": 0}, ["acceptanceMinutes"]),
        ({"returnWindowDays": -1}, ["returnWindowDays"]),
        ({"splitLines": None}, ["splitLines"]),
        ({"backorders": None, "maxSplits": 2}, ["backorders"]),
    ],
)
async def test_routing_settings_refusals_change_nothing(
    admin: Gql, fields: dict[str, Any], field: list[str]
) -> None:
    error = await refused(admin, UPDATE_SETTINGS, fields)
    assert (error["field"], error["code"]) == (field, "INVALID")
    assert (await admin(SETTINGS))["routingSettings"] == DEFAULT_SETTINGS


async def test_a_backorder_policy_outside_the_enum_is_a_graphql_error(admin: Gql) -> None:
    body = await admin.raw(UPDATE_SETTINGS, {"input": {"backorders": "SOMETIMES"}})
    assert body["errors"]
    assert (await admin(SETTINGS))["routingSettings"] == DEFAULT_SETTINGS


MUTATIONS = [
    (CREATE, {"name": "x", "action": "EXCLUDE", "locationIds": []}),
    (UPDATE, {"id": encode_id("RoutingRule", 1), "priority": 1}),
    (DELETE, {"id": encode_id("RoutingRule", 1)}),
    (UPDATE_SETTINGS, {"maxSplits": 1}),
]


@pytest.mark.parametrize("role", ["viewer", "staff", "vendor", "partner"])
async def test_only_admin_may_change_routing(
    as_key: Any, keys: dict[str, str], other_keys: dict[str, str], admin: Gql, role: str
) -> None:
    caller = as_key({**keys, **other_keys}[role])
    for query, fields in MUTATIONS:
        body = await caller.raw(query, {"input": fields})
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "FORBIDDEN", error
    assert (await admin(RULES))["routingRules"] == []
    assert (await admin(SETTINGS))["routingSettings"] == DEFAULT_SETTINGS


@pytest.mark.parametrize("role", ["staff", "vendor", "partner"])
async def test_only_admin_and_viewer_read_routing(
    as_key: Any, other_keys: dict[str, str], admin: Gql, places: dict[str, str], role: str
) -> None:
    rule = await create(admin, name="Keep", action="EXCLUDE", locationIds=[places["MSP-01"]])
    caller = as_key(other_keys[role])
    for query in (RULES, SETTINGS):
        body = await caller.raw(query)
        (error,) = body["errors"]
        assert error["extensions"]["code"] == "FORBIDDEN", error
    hidden = await caller("query($id: ID!) { node(id: $id) { id } }", {"id": rule["id"]})
    assert hidden["node"] is None


async def test_viewer_reads_rules_and_settings(
    as_key: Any, keys: dict[str, str], admin: Gql, places: dict[str, str]
) -> None:
    rule = await create(admin, name="Keep", action="EXCLUDE", locationIds=[places["MSP-01"]])
    viewer = as_key(keys["viewer"])
    assert (await viewer(RULES))["routingRules"] == [rule]
    assert (await viewer(SETTINGS))["routingSettings"] == DEFAULT_SETTINGS
    node = await viewer("query($id: ID!) { node(id: $id) { id } }", {"id": rule["id"]})
    assert node["node"] == {"id": rule["id"]}


async def test_without_a_key_routing_is_unauthenticated(client: Any) -> None:
    body = await Gql(client, None).raw(RULES)
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
