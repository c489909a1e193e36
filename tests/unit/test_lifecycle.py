"""The order status rule and the fulfillment/return state machines."""

import pytest

from models.rules.lifecycle import (
    FULFILLMENT_ORDER,
    RETURN,
    FulfillmentAction,
    FulfillmentOrderStatus,
    LineQuantities,
    OrderAction,
    OrderFacts,
    OrderStatus,
    ReturnAction,
    ReturnStatus,
    TransitionError,
    check_order_action,
    derive_order_status,
)

FO = FulfillmentOrderStatus


def status(
    *lines: LineQuantities, fos: tuple[FO, ...] = (), held: bool = False, settled: bool = False
) -> OrderStatus:
    return derive_order_status(
        OrderFacts(lines=lines, fulfillment_statuses=fos, on_hold=held, settled=settled)
    )


@pytest.mark.parametrize(
    ("lines", "fos", "held", "expected"),
    [
        ((LineQuantities(2),), (), False, OrderStatus.PENDING),
        ((LineQuantities(2, allocated=2),), (FO.OPEN,), False, OrderStatus.ALLOCATED),
        (
            (LineQuantities(2, allocated=1, backordered=1),),
            (FO.OPEN,),
            False,
            OrderStatus.BACKORDERED,
        ),
        ((LineQuantities(2, allocated=2),), (FO.ACCEPTED,), False, OrderStatus.IN_PROGRESS),
        ((LineQuantities(2, allocated=2),), (FO.OPEN,), True, OrderStatus.ON_HOLD),
        (
            (LineQuantities(2, allocated=2, shipped=1),),
            (FO.ACCEPTED,),
            False,
            OrderStatus.PARTIALLY_SHIPPED,
        ),
        ((LineQuantities(2, allocated=2, shipped=2),), (FO.SHIPPED,), False, OrderStatus.SHIPPED),
        (
            (LineQuantities(2, allocated=1, shipped=1, cancelled=1),),
            (FO.SHIPPED,),
            False,
            OrderStatus.SHIPPED,
        ),
        (
            (LineQuantities(2, allocated=2, shipped=2, delivered=2),),
            (FO.SHIPPED,),
            False,
            OrderStatus.DELIVERED,
        ),
        ((LineQuantities(2, cancelled=2),), (FO.CANCELLED,), False, OrderStatus.CANCELLED),
    ],
)
def test_order_status_follows_from_lines_and_fulfillment(lines, fos, held, expected) -> None:
    assert status(*lines, fos=fos, held=held) is expected


def test_delivered_and_settled_is_completed() -> None:
    line = LineQuantities(1, allocated=1, shipped=1, delivered=1)
    assert status(line, fos=(FO.SHIPPED,), settled=True) is OrderStatus.COMPLETED


def test_fulfillment_transitions() -> None:
    assert FULFILLMENT_ORDER.apply(FO.OPEN, FulfillmentAction.ACCEPT) is FO.ACCEPTED
    assert FULFILLMENT_ORDER.apply(FO.ACCEPTED, FulfillmentAction.PACK) is FO.PACKED
    assert FULFILLMENT_ORDER.apply(FO.PACKED, FulfillmentAction.SHIP_PART) is FO.PACKED
    assert FULFILLMENT_ORDER.apply(FO.PACKED, FulfillmentAction.SHIP_ALL) is FO.SHIPPED
    with pytest.raises(TransitionError, match="cannot accept a fulfillment order that is SHIPPED"):
        FULFILLMENT_ORDER.apply(FO.SHIPPED, FulfillmentAction.ACCEPT)
    with pytest.raises(TransitionError, match="allowed when ACCEPTED, PACKED"):
        FULFILLMENT_ORDER.apply(FO.OPEN, FulfillmentAction.SHIP_ALL)


def test_return_transitions() -> None:
    assert RETURN.apply(ReturnStatus.REQUESTED, ReturnAction.APPROVE) is ReturnStatus.APPROVED
    with pytest.raises(TransitionError):
        RETURN.apply(ReturnStatus.REQUESTED, ReturnAction.REFUND)


def test_order_actions() -> None:
    check_order_action(OrderStatus.ALLOCATED, OrderAction.CANCEL)
    with pytest.raises(TransitionError, match="cannot cancel an order that is SHIPPED"):
        check_order_action(OrderStatus.SHIPPED, OrderAction.CANCEL)
    with pytest.raises(TransitionError):
        check_order_action(OrderStatus.ALLOCATED, OrderAction.RELEASE_HOLD)
