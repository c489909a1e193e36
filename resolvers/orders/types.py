"""The order types GraphQL shows: an order, its lines, holds and timeline, the payload of
every order mutation, and `sourcingPlan`'s answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from models.rules.lifecycle import CancelReason, DeliveryMethod, HoldReason, OrderStatus
from models.rules.scopes import Actor, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from models.tables import OrderEvent as OrderEventRow
from models.tables import OrderHold as OrderHoldRow
from models.tables import OrderLine as OrderLineRow
from resolvers.catalog import Product
from resolvers.common import Address, Money, Node, UserError, money
from resolvers.fulfillment import FulfillmentOrder, Shipment, visible_fulfillment_orders
from resolvers.ids import encode_id
from resolvers.loaders import now_or_later
from resolvers.locations import Location, Vendor
from resolvers.pagination import Connection, PageArgs, encode_cursor, paged, paginate
from resolvers.permissions import current_actor
from resolvers.returns import Return

OrderStatusEnum = strawberry.enum(OrderStatus, name="OrderStatus")
DeliveryMethodEnum = strawberry.enum(DeliveryMethod, name="DeliveryMethod")
CancelReasonEnum = strawberry.enum(CancelReason, name="OrderCancelReason")
HoldReasonEnum = strawberry.enum(HoldReason, name="OrderHoldReason")


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
    def unit_price(self, info: Info) -> Money:
        # A page of orders primes order_by_id: most lines answer without awaiting.
        order = info.context.loaders.order_by_id.load(self.row.order_id)  # type: ignore[attr-defined]
        return now_or_later(order, lambda row: money(self.row.unit_price, row.currency))  # type: ignore[return-value]

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
    @paged
    async def events(
        self,
        page: PageArgs,
    ) -> Connection[OrderEvent]:
        return await paginate(
            OrderEventRow.filter(order_id=self.row.pk),
            page,
            order_events_of,
        )


def orders_of(rows: Sequence[OrderRow]) -> list[Order]:
    return [Order.of(row) for row in rows]


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
class OrderPayload:
    order: Order | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


# The same payload under the names the schema published for placeOrder and the
# cancellations: one declaration, the names kept.
@strawberry.type
class PlaceOrderPayload(OrderPayload):
    pass


@strawberry.type
class CancelOrderPayload(OrderPayload):
    pass
