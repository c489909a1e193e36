"""Returns against a real database: what may be returned, each transition allowed and
refused, restock and dispose with their ledger rows, backorders filled by a restock,
refund limits, the return window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from models.errors import ErrorCode
from models.operations import fulfillment
from models.operations import returns as ops
from models.operations.returns import Receipt, ReturnLineInput
from models.operations.routing import update_settings
from models.rules.lifecycle import ReturnDisposition
from models.rules.scopes import SYSTEM
from models.tables import (
    InventoryLedgerEntry,
    InventoryLevel,
    Location,
    Order,
    OrderEvent,
    OrderLine,
    Return,
    ReturnLine,
)
from tests.support.factories import Network, twin_cities
from tests.support.operations import only_open, place, refused

pytestmark = pytest.mark.usefixtures("db")
RESTOCK, DISPOSE = ReturnDisposition.RESTOCK, ReturnDisposition.DISPOSE


@pytest.fixture
async def net() -> Network:
    return await twin_cities({"MUG": (5, 0, 0), "HAT": (5, 0, 0)})


async def shipped(*lines: tuple[str, int], deliver: bool = False) -> Order:
    """An order from MSP-01, all of it shipped (and delivered)."""
    order = await place(*lines)
    fo = await only_open(order)
    await fulfillment.accept(fo.id, SYSTEM)
    done = await fulfillment.ship(fo.id, SYSTEM)
    if deliver:
        await fulfillment.mark_delivered(done.shipment.id, SYSTEM)
    return await Order.get(id=order.id)


async def lines_of(order: Order) -> list[OrderLine]:
    return list(await OrderLine.filter(order_id=order.id).order_by("id"))


async def received(
    order: Order, quantity: int, disposition: ReturnDisposition, at: Location
) -> Return:
    """A return of the order's first line, requested, approved and received `at`."""
    (line, *_) = await lines_of(order)
    row = await ops.request_return(order.id, [ReturnLineInput(line.id, quantity)], SYSTEM)
    await ops.approve_return(row.id, SYSTEM)
    (return_line,) = await ReturnLine.filter(return__id=row.id)
    return await ops.receive_return(row.id, at.id, [Receipt(return_line.id, disposition)], SYSTEM)


async def test_only_what_shipped_and_is_not_already_coming_back(net: Network) -> None:
    order = await shipped(("MUG", 3))
    (line,) = await lines_of(order)
    first = await ops.request_return(order.id, [ReturnLineInput(line.id, 2, "too big")], SYSTEM)
    assert first.status == "REQUESTED"
    error = await refused(
        ErrorCode.INVALID, ops.request_return(order.id, [ReturnLineInput(line.id, 2)], SYSTEM)
    )
    assert "MUG: 1 may be returned" in error.message and error.field == ["lines", "0", "quantity"]
    await ops.decline_return(first.id, "past the fitting room", SYSTEM)
    # Declined: those units may be asked for again.
    again = await ops.request_return(order.id, [ReturnLineInput(line.id, 3)], SYSTEM)
    assert again.status == "REQUESTED"
    await refused(
        ErrorCode.INVALID,
        ops.request_return(
            order.id, [ReturnLineInput(line.id, 1), ReturnLineInput(line.id, 1)], SYSTEM
        ),
    )


async def test_an_unshipped_order_has_nothing_to_return(net: Network) -> None:
    order = await place(("MUG", 2))
    (line,) = await lines_of(order)
    await refused(
        ErrorCode.INVALID_TRANSITION,
        ops.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM),
    )


async def test_partly_shipped_returns_only_what_shipped(net: Network) -> None:
    order = await place(("MUG", 3))
    fo = await only_open(order)
    (line,) = await lines_of(order)
    await fulfillment.accept(fo.id, SYSTEM)
    await fulfillment.ship(fo.id, SYSTEM, lines=[fulfillment.ShipLine(line.id, 1)])
    await refused(
        ErrorCode.INVALID, ops.request_return(order.id, [ReturnLineInput(line.id, 2)], SYSTEM)
    )
    await ops.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM)


async def test_bad_return_lines_are_refused(net: Network) -> None:
    order = await shipped(("MUG", 1))
    other = await shipped(("HAT", 1))
    (line,) = await lines_of(order)
    (foreign,) = await lines_of(other)
    for lines, code in (
        ([], ErrorCode.INVALID),
        ([ReturnLineInput(foreign.id, 1)], ErrorCode.NOT_FOUND),
        ([ReturnLineInput(line.id, 0)], ErrorCode.INVALID),
        ([ReturnLineInput(line.id, 1, "x" * 501)], ErrorCode.INVALID),
    ):
        await refused(code, ops.request_return(order.id, lines, SYSTEM))
    await refused(
        ErrorCode.NOT_FOUND, ops.request_return(999_999, [ReturnLineInput(line.id, 1)], SYSTEM)
    )


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        ("REQUESTED", {"approve", "decline"}),
        ("APPROVED", {"receive"}),
        ("DECLINED", set()),
        ("RECEIVED", {"refund"}),
        ("REFUNDED", set()),
    ],
)
async def test_each_forbidden_return_action_from_each_state(
    net: Network, state: str, allowed: set[str]
) -> None:
    order = await shipped(("MUG", 1))
    (line,) = await lines_of(order)
    row = await ops.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM)
    (return_line,) = await ReturnLine.filter(return__id=row.id)
    await Return.filter(id=row.id).update(status=state)
    actions = {
        "approve": lambda: ops.approve_return(row.id, SYSTEM),
        "decline": lambda: ops.decline_return(row.id, "no", SYSTEM),
        "receive": lambda: ops.receive_return(
            row.id, net.msp.id, [Receipt(return_line.id, RESTOCK)], SYSTEM
        ),
        "refund": lambda: ops.refund_return(row.id, Decimal("1.00"), SYSTEM),
    }
    for name in sorted(actions.keys() - allowed):
        error = await refused(ErrorCode.INVALID_TRANSITION, actions[name]())
        assert f"that is {state}" in error.message, name
    for name in sorted(allowed):
        await Return.filter(id=row.id).update(status=state)
        await actions[name]()


