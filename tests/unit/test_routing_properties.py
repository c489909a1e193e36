"""Routing engine, by property: promises that hold for any network, stock, rules and order.

The oracles below restate the routing promises (the package docstring of models.rules.routing)
directly, without the engine's code.
"""

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from models.rules.routing import (
    CandidateLocation,
    Destination,
    GeoPoint,
    LineDemand,
    RoutingAction,
    RoutingPlan,
    RoutingRequest,
    RuleSpec,
    SplitPolicy,
    great_circle_km,
    plan_routing,
)
from tests.support.hypothesis import examples

SKUS = ("A", "B", "C", "D", "E")
TAGS = ("bulky", "fragile")
VENDORS = (1, 2)
MISSING_LOCATION = 99  # referenced by rules and requests, absent from the network


@dataclass(frozen=True)
class Scenario:
    request: RoutingRequest
    locations: tuple[CandidateLocation, ...]
    available: dict[tuple[int, str], int]
    rules: tuple[RuleSpec, ...]
    settings: SplitPolicy

    def plan(self) -> RoutingPlan:
        return plan_routing(self.request, self.locations, self.available, self.rules, self.settings)


# Around the Twin Cities, so distances are a few to a few dozen kilometres.
points = st.builds(
    GeoPoint, st.floats(44.7, 45.1, allow_nan=False), st.floats(-93.5, -92.9, allow_nan=False)
)
mostly_true = st.sampled_from((True,) * 7 + (False,))


def condition(values: tuple[str, ...]) -> st.SearchStrategy[frozenset[str]]:
    """Mostly empty (matches anything), so that rules with several conditions still match."""
    some = st.frozensets(st.sampled_from(values), min_size=1, max_size=2)
    return st.sampled_from((True, True, False)).flatmap(
        lambda empty: st.just(frozenset()) if empty else some
    )


# Stock and quantities in the order Hypothesis tries first: plenty, then scarce.
STOCK = (5, 2, None, 8, 1, None, 3, 0, -1)
QUANTITIES = (1, 3, 2, 9, 0, 6)
# Where the question is whether to split: no location holds much, lines want more.
SCARCE_STOCK = (2, 1, 3, None, 4)
LARGE_QUANTITIES = (4, 3, 6, 5)


@st.composite
def scenarios(
    draw: st.DrawFn,
    distinct_skus: bool = False,
    pickup: bool = False,
    max_rules: int = 4,
    actions: tuple[RoutingAction, ...] = tuple(RoutingAction),
    stock: tuple[int | None, ...] = STOCK,
    quantities: tuple[int, ...] = QUANTITIES,
) -> Scenario:
    count = draw(st.integers(2, 7))
    ids = list(range(1, count + 1))
    locations = tuple(
        CandidateLocation(
            id=lid,
            code=f"LOC-{lid}",
            priority=draw(st.integers(1, 3)),
            point=draw(st.none() | points),
            active=draw(mostly_true),
            ships_orders=draw(mostly_true),
            remaining_capacity=draw(st.sampled_from((None, None, None, 0, 1, 3))),
        )
        for lid in ids
    )
    location_ids = st.sampled_from([*ids, MISSING_LOCATION])
    available = {
        (lid, sku): units
        for lid in [*ids, MISSING_LOCATION]
        for sku in SKUS
        if (units := draw(st.sampled_from(stock))) is not None
    }
    # A product has one set of tags, whichever lines order it.
    tags_of = {sku: draw(st.frozensets(st.sampled_from(TAGS), max_size=1)) for sku in SKUS}
    skus = draw(st.lists(st.sampled_from(SKUS), min_size=1, max_size=5, unique=distinct_skus))
    lines = tuple(
        LineDemand(line_id, sku, draw(st.sampled_from(quantities)), tags_of[sku])
        for line_id, sku in enumerate(skus, start=1)
    )
    rules = tuple(
        RuleSpec(
            id=rule_id,
            name=f"rule {rule_id}",
            priority=draw(st.integers(0, 3)),
            action=draw(st.sampled_from(actions)),
            skus=draw(condition(SKUS)),
            tags=draw(condition(TAGS)),
            channels=draw(condition(("web", "pos"))),
            destination_countries=draw(condition(("US", "CA"))),
            destination_regions=draw(condition(("MN", "WI"))),
            postal_code_prefixes=tuple(sorted(draw(condition(("55", "551", "554"))))),
            vendor_id=draw(st.sampled_from((None, *VENDORS))),
            location_ids=draw(st.frozensets(location_ids, max_size=3)),
        )
        for rule_id in range(1, draw(st.integers(0, max_rules)) + 1)
    )
    destination = Destination(
        country=draw(st.sampled_from((None, "US", "US", "CA"))),
        region=draw(st.sampled_from((None, "MN", "MN", "WI"))),
        postal_code=draw(st.sampled_from((None, "55401", "55102", "54701"))),
        point=draw(st.none() | points),
    )
    request = RoutingRequest(
        channel=draw(st.sampled_from(("web", "pos"))),
        destination=destination,
        lines=lines,
        pickup_location_id=draw(location_ids if pickup else st.none() | st.none() | location_ids),
        excluded_location_ids=draw(st.frozensets(location_ids, max_size=1)),
        excluded_vendor_ids=draw(st.frozensets(st.sampled_from(VENDORS), max_size=1)),
    )
    routing = SplitPolicy(max_splits=draw(st.integers(1, 4)), split_lines=draw(st.booleans()))
    return Scenario(request, locations, available, rules, routing)


