"""Routing engine, by example: small hand-made networks around Minneapolis / St. Paul."""

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import pytest

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

MSP_DOWNTOWN = GeoPoint(44.9778, -93.2650)
STP_DOWNTOWN = GeoPoint(44.9537, -93.0900)
MSP = CandidateLocation(1, "MSP-01", priority=10, point=MSP_DOWNTOWN)
STP = CandidateLocation(2, "STP-01", priority=10, point=STP_DOWNTOWN)
EAGAN = CandidateLocation(3, "WH-EAGAN", priority=50, point=GeoPoint(44.8041, -93.1669))
TWIN_CITIES = (MSP, STP, EAGAN)

# Customers: 0.5 km from MSP-01; 1.1 km from STP-01; 11 km from WH-EAGAN, 15 km from MSP-01;
# 9.1 km from MSP-01 and 7.8 km from STP-01.
MINNEAPOLIS = Destination("US", "MN", "55401", GeoPoint(44.9800, -93.2700))
ST_PAUL = Destination("US", "MN", "55102", GeoPoint(44.9440, -93.0930))
BLOOMINGTON = Destination("US", "MN", "55420", GeoPoint(44.8408, -93.2983))
ROSEVILLE = Destination("US", "MN", "55113", GeoPoint(45.0061, -93.1566))

DEFAULTS = SplitPolicy()


def stock(**by_location: Mapping[str, int]) -> dict[tuple[int, str], int]:
    """stock(MSP={"A": 2}) -> {(1, "A"): 2}, keyed by the location's code-ish name."""
    ids = {"MSP": MSP.id, "STP": STP.id, "EAGAN": EAGAN.id}
    return {
        (ids[name], sku): units for name, skus in by_location.items() for sku, units in skus.items()
    }


def order(
    *lines: tuple[str, int] | LineDemand,
    to: Destination = MINNEAPOLIS,
    pickup_location_id: int | None = None,
    excluded_location_ids: frozenset[int] = frozenset(),
    excluded_vendor_ids: frozenset[int] = frozenset(),
) -> RoutingRequest:
    """Lines given as (sku, quantity) are numbered 1, 2, ... in order."""
    demand = tuple(
        line if isinstance(line, LineDemand) else LineDemand(n, line[0], line[1])
        for n, line in enumerate(lines, start=1)
    )
    return RoutingRequest(
        "web", to, demand, pickup_location_id, excluded_location_ids, excluded_vendor_ids
    )


def route(
    request: RoutingRequest,
    available: Mapping[tuple[int, str], int],
    *,
    locations: Sequence[CandidateLocation] = TWIN_CITIES,
    rules: Sequence[RuleSpec] = (),
    settings: SplitPolicy = DEFAULTS,
) -> RoutingPlan:
    return plan_routing(request, locations, available, rules, settings)


def where(plan: RoutingPlan) -> dict[int, dict[str, int]]:
    """location id -> {sku: units}, for the stock assignments."""
    found: dict[int, dict[str, int]] = {}
    for assignment in plan.assignments:
        if assignment.location_id is not None:
            skus = found.setdefault(assignment.location_id, {})
            for line in assignment.lines:
                skus[line.sku] = skus.get(line.sku, 0) + line.quantity
    return found


def reason_of(plan: RoutingPlan, location: CandidateLocation) -> str:
    return next(a.reason for a in plan.assignments if a.location_id == location.id)


# ------------------------------------------------------------------------- geometry


def test_great_circle_between_the_downtowns() -> None:
    assert great_circle_km(MSP_DOWNTOWN, STP_DOWNTOWN) == pytest.approx(14.03, abs=0.01)
    assert great_circle_km(STP_DOWNTOWN, MSP_DOWNTOWN) == pytest.approx(
        great_circle_km(MSP_DOWNTOWN, STP_DOWNTOWN)
    )


