"""The set-up API's happy paths over HTTP: locations, vendors, products, stock, API keys,
`node(id:)` and the lookups by human key, and the metrics endpoint."""

from __future__ import annotations

import asyncio
from typing import Any

from models.tables import InventoryLedgerEntry, Vendor
from tests.support.gql import Gql

LOCATION_FIELDS = """id code name kind active shipsOrders pickupEnabled priority dailyCapacity
  address { name line1 line2 city region postalCode countryCode phone latitude longitude }"""


def mutation(name: str, input_type: str, selection: str) -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) "
        f"{{ {selection} userErrors {{ field message code }} }} }}"
    )


CREATE_LOCATION = mutation(
    "createLocation", "CreateLocationInput", f"location {{ {LOCATION_FIELDS} }}"
)
UPDATE_LOCATION = mutation(
    "updateLocation", "UpdateLocationInput", f"location {{ {LOCATION_FIELDS} }}"
)
VENDOR_FIELDS = "vendor { id code name active webhookUrl }"
CREATE_VENDOR = mutation("createVendor", "CreateVendorInput", VENDOR_FIELDS)
UPDATE_VENDOR = mutation("updateVendor", "UpdateVendorInput", VENDOR_FIELDS)
UPSERT_PRODUCT = mutation(
    "upsertProduct",
    "UpsertProductInput",
    "product { id sku name price { amount currencyCode } tags } created",
)
SET_INVENTORY = mutation(
    "setInventory",
    "SetInventoryInput",
    "inventoryLevel { onHand reserved safetyStock available location { code } product { sku } }",
)
ADJUST_INVENTORY = mutation(
    "adjustInventory",
    "AdjustInventoryInput",
    "inventoryLevel { onHand reserved safetyStock available }",
)
CREATE_API_KEY = mutation(
    "createApiKey",
    "CreateApiKeyInput",
    "apiKey { id name role channel revoked locations { code } vendor { code } } secret",
)
REVOKE_API_KEY = mutation("revokeApiKey", "RevokeApiKeyInput", "apiKey { id revoked }")

MINNEAPOLIS = {
    "code": "MSP-01",
    "name": "Minneapolis - Nicollet Mall",
    "kind": "STORE",
    "pickupEnabled": True,
    "priority": 10,
    "dailyCapacity": 200,
    "address": {
        "line1": "900 Nicollet Mall",
        "city": "Minneapolis",
        "region": "MN",
        "postalCode": "55402",
        "countryCode": "us",
        "latitude": 44.9759,
        "longitude": -93.2723,
    },
}


async def create_location(admin: Gql, **overrides: Any) -> dict[str, Any]:
    return (await admin.mutate(CREATE_LOCATION, {"input": {**MINNEAPOLIS, **overrides}}))[
        "location"
    ]


async def test_create_and_update_a_location(admin: Gql) -> None:
    location = await create_location(admin)
    assert location["code"] == "MSP-01"
    assert location["kind"] == "STORE"
    assert location["active"] is True and location["shipsOrders"] is True
    assert location["pickupEnabled"] is True
    assert (location["priority"], location["dailyCapacity"]) == (10, 200)
    assert location["address"]["countryCode"] == "US"
    assert location["address"]["latitude"] == 44.9759

    updated = (
        await admin.mutate(
            UPDATE_LOCATION,
            {
                "input": {
                    "id": location["id"],
                    "name": "Minneapolis - Downtown",
                    "dailyCapacity": None,
                    "active": False,
                }
            },
        )
    )["location"]
    assert updated["name"] == "Minneapolis - Downtown"
    assert updated["dailyCapacity"] is None
    assert updated["active"] is False
    # What was not sent stays.
    assert updated["priority"] == 10
    assert updated["address"] == location["address"]

    read = await admin(
        f"query($id: ID!) {{ node(id: $id) {{ ... on Location {{ {LOCATION_FIELDS} }} }} }}",
        {"id": location["id"]},
    )
    assert read["node"] == updated
    by_code = await admin(f'{{ location(code: "MSP-01") {{ {LOCATION_FIELDS} }} }}')
    assert by_code["location"] == updated
    by_id = await admin("query($id: ID!) { location(id: $id) { code } }", {"id": location["id"]})
    assert by_id["location"]["code"] == "MSP-01"
    listed = await admin("{ locations { totalCount nodes { code } } }")
    assert listed["locations"] == {"totalCount": 1, "nodes": [{"code": "MSP-01"}]}
    active = await admin("{ locations(active: true) { totalCount } }")
    assert active["locations"]["totalCount"] == 0


