"""What goes into the routing engine and what comes out of it: plain frozen values."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..geo import GeoPoint


class RoutingAction(StrEnum):
    DROP_SHIP = "DROP_SHIP"
    SHIP_FROM = "SHIP_FROM"
    EXCLUDE = "EXCLUDE"
    PREFER = "PREFER"


@dataclass(frozen=True)
class Destination:
    country: str | None = None  # ISO 3166-1 alpha-2, e.g. "US"
    region: str | None = None  # e.g. "MN"
    postal_code: str | None = None
    point: GeoPoint | None = None


@dataclass(frozen=True)
class CandidateLocation:
    id: int
    code: str
    priority: int  # lower preferred when all else equal
    point: GeoPoint | None = None
    active: bool = True
    ships_orders: bool = True
    remaining_capacity: int | None = None  # fulfillment orders it may still take today


@dataclass(frozen=True)
class RuleSpec:
    """An active routing rule; an empty condition matches anything."""

    id: int
    name: str
    priority: int  # evaluated by ascending priority (then id)
    action: RoutingAction
    skus: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    destination_countries: frozenset[str] = frozenset()
    destination_regions: frozenset[str] = frozenset()
    postal_code_prefixes: tuple[str, ...] = ()
    vendor_id: int | None = None  # DROP_SHIP
    vendor_code: str | None = None  # for readable reasons
    location_ids: frozenset[int] = frozenset()  # SHIP_FROM / EXCLUDE / PREFER


@dataclass(frozen=True)
class LineDemand:
    line_id: int
    sku: str
    quantity: int
    tags: frozenset[str] = frozenset()  # the product's tags

    def __post_init__(self) -> None:
        if self.quantity < 0:
            raise ValueError(f"line {self.line_id}: quantity must not be negative")


@dataclass(frozen=True)
class RoutingRequest:
    channel: str
    destination: Destination
    lines: tuple[LineDemand, ...]
    # PICKUP orders: non-drop-ship lines go to this location or are backordered.
    pickup_location_id: int | None = None
    # Locations that rejected this order before.
    excluded_location_ids: frozenset[int] = frozenset()
    # Vendors that rejected this order before: their DROP_SHIP rules are skipped for it.
    excluded_vendor_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SplitPolicy:
    """The routing settings the engine reads: how far one order may be split."""

    max_splits: int = 3  # the most LOCATIONS (not vendors) one order's stock lines may use
    split_lines: bool = True  # whether one line's quantity may be split across locations

    def __post_init__(self) -> None:
        if self.max_splits < 1:
            raise ValueError("max_splits must be at least 1")


@dataclass(frozen=True)
class PlannedLine:
    line_id: int
    sku: str
    quantity: int


@dataclass(frozen=True)
class Assignment:
    lines: tuple[PlannedLine, ...]
    reason: str  # readable: the rule or criterion that chose it, and the runners-up
    location_id: int | None = None
    vendor_id: int | None = None  # exactly one of location_id / vendor_id is set


@dataclass(frozen=True)
class RoutingPlan:
    assignments: tuple[Assignment, ...]
    backordered: Mapping[int, int]  # line_id -> quantity nobody can fill (only > 0)

    def assigned_quantity(self, line_id: int) -> int:
        return sum(
            planned.quantity
            for assignment in self.assignments
            for planned in assignment.lines
            if planned.line_id == line_id
        )