def test_great_circle_edge_cases() -> None:
    here = GeoPoint(44.9778, -93.2650)
    assert great_circle_km(here, here) == 0.0
    # Half the circumference of the mean sphere, without a domain error from rounding.
    assert great_circle_km(GeoPoint(0, 0), GeoPoint(0, 180)) == pytest.approx(20015.1, abs=0.1)
    assert great_circle_km(GeoPoint(90, 0), GeoPoint(-90, 0)) == pytest.approx(20015.1, abs=0.1)
    # Across the antimeridian: Fiji to Samoa is about 1,150 km, not 39,000.
    assert great_circle_km(GeoPoint(-18.1, 178.4), GeoPoint(-13.8, -171.8)) < 1200


# ------------------------------------------------------------------ one location


def test_nearest_location_holding_everything_fills_the_order() -> None:
    available = stock(
        MSP={"A": 5, "B": 5, "C": 5}, STP={"A": 5, "B": 5, "C": 5}, EAGAN={"A": 9, "B": 9}
    )
    request = order(("A", 1), ("B", 2), ("C", 1))

    plan = route(request, available)

    assert where(plan) == {MSP.id: {"A": 1, "B": 2, "C": 1}}
    assert plan.backordered == {}
    assert reason_of(plan, MSP) == (
        "MSP-01 fills all 3 lines alone, 0.5 km away; "
        "runners-up: STP-01 (can fill, 14.5 km), WH-EAGAN (lacks C, 21.2 km)"
    )
    assert where(route(order(("A", 1), ("B", 2), ("C", 1), to=ST_PAUL), available)) == {
        STP.id: {"A": 1, "B": 2, "C": 1}
    }


def test_one_location_beats_a_nearer_split() -> None:
    # MSP-01 is 0.5 km from the customer but lacks C; STP-01 holds everything, 14 km away.
    available = stock(MSP={"A": 5, "B": 5}, STP={"A": 1, "B": 2, "C": 1}, EAGAN={"C": 9})

    plan = route(order(("A", 1), ("B", 2), ("C", 1)), available)

    assert where(plan) == {STP.id: {"A": 1, "B": 2, "C": 1}}
    assert "STP-01 fills all 3 lines alone, 14.5 km away" in reason_of(plan, STP)
    assert "MSP-01 (lacks C, 0.5 km)" in reason_of(plan, STP)


def test_runners_up_are_capped_at_three() -> None:
    locations = [
        CandidateLocation(10 + n, f"ST-{n}", 10, GeoPoint(44.97 - n / 100, -93.27))
        for n in range(6)
    ]
    available = {(loc.id, "A"): 3 for loc in locations}

    plan = route(order(("A", 1)), available, locations=locations)

    reason = plan.assignments[0].reason
    assert reason.startswith("ST-0 fills 1 x A alone")
    assert reason.count("(can fill") == 3
    assert "ST-4" not in reason


# --------------------------------------------------------------------- splits


def test_split_across_the_fewest_locations() -> None:
    available = stock(MSP={"A": 5, "B": 5}, STP={"C": 5}, EAGAN={"A": 5})

    plan = route(order(("A", 1), ("B", 1), ("C", 1)), available)

    assert where(plan) == {MSP.id: {"A": 1, "B": 1}, STP.id: {"C": 1}}
    assert "ships from 2 locations" in reason_of(plan, MSP)
    assert reason_of(plan, STP).startswith("STP-01 ships C, 14.5 km away")


def test_split_prefers_the_shorter_total_distance() -> None:
    # From Bloomington both {WH-EAGAN, MSP-01} and {STP-01, MSP-01} cover the order with two
    # locations; the warehouse is nearer than STP-01 (11 km against 21 km).
    available = stock(MSP={"A": 5}, STP={"B": 5}, EAGAN={"B": 5})

    plan = route(order(("A", 1), ("B", 1), to=BLOOMINGTON), available)

    assert where(plan) == {MSP.id: {"A": 1}, EAGAN.id: {"B": 1}}
    assert "STP-01 (can fill, 20.7 km)" in reason_of(plan, EAGAN)