# ------------------------------------------------------------------------ oracles


def matches(rule: RuleSpec, request: RoutingRequest, line: LineDemand) -> bool:
    dest = request.destination
    return (
        (not rule.skus or line.sku in rule.skus)
        and (not rule.tags or bool(rule.tags & line.tags))
        and (not rule.channels or request.channel in rule.channels)
        and (not rule.destination_countries or dest.country in rule.destination_countries)
        and (not rule.destination_regions or dest.region in rule.destination_regions)
        and (
            not rule.postal_code_prefixes
            or (
                dest.postal_code is not None
                and any(dest.postal_code.startswith(p) for p in rule.postal_code_prefixes)
            )
        )
    )


def matching(s: Scenario, line: LineDemand, action: RoutingAction) -> list[RuleSpec]:
    return [
        r
        for r in sorted(s.rules, key=lambda r: (r.priority, r.id))
        if r.action is action and matches(r, s.request, line)
    ]


def vendor_for(s: Scenario, line: LineDemand) -> int | None:
    for rule in matching(s, line, RoutingAction.DROP_SHIP):
        if rule.vendor_id is not None and rule.vendor_id not in s.request.excluded_vendor_ids:
            return rule.vendor_id
    return None


def stock_lines(s: Scenario) -> list[LineDemand]:
    return [ln for ln in s.request.lines if ln.quantity > 0 and vendor_for(s, ln) is None]


def may_ship(s: Scenario, line: LineDemand, location: CandidateLocation) -> bool:
    """The hard filters (active, ships orders or the pickup location, not rejected before, under
    capacity, SHIP_FROM and EXCLUDE rules), for one line at one location."""
    request = s.request
    if not location.active or location.id in request.excluded_location_ids:
        return False
    if location.remaining_capacity is not None and location.remaining_capacity <= 0:
        return False
    if request.pickup_location_id is not None:
        if location.id != request.pickup_location_id:
            return False
    elif not location.ships_orders:
        return False
    ship_from = matching(s, line, RoutingAction.SHIP_FROM)
    if ship_from and not any(location.id in r.location_ids for r in ship_from):
        return False
    return not any(location.id in r.location_ids for r in matching(s, line, RoutingAction.EXCLUDE))


def units(s: Scenario, location_id: int, sku: str) -> int:
    return max(s.available.get((location_id, sku), 0), 0)


def used_locations(plan: RoutingPlan) -> set[int]:
    return {a.location_id for a in plan.assignments if a.location_id is not None}


def stock_fills(plan: RoutingPlan) -> Iterator[tuple[int, int, str, int]]:
    """(location id, line id, sku, quantity) of every line planned from stock."""
    for a in plan.assignments:
        if a.location_id is not None:
            for p in a.lines:
                yield a.location_id, p.line_id, p.sku, p.quantity


def whole_somewhere(s: Scenario, line: LineDemand) -> bool:
    return any(
        may_ship(s, line, loc) and units(s, loc.id, line.sku) >= line.quantity
        for loc in s.locations
    )


# --------------------------------------------------------------------- properties


