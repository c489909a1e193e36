"""Routing rules and routing settings: set-up data, so only ADMIN changes them and only the
keys that see everything (ADMIN, VIEWER) read them."""

from __future__ import annotations

from typing import Any, TypeAlias

import strawberry
from strawberry.types import Info

from models.operations import routing as ops
from models.operations.routing import BackorderPolicy
from models.rules.routing import RoutingAction
from models.rules.scopes import ADMIN_ONLY, Role
from models.tables import RoutingRule as RoutingRuleRow
from models.tables import RoutingSettings as RoutingSettingsRow
from resolvers.common import Node, UserError, sent_fields, user_errors
from resolvers.ids import decode_id, encode_id
from resolvers.locations import Location, Vendor
from resolvers.node import node_type
from resolvers.permissions import allow, current_actor

SET_UP_READERS = (Role.ADMIN, Role.VIEWER)

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(
    RoutingAction,
    name="RoutingAction",
    description="DROP_SHIP sends matching lines to the rule's vendor; SHIP_FROM allows only "
    "the rule's locations; EXCLUDE removes its locations; PREFER breaks ties towards them.",
)
RoutingActionEnum: TypeAlias = RoutingAction
strawberry.enum(
    BackorderPolicy,
    name="BackorderPolicy",
    description="ALLOW places an order with what no location can fill as BACKORDERED; "
    "REJECT refuses it with a userError.",
)
BackorderPolicyEnum: TypeAlias = BackorderPolicy


@strawberry.type(
    description="Evaluated by ascending priority (then creation). Every condition given must "
    "match; an empty list matches anything."
)
class RoutingRule(Node):
    row: strawberry.Private[RoutingRuleRow]
    name: str
    priority: int = strawberry.field(description="Lower is evaluated first.")
    active: bool
    skus: list[str]
    tags: list[str] = strawberry.field(description="Matches a line whose product has any of them.")
    channels: list[str]
    destination_countries: list[str] = strawberry.field(description="ISO 3166-1 alpha-2.")
    destination_regions: list[str]
    postal_code_prefixes: list[str] = strawberry.field(
        description="Compared without spaces, ignoring case."
    )
    action: RoutingActionEnum

    @classmethod
    def of(cls, row: RoutingRuleRow) -> RoutingRule:
        return cls(
            id=encode_id("RoutingRule", row.pk),
            row=row,
            name=row.name,
            priority=row.priority,
            active=row.active,
            skus=list(row.skus),
            tags=list(row.tags),
            channels=list(row.channels),
            destination_countries=list(row.destination_countries),
            destination_regions=list(row.destination_regions),
            postal_code_prefixes=list(row.postal_code_prefixes),
            action=RoutingAction(row.action),
        )

    @strawberry.field(description="The supplier a DROP_SHIP rule sends lines to.")
    async def vendor(self, info: Info) -> Vendor | None:
        vendor_id: int | None = self.row.vendor_id
        if vendor_id is None:
            return None
        row = await info.context.loaders.vendor_by_id.load(vendor_id)
        return Vendor.of(row) if row else None

    @strawberry.field(description="The locations of a SHIP_FROM, EXCLUDE or PREFER rule.")
    async def locations(self, info: Info) -> list[Location]:
        rows = await info.context.loaders.location_by_id.load_many(self.row.location_ids)
        return [Location.of(row) for row in rows if row is not None]


@strawberry.type(description="The knobs of the sourcing engine and the order lifecycle.")
class RoutingSettings:
    max_splits: int = strawberry.field(description="The most locations one order ships from.")
    split_lines: bool = strawberry.field(
        description="Whether one line's quantity may ship from several locations."
    )
    acceptance_minutes: int = strawberry.field(
        description="How long an OPEN fulfillment order waits for acceptance before it is "
        "routed elsewhere."
    )
    backorders: BackorderPolicyEnum
    return_window_days: int = strawberry.field(
        description="Days after delivery during which a return may be requested."
    )
    pickup_hold_days: int = strawberry.field(
        description="Days a READY_FOR_PICKUP order waits at the counter (pickupExpiresAt) "
        "before it is cancelled and its stock returned."
    )

    @classmethod
    def of(cls, row: RoutingSettingsRow) -> RoutingSettings:
        return cls(
            max_splits=row.max_splits,
            split_lines=row.split_lines,
            acceptance_minutes=row.acceptance_minutes,
            backorders=BackorderPolicy(row.backorders),
            return_window_days=row.return_window_days,
            pickup_hold_days=row.pickup_hold_days,
        )


@node_type("RoutingRule")
async def _routing_rule(info: Info, pk: int) -> Node | None:
    # node(id:) is open to every reader; rules stay hidden from keys that may not list them.
    if current_actor(info).role not in SET_UP_READERS:
        return None
    row = await RoutingRuleRow.get_or_none(id=pk)
    return RoutingRule.of(row) if row else None