def test_fewest_locations_beats_total_distance() -> None:
    # Three nearby stores could ship one line each; one far warehouse plus one store ships
    # everything in two.
    locations = [
        *TWIN_CITIES,
        CandidateLocation(4, "ST-ROSEVILLE", 10, GeoPoint(45.0061, -93.1566)),
        CandidateLocation(5, "WH-DULUTH", 50, GeoPoint(46.7867, -92.1005)),
    ]
    available = {(1, "A"): 1, (2, "B"): 1, (4, "C"): 1, (5, "A"): 1, (5, "B"): 1}

    plan = route(order(("A", 1), ("B", 1), ("C", 1), to=ROSEVILLE), available, locations=locations)

    assert set(where(plan)) == {4, 5}


def test_max_splits_backorders_what_would_need_another_location() -> None:
    available = stock(MSP={"A": 5}, STP={"B": 5}, EAGAN={"C": 5})
    settings = SplitPolicy(max_splits=2)

    plan = route(order(("A", 1), ("B", 1), ("C", 4)), available, settings=settings)

    # The warehouse's C is worth more units than either store's line.
    assert where(plan) == {EAGAN.id: {"C": 4}, MSP.id: {"A": 1}}
    assert plan.backordered == {2: 1}
    assert "may ship from at most 2 locations" in reason_of(plan, MSP)


def test_max_splits_of_one_takes_the_location_filling_most() -> None:
    available = stock(MSP={"A": 1}, STP={"A": 1, "B": 3}, EAGAN={"C": 1})

    plan = route(order(("A", 1), ("B", 3), ("C", 1)), available, settings=SplitPolicy(1))

    assert where(plan) == {STP.id: {"A": 1, "B": 3}}
    assert plan.backordered == {3: 1}


@pytest.mark.parametrize("split_lines", [True, False])
def test_max_splits_counts_what_a_location_holds_short_of_a_line(split_lines: bool) -> None:
    # WH-EAGAN holds all 3 A, so A is not split. Yet MSP-01's 2 A with its D and E, plus
    # STP-01's F and G, fill 6 units of 7, where WH-EAGAN's 3 A with MSP-01 fill 5.
    available = stock(MSP={"A": 2, "D": 1, "E": 1}, STP={"F": 1, "G": 1}, EAGAN={"A": 3})
    settings = SplitPolicy(max_splits=2, split_lines=split_lines)
    request = order(("A", 3), ("D", 1), ("E", 1), ("F", 1), ("G", 1))

    plan = route(request, available, settings=settings)

    assert where(plan) == {MSP.id: {"A": 2, "D": 1, "E": 1}, STP.id: {"F": 1, "G": 1}}
    assert plan.backordered == {1: 1}


def test_when_max_splits_backorders_the_nearest_locations_filling_as_much_win() -> None:
    # Every pair ships 3 of the 4 units. Only WH-EAGAN holds both H, but the nearest pair,
    # MSP-01 + STP-01, ships as many: 1 H is backordered instead of F.
    available = stock(MSP={"G": 1, "H": 1}, STP={"F": 1}, EAGAN={"H": 2})
    settings = SplitPolicy(max_splits=2, split_lines=False)

    plan = route(order(("F", 1), ("G", 1), ("H", 2)), available, settings=settings)

    assert where(plan) == {MSP.id: {"G": 1, "H": 1}, STP.id: {"F": 1}}
    assert plan.backordered == {3: 1}


