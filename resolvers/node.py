"""`node(id:)`: any object by its global id, within the caller's scope."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from strawberry.types import Info

from models.rules.scopes import READERS
from models.tables import Location as LocationRow
from models.tables import Product as ProductRow
from models.tables import Vendor as VendorRow
from resolvers.catalog import Product
from resolvers.common import Node
from resolvers.ids import decode_any
from resolvers.locations import Location, Vendor
from resolvers.permissions import allow

NodeResolver = Callable[[Info, int], Awaitable[Node | None]]
RESOLVERS: dict[str, NodeResolver] = {}


def node_type(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    """Register how `node(id:)` loads one type, scope checks included."""

    def register(resolver: NodeResolver) -> NodeResolver:
        RESOLVERS[type_name] = resolver
        return resolver

    return register


@node_type("Location")
async def _location(info: Info, pk: int) -> Node | None:
    row = await LocationRow.get_or_none(id=pk)
    return Location.of(row) if row else None


@node_type("Vendor")
async def _vendor(info: Info, pk: int) -> Node | None:
    row = await VendorRow.get_or_none(id=pk)
    return Vendor.of(row) if row else None


@node_type("Product")
async def _product(info: Info, pk: int) -> Node | None:
    row = await ProductRow.get_or_none(id=pk)
    return Product.of(row) if row else None


@strawberry.type
class NodeQueries:
    @strawberry.field(
        permission_classes=[allow(*READERS)],
        description="Any object by id; null when it does not exist or lies outside the scope.",
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        decoded = decode_any(id)
        if decoded is None or decoded[0] not in RESOLVERS:
            return None
        type_name, pk = decoded
        return await RESOLVERS[type_name](info, pk)
