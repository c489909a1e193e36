"""Event types, and what a reader may see of an event.

Two vocabularies: `OrderEventType` for an order's timeline (and the channel streams that
carry it to partner apps), `FulfillmentOrderEventType` for an assignee's stream. Pure: the
operations write them, the resolvers ask these rules with values they have loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum, StrEnum

from models.rules.lifecycle import FulfillmentOrderStatus
from models.rules.scopes import Actor, Role, may_see_fulfillment, may_work_fulfillment


class OrderEventType(StrEnum):
    PLACED = "PLACED"
    ROUTED = "ROUTED"
    BACKORDERED = "BACKORDERED"
    HELD = "HELD"
    RELEASED = "RELEASED"
    CANCELLED = "CANCELLED"
    LINES_CANCELLED = "LINES_CANCELLED"
    EDITED = "EDITED"
    UPDATED = "UPDATED"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    EXPIRED = "EXPIRED"
    MOVED = "MOVED"
    PACKED = "PACKED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    PICKED_UP = "PICKED_UP"
    PICKUP_EXPIRED = "PICKUP_EXPIRED"
    CANCELLATION_REQUESTED = "CANCELLATION_REQUESTED"
    CANCELLATION_ACCEPTED = "CANCELLATION_ACCEPTED"
    CANCELLATION_REJECTED = "CANCELLATION_REJECTED"
    RETURN_REQUESTED = "RETURN_REQUESTED"
    RETURN_APPROVED = "RETURN_APPROVED"
    RETURN_DECLINED = "RETURN_DECLINED"
    RETURN_RECEIVED = "RETURN_RECEIVED"
    REFUNDED = "REFUNDED"
    COMPLETED = "COMPLETED"


class FulfillmentOrderEventType(StrEnum):
    ASSIGNED = "ASSIGNED"  # placed, re-routed, moved here
    ACCEPTED = "ACCEPTED"
    PACKED = "PACKED"
    SHIPPED = "SHIPPED"
    PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED"
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    PICKED_UP = "PICKED_UP"
    REJECTED = "REJECTED"  # by this assignee
    EXPIRED = "EXPIRED"  # its acceptance deadline passed here; the lines went elsewhere
    MOVED_AWAY = "MOVED_AWAY"  # an admin moved it to another assignee
    CANCELLED = "CANCELLED"  # all of it
    LINES_CANCELLED = "LINES_CANCELLED"  # some of its units; the rest stays
    CANCELLATION_REQUESTED = "CANCELLATION_REQUESTED"
    HELD = "HELD"
    RELEASED = "RELEASED"
    UPDATED = "UPDATED"  # its order's address, customer or note changed
    PICKUP_EXPIRED = "PICKUP_EXPIRED"


# After these the work is no longer the subscriber's: its event carries the id only.
GONE = frozenset(
    {
        FulfillmentOrderEventType.REJECTED,
        FulfillmentOrderEventType.EXPIRED,
        FulfillmentOrderEventType.MOVED_AWAY,
    }
)


def shows_fulfillment_order(
    actor: Actor, type: FulfillmentOrderEventType, location_id: int | None, vendor_id: int | None
) -> bool:
    """Whether an event on an assignee's stream carries the fulfillment order as it is now
    (assigned to `location_id` or `vendor_id`), or its id only: work that went elsewhere
    is no longer an assignee's to read, whatever the event."""
    if type in GONE and not actor.sees_everything:
        return False
    return may_see_fulfillment(actor, location_id, vendor_id)


# Fulfillment orders in these statuses are no longer anybody's work.
WORK_OVER = frozenset(
    {
        FulfillmentOrderStatus.SHIPPED.value,
        FulfillmentOrderStatus.REJECTED.value,
        FulfillmentOrderStatus.CANCELLED.value,
    }
)


def still_working(status: str) -> bool:
    """Whether the assignee of a fulfillment order in `status` still has work on it, and so
    hears about holds, releases, changes and cancellations of its order."""
    return status not in WORK_OVER


