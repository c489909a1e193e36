"""Stock levels: reading them (scoped by location) and changing them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, TypeAlias

import strawberry
from strawberry.types import Info

from models.operations import inventory as ops
from models.operations.visibility import visible_inventory_levels
from models.rules import scopes
from models.rules.inventory import AdjustmentReason, available
from models.rules.scopes import Role
from models.tables import InventoryLevel as LevelRow
from models.tables import Product as ProductRow
from resolvers.common import UserError, fits, user_errors
from resolvers.ids import decode_id, decode_query_id
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor, forbidden

if TYPE_CHECKING:
    from resolvers.catalog import Product
    from resolvers.locations import Location

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(AdjustmentReason, name="InventoryAdjustmentReason")
AdjustmentReasonEnum: TypeAlias = AdjustmentReason
STOCK_KEEPERS = (Role.ADMIN, Role.STAFF)


@strawberry.type
class InventoryLevel:
    row: strawberry.Private[LevelRow]
    on_hand: int
    reserved: int = strawberry.field(description="Promised to open fulfillment orders.")
    safety_stock: int = strawberry.field(description="Kept back: never promised to orders.")
    available: int = strawberry.field(description="max(onHand - reserved - safetyStock, 0)")

    @classmethod
    def of(cls, row: LevelRow) -> InventoryLevel:
        return cls(
            row=row,
            on_hand=row.on_hand,
            reserved=row.reserved,
            safety_stock=row.safety_stock,
            available=available(row.on_hand, row.reserved, row.safety_stock),
        )

    @strawberry.field
    async def location(
        self, info: Info
    ) -> Annotated[Location, strawberry.lazy("resolvers.locations")]:
        from resolvers.locations import Location

        row = await info.context.loaders.location_by_id.load(self.row.location_id)
        return Location.of(row)

    @strawberry.field
    async def product(self, info: Info) -> Annotated[Product, strawberry.lazy("resolvers.catalog")]:
        from resolvers.catalog import Product

        row = await info.context.loaders.product_by_id.load(self.row.product_id)
        return Product.of(row)


def levels_of(rows: Sequence[LevelRow]) -> list[InventoryLevel]:
    return [InventoryLevel.of(row) for row in rows]


async def inventory_connection(
    info: Info, page: PageArgs, location_ids: Sequence[int] | None, sku: str | None
) -> Connection[InventoryLevel]:
    """Levels the actor may see, optionally narrowed to locations and a SKU."""
    qs = visible_inventory_levels(current_actor(info))
    if location_ids is not None:
        qs = qs.filter(location_id__in=list(location_ids))
    if sku is not None:
        qs = qs.filter(product__sku=sku) if fits(ProductRow, "sku", sku) else qs.filter(id__in=[])
    return await paginate(qs, page, levels_of)


@strawberry.type
class InventoryQueries:
    @strawberry.field(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.STAFF)],
        description="Stock levels; a STAFF key sees its own locations only.",
    )
    @paged
    async def inventory_levels(
        self,
        info: Info,
        location_id: strawberry.ID | None = None,
        sku: str | None = None,
        *,
        page: PageArgs,
    ) -> Connection[InventoryLevel]:
        location_ids = None
        if location_id is not None:
            pk = decode_query_id(location_id, "Location")
            if not scopes.may_see_location_stock(current_actor(info), pk):
                raise forbidden("this key may not see stock at that location")
            location_ids = [pk]
        return await inventory_connection(info, page, location_ids, sku)


@strawberry.input
class SetInventoryInput:
    location_id: strawberry.ID
    sku: str
    on_hand: int | None = strawberry.field(
        default=None, description="The counted quantity; null leaves it."
    )
    safety_stock: int | None = strawberry.field(default=None, description="null leaves it.")


@strawberry.input
class AdjustInventoryInput:
    location_id: strawberry.ID
    sku: str
    delta: int
    reason: AdjustmentReasonEnum
    note: str | None = None


@strawberry.type
class InventoryPayload:
    inventory_level: InventoryLevel | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _stock_location(info: Info, location_id: str) -> int:
    pk = decode_id(location_id, "Location", "locationId")
    if not scopes.may_change_location_stock(current_actor(info), pk):
        raise forbidden("this key may not change stock at that location")
    return pk


@strawberry.type
class InventoryMutations:
    @strawberry.mutation(
        permission_classes=[allow(*STOCK_KEEPERS)],
        description="Sets counted stock. Refused below 0 or below what is reserved. "
        "Creates the level when missing.",
    )
    @user_errors(InventoryPayload)
    async def set_inventory(self, info: Info, input: SetInventoryInput) -> InventoryPayload:
        change = await ops.set_inventory(
            _stock_location(info, input.location_id),
            input.sku,
            input.on_hand,
            input.safety_stock,
            current_actor(info),
        )
        return InventoryPayload(inventory_level=InventoryLevel.of(change.level))

    @strawberry.mutation(
        permission_classes=[allow(*STOCK_KEEPERS)],
        description="Adds delta to onHand, with a reason. Refused if onHand would drop below 0 "
        "or below reserved. Creates the level when missing.",
    )
    @user_errors(InventoryPayload)
    async def adjust_inventory(self, info: Info, input: AdjustInventoryInput) -> InventoryPayload:
        change = await ops.adjust_inventory(
            _stock_location(info, input.location_id),
            input.sku,
            input.delta,
            AdjustmentReason(input.reason),
            current_actor(info),
            note=input.note,
        )
        return InventoryPayload(inventory_level=InventoryLevel.of(change.level))
