"""Pure rules of issue 13 items 4-5: topic names, who may subscribe to what and hears of
what, and which units a cancellation request may ask for."""

from __future__ import annotations

from models.rules.cancellation import units_problem
from models.rules.scopes import Actor, Role
from models.rules.webhooks import (
    VENDOR_URL_EVENTS,
    WebhookTopic,
    event_name,
    subscription_hears,
    topics_problem,
)

ADMIN = Actor(Role.ADMIN, "admin")
WEB = Actor(Role.PARTNER, "shop", channel="web")
NORTHWOODS = Actor(Role.VENDOR, "nw", vendor_id=1)


def test_topics_are_named_by_subject_and_what_happened() -> None:
    assert event_name(WebhookTopic.FULFILLMENT_ORDER_CANCELLED) == "fulfillment_order.cancelled"
    assert event_name(WebhookTopic.ORDER_READY_FOR_PICKUP) == "order.ready_for_pickup"
    assert event_name(WebhookTopic.SHIPMENT_CREATED) == "shipment.created"
    assert event_name(WebhookTopic.RETURN_REFUNDED) == "return.refunded"
    assert "fulfillment_order.held" in VENDOR_URL_EVENTS


def test_a_vendor_subscribes_to_its_work_only() -> None:
    assert topics_problem(Role.VENDOR, [WebhookTopic.FULFILLMENT_ORDER_ASSIGNED]) is None
    problem = topics_problem(Role.VENDOR, [WebhookTopic.ORDER_CREATED])
    assert problem is not None and "ORDER_CREATED" in problem
    assert topics_problem(Role.PARTNER, [WebhookTopic.ORDER_CREATED]) is None
    assert topics_problem(Role.ADMIN, []) == "name at least one topic"


def test_a_subscription_hears_what_its_key_reads() -> None:
    assert subscription_hears(ADMIN, "pos", None)
    assert subscription_hears(WEB, "web", None)
    assert not subscription_hears(WEB, "pos", None)
    assert subscription_hears(WEB, "web", (3, None))
    assert not subscription_hears(NORTHWOODS, "web", None)
    assert subscription_hears(NORTHWOODS, "web", (None, 1))
    assert not subscription_hears(NORTHWOODS, "web", (None, 2))
    assert not subscription_hears(NORTHWOODS, "web", (3, None))


def test_a_request_asks_only_for_units_still_there() -> None:
    left, asked = {10: 3, 11: 1}, {10: 2}
    assert units_problem({10: 1, 11: 1}, left, asked) is None
    assert units_problem({}, left, asked) == (0, "name at least one unit to cancel")
    assert units_problem({12: 1}, left, asked)[0] == 12  # type: ignore[index]
    assert units_problem({11: 0}, left, asked)[1] == "quantity must be 1 or more"  # type: ignore[index]
    too_many = units_problem({10: 2}, left, asked)
    assert too_many is not None and "1 units" in too_many[1]
