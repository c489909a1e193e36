"""Who may call what: every root query and mutation by the five roles, over HTTP.

`ROWS` is the table. Each row names one root field, a document that calls it with
inputs valid for an ADMIN, and the roles allowed to call it. For every role:

- allowed: no GraphQL error at all (and, for a mutation, no userErrors), so the
  row's inputs are known to be good and a refusal below can only be the role's;
- refused: exactly one GraphQL error with `extensions.code` FORBIDDEN, no data,
  and the database reads back exactly as before.

Without a key every field answers UNAUTHENTICATED. A root field in the schema
without a row fails `test_every_root_field_has_a_row`: add its row here, next
to its domain's, when you add the field. Rows may build what they need in their
`variables` function (it receives the `World` and may be async).

Scope (which store, vendor, channel) is tested below the table.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import pytest
from graphql import FieldNode, OperationDefinitionNode, build_schema, parse
from tortoise.transactions import in_transaction

from api.schema import schema
from models.operations.access import create_api_key
from models.operations.catalog import upsert_product
from models.operations.inventory import set_inventory
from models.operations.locations import (
    AddressData,
    LocationKind,
    create_location,
    create_vendor,
)
from models.rules.scopes import SYSTEM, Actor, Role
from models.tables import ApiKey as ApiKeyRow
from models.tables import InventoryLevel as LevelRow
from models.tables import Location as LocationRow
from models.tables import Product as ProductRow
from models.tables import RoutingRule as RoutingRuleRow
from models.tables import Vendor as VendorRow
from models.tables import __all__ as TABLE_NAMES
from resolvers.ids import encode_id
from tests.support.gql import Gql

ROLES = ("ADMIN", "STAFF", "VENDOR", "PARTNER", "VIEWER")
EVERYONE = frozenset(ROLES)
ADMIN = frozenset({"ADMIN"})
SEE_ALL = frozenset({"ADMIN", "VIEWER"})
STOCK_READERS = frozenset({"ADMIN", "VIEWER", "STAFF"})
STOCK_KEEPERS = frozenset({"ADMIN", "STAFF"})
ORDER_TAKERS = frozenset({"ADMIN", "PARTNER"})  # PARTNER: orders of its own channel
SUBSCRIBERS = frozenset({"ADMIN", "PARTNER", "VENDOR"})
ASSIGNEES_AND_READERS = frozenset({"ADMIN", "VIEWER", "STAFF", "VENDOR"})


@dataclass
class World:
    """What every row may refer to. STAFF works at `location_a`, VENDOR is `vendor`,
    PARTNER sells on channel "web"; `location_b` is outside every scoped key."""

    location_a: LocationRow
    location_b: LocationRow
    vendor: VendorRow
    other_vendor: VendorRow
    product: ProductRow
    spare_key: ApiKeyRow
    secrets: dict[str, str]
    # The role the cell calls as ("" without a key), for rows whose input is the caller's own.
    role: str = ""

    @staticmethod
    def gid(row: Any) -> str:
        return encode_id(type(row).__name__, row.pk)


async def build_world() -> World:
    async with in_transaction():  # one commit: the table runs this for every cell
        return await _build_world()


async def _build_world() -> World:
    a = await create_location("MSP-01", name="Minneapolis", kind=LocationKind.STORE)
    b = await create_location("STP-01", name="St. Paul", kind=LocationKind.STORE)
    vendor = await create_vendor("NORTHWOODS", "Northwoods")
    other_vendor = await create_vendor("LAKESIDE", "Lakeside")
    product, _ = await upsert_product("MUG-LOON", "Loon mug")
    for location in (a, b):
        await set_inventory(location.pk, product.sku, 10, None, SYSTEM)
    scopes: dict[str, dict[str, Any]] = {
        "ADMIN": {},
        "STAFF": {"location_ids": [a.pk]},
        "VENDOR": {"vendor_id": vendor.pk},
        "PARTNER": {"channel": "web"},
        "VIEWER": {},
    }
    secrets = {}
    for role, scope in scopes.items():
        _, secrets[role] = await create_api_key(f"matrix {role.lower()}", Role(role), **scope)
    spare, _ = await create_api_key("spare", Role.VIEWER)
    return World(a, b, vendor, other_vendor, product, spare, secrets)


async def new_order(world: World, hold: bool = False, pickup: bool = False) -> tuple[str, str]:
    """An order of channel "web" for one mug, allocated to MSP-01: (order id, line id)."""
    from models.operations.order_actions import hold_order
    from models.operations.order_validation import LineInput, OrderInput
    from models.operations.placement import place_order
    from models.rules.lifecycle import DeliveryMethod, HoldReason
    from models.tables import OrderLine

    where: dict[str, Any] = {
        "shipping_address": AddressData(
            line1="250 Marquette Ave", city="Minneapolis", country_code="US"
        )
    }
    if pickup:
        await LocationRow.filter(id=world.location_a.pk).update(pickup_enabled=True)
        where = {
            "delivery_method": DeliveryMethod.PICKUP,
            "pickup_location_id": world.location_a.pk,
        }
    placed = await place_order(
        OrderInput(
            channel="web",
            customer_email="ada@example.com",
            currency="USD",
            lines=(LineInput(world.product.sku, 1, Decimal("14.00")),),
            **where,
        ),
        SYSTEM,
    )
    if hold:
        # Placed by the channel (payment pending): ADMIN and that channel's PARTNER may lift it.
        web = Actor(role=Role.PARTNER, name="web shop", channel="web")
        await hold_order(placed.order.pk, HoldReason.AWAITING_PAYMENT, None, web)
    line = await OrderLine.get(order_id=placed.order.pk)
    return world.gid(placed.order), world.gid(line)


@dataclass(frozen=True)
class Work:
    """Global ids of an order for one mug and what its fulfillment at MSP-01 has reached."""

    order: str
    line: str
    fulfillment_order: str
    shipment: str = ""
    return_: str = ""
    return_line: str = ""
    pickup_code: str = ""


FULFILLMENT_STAGES = ("open", "accepted", "shipped", "delivered")
RETURN_STAGES = ("requested", "approved", "received")


async def new_work(world: World, stage: str, pickup: bool = False) -> Work:
    """An order taken to `stage` (a fulfillment stage, "ready" for pickup, or a return
    stage after delivery)."""
    from models.operations import fulfillment, returns
    from models.operations.pickup import mark_ready_for_pickup
    from models.rules.lifecycle import ReturnDisposition
    from models.tables import FulfillmentOrder, OrderLine, ReturnLine

    order, line = await new_order(world, pickup=pickup)
    fo = await FulfillmentOrder.get(location_id=world.location_a.pk)
    work = Work(order, line, world.gid(fo))
    if stage == "ready":
        await fulfillment.accept(fo.pk, SYSTEM)
        ready = await mark_ready_for_pickup(fo.pk, SYSTEM)
        return replace(work, pickup_code=ready.pickup_code or "")
    stages = FULFILLMENT_STAGES[1:] + RETURN_STAGES
    for step in stages[: stages.index(stage) + 1] if stage != "open" else ():
        if step == "accepted":
            await fulfillment.accept(fo.pk, SYSTEM)
        elif step == "shipped":
            shipped = await fulfillment.ship(fo.pk, SYSTEM, "UPS", "1Z999")
            work = replace(work, shipment=world.gid(shipped.shipment))
        elif step == "delivered":
            await fulfillment.mark_delivered(shipped.shipment.pk, SYSTEM)
        elif step == "requested":
            order_line = await OrderLine.get(order_id=fo.order_id)  # type: ignore[attr-defined]
            requested = await returns.request_return(
                order_line.order_id,  # type: ignore[attr-defined]
                [returns.ReturnLineInput(order_line.pk, 1, "too small")],
                SYSTEM,
            )
            return_line = await ReturnLine.get(return__id=requested.pk)
            work = replace(work, return_=world.gid(requested), return_line=world.gid(return_line))
        elif step == "approved":
            await returns.approve_return(requested.pk, SYSTEM)
        elif step == "received":
            await returns.receive_return(
                requested.pk,
                world.location_a.pk,
                [returns.Receipt(return_line.pk, ReturnDisposition.RESTOCK)],
                SYSTEM,
            )
    return work


def _with_work(
    stage: str, build: Callable[[World, Work], dict[str, Any]], **options: Any
) -> Variables:
    async def variables(world: World) -> dict[str, Any]:
        return {"input": build(world, await new_work(world, stage, **options))}

    return variables


def _asked(build: Callable[[World, Work], dict[str, Any]]) -> Variables:
    """Accepted work whose order is being cancelled: a cancellation request is open."""

    async def variables(world: World) -> dict[str, Any]:
        from models.operations.order_actions import cancel_order
        from models.rules.lifecycle import CancelReason
        from resolvers.ids import decode_id

        work = await new_work(world, "accepted")
        await cancel_order(decode_id(work.order, "Order"), CancelReason.CUSTOMER, SYSTEM)
        return {"input": build(world, work)}

    return variables


async def _own_subscription(world: World) -> dict[str, Any]:
    """A webhook subscription of the calling key (the ADMIN key's for the others)."""
    from models.tables import WebhookSubscription

    role = world.role if world.role in SUBSCRIBERS else "ADMIN"
    public_id = world.secrets[role].split("_")[1]
    key = await ApiKeyRow.get(public_id=public_id)
    row = await WebhookSubscription.create(
        api_key_id=key.pk, url="https://93.184.216.34/hooks", secret="s" * 16, topics=[]
    )
    return {"input": {"id": world.gid(row)}}


def order_input(world: World) -> dict[str, Any]:
    return {
        "channel": "web",
        "customer": {"email": "ada@example.com"},
        "currency": "USD",
        "shippingAddress": {
            "line1": "250 Marquette Ave",
            "city": "Minneapolis",
            "countryCode": "US",
        },
        "lines": [{"sku": world.product.sku, "quantity": 1, "unitPrice": "14.00"}],
    }


async def new_routing_rule(world: World) -> str:
    row = await RoutingRuleRow.create(
        name="Never from St. Paul", action="EXCLUDE", location_ids=[world.location_b.pk]
    )
    return world.gid(row)


Variables = Callable[[World], "dict[str, Any] | Awaitable[dict[str, Any]]"]


@dataclass(frozen=True)
class Row:
    field: str
    document: str
    allowed: frozenset[str]
    variables: Variables = field(default=lambda world: {})
    # role -> why the code does not yet do what the row says (a strict xfail: remove the
    # entry once it passes)
    known_bugs: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.field


def _input(build: Callable[[World], dict[str, Any]]) -> Variables:
    return lambda world: {"input": build(world)}


def _with_order(
    build: Callable[[World, str, str], dict[str, Any]], hold: bool = False
) -> Variables:
    async def variables(world: World) -> dict[str, Any]:
        order_id, line_id = await new_order(world, hold)
        return {"input": build(world, order_id, line_id)}

    return variables


async def _order_id(world: World) -> dict[str, Any]:
    order_id, _ = await new_order(world)
    return {"id": order_id}


async def _failed_delivery(world: World) -> dict[str, Any]:
    from models.tables import WebhookDelivery

    row = await WebhookDelivery.create(
        delivery_id="matrix-1",
        vendor_id=world.vendor.pk,
        event="fulfillment_order.assigned",
        body="{}",
        status="FAILED",
        attempts=5,
    )
    return {"input": {"id": world.gid(row)}}


def _with_rule(build: Callable[[World, str], dict[str, Any]]) -> Variables:
    async def variables(world: World) -> dict[str, Any]:
        return {"input": build(world, await new_routing_rule(world))}

    return variables


def _mutation(name: str, input_type: str, selection: str = "") -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) "
        f"{{ {selection} userErrors {{ field message code }} }} }}"
    )


