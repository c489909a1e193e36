"""What a store subscription reads to deliver its events: the fulfillment orders with their
order, location and lines beside the outbox read, and the late-commit path still whole."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, cast

from api.hub import Hub
from api.settings import Settings
from models.operations.placement import place_order
from models.rules.scopes import SYSTEM, Actor, Role
from models.tables import OutboxEvent
from resolvers.ids import encode_id
from resolvers.pagination import encode_cursor
from tests.support.database import counting_queries
from tests.support.factories import twin_cities, web_order
from tests.support.ws import subscribed_in_process

EVENTS = """
subscription($loc: ID, $since: String) {
  fulfillmentOrderEvents(locationId: $loc, since: $since) {
    cursor type
    fulfillmentOrder {
      status location { code } vendor { code } order { number }
      lines { quantity orderLine { sku } }
    }
  }
}
"""
ADMIN = Actor(Role.ADMIN, "subscription reads")


async def event(stream: AsyncIterator[Any]) -> dict[str, Any]:
    result = await anext(stream)
    assert not result.errors, result.errors
    return cast(dict[str, Any], result.data["fulfillmentOrderEvents"])


def reading(queries: list[str], table: str) -> list[str]:
    return [q for q in queries if f'FROM "{table}"' in q]


async def test_the_events_of_a_read_come_with_their_relations_in_one_step(db: Settings) -> None:
    network = await twin_cities({"MUG": (50, 0, 0), "CUP": (50, 0, 0)})
    placed = [await place_order(web_order(("MUG", 1 + n), ("CUP", 1)), SYSTEM) for n in range(3)]
    variables = {"loc": encode_id("Location", network.msp.id), "since": encode_cursor(0)}
    async with (
        Hub("memory://") as hub,
        subscribed_in_process(db, ADMIN, EVENTS, variables, hub) as stream,
    ):
        with counting_queries() as queries:
            events = [await event(stream) for _ in placed]
    numbers = [e["fulfillmentOrder"]["order"]["number"] for e in events]
    assert numbers == [p.order.number for p in placed]
    for n, e in enumerate(events):
        fulfillment = e["fulfillmentOrder"]
        assert e["type"] == "ASSIGNED"
        assert fulfillment["location"] == {"code": "MSP-01"}
        assert fulfillment["vendor"] is None
        assert sorted(
            (line["orderLine"]["sku"], line["quantity"]) for line in fulfillment["lines"]
        ) == [
            ("CUP", 1),
            ("MUG", 1 + n),
        ]
    # One batch: the fulfillment orders with their orders and locations in one statement,
    # their lines in another, the order lines the selection asks for in a third; no read of
    # an order or a location on its own.
    assert len(reading(queries, "fulfillment_order")) == 1
    assert len(reading(queries, "fulfillment_order_line")) == 1
    assert len(reading(queries, "order_line")) == 1
    assert reading(queries, "order") == reading(queries, "location") == []


async def test_an_event_committed_late_is_delivered_whole(db: Settings) -> None:
    network = await twin_cities({"MUG": (50, 0, 0)})
    await place_order(web_order(("MUG", 3)), SYSTEM)  # keeps the cursors below alive
    first = await place_order(web_order(("MUG", 1)), SYSTEM)
    second = await place_order(web_order(("MUG", 2)), SYSTEM)
    stream_name = f"location:{network.msp.id}"
    _, early, later = await OutboxEvent.filter(stream=stream_name).order_by("id")
    # The first order's event "commits late": absent while the second one is delivered.
    await early.delete()
    variables = {"loc": encode_id("Location", network.msp.id), "since": encode_cursor(early.id - 1)}
    async with (
        Hub("memory://") as hub,
        subscribed_in_process(db, ADMIN, EVENTS, variables, hub) as stream,
    ):
        seen = await event(stream)
        assert seen["fulfillmentOrder"]["order"]["number"] == second.order.number
        await OutboxEvent.create(
            id=early.id, stream=early.stream, type=early.type, payload=early.payload
        )
        hub.ring(stream_name)
        with counting_queries() as queries:
            late = await event(stream)
    assert late["cursor"] == encode_cursor(early.id)
    assert late["fulfillmentOrder"]["order"]["number"] == first.order.number
    assert late["fulfillmentOrder"]["location"] == {"code": "MSP-01"}
    assert [line["quantity"] for line in late["fulfillmentOrder"]["lines"]] == [1]
    assert later.id > early.id
    # Not in the read of the rows after the last one sent: read with its relations anyway.
    assert reading(queries, "order") == reading(queries, "location") == []
