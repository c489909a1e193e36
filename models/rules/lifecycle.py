"""The state machines of orders, fulfillment orders and returns, as transition tables.

An order's status is never set by hand: `derive_order_status` computes it from
its lines, fulfillment orders and holds. Fulfillment orders and returns move
only through `FULFILLMENT_ORDER.apply` and `RETURN.apply`, which say why not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar


class OrderStatus(StrEnum):
    PENDING = "PENDING"
    ON_HOLD = "ON_HOLD"
    BACKORDERED = "BACKORDERED"
    ALLOCATED = "ALLOCATED"
    IN_PROGRESS = "IN_PROGRESS"
    # Every unit not yet handed over waits at the store counter (a PICKUP order).
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


class FulfillmentOrderStatus(StrEnum):
    OPEN = "OPEN"
    ACCEPTED = "ACCEPTED"
    PACKED = "PACKED"
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    SHIPPED = "SHIPPED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"


class ReturnStatus(StrEnum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    RECEIVED = "RECEIVED"
    REFUNDED = "REFUNDED"


class FulfillmentAction(StrEnum):
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"
    PACK = "PACK"
    SHIP_ALL = "SHIP_ALL"  # the last units leave: the fulfillment order is done
    SHIP_PART = "SHIP_PART"  # some units leave, some remain
    MARK_READY_FOR_PICKUP = "MARK_READY_FOR_PICKUP"
    PICK_UP = "PICK_UP"  # the customer collected it at the counter
    MOVE = "MOVE"
    CANCEL = "CANCEL"
    EXPIRE = "EXPIRE"  # the acceptance deadline passed; routed elsewhere
    EXPIRE_PICKUP = "EXPIRE_PICKUP"  # not collected by pickupExpiresAt; stock returned


class ReturnAction(StrEnum):
    APPROVE = "APPROVE"
    DECLINE = "DECLINE"
    RECEIVE = "RECEIVE"
    REFUND = "REFUND"


class OrderAction(StrEnum):
    HOLD = "HOLD"
    RELEASE_HOLD = "RELEASE_HOLD"
    CANCEL = "CANCEL"
    CANCEL_LINES = "CANCEL_LINES"
    REQUEST_RETURN = "REQUEST_RETURN"
    UPDATE_RECIPIENT = "UPDATE_RECIPIENT"  # customer, shipping address
    EDIT = "EDIT"  # lines added, quantities set


class TransitionError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)


@dataclass(frozen=True)
class StateMachine(Generic[S, A]):
    name: str
    transitions: Mapping[tuple[S, A], S]

    def allowed_from(self, action: A) -> list[S]:
        return [state for state, act in self.transitions if act == action]

    def can(self, state: S, action: A) -> bool:
        return (state, action) in self.transitions

    def apply(self, state: S, action: A) -> S:
        """The state after `action`, or TransitionError saying where it is allowed from."""
        try:
            return self.transitions[(state, action)]
        except KeyError:
            allowed = ", ".join(self.allowed_from(action)) or "nowhere"
            raise TransitionError(
                f"cannot {action.lower().replace('_', ' ')} a {self.name} that is {state}; "
                f"allowed when {allowed}"
            ) from None


def _table(rows: Iterable[tuple[Iterable[S], A, S]]) -> dict[tuple[S, A], S]:
    return {(state, action): target for states, action, target in rows for state in states}


_FO = FulfillmentOrderStatus
_FA = FulfillmentAction
_WORKING = (_FO.ACCEPTED, _FO.PACKED)
_READY = _FO.READY_FOR_PICKUP

FULFILLMENT_ORDER: StateMachine[FulfillmentOrderStatus, FulfillmentAction] = StateMachine(
    "fulfillment order",
    _table(
        [
            ((_FO.OPEN,), _FA.ACCEPT, _FO.ACCEPTED),
            ((_FO.OPEN, *_WORKING), _FA.REJECT, _FO.REJECTED),
            ((_FO.ACCEPTED,), _FA.PACK, _FO.PACKED),
            (_WORKING, _FA.SHIP_ALL, _FO.SHIPPED),
            ((_FO.ACCEPTED,), _FA.SHIP_PART, _FO.ACCEPTED),
            ((_FO.PACKED,), _FA.SHIP_PART, _FO.PACKED),
            # Pickup: the code the customer shows exists only once it is ready, so the
            # counter hands over nothing before that.
            (_WORKING, _FA.MARK_READY_FOR_PICKUP, _READY),
            ((_READY,), _FA.PICK_UP, _FO.SHIPPED),
            ((_FO.OPEN, *_WORKING), _FA.MOVE, _FO.OPEN),
            ((_FO.OPEN, *_WORKING, _READY), _FA.CANCEL, _FO.CANCELLED),
            ((_FO.OPEN,), _FA.EXPIRE, _FO.REJECTED),
            ((_READY,), _FA.EXPIRE_PICKUP, _FO.CANCELLED),
        ]
    ),
)

_R = ReturnStatus
_RA = ReturnAction

RETURN: StateMachine[ReturnStatus, ReturnAction] = StateMachine(
    "return",
    _table(
        [
            ((_R.REQUESTED,), _RA.APPROVE, _R.APPROVED),
            ((_R.REQUESTED,), _RA.DECLINE, _R.DECLINED),
            ((_R.APPROVED,), _RA.RECEIVE, _R.RECEIVED),
            ((_R.RECEIVED,), _RA.REFUND, _R.REFUNDED),
        ]
    ),
)

_O = OrderStatus
_OA = OrderAction
_UNSHIPPED = (
    _O.PENDING,
    _O.ON_HOLD,
    _O.BACKORDERED,
    _O.ALLOCATED,
    _O.IN_PROGRESS,
    _O.READY_FOR_PICKUP,
)

# Order actions that a caller asks for; the resulting status is then derived, so
# the table maps to the status the action is allowed from (itself).
ORDER_ACTIONS: dict[OrderAction, frozenset[OrderStatus]] = {
    _OA.HOLD: frozenset(
        {_O.PENDING, _O.BACKORDERED, _O.ALLOCATED, _O.IN_PROGRESS, _O.READY_FOR_PICKUP}
    ),
    _OA.RELEASE_HOLD: frozenset({_O.ON_HOLD}),
    _OA.CANCEL: frozenset(_UNSHIPPED),
    _OA.CANCEL_LINES: frozenset({*_UNSHIPPED, _O.PARTIALLY_SHIPPED}),
    _OA.REQUEST_RETURN: frozenset({_O.PARTIALLY_SHIPPED, _O.SHIPPED, _O.DELIVERED}),
    _OA.UPDATE_RECIPIENT: frozenset(_UNSHIPPED),
    _OA.EDIT: frozenset({*_UNSHIPPED, _O.PARTIALLY_SHIPPED}),
}


def check_order_action(status: OrderStatus, action: OrderAction) -> None:
    allowed = ORDER_ACTIONS[action]
    if status not in allowed:
        names = ", ".join(sorted(allowed))
        raise TransitionError(
            f"cannot {action.lower().replace('_', ' ')} an order that is {status}; "
            f"allowed when {names}"
        )


@dataclass(frozen=True)
class LineQuantities:
    quantity: int
    allocated: int = 0
    backordered: int = 0
    shipped: int = 0
    delivered: int = 0
    cancelled: int = 0

    @property
    def open(self) -> int:
        """What the customer still expects: ordered minus cancelled."""
        return self.quantity - self.cancelled


@dataclass(frozen=True)
class OrderFacts:
    lines: tuple[LineQuantities, ...]
    fulfillment_statuses: tuple[FulfillmentOrderStatus, ...] = ()
    on_hold: bool = False
    # Delivered, the return window has passed and no return is open.
    settled: bool = False


def derive_order_status(facts: OrderFacts) -> OrderStatus:
    """The one rule that gives an order its status."""
    open_total = sum(line.open for line in facts.lines)
    if open_total == 0:
        return _O.CANCELLED
    shipped = sum(min(line.shipped, line.open) for line in facts.lines)
    delivered = sum(min(line.delivered, line.open) for line in facts.lines)
    if delivered >= open_total:
        return _O.COMPLETED if facts.settled else _O.DELIVERED
    if shipped >= open_total:
        return _O.SHIPPED
    if facts.on_hold:
        return _O.ON_HOLD
    if shipped > 0:
        return _O.PARTIALLY_SHIPPED
    if any(line.backordered > 0 for line in facts.lines):
        return _O.BACKORDERED
    live = [s for s in facts.fulfillment_statuses if s in (_FO.OPEN, *_WORKING, _READY)]
    if live and all(status is _READY for status in live):
        # What Shopify shows the customer as "ready for pickup": nothing is left to do
        # but collect it.
        return _O.READY_FOR_PICKUP
    if any(status in (*_WORKING, _READY) for status in live):
        return _O.IN_PROGRESS
    if all(line.allocated >= line.open for line in facts.lines):
        return _O.ALLOCATED
    return _O.PENDING


class CancelReason(StrEnum):
    CUSTOMER = "CUSTOMER"
    FRAUD = "FRAUD"
    INVENTORY = "INVENTORY"
    STAFF = "STAFF"
    OTHER = "OTHER"


class HoldReason(StrEnum):
    AWAITING_PAYMENT = "AWAITING_PAYMENT"
    HIGH_RISK_OF_FRAUD = "HIGH_RISK_OF_FRAUD"
    INCORRECT_ADDRESS = "INCORRECT_ADDRESS"
    OTHER = "OTHER"


class DeliveryMethod(StrEnum):
    SHIP = "SHIP"
    PICKUP = "PICKUP"


class ReturnDisposition(StrEnum):
    RESTOCK = "RESTOCK"  # back on the shelf: onHand grows
    DISPOSE = "DISPOSE"  # written off