ROWS: list[Row] = [
    # node and access
    Row(
        "node",
        "query($id: ID!) { node(id: $id) { id } }",
        EVERYONE,
        lambda w: {"id": w.gid(w.location_a)},
    ),
    Row("viewer", "{ viewer { name role } }", EVERYONE),
    Row("apiKeys", "{ apiKeys { totalCount edges { node { name } } } }", ADMIN),
    Row(
        "createApiKey",
        _mutation("createApiKey", "CreateApiKeyInput", "secret"),
        ADMIN,
        _input(lambda w: {"name": "new key", "role": "VIEWER"}),
    ),
    Row(
        "revokeApiKey",
        _mutation("revokeApiKey", "RevokeApiKeyInput", "apiKey { revoked }"),
        ADMIN,
        _input(lambda w: {"id": w.gid(w.spare_key)}),
    ),
    # locations and vendors
    Row("locations", "{ locations { totalCount edges { node { code } } } }", EVERYONE),
    Row(
        "location",
        "query($code: String!) { location(code: $code) { code } }",
        EVERYONE,
        lambda w: {"code": w.location_b.code},
    ),
    Row("vendors", "{ vendors { totalCount edges { node { code } } } }", EVERYONE),
    Row(
        "vendor",
        "query($code: String!) { vendor(code: $code) { code } }",
        EVERYONE,
        lambda w: {"code": w.other_vendor.code},
    ),
    Row(
        "createLocation",
        _mutation("createLocation", "CreateLocationInput", "location { code }"),
        ADMIN,
        _input(lambda w: {"code": "WH-NEW", "name": "New warehouse", "kind": "WAREHOUSE"}),
    ),
    Row(
        "updateLocation",
        _mutation("updateLocation", "UpdateLocationInput", "location { name }"),
        ADMIN,
        _input(lambda w: {"id": w.gid(w.location_a), "name": "Renamed", "priority": 5}),
    ),
    Row(
        "createVendor",
        _mutation("createVendor", "CreateVendorInput", "vendor { code }"),
        ADMIN,
        _input(lambda w: {"code": "NEWVENDOR", "name": "New vendor"}),
    ),
    Row(
        "updateVendor",
        _mutation("updateVendor", "UpdateVendorInput", "vendor { name }"),
        ADMIN,
        _input(lambda w: {"id": w.gid(w.vendor), "name": "Renamed", "active": False}),
    ),
    # catalog
    Row("products", "{ products { totalCount edges { node { sku } } } }", EVERYONE),
    Row(
        "product",
        "query($sku: String!) { product(sku: $sku) { sku } }",
        EVERYONE,
        lambda w: {"sku": w.product.sku},
    ),
    Row(
        "upsertProduct",
        _mutation("upsertProduct", "UpsertProductInput", "product { sku } created"),
        ADMIN,
        _input(lambda w: {"sku": w.product.sku, "name": "Renamed mug", "tags": ["kitchen"]}),
    ),
    # inventory (rows act at location_a, STAFF's own location; scope is tested below)
    Row(
        "inventoryLevels",
        "{ inventoryLevels { totalCount edges { node { onHand } } } }",
        STOCK_READERS,
    ),
    Row(
        "setInventory",
        _mutation("setInventory", "SetInventoryInput", "inventoryLevel { onHand }"),
        STOCK_KEEPERS,
        _input(
            lambda w: {
                "locationId": w.gid(w.location_a),
                "sku": w.product.sku,
                "onHand": 7,
                "safetyStock": 1,
            }
        ),
    ),
    Row(
        "adjustInventory",
        _mutation("adjustInventory", "AdjustInventoryInput", "inventoryLevel { onHand }"),
        STOCK_KEEPERS,
        _input(
            lambda w: {
                "locationId": w.gid(w.location_a),
                "sku": w.product.sku,
                "delta": -2,
                "reason": "DAMAGED",
            }
        ),
    ),
    # orders (rows act on channel "web", PARTNER's own channel)
    Row(
        "order",
        "query($id: ID!) { order(id: $id) { number } }",
        EVERYONE,
        _order_id,
    ),
    Row("orders", "{ orders { totalCount edges { node { number } } } }", EVERYONE),
    Row(
        "fulfillmentOrders",
        "{ fulfillmentOrders { totalCount edges { node { status } } } }",
        ASSIGNEES_AND_READERS,
    ),
    Row(
        "pickList",
        "query($id: ID!) { pickList(locationId: $id) { lines { sku quantity } } }",
        STOCK_READERS,
        lambda w: {"id": w.gid(w.location_a)},
    ),
    Row(
        "sourcingPlan",
        "query($input: PlaceOrderInput!) { sourcingPlan(input: $input) "
        "{ assignments { location { code } } } }",
        frozenset({"ADMIN", "VIEWER", "PARTNER"}),
        _input(order_input),
    ),
    Row(
        "placeOrder",
        _mutation("placeOrder", "PlaceOrderInput", "order { number }"),
        ORDER_TAKERS,
        _input(order_input),
    ),
    Row(
        "cancelOrder",
        _mutation("cancelOrder", "CancelOrderInput", "order { status }"),
        ORDER_TAKERS,
        _with_order(lambda w, order, line: {"orderId": order, "reason": "CUSTOMER"}),
    ),
    Row(
        "cancelOrderLines",
        _mutation("cancelOrderLines", "CancelOrderLinesInput", "order { status }"),
        ORDER_TAKERS,
        _with_order(
            lambda w, order, line: {
                "orderId": order,
                "lines": [{"orderLineId": line, "quantity": 1}],
                "reason": "CUSTOMER",
            }
        ),
    ),
    Row(
        "holdOrder",
        _mutation("holdOrder", "HoldOrderInput", "order { status }"),
        ORDER_TAKERS,
        _with_order(lambda w, order, line: {"orderId": order, "reason": "HIGH_RISK_OF_FRAUD"}),
    ),
    Row(
        "releaseOrderHold",
        _mutation("releaseOrderHold", "ReleaseOrderHoldInput", "order { status }"),
        ORDER_TAKERS,
        _with_order(lambda w, order, line: {"orderId": order}, hold=True),
    ),
    Row(
        "editOrder",
        _mutation("editOrder", "EditOrderInput", "order { status }"),
        ORDER_TAKERS,
        _with_order(
            lambda w, order, line: {
                "orderId": order,
                "setQuantities": [{"orderLineId": line, "quantity": 2}],
            }
        ),
    ),
    Row(
        "orderEditPreview",
        "query($input: EditOrderInput!) { orderEditPreview(input: $input) "
        "{ currentSubtotal { amount } } }",
        ORDER_TAKERS,
        _with_order(
            lambda w, order, line: {
                "orderId": order,
                "setQuantities": [{"orderLineId": line, "quantity": 2}],
            }
        ),
    ),
    Row(
        "updateOrder",
        _mutation("updateOrder", "UpdateOrderInput", "order { note }"),
        ORDER_TAKERS,
        _with_order(lambda w, order, line: {"orderId": order, "note": "ring twice"}),
    ),
    # the assignee's work (rows act on a fulfillment order at MSP-01, STAFF's location; a
    # VENDOR key is an assignee role, but not this one's)
    Row(
        "acceptFulfillmentOrder",
        _mutation(
            "acceptFulfillmentOrder", "AcceptFulfillmentOrderInput", "fulfillmentOrder { status }"
        ),
        STOCK_KEEPERS,
        _with_work("open", lambda w, work: {"id": work.fulfillment_order}),
    ),
    Row(
        "rejectFulfillmentOrder",
        _mutation(
            "rejectFulfillmentOrder", "RejectFulfillmentOrderInput", "fulfillmentOrder { status }"
        ),
        STOCK_KEEPERS,
        _with_work("open", lambda w, work: {"id": work.fulfillment_order, "reason": "CAPACITY"}),
    ),
    Row(
        "packFulfillmentOrder",
        _mutation(
            "packFulfillmentOrder", "PackFulfillmentOrderInput", "fulfillmentOrder { status }"
        ),
        STOCK_KEEPERS,
        _with_work("accepted", lambda w, work: {"id": work.fulfillment_order}),
    ),
    Row(
        "acceptCancellationRequest",
        _mutation(
            "acceptCancellationRequest",
            "AcceptCancellationRequestInput",
            "fulfillmentOrder { status }",
        ),
        STOCK_KEEPERS,
        _asked(lambda w, work: {"fulfillmentOrderId": work.fulfillment_order}),
    ),
    Row(
        "rejectCancellationRequest",
        _mutation(
            "rejectCancellationRequest",
            "RejectCancellationRequestInput",
            "fulfillmentOrder { status }",
        ),
        STOCK_KEEPERS,
        _asked(lambda w, work: {"fulfillmentOrderId": work.fulfillment_order, "message": "packed"}),
    ),
    Row(
        "shipFulfillmentOrder",
        _mutation("shipFulfillmentOrder", "ShipFulfillmentOrderInput", "shipment { id }"),
        STOCK_KEEPERS,
        _with_work(
            "accepted",
            lambda w, work: {
                "id": work.fulfillment_order,
                "carrier": "UPS",
                "trackingNumber": "1Z",
            },
        ),
    ),
    Row(
        "markShipmentDelivered",
        _mutation(
            "markShipmentDelivered", "MarkShipmentDeliveredInput", "shipment { deliveredAt }"
        ),
        STOCK_KEEPERS,
        _with_work("shipped", lambda w, work: {"shipmentId": work.shipment}),
    ),
    Row(
        "markReadyForPickup",
        _mutation("markReadyForPickup", "MarkReadyForPickupInput", "fulfillmentOrder { status }"),
        STOCK_KEEPERS,
        _with_work(
            "accepted", lambda w, work: {"fulfillmentOrderId": work.fulfillment_order}, pickup=True
        ),
    ),
    Row(
        "markPickedUp",
        _mutation("markPickedUp", "MarkPickedUpInput", "fulfillmentOrder { status }"),
        STOCK_KEEPERS,
        _with_work(
            "ready",
            lambda w, work: {
                "fulfillmentOrderId": work.fulfillment_order,
                "pickupCode": work.pickup_code,
            },
            pickup=True,
        ),
    ),
    Row(
        "moveFulfillmentOrder",
        _mutation(
            "moveFulfillmentOrder", "MoveFulfillmentOrderInput", "fulfillmentOrder { status }"
        ),
        ADMIN,
        _with_work(
            "open",
            lambda w, work: {"id": work.fulfillment_order, "locationId": w.gid(w.location_b)},
        ),
    ),
    # returns (of a delivered order of channel "web", received at MSP-01)
    Row(
        "returns",
        "{ returns { totalCount edges { node { status } } } }",
        frozenset({"ADMIN", "VIEWER", "PARTNER", "STAFF"}),
    ),
    Row(
        "requestReturn",
        _mutation("requestReturn", "RequestReturnInput", "return { status }"),
        ORDER_TAKERS,
        _with_work(
            "delivered",
            lambda w, work: {
                "orderId": work.order,
                "lines": [{"orderLineId": work.line, "quantity": 1, "reason": "too small"}],
            },
        ),
    ),
    Row(
        "approveReturn",
        _mutation("approveReturn", "ApproveReturnInput", "return { status }"),
        ADMIN,
        _with_work("requested", lambda w, work: {"returnId": work.return_}),
    ),
    Row(
        "declineReturn",
        _mutation("declineReturn", "DeclineReturnInput", "return { status }"),
        ADMIN,
        _with_work("requested", lambda w, work: {"returnId": work.return_, "reason": "worn"}),
    ),
    Row(
        "receiveReturn",
        _mutation("receiveReturn", "ReceiveReturnInput", "return { status }"),
        STOCK_KEEPERS,
        _with_work(
            "approved",
            lambda w, work: {
                "returnId": work.return_,
                "locationId": w.gid(w.location_a),
                "lines": [{"returnLineId": work.return_line, "disposition": "RESTOCK"}],
            },
        ),
    ),
    Row(
        "refundReturn",
        _mutation("refundReturn", "RefundReturnInput", "return { status }"),
        ADMIN,
        _with_work("received", lambda w, work: {"returnId": work.return_, "amount": "14.00"}),
    ),
    # vendor webhooks
    Row(
        "retryWebhookDelivery",
        _mutation(
            "retryWebhookDelivery", "RetryWebhookDeliveryInput", "webhookDelivery { status }"
        ),
        ADMIN,
        _failed_delivery,
    ),
    Row(
        "webhookSubscriptions",
        "{ webhookSubscriptions(first: 5) { totalCount nodes { url topics } } }",
        SUBSCRIBERS,
    ),
    Row(
        "createWebhookSubscription",
        _mutation(
            "createWebhookSubscription",
            "CreateWebhookSubscriptionInput",
            "webhookSubscription { url topics }",
        ),
        SUBSCRIBERS,
        _input(
            lambda w: {
                "url": "https://93.184.216.34/hooks",
                "secret": "whsec-matrix-0000001",
                "topics": ["FULFILLMENT_ORDER_CANCELLED"],
            }
        ),
    ),
    Row(
        "deleteWebhookSubscription",
        _mutation("deleteWebhookSubscription", "DeleteWebhookSubscriptionInput", "deletedId"),
        SUBSCRIBERS,
        _own_subscription,
    ),
    # routing rules and settings
    Row("routingRules", "{ routingRules { id name } }", SEE_ALL),
    Row("routingSettings", "{ routingSettings { maxSplits } }", SEE_ALL),
    Row(
        "createRoutingRule",
        _mutation("createRoutingRule", "CreateRoutingRuleInput", "routingRule { id }"),
        ADMIN,
        _input(
            lambda w: {
                "name": "Furniture from Northwoods",
                "action": "DROP_SHIP",
                "tags": ["furniture"],
                "vendorId": w.gid(w.vendor),
            }
        ),
    ),
    Row(
        "updateRoutingRule",
        _mutation("updateRoutingRule", "UpdateRoutingRuleInput", "routingRule { name }"),
        ADMIN,
        _with_rule(lambda w, rule: {"id": rule, "name": "Renamed", "priority": 1}),
    ),
    Row(
        "deleteRoutingRule",
        _mutation("deleteRoutingRule", "DeleteRoutingRuleInput", "deletedRoutingRuleId"),
        ADMIN,
        _with_rule(lambda w, rule: {"id": rule}),
    ),
    Row(
        "updateRoutingSettings",
        _mutation(
            "updateRoutingSettings", "UpdateRoutingSettingsInput", "routingSettings { maxSplits }"
        ),
        ADMIN,
        _input(lambda w: {"maxSplits": 2, "splitLines": False}),
    ),
]

