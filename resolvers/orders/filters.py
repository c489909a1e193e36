"""The client's `OrderFilter`, applied within the key's scope (models.operations.visibility)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

import strawberry
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from models.operations import sync_clock
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from models.tables import OrderHold as OrderHoldRow
from models.tables import OrderLine as OrderLineRow
from models.tables import OrderTag as OrderTagRow
from resolvers.common import fits
from resolvers.ids import decode_query_id
from resolvers.orders.types import DeliveryMethodEnum, OrderStatusEnum
from resolvers.pagination import Sort


@strawberry.enum(description="What `orders` is sorted by; ties are broken by id.")
class OrderSortKey(Enum):
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"
    NUMBER = "NUMBER"


# Ids, and numbers made from them, are given as orders are created: one index, and the
# cursors published before sort keys existed keep working.
_SORT_COLUMNS = {
    OrderSortKey.CREATED_AT: "id",
    OrderSortKey.UPDATED_AT: "updated_at",
    OrderSortKey.NUMBER: "id",
}


def order_sort(key: OrderSortKey, reverse: bool, where: OrderFilter | None) -> Sort:
    column = _SORT_COLUMNS[key]
    # The orders changed since an instant are mostly the newest: by id, sort those (read
    # through the updated_at index) rather than walk the ids from the oldest (Sort).
    changes_by_id = column == "id" and where is not None and where.updated_after is not None
    return Sort(column, reverse, walk_index=not changes_by_id)


@strawberry.input
class OrderFilter:
    status: list[OrderStatusEnum] | None = None
    channel: str | None = None
    location_id: strawberry.ID | None = strawberry.field(
        default=None, description="Assigned there."
    )
    vendor_id: strawberry.ID | None = strawberry.field(default=None, description="Assigned to it.")
    created_after: datetime | None = None
    created_before: datetime | None = None
    query: str | None = strawberry.field(
        default=None, description="Matches the number, the customer's email or the externalId."
    )
    sku: str | None = strawberry.field(default=None, description="Has a line of this SKU.")
    tags: list[str] | None = strawberry.field(
        default=None, description="Has every one of these tags."
    )
    has_open_hold: bool | None = strawberry.field(
        default=None, description="True: held now; false: no hold unreleased."
    )
    delivery_method: DeliveryMethodEnum | None = None
    updated_after: datetime | None = strawberry.field(
        default=None,
        description="Changed after this instant (exclusive). For an incremental sync, sort by "
        "UPDATED_AT and page with the returned cursors, or keep the last updatedAt seen and "
        "pass it here next time: every change is read exactly once, even while orders change "
        "as you page (an order changed again moves behind your cursor and is read again, in "
        "its new version). Pages filtered by updatedAfter or sorted by UPDATED_AT hold only "
        "settled changes: a change shows once the transactions that began before it have "
        "ended, usually within milliseconds, on the next page or poll; until then the page "
        "stops short of it. Sorted by CREATED_AT or NUMBER, a page reads every order changed "
        "since this instant (then sorts them): for an instant long past, sort by UPDATED_AT.",
    )


async def settled_orders(
    qs: QuerySet[OrderRow], where: OrderFilter | None, sort_key: OrderSortKey
) -> QuerySet[OrderRow]:
    """Only the orders whose change has settled (models.operations.sync_clock) when the
    page follows changes (updatedAfter or UPDATED_AT); read the page after this returns."""
    if sort_key is not OrderSortKey.UPDATED_AT and (where is None or where.updated_after is None):
        return qs
    return qs.filter(updated_at__lt=await sync_clock.settled_before())


def filtered_orders(qs: QuerySet[OrderRow], where: OrderFilter | None) -> QuerySet[OrderRow]:
    if where is None:
        return qs
    if where.status:
        qs = qs.filter(status__in=[s.value for s in where.status])
    if where.channel is not None:
        channel = where.channel
        qs = (
            qs.filter(channel=channel)
            if fits(OrderRow, "channel", channel)
            else qs.filter(id__in=[])
        )
    if where.location_id is not None:
        pk = decode_query_id(where.location_id, "Location")
        qs = qs.filter(
            id__in=Subquery(FulfillmentOrderRow.filter(location_id=pk).values("order_id"))
        )
    if where.vendor_id is not None:
        pk = decode_query_id(where.vendor_id, "Vendor")
        qs = qs.filter(id__in=Subquery(FulfillmentOrderRow.filter(vendor_id=pk).values("order_id")))
    if where.created_after is not None:
        qs = qs.filter(created_at__gte=where.created_after)
    if where.created_before is not None:
        qs = qs.filter(created_at__lt=where.created_before)
    if where.sku is not None:
        sku = where.sku.strip()
        lines = OrderLineRow.filter(sku=sku) if fits(OrderLineRow, "sku", sku) else None
        qs = qs.filter(id__in=Subquery(lines.values("order_id"))) if lines else qs.filter(id__in=[])
    for tag in where.tags or ():
        tagged = OrderTagRow.filter(tag=tag.strip()).values("order_id")
        qs = qs.filter(id__in=Subquery(tagged))
    if where.has_open_hold is not None:
        held = Subquery(OrderHoldRow.filter(released_at=None).values("order_id"))
        qs = qs.filter(id__in=held) if where.has_open_hold else qs.exclude(id__in=held)
    if where.delivery_method is not None:
        qs = qs.filter(delivery_method=where.delivery_method.value)
    if where.updated_after is not None:
        qs = qs.filter(updated_at__gt=where.updated_after)
    if where.query:
        text = where.query.strip()
        # Only the columns the text fits in: a longer value matches none of their rows.
        matches = Q(customer_email__iexact=text)
        if fits(OrderRow, "number", text.lstrip("#")):
            matches |= Q(number=text.lstrip("#"))
        if fits(OrderRow, "external_id", text):
            matches |= Q(external_id=text)
        qs = qs.filter(matches)
    return qs


@dataclass(frozen=True)
class Channel:
    """One channel's orders (`name`), or every channel's (None)."""

    name: str | None


def channel_only(where: OrderFilter | None) -> Channel | None:
    """What `where` narrows the orders to when that is at most a channel (a field left
    null or empty filters nothing, as in filtered_orders); None when it narrows by more,
    or by a channel no row can hold. A field added to OrderFilter narrows by more."""
    if where is None:
        return Channel(None)
    narrowing = [
        f.name for f in dataclasses.fields(where) if getattr(where, f.name) not in (None, [], "")
    ]
    if not narrowing:
        return Channel(None)
    if narrowing == ["channel"] and fits(OrderRow, "channel", where.channel or ""):
        return Channel(where.channel)
    return None
