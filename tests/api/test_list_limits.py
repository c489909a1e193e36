"""The domain limits that bound the API's lists (models.rules.limits, charged by the query
cost): each is refused with a userError naming it where the rows are written, over HTTP."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from api.settings import SettingError, Settings
from models.operations import fulfillment
from models.operations.fulfillment import ShipLine
from models.operations.locations import LocationKind, create_location
from models.operations.routing import create_rule
from models.rules.limits import (
    MAX_DELIVERY_ATTEMPTS,
    MAX_HOLDS_PER_ORDER,
    MAX_KEY_LOCATIONS,
    MAX_ROUTING_RULES,
    MAX_RULE_LOCATIONS,
    MAX_SHIPMENTS_PER_FULFILLMENT_ORDER,
)
from models.rules.scopes import SYSTEM
from models.tables import FulfillmentOrder, FulfillmentOrderLine, Order, OrderHold, RoutingRule
from models.tables import WebhookDelivery as WebhookDeliveryRow
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, gid, order_input
from tests.support.operations import snapshot

ERRORS = "userErrors { field message code }"


async def refused(admin: Gql, mutation: str, name: str, input: dict[str, Any]) -> dict[str, Any]:
    before = await snapshot()
    body = await admin(
        f"mutation($input: {name}Input!) {{ {mutation}(input: $input) {{ {ERRORS} }} }}",
        {"input": input},
    )
    (error,) = body[mutation]["userErrors"]
    assert await snapshot() == before
    return error  # type: ignore[no-any-return]


async def test_holds_shipments_and_retries_stop_at_their_limits(admin: Gql, db: Any) -> None:
    net = await twin_cities({"MUG": (MAX_SHIPMENTS_PER_FULFILLMENT_ORDER + 5, 0, 0)})
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", 1)])})
    order = await Order.get(number=placed["order"]["number"])
    await OrderHold.bulk_create(
        [
            OrderHold(order_id=order.id, reason="OTHER", released_at=datetime.now(UTC))
            for _ in range(MAX_HOLDS_PER_ORDER)
        ]
    )
    error = await refused(
        admin, "holdOrder", "HoldOrder", {"orderId": gid(order), "reason": "OTHER"}
    )
    assert error["field"][-1] == "orderId" and f"at most {MAX_HOLDS_PER_ORDER}" in error["message"]

    units = MAX_SHIPMENTS_PER_FULFILLMENT_ORDER + 1
    placed = await admin.mutate(PLACE, {"input": order_input([("MUG", units)])})
    (fo,) = await FulfillmentOrder.filter(order__number=placed["order"]["number"])
    (line,) = await FulfillmentOrderLine.filter(fulfillment_order_id=fo.id)
    await fulfillment.accept(fo.id, SYSTEM)
    for _ in range(MAX_SHIPMENTS_PER_FULFILLMENT_ORDER):
        await fulfillment.ship(fo.id, SYSTEM, lines=[ShipLine(line.order_line_id, 1)])
    error = await refused(admin, "shipFulfillmentOrder", "ShipFulfillmentOrder", {"id": gid(fo)})
    assert f"at most {MAX_SHIPMENTS_PER_FULFILLMENT_ORDER}" in error["message"]

    delivery = await WebhookDeliveryRow.create(
        delivery_id="d-1",
        vendor_id=net.vendor.id,
        event="fulfillment_order.assigned",
        body="{}",
        status="FAILED",
        attempts=MAX_DELIVERY_ATTEMPTS,
    )
    error = await refused(
        admin, "retryWebhookDelivery", "RetryWebhookDelivery", {"id": gid(delivery)}
    )
    assert f"at most {MAX_DELIVERY_ATTEMPTS}" in error["message"]


async def test_keys_and_rules_name_a_bounded_number_of_locations(admin: Gql, db: Any) -> None:
    locations = [
        await create_location(f"L-{n:02}", name=f"Store {n}", kind=LocationKind.STORE)
        for n in range(max(MAX_KEY_LOCATIONS, MAX_RULE_LOCATIONS) + 1)
    ]
    ids = [gid(location) for location in locations]
    error = await refused(
        admin,
        "createApiKey",
        "CreateApiKey",
        {"name": "many", "role": "STAFF", "locationIds": ids[: MAX_KEY_LOCATIONS + 1]},
    )
    assert (
        error["field"][-1] == "locationIds" and f"at most {MAX_KEY_LOCATIONS}" in error["message"]
    )
    rule = {"name": "many", "action": "SHIP_FROM", "locationIds": ids[: MAX_RULE_LOCATIONS + 1]}
    error = await refused(admin, "createRoutingRule", "CreateRoutingRule", rule)
    assert (
        error["field"][-1] == "locationIds" and f"at most {MAX_RULE_LOCATIONS}" in error["message"]
    )

    for n in range(MAX_ROUTING_RULES):
        await create_rule(f"rule {n}", "SHIP_FROM", location_ids=[locations[0].id])
    rule = {"name": "one more", "action": "SHIP_FROM", "locationIds": ids[:1]}
    error = await refused(admin, "createRoutingRule", "CreateRoutingRule", rule)
    assert f"at most {MAX_ROUTING_RULES}" in error["message"]


async def test_rules_created_at_once_stop_at_the_limit(admin: Gql, db: Any) -> None:
    """The count and the insert are one step: creations racing for the last free place
    do not both take it (on PostgreSQL the app's pool runs them on separate connections)."""
    location = await create_location("L-RACE", name="Race", kind=LocationKind.STORE)
    for n in range(MAX_ROUTING_RULES - 1):
        await create_rule(f"rule {n}", "SHIP_FROM", location_ids=[location.id])
    rule = {"action": "SHIP_FROM", "locationIds": [gid(location)]}
    bodies = await asyncio.gather(
        *(
            admin(
                "mutation($input: CreateRoutingRuleInput!) {"
                f" createRoutingRule(input: $input) {{ routingRule {{ id }} {ERRORS} }} }}",
                {"input": {**rule, "name": f"racer {n}"}},
            )
            for n in range(8)
        )
    )
    created = [b for b in bodies if b["createRoutingRule"]["routingRule"] is not None]
    assert len(created) == 1
    assert await RoutingRule.all().count() == MAX_ROUTING_RULES


def test_the_automatic_retry_policy_stays_within_the_attempts_limit() -> None:
    variable = "OMS_WEBHOOK_MAX_ATTEMPTS"
    assert (
        Settings.from_env({variable: str(MAX_DELIVERY_ATTEMPTS)}).webhook_max_attempts
        == MAX_DELIVERY_ATTEMPTS
    )
    with pytest.raises(SettingError, match=f"at most {MAX_DELIVERY_ATTEMPTS}"):
        Settings.from_env({variable: str(MAX_DELIVERY_ATTEMPTS + 1)})
