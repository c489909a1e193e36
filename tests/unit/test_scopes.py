"""Who may see and do what, per role and scope."""

from models.rules.inventory import available, on_hand_problem
from models.rules.scopes import (
    Actor,
    Role,
    may_act_for_channel,
    may_change_location_stock,
    may_plan_for_channel,
    may_see_fulfillment,
    may_see_order,
    scope_problem,
    stock_location_scope,
)

STAFF = Actor(Role.STAFF, "msp", location_ids=frozenset({1}))
VENDOR = Actor(Role.VENDOR, "nw", vendor_id=7)
PARTNER = Actor(Role.PARTNER, "web", channel="web")
VIEWER = Actor(Role.VIEWER, "v")
ADMIN = Actor(Role.ADMIN, "a")


def test_staff_sees_its_own_location_only() -> None:
    assert may_see_fulfillment(STAFF, 1, None)
    assert not may_see_fulfillment(STAFF, 2, None)
    assert not may_see_fulfillment(STAFF, None, 7)
    assert may_change_location_stock(STAFF, 1) and not may_change_location_stock(STAFF, 2)
    assert stock_location_scope(STAFF) == frozenset({1})


def test_vendor_sees_its_own_fulfillment_only() -> None:
    assert may_see_fulfillment(VENDOR, None, 7)
    assert not may_see_fulfillment(VENDOR, None, 8)
    assert not may_see_fulfillment(VENDOR, 1, None)
    assert stock_location_scope(VENDOR) == frozenset()


def test_partner_is_scoped_to_its_channel() -> None:
    assert may_see_order(PARTNER, "web", frozenset())
    assert not may_see_order(PARTNER, "pos", frozenset())
    assert may_act_for_channel(PARTNER, "web") and not may_act_for_channel(PARTNER, "pos")
    assert may_see_fulfillment(PARTNER, 1, None, "web")
    assert not may_see_fulfillment(PARTNER, 1, None, "pos")


def test_viewer_reads_everything_and_changes_nothing() -> None:
    assert may_see_order(VIEWER, "pos", frozenset())
    assert not may_change_location_stock(VIEWER, 1)
    assert not may_act_for_channel(VIEWER, "web")
    assert may_act_for_channel(ADMIN, "anything")
    assert may_plan_for_channel(VIEWER, "pos") and not may_plan_for_channel(PARTNER, "pos")


def test_key_shapes() -> None:
    assert scope_problem(Role.STAFF, frozenset(), None, None)
    assert scope_problem(Role.VENDOR, frozenset(), None, None)
    assert scope_problem(Role.PARTNER, frozenset(), None, None)
    assert scope_problem(Role.ADMIN, frozenset({1}), None, None)
    assert scope_problem(Role.STAFF, frozenset({1}), None, None) is None


def test_availability_arithmetic() -> None:
    assert available(10, 3, 2) == 5
    assert available(3, 3, 2) == 0
    assert on_hand_problem(-1, 0)
    assert on_hand_problem(2, 3)
    assert on_hand_problem(3, 3) is None
