"""Deadlines: an OPEN fulfillment order not accepted in time is routed elsewhere, and a
READY_FOR_PICKUP one not collected in time is cancelled with its stock released; each
once, by exactly one of the processes sweeping."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from api.background import deadline_sweeper
from api.settings import Settings
from models.operations import fulfillment, pickup
from models.operations.deadlines import SWEEP_BATCH, expire_overdue, expire_uncollected
from models.operations.inventory import set_inventory
from models.operations.order_actions import hold_order, release_hold
from models.operations.routing import update_settings
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM
from models.tables import (
    FulfillmentOrder,
    InventoryLevel,
    Order,
    OrderEvent,
    OrderLine,
    OutboxEvent,
)
from tests.support.database import ON_POSTGRES
from tests.support.factories import Network, twin_cities
from tests.support.operations import only_open, place

pytestmark = pytest.mark.usefixtures("db")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def net() -> Network:
    return await twin_cities({"MUG": (5, 5, 0)})


async def overdue(fo: FulfillmentOrder) -> None:
    await FulfillmentOrder.filter(id=fo.id).update(
        accept_by=datetime.now(UTC) - timedelta(minutes=1)
    )


async def test_a_short_acceptance_window_expires_and_routes_elsewhere(net: Network) -> None:
    await update_settings(acceptance_minutes=1)
    order = await place(("MUG", 2))
    first = await only_open(order)
    assert first.accept_by - first.assigned_at == timedelta(minutes=1)  # type: ignore[operator]
    assert await expire_overdue(datetime.now(UTC)) == 0
    assert await expire_overdue(datetime.now(UTC) + timedelta(minutes=2)) == 1

    expired = await FulfillmentOrder.get(id=first.id)
    assert (expired.status, expired.reject_reason) == ("REJECTED", "SLA_EXPIRED")
    second = await only_open(order)
    assert second.location_id == net.stp.id  # type: ignore[attr-defined]
    levels = dict(await InventoryLevel.all().values_list("location_id", "reserved"))
    assert levels[net.msp.id] == 0 and levels[net.stp.id] == 2
    event = await OrderEvent.get(order_id=order.id, type="EXPIRED")
    assert event.actor == "admin:system"
    assert f"fulfillment order {first.id} at MSP-01 was not accepted by" in event.message
    assigned = await OutboxEvent.filter(type="ASSIGNED").order_by("-id").first()
    assert assigned is not None and assigned.stream == f"location:{net.stp.id}"
    assert (await Order.get(id=order.id)).status == "ALLOCATED"


async def test_an_expired_location_never_gets_the_lines_back(net: Network) -> None:
    order = await place(("MUG", 2))
    for _ in range(2):
        await overdue(await only_open(order))
        assert await expire_overdue(datetime.now(UTC)) == 1
    line = await OrderLine.get(order_id=order.id)
    assert (line.allocated_quantity, line.backordered_quantity) == (0, 2)
    assert (await Order.get(id=order.id)).status == "BACKORDERED"


async def test_accepted_work_does_not_expire(net: Network) -> None:
    order = await place(("MUG", 1))
    fo = await only_open(order)
    await fulfillment.accept(fo.id, SYSTEM)
    await overdue(fo)
    assert await expire_overdue(datetime.now(UTC)) == 0
    assert (await FulfillmentOrder.get(id=fo.id)).status == "ACCEPTED"


async def test_a_held_order_waits_for_its_release(net: Network) -> None:
    order = await place(("MUG", 1))
    fo = await only_open(order)
    await hold_order(order.id, HoldReason.AWAITING_PAYMENT, None, SYSTEM)
    await overdue(fo)
    assert await expire_overdue(datetime.now(UTC)) == 0
    assert (await FulfillmentOrder.get(id=fo.id)).status == "OPEN"
    await release_hold(order.id, SYSTEM)
    assert await expire_overdue(datetime.now(UTC)) == 1
    assert (await only_open(order)).location_id == net.stp.id  # type: ignore[attr-defined]


async def test_the_server_sweeps_in_the_background(net: Network) -> None:
    order = await place(("MUG", 1))
    fo = await only_open(order)
    await overdue(fo)
    async with deadline_sweeper(0.05):
        for _ in range(100):
            if (await FulfillmentOrder.get(id=fo.id)).status == "REJECTED":
                break
            await asyncio.sleep(0.05)
    assert (await only_open(order)).location_id == net.stp.id  # type: ignore[attr-defined]


async def test_a_sweep_interval_of_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="OMS_SLA_SWEEP_SECONDS must be above 0"):
        async with deadline_sweeper(0):
            pass


def test_the_interval_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMS_SLA_SWEEP_SECONDS", "5")
    assert Settings.from_env().sla_sweep_seconds == 5.0
    monkeypatch.delenv("OMS_SLA_SWEEP_SECONDS")
    assert Settings.from_env().sla_sweep_seconds == 30.0


# A server process reduced to its sweeper: it connects, says "ready", waits for "go" on
# stdin (so that both processes start together), sweeps once with the sweep named by its
# second argument and prints how many it handled.
SWEEPER = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import UTC, datetime
    from tortoise import Tortoise
    from api.settings import tortoise_config
    from models.operations import deadlines

    async def main() -> None:
        await Tortoise.init(config=tortoise_config(sys.argv[1]), _enable_global_fallback=True)
        sweep = getattr(deadlines, sys.argv[2])
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        print(await sweep(datetime.now(UTC)), flush=True)
        await Tortoise.close_connections()

    asyncio.run(main())
    """
)


