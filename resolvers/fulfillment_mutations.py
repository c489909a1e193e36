"""The assignee's work as mutations: accept, reject, pack, ship, deliver, ready for
pickup, pick up; and an admin's move. Thin: decode ids, call one operation
(models.operations.fulfillment, pickup, rejection, fulfillment_move), which checks the
key's scope inside its transaction."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias, TypeVar

import strawberry
from strawberry.types import Info

from models.operations import fulfillment as ops
from models.operations import fulfillment_move, pickup, rejection
from models.operations.fulfillment import ShipLine
from models.operations.fulfillment_state import NotAssignee
from models.operations.rejection import RejectReason
from models.rules.pickup import MAX_CODE_ATTEMPTS
from models.rules.scopes import ADMIN_ONLY, Role
from resolvers.common import UserError, user_errors
from resolvers.fulfillment import FulfillmentOrder, Shipment
from resolvers.ids import decode_id
from resolvers.permissions import allow, current_actor, forbidden

ASSIGNEES = (Role.ADMIN, Role.STAFF, Role.VENDOR)

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(
    RejectReason,
    name="FulfillmentOrderRejectReason",
    description="Why an assignee refuses; it also tells the stock what happened: OUT_OF_STOCK "
    "lowers onHand there to what other fulfillment orders hold (available becomes 0), DAMAGED "
    "takes the rejected quantity off onHand, the others leave stock alone.",
)
RejectReasonEnum: TypeAlias = RejectReason

R = TypeVar("R")


def as_assignee(resolver: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
    """Acting on another store's or vendor's fulfillment order is FORBIDDEN, not a userError."""

    @functools.wraps(resolver)
    async def run(*args: Any, **kwargs: Any) -> R:
        try:
            return await resolver(*args, **kwargs)
        except NotAssignee as error:
            raise forbidden(str(error)) from None

    return run


@strawberry.type
class FulfillmentOrderPayload:
    fulfillment_order: FulfillmentOrder | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ShipPayload:
    shipment: Shipment | None = None
    fulfillment_order: FulfillmentOrder | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class AcceptFulfillmentOrderInput:
    id: strawberry.ID


@strawberry.input
class PackFulfillmentOrderInput:
    id: strawberry.ID


@strawberry.input
class RejectFulfillmentOrderLineInput:
    order_line_id: strawberry.ID
    quantity: int


@strawberry.input
class RejectFulfillmentOrderInput:
    id: strawberry.ID
    reason: RejectReasonEnum
    message: str | None = strawberry.field(default=None, description="For the timeline.")
    lines: list[RejectFulfillmentOrderLineInput] | None = strawberry.field(
        default=None,
        description="A short pick: only these units are rejected and routed again (never back "
        "here), the reason's stock effect applies to them alone, and the rest stays with the "
        "assignee. Omitted, or naming every unit left: the whole fulfillment order.",
    )


@strawberry.input
class ShipFulfillmentOrderLineInput:
    order_line_id: strawberry.ID
    quantity: int


@strawberry.input
class ShipFulfillmentOrderInput:
    id: strawberry.ID
    carrier: str | None = None
    tracking_number: str | None = None
    lines: list[ShipFulfillmentOrderLineInput] | None = strawberry.field(
        default=None, description="Omitted: everything left on the fulfillment order."
    )


@strawberry.input
class MarkShipmentDeliveredInput:
    shipment_id: strawberry.ID


@strawberry.input
class MarkReadyForPickupInput:
    fulfillment_order_id: strawberry.ID


@strawberry.input
class MarkPickedUpInput:
    fulfillment_order_id: strawberry.ID
    pickup_code: str | None = strawberry.field(
        default=None,
        description="The code the customer shows. STAFF must give it; ADMIN may omit it.",
    )


@strawberry.input
class MoveFulfillmentOrderInput:
    id: strawberry.ID
    location_id: strawberry.ID | None = strawberry.field(
        default=None, description="Exactly one of locationId and vendorId."
    )
    vendor_id: strawberry.ID | None = None


def _id(value: str, field: str = "id") -> int:
    return decode_id(value, "FulfillmentOrder", field)


def _shipped(done: ops.Shipped) -> ShipPayload:
    return ShipPayload(
        shipment=Shipment.of(done.shipment),
        fulfillment_order=FulfillmentOrder.of(done.fulfillment_order),
    )


@strawberry.type
class FulfillmentMutations:
    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="The assignee takes on an OPEN fulfillment order (not while it is held).",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def accept_fulfillment_order(
        self, info: Info, input: AcceptFulfillmentOrderInput
    ) -> FulfillmentOrderPayload:
        row = await ops.accept(_id(input.id), current_actor(info))
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="The assignee gives it back: it becomes REJECTED, the reason's stock effect "
        "applies, and what it had not shipped is routed again at once (never back here; what "
        "nobody can take is backordered). On a held order, routing waits for the release.",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def reject_fulfillment_order(
        self, info: Info, input: RejectFulfillmentOrderInput
    ) -> FulfillmentOrderPayload:
        lines = None
        if input.lines is not None:
            lines = [
                ShipLine(decode_id(line.order_line_id, "OrderLine", "orderLineId"), line.quantity)
                for line in input.lines
            ]
        row = await rejection.reject(
            _id(input.id), RejectReason(input.reason), input.message, current_actor(info), lines
        )
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="An ACCEPTED fulfillment order is packed (not while the order is held).",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def pack_fulfillment_order(
        self, info: Info, input: PackFulfillmentOrderInput
    ) -> FulfillmentOrderPayload:
        row = await ops.pack(_id(input.id), current_actor(info))
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="Ships some or all of what is left (lines omitted: all of it). A partial "
        "shipment leaves the status as it was; the last units make it SHIPPED.",
    )
    @user_errors(ShipPayload)
    @as_assignee
    async def ship_fulfillment_order(
        self, info: Info, input: ShipFulfillmentOrderInput
    ) -> ShipPayload:
        lines = None
        if input.lines is not None:
            lines = [
                ShipLine(decode_id(line.order_line_id, "OrderLine", "orderLineId"), line.quantity)
                for line in input.lines
            ]
        done = await ops.ship(
            _id(input.id), current_actor(info), input.carrier, input.tracking_number, lines
        )
        return _shipped(done)

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="The carrier delivered a shipment (the assignee, or ADMIN for a carrier "
        "integration). When everything is delivered the order is DELIVERED.",
    )
    @user_errors(ShipPayload)
    @as_assignee
    async def mark_shipment_delivered(
        self, info: Info, input: MarkShipmentDeliveredInput
    ) -> ShipPayload:
        pk = decode_id(input.shipment_id, "Shipment", "shipmentId")
        return _shipped(await ops.mark_delivered(pk, current_actor(info)))

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="An ACCEPTED or PACKED PICKUP order waits at the counter: it becomes "
        "READY_FOR_PICKUP with readyForPickupAt, pickupExpiresAt and a new pickupCode (for "
        "the shop to give the customer). Not while the order is held.",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def mark_ready_for_pickup(
        self, info: Info, input: MarkReadyForPickupInput
    ) -> FulfillmentOrderPayload:
        row = await pickup.mark_ready_for_pickup(
            _id(input.fulfillment_order_id, "fulfillmentOrderId"), current_actor(info)
        )
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="The customer collected a READY_FOR_PICKUP order: everything left ships "
        "and is delivered at once. STAFF must give the customer's pickupCode "
        "(PICKUP_CODE_MISMATCH otherwise); each wrong code is counted, and after "
        f"{MAX_CODE_ATTEMPTS} for one "
        "fulfillment order the counter is refused (PICKUP_CODE_LOCKED) until an ADMIN, who "
        "may omit the code, hands it over.",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def mark_picked_up(self, info: Info, input: MarkPickedUpInput) -> FulfillmentOrderPayload:
        row = await pickup.mark_picked_up(
            _id(input.fulfillment_order_id, "fulfillmentOrderId"),
            input.pickup_code,
            current_actor(info),
        )
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ADMIN_ONLY)],
        description="Re-assigns a fulfillment order that has shipped nothing: its reservations "
        "move (INSUFFICIENT_STOCK if the new location lacks them), it is OPEN again with a "
        "fresh acceptBy, and the new assignee is notified. Routing rules do not apply (the "
        "admin decides), but a location's dailyCapacity does, counted on its local day as "
        "for placement: a move into a location whose day is full is refused (AT_CAPACITY).",
    )
    @user_errors(FulfillmentOrderPayload)
    async def move_fulfillment_order(
        self, info: Info, input: MoveFulfillmentOrderInput
    ) -> FulfillmentOrderPayload:
        location_id = vendor_id = None
        if input.location_id is not None:
            location_id = decode_id(input.location_id, "Location", "locationId")
        if input.vendor_id is not None:
            vendor_id = decode_id(input.vendor_id, "Vendor", "vendorId")
        row = await fulfillment_move.move(
            _id(input.id), current_actor(info), location_id, vendor_id
        )
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))
