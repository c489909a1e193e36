"""What the routing engine reads as configuration (the settings, the active rules, the
active locations without their stock or capacity use), kept per process and loaded again
only when the database says it changed (models.operations.config_version).

The version comes with the stock levels (`order_routing.stock_columns`), in the statement
a plan sends anyway (`order_routing.read_stock`, or placement's read of the products), so a
change committed before a plan's stock is read is seen by that plan, in every process on
every host, at no extra round trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.operations.config_version import Kept
from models.operations.routing import (
    BackorderPolicy,
    active_rule_specs,
    current_settings,
    split_policy,
)
from models.rules.routing import CandidateLocation, GeoPoint, RuleSpec, SplitPolicy
from models.tables import Location


@dataclass(frozen=True)
class DailyCapacity:
    most: int  # fulfillment orders a day
    time_zone: str  # whose calendar day counts


@dataclass(frozen=True)
class RoutingInputs:
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


async def routing_inputs(version: int | None) -> RoutingInputs:
    """The inputs as of `version`, which the caller has just read from the database."""
    return await _kept.at(version)


async def _load() -> RoutingInputs:
    settings = await current_settings()
    # Plain values: building model objects for every location costs more than planning
    # itself on a large network.
    rows = {row["id"]: row for row in await Location.filter(active=True).values()}
    return RoutingInputs(
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


_kept = Kept(_load)
