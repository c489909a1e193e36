"""Bad input never costs a 500 and never changes anything: each case answers a userError
(business and validation failures) or a GraphQL error (shape, limits, auth), and the
database reads back exactly as it was."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from models.operations.access import create_api_key, revoke_api_key
from models.operations.catalog import upsert_product
from models.operations.inventory import set_inventory
from models.operations.locations import LocationKind, create_location, create_vendor
from models.rules.scopes import SYSTEM, Role
from models.tables import __all__ as TABLE_NAMES
from resolvers.ids import encode_id
from tests.support.gql import Gql


def raw_id(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def mutation(name: str, input_type: str, selection: str = "") -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) "
        f"{{ {selection} userErrors {{ field message code }} }} }}"
    )


SET = mutation("setInventory", "SetInventoryInput", "inventoryLevel { onHand }")
ADJUST = mutation("adjustInventory", "AdjustInventoryInput", "inventoryLevel { onHand }")
CREATE_LOCATION = mutation("createLocation", "CreateLocationInput", "location { id }")
UPDATE_LOCATION = mutation("updateLocation", "UpdateLocationInput", "location { id }")
CREATE_VENDOR = mutation("createVendor", "CreateVendorInput", "vendor { id }")
UPDATE_VENDOR = mutation("updateVendor", "UpdateVendorInput", "vendor { id }")
UPSERT = mutation("upsertProduct", "UpsertProductInput", "product { id }")
CREATE_KEY = mutation("createApiKey", "CreateApiKeyInput", "secret")
REVOKE_KEY = mutation("revokeApiKey", "RevokeApiKeyInput", "apiKey { id }")


async def snapshot() -> dict[str, list[dict[str, Any]]]:
    from models import tables

    state = {}
    for name in TABLE_NAMES:
        rows = await getattr(tables, name).all().order_by("id").values()
        state[name] = [{k: v for k, v in r.items() if k != "last_used_at"} for r in rows]
    return state


@pytest.fixture
async def world(db) -> dict[str, Any]:
    msp = await create_location("MSP-01", name="Minneapolis", kind=LocationKind.STORE)
    stp = await create_location("STP-01", name="St. Paul", kind=LocationKind.STORE)
    vendor = await create_vendor("NORTHWOODS", "Northwoods")
    await upsert_product("MUG", "Mug")
    await set_inventory(msp.pk, "MUG", 5, None, SYSTEM)
    return {
        "msp": encode_id("Location", msp.pk),
        "stp": encode_id("Location", stp.pk),
        "vendor": encode_id("Vendor", vendor.pk),
    }


async def user_error(gql: Gql, document: str, input: dict[str, Any]) -> dict[str, Any]:
    """The one userError a mutation answers; nothing may have changed."""
    before = await snapshot()
    body = await gql.raw(document, {"input": input})
    assert not body.get("errors"), body["errors"]
    (payload,) = body["data"].values()
    (error,) = payload["userErrors"]
    assert error["message"]
    assert all(v is None for k, v in payload.items() if k != "userErrors"), payload
    assert await snapshot() == before
    return error


async def graphql_error(
    gql: Gql, document: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The one GraphQL error a request answers (HTTP 200); nothing may have changed."""
    before = await snapshot()
    body = await gql.raw(document, variables)
    assert not any((body.get("data") or {}).values()), body
    (error,) = body["errors"]
    assert error["message"]
    assert await snapshot() == before
    return error


# -- stock ------------------------------------------------------------------------------


async def test_negative_stock_is_refused(admin: Gql, world) -> None:
    error = await user_error(admin, SET, {"locationId": world["msp"], "sku": "MUG", "onHand": -1})
    assert error == {
        "field": ["onHand"],
        "message": "onHand must be 0 or more, got -1",
        "code": "INVALID",
    }
    error = await user_error(
        admin, SET, {"locationId": world["msp"], "sku": "MUG", "safetyStock": -2}
    )
    assert (error["field"], error["code"]) == (["safetyStock"], "INVALID")
    error = await user_error(
        admin,
        ADJUST,
        {"locationId": world["msp"], "sku": "MUG", "delta": -6, "reason": "DAMAGED"},
    )
    assert error["code"] == "INSUFFICIENT_STOCK"
    assert error["field"] == ["delta"]
    assert "MUG at MSP-01" in error["message"] and "below 0" in error["message"]


