"""Where the placeOrder bench happens: Twin Cities municipalities, its SKUs, and random
customer addresses. Plain data, so the load driver need not import the ORM models.
"""

from __future__ import annotations

import random
from typing import Any

# Twin Cities municipalities: name, a postal code, and the centre's latitude and longitude.
CITIES: tuple[tuple[str, str, float, float], ...] = (
    ("Minneapolis", "55401", 44.9778, -93.2650),
    ("St. Paul", "55102", 44.9537, -93.0900),
    ("Bloomington", "55420", 44.8408, -93.2983),
    ("Edina", "55424", 44.8897, -93.3499),
    ("Eagan", "55121", 44.8041, -93.1669),
    ("Burnsville", "55337", 44.7677, -93.2777),
    ("Plymouth", "55447", 45.0105, -93.4555),
    ("Maple Grove", "55369", 45.0725, -93.4558),
    ("Brooklyn Park", "55445", 45.0941, -93.3563),
    ("Coon Rapids", "55433", 45.1732, -93.3030),
    ("Blaine", "55434", 45.1608, -93.2350),
    ("Woodbury", "55125", 44.9239, -92.9594),
    ("Roseville", "55113", 45.0061, -93.1566),
    ("Eden Prairie", "55344", 44.8547, -93.4708),
    ("Minnetonka", "55343", 44.9211, -93.4687),
    ("Lakeville", "55044", 44.6497, -93.2427),
    ("Apple Valley", "55124", 44.7319, -93.2177),
    ("Shakopee", "55379", 44.7974, -93.5273),
    ("Maplewood", "55109", 44.9530, -92.9952),
    ("St. Louis Park", "55416", 44.9483, -93.3480),
    ("Richfield", "55423", 44.8833, -93.2830),
    ("Fridley", "55432", 45.0861, -93.2633),
    ("Inver Grove Heights", "55076", 44.8480, -93.0427),
    ("Cottage Grove", "55016", 44.8277, -92.9438),
    ("Chanhassen", "55317", 44.8622, -93.5307),
)
STREETS = ("Main St", "Lake St", "Oak Ave", "Summit Ave", "County Rd 42", "Cedar Ave", "1st Ave")
PRODUCT_COUNT = 30
SKUS = tuple(f"BENCH-{n:02d}" for n in range(1, PRODUCT_COUNT + 1))


def near(rng: random.Random, lat: float, lon: float, spread: float) -> tuple[float, float]:
    """A point around (lat, lon). 0.01 degree is ~1 km here; longitude degrees are
    shorter at 45 N, hence the wider spread, so the cloud is roughly round."""
    return round(lat + rng.gauss(0, spread), 6), round(lon + rng.gauss(0, spread * 1.4), 6)


def random_address(rng: random.Random) -> dict[str, Any]:
    """A GraphQL `AddressInput` within a few km of a Twin Cities municipality."""
    city, postal_code, lat, lon = rng.choice(CITIES)
    latitude, longitude = near(rng, lat, lon, 0.03)
    return {
        "line1": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}",
        "city": city,
        "region": "MN",
        "postalCode": postal_code,
        "countryCode": "US",
        "latitude": latitude,
        "longitude": longitude,
    }