async def test_restock_adds_to_the_shelf_and_fills_a_backorder(net: Network) -> None:
    order = await shipped(("MUG", 5))
    waiting = await place(("MUG", 1))
    assert (await Order.get(id=waiting.id)).status == "BACKORDERED"
    row = await received(order, 2, RESTOCK, net.msp)
    assert (row.status, row.received_location_id) == ("RECEIVED", net.msp.id)  # type: ignore[attr-defined]
    (line,) = await lines_of(order)
    assert line.returned_quantity == 2
    level = await InventoryLevel.get(location_id=net.msp.id, product__sku="MUG")
    assert (level.on_hand, level.reserved) == (2, 1)  # the backorder took one
    restocked = await InventoryLedgerEntry.get(reason="RETURN_RESTOCKED")
    assert (restocked.on_hand_delta, restocked.reference) == (2, f"return:{row.id}")
    assert (await Order.get(id=waiting.id)).status == "ALLOCATED"
    types = await OrderEvent.filter(order_id=order.id).values_list("type", flat=True)
    assert {"RETURN_REQUESTED", "RETURN_APPROVED", "RETURN_RECEIVED"} <= set(types)


async def test_dispose_leaves_the_shelf_alone(net: Network) -> None:
    order = await shipped(("MUG", 2))
    await received(order, 1, DISPOSE, net.msp)
    level = await InventoryLevel.get(location_id=net.msp.id, product__sku="MUG")
    assert level.on_hand == 3
    assert not await InventoryLedgerEntry.exists(reason="RETURN_RESTOCKED")
    assert (await lines_of(order))[0].returned_quantity == 1


async def test_receive_at_a_new_location_creates_the_level(net: Network) -> None:
    order = await shipped(("MUG", 1))
    (line,) = await lines_of(order)
    row = await ops.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM)
    await ops.approve_return(row.id, SYSTEM)
    (return_line,) = await ReturnLine.filter(return__id=row.id)
    await ops.receive_return(row.id, net.stp.id, [Receipt(return_line.id, RESTOCK)], SYSTEM)
    level = await InventoryLevel.get(location_id=net.stp.id, product__sku="MUG")
    assert level.on_hand == 1


async def test_receipt_must_name_every_line_once(net: Network) -> None:
    order = await shipped(("MUG", 2), ("HAT", 1))
    mug, hat = await lines_of(order)
    row = await ops.request_return(
        order.id, [ReturnLineInput(mug.id, 1), ReturnLineInput(hat.id, 1)], SYSTEM
    )
    await ops.approve_return(row.id, SYSTEM)
    first, second = await ReturnLine.filter(return__id=row.id).order_by("id")
    for receipts, code in (
        ([Receipt(first.id, RESTOCK)], ErrorCode.INVALID),
        ([Receipt(first.id, RESTOCK), Receipt(first.id, DISPOSE)], ErrorCode.INVALID),
        ([Receipt(first.id, RESTOCK), Receipt(999_999, DISPOSE)], ErrorCode.NOT_FOUND),
    ):
        await refused(code, ops.receive_return(row.id, net.msp.id, receipts, SYSTEM))
    both = [Receipt(first.id, RESTOCK), Receipt(second.id, DISPOSE)]
    await refused(ErrorCode.NOT_FOUND, ops.receive_return(row.id, 999_999, both, SYSTEM))
    await ops.receive_return(row.id, net.msp.id, both, SYSTEM)
    assert [line.returned_quantity for line in await lines_of(order)] == [1, 1]


async def test_refund_up_to_what_was_paid(net: Network) -> None:
    order = await shipped(("MUG", 3))
    row = await received(order, 2, DISPOSE, net.msp)  # 2 x 10.00 paid
    error = await refused(ErrorCode.INVALID, ops.refund_return(row.id, Decimal("20.01"), SYSTEM))
    assert "more than the 20.00 USD paid" in error.message
    await refused(ErrorCode.INVALID, ops.refund_return(row.id, Decimal("-1"), SYSTEM))
    await refused(ErrorCode.INVALID, ops.refund_return(row.id, Decimal("1.001"), SYSTEM))
    refunded = await ops.refund_return(row.id, Decimal("20.00"), SYSTEM)
    assert (refunded.status, refunded.refund_amount) == ("REFUNDED", Decimal("20.00"))
    assert refunded.refunded_at is not None
    await refused(ErrorCode.INVALID_TRANSITION, ops.refund_return(row.id, Decimal("1.00"), SYSTEM))


async def test_the_return_window_closes(net: Network) -> None:
    order = await shipped(("MUG", 1), deliver=True)
    (line,) = await lines_of(order)
    await update_settings(return_window_days=0)
    await Order.filter(id=order.id).update(delivered_at=datetime.now(UTC) - timedelta(hours=1))
    error = await refused(
        ErrorCode.INVALID, ops.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM)
    )
    assert "return window (0 days) closed" in error.message
    await update_settings(return_window_days=30)
    await ops.request_return(order.id, [ReturnLineInput(line.id, 1)], SYSTEM)
