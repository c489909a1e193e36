"""Locations and vendors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from models.operations import locations as ops
from models.operations.locations import AddressData, LocationKind
from models.rules import scopes
from models.rules.scopes import ADMIN_ONLY, READERS
from models.tables import Location as LocationRow
from models.tables import Vendor as VendorRow
from resolvers.common import (
    Address,
    AddressInput,
    Node,
    UserError,
    fits,
    sent_fields,
    user_errors,
)
from resolvers.config import server_config
from resolvers.ids import decode_id, decode_query_id, global_id_of
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor

if TYPE_CHECKING:
    from resolvers.inventory import InventoryLevel
    from resolvers.webhooks import WebhookDelivery

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(LocationKind, name="LocationKind")
LocationKindEnum: TypeAlias = LocationKind
R = TypeVar("R", LocationRow, VendorRow)


@strawberry.type
class Location(Node):
    pk: strawberry.Private[int]
    id: strawberry.ID = global_id_of("Location", lambda location: location.pk)
    code: str
    name: str
    kind: LocationKindEnum
    address: Address
    active: bool
    ships_orders: bool
    pickup_enabled: bool
    priority: int = strawberry.field(description="Lower is preferred when all else is equal.")
    daily_capacity: int | None = strawberry.field(
        description="The most fulfillment orders assigned to it per day, the day being its "
        "timeZone's calendar day; those rejected or cancelled are given back and do not "
        "count. Held under concurrent placements. Null is unlimited."
    )
    time_zone: str = strawberry.field(
        description="IANA time zone name (e.g. America/Chicago): whose calendar day "
        "dailyCapacity counts. UTC unless set."
    )

    @classmethod
    def of(cls, row: LocationRow) -> Location:
        return cls(
            pk=row.pk,
            code=row.code,
            name=row.name,
            kind=LocationKind(row.kind),
            address=Address.of(row),
            active=row.active,
            ships_orders=row.ships_orders,
            pickup_enabled=row.pickup_enabled,
            priority=row.priority,
            daily_capacity=row.daily_capacity,
            time_zone=row.time_zone,
        )

    @strawberry.field(description="Stock at this location. Empty for keys that may not see it.")
    @paged
    async def inventory(
        self,
        info: Info,
        page: PageArgs,
        sku: str | None = None,
    ) -> Connection[Annotated[InventoryLevel, strawberry.lazy("resolvers.inventory")]]:
        from resolvers.inventory import inventory_connection

        return await inventory_connection(info, page, location_ids=[self.pk], sku=sku)


@strawberry.type(description="A drop-ship supplier.")
class Vendor(Node):
    pk: strawberry.Private[int]
    id: strawberry.ID = global_id_of("Vendor", lambda vendor: vendor.pk)
    code: str
    name: str
    active: bool
    url: strawberry.Private[str | None]

    @classmethod
    def of(cls, row: VendorRow) -> Vendor:
        return cls(
            pk=row.pk,
            code=row.code,
            name=row.name,
            active=row.active,
            url=row.webhook_url,
        )

    @strawberry.field(
        description="Where assignments are POSTed, signed with the write-only webhookSecret. "
        "A URL may carry a token: null for keys other than ADMIN and the vendor's own."
    )
    def webhook_url(self, info: Info) -> str | None:
        return self.url if scopes.may_read_webhook_url(current_actor(info), self.pk) else None

    @strawberry.field(
        description="What was POSTed to webhookUrl, oldest first. Empty for keys other than "
        "ADMIN, VIEWER and the vendor's own."
    )
    @paged
    async def webhook_deliveries(
        self,
        info: Info,
        page: PageArgs,
    ) -> Connection[Annotated[WebhookDelivery, strawberry.lazy("resolvers.webhooks")]]:
        from resolvers.webhooks import webhook_deliveries_connection

        return await webhook_deliveries_connection(info, self.pk, page)


def locations_of(rows: list[LocationRow]) -> list[Location]:
    return [Location.of(row) for row in rows]


def vendors_of(rows: list[VendorRow]) -> list[Vendor]:
    return [Vendor.of(row) for row in rows]


@strawberry.type
class LocationQueries:
    @strawberry.field(permission_classes=[allow(*READERS)])
    @paged
    async def locations(
        self,
        page: PageArgs,
        active: bool | None = None,
    ) -> Connection[Location]:
        qs = LocationRow.all() if active is None else LocationRow.filter(active=active)
        return await paginate(qs, page, locations_of)

    @strawberry.field(
        permission_classes=[allow(*READERS)], description="By id or by code: exactly one."
    )
    async def location(
        self, id: strawberry.ID | None = None, code: str | None = None
    ) -> Location | None:
        row = await _one(LocationRow, "Location", id, code)
        return Location.of(row) if row else None

    @strawberry.field(permission_classes=[allow(*READERS)])
    @paged
    async def vendors(
        self,
        page: PageArgs,
    ) -> Connection[Vendor]:
        return await paginate(VendorRow.all(), page, vendors_of)

    @strawberry.field(
        permission_classes=[allow(*READERS)], description="By id or by code: exactly one."
    )
    async def vendor(
        self, id: strawberry.ID | None = None, code: str | None = None
    ) -> Vendor | None:
        row = await _one(VendorRow, "Vendor", id, code)
        return Vendor.of(row) if row else None


async def _one(model: type[R], type_name: str, id: str | None, code: str | None) -> R | None:
    if (id is None) == (code is None):
        raise GraphQLError("pass exactly one of id and code", extensions={"code": "BAD_USER_INPUT"})
    if id is not None:
        return await model.get_or_none(id=decode_query_id(id, type_name))
    assert code is not None  # exactly one of id and code, checked above
    if not fits(model, "code", code):
        return None
    return await model.get_or_none(code=code)


@strawberry.input
class CreateLocationInput:
    code: str
    name: str
    kind: LocationKindEnum
    address: AddressInput | None = None
    active: bool = True
    ships_orders: bool = True
    pickup_enabled: bool = False
    priority: int = 100
    daily_capacity: int | None = None
    time_zone: str = strawberry.field(
        default="UTC", description="IANA time zone name: whose day dailyCapacity counts."
    )


@strawberry.input
class UpdateLocationInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    kind: LocationKindEnum | None = strawberry.UNSET
    address: AddressInput | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET
    ships_orders: bool | None = strawberry.UNSET
    pickup_enabled: bool | None = strawberry.UNSET
    priority: int | None = strawberry.UNSET
    daily_capacity: int | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET


@strawberry.type
class LocationPayload:
    location: Location | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateVendorInput:
    code: str
    name: str
    active: bool = True
    webhook_url: str | None = None
    webhook_secret: str | None = strawberry.field(
        default=None, description="Write-only: signs webhook bodies; never returned."
    )


@strawberry.input
class UpdateVendorInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET
    webhook_url: str | None = strawberry.UNSET
    webhook_secret: str | None = strawberry.UNSET


@strawberry.type
class VendorPayload:
    vendor: Vendor | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _location_changes(data: CreateLocationInput | UpdateLocationInput) -> dict[str, Any]:
    changes = sent_fields(
        data,
        exclude=("id", "code"),
        not_null=(
            "name",
            "kind",
            "active",
            "ships_orders",
            "pickup_enabled",
            "priority",
            "time_zone",
        ),
    )
    if changes.get("address") is not None:
        changes["address"] = AddressData(**sent_fields(changes["address"], exclude=()))
    return changes


@strawberry.type
class LocationMutations:
    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(LocationPayload)
    async def create_location(self, input: CreateLocationInput) -> LocationPayload:
        row = await ops.create_location(input.code, **_location_changes(input))
        return LocationPayload(location=Location.of(row))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(LocationPayload)
    async def update_location(self, input: UpdateLocationInput) -> LocationPayload:
        row = await ops.update_location(decode_id(input.id, "Location"), **_location_changes(input))
        return LocationPayload(location=Location.of(row))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(VendorPayload)
    async def create_vendor(self, info: Info, input: CreateVendorInput) -> VendorPayload:
        row = await ops.create_vendor(
            allow_private=server_config(info).webhook_allow_private,
            **sent_fields(input, exclude=()),
        )
        return VendorPayload(vendor=Vendor.of(row))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(VendorPayload)
    async def update_vendor(self, info: Info, input: UpdateVendorInput) -> VendorPayload:
        changes = sent_fields(input, not_null=("name", "active"))
        row = await ops.update_vendor(
            decode_id(input.id, "Vendor"), server_config(info).webhook_allow_private, **changes
        )
        return VendorPayload(vendor=Vendor.of(row))