async def test_unknown_location_or_sku_is_not_found(admin: Gql, world) -> None:
    nowhere = encode_id("Location", 999_999)
    error = await user_error(admin, SET, {"locationId": nowhere, "sku": "MUG", "onHand": 1})
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["locationId"])
    error = await user_error(
        admin, ADJUST, {"locationId": nowhere, "sku": "MUG", "delta": 1, "reason": "RECEIVED"}
    )
    assert error["code"] == "NOT_FOUND"
    error = await user_error(admin, SET, {"locationId": world["msp"], "sku": "NOPE", "onHand": 1})
    assert error == {"field": ["sku"], "message": "sku NOPE does not exist", "code": "NOT_FOUND"}
    error = await user_error(
        admin, ADJUST, {"locationId": world["msp"], "sku": "NOPE", "delta": 1, "reason": "COUNT"}
    )
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["sku"])
    error = await user_error(admin, UPDATE_LOCATION, {"id": nowhere, "name": "X"})
    assert error["code"] == "NOT_FOUND"
    error = await user_error(
        admin, UPDATE_VENDOR, {"id": encode_id("Vendor", 999_999), "name": "X"}
    )
    assert error["code"] == "NOT_FOUND"


async def test_stock_numbers_beyond_a_graphql_int_are_refused(admin: Gql, world) -> None:
    error = await graphql_error(
        admin, SET, {"input": {"locationId": world["msp"], "sku": "MUG", "onHand": 2**31}}
    )
    assert "32-bit" in error["message"]


async def test_stock_cannot_overflow_the_column(admin: Gql, world) -> None:
    await admin.mutate(
        SET, {"input": {"locationId": world["msp"], "sku": "MUG", "onHand": 2**31 - 1}}
    )
    error = await user_error(
        admin, ADJUST, {"locationId": world["msp"], "sku": "MUG", "delta": 1, "reason": "RECEIVED"}
    )
    assert error == {
        "field": ["delta"],
        "message": "onHand would be 2147483648; it cannot exceed 2147483647",
        "code": "INVALID",
    }


# -- duplicates and validation ----------------------------------------------------------


async def test_duplicate_codes_are_taken(admin: Gql, world) -> None:
    error = await user_error(
        admin, CREATE_LOCATION, {"code": "MSP-01", "name": "Again", "kind": "STORE"}
    )
    assert error == {
        "field": ["code"],
        "message": "location code MSP-01 is already taken",
        "code": "TAKEN",
    }
    error = await user_error(admin, CREATE_VENDOR, {"code": "NORTHWOODS", "name": "Again"})
    assert error == {
        "field": ["code"],
        "message": "vendor code NORTHWOODS is already taken",
        "code": "TAKEN",
    }