async def test_unknown_codes_read_as_null(admin: Gql) -> None:
    data = await admin('{ location(code: "NOPE") { id } vendor(code: "NOPE") { id } }')
    assert data == {"location": None, "vendor": None}
    assert (await admin('{ product(sku: "NOPE") { id } }')) == {"product": None}


async def test_create_and_update_a_vendor_whose_secret_stays_hidden(admin: Gql) -> None:
    vendor = (
        await admin.mutate(
            CREATE_VENDOR,
            {
                "input": {
                    "code": "NORTHWOODS",
                    "name": "Northwoods Furniture",
                    "webhookUrl": "https://northwoods.example/oms",
                    "webhookSecret": "s3cret-one",
                }
            },
        )
    )["vendor"]
    assert vendor["code"] == "NORTHWOODS"
    assert vendor["active"] is True
    assert vendor["webhookUrl"] == "https://northwoods.example/oms"
    assert (await Vendor.get(code="NORTHWOODS")).webhook_secret == "s3cret-one"

    updated = (
        await admin.mutate(
            UPDATE_VENDOR,
            {"input": {"id": vendor["id"], "name": "Northwoods Co.", "webhookSecret": "two"}},
        )
    )["vendor"]
    assert updated["name"] == "Northwoods Co."
    assert updated["webhookUrl"] == "https://northwoods.example/oms"
    assert (await Vendor.get(code="NORTHWOODS")).webhook_secret == "two"

    # The secret is write-only: no field of the schema reads it back.
    body = await admin.raw(
        "query($id: ID!) { node(id: $id) { ... on Vendor { webhookSecret } } }",
        {"id": vendor["id"]},
    )
    assert "webhookSecret" in body["errors"][0]["message"]
    vendor_type = await admin('{ __type(name: "Vendor") { fields { name } } }')
    names = {f["name"] for f in vendor_type["__type"]["fields"]}
    assert not {n for n in names if "secret" in n.lower()}

    read = await admin(
        "query($id: ID!) { node(id: $id) { ... on Vendor { code name } } "
        'vendor(code: "NORTHWOODS") { id } }',
        {"id": vendor["id"]},
    )
    assert read["node"] == {"code": "NORTHWOODS", "name": "Northwoods Co."}
    assert read["vendor"]["id"] == vendor["id"]
    listed = await admin("{ vendors { totalCount nodes { code } } }")
    assert listed["vendors"] == {"totalCount": 1, "nodes": [{"code": "NORTHWOODS"}]}

    cleared = (
        await admin.mutate(UPDATE_VENDOR, {"input": {"id": vendor["id"], "webhookUrl": None}})
    )["vendor"]
    assert cleared["webhookUrl"] is None


async def test_upsert_product_creates_then_updates_by_sku(admin: Gql) -> None:
    created = await admin.mutate(
        UPSERT_PRODUCT,
        {
            "input": {
                "sku": "MUG-LOON",
                "name": "Loon mug",
                "price": {"amount": "14.5", "currencyCode": "usd"},
                "tags": ["kitchen", " gifts ", "kitchen"],
            }
        },
    )
    assert created["created"] is True
    product = created["product"]
    assert product["price"] == {"amount": "14.50", "currencyCode": "USD"}
    assert product["tags"] == ["gifts", "kitchen"]

    updated = await admin.mutate(
        UPSERT_PRODUCT, {"input": {"sku": "MUG-LOON", "name": "Loon mug, 12 oz"}}
    )
    assert updated["created"] is False
    assert updated["product"]["id"] == product["id"]
    assert updated["product"]["name"] == "Loon mug, 12 oz"
    assert updated["product"]["price"] is None

    read = await admin(
        "query($id: ID!) { node(id: $id) { ... on Product { sku name } } "
        'product(sku: "MUG-LOON") { id } }',
        {"id": product["id"]},
    )
    assert read["node"] == {"sku": "MUG-LOON", "name": "Loon mug, 12 oz"}
    assert read["product"]["id"] == product["id"]
    assert (await admin("{ products { totalCount } }"))["products"]["totalCount"] == 1


