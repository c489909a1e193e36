"""Returns: what comes back, where it was received, what was refunded."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, TypeAlias

import strawberry
from strawberry.types import Info

from models.rules import scopes
from models.rules.lifecycle import ReturnDisposition, ReturnStatus
from models.tables import Return as ReturnRow
from models.tables import ReturnLine as ReturnLineRow
from resolvers.common import Money, Node, money
from resolvers.ids import encode_id
from resolvers.locations import Location
from resolvers.permissions import current_actor

if TYPE_CHECKING:
    from resolvers.orders import Order, OrderLine

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(ReturnStatus, name="ReturnStatus")
ReturnStatusEnum: TypeAlias = ReturnStatus
strawberry.enum(ReturnDisposition, name="ReturnDisposition")
ReturnDispositionEnum: TypeAlias = ReturnDisposition


@strawberry.type
class ReturnLine:
    row: strawberry.Private[ReturnLineRow]
    id: strawberry.ID
    quantity: int
    reason: str | None
    disposition: ReturnDispositionEnum | None = strawberry.field(description="Set when received.")

    @classmethod
    def of(cls, row: ReturnLineRow) -> ReturnLine:
        return cls(
            row=row,
            id=encode_id("ReturnLine", row.pk),
            quantity=row.quantity,
            reason=row.reason,
            disposition=ReturnDisposition(row.disposition) if row.disposition else None,
        )

    @strawberry.field
    async def order_line(
        self, info: Info
    ) -> Annotated[OrderLine, strawberry.lazy("resolvers.orders")]:
        from resolvers.orders import OrderLine

        return OrderLine.of(
            await info.context.loaders.order_line_by_id.load(self.row.order_line_id)
        )


@strawberry.type
class Return(Node):
    row: strawberry.Private[ReturnRow]
    status: ReturnStatusEnum
    received_at: datetime | None
    refund_amount: Money | None
    created_at: datetime

    @classmethod
    def of(cls, row: ReturnRow, currency: str) -> Return:
        return cls(
            id=encode_id("Return", row.pk),
            row=row,
            status=ReturnStatus(row.status),
            received_at=row.received_at,
            refund_amount=money(row.refund_amount, currency),
            created_at=row.created_at,
        )

    @strawberry.field(
        description="The order it returns units of; null when the key may not see that "
        "order (scopes as `Query.order`). A STAFF key sees a walk-in return received at its "
        "location, and every line of it (the units are in its hands), but not the order of "
        "a customer its locations never served: the customer, address and other lines "
        "stay with the keys that may read the order."
    )
    async def order(
        self, info: Info
    ) -> Annotated[Order, strawberry.lazy("resolvers.orders")] | None:
        from resolvers.fulfillment import order_assignees
        from resolvers.orders import Order

        row = await info.context.loaders.order_by_id.load(self.row.order_id)
        assignees = await order_assignees(info, row.pk)
        if not scopes.may_see_order(current_actor(info), row.channel, assignees):
            return None
        return Order.of(row)

    @strawberry.field(
        description="A STAFF key sees the lines it fulfilled, and every line of a return "
        "received at one of its locations."
    )
    async def lines(self, info: Info) -> list[ReturnLine]:
        from resolvers.fulfillment import lines_worked_by

        actor = current_actor(info)
        received_at = self.row.received_location_id
        rows = await info.context.loaders.lines_by_return_id.load(self.row.pk)
        worked = await lines_worked_by(info, self.row.order_id) if rows else set()
        return [
            ReturnLine.of(row)
            for row in rows
            if scopes.may_see_return_line(actor, received_at, row.order_line_id in worked)
        ]

    @strawberry.field(description="Why an admin declined it; null unless DECLINED.")
    def decline_reason(self) -> str | None:
        return self.row.decline_reason

    @strawberry.field
    def refunded_at(self) -> datetime | None:
        return self.row.refunded_at

    @strawberry.field
    async def received_location(self, info: Info) -> Location | None:
        location_id = self.row.received_location_id
        if location_id is None:
            return None
        return Location.of(await info.context.loaders.location_by_id.load(location_id))