def test_a_cover_within_max_splits_is_found_where_the_greedy_misses_it() -> None:
    # Nearest first: ST-6, ST-4, ST-7, ST-8, ST-5. Taking most first (ST-6's E and 3 H,
    # or ST-8's F and 3 H) leaves a line short; only ST-5 + ST-7 + ST-8 ship everything.
    network = tuple(
        CandidateLocation(lid, f"ST-{lid}", priority=10, point=GeoPoint(44.98 - km / 111, -93.27))
        for lid, km in ((6, 1), (4, 2), (7, 3), (8, 4), (5, 5))
    )
    available = {
        **{(4, sku): 1 for sku in "BCD"},
        **{(5, sku): 1 for sku in "BDE"},
        **{(6, "E"): 1, (6, "H"): 3, (8, "F"): 1, (8, "H"): 3},
        **{(7, sku): 1 for sku in "ACG"},
    }
    request = order(*((sku, 1) for sku in "ABCDEFG"), ("H", 3))

    plan = route(request, available, locations=network)

    assert set(where(plan)) == {5, 7, 8}
    assert plan.backordered == {}


def test_a_line_is_split_only_when_no_location_holds_it_whole() -> None:
    available = stock(MSP={"A": 6}, STP={"A": 5}, EAGAN={"A": 2})

    plan = route(order(("A", 10)), available)

    # Nearest first: MSP-01 gives all it has, STP-01 the rest.
    assert where(plan) == {MSP.id: {"A": 6}, STP.id: {"A": 4}}
    assert plan.backordered == {}
    assert reason_of(plan, MSP).startswith("MSP-01 ships A (6 of 10), 0.5 km away")


def test_a_line_some_location_holds_whole_is_not_split() -> None:
    # MSP-01 + STP-01 are nearer, but WH-EAGAN holds all 5 units, so the line goes there.
    available = stock(MSP={"A": 4}, STP={"A": 4}, EAGAN={"A": 5})

    plan = route(order(("A", 5)), available)

    assert where(plan) == {EAGAN.id: {"A": 5}}


def test_split_lines_off_ships_what_one_location_has() -> None:
    available = stock(MSP={"A": 6}, STP={"A": 5})
    settings = SplitPolicy(split_lines=False)

    plan = route(order(("A", 10)), available, settings=settings)

    assert where(plan) == {MSP.id: {"A": 6}}
    assert plan.backordered == {1: 4}
    assert plan.assigned_quantity(1) == 6
    assert "no eligible location holds the rest" in reason_of(plan, MSP)


def test_a_split_line_is_completed_by_the_nearest_location_that_can() -> None:
    # After MSP-01's 6 units, 4 remain: STP-01 (14 km) has 4; WH-EAGAN (21 km) has 9.
    available = stock(MSP={"A": 6}, STP={"A": 4}, EAGAN={"A": 9})

    plan = route(order(("A", 10), ("B", 1)), {**available, (1, "B"): 1})

    assert where(plan) == {MSP.id: {"A": 6, "B": 1}, STP.id: {"A": 4}}


def test_lines_of_one_sku_share_its_stock() -> None:
    available = stock(MSP={"A": 3}, STP={"A": 4})

    plan = route(order(("A", 2), ("A", 2)), available)

    assert where(plan) == {STP.id: {"A": 4}}


# --------------------------------------------------------------- tie-breakers


def test_prefer_rule_beats_distance() -> None:
    available = stock(MSP={"A": 5}, STP={"A": 5}, EAGAN={"A": 5})
    rule = RuleSpec(
        7,
        "Warehouse first in MN",
        5,
        RoutingAction.PREFER,
        destination_regions=frozenset({"MN"}),
        location_ids=frozenset({EAGAN.id}),
    )

    plan = route(order(("A", 1)), available, rules=[rule])

    assert where(plan) == {EAGAN.id: {"A": 1}}
    reason = reason_of(plan, EAGAN)
    assert "21.2 km away, preferred by rule 'Warehouse first in MN'" in reason
    assert "MSP-01 (can fill, 0.5 km, not preferred)" in reason


