"""Fulfillment orders (one assignee's share of an order) and shipments."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TypeAlias, cast

import strawberry
from strawberry.types import Info
from tortoise.expressions import Subquery

from models.operations import visibility
from models.rules import scopes
from models.rules.lifecycle import FulfillmentOrderStatus
from models.rules.limits import MAX_SHIPMENTS_PER_FULFILLMENT_ORDER
from models.rules.routing.reasons import assignee_reason
from models.rules.scopes import Role
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import FulfillmentOrderLine as FulfillmentOrderLineRow
from models.tables import Shipment as ShipmentRow
from models.tables import ShipmentLine as ShipmentLineRow
from resolvers.common import Node
from resolvers.ids import decode_query_id, encode_id, global_id_of
from resolvers.loaders import now_or_later
from resolvers.locations import Location, Vendor
from resolvers.node import node_type
from resolvers.pagination import Connection, PageArgs, Sort, paged, paginate
from resolvers.permissions import allow, current_actor, forbidden
from resolvers.selection import Path, below, selected_paths

if TYPE_CHECKING:
    from resolvers.cancellation import FulfillmentOrderCancellationRequest
    from resolvers.orders import Order, OrderLine

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(FulfillmentOrderStatus, name="FulfillmentOrderStatus")
FulfillmentOrderStatusEnum: TypeAlias = FulfillmentOrderStatus


@strawberry.enum(description="What `fulfillmentOrders` is sorted by; ties are broken by id.")
class FulfillmentOrderSortKey(Enum):
    ASSIGNED_AT = "assigned_at"
    ACCEPT_BY = "accept_by"


OrderRef = Annotated["Order", strawberry.lazy("resolvers.orders")]
OrderLineRef = Annotated["OrderLine", strawberry.lazy("resolvers.orders")]
CancellationRequestRef = Annotated[
    "FulfillmentOrderCancellationRequest", strawberry.lazy("resolvers.cancellation")
]


async def _order_line(info: Info, order_line_id: int) -> OrderLine:
    from resolvers.orders import OrderLine

    return OrderLine.of(await info.context.loaders.order_line_by_id.load(order_line_id))


@strawberry.type
class FulfillmentOrderLine:
    row: strawberry.Private[FulfillmentOrderLineRow]
    id: strawberry.ID = global_id_of("FulfillmentOrderLine", lambda line: line.row.pk)
    quantity: int = strawberry.field(description="Units assigned here, less those cancelled.")
    shipped_quantity: int
    remaining_quantity: int = strawberry.field(description="Still to ship.")

    @classmethod
    def of(cls, row: FulfillmentOrderLineRow) -> FulfillmentOrderLine:
        quantity = row.quantity - row.cancelled_quantity
        return cls(
            row=row,
            quantity=quantity,
            shipped_quantity=row.shipped_quantity,
            remaining_quantity=quantity - row.shipped_quantity,
        )

    @strawberry.field
    def order_line(self, info: Info) -> OrderLineRef:
        # Order.lines primes order_line_by_id: most answer without awaiting (graphql-core
        # awaits the rest, so the declared type is what the client gets either way).
        from resolvers.orders import OrderLine

        row = info.context.loaders.order_line_by_id.load(self.row.order_line_id)
        return cast(OrderLineRef, now_or_later(row, OrderLine.of))


@strawberry.type
class ShipmentLine:
    row: strawberry.Private[ShipmentLineRow]
    quantity: int

    @strawberry.field
    async def order_line(self, info: Info) -> OrderLineRef:
        return await _order_line(info, self.row.order_line_id)


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
        row = await info.context.loaders.fulfillment_order_by_id.load(self.row.fulfillment_order_id)
        return FulfillmentOrder.of(row)


@strawberry.type(
    description="One assignee's share of one order: exactly one of location and vendor is set."
)
class FulfillmentOrder(Node):
    row: strawberry.Private[FulfillmentOrderRow]
    id: strawberry.ID = global_id_of("FulfillmentOrder", lambda fulfillment: fulfillment.row.pk)
    status: FulfillmentOrderStatusEnum
    assigned_at: datetime
    accept_by: datetime | None = strawberry.field(description="The acceptance deadline (SLA).")

    @classmethod
    def of(cls, row: FulfillmentOrderRow) -> FulfillmentOrder:
        return cls(
            row=row,
            status=FulfillmentOrderStatus(row.status),
            assigned_at=row.assigned_at,
            accept_by=row.accept_by,
        )

    @strawberry.field(
        description="Why this assignee was chosen. ADMIN and VIEWER keys read the whole "
        "reason, runners-up included (which other locations could fill, and how far they "
        "are); every other key (the assignee, the order's channel) reads the assignee's own "
        "choice and why, without the runners-up: other stores' stock is not theirs to see."
    )
    def routing_reason(self, info: Info) -> str:
        if scopes.sees_whole_routing_reason(current_actor(info)):
            return self.row.routing_reason
        return assignee_reason(self.row.routing_reason)

    @strawberry.field
    def order(self, info: Info) -> OrderRef:
        from resolvers.orders import Order

        row = info.context.loaders.order_by_id.load(self.row.order_id)
        return cast(OrderRef, now_or_later(row, Order.of))

    # location, vendor and lines answer at once from a primed loader (a page of orders or
    # of fulfillment orders primes them: prime_fulfillment_orders); awaited otherwise.
    @strawberry.field
    def location(self, info: Info) -> Location | None:
        location_id = self.row.location_id
        if location_id is None:
            return None
        row = info.context.loaders.location_by_id.load(location_id)
        return cast(Location, now_or_later(row, Location.of))

    @strawberry.field
    def vendor(self, info: Info) -> Vendor | None:
        vendor_id = self.row.vendor_id
        if vendor_id is None:
            return None
        return cast(
            Vendor, now_or_later(info.context.loaders.vendor_by_id.load(vendor_id), Vendor.of)
        )

    @strawberry.field
    def lines(self, info: Info) -> list[FulfillmentOrderLine]:
        rows = info.context.loaders.lines_by_fulfillment_order_id.load(self.row.pk)
        return cast(list[FulfillmentOrderLine], now_or_later(rows, fulfillment_lines_of))

    @strawberry.field(
        description=f"Oldest first: at most {MAX_SHIPMENTS_PER_FULFILLMENT_ORDER} (shipping "
        "refuses more)."
    )
    async def shipments(self, info: Info) -> list[Shipment]:
        rows = await info.context.loaders.shipments_by_fulfillment_order_id.load(self.row.pk)
        return [Shipment.of(row) for row in rows]

    @strawberry.field(
        description="Its latest cancellation request, open (REQUESTED) or answered; null "
        "when none was ever made."
    )
    async def cancellation_request(self) -> CancellationRequestRef | None:
        from resolvers.cancellation import latest_request

        return await latest_request(self.row.pk)

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

    @strawberry.field(description="When the store made it READY_FOR_PICKUP.")
    def ready_for_pickup_at(self) -> datetime | None:
        return self.row.ready_for_pickup_at

    @strawberry.field(
        description="When a READY_FOR_PICKUP order not collected by then is cancelled and its "
        "stock returned (RoutingSettings.pickupHoldDays after readyForPickupAt)."
    )
    def pickup_expires_at(self) -> datetime | None:
        return self.row.pickup_expires_at

    @strawberry.field(
        description="The 6-character code the customer shows at the counter (letters and "
        "digits that cannot be mistaken for one another; case and spaces do not matter). "
        "Only ADMIN and the PARTNER of the order's channel read it, to give it to the "
        "customer; null for other keys and before markReadyForPickup."
    )
    async def pickup_code(self, info: Info) -> str | None:
        if self.row.pickup_code is None:
            return None
        order = await info.context.loaders.order_by_id.load(self.row.order_id)
        if not scopes.may_read_pickup_code(current_actor(info), order.channel):
            return None
        return self.row.pickup_code


def fulfillment_orders_of(rows: Sequence[FulfillmentOrderRow]) -> list[FulfillmentOrder]:
    return [FulfillmentOrder.of(row) for row in rows]


def fulfillment_lines_of(rows: Sequence[FulfillmentOrderLineRow]) -> list[FulfillmentOrderLine]:
    return [FulfillmentOrderLine.of(row) for row in rows]


async def prime_fulfillment_orders(
    info: Info, rows: Sequence[FulfillmentOrderRow], asked: frozenset[Path]
) -> None:
    """Load what the `asked` fields (paths below a FulfillmentOrder) of these fulfillment
    orders read, one statement per relation, into the request's loaders: the fields then
    answer without awaiting. The rows are those the loaders would read; which of them a
    key may see is still decided by the fields."""
    loaders = info.context.loaders
    pending: list[Awaitable[object]] = []
    if ("lines",) in asked:
        pending.append(loaders.lines_by_fulfillment_order_id.load_many([row.pk for row in rows]))
    if ("location",) in asked:
        ids = {row.location_id for row in rows if row.location_id is not None}
        pending.append(loaders.location_by_id.load_many(ids))
    if ("vendor",) in asked:
        ids = {row.vendor_id for row in rows if row.vendor_id is not None}
        pending.append(loaders.vendor_by_id.load_many(ids))
    if ("order",) in asked:
        pending.append(loaders.order_by_id.load_many({row.order_id for row in rows}))
    await asyncio.gather(*pending)
    if ("lines", "orderLine") in asked:
        # The page of orders has its lines already: then nothing more is read here.
        groups = await loaders.lines_by_fulfillment_order_id.load_many([row.pk for row in rows])
        ids = {line.order_line_id for group in groups for line in group}
        order_lines = await loaders.order_line_by_id.load_many(ids)
        if ("lines", "orderLine", "product") in asked:
            ids = {line.product_id for line in order_lines if line is not None}
            await loaders.product_by_id.load_many(ids)


# What `prime_fulfillment_orders` loads that `fulfillment_order_reads` does not.
LEFT_TO_PRIMING = frozenset({("lines", "orderLine"), ("lines", "orderLine", "product")})


def fulfillment_order_reads(
    info: Info, which: Sequence[int] | Subquery, asked: frozenset[Path]
) -> list[Awaitable[None]]:
    """Statements that read the fulfillment orders `which` names (ids, or a subquery of
    ids) into the request's loaders, with the order, location and vendor the `asked` fields
    read (joined: one statement) and their lines (a second one), to be awaited side by side:
    a subscription then delivers an event after one round trip on a busy event loop
    instead of one per relation. What they do not find is left out of the loaders; the
    lines of a fulfillment order are primed only when the lines' statement saw them."""
    loaders = info.context.loaders
    joined = [name for name in ("order", "location", "vendor") if (name,) in asked]

    async def fulfillment_orders() -> None:
        rows = await FulfillmentOrderRow.filter(id__in=which).select_related(*joined)
        loaders.fulfillment_order_by_id.prime_many({row.pk: row for row in rows})
        if "order" in joined:
            loaders.order_by_id.prime_many({row.order_id: row.order for row in rows})
        if "location" in joined:
            located = [row for row in rows if row.location_id is not None]
            loaders.location_by_id.prime_many({row.location_id: row.location for row in located})
        if "vendor" in joined:
            vended = [row for row in rows if row.vendor_id is not None]
            loaders.vendor_by_id.prime_many({row.vendor_id: row.vendor for row in vended})

    async def lines() -> None:
        groups: dict[int, list[FulfillmentOrderLineRow]] = {}
        for line in await FulfillmentOrderLineRow.filter(fulfillment_order_id__in=which).order_by(
            "id"
        ):
            groups.setdefault(line.fulfillment_order_id, []).append(line)
        loaders.lines_by_fulfillment_order_id.prime_many(groups)

    return [fulfillment_orders(), *([lines()] if ("lines",) in asked else [])]


