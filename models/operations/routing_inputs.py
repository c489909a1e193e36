"""What the routing engine reads as configuration (the settings, the active rules, the
active locations without their stock or capacity use), kept per process and loaded again
only when the database says it changed.

Database triggers give `config_version` a new version in the transaction of any write to
location, vendor, routing_rule or routing_settings (models.tables.ConfigVersion), whoever
writes. `order_routing.plan` reads that version in the statement it sends anyway (the
stock levels, with `version_column()`), so a change committed before a plan starts is
seen by that plan, in every process on every host, at no extra round trip. No broadcast
is needed: an idle process finds out at its next plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from tortoise.expressions import RawSQL

from models.operations.routing import (
    BackorderPolicy,
    active_rule_specs,
    current_settings,
    split_policy,
)
from models.rules.routing import CandidateLocation, GeoPoint, RuleSpec, SplitPolicy
from models.tables import ConfigVersion, Location

_VERSION_ROW = 1


@dataclass(frozen=True)
class DailyCapacity:
    most: int  # fulfillment orders a day
    time_zone: str  # whose calendar day counts


@dataclass(frozen=True)
class RoutingInputs:
    version: int | None  # what config_version said before any of the rest was read
    # Every active location, with `remaining_capacity` left unset: the plan fills it in
    # for those with a daily capacity, from the fulfillment orders of their day.
    locations: tuple[CandidateLocation, ...]
    daily_capacity: dict[int, DailyCapacity]  # location id -> its cap, for capped ones
    # location id -> every column of that active location, from which placement builds the
    # models of those it assigns to (Location.construct) instead of reading them again.
    location_rows: Mapping[int, Mapping[str, Any]]
    rules: tuple[RuleSpec, ...]
    policy: SplitPolicy
    acceptance_minutes: int
    backorders_allowed: bool


@dataclass
class _Kept:
    inputs: RoutingInputs | None = None


_kept = _Kept()


def version_column() -> RawSQL:
    """The current version as a column of any query (a scalar subquery): annotate the
    statement a use case sends anyway with it instead of asking separately."""
    return RawSQL(f'(SELECT "version" FROM "config_version" WHERE "id" = {_VERSION_ROW})')


async def current_version() -> int | None:
    """The version on its own, for when no other statement could carry it."""
    row = await ConfigVersion.filter(id=_VERSION_ROW).values_list("version", flat=True)
    return cast(list[int], row)[0] if row else None


async def routing_inputs(version: int | None) -> RoutingInputs:
    """The inputs as of `version`, which the caller has just read from the database: the
    kept ones when they are of that version, else loaded now.

    Loaded after the version was read, they are at least that new (at worst newer, and
    loaded again next time). A version seen inside a transaction that later rolls back,
    or in a database since emptied, is a random number (52 bits or more) that will not
    come again, so no later reader can take the inputs kept with it for its own.
    """
    kept = _kept.inputs
    if kept is not None and kept.version == version:
        return kept
    loaded = await _load(version)
    _kept.inputs = loaded
    return loaded


async def _load(version: int | None) -> RoutingInputs:
    settings = await current_settings()
    # Plain values: building model objects for every location costs more than planning
    # itself on a large network.
    rows = {row["id"]: row for row in await Location.filter(active=True).values()}
    return RoutingInputs(
        version=version,
        locations=tuple(
            CandidateLocation(
                id=location_id,
                code=row["code"],
                priority=row["priority"],
                point=GeoPoint(row["latitude"], row["longitude"])
                if row["latitude"] is not None
                else None,
                ships_orders=row["ships_orders"],
            )
            for location_id, row in rows.items()
        ),
        daily_capacity={
            location_id: DailyCapacity(row["daily_capacity"], row["time_zone"])
            for location_id, row in rows.items()
            if row["daily_capacity"] is not None
        },
        location_rows=rows,
        rules=tuple(await active_rule_specs()),
        policy=split_policy(settings),
        acceptance_minutes=settings.acceptance_minutes,
        backorders_allowed=settings.backorders == BackorderPolicy.ALLOW,
    )