def test_prefer_rule_that_does_not_match_changes_nothing() -> None:
    available = stock(MSP={"A": 5}, EAGAN={"A": 5})
    rule = RuleSpec(
        7,
        "Warehouse first in WI",
        5,
        RoutingAction.PREFER,
        destination_regions=frozenset({"WI"}),
        location_ids=frozenset({EAGAN.id}),
    )

    assert where(route(order(("A", 1)), available, rules=[rule])) == {MSP.id: {"A": 1}}


def test_prefer_rule_decides_between_splits_of_equal_size() -> None:
    available = stock(MSP={"A": 5, "B": 5}, STP={"C": 5}, EAGAN={"C": 5})
    rule = RuleSpec(
        7,
        "C from the warehouse",
        5,
        RoutingAction.PREFER,
        skus=frozenset({"C"}),
        location_ids=frozenset({EAGAN.id}),
    )

    plan = route(order(("A", 1), ("B", 1), ("C", 1)), available, rules=[rule])

    assert where(plan) == {MSP.id: {"A": 1, "B": 1}, EAGAN.id: {"C": 1}}


def test_unknown_distance_sorts_after_any_known_one() -> None:
    nowhere = CandidateLocation(9, "AAA-NO-GPS", priority=1)
    available = {(9, "A"): 5, (EAGAN.id, "A"): 5}

    plan = route(order(("A", 1)), available, locations=[nowhere, EAGAN])

    assert where(plan) == {EAGAN.id: {"A": 1}}
    assert "AAA-NO-GPS (can fill, distance unknown)" in plan.assignments[0].reason


def test_priority_then_code_break_distance_ties() -> None:
    here = GeoPoint(44.9778, -93.2650)
    first = CandidateLocation(1, "B-STORE", priority=20, point=here)
    second = CandidateLocation(2, "C-STORE", priority=10, point=here)
    third = CandidateLocation(3, "A-STORE", priority=10, point=here)
    available = {(n, "A"): 1 for n in (1, 2, 3)}

    plan = route(order(("A", 1)), available, locations=[first, second, third])

    assert where(plan) == {3: {"A": 1}}
    assert "C-STORE (can fill, 0.5 km, priority 10)" in plan.assignments[0].reason


def test_without_a_destination_point_priority_decides() -> None:
    available = stock(MSP={"A": 5}, EAGAN={"A": 5})
    nowhere = Destination("US", "MN", "55401")

    plan = route(order(("A", 1), to=nowhere), available, locations=[EAGAN, MSP])

    assert where(plan) == {MSP.id: {"A": 1}}
    assert "distance unknown" in plan.assignments[0].reason


# ------------------------------------------------------------------ drop-ship


def furniture_via(vendor_id: int, code: str, rule_id: int = 1, priority: int = 10) -> RuleSpec:
    return RuleSpec(
        rule_id,
        f"Furniture via {code}",
        priority,
        RoutingAction.DROP_SHIP,
        tags=frozenset({"furniture"}),
        vendor_id=vendor_id,
        vendor_code=code,
    )


def test_drop_ship_rule_sends_matching_lines_to_the_vendor() -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))
    table = LineDemand(2, "FURN-2", 2, frozenset({"furniture", "oak"}))
    lamp = LineDemand(3, "LAMP-1", 1)
    available = stock(MSP={"FURN-1": 9, "FURN-2": 9, "LAMP-1": 9})

    plan = route(order(sofa, table, lamp), available, rules=[furniture_via(77, "ACME")])

    vendor = [a for a in plan.assignments if a.vendor_id is not None]
    assert len(vendor) == 1
    assert vendor[0].vendor_id == 77 and vendor[0].location_id is None
    assert [(p.line_id, p.quantity) for p in vendor[0].lines] == [(1, 1), (2, 2)]
    assert vendor[0].reason == (
        "drop-ship rule 'Furniture via ACME' (priority 10) sends FURN-1, FURN-2 to vendor ACME"
    )
    assert where(plan) == {MSP.id: {"LAMP-1": 1}}
    assert reason_of(plan, MSP).startswith("MSP-01 fills 1 x LAMP-1 alone")


