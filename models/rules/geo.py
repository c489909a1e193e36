"""Great-circle distance between points on Earth, for routing tie-breaks and reasons."""

import math
from collections.abc import Iterable
from dataclasses import dataclass

# Mean Earth radius (IUGG); the spherical model is off by < 0.5 %, far below what
# separates two stores in a tie-break.
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float


def great_circle_km(a: GeoPoint, b: GeoPoint) -> float:
    """Haversine distance in kilometres; stable for nearby points, unlike the cosine law."""
    return DistanceFrom(a).km(b)


class DistanceFrom:
    """Distances from one fixed point to many, with the fixed point's trigonometry done once."""

    __slots__ = ("_cos_lat", "_lat", "_lon")

    def __init__(self, origin: GeoPoint) -> None:
        self._lat = math.radians(origin.latitude)
        self._lon = math.radians(origin.longitude)
        self._cos_lat = math.cos(self._lat)

    def km(self, point: GeoPoint) -> float:
        return self.many((point,))[0] or 0.0

    def many(self, points: Iterable[GeoPoint | None]) -> list[float | None]:
        """km() of each point, None for None; routing measures a thousand at a time."""
        sin, cos, asin, sqrt, radians = math.sin, math.cos, math.asin, math.sqrt, math.radians
        lat0, lon0, cos0 = self._lat, self._lon, self._cos_lat
        diameter = 2 * EARTH_RADIUS_KM
        found: list[float | None] = []
        for point in points:
            if point is None:
                found.append(None)
                continue
            lat = radians(point.latitude)
            sin_dlat = sin((lat - lat0) / 2)
            sin_dlon = sin((radians(point.longitude) - lon0) / 2)
            h = sin_dlat * sin_dlat + cos0 * cos(lat) * sin_dlon * sin_dlon
            # Rounding can push h a hair above 1 for antipodal points.
            found.append(diameter * asin(sqrt(h if h < 1.0 else 1.0)))
        return found
