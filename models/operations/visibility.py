"""What a key may read, as querysets: the one read-side home beside the pure predicates
of models.rules.scopes, which these mirror row for row (tests/api/test_read_scope.py holds
the two together). Every root list and `node(id:)` starts from these; nested fields that
hold rows already filter them with the predicates.
"""

from __future__ import annotations

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from models.rules.scopes import AWAITED_RETURNS, Actor, Role
from models.tables import (
    FulfillmentOrder,
    FulfillmentOrderLine,
    Order,
    Return,
    ReturnLine,
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
