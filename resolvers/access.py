"""API keys and `viewer`: who is calling."""

from __future__ import annotations

from datetime import datetime
from typing import TypeAlias

import strawberry
from strawberry.types import Info

from models.operations import access as ops
from models.rules.scopes import ADMIN_ONLY, READERS, Role
from models.tables import ApiKey as ApiKeyRow
from resolvers.common import Node, UserError, user_errors
from resolvers.ids import decode_id, encode_id
from resolvers.locations import Location, Vendor
from resolvers.node import node_type
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(Role, name="Role")
RoleEnum: TypeAlias = Role


@strawberry.type(description="An API key. Its secret is shown once, by createApiKey.")
class ApiKey(Node):
    row: strawberry.Private[ApiKeyRow]
    name: str
    role: RoleEnum
    channel: str | None
    revoked: bool
    created_at: datetime

    @classmethod
    def of(cls, row: ApiKeyRow) -> ApiKey:
        return cls(
            id=encode_id("ApiKey", row.pk),
            row=row,
            name=row.name,
            role=Role(row.role),
            channel=row.channel,
            revoked=row.revoked_at is not None,
            created_at=row.created_at,
        )

    @strawberry.field
    async def locations(self, info: Info) -> list[Location]:
        rows = await info.context.loaders.location_by_id.load_many(self.row.location_ids)
        return [Location.of(row) for row in rows if row is not None]

    @strawberry.field
    async def vendor(self, info: Info) -> Vendor | None:
        if self.row.vendor_id is None:
            return None
        row = await info.context.loaders.vendor_by_id.load(self.row.vendor_id)
        return Vendor.of(row) if row else None


@strawberry.type(description="Who the API key is: its role and scope.")
class Viewer:
    name: str
    role: RoleEnum
    channel: str | None
    location_ids: strawberry.Private[list[int]]
    vendor_id: strawberry.Private[int | None]

    @strawberry.field(description="The locations a STAFF key works for.")
    async def locations(self, info: Info) -> list[Location]:
        rows = await info.context.loaders.location_by_id.load_many(self.location_ids)
        return [Location.of(row) for row in rows if row is not None]

    @strawberry.field(description="The vendor a VENDOR key acts for.")
    async def vendor(self, info: Info) -> Vendor | None:
        if self.vendor_id is None:
            return None
        row = await info.context.loaders.vendor_by_id.load(self.vendor_id)
        return Vendor.of(row) if row else None


@node_type("ApiKey")
async def _api_key(info: Info, pk: int) -> Node | None:
    # Only ADMIN lists API keys; for any other key one reads as null, like any out of scope.
    if current_actor(info).role not in ADMIN_ONLY:
        return None
    row = await ApiKeyRow.get_or_none(id=pk)
    return ApiKey.of(row) if row else None


def api_keys_of(rows: list[ApiKeyRow]) -> list[ApiKey]:
    return [ApiKey.of(row) for row in rows]


@strawberry.type
class AccessQueries:
    @strawberry.field(permission_classes=[allow(*READERS)])
    def viewer(self, info: Info) -> Viewer:
        actor = current_actor(info)
        return Viewer(
            name=actor.name,
            role=actor.role,
            channel=actor.channel,
            location_ids=sorted(actor.location_ids),
            vendor_id=actor.vendor_id,
        )

    @strawberry.field(permission_classes=[allow(*ADMIN_ONLY)])
    @paged
    async def api_keys(
        self,
        page: PageArgs,
    ) -> Connection[ApiKey]:
        return await paginate(ApiKeyRow.all(), page, api_keys_of)


@strawberry.input
class CreateApiKeyInput:
    name: str
    role: RoleEnum
    location_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="STAFF: the locations it works for."
    )
    vendor_id: strawberry.ID | None = strawberry.field(default=None, description="VENDOR only.")
    channel: str | None = strawberry.field(default=None, description="PARTNER only.")


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKey | None = None
    secret: str | None = strawberry.field(
        default=None, description="The key to send as Bearer. Shown this once; store it."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeApiKeyInput:
    id: strawberry.ID


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKey | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AccessMutations:
    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(CreateApiKeyPayload)
    async def create_api_key(self, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        row, secret = await ops.create_api_key(
            input.name,
            Role(input.role),
            location_ids=[decode_id(i, "Location", "locationIds") for i in input.location_ids],
            vendor_id=decode_id(input.vendor_id, "Vendor", "vendorId") if input.vendor_id else None,
            channel=input.channel,
        )
        return CreateApiKeyPayload(api_key=ApiKey.of(row), secret=secret)

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(RevokeApiKeyPayload)
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        row = await ops.revoke_api_key(decode_id(input.id, "ApiKey"))
        # Every process forgets the keys it verified before this answer leaves.
        await info.context.hub.announce(ops.API_KEYS_STREAM)
        return RevokeApiKeyPayload(api_key=ApiKey.of(row))
