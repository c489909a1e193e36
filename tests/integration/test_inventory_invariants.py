"""Stock and quantities stay consistent under any sequence of fulfillment work, as a
hypothesis state machine: placing, accepting, packing, partial and full shipping,
rejecting (each reason, whole or a short pick), moving, expiring, cancelling, holding,
editing lines, changing the address, delivering, picking up, returning, and stock rising
and falling with backorders routed again.

After every step:

- each inventory level equals the sum of its ledger rows, and 0 <= reserved <= onHand;
- reserved at each level is exactly what the live fulfillment orders there still have
  to ship (quantity - shipped - cancelled, over OPEN, ACCEPTED, PACKED and
  READY_FOR_PICKUP ones);
- each order line's allocated and shipped quantities are the sums over its fulfillment
  lines, and ordered = cancelled + allocated + backordered unless a hold keeps some
  unrouted; delivered and returned never exceed shipped;
- each order's stored status is the one its facts derive.

A refused step (a DomainError) must change nothing at all.

The state machine is synchronous (hypothesis drives it); each rule runs its coroutine
to completion on the session's event loop, where the database connections live.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from tortoise.models import Model

from api.settings import Settings
from models.errors import DomainError
from models.operations import fulfillment, fulfillment_move, pickup, rejection
from models.operations import returns as return_ops
from models.operations.deadlines import expire_overdue, expire_uncollected
from models.operations.fulfillment import ShipLine
from models.operations.inventory import adjust_inventory
from models.operations.order_actions import (
    LineCancellation,
    cancel_order,
    cancel_order_lines,
    hold_order,
    release_hold,
)
from models.operations.order_edits import OrderEdit, SetQuantity, edit_order
from models.operations.order_state import order_facts
from models.operations.order_updates import OrderUpdate, update_order
from models.operations.order_validation import LineInput
from models.operations.rejection import RejectReason
from models.rules.inventory import AdjustmentReason
from models.rules.lifecycle import (
    CancelReason,
    HoldReason,
    ReturnDisposition,
    derive_order_status,
)
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLedgerEntry,
    InventoryLevel,
    Order,
    OrderHold,
    OrderLine,
    Shipment,
)
from tests.support.database import empty_database
from tests.support.factories import MINNEAPOLIS_CUSTOMER, ST_PAUL_CUSTOMER, Network, twin_cities
from tests.support.hypothesis import examples
from tests.support.operations import place, snapshot

T = TypeVar("T")
LIVE = ("OPEN", "ACCEPTED", "PACKED", "READY_FOR_PICKUP")
SKUS = ("MUG", "HAT")
PICK = st.integers(min_value=0, max_value=1_000)  # an index into whatever rows exist


async def check_invariants() -> None:
    levels = await InventoryLevel.all()
    ledger: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for level_id, on_hand, reserved in await InventoryLedgerEntry.all().values_list(
        "level_id", "on_hand_delta", "reserved_delta"
    ):
        ledger[level_id][0] += on_hand
        ledger[level_id][1] += reserved
    owed: dict[tuple[int, int], int] = defaultdict(int)
    for location_id, product_id, quantity, shipped, cancelled in await FulfillmentOrderLine.filter(
        fulfillment_order__status__in=LIVE, fulfillment_order__location_id__not_isnull=True
    ).values_list(
        "fulfillment_order__location_id",
        "order_line__product_id",
        "quantity",
        "shipped_quantity",
        "cancelled_quantity",
    ):
        owed[(location_id, product_id)] += quantity - shipped - cancelled
    for level in levels:
        key = (level.location_id, level.product_id)  # type: ignore[attr-defined]
        assert [level.on_hand, level.reserved] == ledger[level.id], f"level {key} vs its ledger"
        assert 0 <= level.reserved <= level.on_hand, f"level {key}"
        assert level.reserved == owed.pop(key, 0), f"reserved at {key} vs live fulfillment"
    assert not any(owed.values()), f"live fulfillment without a level: {owed}"

    fo_lines: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for order_line_id, quantity, shipped, cancelled in await FulfillmentOrderLine.all().values_list(
        "order_line_id", "quantity", "shipped_quantity", "cancelled_quantity"
    ):
        fo_lines[order_line_id][0] += quantity - cancelled
        fo_lines[order_line_id][1] += shipped
    held = set(await OrderHold.filter(released_at=None).values_list("order_id", flat=True))
    for line in await OrderLine.all():
        assert [line.allocated_quantity, line.shipped_quantity] == fo_lines[line.id], line.sku
        accounted = line.cancelled_quantity + line.allocated_quantity + line.backordered_quantity
        assert accounted <= line.quantity
        if line.order_id not in held:  # type: ignore[attr-defined]
            assert accounted == line.quantity, f"line {line.id} has unrouted units"
        assert line.shipped_quantity <= line.quantity - line.cancelled_quantity
        assert line.delivered_quantity <= line.shipped_quantity
        assert line.returned_quantity <= line.shipped_quantity
    for order in await Order.all():
        assert order.status == derive_order_status(await order_facts(order)), order.number


class FulfillmentWork(RuleBasedStateMachine):
    """Random work over the twin-cities network; every rule targets existing rows by index."""

    loop: asyncio.AbstractEventLoop  # set by the test before hypothesis runs it

    def run(self, step: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(step)

    def attempt(self, step: Coroutine[Any, Any, object]) -> None:
        """Run a step that the rules may refuse; a refusal must change nothing."""
        before = self.run(snapshot())
        try:
            self.run(step)
        except DomainError:
            assert self.run(snapshot()) == before, "a refused step changed something"

    def pick(self, model: type[Model], index: int, **where: Any) -> Any:
        rows = self.run(model.filter(**where).order_by("id"))
        return rows[index % len(rows)] if rows else None

    @initialize()
    def network(self) -> None:
        self.run(empty_database())
        self.net: Network = self.run(twin_cities({"MUG": (3, 2, 4), "HAT": (1, 2, 0)}))
        self.places = [self.net.msp, self.net.stp, self.net.warehouse]
        # Work to start from: a split order, a drop-shipped one, a pickup.
        self.run(place(("MUG", 4), ("HAT", 2)))
        self.run(place(("CHAIR", 1), ("MUG", 1)))
        self.run(place(("HAT", 1), pickup=self.net.msp))

    @invariant()
    def consistent(self) -> None:
        self.run(check_invariants())

    @rule(
        lines=st.lists(
            st.tuples(st.sampled_from((*SKUS, "CHAIR")), st.integers(1, 4)),
            min_size=1,
            max_size=2,
            unique_by=lambda line: line[0],
        ),
        pickup=st.booleans(),
    )
    def place_order(self, lines: list[tuple[str, int]], pickup: bool) -> None:
        self.attempt(place(*lines, pickup=self.net.msp if pickup else None))

    @rule(index=PICK)
    def accept(self, index: int) -> None:
        if fo := self.pick(FulfillmentOrder, index, status="OPEN"):
            self.attempt(fulfillment.accept(fo.id, SYSTEM))

    @rule(index=PICK)
    def pack(self, index: int) -> None:
        if fo := self.pick(FulfillmentOrder, index, status="ACCEPTED"):
            self.attempt(fulfillment.pack(fo.id, SYSTEM))

    @rule(index=PICK, action=st.sampled_from(("accept", "pack", "ship", "ready", "pick_up")))
    def anything_on_any(self, index: int, action: str) -> None:
        """Whatever the state: the state machine says no, and nothing changes."""
        fo = self.pick(FulfillmentOrder, index)
        calls = {
            "accept": fulfillment.accept,
            "pack": fulfillment.pack,
            "ship": fulfillment.ship,
            "ready": pickup.mark_ready_for_pickup,
            "pick_up": lambda fo_id, actor: pickup.mark_picked_up(fo_id, None, actor),
        }
        self.attempt(calls[action](fo.id, SYSTEM))

    @rule(index=PICK, partly=st.booleans())
    def ship(self, index: int, partly: bool, fo_id: int | None = None) -> None:
        if fo_id is None:
            fo = self.pick(FulfillmentOrder, index, status__in=("ACCEPTED", "PACKED"))
            if fo is None:
                return
            fo_id = fo.id
        lines = None
        if partly:
            line = self.run(FulfillmentOrderLine.filter(fulfillment_order_id=fo_id).first())
            lines = [ShipLine(line.order_line_id, 1)]  # type: ignore[union-attr]
        self.attempt(fulfillment.ship(fo_id, SYSTEM, "UPS", None, lines))

    @rule(index=PICK, partly=st.booleans())
    def work_through(self, index: int, partly: bool) -> None:
        """Accept and ship in one go, so that sequences reach deliveries and returns."""
        if fo := self.pick(FulfillmentOrder, index, status="OPEN"):
            self.attempt(fulfillment.accept(fo.id, SYSTEM))
            self.ship(index=0, partly=partly, fo_id=fo.id)

    @rule(index=PICK, reason=st.sampled_from(RejectReason))
    def reject(self, index: int, reason: RejectReason) -> None:
        if fo := self.pick(FulfillmentOrder, index, status__in=LIVE):
            self.attempt(rejection.reject(fo.id, reason, None, SYSTEM))

    @rule(index=PICK, where=st.integers(0, 3))
    def move(self, index: int, where: int) -> None:
        if fo := self.pick(FulfillmentOrder, index, status__in=LIVE):
            if where < len(self.places):
                target = {"location_id": self.places[where].id}
            else:
                target = {"vendor_id": self.net.vendor.id}
            self.attempt(fulfillment_move.move(fo.id, SYSTEM, **target))

    @rule(index=PICK)
    def miss_the_deadline(self, index: int) -> None:
        if fo := self.pick(FulfillmentOrder, index):
            past = datetime.now(UTC) - timedelta(minutes=1)
            self.run(FulfillmentOrder.filter(id=fo.id).update(accept_by=past))
            self.run(expire_overdue(datetime.now(UTC)))

    @rule(index=PICK)
    def deliver(self, index: int) -> None:
        if shipment := self.pick(Shipment, index, delivered_at=None):
            self.attempt(fulfillment.mark_delivered(shipment.id, SYSTEM))

    @rule(index=PICK)
    def ready_for_pickup(self, index: int) -> None:
        if fo := self.pick(FulfillmentOrder, index, order__delivery_method="PICKUP"):
            self.attempt(pickup.mark_ready_for_pickup(fo.id, SYSTEM))

    @rule(index=PICK)
    def pick_up(self, index: int) -> None:
        if fo := self.pick(FulfillmentOrder, index, order__delivery_method="PICKUP"):
            self.attempt(pickup.mark_picked_up(fo.id, None, SYSTEM))

    @rule(index=PICK)
    def not_collected(self, index: int) -> None:
        if fo := self.pick(FulfillmentOrder, index, status="READY_FOR_PICKUP"):
            past = datetime.now(UTC) - timedelta(minutes=1)
            self.run(FulfillmentOrder.filter(id=fo.id).update(pickup_expires_at=past))
            self.run(expire_uncollected(datetime.now(UTC)))

    @rule(index=PICK)
    def cancel(self, index: int) -> None:
        if order := self.pick(Order, index):
            self.attempt(cancel_order(order.id, CancelReason.CUSTOMER, SYSTEM))

    @rule(index=PICK, quantity=st.integers(1, 3))
    def cancel_some(self, index: int, quantity: int) -> None:
        if line := self.pick(OrderLine, index):
            cancellation = [LineCancellation(line.id, quantity)]
            self.attempt(
                cancel_order_lines(line.order_id, cancellation, CancelReason.OTHER, SYSTEM)
            )

    @rule(index=PICK, quantity=st.integers(1, 2), reason=st.sampled_from(RejectReason))
    def short_pick(self, index: int, quantity: int, reason: RejectReason) -> None:
        if fo := self.pick(FulfillmentOrder, index, status__in=LIVE):
            line = self.run(FulfillmentOrderLine.filter(fulfillment_order_id=fo.id).first())
            short = [ShipLine(line.order_line_id, quantity)]  # type: ignore[union-attr]
            self.attempt(rejection.reject(fo.id, reason, None, SYSTEM, short))

    @rule(
        index=PICK,
        quantity=st.integers(0, 5),
        add=st.one_of(st.none(), st.tuples(st.sampled_from((*SKUS, "CHAIR")), st.integers(1, 3))),
    )
    def edit(self, index: int, quantity: int, add: tuple[str, int] | None) -> None:
        if line := self.pick(OrderLine, index):
            change = OrderEdit(
                set_quantities=(SetQuantity(line.id, quantity),),
                add_lines=(LineInput(*add),) if add else (),
            )
            self.attempt(edit_order(line.order_id, change, SYSTEM))

    @rule(index=PICK, st_paul=st.booleans())
    def change_address(self, index: int, st_paul: bool) -> None:
        if order := self.pick(Order, index, delivery_method="SHIP"):
            address = ST_PAUL_CUSTOMER if st_paul else MINNEAPOLIS_CUSTOMER
            self.attempt(update_order(order.id, OrderUpdate(shipping_address=address), SYSTEM))

    @rule(index=PICK, release=st.booleans())
    def hold_or_release(self, index: int, release: bool) -> None:
        if order := self.pick(Order, index):
            if release:
                self.attempt(release_hold(order.id, SYSTEM))
            else:
                self.attempt(hold_order(order.id, HoldReason.OTHER, None, SYSTEM))

    @rule(where=st.integers(0, 2), sku=st.sampled_from(SKUS), delta=st.integers(-3, 3))
    def stock_changes(self, where: int, sku: str, delta: int) -> None:
        async def change() -> None:
            reason = AdjustmentReason.RECEIVED if delta > 0 else AdjustmentReason.COUNT
            await adjust_inventory(self.places[where].id, sku, delta, reason, SYSTEM)

        self.attempt(change())

    @rule(
        index=PICK,
        where=st.integers(0, 2),
        disposition=st.sampled_from(ReturnDisposition),
        declined=st.booleans(),
    )
    def customer_returns_one(
        self, index: int, where: int, disposition: ReturnDisposition, declined: bool
    ) -> None:
        line = self.pick(OrderLine, index, shipped_quantity__gt=0)
        if line is None:
            return

        async def send_back() -> None:
            request = return_ops.ReturnLineInput(line.id, 1, "changed my mind")
            row = await return_ops.request_return(line.order_id, [request], SYSTEM)
            if declined:
                await return_ops.decline_return(row.id, "worn", SYSTEM)
                return
            await return_ops.approve_return(row.id, SYSTEM)
            (return_line,) = await row.lines.all()
            receipt = return_ops.Receipt(return_line.id, disposition)
            await return_ops.receive_return(row.id, self.places[where].id, [receipt], SYSTEM)

        self.attempt(send_back())


@pytest.fixture(scope="session")
async def session_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


def test_stock_and_quantities_stay_consistent(
    db: Settings, session_loop: asyncio.AbstractEventLoop
) -> None:
    FulfillmentWork.loop = session_loop
    run_state_machine_as_test(
        FulfillmentWork,
        settings=settings(
            max_examples=examples(dev=5, ci=15),
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
