"""Global ids on plain values: one opaque, URL-safe encoding of (type, pk)."""

from __future__ import annotations

import base64

import pytest

from models.rules.ids import global_id


def decoded(opaque: str) -> str:
    return base64.urlsafe_b64decode(opaque + "=" * (-len(opaque) % 4)).decode()


@pytest.mark.parametrize(
    ("type_name", "pk"), [("Order", 1), ("FulfillmentOrder", 42), ("Location", 10**12)]
)
def test_a_global_id_carries_its_type_and_key(type_name: str, pk: int) -> None:
    assert decoded(global_id(type_name, pk)) == f"{type_name}:{pk}"


def test_global_ids_are_url_safe_and_unpadded() -> None:
    # Lengths 1 to 3 modulo 3 cover every amount of padding base64 would add.
    for pk in range(1, 200):
        opaque = global_id("Order", pk)
        assert "=" not in opaque and "+" not in opaque and "/" not in opaque


def test_the_type_is_part_of_the_id() -> None:
    assert global_id("Order", 7) != global_id("Location", 7)
    assert global_id("Order", 7) == global_id("Order", 7)
