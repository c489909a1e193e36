"""A location's day: daily capacity counts fulfillment orders by the location's own
calendar day, in its IANA time zone."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from models.errors import invalid

DEFAULT_TIME_ZONE = "UTC"
TIME_ZONE_MAX = 64  # location.time_zone


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())  # reads the zone files: once a process


def check_time_zone(name: str) -> str:
    """An IANA time zone name ("America/Chicago"), as zoneinfo knows it."""
    name = name.strip()
    # Checked against the list first: ZoneInfo() would also read paths and odd names.
    if len(name) > TIME_ZONE_MAX or name not in _zones():
        raise invalid(
            f"timeZone {name[:TIME_ZONE_MAX]!r} is not an IANA time zone name "
            "(e.g. America/Chicago, Europe/Paris, UTC)",
            ["timeZone"],
        )
    try:
        ZoneInfo(name)
    except ZoneInfoNotFoundError:  # listed but without data: as unknown
        raise invalid(f"timeZone {name!r} has no data on this server", ["timeZone"]) from None
    return name


def local_day(now: datetime, time_zone: str) -> date:
    """The calendar day at `now` where the location is."""
    return now.astimezone(ZoneInfo(time_zone)).date()
