"""The order types GraphQL shows: an order, its lines, holds and timeline, the payload of
every order mutation, and `sourcingPlan`'s answer."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from datetime import datetime
from typing import TypeAlias, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from models.operations.order_edits import current_subtotal
from models.operations.visibility import visible_timeline
from models.rules import scopes
from models.rules.events import (
    OrderEventType,
    TimelineView,
    own_fulfillment_ids,
    parse_assignee_key,
    redacted_message,
    timeline_view,
)
from models.rules.lifecycle import (
    CancelReason,
    DeliveryMethod,
    HoldReason,
    OrderStatus,
    ReturnStatus,
)
from models.rules.limits import (
    MAX_HOLDS_PER_ORDER,
    MAX_SHIPMENTS_PER_FULFILLMENT_ORDER,
    NESTED_FIRST_DEFAULT,
)
from models.rules.scopes import Actor, Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from models.tables import OrderEvent as OrderEventRow
from models.tables import OrderHold as OrderHoldRow
from models.tables import OrderLine as OrderLineRow
from resolvers.catalog import Product
from resolvers.common import (
    Address,
    Money,
    Node,
    UserError,
    first_of,
    money,
    nested_first_note,
)
from resolvers.fulfillment import (
    FulfillmentOrder,
    Shipment,
    fulfillment_orders_of,
    lines_worked_by,
    order_assignees,
    prime_fulfillment_orders,
    visible_fulfillment_orders,
)
from resolvers.ids import encode_id, global_id_of
from resolvers.loaders import now_or_later
from resolvers.locations import Location, Vendor
from resolvers.pagination import Connection, PageArgs, encode_cursor, paged, paginate
from resolvers.permissions import current_actor
from resolvers.returns import Return
from resolvers.selection import Path, below

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(OrderStatus, name="OrderStatus")
OrderStatusEnum: TypeAlias = OrderStatus
strawberry.enum(DeliveryMethod, name="DeliveryMethod")
DeliveryMethodEnum: TypeAlias = DeliveryMethod
strawberry.enum(CancelReason, name="OrderCancelReason")
CancelReasonEnum: TypeAlias = CancelReason
strawberry.enum(HoldReason, name="OrderHoldReason")
HoldReasonEnum: TypeAlias = HoldReason
strawberry.enum(OrderEventType, name="OrderEventType")
OrderEventTypeEnum: TypeAlias = OrderEventType


@strawberry.type
class Customer:
    email: str
    name: str | None


@strawberry.type
class OrderLine:
    row: strawberry.Private[OrderLineRow]
    id: strawberry.ID = global_id_of("OrderLine", lambda line: line.row.pk)
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
        # A page of orders primes order_by_id: most lines answer without awaiting
        # (graphql-core awaits the rest).
        order = info.context.loaders.order_by_id.load(self.row.order_id)
        return cast(
            Money, now_or_later(order, lambda row: money(self.row.unit_price, row.currency))
        )

    @strawberry.field
    def product(self, info: Info) -> Product:
        row = info.context.loaders.product_by_id.load(self.row.product_id)
        return cast(Product, now_or_later(row, Product.of))


@strawberry.type
class OrderHold:
    id: strawberry.ID
    reason: HoldReasonEnum
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
    row: strawberry.Private[OrderEventRow]
    cursor: str = strawberry.field(
        description="Pass as `since` to orderUpdated or orderEvents to resume after it."
    )
    type: OrderEventTypeEnum
    message: str
    actor: str | None
    data: JSON | None = strawberry.field(
        description="Names records by global id. `fulfillmentOrderIds` lists the fulfillment "
        "orders the event is about. A STAFF or VENDOR key reads whole only the events about "
        "its own work alone; of other events it reads the type, a message without other "
        "assignees' details, and its own `fulfillmentOrderIds` only."
    )
    at: datetime

    @classmethod
    def of(cls, row: OrderEventRow, actor: Actor, channel: str) -> OrderEvent:
        """The entry as `actor` may read it (rows it may not see are not loaded)."""
        type = OrderEventType(row.type)
        about = row.about or {}
        view = timeline_view(actor, channel, type, [parse_assignee_key(k) for k in about])
        whole = view is TimelineView.WHOLE
        own = own_fulfillment_ids(actor, about)
        return cls(
            row=row,
            cursor=encode_cursor(row.pk),
            type=type,
            message=row.message if whole else redacted_message(type, row.assignee_message),
            actor=row.actor if whole or actor.label == row.actor else None,
            data=JSON(row.data) if whole else (JSON({"fulfillmentOrderIds": own}) if own else None),
            at=row.created_at,
        )

    @strawberry.field
    async def order(self, info: Info) -> Order:
        return Order.of(await info.context.loaders.order_by_id.load(self.row.order_id))


def _sees_all_lines(actor: Actor) -> bool:
    return actor.role not in (Role.STAFF, Role.VENDOR)


@strawberry.type
class Order(Node):
    row: strawberry.Private[OrderRow]
    id: strawberry.ID = global_id_of("Order", lambda order: order.row.pk)
    number: str
    channel: str
    external_id: str | None
    status: OrderStatusEnum
    created_at: datetime
    updated_at: datetime
    customer: Customer
    shipping_address: Address | None
    delivery_method: DeliveryMethodEnum
    currency: str
    subtotal: Money

    @classmethod
    def of(cls, row: OrderRow) -> Order:
        return cls(
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
            subtotal=money(row.subtotal, row.currency),
        )

    @strawberry.field(description="Free text from the channel or staff.")
    def note(self) -> str | None:
        return self.row.note

    @strawberry.field
    def tags(self) -> list[str]:
        return list(self.row.tags or [])

    @strawberry.field(description="The channel's own data (a JSON object), as updateOrder set it.")
    def metadata(self) -> JSON | None:
        return None if self.row.metadata is None else JSON(self.row.metadata)

    @strawberry.field(
        description="What the order is worth now: its lines' quantities less what was "
        "cancelled, at their unit prices. `subtotal` stays the amount as placed."
    )
    async def current_subtotal(self, info: Info) -> Money:
        lines = await info.context.loaders.lines_by_order_id.load(self.row.pk)
        return money(current_subtotal(lines), self.row.currency)

    async def _visible_fulfillment_rows(self, info: Info) -> list[FulfillmentOrderRow]:
        rows = await info.context.loaders.fulfillment_orders_by_order_id.load(self.row.pk)
        return visible_fulfillment_orders(info, rows, self.row.channel)

    @strawberry.field
    async def pickup_location(self, info: Info) -> Location | None:
        location_id = self.row.pickup_location_id
        if location_id is None:
            return None
        return Location.of(await info.context.loaders.location_by_id.load(location_id))

    # lines and fulfillmentOrders answer at once from a primed loader (a page of orders
    # primes them: prime_order_page); awaited otherwise.
    @strawberry.field(
        description="All lines; a STAFF or VENDOR key sees only the lines assigned to it."
    )
    def lines(self, info: Info) -> list[OrderLine]:
        if not _sees_all_lines(current_actor(info)):
            return cast(list[OrderLine], self._worked_lines(info))
        rows = info.context.loaders.lines_by_order_id.load(self.row.pk)
        return cast(list[OrderLine], now_or_later(rows, lambda rows: _lines_of(info, rows)))

    async def _worked_lines(self, info: Info) -> list[OrderLine]:
        rows = await info.context.loaders.lines_by_order_id.load(self.row.pk)
        mine = await lines_worked_by(info, self.row.pk)
        return _lines_of(info, [row for row in rows if row.pk in mine])

    @strawberry.field(
        description="A STAFF or VENDOR key sees only its own. "
        + nested_first_note("`Query.fulfillmentOrders(orderId:)`")
    )
    def fulfillment_orders(
        self, info: Info, first: int = NESTED_FIRST_DEFAULT
    ) -> list[FulfillmentOrder]:
        rows = info.context.loaders.fulfillment_orders_by_order_id.load(self.row.pk)
        return cast(
            list[FulfillmentOrder],
            now_or_later(
                rows,
                lambda rows: fulfillment_orders_of(
                    first_of(visible_fulfillment_orders(info, rows, self.row.channel), first)
                ),
            ),
        )

    @strawberry.field(
        description="Those of the fulfillment orders the key may see. "
        + nested_first_note(
            "`FulfillmentOrder.shipments` of `Query.fulfillmentOrders(orderId:)` (a "
            f"fulfillment order ships in at most {MAX_SHIPMENTS_PER_FULFILLMENT_ORDER} shipments)"
        )
    )
    async def shipments(self, info: Info, first: int = NESTED_FIRST_DEFAULT) -> list[Shipment]:
        loader = info.context.loaders.shipments_by_fulfillment_order_id
        groups = await loader.load_many(
            [row.pk for row in await self._visible_fulfillment_rows(info)]
        )
        return first_of([Shipment.of(row) for group in groups for row in group], first)

    @strawberry.field(
        description="The returns the key may see, as the root `returns` list shows them: "
        "none for a VENDOR key. " + nested_first_note("`Query.returns(orderId:)`")
    )
    async def returns(self, info: Info, first: int = NESTED_FIRST_DEFAULT) -> list[Return]:
        actor = current_actor(info)
        assignees = await order_assignees(info, self.row.pk)
        rows = await info.context.loaders.returns_by_order_id.load(self.row.pk)
        return first_of(
            [
                Return.of(row, self.row.currency)
                for row in rows
                if scopes.may_see_return(
                    actor,
                    self.row.channel,
                    assignees,
                    ReturnStatus(row.status),
                    row.received_location_id,
                )
            ],
            first,
        )

    @strawberry.field(
        description="Every hold it ever had, released ones included, oldest first: at most "
        f"{MAX_HOLDS_PER_ORDER} (holdOrder refuses more)."
    )
    async def holds(self, info: Info) -> list[OrderHold]:
        return [
            OrderHold.of(row)
            for row in await info.context.loaders.holds_by_order_id.load(self.row.pk)
        ]

    @strawberry.field(
        description="The timeline, oldest first, as far as the key may read it (see "
        "`OrderEvent.data`). Kept for the order's life."
    )
    @paged
    async def events(
        self,
        info: Info,
        page: PageArgs,
    ) -> Connection[OrderEvent]:
        actor = current_actor(info)
        return await paginate(
            visible_timeline(actor, self.row),
            page,
            lambda rows: [OrderEvent.of(row, actor, self.row.channel) for row in rows],
        )


def orders_of(rows: Sequence[OrderRow]) -> list[Order]:
    return [Order.of(row) for row in rows]


def _lines_of(info: Info, rows: Sequence[OrderLineRow]) -> list[OrderLine]:
    # Fulfillment lines point back at these lines: spare them a second read.
    info.context.loaders.order_line_by_id.prime_many({row.pk: row for row in rows})
    return [OrderLine.of(row) for row in rows]


async def prime_order_page(info: Info, rows: Sequence[OrderRow], asked: frozenset[Path]) -> None:
    """Load what the `asked` fields (paths below an Order) of a page of orders read, one
    statement per relation, into the request's loaders, so that those fields answer
    without awaiting: hundreds of awaits a page otherwise, each a task in graphql-core.
    The rows are those the loaders would read; what a key may see of them is still
    decided by the fields (a STAFF key's lines and fulfillment orders)."""
    loaders = info.context.loaders
    loaders.order_by_id.prime_many({row.pk: row for row in rows})
    ids = [row.pk for row in rows]
    worked_only = ("lines",) in asked and not _sees_all_lines(current_actor(info))
    # lines_worked_by reads the fulfillment orders the key works, and their lines.
    asked_of_fulfillment = below(asked, ("fulfillmentOrders",)) | (
        {("lines",)} if worked_only else set()
    )
    wants_lines = ("lines",) in asked or ("currentSubtotal",) in asked
    wants_fulfillment = bool(asked_of_fulfillment) or any(
        (name,) in asked for name in ("fulfillmentOrders", "shipments", "returns")
    )
    lines = loaders.lines_by_order_id.load_many(ids) if wants_lines else None
    fulfillment = (
        loaders.fulfillment_orders_by_order_id.load_many(ids) if wants_fulfillment else None
    )
    line_rows = [line for group in await lines for line in group] if lines else []
    loaders.order_line_by_id.prime_many({line.pk: line for line in line_rows})
    visible = (
        [
            fulfillment_row
            for row, group in zip(rows, await fulfillment, strict=True)
            for fulfillment_row in visible_fulfillment_orders(info, group, row.channel)
        ]
        if fulfillment
        else []
    )
    pending: list[Awaitable[object]] = [
        prime_fulfillment_orders(info, visible, asked_of_fulfillment)
    ]
    if ("lines", "product") in asked:
        pending.append(loaders.product_by_id.load_many({line.product_id for line in line_rows}))
    await asyncio.gather(*pending)


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
class OrderLineQuantity:
    order_line_id: strawberry.ID
    quantity: int


@strawberry.type(description="What editOrder would do with the same input; nothing changed.")
class OrderEditPreview:
    current_subtotal: Money
    plan: SourcingPlan = strawberry.field(
        description="Where the unassigned units would go (empty while the order is held)."
    )
    released: list[OrderLineQuantity] = strawberry.field(
        description="Units the edit lowers: released at once where nobody accepted the work, "
        "asked of the assignee where somebody did."
    )


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