async def race_two_sweepers(db: Settings, sweep: str) -> list[int]:
    """Two processes run `sweep` at the same moment: how many each handled."""
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            SWEEPER,
            db.database_url,
            sweep,
            cwd=ROOT,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    try:
        for process in processes:
            line = await asyncio.wait_for(process.stdout.readline(), 60)  # type: ignore[union-attr]
            assert line.strip() == b"ready"
        for process in processes:
            process.stdin.write(b"go\n")  # type: ignore[union-attr]
        results = await asyncio.wait_for(
            asyncio.gather(*(process.communicate() for process in processes)), 60
        )
    finally:
        for process in processes:
            if process.returncode is None:
                process.kill()
                print((await process.communicate())[1].decode(), file=sys.stderr)
    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr.decode()
    return [int(stdout.strip()) for stdout, _ in results]


async def test_two_processes_racing_route_each_expired_order_exactly_once(
    db: Settings, net: Network
) -> None:
    for store in (net.msp, net.stp):
        await set_inventory(store.id, "MUG", 20, None, SYSTEM)
    orders = [await place(("MUG", 1)) for _ in range(12)]
    firsts = [await only_open(order) for order in orders]
    for fo in firsts:
        await overdue(fo)
    assert len(firsts) < SWEEP_BATCH

    counts = await race_two_sweepers(db, "expire_overdue")
    # SQLite refuses a second writer outright rather than queueing it: what both
    # processes had to skip is left OPEN for the next sweep. PostgreSQL queues them.
    leftover = await expire_overdue(datetime.now(UTC))
    assert sum(counts) + leftover == len(orders), (counts, leftover)
    if ON_POSTGRES:
        assert leftover == 0

    for order, first in zip(orders, firsts, strict=True):
        fos = await FulfillmentOrder.filter(order_id=order.id).order_by("id")
        assert [(fo.id, fo.status) for fo in fos[:1]] == [(first.id, "REJECTED")]
        assert [fo.status for fo in fos[1:]] == ["OPEN"], "routed again exactly once"
        assert await OrderEvent.filter(order_id=order.id, type="EXPIRED").count() == 1
    levels = dict(await InventoryLevel.all().values_list("location_id", "reserved"))
    assert (levels[net.msp.id], levels[net.stp.id]) == (0, len(orders))


