"""pickList: what to take off a location's shelves for a set of fulfillment orders."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from models.errors import DomainError
from models.operations.picklist import MAX_FULFILLMENT_ORDERS, location_pick_list
from models.rules import scopes
from models.rules.limits import PICK_LIST_FIRST, PICK_LIST_FIRST_DEFAULT
from models.rules.picklist import PickLine
from models.rules.scopes import Role
from resolvers.common import first_of
from resolvers.ids import decode_query_id, encode_id
from resolvers.permissions import allow, current_actor, forbidden


@strawberry.type(description="One order's share of a pick list line.")
class PickListFulfillmentOrder:
    fulfillment_order_id: strawberry.ID
    order_number: str
    quantity: int


@strawberry.type(description="Units of one SKU to pick, and which orders they are for.")
class PickListLine:
    sku: str
    product_name: str
    quantity: int
    fulfillment_orders: list[PickListFulfillmentOrder] = strawberry.field(
        description=f"At most {MAX_FULFILLMENT_ORDERS}: a pick list's fulfillment orders."
    )

    @classmethod
    def of(cls, line: PickLine) -> PickListLine:
        return cls(
            sku=line.sku,
            product_name=line.product_name,
            quantity=line.quantity,
            fulfillment_orders=[
                PickListFulfillmentOrder(
                    fulfillment_order_id=encode_id("FulfillmentOrder", share.fulfillment_order_id),
                    order_number=share.order_number,
                    quantity=share.quantity,
                )
                for share in line.shares
            ],
        )


@strawberry.type
class PickList:
    all_lines: strawberry.Private[list[PickListLine]]

    @strawberry.field(
        description=f"Sorted by SKU: the first `first` ({PICK_LIST_FIRST.least}-"
        f"{PICK_LIST_FIRST.most}, default {PICK_LIST_FIRST_DEFAULT}); `skuCount` says how many "
        "there are. A list of more SKUs is picked in parts: ask for fewer fulfillmentOrderIds."
    )
    def lines(self, first: int = PICK_LIST_FIRST_DEFAULT) -> list[PickListLine]:
        return first_of(self.all_lines, first, PICK_LIST_FIRST)

    @strawberry.field(description="How many SKUs the whole list has.")
    def sku_count(self) -> int:
        return len(self.all_lines)


@strawberry.type
class PickListQueries:
    @strawberry.field(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.STAFF)],
        description="The units still to ship at a location for the given fulfillment orders "
        "(omitted: every ACCEPTED one there), summed by SKU with each order's share. STAFF "
        "keys only for their own locations; ids that are not that location's fulfillment "
        f"orders are refused (BAD_USER_INPUT) without saying which; at most "
        f"{MAX_FULFILLMENT_ORDERS}.",
    )
    async def pick_list(
        self,
        info: Info,
        location_id: strawberry.ID,
        fulfillment_order_ids: list[strawberry.ID] | None = None,
    ) -> PickList:
        location_pk = decode_query_id(location_id, "Location")
        if not scopes.may_see_fulfillment(current_actor(info), location_pk, None):
            raise forbidden("this key may not see that location's fulfillment orders")
        ids = None
        if fulfillment_order_ids is not None:
            ids = [decode_query_id(gid, "FulfillmentOrder") for gid in fulfillment_order_ids]
        try:
            lines = await location_pick_list(location_pk, ids)
        except DomainError as error:
            raise GraphQLError(
                error.message, extensions={"code": "BAD_USER_INPUT", "field": error.field}
            ) from None
        return PickList(all_lines=[PickListLine.of(line) for line in lines])
