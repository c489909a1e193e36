"""The inputs of the order mutations (and of `sourcingPlan`, which takes placeOrder's)."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from models.operations.locations import AddressData
from models.operations.order_edits import OrderEdit, SetQuantity
from models.operations.order_updates import OrderUpdate
from models.operations.order_validation import LineInput, OrderInput
from models.rules import scopes
from models.rules.lifecycle import DeliveryMethod
from resolvers.common import AddressInput, sent_fields
from resolvers.ids import decode_id
from resolvers.orders.types import CancelReasonEnum, DeliveryMethodEnum, HoldReasonEnum
from resolvers.permissions import current_actor, forbidden


@strawberry.input
class CustomerInput:
    email: str
    name: str | None = None


@strawberry.input
class OrderLineInput:
    sku: str
    quantity: int
    unit_price: Decimal | None = strawberry.field(
        default=None,
        description="Defaults to the product's price when it is in the order's currency.",
    )


@strawberry.input
class PlaceOrderInput:
    channel: str = strawberry.field(
        description="web, pos, marketplace…; a PARTNER key may only use its own."
    )
    customer: CustomerInput
    currency: str = strawberry.field(description="ISO 4217.")
    lines: list[OrderLineInput]
    external_id: str | None = None
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Same key on the same channel returns the same order; with a different input, "
        "IDEMPOTENCY_CONFLICT.",
    )
    delivery_method: DeliveryMethodEnum = DeliveryMethod.SHIP
    shipping_address: AddressInput | None = None
    pickup_location_id: strawberry.ID | None = None


def order_input(info: Info, data: PlaceOrderInput, dry_run: bool = False) -> OrderInput:
    actor = current_actor(info)
    allowed = scopes.may_plan_for_channel if dry_run else scopes.may_act_for_channel
    if not allowed(actor, data.channel.strip()):
        raise forbidden(f"this key may not place orders on channel {data.channel!r}")
    address = None
    if data.shipping_address is not None:
        address = AddressData(**sent_fields(data.shipping_address, exclude=()))
    return OrderInput(
        channel=data.channel,
        customer_email=data.customer.email,
        customer_name=data.customer.name,
        currency=data.currency,
        lines=tuple(
            LineInput(sku=line.sku, quantity=line.quantity, unit_price=line.unit_price)
            for line in data.lines
        ),
        external_id=data.external_id,
        idempotency_key=data.idempotency_key,
        delivery_method=DeliveryMethod(data.delivery_method),
        shipping_address=address,
        pickup_location_id=(
            decode_id(data.pickup_location_id, "Location", "pickupLocationId")
            if data.pickup_location_id
            else None
        ),
    )


@strawberry.input
class CancelOrderInput:
    order_id: strawberry.ID
    reason: CancelReasonEnum
    note: str | None = None


@strawberry.input
class CancelOrderLineInput:
    order_line_id: strawberry.ID
    quantity: int


@strawberry.input
class CancelOrderLinesInput:
    order_id: strawberry.ID
    lines: list[CancelOrderLineInput]
    reason: CancelReasonEnum


@strawberry.input
class HoldOrderInput:
    order_id: strawberry.ID
    reason: HoldReasonEnum
    note: str | None = None


@strawberry.input
class ReleaseOrderHoldInput:
    order_id: strawberry.ID


@strawberry.input(description="Only the fields sent change; null clears note and metadata.")
class UpdateOrderInput:
    order_id: strawberry.ID
    customer: CustomerInput | None = strawberry.field(
        default=strawberry.UNSET, description="Until something ships."
    )
    shipping_address: AddressInput | None = strawberry.field(
        default=strawberry.UNSET,
        description="Until something ships; replaces the whole address. Work not yet "
        "accepted is routed again for it (it may stay where it is: its routingReason says "
        "why); assignees of accepted work hear UPDATED.",
    )
    note: str | None = strawberry.UNSET
    tags: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Replaces the tags; at most 50, 1-64 characters."
    )
    metadata: JSON | None = strawberry.field(
        default=strawberry.UNSET, description="A JSON object of at most 16 KB; replaces the old."
    )


def order_update(data: UpdateOrderInput) -> OrderUpdate:
    sent = sent_fields(data, exclude=("order_id",), not_null=("customer", "shipping_address"))
    customer, address = sent.get("customer"), sent.get("shipping_address")
    return OrderUpdate(
        customer_email=customer.email if customer else None,
        customer_name=(customer.name or "") if customer else None,
        shipping_address=AddressData(**sent_fields(address, exclude=())) if address else None,
        note=sent.get("note"),
        clear_note="note" in sent and sent["note"] is None,
        tags=tuple(sent["tags"] or ()) if "tags" in sent else None,
        metadata=sent.get("metadata"),
        clear_metadata="metadata" in sent and sent["metadata"] is None,
    )


@strawberry.input
class SetOrderLineQuantityInput:
    order_line_id: strawberry.ID
    quantity: int = strawberry.field(
        description="The line's new quantity (cancelled units left out); 0 removes it. Never "
        "below what shipped."
    )


@strawberry.input(
    description="One atomic change of an order's lines. Added units are routed and reserved "
    "as a placement's; lowered ones release backordered units first, then OPEN ones, then "
    "ask the assignee of accepted work to cancel (a cancellation request)."
)
class EditOrderInput:
    order_id: strawberry.ID
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Per order: the same key with the same edit changes nothing again (the "
        "order is returned as it is); with another edit, IDEMPOTENCY_CONFLICT.",
    )
    reason: str | None = strawberry.field(default=None, description="For the timeline.")
    add_lines: list[OrderLineInput] = strawberry.field(default_factory=list)
    set_quantities: list[SetOrderLineQuantityInput] = strawberry.field(default_factory=list)


def order_edit(data: EditOrderInput) -> OrderEdit:
    return OrderEdit(
        add_lines=tuple(
            LineInput(sku=line.sku, quantity=line.quantity, unit_price=line.unit_price)
            for line in data.add_lines
        ),
        set_quantities=tuple(
            SetQuantity(decode_id(item.order_line_id, "OrderLine", "orderLineId"), item.quantity)
            for item in data.set_quantities
        ),
        reason=data.reason,
        idempotency_key=data.idempotency_key,
    )