@pytest.mark.parametrize(
    ("document", "input", "field"),
    [
        (CREATE_LOCATION, {"code": "has space", "name": "X", "kind": "STORE"}, ["code"]),
        (CREATE_LOCATION, {"code": "", "name": "X", "kind": "STORE"}, ["code"]),
        (CREATE_LOCATION, {"code": "NEW", "name": "  ", "kind": "STORE"}, ["name"]),
        (
            CREATE_LOCATION,
            {"code": "NEW", "name": "X", "kind": "STORE", "dailyCapacity": -1},
            ["dailyCapacity"],
        ),
        (
            CREATE_LOCATION,
            {"code": "NEW", "name": "X", "kind": "STORE", "address": {"countryCode": "USA"}},
            ["address", "countryCode"],
        ),
        (
            CREATE_LOCATION,
            {"code": "NEW", "name": "X", "kind": "STORE", "address": {"latitude": 44.9}},
            ["address", "latitude"],
        ),
        (
            CREATE_LOCATION,
            {
                "code": "NEW",
                "name": "X",
                "kind": "STORE",
                "address": {"latitude": 91, "longitude": 0},
            },
            ["address", "latitude"],
        ),
        (CREATE_LOCATION, {"code": "NEW", "name": "x" * 201, "kind": "STORE"}, ["name"]),
        (
            CREATE_LOCATION,
            {"code": "NEW", "name": "X", "kind": "STORE", "address": {"postalCode": "9" * 21}},
            ["addressPostalCode"],
        ),
        (CREATE_VENDOR, {"code": "NEW", "name": "x" * 201}, ["name"]),
        (CREATE_VENDOR, {"code": "NEW", "name": "New", "webhookUrl": "not a url"}, ["webhookUrl"]),
        (
            CREATE_VENDOR,
            {"code": "NEW", "name": "New", "webhookUrl": "ftp://x.example"},
            ["webhookUrl"],
        ),
        (
            CREATE_VENDOR,
            {"code": "NEW", "name": "New", "webhookUrl": "https://[::1"},
            ["webhookUrl"],
        ),
        (
            CREATE_VENDOR,
            {"code": "NEW", "name": "New", "webhookUrl": "https://x.example/" + "a" * 2000},
            ["webhookUrl"],
        ),
        (
            CREATE_VENDOR,
            {"code": "NEW", "name": "New", "webhookSecret": "s" * 201},
            ["webhookSecret"],
        ),
        (CREATE_KEY, {"name": "k" * 201, "role": "VIEWER"}, ["name"]),
        (CREATE_KEY, {"name": "k", "role": "PARTNER", "channel": "c" * 65}, ["channel"]),
        (UPSERT, {"sku": "bad sku!", "name": "X"}, ["sku"]),
        (UPSERT, {"sku": "NEW", "name": ""}, ["name"]),
        (UPSERT, {"sku": "NEW", "name": "x" * 201}, ["name"]),
        (
            UPSERT,
            {"sku": "NEW", "name": "X", "price": {"amount": "-1", "currencyCode": "USD"}},
            ["price", "amount"],
        ),
        (
            UPSERT,
            {"sku": "NEW", "name": "X", "price": {"amount": "1.005", "currencyCode": "USD"}},
            ["price", "amount"],
        ),
        (
            UPSERT,
            {"sku": "NEW", "name": "X", "price": {"amount": "1", "currencyCode": "XXX"}},
            ["price", "currencyCode"],
        ),
        (CREATE_KEY, {"name": "k", "role": "STAFF"}, ["role"]),
        (CREATE_KEY, {"name": "k", "role": "PARTNER"}, ["role"]),
        (CREATE_KEY, {"name": "k", "role": "VIEWER", "channel": "web"}, ["role"]),
        (CREATE_KEY, {"name": " ", "role": "VIEWER"}, ["name"]),
    ],
)
async def test_invalid_set_up_input_is_a_user_error(
    admin: Gql, world, document: str, input: dict[str, Any], field: list[str]
) -> None:
    error = await user_error(admin, document, input)
    assert error["code"] == "INVALID", error
    assert error["field"] == field, error


async def test_update_refuses_null_for_required_fields(admin: Gql, world) -> None:
    error = await user_error(admin, UPDATE_LOCATION, {"id": world["msp"], "name": None})
    assert error == {"field": ["name"], "message": "name cannot be null", "code": "INVALID"}
    error = await user_error(admin, UPDATE_VENDOR, {"id": world["vendor"], "active": None})
    assert error["field"] == ["active"]


# -- ids ----------------------------------------------------------------------------------

MALFORMED_IDS = [
    "garbage",
    "",
    "%%%",
    raw_id("Location"),
    raw_id("Location:"),
    raw_id("Location:abc"),
    raw_id("Location:-1"),
    raw_id("Location:0"),
    raw_id("Location:99999999999999999999999"),
    raw_id("Location:1:2"),
]


