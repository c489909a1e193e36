"""The assignee's work against a real database: each transition allowed and refused,
rejections with their stock effects and re-routing, partial shipments, delivery,
pickup, moves, daily capacity."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.errors import ErrorCode
from models.operations import fulfillment as ops
from models.operations import fulfillment_move, pickup, rejection
from models.operations.fulfillment import ShipLine
from models.operations.fulfillment_state import NotAssignee
from models.operations.locations import update_location
from models.operations.order_actions import hold_order, release_hold
from models.operations.rejection import RejectReason
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM, Actor, Role
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLedgerEntry,
    InventoryLevel,
    Location,
    Order,
    OrderEvent,
    OrderLine,
    OutboxEvent,
    Shipment,
    ShipmentLine,
)
from tests.support.factories import Network, twin_cities
from tests.support.operations import fulfillment_orders, only_open, place, refused, snapshot

pytestmark = pytest.mark.usefixtures("db")


async def stock(location: Location, sku: str) -> tuple[int, int]:
    level = await InventoryLevel.get(location_id=location.id, product__sku=sku)
    return level.on_hand, level.reserved


async def line_of(order: Order) -> OrderLine:
    (line,) = await OrderLine.filter(order_id=order.id)
    return line


def staff_of(*locations: Location) -> Actor:
    return Actor(Role.STAFF, "store", location_ids=frozenset(loc.id for loc in locations))


@pytest.fixture
async def net() -> Network:
    return await twin_cities({"MUG": (5, 5, 20), "HAT": (5, 5, 20)})


# -- accept and pack ---------------------------------------------------------------


async def test_accept_then_pack_moves_the_order_in_progress(net: Network) -> None:
    order = await place(("MUG", 2))
    fo = await only_open(order)
    accepted = await ops.accept(fo.id, staff_of(net.msp))
    assert accepted.status == "ACCEPTED" and accepted.accepted_at is not None
    assert (await Order.get(id=order.id)).status == "IN_PROGRESS"
    packed = await ops.pack(fo.id, staff_of(net.msp))
    assert packed.status == "PACKED" and packed.packed_at is not None
    types = await OrderEvent.filter(order_id=order.id).values_list("type", "actor")
    assert ("ACCEPTED", "staff:store") in types
    assert ("PACKED", "staff:store") in types


async def test_pack_before_accept_and_accept_twice_are_refused(net: Network) -> None:
    order = await place(("MUG", 1))
    fo = await only_open(order)
    error = await refused(ErrorCode.INVALID_TRANSITION, ops.pack(fo.id, SYSTEM))
    assert "cannot pack a fulfillment order that is OPEN; allowed when ACCEPTED" in error.message
    await ops.accept(fo.id, SYSTEM)
    await refused(ErrorCode.INVALID_TRANSITION, ops.accept(fo.id, SYSTEM))


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        ("OPEN", {"accept", "reject", "move"}),
        ("ACCEPTED", {"pack", "ship", "reject", "move"}),
        ("PACKED", {"ship", "reject", "move"}),
        ("SHIPPED", set()),
        ("REJECTED", set()),
        ("CANCELLED", set()),
    ],
)
async def test_each_forbidden_action_from_each_state(
    net: Network, state: str, allowed: set[str]
) -> None:
    """The allowed ones are exercised by the tests below; here every other one is refused
    with INVALID_TRANSITION and changes nothing."""
    order = await place(("MUG", 1))
    fo = await only_open(order)
    await FulfillmentOrder.filter(id=fo.id).update(status=state)
    actions = {
        "accept": lambda: ops.accept(fo.id, SYSTEM),
        "pack": lambda: ops.pack(fo.id, SYSTEM),
        "ship": lambda: ops.ship(fo.id, SYSTEM),
        "reject": lambda: rejection.reject(fo.id, RejectReason.OTHER, None, SYSTEM),
        "move": lambda: fulfillment_move.move(fo.id, SYSTEM, location_id=net.stp.id),
    }
    for name in sorted(actions.keys() - allowed):
        error = await refused(ErrorCode.INVALID_TRANSITION, actions[name]())
        assert f"that is {state}" in error.message, name


# -- scope -----------------------------------------------------------------------


async def test_another_store_or_vendor_may_not_work_it(net: Network) -> None:
    order = await place(("MUG", 1))
    fo = await only_open(order)
    outsiders = [
        staff_of(net.stp),
        Actor(Role.VENDOR, "vendor", vendor_id=net.vendor.id),
        Actor(Role.PARTNER, "partner", channel="web"),
        Actor(Role.VIEWER, "viewer"),
    ]
    before = await snapshot()
    for actor in outsiders:
        for call in (
            ops.accept(fo.id, actor),
            rejection.reject(fo.id, RejectReason.OTHER, None, actor),
            ops.ship(fo.id, actor),
        ):
            with pytest.raises(NotAssignee):
                await call
    assert await snapshot() == before


async def test_a_vendor_works_its_own_drop_ship_order(net: Network) -> None:
    order = await place(("CHAIR", 1))
    fo = await only_open(order)
    assert fo.vendor_id == net.vendor.id  # type: ignore[attr-defined]
    vendor = Actor(Role.VENDOR, "northwoods", vendor_id=net.vendor.id)
    await ops.accept(fo.id, vendor)
    shipped = await ops.ship(fo.id, vendor, carrier="UPS", tracking_number="1Z")
    assert shipped.fulfillment_order.status == "SHIPPED"
    assert (await Order.get(id=order.id)).status == "SHIPPED"
    with pytest.raises(NotAssignee):
        await ops.mark_delivered(shipped.shipment.id, staff_of(net.msp))
    await ops.mark_delivered(shipped.shipment.id, vendor)
    assert (await Order.get(id=order.id)).status == "DELIVERED"


# -- holds -----------------------------------------------------------------------


async def test_a_held_order_cannot_be_accepted_packed_or_shipped(net: Network) -> None:
    order = await place(("MUG", 2))
    fo = await only_open(order)
    await ops.accept(fo.id, SYSTEM)
    await hold_order(order.id, HoldReason.HIGH_RISK_OF_FRAUD, None, SYSTEM)
    for call in (ops.pack(fo.id, SYSTEM), ops.ship(fo.id, SYSTEM)):
        error = await refused(ErrorCode.INVALID_TRANSITION, call)
        assert "ON_HOLD" in error.message
    await release_hold(order.id, SYSTEM)
    await ops.pack(fo.id, SYSTEM)


async def test_rejecting_while_held_waits_for_the_release_to_route(net: Network) -> None:
    order = await place(("MUG", 2))
    fo = await only_open(order)
    await hold_order(order.id, HoldReason.OTHER, None, SYSTEM)
    await rejection.reject(fo.id, RejectReason.CAPACITY, None, SYSTEM)
    assert [f.status for f in await fulfillment_orders(order)] == ["REJECTED"]
    assert (await line_of(order)).allocated_quantity == 0
    assert await stock(net.msp, "MUG") == (5, 0)
    await release_hold(order.id, SYSTEM)
    new = await only_open(order)
    assert new.location_id == net.stp.id  # type: ignore[attr-defined]


# -- reject and re-route ---------------------------------------------------------


async def test_reject_routes_elsewhere_and_never_back(net: Network) -> None:
    order = await place(("MUG", 2))
    first = await only_open(order)
    assert first.location_id == net.msp.id  # type: ignore[attr-defined]
    await rejection.reject(first.id, RejectReason.CAPACITY, "short-staffed", SYSTEM)
    second = await only_open(order)
    assert second.location_id == net.stp.id  # type: ignore[attr-defined]
    assert await stock(net.msp, "MUG") == (5, 0)  # CAPACITY leaves the shelf alone
    assert await stock(net.stp, "MUG") == (5, 2)
    await rejection.reject(second.id, RejectReason.OTHER, None, SYSTEM)
    third = await only_open(order)
    assert third.location_id == net.warehouse.id  # type: ignore[attr-defined]
    await rejection.reject(third.id, RejectReason.OTHER, None, SYSTEM)
    line = await line_of(order)
    assert (line.allocated_quantity, line.backordered_quantity) == (0, 2)
    assert (await Order.get(id=order.id)).status == "BACKORDERED"
    statuses = [fo.status for fo in await fulfillment_orders(order)]
    assert statuses == ["REJECTED"] * 3
    rejected = await FulfillmentOrder.get(id=first.id)
    assert (rejected.reject_reason, rejected.reject_message) == ("CAPACITY", "short-staffed")
    assert await OutboxEvent.filter(type="ASSIGNED").count() == 3


async def test_out_of_stock_leaves_exactly_what_others_hold(net: Network) -> None:
    other = await place(("MUG", 2))  # another order keeps 2 reserved at MSP-01
    order = await place(("MUG", 1))
    fo = await only_open(order)
    assert fo.location_id == net.msp.id  # type: ignore[attr-defined]
    assert await stock(net.msp, "MUG") == (5, 3)
    await rejection.reject(fo.id, RejectReason.OUT_OF_STOCK, None, SYSTEM)
    assert await stock(net.msp, "MUG") == (2, 2)  # available 0, the other order still backed
    reasons = await InventoryLedgerEntry.filter(
        level__location_id=net.msp.id, level__product__sku="MUG"
    ).values_list("reason", "on_hand_delta", "reserved_delta")
    assert reasons[-2:] == [("RELEASED", 0, -1), ("REJECTED_OUT_OF_STOCK", -3, 0)]
    assert (await only_open(other)).location_id == net.msp.id  # type: ignore[attr-defined]


async def test_damaged_takes_the_rejected_units_off_the_shelf(net: Network) -> None:
    order = await place(("MUG", 2), ("HAT", 1))
    fo = await only_open(order)
    await rejection.reject(fo.id, RejectReason.DAMAGED, "dropped the box", SYSTEM)
    assert await stock(net.msp, "MUG") == (3, 0)
    assert await stock(net.msp, "HAT") == (4, 0)
    assert await InventoryLedgerEntry.filter(reason="REJECTED_DAMAGED").count() == 2


async def test_rejecting_after_a_partial_shipment_routes_only_the_rest(net: Network) -> None:
    order = await place(("MUG", 3))
    fo = await only_open(order)
    line = await line_of(order)
    await ops.accept(fo.id, SYSTEM)
    await ops.ship(fo.id, SYSTEM, lines=[ShipLine(line.id, 1)])
    await rejection.reject(fo.id, RejectReason.OUT_OF_STOCK, None, SYSTEM)
    new = await only_open(order)
    (new_line,) = await FulfillmentOrderLine.filter(fulfillment_order_id=new.id)
    assert new_line.quantity == 2
    line = await line_of(order)
    assert (line.allocated_quantity, line.shipped_quantity) == (3, 1)
    assert await stock(net.msp, "MUG") == (0, 0)
    assert (await Order.get(id=order.id)).status == "PARTIALLY_SHIPPED"


# -- ship ------------------------------------------------------------------------


async def test_partial_shipments_until_nothing_is_left(net: Network) -> None:
    order = await place(("MUG", 3), ("HAT", 2))
    fo = await only_open(order)
    mug, hat = await OrderLine.filter(order_id=order.id).order_by("id")
    await ops.accept(fo.id, SYSTEM)

    first = await ops.ship(fo.id, SYSTEM, "UPS", "1Z1", [ShipLine(mug.id, 1)])
    assert first.fulfillment_order.status == "ACCEPTED"
    assert (await Order.get(id=order.id)).status == "PARTIALLY_SHIPPED"
    assert await stock(net.msp, "MUG") == (4, 2)

    await ops.pack(fo.id, SYSTEM)
    second = await ops.ship(fo.id, SYSTEM, lines=[ShipLine(mug.id, 1), ShipLine(hat.id, 2)])
    assert second.fulfillment_order.status == "PACKED"
    assert await stock(net.msp, "HAT") == (3, 0)

    error = await refused(ErrorCode.INVALID, ops.ship(fo.id, SYSTEM, lines=[ShipLine(mug.id, 2)]))
    assert "1 left to ship here, 2 requested" in error.message
    assert error.field == ["lines", "0", "quantity"]
    await refused(ErrorCode.INVALID, ops.ship(fo.id, SYSTEM, lines=[ShipLine(hat.id, 1)]))

    last = await ops.ship(fo.id, SYSTEM)
    assert last.fulfillment_order.status == "SHIPPED"
    assert last.fulfillment_order.shipped_at is not None
    assert await ShipmentLine.filter(shipment_id=last.shipment.id).values_list(
        "order_line_id", "quantity"
    ) == [(mug.id, 1)]
    assert await stock(net.msp, "MUG") == (2, 0)
    mug, hat = await OrderLine.filter(order_id=order.id).order_by("id")
    assert (mug.shipped_quantity, hat.shipped_quantity) == (3, 2)
    assert (await Order.get(id=order.id)).status == "SHIPPED"
    await refused(ErrorCode.INVALID_TRANSITION, ops.ship(fo.id, SYSTEM))
    shipments = await Shipment.filter(fulfillment_order_id=fo.id).order_by("id")
    assert [(s.carrier, s.tracking_number) for s in shipments] == [
        ("UPS", "1Z1"),
        (None, None),
        (None, None),
    ]


async def test_ship_refuses_bad_lines(net: Network) -> None:
    order = await place(("MUG", 2))
    other = await place(("HAT", 1))
    fo = await only_open(order)
    await ops.accept(fo.id, SYSTEM)
    line = await line_of(order)
    foreign = await line_of(other)
    await refused(ErrorCode.NOT_FOUND, ops.ship(fo.id, SYSTEM, lines=[ShipLine(foreign.id, 1)]))
    await refused(ErrorCode.INVALID, ops.ship(fo.id, SYSTEM, lines=[ShipLine(line.id, 0)]))
    await refused(ErrorCode.INVALID, ops.ship(fo.id, SYSTEM, lines=[]))
    await refused(
        ErrorCode.INVALID,
        ops.ship(fo.id, SYSTEM, lines=[ShipLine(line.id, 1), ShipLine(line.id, 2)]),
    )
    await refused(ErrorCode.INVALID, ops.ship(fo.id, SYSTEM, carrier="x" * 101))
    await refused(ErrorCode.NOT_FOUND, ops.ship(999_999, SYSTEM))


async def test_delivery_of_every_shipment_makes_the_order_delivered(net: Network) -> None:
    order = await place(("MUG", 2))
    fo = await only_open(order)
    line = await line_of(order)
    await ops.accept(fo.id, SYSTEM)
    first = await ops.ship(fo.id, SYSTEM, lines=[ShipLine(line.id, 1)])
    second = await ops.ship(fo.id, SYSTEM)
    await ops.mark_delivered(first.shipment.id, staff_of(net.msp))
    assert (await line_of(order)).delivered_quantity == 1
    placed = await Order.get(id=order.id)
    assert (placed.status, placed.delivered_at) == ("SHIPPED", None)
    await refused(ErrorCode.INVALID_TRANSITION, ops.mark_delivered(first.shipment.id, SYSTEM))
    with pytest.raises(NotAssignee):
        await ops.mark_delivered(second.shipment.id, staff_of(net.stp))
    await ops.mark_delivered(second.shipment.id, SYSTEM)
    delivered = await Order.get(id=order.id)
    assert delivered.status == "DELIVERED" and delivered.delivered_at is not None
    await refused(ErrorCode.NOT_FOUND, ops.mark_delivered(999_999, SYSTEM))


# -- pickup ----------------------------------------------------------------------


async def test_picked_up_ships_and_delivers_everything_left(net: Network) -> None:
    order = await place(("MUG", 2), pickup=net.stp)
    fo = await only_open(order)
    assert fo.location_id == net.stp.id  # type: ignore[attr-defined]
    await refused(ErrorCode.INVALID_TRANSITION, pickup.mark_picked_up(fo.id, None, SYSTEM))
    await ops.accept(fo.id, staff_of(net.stp))
    ready = await pickup.mark_ready_for_pickup(fo.id, staff_of(net.stp))
    assert ready.status == "READY_FOR_PICKUP"
    assert (await Order.get(id=order.id)).status == "READY_FOR_PICKUP"
    done = await pickup.mark_picked_up(fo.id, ready.pickup_code, staff_of(net.stp))
    assert done.status == "SHIPPED"
    line = await line_of(order)
    assert (line.shipped_quantity, line.delivered_quantity) == (2, 2)
    picked = await Order.get(id=order.id)
    assert picked.status == "DELIVERED" and picked.delivered_at is not None
    assert await stock(net.stp, "MUG") == (3, 0)
    (shipment,) = await Shipment.filter(fulfillment_order_id=fo.id)
    assert shipment.delivered_at is not None


async def test_picked_up_is_for_pickup_orders_only(net: Network) -> None:
    order = await place(("MUG", 1))
    fo = await only_open(order)
    await ops.accept(fo.id, SYSTEM)
    for attempt in (
        pickup.mark_ready_for_pickup(fo.id, SYSTEM),
        pickup.mark_picked_up(fo.id, None, SYSTEM),
    ):
        error = await refused(ErrorCode.INVALID, attempt)
        assert "SHIP order" in error.message


# -- move ------------------------------------------------------------------------


async def test_move_carries_the_reservation_and_restarts_the_clock(net: Network) -> None:
    order = await place(("MUG", 2))
    fo = await only_open(order)
    await ops.accept(fo.id, SYSTEM)
    before = datetime.now(UTC)
    moved = await fulfillment_move.move(fo.id, SYSTEM, location_id=net.warehouse.id)
    assert moved.status == "OPEN" and moved.accepted_at is None
    assert moved.location_id == net.warehouse.id  # type: ignore[attr-defined]
    assert moved.assigned_at >= before and moved.accept_by > moved.assigned_at  # type: ignore[operator]
    assert await stock(net.msp, "MUG") == (5, 0)
    assert await stock(net.warehouse, "MUG") == (20, 2)
    assert "moved by admin:system from MSP-01 to WH-EAGAN" in moved.routing_reason
    announced = await OutboxEvent.filter(type="ASSIGNED").order_by("-id").first()
    assert announced is not None and announced.stream == f"location:{net.warehouse.id}"
    vendor_fo = await fulfillment_move.move(fo.id, SYSTEM, vendor_id=net.vendor.id)
    assert vendor_fo.vendor_id == net.vendor.id  # type: ignore[attr-defined]
    assert await stock(net.warehouse, "MUG") == (20, 0)


async def test_move_refuses_what_cannot_be_done(net: Network) -> None:
    order = await place(("MUG", 4))
    fo = await only_open(order)
    await InventoryLevel.filter(location_id=net.stp.id).update(safety_stock=2)
    error = await refused(
        ErrorCode.INSUFFICIENT_STOCK, fulfillment_move.move(fo.id, SYSTEM, location_id=net.stp.id)
    )
    assert "MUG has 3 available at STP-01, 4 needed" in error.message
    await refused(ErrorCode.INVALID, fulfillment_move.move(fo.id, SYSTEM, location_id=net.msp.id))
    await refused(ErrorCode.INVALID, fulfillment_move.move(fo.id, SYSTEM))
    await refused(
        ErrorCode.INVALID,
        fulfillment_move.move(fo.id, SYSTEM, location_id=net.stp.id, vendor_id=net.vendor.id),
    )
    await refused(ErrorCode.NOT_FOUND, fulfillment_move.move(fo.id, SYSTEM, location_id=999_999))
    await update_location(net.warehouse.id, active=False)
    await refused(
        ErrorCode.INVALID, fulfillment_move.move(fo.id, SYSTEM, location_id=net.warehouse.id)
    )
    await ops.accept(fo.id, SYSTEM)
    await ops.ship(fo.id, SYSTEM, lines=[ShipLine((await line_of(order)).id, 1)])
    await update_location(net.warehouse.id, active=True)
    error = await refused(
        ErrorCode.INVALID, fulfillment_move.move(fo.id, SYSTEM, location_id=net.warehouse.id)
    )
    assert "already shipped 1 unit(s)" in error.message


async def test_a_pickup_order_stays_at_its_pickup_location(net: Network) -> None:
    order = await place(("MUG", 1), pickup=net.msp)
    fo = await only_open(order)
    await refused(ErrorCode.INVALID, fulfillment_move.move(fo.id, SYSTEM, location_id=net.stp.id))


# -- daily capacity ----------------------------------------------------------------


async def test_a_location_at_its_daily_capacity_is_skipped(net: Network) -> None:
    await update_location(net.msp.id, daily_capacity=1)
    first = await place(("MUG", 1))
    assert (await only_open(first)).location_id == net.msp.id  # type: ignore[attr-defined]
    second = await place(("MUG", 1))
    assert (await only_open(second)).location_id == net.stp.id  # type: ignore[attr-defined]


async def test_a_rejected_assignment_frees_the_day_for_other_orders(net: Network) -> None:
    await update_location(net.msp.id, daily_capacity=1)
    first = await place(("MUG", 1))
    await rejection.reject((await only_open(first)).id, RejectReason.OTHER, None, SYSTEM)
    second = await place(("MUG", 1))
    assert (await only_open(second)).location_id == net.msp.id  # type: ignore[attr-defined]