_SDL = build_schema(schema.as_str())
QUERY_FIELDS = frozenset(_SDL.query_type.fields) if _SDL.query_type else frozenset()
MUTATION_FIELDS = frozenset(_SDL.mutation_type.fields) if _SDL.mutation_type else frozenset()
ROOT_FIELDS = QUERY_FIELDS | MUTATION_FIELDS


def _root_field(document: str) -> tuple[str, str]:
    """(operation type, root field name) of a one-field document."""
    (operation,) = [
        d for d in parse(document).definitions if isinstance(d, OperationDefinitionNode)
    ]
    (selection,) = operation.selection_set.selections
    assert isinstance(selection, FieldNode)
    return operation.operation.value, selection.name.value


async def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table; API keys without `last_used_at`, which each request may touch."""
    from models import tables

    state = {}
    for name in TABLE_NAMES:
        rows = await getattr(tables, name).all().order_by("id").values()
        state[name] = [{k: v for k, v in row.items() if k != "last_used_at"} for row in rows]
    return state


async def _variables(row: Row, world: World) -> dict[str, Any]:
    variables = row.variables(world)
    return await variables if inspect.isawaitable(variables) else variables


def _codes(body: dict[str, Any]) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]


def test_every_root_field_has_a_row() -> None:
    missing = sorted(ROOT_FIELDS - {row.field for row in ROWS})
    assert not missing, f"add a row to ROWS in {__file__} for: {', '.join(missing)}"


def test_rows_are_well_formed() -> None:
    fields = [row.field for row in ROWS]
    assert len(fields) == len(set(fields)), "one row per root field"
    for row in ROWS:
        operation, name = _root_field(row.document)
        assert name == row.field, f"the document of row {row.field} calls {name}"
        if row.field in ROOT_FIELDS:
            expected = "mutation" if row.field in MUTATION_FIELDS else "query"
            assert operation == expected, f"row {row.field} should be a {expected}"
        assert row.allowed <= EVERYONE and "ADMIN" in row.allowed, row.field


def _present(row: Row) -> None:
    if row.field not in ROOT_FIELDS:
        pytest.skip(f"{row.field} is not in the schema (yet)")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=str)
async def test_role_may_or_may_not_call_field(
    row: Row, role: str, db, as_key, request: pytest.FixtureRequest
) -> None:
    _present(row)
    if role in row.known_bugs:
        request.applymarker(pytest.mark.xfail(reason=row.known_bugs[role], strict=True))
    world = replace(await build_world(), role=role)
    variables = await _variables(row, world)
    before = await snapshot()
    body = await as_key(world.secrets[role]).raw(row.document, variables)
    if role in row.allowed:
        assert not body.get("errors"), f"{role} should be allowed {row.field}: {body['errors']}"
        payload = body["data"][row.field]
        if row.field in MUTATION_FIELDS:
            assert payload["userErrors"] == [], f"fix the inputs of row {row.field}: {payload}"
    else:
        assert _codes(body) == ["FORBIDDEN"], f"{role} should be refused {row.field}: {body}"
        assert body["data"] is None
        assert await snapshot() == before, f"a refused {row.field} changed the database"


@pytest.mark.parametrize("row", ROWS, ids=str)
async def test_field_without_a_key_is_unauthenticated(row: Row, db, client) -> None:
    _present(row)
    world = await build_world()
    variables = await _variables(row, world)
    before = await snapshot()
    body = await Gql(client, None).raw(row.document, variables)
    assert _codes(body) == ["UNAUTHENTICATED"], body
    assert "Authorization: Bearer" in body["errors"][0]["message"]
    assert await snapshot() == before


# -- scope: a STAFF key of location A and the stock of location B ---------------------------

LEVELS = """query($locationId: ID) {
  inventoryLevels(locationId: $locationId) {
    totalCount edges { node { location { code } product { sku } onHand } }
  }
}"""

LOCATION_STOCK = """query($code: String!) {
  location(code: $code) {
    code inventory { totalCount edges { node { onHand } } pageInfo { hasNextPage } }
  }
}"""

ADJUST = _mutation("adjustInventory", "AdjustInventoryInput", "inventoryLevel { onHand }")
SET = _mutation("setInventory", "SetInventoryInput", "inventoryLevel { onHand }")


@pytest.fixture
async def world(db) -> World:
    return await build_world()


@pytest.fixture
def staff(world: World, as_key) -> Gql:
    return as_key(world.secrets["STAFF"])


async def test_staff_cannot_read_stock_of_another_location(world: World, staff: Gql) -> None:
    body = await staff.raw(LEVELS, {"locationId": World.gid(world.location_b)})
    assert _codes(body) == ["FORBIDDEN"]
    assert body["data"] is None
    own = await staff(LEVELS, {"locationId": World.gid(world.location_a)})
    assert own["inventoryLevels"]["totalCount"] == 1


async def test_staff_lists_only_its_own_levels(world: World, staff: Gql, as_key) -> None:
    everything = await as_key(world.secrets["ADMIN"])(LEVELS)
    assert everything["inventoryLevels"]["totalCount"] == 2
    data = await staff(LEVELS)
    levels = data["inventoryLevels"]
    assert levels["totalCount"] == 1
    assert [e["node"]["location"]["code"] for e in levels["edges"]] == ["MSP-01"]


async def test_location_inventory_is_empty_outside_the_scope(world: World, as_key) -> None:
    for role, visible in (("STAFF", {"MSP-01"}), ("VENDOR", set()), ("PARTNER", set())):
        gql = as_key(world.secrets[role])
        for code in ("MSP-01", "STP-01"):
            inventory = (await gql(LOCATION_STOCK, {"code": code}))["location"]["inventory"]
            expected = 1 if code in visible else 0
            assert inventory["totalCount"] == expected, (role, code)
            assert len(inventory["edges"]) == expected, (role, code)
            assert inventory["pageInfo"]["hasNextPage"] is False
    viewer = as_key(world.secrets["VIEWER"])
    for code in ("MSP-01", "STP-01"):
        inventory = (await viewer(LOCATION_STOCK, {"code": code}))["location"]["inventory"]
        assert inventory["totalCount"] == 1


async def test_staff_changes_stock_only_at_its_location(world: World, staff: Gql) -> None:
    def adjust(location: LocationRow) -> dict[str, Any]:
        return {
            "input": {
                "locationId": World.gid(location),
                "sku": "MUG-LOON",
                "delta": 3,
                "reason": "RECEIVED",
            }
        }

    payload = await staff.mutate(ADJUST, adjust(world.location_a))
    assert payload["inventoryLevel"]["onHand"] == 13

    before = await snapshot()
    body = await staff.raw(ADJUST, adjust(world.location_b))
    assert _codes(body) == ["FORBIDDEN"]
    body = await staff.raw(
        SET,
        {"input": {"locationId": World.gid(world.location_b), "sku": "MUG-LOON", "onHand": 0}},
    )
    assert _codes(body) == ["FORBIDDEN"]
    assert await snapshot() == before
    level_b = await LevelRow.get(location_id=world.location_b.pk)
    assert level_b.on_hand == 10


async def test_viewer_reads_but_changes_nothing(world: World, as_key) -> None:
    viewer = as_key(world.secrets["VIEWER"])
    data = await viewer(LEVELS, {"locationId": World.gid(world.location_b)})
    assert data["inventoryLevels"]["totalCount"] == 1
    before = await snapshot()
    body = await viewer.raw(
        ADJUST,
        {
            "input": {
                "locationId": World.gid(world.location_b),
                "sku": "MUG-LOON",
                "delta": 1,
                "reason": "COUNT",
            }
        },
    )
    assert _codes(body) == ["FORBIDDEN"]
    assert await snapshot() == before