@pytest.mark.parametrize("bad", MALFORMED_IDS)
async def test_malformed_ids(admin: Gql, world, bad: str) -> None:
    error = await user_error(admin, UPDATE_LOCATION, {"id": bad, "name": "X"})
    assert error["code"] in ("INVALID", "NOT_FOUND"), error
    assert error["field"] == ["id"]
    error = await user_error(admin, SET, {"locationId": bad, "sku": "MUG", "onHand": 1})
    assert error["code"] in ("INVALID", "NOT_FOUND"), error
    assert error["field"] == ["locationId"]
    error = await graphql_error(admin, "query($id: ID!) { location(id: $id) { id } }", {"id": bad})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    error = await graphql_error(
        admin, "query($id: ID!) { inventoryLevels(locationId: $id) { totalCount } }", {"id": bad}
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    data = await admin("query($id: ID!) { node(id: $id) { id } }", {"id": bad})
    assert data == {"node": None}


async def test_an_id_of_another_type_is_refused(admin: Gql, world) -> None:
    error = await user_error(admin, UPDATE_LOCATION, {"id": world["vendor"], "name": "X"})
    assert error["code"] == "INVALID"
    assert "is not a valid Location id" in error["message"]
    error = await user_error(
        admin, CREATE_KEY, {"name": "k", "role": "VENDOR", "vendorId": world["msp"]}
    )
    assert error["field"] == ["vendorId"]


async def test_huge_ids_are_not_found(admin: Gql, world) -> None:
    huge = raw_id(f"Location:{2**63}")
    assert await admin("query($id: ID!) { node(id: $id) { id } }", {"id": huge}) == {"node": None}
    error = await user_error(admin, SET, {"locationId": huge, "sku": "MUG", "onHand": 1})
    assert error["field"] == ["locationId"]


# -- limits -------------------------------------------------------------------------------


def nested(depth: int) -> str:
    """`location { inventory { edges { node { location { inventory ...` `depth` levels deep,
    one row per level, so that only the depth can be what refuses it."""
    parts = ["location", "inventory(first: 1)", "edges", "node"]  # one row a level: cheap
    opening = []
    for level in range(depth - 1):
        name = parts[level % 4]
        if level == 0:
            name = 'location(code: "MSP-01")'
        opening.append(name)
    return "{ " + " { ".join(opening) + " { __typename" + " }" * depth


async def test_a_query_nested_30_deep_is_refused(admin: Gql, world) -> None:
    assert (await admin(nested(12)))["location"] is not None
    error = await graphql_error(admin, nested(30))
    assert "exceeds maximum operation depth" in error["message"]


async def test_too_many_aliases_are_refused(admin: Gql, world) -> None:
    fine = "{ " + " ".join(f"a{i}: viewer {{ role }}" for i in range(30)) + " }"
    assert len(await admin(fine)) == 30
    too_many = "{ " + " ".join(f"a{i}: viewer {{ role }}" for i in range(31)) + " }"
    error = await graphql_error(admin, too_many)
    assert "aliases" in error["message"]


async def test_too_many_tokens_are_refused(admin: Gql, world) -> None:
    query = "{ viewer { " + " ".join(["role"] * 4000) + " } }"
    error = await graphql_error(admin, query)
    assert "token" in error["message"].lower()


async def test_page_size_over_the_cap_is_refused(admin: Gql, world) -> None:
    error = await graphql_error(admin, "{ locations(first: 251) { totalCount } }")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "250" in error["message"]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"query": 42}',
        b'{"variables": {}}',
        b'{"query": "{ viewer { role } ", "variables": {}}',
        b'{"query": "{ nonsense }"}',
        b'{"query": "query($x: Int!) { locations(first: $x) { totalCount } }", '
        b'"variables": {"x": "ten"}}',
    ],
)
async def test_malformed_requests_are_client_errors(admin: Gql, world, client, body) -> None:
    before = await snapshot()
    response = await client.post(
        "/graphql",
        content=body,
        headers={"Authorization": f"Bearer {admin.secret}", "Content-Type": "application/json"},
    )
    assert 200 <= response.status_code < 500, response.text
    if response.status_code == 200:
        assert response.json()["errors"]
    assert await snapshot() == before


