"""Returns as queries and mutations: `returns`, `node(id:)` for a Return, and request,
approve, decline, receive, refund. Thin over models.operations.returns."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import strawberry
from strawberry.types import Info

from models.operations import returns as ops
from models.operations.visibility import visible_returns
from models.rules.lifecycle import ReturnDisposition
from models.rules.scopes import ADMIN_ONLY, Role
from models.tables import Order as OrderRow
from models.tables import Return as ReturnRow
from resolvers.common import Node, UserError, user_errors
from resolvers.ids import decode_id, decode_query_id
from resolvers.inventory import _stock_location
from resolvers.node import node_type
from resolvers.orders import order_in_scope
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor
from resolvers.returns import Return, ReturnDispositionEnum, ReturnStatusEnum

RETURN_READERS = (Role.ADMIN, Role.VIEWER, Role.PARTNER, Role.STAFF)


def returns_of(rows: Sequence[ReturnRow]) -> list[Return]:
    return [Return.of(row, row.order.currency) for row in rows]


@node_type("Return")
async def _return_node(info: Info, pk: int) -> Node | None:
    row = await visible_returns(current_actor(info)).filter(id=pk).prefetch_related("order").first()
    return Return.of(row, row.order.currency) if row else None


@strawberry.type
class ReturnQueries:
    @strawberry.field(
        permission_classes=[allow(*RETURN_READERS)],
        description="Returns, oldest first. ADMIN and VIEWER see all; PARTNER those of its "
        "channel's orders; STAFF those received at its locations, plus those still awaited "
        "(REQUESTED or APPROVED) for orders fulfilled at its locations. `orderId`: one "
        "order's, all of them (`Order.returns` shows the first few).",
    )
    @paged
    async def returns(
        self,
        info: Info,
        page: PageArgs,
        status: list[ReturnStatusEnum] | None = None,
        order_id: strawberry.ID | None = None,
    ) -> Connection[Return]:
        qs = visible_returns(current_actor(info))
        if order_id is not None:
            qs = qs.filter(order_id=decode_query_id(order_id, "Order"))
        if status:
            qs = qs.filter(status__in=[s.value for s in status])
        return await paginate(qs.prefetch_related("order"), page, returns_of, for_values=True)


@strawberry.type
class ReturnPayload:
    return_: Return | None = strawberry.field(default=None, name="return")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


async def _payload(row: ReturnRow) -> ReturnPayload:
    order = await OrderRow.get(id=row.order_id)
    return ReturnPayload(return_=Return.of(row, order.currency))


@strawberry.input
class RequestReturnLineInput:
    order_line_id: strawberry.ID
    quantity: int
    reason: str | None = None


@strawberry.input
class RequestReturnInput:
    order_id: strawberry.ID
    lines: list[RequestReturnLineInput]


@strawberry.input
class ApproveReturnInput:
    return_id: strawberry.ID


@strawberry.input
class DeclineReturnInput:
    return_id: strawberry.ID
    reason: str


@strawberry.input
class ReceiveReturnLineInput:
    return_line_id: strawberry.ID
    disposition: ReturnDispositionEnum


@strawberry.input
class ReceiveReturnInput:
    return_id: strawberry.ID
    location_id: strawberry.ID
    lines: list[ReceiveReturnLineInput] = strawberry.field(
        description="A disposition for every line of the return."
    )


@strawberry.input
class RefundReturnInput:
    return_id: strawberry.ID
    amount: Decimal = strawberry.field(
        description="In the order's currency; at most what was paid for the returned units."
    )


def _return_id(value: str) -> int:
    return decode_id(value, "Return", "returnId")


@strawberry.type
class ReturnMutations:
    @strawberry.mutation(
        permission_classes=[allow(Role.ADMIN, Role.PARTNER)],
        description="Asks to send back shipped units: at most what shipped, less what was "
        "returned or is on an open return, within the return window.",
    )
    @user_errors(ReturnPayload)
    async def request_return(self, info: Info, input: RequestReturnInput) -> ReturnPayload:
        order_id = await order_in_scope(info, input.order_id)
        lines = [
            ops.ReturnLineInput(
                decode_id(line.order_line_id, "OrderLine", "orderLineId"),
                line.quantity,
                line.reason,
            )
            for line in input.lines
        ]
        return await _payload(await ops.request_return(order_id, lines, current_actor(info)))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(ReturnPayload)
    async def approve_return(self, info: Info, input: ApproveReturnInput) -> ReturnPayload:
        row = await ops.approve_return(_return_id(input.return_id), current_actor(info))
        return await _payload(row)

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(ReturnPayload)
    async def decline_return(self, info: Info, input: DeclineReturnInput) -> ReturnPayload:
        row = await ops.decline_return(
            _return_id(input.return_id), input.reason, current_actor(info)
        )
        return await _payload(row)

    @strawberry.mutation(
        permission_classes=[allow(Role.ADMIN, Role.STAFF)],
        description="The units arrive at a location. RESTOCK adds them to onHand there and may "
        "fill backorders; DISPOSE writes them off. Either way returnedQuantity grows. A STAFF "
        "key receives only a return it may see (one awaited for an order it fulfilled) at one "
        "of its own locations, and only when it fulfilled every line of it; any other return "
        "is NOT_FOUND to it, as one that does not exist. Walk-in returns (units brought to a "
        "store that fulfilled none of them) are received by an ADMIN key naming that store.",
    )
    @user_errors(ReturnPayload)
    async def receive_return(self, info: Info, input: ReceiveReturnInput) -> ReturnPayload:
        location_id = _stock_location(info, input.location_id)
        receipts = [
            ops.Receipt(
                decode_id(line.return_line_id, "ReturnLine", "returnLineId"),
                ReturnDisposition(line.disposition),
            )
            for line in input.lines
        ]
        row = await ops.receive_return(
            _return_id(input.return_id), location_id, receipts, current_actor(info)
        )
        return await _payload(row)

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(ReturnPayload)
    async def refund_return(self, info: Info, input: RefundReturnInput) -> ReturnPayload:
        row = await ops.refund_return(
            _return_id(input.return_id), input.amount, current_actor(info)
        )
        return await _payload(row)