async def test_concurrent_upserts_of_a_new_sku_create_it_once(admin: Gql) -> None:
    for attempt in range(3):
        sku = f"RACE-{attempt}"
        payloads = await asyncio.gather(
            *[
                admin.mutate(UPSERT_PRODUCT, {"input": {"sku": sku, "name": "Racer"}})
                for _ in range(4)
            ]
        )
        assert sorted(p["created"] for p in payloads) == [False, False, False, True]
        assert len({p["product"]["id"] for p in payloads}) == 1
    assert (await admin("{ products { totalCount } }"))["products"]["totalCount"] == 3


async def test_set_and_adjust_inventory_write_the_ledger(admin: Gql) -> None:
    location = await create_location(admin)
    await admin.mutate(UPSERT_PRODUCT, {"input": {"sku": "MUG-LOON", "name": "Loon mug"}})
    level = (
        await admin.mutate(
            SET_INVENTORY,
            {
                "input": {
                    "locationId": location["id"],
                    "sku": "MUG-LOON",
                    "onHand": 12,
                    "safetyStock": 2,
                }
            },
        )
    )["inventoryLevel"]
    assert level == {
        "onHand": 12,
        "reserved": 0,
        "safetyStock": 2,
        "available": 10,
        "location": {"code": "MSP-01"},
        "product": {"sku": "MUG-LOON"},
    }
    level = (
        await admin.mutate(
            ADJUST_INVENTORY,
            {
                "input": {
                    "locationId": location["id"],
                    "sku": "MUG-LOON",
                    "delta": -3,
                    "reason": "DAMAGED",
                    "note": "dropped a box",
                }
            },
        )
    )["inventoryLevel"]
    assert level == {"onHand": 9, "reserved": 0, "safetyStock": 2, "available": 7}
    # safetyStock alone leaves onHand, and writes no ledger row.
    level = (
        await admin.mutate(
            SET_INVENTORY,
            {"input": {"locationId": location["id"], "sku": "MUG-LOON", "safetyStock": 9}},
        )
    )["inventoryLevel"]
    assert (level["onHand"], level["available"]) == (9, 0)

    ledger = await InventoryLedgerEntry.all().order_by("id")
    assert [(e.on_hand_delta, e.reason, e.actor) for e in ledger] == [
        (12, "SET", "admin:test admin"),
        (-3, "DAMAGED", "admin:test admin"),
    ]
    assert ledger[1].note == "dropped a box"

    levels = await admin(
        'query($id: ID) { inventoryLevels(locationId: $id, sku: "MUG-LOON") '
        "{ totalCount nodes { onHand } } }",
        {"id": location["id"]},
    )
    assert levels["inventoryLevels"] == {"totalCount": 1, "nodes": [{"onHand": 9}]}
    at_location = await admin(
        '{ location(code: "MSP-01") { inventory(sku: "MUG-LOON") { nodes { onHand } } } }'
    )
    assert at_location["location"]["inventory"]["nodes"] == [{"onHand": 9}]


async def test_adjust_inventory_creates_a_missing_level(admin: Gql) -> None:
    location = await create_location(admin)
    await admin.mutate(UPSERT_PRODUCT, {"input": {"sku": "HAT", "name": "Hat"}})
    level = (
        await admin.mutate(
            ADJUST_INVENTORY,
            {
                "input": {
                    "locationId": location["id"],
                    "sku": "HAT",
                    "delta": 4,
                    "reason": "RECEIVED",
                }
            },
        )
    )["inventoryLevel"]
    assert level == {"onHand": 4, "reserved": 0, "safetyStock": 0, "available": 4}


