"""The pick list: what to take off a location's shelves for a set of fulfillment orders,
summed by SKU with each order's share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitsToPick:
    """Units of one SKU still to ship on one fulfillment order."""

    sku: str
    product_name: str
    fulfillment_order_id: int
    order_number: str
    quantity: int


@dataclass(frozen=True)
class Share:
    fulfillment_order_id: int
    order_number: str
    quantity: int


@dataclass(frozen=True)
class PickLine:
    sku: str
    product_name: str
    quantity: int
    shares: tuple[Share, ...]


def pick_list(units: Iterable[UnitsToPick]) -> list[PickLine]:
    """One line per SKU, sorted by SKU; each order's share in fulfillment order id order,
    two lines of one order for the same SKU summed; nothing for zero units."""
    by_sku: dict[str, tuple[str, dict[int, Share]]] = {}
    for unit in units:
        if unit.quantity <= 0:
            continue
        _, shares = by_sku.setdefault(unit.sku, (unit.product_name, {}))
        before = shares.get(unit.fulfillment_order_id)
        shares[unit.fulfillment_order_id] = Share(
            unit.fulfillment_order_id,
            unit.order_number,
            unit.quantity + (before.quantity if before else 0),
        )
    return [
        PickLine(
            sku=sku,
            product_name=name,
            quantity=sum(share.quantity for share in shares.values()),
            shares=tuple(shares[key] for key in sorted(shares)),
        )
        for sku, (name, shares) in sorted(by_sku.items())
    ]
