"""Cancellation requests, the pure part: their states, and which units may be asked for."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class CancellationRequestStatus(StrEnum):
    REQUESTED = "REQUESTED"  # open: the assignee has not answered; the units stay reserved
    ACCEPTED = "ACCEPTED"  # the units were cancelled and released
    REJECTED = "REJECTED"  # the work goes on


def units_problem(
    units: Mapping[int, int], left: Mapping[int, int], asked: Mapping[int, int]
) -> tuple[int, str] | None:
    """Why asking to cancel `units` (fulfillment line id -> quantity) cannot be, as the
    offending line id and a message, or None. `left` is what each line of the fulfillment
    order has neither shipped nor cancelled, `asked` what an open request already asks."""
    if not units:
        return 0, "name at least one unit to cancel"
    for line_id, quantity in units.items():
        if line_id not in left:
            return line_id, f"fulfillment order line {line_id} is not on this fulfillment order"
        if quantity < 1:
            return line_id, "quantity must be 1 or more"
        free = left[line_id] - asked.get(line_id, 0)
        if quantity > free:
            return line_id, (
                f"{free} units of fulfillment order line {line_id} can still be asked for, "
                f"{quantity} requested"
            )
    return None
