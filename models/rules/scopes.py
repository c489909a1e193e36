"""Who may do what: roles, the operations each may call, and the scope of a key.

Pure: the API layer asks these questions with plain values it has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from models.rules.lifecycle import ReturnStatus


class Role(StrEnum):
    ADMIN = "ADMIN"
    STAFF = "STAFF"
    VENDOR = "VENDOR"
    PARTNER = "PARTNER"
    VIEWER = "VIEWER"


READERS = frozenset({Role.ADMIN, Role.VIEWER, Role.STAFF, Role.VENDOR, Role.PARTNER})
ADMIN_ONLY = frozenset({Role.ADMIN})


@dataclass(frozen=True)
class Actor:
    """The caller behind an API key."""

    role: Role
    name: str
    key_id: int | None = None
    location_ids: frozenset[int] = field(default_factory=frozenset)
    vendor_id: int | None = None
    channel: str | None = None

    @property
    def label(self) -> str:
        """How the actor appears in timelines and the inventory ledger."""
        return f"{self.role.lower()}:{self.name}"

    @property
    def sees_everything(self) -> bool:
        return self.role in (Role.ADMIN, Role.VIEWER)


SYSTEM = Actor(role=Role.ADMIN, name="system")


def scope_problem(
    role: Role, location_ids: frozenset[int], vendor_id: int | None, channel: str | None
) -> str | None:
    """Why a key of this shape would be malformed, or None when it is well-formed."""
    if role is Role.STAFF and not location_ids:
        return "a STAFF key needs at least one location"
    if role is not Role.STAFF and location_ids:
        return f"a {role} key takes no locations"
    if role is Role.VENDOR and vendor_id is None:
        return "a VENDOR key needs a vendor"
    if role is not Role.VENDOR and vendor_id is not None:
        return f"a {role} key takes no vendor"
    if role is Role.PARTNER and not channel:
        return "a PARTNER key needs a channel"
    if role is not Role.PARTNER and channel:
        return f"a {role} key takes no channel"
    return None


def may_see_location_stock(actor: Actor, location_id: int) -> bool:
    if actor.sees_everything:
        return True
    return actor.role is Role.STAFF and location_id in actor.location_ids


def may_change_location_stock(actor: Actor, location_id: int) -> bool:
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.STAFF and location_id in actor.location_ids


def stock_location_scope(actor: Actor) -> frozenset[int] | None:
    """The locations whose stock the actor may read; None means all of them."""
    if actor.sees_everything:
        return None
    if actor.role is Role.STAFF:
        return actor.location_ids
    return frozenset()


def may_see_vendor_private(actor: Actor, vendor_id: int) -> bool:
    """Webhook deliveries and a vendor's own fulfillment orders."""
    if actor.sees_everything:
        return True
    return actor.role is Role.VENDOR and actor.vendor_id == vendor_id


def may_work_fulfillment(actor: Actor, location_id: int | None, vendor_id: int | None) -> bool:
    """Whether the actor is the assignee (or an admin) of a fulfillment order."""
    if actor.role is Role.ADMIN:
        return True
    if actor.role is Role.STAFF:
        return location_id is not None and location_id in actor.location_ids
    if actor.role is Role.VENDOR:
        return vendor_id is not None and vendor_id == actor.vendor_id
    return False


def may_see_fulfillment(
    actor: Actor, location_id: int | None, vendor_id: int | None, order_channel: str | None = None
) -> bool:
    """Assignees see their own; a PARTNER sees those of its channel's orders."""
    if actor.sees_everything:
        return True
    if actor.role is Role.PARTNER:
        return order_channel is not None and order_channel == actor.channel
    return may_work_fulfillment(actor, location_id, vendor_id)


