"""Pickup and pick list rules: the code, its check, the READY_FOR_PICKUP transitions and
order status, and the pick list's sums."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.rules.lifecycle import (
    FULFILLMENT_ORDER,
    FulfillmentAction,
    LineQuantities,
    OrderFacts,
    OrderStatus,
    TransitionError,
    derive_order_status,
)
from models.rules.lifecycle import FulfillmentOrderStatus as FO
from models.rules.picklist import PickLine, Share, UnitsToPick, pick_list
from models.rules.pickup import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_CODE_ATTEMPTS,
    CodeCheck,
    check_code,
    expires_at,
    new_code,
    normalize_code,
)


def test_codes_use_only_unambiguous_characters() -> None:
    assert not set("0O1IL5S2Z") & set(CODE_ALPHABET)
    codes = {new_code() for _ in range(200)}
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert len(codes) > 190, "drawn at random"


def test_a_code_is_checked_as_the_customer_reads_it() -> None:
    assert normalize_code(" abc-d ef ") == "ABCDEF"
    assert check_code("ABC346", "abc 346", 0, may_skip_code=False) is CodeCheck.ACCEPTED
    assert check_code("ABC346", "ABC347", 0, may_skip_code=False) is CodeCheck.MISMATCH
    assert check_code("ABC346", None, 0, may_skip_code=False) is CodeCheck.MISSING
    assert check_code(None, "ABC346", 0, may_skip_code=False) is CodeCheck.MISMATCH


def test_the_attempt_limit_locks_out_everyone_but_an_admin() -> None:
    limit = MAX_CODE_ATTEMPTS
    assert check_code("ABC346", "ABC346", limit - 1, False) is CodeCheck.ACCEPTED
    assert check_code("ABC346", "ABC346", limit, False) is CodeCheck.LOCKED
    assert check_code("ABC346", None, limit, True) is CodeCheck.ACCEPTED
    assert check_code("ABC346", "ABC347", limit, True) is CodeCheck.MISMATCH


def test_expiry_is_the_hold_after_ready() -> None:
    ready = datetime(2026, 12, 4, 9, tzinfo=UTC)
    assert expires_at(ready, 7) == ready + timedelta(days=7)


def test_ready_for_pickup_transitions() -> None:
    for start in (FO.ACCEPTED, FO.PACKED):
        assert FULFILLMENT_ORDER.apply(start, FulfillmentAction.MARK_READY_FOR_PICKUP) is (
            FO.READY_FOR_PICKUP
        )
    ready = FO.READY_FOR_PICKUP
    assert FULFILLMENT_ORDER.apply(ready, FulfillmentAction.PICK_UP) is FO.SHIPPED
    assert FULFILLMENT_ORDER.apply(ready, FulfillmentAction.EXPIRE_PICKUP) is FO.CANCELLED
    assert FULFILLMENT_ORDER.apply(ready, FulfillmentAction.CANCEL) is FO.CANCELLED
    for state, action in (
        (FO.OPEN, FulfillmentAction.MARK_READY_FOR_PICKUP),
        (FO.ACCEPTED, FulfillmentAction.PICK_UP),
        (ready, FulfillmentAction.MOVE),
        (ready, FulfillmentAction.SHIP_ALL),
        (FO.ACCEPTED, FulfillmentAction.EXPIRE_PICKUP),
    ):
        with pytest.raises(TransitionError):
            FULFILLMENT_ORDER.apply(state, action)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((FO.READY_FOR_PICKUP,), OrderStatus.READY_FOR_PICKUP),
        ((FO.READY_FOR_PICKUP, FO.REJECTED), OrderStatus.READY_FOR_PICKUP),
        ((FO.READY_FOR_PICKUP, FO.ACCEPTED), OrderStatus.IN_PROGRESS),
        ((FO.READY_FOR_PICKUP, FO.OPEN), OrderStatus.IN_PROGRESS),
    ],
)
def test_the_order_reads_ready_when_all_its_live_work_is(
    statuses: tuple[FO, ...], expected: OrderStatus
) -> None:
    line = LineQuantities(quantity=2, allocated=2)
    assert derive_order_status(OrderFacts((line,), statuses)) is expected


def test_a_pick_list_sums_by_sku_with_each_orders_share() -> None:
    units = [
        UnitsToPick("MUG", "Loon mug", 7, "1002", 1),
        UnitsToPick("HAT", "Hat", 7, "1002", 2),
        UnitsToPick("MUG", "Loon mug", 3, "1001", 2),
        UnitsToPick("MUG", "Loon mug", 3, "1001", 1),  # a second line of the same SKU
        UnitsToPick("CUP", "Cup", 9, "1003", 0),  # nothing left to pick
    ]
    assert pick_list(units) == [
        PickLine("HAT", "Hat", 2, (Share(7, "1002", 2),)),
        PickLine("MUG", "Loon mug", 4, (Share(3, "1001", 3), Share(7, "1002", 1))),
    ]
    assert pick_list([]) == []