# An assignee, as (location_id, vendor_id) with exactly one of the two set.
Assignee = tuple[int | None, int | None]


def assignee_key(location_id: int | None, vendor_id: int | None) -> str:
    """How an assignee is named in streams and in timeline entries: "location:3", "vendor:1"."""
    return f"location:{location_id}" if location_id is not None else f"vendor:{vendor_id}"


def parse_assignee_key(key: str) -> Assignee:
    kind, _, pk = key.partition(":")
    return (int(pk), None) if kind == "location" else (None, int(pk))


def own_assignee_keys(actor: Actor) -> list[str]:
    """The assignees whose work `actor` does (a STAFF key's locations, a VENDOR's vendor)."""
    if actor.role is Role.STAFF:
        return [assignee_key(location, None) for location in sorted(actor.location_ids)]
    if actor.role is Role.VENDOR and actor.vendor_id is not None:
        return [assignee_key(None, actor.vendor_id)]
    return []


class TimelineView(Enum):
    """How much of a timeline entry a reader sees."""

    WHOLE = "whole"
    REDACTED = "redacted"  # the type, a message without other assignees' details, its own ids
    HIDDEN = "hidden"


def sees_whole_timeline(actor: Actor, channel: str) -> bool:
    """ADMIN and VIEWER, and the PARTNER of the order's channel, read every entry whole."""
    if actor.sees_everything:
        return True
    return actor.role is Role.PARTNER and actor.channel == channel


# Their message and data are the router's: rule names, priorities, who else could fill.
ROUTER_DETAILS = frozenset(
    {OrderEventType.ROUTED, OrderEventType.BACKORDERED, OrderEventType.MOVED}
)
# Returns are not an assignee's work (a store receives them through the returns it may see).
RETURNS = frozenset(
    {
        OrderEventType.RETURN_REQUESTED,
        OrderEventType.RETURN_APPROVED,
        OrderEventType.RETURN_DECLINED,
        OrderEventType.RETURN_RECEIVED,
        OrderEventType.REFUNDED,
    }
)


def timeline_view(
    actor: Actor, channel: str, type: OrderEventType, about: Iterable[Assignee]
) -> TimelineView:
    """What `actor` sees of a `type` entry of an order of `channel`, about the fulfillment
    orders of the assignees `about` (none: an entry about the order as a whole).

    An assignee reads whole only the entries about its own work alone; an entry about the
    order as a whole, about others' work too, or carrying the router's details is redacted
    (its message may name other assignees' lines, codes or rules); an entry only about
    other assignees' work, and the order's returns, are hidden.
    """
    if sees_whole_timeline(actor, channel):
        return TimelineView.WHOLE
    if type in RETURNS:
        return TimelineView.HIDDEN
    assignees = set(about)
    if not assignees:
        return TimelineView.REDACTED
    mine = {a for a in assignees if may_work_fulfillment(actor, *a)}
    if not mine:
        return TimelineView.HIDDEN
    if mine == assignees and type not in ROUTER_DETAILS:
        return TimelineView.WHOLE
    return TimelineView.REDACTED


def redacted_message(type: OrderEventType, assignee_message: str | None) -> str:
    """The message of a redacted entry: the one written for assignees, else its type."""
    return assignee_message or type.value.lower().replace("_", " ")


def own_fulfillment_ids(actor: Actor, about: dict[str, list[str]] | None) -> list[str]:
    """The global ids, among those an entry is about, of `actor`'s own fulfillment orders."""
    return [
        gid
        for key, gids in (about or {}).items()
        if may_work_fulfillment(actor, *parse_assignee_key(key))
        for gid in gids
    ]


def cursor_expired(since: int, oldest_kept: int | None) -> bool:
    """A replay from `since` would miss events deleted by retention: some event after the
    cursor is older than the oldest one kept. (Retention never deletes the newest event, so
    an empty outbox means nothing was ever written.)"""
    return oldest_kept is not None and since < oldest_kept - 1
