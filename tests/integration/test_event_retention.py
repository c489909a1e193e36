"""Retention: the server deletes old outbox rows and finished webhook deliveries in
batches; the newest outbox row stays, so subscriptions can tell an expired cursor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.operations import events
from models.operations.locations import create_vendor
from models.operations.webhooks import DeliveryStatus
from models.tables import OutboxEvent, WebhookDelivery

pytestmark = pytest.mark.usefixtures("db")


async def test_pruning_keeps_the_newest_event_unpublished_ones_and_recent_ones() -> None:
    rows = [
        await OutboxEvent.create(stream="location:1", type="ASSIGNED", payload={}) for _ in range(4)
    ]
    await OutboxEvent.filter(id__lt=rows[-2].id).update(published_at=datetime.now(UTC))
    await OutboxEvent.filter(id=rows[-1].id).update(published_at=datetime.now(UTC))
    assert await events.prune(datetime.now(UTC) - timedelta(days=1)) == 0
    assert await events.prune(datetime.now(UTC) + timedelta(days=1)) == 2
    # rows[-2] was never published: the relay still owes it to the subscribers.
    assert [r.id for r in await OutboxEvent.all().order_by("id")] == [r.id for r in rows[-2:]]


async def test_pruning_deletes_finished_deliveries_only() -> None:
    vendor = await create_vendor("NORTHWOODS", "Northwoods Furniture")
    for status in DeliveryStatus:
        await WebhookDelivery.create(
            delivery_id=status.value, vendor_id=vendor.id, event="x", body="{}", status=status
        )
    assert await events.prune(datetime.now(UTC) + timedelta(days=1)) == 2
    assert await WebhookDelivery.all().values_list("status", flat=True) == ["PENDING"]