def visible_fulfillment_orders(
    info: Info, rows: Sequence[FulfillmentOrderRow], order_channel: str
) -> list[FulfillmentOrderRow]:
    actor = current_actor(info)
    return [
        row
        for row in rows
        if scopes.may_see_fulfillment(actor, row.location_id, row.vendor_id, order_channel)
    ]


async def order_assignees(info: Info, order_id: int) -> frozenset[tuple[int | None, int | None]]:
    """The (location_id, vendor_id) pairs of an order's fulfillment orders, as the scope
    predicates take them."""
    rows = await info.context.loaders.fulfillment_orders_by_order_id.load(order_id)
    return frozenset((row.location_id, row.vendor_id) for row in rows)


async def lines_worked_by(info: Info, order_id: int) -> set[int]:
    """The ids of the order's lines on fulfillment orders the key works (STAFF, VENDOR)."""
    actor = current_actor(info)
    loaders = info.context.loaders
    worked = set()
    for row in await loaders.fulfillment_orders_by_order_id.load(order_id):
        if scopes.may_work_fulfillment(actor, row.location_id, row.vendor_id):
            for line in await loaders.lines_by_fulfillment_order_id.load(row.pk):
                worked.add(line.order_line_id)
    return worked


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
        description="Fulfillment orders, by assignment time unless sortKey says otherwise "
        "(ACCEPT_BY: the deadline due soonest first, for those that have one). STAFF and VENDOR "
        "keys see their own only. `orderId`: one order's, all of them (`Order.fulfillmentOrders` "
        "shows the first few).",
    )
    @paged
    async def fulfillment_orders(
        self,
        info: Info,
        page: PageArgs,
        location_id: strawberry.ID | None = None,
        vendor_id: strawberry.ID | None = None,
        status: list[FulfillmentOrderStatusEnum] | None = None,
        sort_key: FulfillmentOrderSortKey = FulfillmentOrderSortKey.ASSIGNED_AT,
        reverse: bool = False,
        order_id: strawberry.ID | None = None,
    ) -> Connection[FulfillmentOrder]:
        actor = current_actor(info)
        qs = visibility.visible_fulfillment_orders(actor)
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
        if order_id is not None:
            qs = qs.filter(order_id=decode_query_id(order_id, "Order"))
        if status:
            qs = qs.filter(status__in=[s.value for s in status])
        if sort_key is FulfillmentOrderSortKey.ACCEPT_BY:
            qs = qs.filter(accept_by__isnull=False)
        sort = Sort(sort_key.value, reverse)
        connection = await paginate(qs, page, fulfillment_orders_of, sort, for_values=True)
        asked = below(selected_paths(info), ("edges", "node"), ("nodes",))
        await prime_fulfillment_orders(info, [edge.node.row for edge in connection.edges], asked)
        return connection
