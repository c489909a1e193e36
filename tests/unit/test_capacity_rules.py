"""A location's day for its daily capacity (issue 11 item 16)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from models.errors import DomainError
from models.rules.capacity import check_time_zone, local_day


def test_the_day_is_the_location_s_own() -> None:
    late_evening_in_chicago = datetime(2026, 12, 5, 3, 30, tzinfo=UTC)
    assert local_day(late_evening_in_chicago, "UTC") == date(2026, 12, 5)
    assert local_day(late_evening_in_chicago, "America/Chicago") == date(2026, 12, 4)
    assert local_day(late_evening_in_chicago, "Asia/Tokyo") == date(2026, 12, 5)


@pytest.mark.parametrize("name", ["America/Chicago", " Europe/Paris ", "UTC"])
def test_iana_names_are_taken(name: str) -> None:
    assert check_time_zone(name) == name.strip()


@pytest.mark.parametrize(
    "name", ["", "Mars/Olympus", "../../etc/passwd", "/usr/share/zoneinfo/UTC", "x" * 500, "CST6"]
)
def test_other_names_are_refused_on_time_zone(name: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_time_zone(name)
    assert caught.value.field == ["timeZone"]
    assert len(caught.value.message) < 200
