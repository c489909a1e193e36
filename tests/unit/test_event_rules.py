"""What a reader sees of an event: the pure rules of models/rules/events.py."""

from __future__ import annotations

import pytest

from models.rules.events import (
    FulfillmentOrderEventType,
    OrderEventType,
    TimelineView,
    cursor_expired,
    own_fulfillment_ids,
    shows_fulfillment_order,
    timeline_view,
)
from models.rules.scopes import Actor, Role

ADMIN = Actor(Role.ADMIN, "admin")
VIEWER = Actor(Role.VIEWER, "viewer")
STORE = Actor(Role.STAFF, "msp", location_ids=frozenset({1}))
VENDOR = Actor(Role.VENDOR, "northwoods", vendor_id=7)
WEB = Actor(Role.PARTNER, "web shop", channel="web")
MARKET = Actor(Role.PARTNER, "market", channel="marketplace")

MINE = (1, None)
OTHER_STORE = (2, None)
THE_VENDOR = (None, 7)


@pytest.mark.parametrize(
    ("actor", "type", "about", "view"),
    [
        (ADMIN, OrderEventType.ROUTED, [MINE, OTHER_STORE], TimelineView.WHOLE),
        (VIEWER, OrderEventType.RETURN_REQUESTED, [], TimelineView.WHOLE),
        (WEB, OrderEventType.ROUTED, [OTHER_STORE], TimelineView.WHOLE),
        (MARKET, OrderEventType.PLACED, [], TimelineView.REDACTED),
        (STORE, OrderEventType.ACCEPTED, [MINE], TimelineView.WHOLE),
        (STORE, OrderEventType.ACCEPTED, [OTHER_STORE], TimelineView.HIDDEN),
        (STORE, OrderEventType.MOVED, [MINE, OTHER_STORE], TimelineView.REDACTED),
        (STORE, OrderEventType.ROUTED, [MINE], TimelineView.REDACTED),  # the router's reasons
        (STORE, OrderEventType.LINES_CANCELLED, [], TimelineView.REDACTED),
        (STORE, OrderEventType.RETURN_RECEIVED, [], TimelineView.HIDDEN),
        (VENDOR, OrderEventType.SHIPPED, [THE_VENDOR], TimelineView.WHOLE),
        (VENDOR, OrderEventType.SHIPPED, [MINE], TimelineView.HIDDEN),
    ],
)
def test_timeline_view(
    actor: Actor,
    type: OrderEventType,
    about: list[tuple[int | None, int | None]],
    view: TimelineView,
) -> None:
    assert timeline_view(actor, "web", type, about) is view


def test_a_redacted_entry_names_only_the_readers_own_fulfillment_orders() -> None:
    about = {"location:1": ["Zm86MQ"], "location:2": ["Zm86Mg"], "vendor:7": ["Zm86Mw"]}
    assert own_fulfillment_ids(STORE, about) == ["Zm86MQ"]
    assert own_fulfillment_ids(VENDOR, about) == ["Zm86Mw"]
    assert own_fulfillment_ids(STORE, None) == []


@pytest.mark.parametrize("type", list(FulfillmentOrderEventType))
def test_work_that_went_elsewhere_carries_its_id_only(type: FulfillmentOrderEventType) -> None:
    gone = type in {
        FulfillmentOrderEventType.MOVED_AWAY,
        FulfillmentOrderEventType.EXPIRED,
        FulfillmentOrderEventType.REJECTED,
    }
    assert shows_fulfillment_order(STORE, type, 1, None) is not gone
    assert not shows_fulfillment_order(STORE, type, 2, None)  # now another store's
    assert shows_fulfillment_order(ADMIN, type, 2, None)


@pytest.mark.parametrize(
    ("since", "oldest", "expired"),
    [(0, None, False), (0, 1, False), (4, 5, False), (3, 5, True), (9, 5, False)],
)
def test_cursor_expired(since: int, oldest: int | None, expired: bool) -> None:
    assert cursor_expired(since, oldest) is expired