async def test_an_api_key_works_until_it_is_revoked(admin: Gql, as_key) -> None:
    location = await create_location(admin)
    created = await admin.mutate(
        CREATE_API_KEY,
        {"input": {"name": "Nicollet tablet", "role": "STAFF", "locationIds": [location["id"]]}},
    )
    key = created["apiKey"]
    assert key["name"] == "Nicollet tablet"
    assert key["role"] == "STAFF"
    assert key["revoked"] is False
    assert key["locations"] == [{"code": "MSP-01"}]
    assert key["vendor"] is None
    secret = created["secret"]
    assert secret.startswith("oms_")

    staff = as_key(secret)
    viewer = await staff("{ viewer { name role channel locations { code } vendor { code } } }")
    assert viewer["viewer"] == {
        "name": "Nicollet tablet",
        "role": "STAFF",
        "channel": None,
        "locations": [{"code": "MSP-01"}],
        "vendor": None,
    }
    listed = await admin("{ apiKeys { totalCount nodes { name revoked } } }")
    assert {"name": "Nicollet tablet", "revoked": False} in listed["apiKeys"]["nodes"]
    # The secret is shown once: no field reads it back.
    api_key_type = await admin('{ __type(name: "ApiKey") { fields { name } } }')
    assert "secret" not in {f["name"] for f in api_key_type["__type"]["fields"]}

    # node(id:) reads keys for ADMIN only, like apiKeys.
    node = "query($id: ID!) { node(id: $id) { id ... on ApiKey { name role } } }"
    read = await admin(node, {"id": key["id"]})
    assert read["node"] == {"id": key["id"], "name": "Nicollet tablet", "role": "STAFF"}
    assert (await staff(node, {"id": key["id"]})) == {"node": None}

    revoked = await admin.mutate(REVOKE_API_KEY, {"input": {"id": key["id"]}})
    assert revoked["apiKey"] == {"id": key["id"], "revoked": True}
    body = await staff.raw("{ viewer { name } }")
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert "revoked" in error["message"]
    # Revoking twice is harmless.
    again = await admin.mutate(REVOKE_API_KEY, {"input": {"id": key["id"]}})
    assert again["apiKey"]["revoked"] is True


async def test_keys_of_each_scope_say_who_they_are(admin: Gql, as_key) -> None:
    vendor = (
        await admin.mutate(CREATE_VENDOR, {"input": {"code": "LAKESIDE", "name": "Lakeside"}})
    )["vendor"]
    cases = [
        ({"role": "VENDOR", "vendorId": vendor["id"]}, {"vendor": {"code": "LAKESIDE"}}),
        ({"role": "PARTNER", "channel": "web"}, {"channel": "web"}),
        ({"role": "VIEWER"}, {}),
        ({"role": "ADMIN"}, {}),
    ]
    for scope, expected in cases:
        created = await admin.mutate(CREATE_API_KEY, {"input": {"name": "k", **scope}})
        viewer = (
            await as_key(created["secret"])(
                "{ viewer { role channel locations { code } vendor { code } } }"
            )
        )["viewer"]
        assert viewer == {
            "role": scope["role"],
            "channel": None,
            "locations": [],
            "vendor": None,
            **expected,
        }


async def test_node_answers_null_for_unknown_ids(admin: Gql) -> None:
    location = await create_location(admin)
    data = await admin(
        'query($a: ID!) { a: node(id: $a) { id } b: node(id: "TG9jYXRpb246OTk5") { id } '
        'c: node(id: "nonsense") { id } }',
        {"a": location["id"]},
    )
    assert data == {"a": {"id": location["id"]}, "b": None, "c": None}


def requests_counted(metrics: str, operation: str, outcome: str) -> float:
    line = f'oms_graphql_requests_total{{operation="{operation}",outcome="{outcome}"}} '
    found = [
        float(text.removeprefix(line)) for text in metrics.splitlines() if text.startswith(line)
    ]
    return found[0] if found else 0.0


async def test_metrics_count_graphql_requests_by_outcome(admin: Gql, as_key, keys, client) -> None:
    async def counts() -> list[float]:
        metrics = (await client.get("/metrics")).text
        assert "oms_graphql_request_seconds_bucket" in metrics
        return [
            requests_counted(metrics, "query viewer", "ok"),
            requests_counted(metrics, "query apiKeys", "refused"),
            requests_counted(metrics, "invalid", "refused"),
        ]

    before = await counts()
    await admin("{ viewer { role } }")
    assert (await as_key(keys["viewer"]).raw("{ apiKeys { totalCount } }"))["errors"]
    assert (await admin.raw("{ nonsense }"))["errors"]
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert await counts() == [n + 1 for n in before]