def test_first_matching_drop_ship_rule_by_priority_then_id_wins() -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))
    rules = [
        furniture_via(3, "LATE", rule_id=1, priority=30),
        furniture_via(2, "SECOND", rule_id=5, priority=20),
        furniture_via(1, "FIRST", rule_id=4, priority=20),
    ]

    plan = route(order(sofa), {}, rules=rules)

    assert [a.vendor_id for a in plan.assignments] == [1]


def test_a_vendor_that_rejected_the_order_is_skipped() -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))
    rules = [furniture_via(1, "FIRST", 1, 10), furniture_via(2, "SECOND", 2, 20)]

    plan = route(order(sofa, excluded_vendor_ids=frozenset({1})), {}, rules=rules)
    assert [a.vendor_id for a in plan.assignments] == [2]

    only_first = route(
        order(sofa, excluded_vendor_ids=frozenset({1})), stock(STP={"FURN-1": 1}), rules=rules[:1]
    )
    assert where(only_first) == {STP.id: {"FURN-1": 1}}


@pytest.mark.parametrize(
    ("condition", "matches"),
    [
        ({"channels": frozenset({"web"})}, True),
        ({"channels": frozenset({"pos"})}, False),
        ({"skus": frozenset({"FURN-1"})}, True),
        ({"skus": frozenset({"FURN-9"})}, False),
        ({"tags": frozenset({"oak", "furniture"})}, True),
        ({"tags": frozenset({"oak"})}, False),
        ({"destination_countries": frozenset({"US", "CA"})}, True),
        ({"destination_countries": frozenset({"us"})}, True),
        ({"destination_countries": frozenset({"CA"})}, False),
        ({"destination_regions": frozenset({"MN"})}, True),
        ({"destination_regions": frozenset({"WI"})}, False),
        ({"postal_code_prefixes": ("553", "554")}, True),
        ({"postal_code_prefixes": ("551",)}, False),
        ({"channels": frozenset({"web"}), "destination_regions": frozenset({"WI"})}, False),
    ],
)
def test_drop_ship_conditions_must_all_match(condition: dict[str, Any], matches: bool) -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))
    rule = replace(RuleSpec(1, "r", 10, RoutingAction.DROP_SHIP, vendor_id=5), **condition)

    plan = route(order(sofa, to=MINNEAPOLIS), {}, rules=[rule])

    assert bool(plan.assignments) is matches
    assert plan.backordered == ({} if matches else {1: 1})


def test_a_condition_on_an_unknown_destination_field_does_not_match() -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))
    rule = RuleSpec(
        1, "MN", 10, RoutingAction.DROP_SHIP, vendor_id=5, destination_regions=frozenset({"MN"})
    )

    plan = route(order(sofa, to=Destination("US")), {}, rules=[rule])

    assert plan.assignments == ()


def test_postal_code_prefixes_ignore_case_and_spaces() -> None:
    line = LineDemand(1, "X", 1)
    rule = RuleSpec(
        1, "London", 10, RoutingAction.DROP_SHIP, vendor_id=5, postal_code_prefixes=("sw1a ",)
    )
    london = Destination("GB", None, "SW1A 1AA")

    assert route(order(line, to=london), {}, rules=[rule]).assignments[0].vendor_id == 5


def test_vendors_do_not_count_against_max_splits() -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))
    available = stock(MSP={"A": 1})

    plan = route(
        order(sofa, ("A", 1)),
        available,
        rules=[furniture_via(9, "ACME")],
        settings=SplitPolicy(1),
    )

    assert {(a.vendor_id, a.location_id) for a in plan.assignments} == {(9, None), (None, MSP.id)}
    assert plan.backordered == {}


# --------------------------------------------------------------- hard filters


