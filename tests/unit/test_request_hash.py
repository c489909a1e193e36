"""placeOrder's idempotency hash: records stored by earlier releases must still match."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from decimal import Decimal

import pytest

from models.operations.locations import AddressData
from models.operations.order_validation import LineInput, OrderInput, ValidOrder
from models.rules.lifecycle import DeliveryMethod

ORDERS = [
    OrderInput("web", "ada@example.com", "USD", (LineInput("MUG", 1),)),
    OrderInput(
        "pos",
        "ada@example.com",
        "EUR",
        (LineInput("MUG", 2, Decimal("9.50")), LineInput("PLATE", 1)),
        customer_name="Ada Lovelace",
        external_id="x-1",
        idempotency_key="k-1",
        delivery_method=DeliveryMethod.PICKUP,
        pickup_location_id=7,
        shipping_address=AddressData(
            line1="1 Main St", city="Minneapolis", country_code="US", latitude=44.9, longitude=-93.2
        ),
    ),
]


@pytest.mark.parametrize("data", ORDERS)
def test_the_hash_is_the_one_of_the_request_as_asdict_gives_it(data: OrderInput) -> None:
    canonical = json.dumps(asdict(data), sort_keys=True, default=str)
    valid = ValidOrder(data=data, currency=data.currency, products=(), unit_prices=())
    assert valid.request_hash() == hashlib.sha256(canonical.encode()).hexdigest()