# -- keys -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "an API key is required"),
        ("Bearer", "must be: Bearer <key>"),
        ("Basic dXNlcjpwYXNz", "must be: Bearer <key>"),
        ("Bearer not-a-key", "the API key is malformed"),
        ("Bearer oms_", "the API key is malformed"),
        ("Bearer oms_0123456789ab_wrong", "the API key is not valid"),
    ],
)
async def test_bad_keys_are_unauthenticated(world, client, header, message) -> None:
    before = await snapshot()
    headers = {"Authorization": header} if header else {}
    response = await client.post(
        "/graphql",
        json={
            "query": CREATE_LOCATION,
            "variables": {"input": {"code": "NEW", "name": "New", "kind": "STORE"}},
        },
        headers=headers,
    )
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert message in error["message"]
    assert await snapshot() == before


async def test_a_revoked_key_is_unauthenticated(world, as_key) -> None:
    key, secret = await create_api_key("leaver", Role.ADMIN)
    gql = as_key(secret)
    assert (await gql("{ viewer { role } }"))["viewer"]["role"] == "ADMIN"
    await revoke_api_key(key.pk)
    error = await graphql_error(
        gql, CREATE_LOCATION, {"input": {"code": "NEW", "name": "New", "kind": "STORE"}}
    )
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert error["message"] == "the API key was revoked"


async def test_a_key_of_a_real_id_with_a_wrong_secret_is_refused(world, as_key) -> None:
    _, secret = await create_api_key("real", Role.ADMIN)
    forged = secret[:-4] + ("AAAA" if not secret.endswith("AAAA") else "BBBB")
    error = await graphql_error(as_key(forged), "{ viewer { role } }")
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert error["message"] == "the API key is not valid"


# -- what the database cannot store (issue 11, item 12) -------------------------------------

UNSTORABLE = [
    # A lone surrogate in a variable, an input field, a key. (In a literal, graphql-core
    # refuses it as a syntax error.)
    ("query($s: String!) { product(sku: $s) { id } }", {"s": "MUG\ud800"}),
    (CREATE_LOCATION, {"input": {"code": "S", "name": "Bad \udfff", "kind": "STORE"}}),
    (
        "query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
        {"f": {"channel": "web", "\ud800": 1}},
    ),
    # Datetimes that exist in Python but not in UTC on the database.
    (
        "query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
        {"f": {"createdAfter": "0001-01-01T00:00:00+14:00"}},
    ),
    (
        "query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
        {"f": {"createdBefore": "9999-12-31T23:59:59-14:00"}},
    ),
    ('{ orders(filter: {createdAfter: "0001-01-01T00:00:00+14:00"}) { totalCount } }', None),
]


@pytest.mark.parametrize(("document", "variables"), UNSTORABLE)
async def test_unstorable_input_is_bad_user_input(
    admin: Gql, world, document: str, variables: dict[str, Any] | None
) -> None:
    """Lone surrogates failed in the driver (UnicodeEncodeError) and datetimes near the ends
    of the calendar in the conversion to UTC (OverflowError): a 500 and a traceback."""
    before = await snapshot()
    response = await admin.client.post(
        "/graphql",
        # json.dumps escapes the surrogates (httpx's own encoder cannot send them).
        content=json.dumps({"query": document, "variables": variables or {}}),
        headers={"Authorization": f"Bearer {admin.secret}", "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["data"] is None, body
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert await snapshot() == before


async def test_datetimes_within_range_still_work(admin: Gql, world) -> None:
    data = await admin(
        "query($f: OrderFilter) { orders(filter: $f) { totalCount } }",
        {"f": {"createdAfter": "0001-01-03T00:00:00+14:00", "createdBefore": "9999-01-01T00:00Z"}},
    )
    assert data == {"orders": {"totalCount": 0}}