def test_ship_from_rule_limits_lines_to_its_locations() -> None:
    available = stock(MSP={"A": 5, "B": 5}, STP={"A": 5}, EAGAN={"A": 5})
    rules = [
        RuleSpec(
            1,
            "Bulky from the warehouse",
            10,
            RoutingAction.SHIP_FROM,
            skus=frozenset({"A"}),
            location_ids=frozenset({EAGAN.id}),
        ),
        RuleSpec(
            2,
            "Or St. Paul",
            20,
            RoutingAction.SHIP_FROM,
            skus=frozenset({"A"}),
            location_ids=frozenset({STP.id}),
        ),
    ]

    plan = route(order(("A", 1), ("B", 1)), available, rules=rules)

    # A may only come from WH-EAGAN or STP-01 (the union); STP-01 is nearer.
    assert where(plan) == {STP.id: {"A": 1}, MSP.id: {"B": 1}}
    assert "allowed by rule 'Bulky from the warehouse', rule 'Or St. Paul'" in reason_of(plan, STP)


def test_ship_from_rule_that_does_not_match_the_line_restricts_nothing() -> None:
    available = stock(MSP={"A": 5}, EAGAN={"A": 5})
    rule = RuleSpec(
        1,
        "Fragile from the warehouse",
        10,
        RoutingAction.SHIP_FROM,
        tags=frozenset({"fragile"}),
        location_ids=frozenset({EAGAN.id}),
    )

    assert where(route(order(("A", 1)), available, rules=[rule])) == {MSP.id: {"A": 1}}


def test_exclude_rule_removes_locations_for_matching_lines() -> None:
    glass = LineDemand(1, "GLASS", 1, frozenset({"fragile"}))
    available = stock(MSP={"GLASS": 5, "A": 5}, STP={"GLASS": 5})
    rule = RuleSpec(
        1,
        "No fragile from MSP",
        10,
        RoutingAction.EXCLUDE,
        tags=frozenset({"fragile"}),
        location_ids=frozenset({MSP.id}),
    )

    plan = route(order(glass, LineDemand(2, "A", 1)), available, rules=[rule])

    assert where(plan) == {STP.id: {"GLASS": 1}, MSP.id: {"A": 1}}


@pytest.mark.parametrize(
    "blocked",
    [
        CandidateLocation(1, "MSP-01", 10, GeoPoint(44.9778, -93.2650), active=False),
        CandidateLocation(1, "MSP-01", 10, GeoPoint(44.9778, -93.2650), ships_orders=False),
        CandidateLocation(1, "MSP-01", 10, GeoPoint(44.9778, -93.2650), remaining_capacity=0),
    ],
    ids=["inactive", "does-not-ship", "at-capacity"],
)
def test_locations_failing_a_hard_filter_are_never_used(blocked: CandidateLocation) -> None:
    available = stock(MSP={"A": 5}, STP={"A": 5})

    plan = route(order(("A", 1)), available, locations=[blocked, STP])

    assert where(plan) == {STP.id: {"A": 1}}


def test_a_location_with_capacity_left_may_be_used() -> None:
    msp = CandidateLocation(1, "MSP-01", 10, GeoPoint(44.9778, -93.2650), remaining_capacity=1)

    assert where(route(order(("A", 1)), stock(MSP={"A": 5}), locations=[msp])) == {1: {"A": 1}}


def test_a_location_that_rejected_the_order_is_not_asked_again() -> None:
    available = stock(MSP={"A": 5}, STP={"A": 5})

    plan = route(order(("A", 1), excluded_location_ids=frozenset({MSP.id})), available)

    assert where(plan) == {STP.id: {"A": 1}}


def test_what_nobody_holds_is_backordered() -> None:
    plan = route(order(("A", 2), ("B", 1)), stock(MSP={"A": 1}, STP={"C": 4}))

    assert where(plan) == {MSP.id: {"A": 1}}
    assert plan.backordered == {1: 1, 2: 1}
    assert plan.assigned_quantity(1) == 1 and plan.assigned_quantity(2) == 0