@given(scenarios())
def test_every_line_is_assigned_or_backordered_exactly(s: Scenario) -> None:
    plan = s.plan()

    for line in s.request.lines:
        missing = plan.backordered.get(line.line_id, 0)
        assert plan.assigned_quantity(line.line_id) + missing == line.quantity
    assert all(q > 0 for q in plan.backordered.values())


@given(scenarios())
def test_assignments_are_well_formed(s: Scenario) -> None:
    plan = s.plan()

    for a in plan.assignments:
        assert (a.location_id is None) != (a.vendor_id is None)
        assert a.lines and all(p.quantity > 0 for p in a.lines)
        assert a.reason
    locations = [a.location_id for a in plan.assignments if a.location_id is not None]
    vendors = [a.vendor_id for a in plan.assignments if a.vendor_id is not None]
    assert len(locations) == len(set(locations))
    assert len(vendors) == len(set(vendors))


@given(scenarios())
def test_never_assigns_more_than_available_at_a_location(s: Scenario) -> None:
    taken: dict[tuple[int, str], int] = {}
    for location_id, _, sku, quantity in stock_fills(s.plan()):
        taken[(location_id, sku)] = taken.get((location_id, sku), 0) + quantity

    for (location_id, sku), quantity in taken.items():
        assert quantity <= units(s, location_id, sku)


@given(scenarios())
def test_never_ships_from_more_locations_than_max_splits(s: Scenario) -> None:
    assert len(used_locations(s.plan())) <= s.settings.max_splits


@given(scenarios())
def test_drop_ship_lines_go_whole_to_their_vendor_and_never_use_stock(s: Scenario) -> None:
    plan = s.plan()
    by_vendor = {
        p.line_id: a.vendor_id for a in plan.assignments if a.vendor_id is not None for p in a.lines
    }
    from_stock = {line_id for _, line_id, _, _ in stock_fills(plan)}

    for line in s.request.lines:
        vendor = vendor_for(s, line) if line.quantity else None
        assert by_vendor.get(line.line_id) == vendor
        if vendor is not None:
            assert line.line_id not in from_stock
            assert plan.assigned_quantity(line.line_id) == line.quantity
    assert not set(by_vendor.values()) & s.request.excluded_vendor_ids


@settings(max_examples=examples(dev=80, ci=400), deadline=None)
@given(scenarios() | scenarios(actions=(RoutingAction.SHIP_FROM, RoutingAction.EXCLUDE)))
def test_only_locations_passing_every_hard_filter_ship(s: Scenario) -> None:
    lines = {line.line_id: line for line in s.request.lines}
    locations = {loc.id: loc for loc in s.locations}

    for location_id, line_id, _, _ in stock_fills(s.plan()):
        assert may_ship(s, lines[line_id], locations[location_id])


@given(scenarios(pickup=True))
def test_pickup_orders_take_stock_from_the_pickup_location_only(s: Scenario) -> None:
    assert used_locations(s.plan()) <= {s.request.pickup_location_id}


@settings(max_examples=examples(dev=80, ci=400), deadline=None)
@given(scenarios() | scenarios(max_rules=0, stock=SCARCE_STOCK, quantities=LARGE_QUANTITIES))
def test_a_line_is_split_only_when_allowed_and_no_location_holds_it_whole(s: Scenario) -> None:
    plan = s.plan()
    places: dict[int, set[int]] = {}
    for location_id, line_id, _, _ in stock_fills(plan):
        places.setdefault(line_id, set()).add(location_id)

    for line in s.request.lines:
        if len(places.get(line.line_id, ())) > 1:
            assert s.settings.split_lines
            assert not whole_somewhere(s, line)


@given(scenarios())
def test_a_location_holding_everything_ships_it_alone(s: Scenario) -> None:
    lines = stock_lines(s)
    wanted: dict[str, int] = {}
    for line in lines:
        wanted[line.sku] = wanted.get(line.sku, 0) + line.quantity
    can_fill_alone = lines and any(
        all(may_ship(s, line, loc) for line in lines)
        and all(units(s, loc.id, sku) >= q for sku, q in wanted.items())
        for loc in s.locations
    )
    if not can_fill_alone:
        return

    plan = s.plan()

    assert len(used_locations(plan)) == 1
    assert plan.backordered == {}