def may_see_order(
    actor: Actor,
    channel: str,
    assignees: frozenset[tuple[int | None, int | None]],
) -> bool:
    """`assignees` are the (location_id, vendor_id) pairs of the order's fulfillment orders."""
    if actor.sees_everything:
        return True
    if actor.role is Role.PARTNER:
        return channel == actor.channel
    return any(may_work_fulfillment(actor, loc, ven) for loc, ven in assignees)


# Returns whose units are still on their way back: the stores that fulfilled the order
# may expect them.
AWAITED_RETURNS = frozenset({ReturnStatus.REQUESTED, ReturnStatus.APPROVED})


def may_see_return(
    actor: Actor,
    order_channel: str,
    assignees: frozenset[tuple[int | None, int | None]],
    status: ReturnStatus,
    received_location_id: int | None,
) -> bool:
    """ADMIN and VIEWER all; PARTNER those of its channel's orders; STAFF those received at
    its locations plus those still awaited for orders it fulfilled; VENDOR none (drop-shipped
    units come back to stores). `assignees` as in `may_see_order`."""
    if actor.sees_everything:
        return True
    if actor.role is Role.PARTNER:
        return order_channel == actor.channel
    if actor.role is Role.STAFF:
        if received_location_id is not None and received_location_id in actor.location_ids:
            return True
        return status in AWAITED_RETURNS and any(
            may_work_fulfillment(actor, loc, ven) for loc, ven in assignees
        )
    return False


def may_see_return_line(
    actor: Actor, received_location_id: int | None, line_assigned_to_actor: bool
) -> bool:
    """Of a return the actor may see: STAFF sees the lines it fulfilled, and every line of a
    return received at one of its locations (it had them in hand); the others see all."""
    if actor.role is not Role.STAFF:
        return True
    return line_assigned_to_actor or (
        received_location_id is not None and received_location_id in actor.location_ids
    )


def may_receive_return(actor: Actor, location_id: int, return_visible: bool) -> bool:
    """ADMIN anywhere (walk-in returns included); STAFF only a return it may see, at one of
    its own locations."""
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.STAFF and return_visible and location_id in actor.location_ids


def webhook_subscription_owners(actor: Actor) -> frozenset[int] | None:
    """The keys whose webhook subscriptions `actor` may see and delete: its own; None means
    every key's (ADMIN)."""
    if actor.role is Role.ADMIN:
        return None
    return frozenset({actor.key_id}) if actor.key_id is not None else frozenset()


def may_read_webhook_url(actor: Actor, vendor_id: int) -> bool:
    """A URL may carry a token: ADMIN and the vendor's own key only (not VIEWER)."""
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.VENDOR and actor.vendor_id == vendor_id


def sees_whole_routing_reason(actor: Actor) -> bool:
    """An assignee sees its own choice only, never which other locations could fill (that is
    other stores' stock)."""
    return actor.sees_everything


def may_plan_for_channel(actor: Actor, channel: str) -> bool:
    """`sourcingPlan` changes nothing: readers of every channel may ask it."""
    return actor.sees_everything or may_act_for_channel(actor, channel)


def may_act_for_channel(actor: Actor, channel: str) -> bool:
    """Placing, cancelling and returning orders of a channel."""
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.PARTNER and actor.channel == channel


def may_release_hold(actor: Actor, placed_by: str | None) -> bool:
    """A hold is released by an ADMIN, or by a PARTNER when a PARTNER placed it (payment
    pending, its own fraud review): an admin's hold is not the channel's to lift.
    `placed_by` is the label of the actor who placed the hold."""
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.PARTNER and (placed_by or "").startswith(f"{Role.PARTNER.lower()}:")


def may_read_pickup_code(actor: Actor, order_channel: str) -> bool:
    """The code is what the customer proves collection with: the shop (its channel's
    PARTNER) or an ADMIN gives it to them; the counter (STAFF) must be shown it, so it
    never reads it, and neither does a VIEWER."""
    if actor.role is Role.ADMIN:
        return True
    return actor.role is Role.PARTNER and actor.channel == order_channel
