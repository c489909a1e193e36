"""Great-circle distances on plain values: the haversine formula and its batch form."""

from __future__ import annotations

import math

import pytest

from models.rules.geo import EARTH_RADIUS_KM, DistanceFrom, GeoPoint, great_circle_km

MINNEAPOLIS = GeoPoint(44.9795, -93.2680)
ST_PAUL = GeoPoint(44.9458, -93.0964)


def test_a_point_is_at_no_distance_from_itself() -> None:
    assert great_circle_km(MINNEAPOLIS, MINNEAPOLIS) == 0.0


def test_one_degree_along_a_meridian() -> None:
    expected = math.pi * EARTH_RADIUS_KM / 180  # about 111.2 km
    assert great_circle_km(GeoPoint(10, 20), GeoPoint(11, 20)) == pytest.approx(expected)


def test_one_degree_along_the_equator_equals_one_along_a_meridian() -> None:
    along_equator = great_circle_km(GeoPoint(0, 0), GeoPoint(0, 1))
    assert along_equator == pytest.approx(great_circle_km(GeoPoint(0, 0), GeoPoint(1, 0)))


def test_antipodes_are_half_the_circumference_apart() -> None:
    # Rounding can push the haversine term above 1 here; the rule clamps it.
    half = math.pi * EARTH_RADIUS_KM
    assert great_circle_km(GeoPoint(0, 0), GeoPoint(0, 180)) == pytest.approx(half)
    assert great_circle_km(GeoPoint(90, 0), GeoPoint(-90, 0)) == pytest.approx(half)


def test_the_distance_is_symmetric_and_stable_for_close_points() -> None:
    assert great_circle_km(MINNEAPOLIS, ST_PAUL) == pytest.approx(
        great_circle_km(ST_PAUL, MINNEAPOLIS)
    )
    assert 13 < great_circle_km(MINNEAPOLIS, ST_PAUL) < 15
    # One metre apart (1e-5 degrees of latitude is about 1.1 m): no cancellation to zero.
    nearby = GeoPoint(MINNEAPOLIS.latitude + 1e-5, MINNEAPOLIS.longitude)
    assert great_circle_km(MINNEAPOLIS, nearby) == pytest.approx(0.00111, rel=0.01)


def test_many_measures_each_point_and_passes_none_through() -> None:
    origin = DistanceFrom(MINNEAPOLIS)
    far = GeoPoint(40.7128, -74.0060)
    assert origin.many([ST_PAUL, None, far]) == [
        pytest.approx(great_circle_km(MINNEAPOLIS, ST_PAUL)),
        None,
        pytest.approx(great_circle_km(MINNEAPOLIS, far)),
    ]
    assert origin.many([]) == []
    assert origin.km(ST_PAUL) == great_circle_km(MINNEAPOLIS, ST_PAUL)
