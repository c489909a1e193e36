"""The read-side scope predicates (issue 11 items 1, 2, 4, 5)."""

from __future__ import annotations

import pytest

from models.rules import scopes
from models.rules.lifecycle import ReturnStatus
from models.rules.routing.reasons import assignee_reason
from models.rules.scopes import Actor, Role

ADMIN = Actor(Role.ADMIN, "a")
VIEWER = Actor(Role.VIEWER, "v")
STAFF = Actor(Role.STAFF, "s", location_ids=frozenset({1}))
VENDOR = Actor(Role.VENDOR, "n", vendor_id=7)
PARTNER = Actor(Role.PARTNER, "p", channel="web")
FULFILLED_AT_1 = frozenset({(1, None)})
FULFILLED_AT_2 = frozenset({(2, None), (None, 7)})


@pytest.mark.parametrize(
    ("actor", "assignees", "status", "received_at", "expected"),
    [
        (ADMIN, FULFILLED_AT_2, ReturnStatus.REQUESTED, None, True),
        (VIEWER, FULFILLED_AT_2, ReturnStatus.REFUNDED, 2, True),
        (PARTNER, FULFILLED_AT_2, ReturnStatus.REQUESTED, None, True),
        (STAFF, FULFILLED_AT_1, ReturnStatus.APPROVED, None, True),
        (STAFF, FULFILLED_AT_1, ReturnStatus.RECEIVED, 2, False),  # no longer awaited here
        (STAFF, FULFILLED_AT_2, ReturnStatus.RECEIVED, 1, True),  # received here
        (STAFF, FULFILLED_AT_2, ReturnStatus.APPROVED, None, False),
        (VENDOR, FULFILLED_AT_2, ReturnStatus.REQUESTED, None, False),
    ],
)
def test_may_see_return(
    actor: Actor,
    assignees: frozenset[tuple[int | None, int | None]],
    status: ReturnStatus,
    received_at: int | None,
    expected: bool,
) -> None:
    assert scopes.may_see_return(actor, "web", assignees, status, received_at) is expected


def test_a_partner_sees_its_channel_returns_only() -> None:
    assert not scopes.may_see_return(PARTNER, "pos", FULFILLED_AT_1, ReturnStatus.REQUESTED, None)


def test_staff_sees_the_return_lines_it_fulfilled_or_had_in_hand() -> None:
    assert scopes.may_see_return_line(STAFF, None, line_assigned_to_actor=True)
    assert not scopes.may_see_return_line(STAFF, None, line_assigned_to_actor=False)
    assert not scopes.may_see_return_line(STAFF, 2, line_assigned_to_actor=False)
    assert scopes.may_see_return_line(STAFF, 1, line_assigned_to_actor=False)
    assert scopes.may_see_return_line(PARTNER, None, line_assigned_to_actor=False)


def test_who_may_receive_a_return() -> None:
    assert scopes.may_receive_return(ADMIN, 9, return_visible=False)  # walk-ins
    assert scopes.may_receive_return(STAFF, 1, return_visible=True)
    assert not scopes.may_receive_return(STAFF, 1, return_visible=False)
    assert not scopes.may_receive_return(STAFF, 2, return_visible=True)
    for actor in (VIEWER, VENDOR, PARTNER):
        assert not scopes.may_receive_return(actor, 1, return_visible=True)


def test_webhook_url_readers() -> None:
    assert scopes.may_read_webhook_url(ADMIN, 3)
    assert scopes.may_read_webhook_url(VENDOR, 7)
    assert not scopes.may_read_webhook_url(VENDOR, 3)
    for actor in (VIEWER, STAFF, PARTNER):
        assert not scopes.may_read_webhook_url(actor, 7)


def test_the_assignee_reads_its_own_choice_without_the_runners_up() -> None:
    whole = "MSP-01 fills 1 x MUG alone, 3.2 km away; runners-up: STP-01 (can fill, 9.8 km)"
    assert assignee_reason(whole) == "MSP-01 fills 1 x MUG alone, 3.2 km away"
    assert assignee_reason("drop-ship rule 'X' (priority 10) sends CHAIR") == (
        "drop-ship rule 'X' (priority 10) sends CHAIR"
    )
    # A marker inside a rule's name can only make it say less.
    tricky = "MSP-01 ships A, preferred by rule 'a; runners-up: b'; runners-up: STP-01 (can fill)"
    assert "STP-01" not in assignee_reason(tricky)
    assert scopes.sees_whole_routing_reason(ADMIN) and scopes.sees_whole_routing_reason(VIEWER)
    for actor in (STAFF, VENDOR, PARTNER):
        assert not scopes.sees_whole_routing_reason(actor)
