"""A placement rings the subscriptions of its own process when it commits: the store's
dashboard hears of its assignment without the outbox relay's round."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from api.app import create_app
from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from models.tables import OutboxEvent
from resolvers import subscriptions
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.servers import free_port, in_process, place
from tests.support.ws import ASSIGNED, subscribe


@asynccontextmanager
async def serving_without_relay(settings: Settings) -> AsyncIterator[str]:
    """The real app on a real uvicorn in this process, its hub started and its relay not:
    nothing publishes the outbox, in this process or any other."""
    app = create_app(settings)
    async with app.state.hub, in_process(app, free_port()) as base:
        yield base


async def test_a_placement_rings_its_own_process_without_the_relay(
    db: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only a doorbell can wake the subscription within the test.
    monkeypatch.setattr(subscriptions, "POLL_SECONDS", 60.0)
    network = await twin_cities({"MUG": (5, 5, 5)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    _, staff = await create_api_key("msp", Role.STAFF, [network.msp.id])
    msp = encode_id("Location", network.msp.id)
    async with (
        serving_without_relay(db) as base,
        subscribe(base, staff, ASSIGNED, {"loc": msp}) as sub,
    ):
        await sub.nothing_for(0.3)
        order = await place(base, admin, [("MUG", 1)])
        event = (await sub.next(wait=5))["fulfillmentOrderAssigned"]
        assert event["fulfillmentOrder"]["order"]["number"] == order["number"]
        assert event["fulfillmentOrder"]["location"]["code"] == "MSP-01"
        await sub.nothing_for(0.3)
    # The relay never ran: every event is still waiting to be published.
    assert not await OutboxEvent.filter(published_at__not_isnull=True).exists()
