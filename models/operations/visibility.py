"""What a key may read, as querysets: the one read-side home beside the pure predicates
of models.rules.scopes (and models.rules.events for timelines), which these mirror row for
row (tests/api/test_read_scope.py holds the two together). Every root list, `node(id:)`,
timeline and subscription starts from these; nested fields that hold rows already filter
them with the predicates.
"""

from __future__ import annotations

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from models.rules.events import RETURNS, own_assignee_keys, sees_whole_timeline
from models.rules.scopes import (
    AWAITED_RETURNS,
    Actor,
    Role,
    may_see_vendor_private,
    stock_location_scope,
    webhook_subscription_owners,
)
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    InventoryLevel,
    Order,
    OrderEvent,
    Return,
    ReturnLine,
    WebhookDelivery,
    WebhookSubscription,
)


def _assigned(actor: Actor) -> QuerySet[FulfillmentOrder]:
    """The fulfillment orders an assignee (STAFF or VENDOR) works."""
    if actor.role is Role.STAFF:
        return FulfillmentOrder.filter(location_id__in=sorted(actor.location_ids))
    return FulfillmentOrder.filter(vendor_id=actor.vendor_id)


def visible_orders(actor: Actor) -> QuerySet[Order]:
    """scopes.may_see_order: a PARTNER its channel's; an assignee those it works on."""
    qs = Order.all()
    if actor.sees_everything:
        return qs
    if actor.role is Role.PARTNER:
        return qs.filter(channel=actor.channel)
    return qs.filter(id__in=Subquery(_assigned(actor).values("order_id")))


def visible_fulfillment_orders(actor: Actor) -> QuerySet[FulfillmentOrder]:
    """scopes.may_see_fulfillment: an assignee its own; a PARTNER its channel's orders'."""
    if actor.sees_everything:
        return FulfillmentOrder.all()
    if actor.role is Role.PARTNER:
        return FulfillmentOrder.filter(order__channel=actor.channel)
    return _assigned(actor)


def visible_returns(actor: Actor) -> QuerySet[Return]:
    """scopes.may_see_return."""
    qs = Return.all()
    if actor.sees_everything:
        return qs
    if actor.role is Role.PARTNER:
        return qs.filter(order__channel=actor.channel)
    if actor.role is Role.STAFF:
        fulfilled_here = Subquery(_assigned(actor).values("order_id"))
        return qs.filter(
            Q(received_location_id__in=sorted(actor.location_ids))
            | Q(status__in=sorted(s.value for s in AWAITED_RETURNS), order_id__in=fulfilled_here)
        )
    return qs.filter(id__in=[])


def visible_return_lines(actor: Actor) -> QuerySet[ReturnLine]:
    """scopes.may_see_return_line, of the returns in visible_returns."""
    qs = ReturnLine.filter(return__id__in=Subquery(visible_returns(actor).values("id")))
    if actor.role is not Role.STAFF:
        return qs
    mine = FulfillmentOrderLine.filter(
        fulfillment_order_id__in=Subquery(_assigned(actor).values("id"))
    )
    return qs.filter(
        Q(
            return__id__in=Subquery(
                Return.filter(received_location_id__in=sorted(actor.location_ids)).values("id")
            )
        )
        | Q(order_line_id__in=Subquery(mine.values("order_line_id")))
    )


def visible_timeline(actor: Actor, order: Order) -> QuerySet[OrderEvent]:
    """The order's timeline entries `actor` may see at all: the queryset form of
    `timeline_view` (whole or redacted, never hidden), so that pages hold what is shown."""
    entries = OrderEvent.filter(order_id=order.id)
    if sees_whole_timeline(actor, order.channel):
        return entries
    mine = Q(assignees=None)
    for key in own_assignee_keys(actor):
        mine |= Q(assignees__contains=f"|{key}|")
    return entries.filter(mine, type__not_in=[t.value for t in RETURNS])


def visible_channel_events(actor: Actor, channel: str | None) -> QuerySet[OrderEvent]:
    """The order events of one channel (None: every channel) that `actor` may follow whole:
    ADMIN and VIEWER any channel's, a PARTNER its own channel's; nobody else's."""
    entries = OrderEvent.all() if channel is None else OrderEvent.filter(channel=channel)
    if actor.sees_everything:
        return entries
    if actor.role is Role.PARTNER:
        return entries.filter(channel=actor.channel)
    return entries.filter(id__in=[])


def visible_inventory_levels(actor: Actor) -> QuerySet[InventoryLevel]:
    """scopes.stock_location_scope: ADMIN and VIEWER every location's, STAFF its own."""
    visible = stock_location_scope(actor)
    if visible is None:
        return InventoryLevel.all()
    return InventoryLevel.filter(location_id__in=sorted(visible))


def visible_webhook_deliveries(actor: Actor, vendor_id: int) -> QuerySet[WebhookDelivery]:
    """scopes.may_see_vendor_private: one vendor's deliveries, for ADMIN, VIEWER and the
    vendor itself."""
    deliveries = WebhookDelivery.filter(vendor_id=vendor_id)
    if may_see_vendor_private(actor, vendor_id):
        return deliveries
    return deliveries.filter(id__in=[])


def visible_webhook_subscriptions(actor: Actor) -> QuerySet[WebhookSubscription]:
    """scopes.webhook_subscription_owners: a key's own subscriptions, every one for ADMIN."""
    owners = webhook_subscription_owners(actor)
    if owners is None:
        return WebhookSubscription.all()
    return WebhookSubscription.filter(api_key_id__in=sorted(owners))