# -- pickups not collected ---------------------------------------------------------------


async def ready_for_pickup(net: Network, quantity: int = 1) -> FulfillmentOrder:
    order = await place(("MUG", quantity), pickup=net.msp)
    fo = await only_open(order)
    await fulfillment.accept(fo.id, SYSTEM)
    return await pickup.mark_ready_for_pickup(fo.id, SYSTEM)


async def uncollected(fo: FulfillmentOrder) -> None:
    await FulfillmentOrder.filter(id=fo.id).update(
        pickup_expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )


async def test_an_uncollected_pickup_is_cancelled_and_its_stock_returned(net: Network) -> None:
    await update_settings(pickup_hold_days=2)
    fo = await ready_for_pickup(net, 2)
    assert fo.pickup_expires_at - fo.ready_for_pickup_at == timedelta(days=2)  # type: ignore[operator]
    assert await expire_uncollected(datetime.now(UTC)) == 0
    assert await expire_uncollected(datetime.now(UTC) + timedelta(days=2, minutes=1)) == 1
    cancelled = await FulfillmentOrder.get(id=fo.id)
    assert (cancelled.status, cancelled.cancelled_at is not None) == ("CANCELLED", True)
    level = await InventoryLevel.get(location_id=net.msp.id)
    assert (level.on_hand, level.reserved) == (5, 0)
    order = await Order.get(id=fo.order_id)  # type: ignore[attr-defined]
    assert (order.status, order.cancel_reason) == ("CANCELLED", "CUSTOMER")
    line = await OrderLine.get(order_id=order.id)
    assert (line.cancelled_quantity, line.allocated_quantity) == (2, 0)
    assert await OrderEvent.filter(order_id=order.id, type="PICKUP_EXPIRED").count() == 1
    told = await OutboxEvent.filter(stream=f"location:{net.msp.id}", type="PICKUP_EXPIRED")
    assert [event.payload["fulfillmentOrderId"] for event in told] == [fo.id]
    # Nothing is left for a second sweep, and a late code finds nothing to hand over.
    assert await expire_uncollected(datetime.now(UTC) + timedelta(days=3)) == 0


async def test_the_sweeper_cancels_uncollected_pickups_in_the_background(net: Network) -> None:
    fo = await ready_for_pickup(net)
    await uncollected(fo)
    async with deadline_sweeper(0.05):
        for _ in range(100):
            if (await FulfillmentOrder.get(id=fo.id)).status == "CANCELLED":
                break
            await asyncio.sleep(0.05)
    assert (await FulfillmentOrder.get(id=fo.id)).status == "CANCELLED"


async def test_two_processes_racing_cancel_each_uncollected_pickup_exactly_once(
    db: Settings, net: Network
) -> None:
    await set_inventory(net.msp.id, "MUG", 20, None, SYSTEM)
    ready = [await ready_for_pickup(net) for _ in range(12)]
    for fo in ready:
        await uncollected(fo)

    counts = await race_two_sweepers(db, "expire_uncollected")
    leftover = await expire_uncollected(datetime.now(UTC))
    assert sum(counts) + leftover == len(ready), (counts, leftover)
    if ON_POSTGRES:
        assert leftover == 0

    for fo in ready:
        assert (await FulfillmentOrder.get(id=fo.id)).status == "CANCELLED"
        order_id = fo.order_id  # type: ignore[attr-defined]
        assert await OrderEvent.filter(order_id=order_id, type="PICKUP_EXPIRED").count() == 1
    told = OutboxEvent.filter(stream=f"location:{net.msp.id}", type="PICKUP_EXPIRED")
    assert await told.count() == len(ready), "the store told once of each"
    level = await InventoryLevel.get(location_id=net.msp.id)
    assert (level.on_hand, level.reserved) == (20, 0)
