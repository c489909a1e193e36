"""Orders: capture, reading (scoped by role), cancelling and holds, and `sourcingPlan`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

import strawberry
from graphql import GraphQLError
from strawberry.scalars import JSON
from strawberry.types import Info
from tortoise.expressions import Q, Subquery

from models.errors import DomainError, not_found
from models.operations import order_actions, placement, sourcing
from models.operations.locations import AddressData
from models.operations.order_actions import LineCancellation
from models.operations.placement import LineInput, OrderInput
from models.rules import scopes
from models.rules.lifecycle import CancelReason, DeliveryMethod, HoldReason, OrderStatus
from models.rules.scopes import ADMIN_ONLY, READERS, Actor, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from models.tables import OrderEvent as OrderEventRow
from models.tables import OrderHold as OrderHoldRow
from models.tables import OrderLine as OrderLineRow
from resolvers.catalog import Product
from resolvers.common import (
    Address,
    AddressInput,
    Money,
    Node,
    UserError,
    fits,
    money,
    sent_fields,
    user_errors,
)
from resolvers.fulfillment import FulfillmentOrder, Shipment, visible_fulfillment_orders
from resolvers.ids import decode_id, decode_query_id, encode_id
from resolvers.locations import Location, Vendor
from resolvers.node import node_type
from resolvers.pagination import Connection, PageArgs, encode_cursor, paginate
from resolvers.permissions import allow, current_actor, forbidden
from resolvers.returns import Return

OrderStatusEnum = strawberry.enum(OrderStatus, name="OrderStatus")
DeliveryMethodEnum = strawberry.enum(DeliveryMethod, name="DeliveryMethod")
CancelReasonEnum = strawberry.enum(CancelReason, name="OrderCancelReason")
HoldReasonEnum = strawberry.enum(HoldReason, name="OrderHoldReason")
ORDER_TAKERS = (Role.ADMIN, Role.PARTNER)


@strawberry.type
class Customer:
    email: str
    name: str | None


@strawberry.type
class OrderLine:
    row: strawberry.Private[OrderLineRow]
    id: strawberry.ID
    sku: str
    quantity: int
    allocated_quantity: int = strawberry.field(description="Assigned to locations or vendors.")
    backordered_quantity: int = strawberry.field(description="Nobody can fill it yet.")
    shipped_quantity: int
    delivered_quantity: int
    cancelled_quantity: int
    returned_quantity: int = strawberry.field(description="Received back through returns.")

    @classmethod
    def of(cls, row: OrderLineRow) -> OrderLine:
        return cls(
            row=row,
            id=encode_id("OrderLine", row.pk),
            sku=row.sku,
            quantity=row.quantity,
            allocated_quantity=row.allocated_quantity,
            backordered_quantity=row.backordered_quantity,
            shipped_quantity=row.shipped_quantity,
            delivered_quantity=row.delivered_quantity,
            cancelled_quantity=row.cancelled_quantity,
            returned_quantity=row.returned_quantity,
        )

    @strawberry.field
    async def unit_price(self, info: Info) -> Money:
        order = await info.context.loaders.order_by_id.load(self.row.order_id)  # type: ignore[attr-defined]
        return money(self.row.unit_price, order.currency)  # type: ignore[return-value]

    @strawberry.field
    async def product(self, info: Info) -> Product:
        return Product.of(await info.context.loaders.product_by_id.load(self.row.product_id))  # type: ignore[attr-defined]


@strawberry.type
class OrderHold:
    id: strawberry.ID
    reason: HoldReasonEnum  # type: ignore[valid-type]
    note: str | None
    created_at: datetime
    released_at: datetime | None

    @classmethod
    def of(cls, row: OrderHoldRow) -> OrderHold:
        return cls(
            id=encode_id("OrderHold", row.pk),
            reason=HoldReason(row.reason),
            note=row.note,
            created_at=row.created_at,
            released_at=row.released_at,
        )


@strawberry.type(description="One entry of an order's timeline.")
class OrderEvent:
    cursor: str = strawberry.field(
        description="Pass as `since` to orderUpdated to resume after it."
    )
    type: str
    message: str
    actor: str | None
    data: JSON | None
    at: datetime

    @classmethod
    def of(cls, row: OrderEventRow) -> OrderEvent:
        return cls(
            cursor=encode_cursor(row.pk),
            type=row.type,
            message=row.message,
            actor=row.actor,
            data=row.data,
            at=row.created_at,
        )


def order_events_of(rows: Sequence[OrderEventRow]) -> list[OrderEvent]:
    return [OrderEvent.of(row) for row in rows]


def _sees_all_lines(actor: Actor) -> bool:
    return actor.role not in (Role.STAFF, Role.VENDOR)


@strawberry.type
class Order(Node):
    row: strawberry.Private[OrderRow]
    number: str
    channel: str
    external_id: str | None
    status: OrderStatusEnum  # type: ignore[valid-type]
    created_at: datetime
    updated_at: datetime
    customer: Customer
    shipping_address: Address | None
    delivery_method: DeliveryMethodEnum  # type: ignore[valid-type]
    currency: str
    subtotal: Money

    @classmethod
    def of(cls, row: OrderRow) -> Order:
        return cls(
            id=encode_id("Order", row.pk),
            row=row,
            number=row.number or "",
            channel=row.channel,
            external_id=row.external_id,
            status=OrderStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
            customer=Customer(email=row.customer_email, name=row.customer_name),
            shipping_address=Address.of(row) if row.has_shipping_address else None,
            delivery_method=DeliveryMethod(row.delivery_method),
            currency=row.currency,
            subtotal=money(row.subtotal, row.currency),  # type: ignore[arg-type]
        )

    async def _visible_fulfillment_rows(self, info: Info) -> list[FulfillmentOrderRow]:
        rows = await info.context.loaders.fulfillment_orders_by_order_id.load(self.row.pk)
        return visible_fulfillment_orders(info, rows, self.row.channel)

    @strawberry.field
    async def pickup_location(self, info: Info) -> Location | None:
        location_id = self.row.pickup_location_id  # type: ignore[attr-defined]
        if location_id is None:
            return None
        return Location.of(await info.context.loaders.location_by_id.load(location_id))

    @strawberry.field(
        description="All lines; a STAFF or VENDOR key sees only the lines assigned to it."
    )
    async def lines(self, info: Info) -> list[OrderLine]:
        rows = await info.context.loaders.lines_by_order_id.load(self.row.pk)
        if not _sees_all_lines(current_actor(info)):
            mine = set()
            for fulfillment in await self._visible_fulfillment_rows(info):
                for fo_line in await info.context.loaders.lines_by_fulfillment_order_id.load(
                    fulfillment.pk
                ):
                    mine.add(fo_line.order_line_id)  # type: ignore[attr-defined]
            rows = [row for row in rows if row.pk in mine]
        # Fulfillment lines point back at these lines: spare them a second read.
        info.context.loaders.order_line_by_id.prime_many({row.pk: row for row in rows})
        return [OrderLine.of(row) for row in rows]

    @strawberry.field(description="A STAFF or VENDOR key sees only its own.")
    async def fulfillment_orders(self, info: Info) -> list[FulfillmentOrder]:
        return [FulfillmentOrder.of(row) for row in await self._visible_fulfillment_rows(info)]

    @strawberry.field
    async def shipments(self, info: Info) -> list[Shipment]:
        loader = info.context.loaders.shipments_by_fulfillment_order_id
        groups = await loader.load_many(
            [row.pk for row in await self._visible_fulfillment_rows(info)]
        )
        return [Shipment.of(row) for group in groups for row in group]

    @strawberry.field
    async def returns(self, info: Info) -> list[Return]:
        rows = await info.context.loaders.returns_by_order_id.load(self.row.pk)
        return [Return.of(row, self.row.currency) for row in rows]

    @strawberry.field
    async def holds(self, info: Info) -> list[OrderHold]:
        return [
            OrderHold.of(row)
            for row in await info.context.loaders.holds_by_order_id.load(self.row.pk)
        ]

    @strawberry.field(description="The timeline, oldest first.")
    async def events(
        self,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[OrderEvent]:
        return await paginate(
            OrderEventRow.filter(order_id=self.row.pk),
            PageArgs(first, after, last, before),
            order_events_of,
        )


@node_type("Order")
async def _order_node(info: Info, pk: int) -> Node | None:
    row = await scoped_orders(current_actor(info)).filter(id=pk).first()  # type: ignore[attr-defined]
    return Order.of(row) if row else None


def orders_of(rows: Sequence[OrderRow]) -> list[Order]:
    return [Order.of(row) for row in rows]


def scoped_orders(actor: Actor) -> object:
    """The orders a key may read, as a queryset."""
    qs = OrderRow.all()
    if actor.role is Role.PARTNER:
        return qs.filter(channel=actor.channel)
    if actor.role is Role.STAFF:
        assigned = FulfillmentOrderRow.filter(location_id__in=sorted(actor.location_ids))
        return qs.filter(id__in=Subquery(assigned.values("order_id")))
    if actor.role is Role.VENDOR:
        assigned = FulfillmentOrderRow.filter(vendor_id=actor.vendor_id)
        return qs.filter(id__in=Subquery(assigned.values("order_id")))
    return qs


@strawberry.input
class OrderFilter:
    status: list[OrderStatusEnum] | None = None  # type: ignore[valid-type]
    channel: str | None = None
    location_id: strawberry.ID | None = strawberry.field(
        default=None, description="Assigned there."
    )
    vendor_id: strawberry.ID | None = strawberry.field(default=None, description="Assigned to it.")
    created_after: datetime | None = None
    created_before: datetime | None = None
    query: str | None = strawberry.field(
        default=None, description="Matches the number, the customer's email or the externalId."
    )


def _filtered(qs, where: OrderFilter | None):
    if where is None:
        return qs
    if where.status:
        qs = qs.filter(status__in=[s.value for s in where.status])
    if where.channel is not None:
        channel = where.channel
        qs = (
            qs.filter(channel=channel)
            if fits(OrderRow, "channel", channel)
            else qs.filter(id__in=[])
        )
    if where.location_id is not None:
        pk = decode_query_id(where.location_id, "Location")
        qs = qs.filter(
            id__in=Subquery(FulfillmentOrderRow.filter(location_id=pk).values("order_id"))
        )
    if where.vendor_id is not None:
        pk = decode_query_id(where.vendor_id, "Vendor")
        qs = qs.filter(id__in=Subquery(FulfillmentOrderRow.filter(vendor_id=pk).values("order_id")))
    if where.created_after is not None:
        qs = qs.filter(created_at__gte=where.created_after)
    if where.created_before is not None:
        qs = qs.filter(created_at__lt=where.created_before)
    if where.query:
        text = where.query.strip()
        # Only the columns the text fits in: a longer value matches none of their rows.
        matches = Q(customer_email__iexact=text)
        if fits(OrderRow, "number", text.lstrip("#")):
            matches |= Q(number=text.lstrip("#"))
        if fits(OrderRow, "external_id", text):
            matches |= Q(external_id=text)
        qs = qs.filter(matches)
    return qs


@strawberry.type
class SourcingLine:
    sku: str
    quantity: int


@strawberry.type
class SourcingAssignment:
    location: Location | None
    vendor: Vendor | None
    lines: list[SourcingLine]
    reason: str


@strawberry.type(description="Where an order would go and why; nothing is reserved.")
class SourcingPlan:
    assignments: list[SourcingAssignment]
    backorders: list[SourcingLine]


@strawberry.type
class OrderQueries:
    @strawberry.field(
        permission_classes=[allow(*READERS)],
        description="By id or by number: exactly one. Null when it does not exist or lies "
        "outside the key's scope.",
    )
    async def order(
        self, info: Info, id: strawberry.ID | None = None, number: str | None = None
    ) -> Order | None:
        if (id is None) == (number is None):
            raise GraphQLError(
                "pass exactly one of id and number", extensions={"code": "BAD_USER_INPUT"}
            )
        qs = scoped_orders(current_actor(info))
        if id is not None:
            row = await qs.filter(id=decode_query_id(id, "Order")).first()  # type: ignore[attr-defined]
        elif not fits(OrderRow, "number", number.lstrip("#")):  # type: ignore[union-attr]
            return None
        else:
            row = await qs.filter(number=number.lstrip("#")).first()  # type: ignore[attr-defined, union-attr]
        return Order.of(row) if row else None

    @strawberry.field(
        permission_classes=[allow(*READERS)],
        description="Orders, oldest first, within the key's scope.",
    )
    async def orders(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        filter: OrderFilter | None = None,
    ) -> Connection[Order]:
        qs = _filtered(scoped_orders(current_actor(info)), filter)
        page = await paginate(qs, PageArgs(first, after, last, before), orders_of)
        # Nested fields (a line's price currency) look orders up by id: they are here.
        info.context.loaders.order_by_id.prime_many({e.node.row.pk: e.node.row for e in page.edges})
        return page

    @strawberry.field(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.PARTNER)],
        description="A dry run of placeOrder's routing: where it would go and why. "
        "Reserves nothing. A PARTNER key plans for its own channel; ADMIN and VIEWER for any.",
    )
    async def sourcing_plan(self, info: Info, input: PlaceOrderInput) -> SourcingPlan:
        try:
            # Inside: a malformed pickupLocationId is a DomainError too, the client's mistake.
            data = _order_input(info, input, dry_run=True)
            valid = await placement.validate_order(data)
        except DomainError as error:
            raise GraphQLError(
                error.message, extensions={"code": "BAD_USER_INPUT", "field": error.field}
            ) from None
        request = placement.new_order_request(valid)
        result = (await sourcing.plan(request)).plan
        loaders = info.context.loaders
        assignments = []
        for assignment in result.assignments:
            location = (
                await loaders.location_by_id.load(assignment.location_id)
                if assignment.location_id
                else None
            )
            vendor = (
                await loaders.vendor_by_id.load(assignment.vendor_id)
                if assignment.vendor_id
                else None
            )
            assignments.append(
                SourcingAssignment(
                    location=Location.of(location) if location else None,
                    vendor=Vendor.of(vendor) if vendor else None,
                    lines=[SourcingLine(sku=p.sku, quantity=p.quantity) for p in assignment.lines],
                    reason=assignment.reason,
                )
            )
        backorders = [
            SourcingLine(sku=valid.products[index].sku, quantity=quantity)
            for index, quantity in sorted(result.backordered.items())
        ]
        return SourcingPlan(assignments=assignments, backorders=backorders)


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
    delivery_method: DeliveryMethodEnum = DeliveryMethod.SHIP  # type: ignore[valid-type]
    shipping_address: AddressInput | None = None
    pickup_location_id: strawberry.ID | None = None


def _order_input(info: Info, data: PlaceOrderInput, dry_run: bool = False) -> OrderInput:
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


@strawberry.type
class PlaceOrderPayload:
    order: Order | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CancelOrderPayload:
    order: Order | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class OrderPayload:
    order: Order | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CancelOrderInput:
    order_id: strawberry.ID
    reason: CancelReasonEnum  # type: ignore[valid-type]
    note: str | None = None


@strawberry.input
class CancelOrderLineInput:
    order_line_id: strawberry.ID
    quantity: int


@strawberry.input
class CancelOrderLinesInput:
    order_id: strawberry.ID
    lines: list[CancelOrderLineInput]
    reason: CancelReasonEnum  # type: ignore[valid-type]


@strawberry.input
class HoldOrderInput:
    order_id: strawberry.ID
    reason: HoldReasonEnum  # type: ignore[valid-type]
    note: str | None = None


@strawberry.input
class ReleaseOrderHoldInput:
    order_id: strawberry.ID


async def _order_in_scope(info: Info, order_id: str) -> int:
    """The pk of an order the key may act on as its channel (ADMIN, or PARTNER of its channel)."""
    pk = decode_id(order_id, "Order", "orderId")
    row = await OrderRow.get_or_none(id=pk)
    if row is None:
        raise not_found("order", order_id, ["orderId"])
    if not scopes.may_act_for_channel(current_actor(info), row.channel):
        raise forbidden("this key may not act on orders of that channel")
    return pk


@strawberry.type
class OrderMutations:
    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Captures an order and routes it at once (unless held): reservations, "
        "fulfillment "
        "orders and notifications all happen before the payload returns.",
    )
    @user_errors(PlaceOrderPayload)
    async def place_order(self, info: Info, input: PlaceOrderInput) -> PlaceOrderPayload:
        placed = await placement.place_order(_order_input(info, input), current_actor(info))
        loaders = info.context.loaders
        loaders.order_by_id.prime(placed.order.id, placed.order)
        if placed.lines is not None:
            loaders.lines_by_order_id.prime(placed.order.id, list(placed.lines))
            loaders.order_line_by_id.prime_many({line.id: line for line in placed.lines})
        if placed.fulfillment_orders is not None:
            loaders.fulfillment_orders_by_order_id.prime(
                placed.order.id, list(placed.fulfillment_orders)
            )
        return PlaceOrderPayload(order=Order.of(placed.order))

    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Cancels everything not yet shipped; allowed until something ships.",
    )
    @user_errors(CancelOrderPayload)
    async def cancel_order(self, info: Info, input: CancelOrderInput) -> CancelOrderPayload:
        pk = await _order_in_scope(info, input.order_id)
        row = await order_actions.cancel_order(
            pk, CancelReason(input.reason), current_actor(info), input.note
        )
        return CancelOrderPayload(order=Order.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Cancels some quantity of some lines: backordered units first, then "
        "unaccepted ones.",
    )
    @user_errors(CancelOrderPayload)
    async def cancel_order_lines(
        self, info: Info, input: CancelOrderLinesInput
    ) -> CancelOrderPayload:
        pk = await _order_in_scope(info, input.order_id)
        cancellations = [
            LineCancellation(
                decode_id(line.order_line_id, "OrderLine", "orderLineId"), line.quantity
            )
            for line in input.lines
        ]
        row = await order_actions.cancel_order_lines(
            pk, cancellations, CancelReason(input.reason), current_actor(info)
        )
        return CancelOrderPayload(order=Order.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ADMIN_ONLY)],
        description="Holds the order (allowed until something ships): it keeps its "
        "reservations, assignees cannot accept, pack or ship it, and nothing is routed for it "
        "until releaseOrderHold.",
    )
    @user_errors(OrderPayload)
    async def hold_order(self, info: Info, input: HoldOrderInput) -> OrderPayload:
        pk = decode_id(input.order_id, "Order", "orderId")
        row = await order_actions.hold_order(
            pk, HoldReason(input.reason), input.note, current_actor(info)
        )
        return OrderPayload(order=Order.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ADMIN_ONLY)], description="Releases every hold, then routes."
    )
    @user_errors(OrderPayload)
    async def release_order_hold(self, info: Info, input: ReleaseOrderHoldInput) -> OrderPayload:
        row = await order_actions.release_hold(
            decode_id(input.order_id, "Order", "orderId"), current_actor(info)
        )
        return OrderPayload(order=Order.of(row))
