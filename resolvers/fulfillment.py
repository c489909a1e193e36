"""Fulfillment orders (one assignee's share of an order) and shipments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from models.rules import scopes
from models.rules.lifecycle import FulfillmentOrderStatus
from models.rules.scopes import Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import FulfillmentOrderLine as FulfillmentOrderLineRow
from models.tables import Shipment as ShipmentRow
from resolvers.common import Node
from resolvers.ids import decode_query_id, encode_id
from resolvers.loaders import now_or_later
from resolvers.locations import Location, Vendor
from resolvers.node import node_type
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor, forbidden

if TYPE_CHECKING:
    from resolvers.orders import Order, OrderLine

FulfillmentOrderStatusEnum = strawberry.enum(FulfillmentOrderStatus, name="FulfillmentOrderStatus")
OrderRef = Annotated["Order", strawberry.lazy("resolvers.orders")]
OrderLineRef = Annotated["OrderLine", strawberry.lazy("resolvers.orders")]


async def _order_line(info: Info, order_line_id: int) -> OrderLine:
    from resolvers.orders import OrderLine

    return OrderLine.of(await info.context.loaders.order_line_by_id.load(order_line_id))


@strawberry.type
class FulfillmentOrderLine:
    row: strawberry.Private[FulfillmentOrderLineRow]
    id: strawberry.ID
    quantity: int = strawberry.field(description="Units assigned here, less those cancelled.")
    shipped_quantity: int
    remaining_quantity: int = strawberry.field(description="Still to ship.")

    @classmethod
    def of(cls, row: FulfillmentOrderLineRow) -> FulfillmentOrderLine:
        quantity = row.quantity - row.cancelled_quantity
        return cls(
            row=row,
            id=encode_id("FulfillmentOrderLine", row.pk),
            quantity=quantity,
            shipped_quantity=row.shipped_quantity,
            remaining_quantity=quantity - row.shipped_quantity,
        )

    @strawberry.field
    def order_line(self, info: Info) -> OrderLineRef:
        # Order.lines primes order_line_by_id: most answer without awaiting.
        from resolvers.orders import OrderLine

        row = info.context.loaders.order_line_by_id.load(self.row.order_line_id)  # type: ignore[attr-defined]
        return now_or_later(row, OrderLine.of)  # type: ignore[return-value]


@strawberry.type
class ShipmentLine:
    row: strawberry.Private[object]
    quantity: int

    @strawberry.field
    async def order_line(self, info: Info) -> OrderLineRef:
        return await _order_line(info, self.row.order_line_id)  # type: ignore[attr-defined]


@strawberry.type
class Shipment(Node):
    row: strawberry.Private[ShipmentRow]
    carrier: str | None
    tracking_number: str | None
    shipped_at: datetime
    delivered_at: datetime | None

    @classmethod
    def of(cls, row: ShipmentRow) -> Shipment:
        return cls(
            id=encode_id("Shipment", row.pk),
            row=row,
            carrier=row.carrier,
            tracking_number=row.tracking_number,
            shipped_at=row.shipped_at,
            delivered_at=row.delivered_at,
        )

    @strawberry.field
    async def lines(self, info: Info) -> list[ShipmentLine]:
        rows = await info.context.loaders.lines_by_shipment_id.load(self.row.pk)
        return [ShipmentLine(row=row, quantity=row.quantity) for row in rows]

    @strawberry.field
    async def fulfillment_order(self, info: Info) -> FulfillmentOrder:
        row = await info.context.loaders.fulfillment_order_by_id.load(self.row.fulfillment_order_id)  # type: ignore[attr-defined]
        return FulfillmentOrder.of(row)


@strawberry.type(
    description="One assignee's share of one order: exactly one of location and vendor is set."
)
class FulfillmentOrder(Node):
    row: strawberry.Private[FulfillmentOrderRow]
    status: FulfillmentOrderStatusEnum  # type: ignore[valid-type]
    assigned_at: datetime
    accept_by: datetime | None = strawberry.field(description="The acceptance deadline (SLA).")
    routing_reason: str = strawberry.field(
        description="Why this assignee was chosen, and the runners-up."
    )

    @classmethod
    def of(cls, row: FulfillmentOrderRow) -> FulfillmentOrder:
        return cls(
            id=encode_id("FulfillmentOrder", row.pk),
            row=row,
            status=FulfillmentOrderStatus(row.status),
            assigned_at=row.assigned_at,
            accept_by=row.accept_by,
            routing_reason=row.routing_reason,
        )

    @strawberry.field
    async def order(self, info: Info) -> OrderRef:
        from resolvers.orders import Order

        return Order.of(await info.context.loaders.order_by_id.load(self.row.order_id))  # type: ignore[attr-defined]

    @strawberry.field
    async def location(self, info: Info) -> Location | None:
        location_id = self.row.location_id  # type: ignore[attr-defined]
        if location_id is None:
            return None
        return Location.of(await info.context.loaders.location_by_id.load(location_id))

    @strawberry.field
    async def vendor(self, info: Info) -> Vendor | None:
        vendor_id = self.row.vendor_id  # type: ignore[attr-defined]
        if vendor_id is None:
            return None
        return Vendor.of(await info.context.loaders.vendor_by_id.load(vendor_id))

    @strawberry.field
    async def lines(self, info: Info) -> list[FulfillmentOrderLine]:
        rows = await info.context.loaders.lines_by_fulfillment_order_id.load(self.row.pk)
        return [FulfillmentOrderLine.of(row) for row in rows]

    @strawberry.field
    async def shipments(self, info: Info) -> list[Shipment]:
        rows = await info.context.loaders.shipments_by_fulfillment_order_id.load(self.row.pk)
        return [Shipment.of(row) for row in rows]

    @strawberry.field
    def accepted_at(self) -> datetime | None:
        return self.row.accepted_at

    @strawberry.field
    def packed_at(self) -> datetime | None:
        return self.row.packed_at

    @strawberry.field(description="When its last units shipped (or were picked up).")
    def shipped_at(self) -> datetime | None:
        return self.row.shipped_at

    @strawberry.field(description="When it was rejected or its acceptance deadline passed.")
    def rejected_at(self) -> datetime | None:
        return self.row.rejected_at

    @strawberry.field(
        description="A FulfillmentOrderRejectReason, or SLA_EXPIRED when it was not accepted "
        "by acceptBy; null unless REJECTED."
    )
    def reject_reason(self) -> str | None:
        return self.row.reject_reason

    @strawberry.field(description="The assignee's words when it rejected.")
    def reject_message(self) -> str | None:
        return self.row.reject_message


def fulfillment_orders_of(rows: Sequence[FulfillmentOrderRow]) -> list[FulfillmentOrder]:
    return [FulfillmentOrder.of(row) for row in rows]


def visible_fulfillment_orders(
    info: Info, rows: Sequence[FulfillmentOrderRow], order_channel: str
) -> list[FulfillmentOrderRow]:
    actor = current_actor(info)
    return [
        row
        for row in rows
        if scopes.may_see_fulfillment(actor, row.location_id, row.vendor_id, order_channel)  # type: ignore[attr-defined]
    ]


@node_type("FulfillmentOrder")
async def _fulfillment_order_node(info: Info, pk: int) -> Node | None:
    row = await FulfillmentOrderRow.get_or_none(id=pk).prefetch_related("order")
    if row is None or not visible_fulfillment_orders(info, [row], row.order.channel):
        return None
    return FulfillmentOrder.of(row)


@node_type("Shipment")
async def _shipment_node(info: Info, pk: int) -> Node | None:
    row = await ShipmentRow.get_or_none(id=pk).prefetch_related("fulfillment_order__order")
    if row is None:
        return None
    fulfillment = row.fulfillment_order
    if not visible_fulfillment_orders(info, [fulfillment], fulfillment.order.channel):
        return None
    return Shipment.of(row)


@strawberry.type
class FulfillmentQueries:
    @strawberry.field(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.STAFF, Role.VENDOR)],
        description="Fulfillment orders, oldest first. STAFF and VENDOR keys see their own only.",
    )
    @paged
    async def fulfillment_orders(
        self,
        info: Info,
        page: PageArgs,
        location_id: strawberry.ID | None = None,
        vendor_id: strawberry.ID | None = None,
        status: list[FulfillmentOrderStatusEnum] | None = None,  # type: ignore[valid-type]
    ) -> Connection[FulfillmentOrder]:
        actor = current_actor(info)
        qs = FulfillmentOrderRow.all()
        if location_id is not None:
            pk = decode_query_id(location_id, "Location")
            if not scopes.may_see_fulfillment(actor, pk, None):
                raise forbidden("this key may not see that location's fulfillment orders")
            qs = qs.filter(location_id=pk)
        if vendor_id is not None:
            pk = decode_query_id(vendor_id, "Vendor")
            if not scopes.may_see_fulfillment(actor, None, pk):
                raise forbidden("this key may not see that vendor's fulfillment orders")
            qs = qs.filter(vendor_id=pk)
        if actor.role is Role.STAFF:
            qs = qs.filter(location_id__in=sorted(actor.location_ids))
        elif actor.role is Role.VENDOR:
            qs = qs.filter(vendor_id=actor.vendor_id)
        if status:
            qs = qs.filter(status__in=[s.value for s in status])
        return await paginate(qs, page, fulfillment_orders_of)