def covers(s: Scenario, lines: list[LineDemand], chosen: tuple[CandidateLocation, ...]) -> bool:
    """Whether `chosen` can ship every line in full (lines of distinct SKUs)."""
    for line in lines:
        allowed = [loc for loc in chosen if may_ship(s, line, loc)]
        if s.settings.split_lines and not whole_somewhere(s, line):
            if sum(units(s, loc.id, line.sku) for loc in allowed) < line.quantity:
                return False
        elif not any(units(s, loc.id, line.sku) >= line.quantity for loc in allowed):
            return False
    return True


def total_km(s: Scenario, chosen: tuple[CandidateLocation, ...] | list[CandidateLocation]) -> float:
    point = s.request.destination.point
    assert point is not None
    return sum(great_circle_km(loc.point, point) for loc in chosen if loc.point is not None)


@settings(max_examples=examples(dev=60, ci=300), deadline=None)
@given(scenarios(distinct_skus=True) | scenarios(distinct_skus=True, max_rules=0))
def test_fewest_locations_then_shortest_distance_when_everything_can_ship(s: Scenario) -> None:
    lines = stock_lines(s)
    if not lines:
        return
    smallest = None
    for size in range(1, s.settings.max_splits + 1):
        smallest = [c for c in itertools.combinations(s.locations, size) if covers(s, lines, c)]
        if smallest:
            break
    if not smallest:
        return

    plan = s.plan()

    used = [loc for loc in s.locations if loc.id in used_locations(plan)]
    assert plan.backordered == {}
    assert len(used) == len(smallest[0])
    # With every distance known and no preference in play, the total is the least possible.
    no_preference = not any(matching(s, line, RoutingAction.PREFER) for line in lines)
    if s.request.destination.point and all(loc.point for loc in s.locations) and no_preference:
        best = min(total_km(s, c) for c in smallest)
        assert total_km(s, used) <= best + 1e-6


@given(scenarios(), st.randoms(use_true_random=False))
def test_same_input_same_plan_in_any_order(s: Scenario, rng: random.Random) -> None:
    shuffled = replace(
        s,
        locations=tuple(rng.sample(s.locations, len(s.locations))),
        rules=tuple(rng.sample(s.rules, len(s.rules))),
        available=dict(rng.sample(list(s.available.items()), len(s.available))),
    )

    assert shuffled.plan() == s.plan()


def most_units(s: Scenario, lines: list[LineDemand], chosen: tuple[CandidateLocation, ...]) -> int:
    """The most units `chosen` can ship (lines of distinct SKUs): a line takes the sum of
    what the locations hold when it may be split, else what the best one holds."""
    total = 0
    for line in lines:
        held = [
            min(line.quantity, units(s, loc.id, line.sku))
            for loc in chosen
            if may_ship(s, line, loc)
        ]
        if s.settings.split_lines and not whole_somewhere(s, line):
            total += min(line.quantity, sum(held))
        else:
            total += max(held, default=0)
    return total


@settings(max_examples=examples(dev=60, ci=300), deadline=None)
@given(
    scenarios(distinct_skus=True)
    | scenarios(distinct_skus=True, max_rules=0, stock=SCARCE_STOCK, quantities=LARGE_QUANTITIES)
)
def test_most_units_then_fewest_locations_then_shortest_distance(s: Scenario) -> None:
    """Also when max_splits leaves some units to backorder: no set of locations within
    max_splits ships more, none as large ships as much with fewer, none is nearer."""
    lines = stock_lines(s)
    if not lines or s.request.pickup_location_id is not None:
        return
    by_size = {
        size: {c: most_units(s, lines, c) for c in itertools.combinations(s.locations, size)}
        for size in range(s.settings.max_splits + 1)
    }
    most = max(max(found.values(), default=0) for found in by_size.values())
    fewest = min(size for size, found in by_size.items() if most in found.values())

    plan = s.plan()

    used = [loc for loc in s.locations if loc.id in used_locations(plan)]
    assert sum(quantity for *_, quantity in stock_fills(plan)) == most
    assert len(used) == fewest
    no_preference = not any(matching(s, line, RoutingAction.PREFER) for line in lines)
    if s.request.destination.point and all(loc.point for loc in s.locations) and no_preference:
        best = min(total_km(s, c) for c, filled in by_size[fewest].items() if filled == most)
        assert total_km(s, used) <= best + 1e-6