@strawberry.type
class RoutingQueries:
    @strawberry.field(
        permission_classes=[allow(*SET_UP_READERS)],
        description="Every rule, active or not, by ascending priority (then creation).",
    )
    async def routing_rules(self) -> list[RoutingRule]:
        return [RoutingRule.of(row) for row in await ops.rules_in_order()]

    @strawberry.field(permission_classes=[allow(*SET_UP_READERS)])
    async def routing_settings(self) -> RoutingSettings:
        return RoutingSettings.of(await ops.current_settings())


@strawberry.input
class CreateRoutingRuleInput:
    name: str
    action: RoutingActionEnum
    priority: int = ops.DEFAULT_PRIORITY
    active: bool = True
    skus: list[str] = strawberry.field(default_factory=list)
    tags: list[str] = strawberry.field(default_factory=list)
    channels: list[str] = strawberry.field(default_factory=list)
    destination_countries: list[str] = strawberry.field(
        default_factory=list, description="ISO 3166-1 alpha-2 codes."
    )
    destination_regions: list[str] = strawberry.field(default_factory=list)
    postal_code_prefixes: list[str] = strawberry.field(default_factory=list)
    vendor_id: strawberry.ID | None = strawberry.field(
        default=None, description="DROP_SHIP only, and required there."
    )
    location_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="SHIP_FROM, EXCLUDE and PREFER: at least one."
    )


@strawberry.input(
    description="Fields left out stay as they are. Changing the action means sending the "
    "vendorId and locationIds it needs in the same input."
)
class UpdateRoutingRuleInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    action: RoutingActionEnum | None = strawberry.UNSET
    priority: int | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET
    skus: list[str] | None = strawberry.UNSET
    tags: list[str] | None = strawberry.UNSET
    channels: list[str] | None = strawberry.UNSET
    destination_countries: list[str] | None = strawberry.UNSET
    destination_regions: list[str] | None = strawberry.UNSET
    postal_code_prefixes: list[str] | None = strawberry.UNSET
    vendor_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="null removes the vendor."
    )
    location_ids: list[strawberry.ID] | None = strawberry.UNSET


@strawberry.input
class DeleteRoutingRuleInput:
    id: strawberry.ID


@strawberry.input(description="Fields left out stay as they are.")
class UpdateRoutingSettingsInput:
    max_splits: int | None = strawberry.field(default=strawberry.UNSET, description="At least 1.")
    split_lines: bool | None = strawberry.UNSET
    acceptance_minutes: int | None = strawberry.field(
        default=strawberry.UNSET, description="At least 1."
    )
    backorders: BackorderPolicyEnum | None = strawberry.UNSET
    return_window_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="0 or more."
    )
    pickup_hold_days: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="1 to 90; applies to orders made ready for pickup from then on.",
    )


@strawberry.type
class RoutingRulePayload:
    routing_rule: RoutingRule | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeleteRoutingRulePayload:
    deleted_routing_rule_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RoutingSettingsPayload:
    routing_settings: RoutingSettings | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


def _rule_changes(data: CreateRoutingRuleInput | UpdateRoutingRuleInput) -> dict[str, Any]:
    """The sent fields as `models.operations.routing` takes them: global ids decoded."""
    changes = sent_fields(
        data,
        not_null=(
            "name",
            "action",
            "priority",
            "active",
            "skus",
            "tags",
            "channels",
            "destination_countries",
            "destination_regions",
            "postal_code_prefixes",
            "location_ids",
        ),
    )
    if changes.get("vendor_id") is not None:
        changes["vendor_id"] = decode_id(changes["vendor_id"], "Vendor", "vendorId")
    if "location_ids" in changes:
        changes["location_ids"] = [
            decode_id(i, "Location", "locationIds") for i in changes["location_ids"]
        ]
    return changes


@strawberry.type
class RoutingMutations:
    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(RoutingRulePayload)
    async def create_routing_rule(self, input: CreateRoutingRuleInput) -> RoutingRulePayload:
        changes = _rule_changes(input)
        row = await ops.create_rule(changes.pop("name"), changes.pop("action"), **changes)
        return RoutingRulePayload(routing_rule=RoutingRule.of(row))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(RoutingRulePayload)
    async def update_routing_rule(self, input: UpdateRoutingRuleInput) -> RoutingRulePayload:
        rule_id = decode_id(input.id, "RoutingRule")
        row = await ops.update_rule(rule_id, **_rule_changes(input))
        return RoutingRulePayload(routing_rule=RoutingRule.of(row))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(DeleteRoutingRulePayload)
    async def delete_routing_rule(self, input: DeleteRoutingRuleInput) -> DeleteRoutingRulePayload:
        rule_id = decode_id(input.id, "RoutingRule")
        await ops.delete_rule(rule_id)
        return DeleteRoutingRulePayload(deleted_routing_rule_id=encode_id("RoutingRule", rule_id))

    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(RoutingSettingsPayload)
    async def update_routing_settings(
        self, input: UpdateRoutingSettingsInput
    ) -> RoutingSettingsPayload:
        changes = sent_fields(
            input,
            exclude=(),
            # Every setting has a value: one may be left out, none set to null.
            not_null=tuple(sorted(ops.SETTINGS_FIELDS)),
        )
        row = await ops.update_settings(**changes)
        return RoutingSettingsPayload(routing_settings=RoutingSettings.of(row))
