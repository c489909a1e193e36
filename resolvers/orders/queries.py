"""Reading orders (`order`, `orders`, `node(id:)` for an Order) and `sourcingPlan`, the dry
run of placeOrder's routing."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from models.errors import DomainError
from models.operations import order_counts, order_edits, order_routing, order_validation, placement
from models.operations.visibility import visible_orders
from models.rules.routing import RoutingPlan
from models.rules.scopes import READERS, Actor, Role
from models.tables import Order as OrderRow
from resolvers.common import Node, fits, money
from resolvers.ids import decode_query_id, encode_id
from resolvers.locations import Location, Vendor
from resolvers.node import node_type
from resolvers.orders.filters import (
    OrderFilter,
    OrderSortKey,
    channel_only,
    filtered_orders,
    order_sort,
    settled_orders,
)
from resolvers.orders.inputs import EditOrderInput, PlaceOrderInput, order_edit, order_input
from resolvers.orders.mutations import ORDER_TAKERS, order_in_scope
from resolvers.orders.types import (
    Order,
    OrderEditPreview,
    OrderLineQuantity,
    SourcingAssignment,
    SourcingLine,
    SourcingPlan,
    orders_of,
    prime_order_page,
)
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor
from resolvers.selection import below, selected_paths


@node_type("Order")
async def _order_node(info: Info, pk: int) -> Node | None:
    row = await visible_orders(current_actor(info)).filter(id=pk).first()
    return Order.of(row) if row else None


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
        qs = visible_orders(current_actor(info))
        if id is not None:
            row = await qs.filter(id=decode_query_id(id, "Order")).first()
        else:
            assert number is not None  # exactly one of id and number, checked above
            if not fits(OrderRow, "number", number.lstrip("#")):
                return None
            row = await qs.filter(number=number.lstrip("#")).first()
        return Order.of(row) if row else None

    @strawberry.field(
        permission_classes=[allow(*READERS)],
        description="Orders within the key's scope, oldest first unless sortKey/reverse say "
        "otherwise. totalCount is exact; with no filter but a channel, for a key that sees "
        "whole channels (ADMIN, VIEWER, PARTNER), it is the count the database keeps as "
        "orders are written, not a count of the orders (then it includes changes a page "
        "sorted by UPDATED_AT does not show yet).",
    )
    @paged
    async def orders(
        self,
        info: Info,
        page: PageArgs,
        filter: OrderFilter | None = None,
        sort_key: OrderSortKey = OrderSortKey.CREATED_AT,
        reverse: bool = False,
    ) -> Connection[Order]:
        actor = current_actor(info)
        qs = filtered_orders(visible_orders(actor), filter)
        qs = await settled_orders(qs, filter, sort_key)
        sort = order_sort(sort_key, reverse, filter)
        connection = await paginate(
            qs, page, orders_of, sort, _kept_count(actor, filter), for_values=True
        )
        asked = below(selected_paths(info), ("edges", "node"), ("nodes",))
        await prime_order_page(info, [edge.node.row for edge in connection.edges], asked)
        return connection

    @strawberry.field(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.PARTNER)],
        description="A dry run of placeOrder's routing: where it would go and why. "
        "Reserves nothing. A PARTNER key plans for its own channel; ADMIN and VIEWER for any.",
    )
    async def sourcing_plan(self, info: Info, input: PlaceOrderInput) -> SourcingPlan:
        try:
            # Inside: a malformed pickupLocationId is a DomainError too, the client's mistake.
            data = order_input(info, input, dry_run=True)
            valid = await order_validation.validate_order(data)
        except DomainError as error:
            raise GraphQLError(
                error.message, extensions={"code": "BAD_USER_INPUT", "field": error.field}
            ) from None
        request = placement.new_order_request(valid)
        result = (await order_routing.plan(request)).plan
        skus = {index: product.sku for index, product in enumerate(valid.products)}
        return await sourcing_plan_of(info, result, skus)

    @strawberry.field(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="A dry run of editOrder with the same input: the order's new "
        "currentSubtotal, the routing plan for its unassigned units (the added ones, and any "
        "backorder) and the units the edit lowers. Changes nothing; refusals as editOrder's, "
        "as errors with code BAD_USER_INPUT.",
    )
    async def order_edit_preview(self, info: Info, input: EditOrderInput) -> OrderEditPreview:
        try:
            pk = await order_in_scope(info, input.order_id)
            preview = await order_edits.preview_edit(pk, order_edit(input), current_actor(info))
        except DomainError as error:
            raise GraphQLError(
                error.message,
                extensions={"code": "BAD_USER_INPUT", "field": error.field, "reason": error.code},
            ) from None
        plan = preview.plan or RoutingPlan(assignments=(), backordered={})
        row = await OrderRow.get(id=pk)
        return OrderEditPreview(
            current_subtotal=money(preview.current_subtotal, row.currency),
            plan=await sourcing_plan_of(info, plan, preview.skus),
            released=[
                OrderLineQuantity(order_line_id=encode_id("OrderLine", line_id), quantity=q)
                for line_id, q in sorted(preview.released.items())
            ],
        )


def _kept_count(actor: Actor, where: OrderFilter | None) -> Callable[[], Awaitable[int]] | None:
    """The count the database keeps per channel, when the list is whole channels of the
    key's scope (order_counts); None: count the rows."""
    channel = channel_only(where)
    if channel is None or not order_counts.counts_whole_channels(actor):
        return None
    return functools.partial(order_counts.visible_count, actor, channel.name)


async def sourcing_plan_of(info: Info, result: RoutingPlan, skus: dict[int, str]) -> SourcingPlan:
    """A routing plan as GraphQL shows it; `skus` names the lines of its backorders."""
    loaders = info.context.loaders
    assignments = []
    for assignment in result.assignments:
        location = (
            await loaders.location_by_id.load(assignment.location_id)
            if assignment.location_id
            else None
        )
        vendor = (
            await loaders.vendor_by_id.load(assignment.vendor_id) if assignment.vendor_id else None
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
        SourcingLine(sku=skus[line_id], quantity=quantity)
        for line_id, quantity in sorted(result.backordered.items())
    ]
    return SourcingPlan(assignments=assignments, backorders=backorders)