def test_zero_quantity_lines_need_nothing() -> None:
    plan = route(order(("A", 0), ("B", 1)), stock(MSP={"B": 1}))

    assert where(plan) == {MSP.id: {"B": 1}}
    assert plan.backordered == {}


def test_invalid_input_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        LineDemand(1, "A", -1)
    with pytest.raises(ValueError, match="max_splits"):
        SplitPolicy(max_splits=0)


# --------------------------------------------------------------------- pickup


def test_pickup_orders_go_to_the_pickup_location_only() -> None:
    counter = CandidateLocation(2, "STP-01", 10, GeoPoint(44.9537, -93.0900), ships_orders=False)
    available = stock(MSP={"A": 9, "B": 9}, STP={"A": 1, "B": 3})

    plan = route(
        order(("A", 2), ("B", 1), pickup_location_id=STP.id),
        available,
        locations=[MSP, counter, EAGAN],
    )

    assert where(plan) == {STP.id: {"A": 1, "B": 1}}
    assert plan.backordered == {1: 1}
    assert reason_of(plan, STP) == (
        "STP-01 is this order's pickup location and holds A (1 of 2), B; the rest is backordered"
    )


def test_pickup_at_an_unavailable_location_backorders_everything() -> None:
    closed = CandidateLocation(2, "STP-01", 10, GeoPoint(44.9537, -93.0900), active=False)

    plan = route(
        order(("A", 1), pickup_location_id=STP.id),
        stock(MSP={"A": 9}, STP={"A": 9}),
        locations=[MSP, closed],
    )

    assert plan.assignments == () and plan.backordered == {1: 1}


def test_pickup_orders_still_drop_ship() -> None:
    sofa = LineDemand(1, "FURN-1", 1, frozenset({"furniture"}))

    plan = route(
        order(sofa, ("A", 1), pickup_location_id=MSP.id),
        stock(MSP={"A": 1}),
        rules=[furniture_via(9, "ACME")],
    )

    assert {(a.vendor_id, a.location_id) for a in plan.assignments} == {(9, None), (None, MSP.id)}


# --------------------------------------------------------------- determinism


def test_same_input_same_plan_whatever_the_order_of_locations_rules_and_stock() -> None:
    locations = [
        CandidateLocation(n, f"ST-{n:02d}", 10 + n % 3, GeoPoint(44.8 + n / 50, -93.3 + n / 40))
        for n in range(1, 25)
    ]
    rng = random.Random(5)
    available = {
        (loc.id, sku): rng.randint(0, 4)
        for loc in locations
        for sku in "ABCDEF"
        if rng.random() < 0.5
    }
    rules = [
        RuleSpec(1, "p", 5, RoutingAction.PREFER, skus=frozenset("B"), location_ids=frozenset({3})),
        RuleSpec(
            2, "x", 5, RoutingAction.EXCLUDE, skus=frozenset("C"), location_ids=frozenset({7})
        ),
    ]
    request = order(("A", 2), ("B", 1), ("C", 3), ("D", 1), ("E", 5), to=ROSEVILLE)

    first = route(request, available, locations=locations, rules=rules)
    for _ in range(5):
        rng.shuffle(locations)
        rng.shuffle(rules)
        shuffled = dict(rng.sample(list(available.items()), len(available)))
        assert route(request, shuffled, locations=locations, rules=rules) == first


def test_a_full_stock_snapshot_gives_the_same_plan_as_the_order_skus_only() -> None:
    available = stock(MSP={"A": 5, "B": 1}, STP={"A": 5, "B": 5}, EAGAN={"B": 5})
    everything = {**available, **{(n, f"OTHER-{k}"): 3 for n in (1, 2, 3) for k in range(50)}}
    request = order(("A", 2), ("B", 2))

    assert route(request, everything) == route(request, available)
