"""The order mutations: placing an order, cancelling it or some of its lines, holds."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from models.errors import not_found
from models.operations import order_actions, order_edits, order_updates, placement
from models.operations.order_actions import LineCancellation
from models.rules import scopes
from models.rules.lifecycle import CancelReason, HoldReason
from models.rules.scopes import Role
from models.tables import Order as OrderRow
from resolvers.common import user_errors
from resolvers.ids import decode_id
from resolvers.orders.inputs import (
    CancelOrderInput,
    CancelOrderLinesInput,
    EditOrderInput,
    HoldOrderInput,
    PlaceOrderInput,
    ReleaseOrderHoldInput,
    UpdateOrderInput,
    order_edit,
    order_input,
    order_update,
)
from resolvers.orders.types import CancelOrderPayload, Order, OrderPayload, PlaceOrderPayload
from resolvers.permissions import allow, current_actor, forbidden

ORDER_TAKERS = (Role.ADMIN, Role.PARTNER)


async def order_in_scope(info: Info, order_id: str) -> int:
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
        placed = await placement.place_order(order_input(info, input), current_actor(info))
        loaders = info.context.loaders
        loaders.order_by_id.prime(placed.order.id, placed.order)
        if placed.lines is not None:
            loaders.lines_by_order_id.prime(placed.order.id, list(placed.lines))
            loaders.order_line_by_id.prime_many({line.id: line for line in placed.lines})
        if placed.fulfillment_orders is not None:
            loaders.fulfillment_orders_by_order_id.prime(
                placed.order.id, list(placed.fulfillment_orders)
            )
        loaders.location_by_id.prime_many({loc.id: loc for loc in placed.locations})
        return PlaceOrderPayload(order=Order.of(placed.order))

    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Cancels everything not yet shipped; allowed until something ships.",
    )
    @user_errors(CancelOrderPayload)
    async def cancel_order(self, info: Info, input: CancelOrderInput) -> CancelOrderPayload:
        pk = await order_in_scope(info, input.order_id)
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
        pk = await order_in_scope(info, input.order_id)
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
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Holds the order (allowed until something ships): it keeps its "
        "reservations, assignees cannot accept, pack or ship it, and nothing is routed for it "
        "until releaseOrderHold. A PARTNER key holds its own channel's orders (payment "
        "pending, fraud review). Assignees that accepted work hear HELD.",
    )
    @user_errors(OrderPayload)
    async def hold_order(self, info: Info, input: HoldOrderInput) -> OrderPayload:
        pk = await order_in_scope(info, input.order_id)
        row = await order_actions.hold_order(
            pk, HoldReason(input.reason), input.note, current_actor(info)
        )
        return OrderPayload(order=Order.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Releases the holds, then routes. A PARTNER key releases the holds PARTNER "
        "keys placed on its channel's orders; an admin's hold stays until an ADMIN key "
        "releases it (INVALID_TRANSITION when only such holds are open).",
    )
    @user_errors(OrderPayload)
    async def release_order_hold(self, info: Info, input: ReleaseOrderHoldInput) -> OrderPayload:
        row = await order_actions.release_hold(
            await order_in_scope(info, input.order_id), current_actor(info)
        )
        return OrderPayload(order=Order.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Changes the customer, shipping address (both until something ships), "
        "note, tags or metadata. A new address routes the work nobody accepted yet again; "
        "fixing it, then releasing an INCORRECT_ADDRESS hold, is the way to correct an address.",
    )
    @user_errors(OrderPayload)
    async def update_order(self, info: Info, input: UpdateOrderInput) -> OrderPayload:
        pk = await order_in_scope(info, input.order_id)
        row = await order_updates.update_order(pk, order_update(input), current_actor(info))
        return OrderPayload(order=Order.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ORDER_TAKERS)],
        description="Adds lines and sets quantities in one transaction (see EditOrderInput). "
        "Allowed until the order is shipped in full; currentSubtotal follows, subtotal stays "
        "the amount as placed.",
    )
    @user_errors(OrderPayload)
    async def edit_order(self, info: Info, input: EditOrderInput) -> OrderPayload:
        pk = await order_in_scope(info, input.order_id)
        edited = await order_edits.edit_order(pk, order_edit(input), current_actor(info))
        return OrderPayload(order=Order.of(edited.order))
