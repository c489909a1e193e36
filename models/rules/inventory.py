"""Availability and reservation arithmetic for one inventory level."""

from __future__ import annotations

from enum import StrEnum


class LedgerReason(StrEnum):
    """Every reason a ledger row can carry: the adjustment reasons and the system's own."""

    RECEIVED = "RECEIVED"
    COUNT = "COUNT"
    DAMAGED = "DAMAGED"
    CORRECTION = "CORRECTION"
    SET = "SET"
    RESERVED = "RESERVED"
    RELEASED = "RELEASED"
    SHIPPED = "SHIPPED"
    REJECTED_OUT_OF_STOCK = "REJECTED_OUT_OF_STOCK"
    REJECTED_DAMAGED = "REJECTED_DAMAGED"
    RETURN_RESTOCKED = "RETURN_RESTOCKED"


# Why stock was adjusted by hand (adjustInventory): the ledger reasons a person may give.
AdjustmentReason = StrEnum(
    "AdjustmentReason",
    {
        "RECEIVED": LedgerReason.RECEIVED.value,
        "COUNT": LedgerReason.COUNT.value,
        "DAMAGED": LedgerReason.DAMAGED.value,
        "CORRECTION": LedgerReason.CORRECTION.value,
    },
)


def available(on_hand: int, reserved: int, safety_stock: int) -> int:
    """What may still be promised: stock not reserved and not kept back as safety."""
    return max(on_hand - reserved - safety_stock, 0)


def on_hand_problem(new_on_hand: int, reserved: int) -> str | None:
    """Why `new_on_hand` cannot be stored, or None. Reserved units must stay backed."""
    if new_on_hand < 0:
        return f"onHand would be {new_on_hand}; it cannot go below 0"
    if new_on_hand < reserved:
        return f"onHand would be {new_on_hand}, below the {reserved} reserved for open orders"
    return None


def on_hand_after_out_of_stock(reserved_for_others: int) -> int:
    """A store says it has none left for this order: what it still owes others stays backed."""
    return reserved_for_others
