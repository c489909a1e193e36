"""The client's `OrderFilter`, applied within the key's scope (models.operations.visibility)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from tortoise.expressions import Q, Subquery

from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import Order as OrderRow
from resolvers.common import fits
from resolvers.ids import decode_query_id
from resolvers.orders.types import OrderStatusEnum


@strawberry.input
class OrderFilter:
    status: list[OrderStatusEnum] | None = None  # type: ignore[valid-type]
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


def filtered_orders(qs, where: OrderFilter | None):
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
