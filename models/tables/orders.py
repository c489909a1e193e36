from typing import Any

from pypika_tortoise.enums import SqlTypes
from pypika_tortoise.functions import Cast, Upper
from pypika_tortoise.terms import Field
from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from .base import Timestamped, money_field
from .catalog import Product
from .locations import AddressFields, Location


class Order(AddressFields):
    """A customer order; the `address_*` columns are the shipping address."""

    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True, null=True)
    channel = fields.CharField(max_length=64)
    external_id = fields.CharField(max_length=200, null=True)
    status = fields.CharField(max_length=24, default="PENDING")  # OrderStatus
    customer_email = fields.CharField(max_length=320)
    customer_name = fields.CharField(max_length=200, null=True)
    has_shipping_address = fields.BooleanField(default=False)
    delivery_method = fields.CharField(max_length=16)  # SHIP | PICKUP
    pickup_location: fields.ForeignKeyNullableRelation[Location] = fields.ForeignKeyField(
        "models.Location", related_name="pickup_orders", null=True, on_delete=fields.RESTRICT
    )
    pickup_location_id: int | None
    currency = fields.CharField(max_length=3)
    subtotal = money_field()
    cancel_reason = fields.CharField(max_length=16, null=True)
    cancelled_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    note = fields.CharField(max_length=5000, null=True)
    # Read with the order (no extra statement per page); `OrderTag` rows are what the
    # `tags` filter searches, through an index. Both are written together (order_updates).
    tags: fields.Field[list[str] | None] = fields.JSONField(null=True)  # null: none (older rows)
    metadata: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)

    class Meta:
        table = "order"
        # Each sort key and filter of `orders` has an index (test_order_query_plans.py,
        # test_query_plans.py). `filter.query` compares the email case-insensitively, as
        # UPPER(email) = UPPER(text): the index is on that expression.
        indexes = (
            ("channel", "created_at"),
            ("status", "created_at"),
            ("updated_at", "id"),
            ("channel", "updated_at", "id"),
            ("delivery_method", "created_at"),
            ("external_id",),
            # The expression of tortoise's `iexact`, as it writes it.
            Index(Upper(Cast(Field("customer_email"), SqlTypes.VARCHAR)), name="idx_order_email"),
        )


class OrderTag(Model):
    """One tag of an order, for the `tags` filter (the order's `tags` column is what is read)."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="tag_rows", on_delete=fields.CASCADE
    )
    tag = fields.CharField(max_length=64)

    class Meta:
        table = "order_tag"
        unique_together = (("tag", "order"),)


class OrderLine(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="lines", on_delete=fields.CASCADE
    )
    order_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="order_lines", on_delete=fields.RESTRICT
    )
    product_id: int
    position = fields.IntField()
    sku = fields.CharField(max_length=64)
    quantity = fields.IntField()
    unit_price = money_field()
    allocated_quantity = fields.IntField(default=0)
    backordered_quantity = fields.IntField(default=0)
    shipped_quantity = fields.IntField(default=0)
    delivered_quantity = fields.IntField(default=0)
    cancelled_quantity = fields.IntField(default=0)
    returned_quantity = fields.IntField(default=0)

    class Meta:
        table = "order_line"
        # By order: the lines of a page of orders, in one statement (resolvers.loaders).
        indexes = (("sku", "order"), ("order",))


class OrderHold(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="holds", on_delete=fields.CASCADE
    )
    order_id: int
    reason = fields.CharField(max_length=32)
    note = fields.CharField(max_length=1000, null=True)
    actor = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    released_at = fields.DatetimeField(null=True)
    released_by = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "order_hold"
        indexes = (("released_at", "order"), ("order",))


class OrderEvent(Model):
    """The order's timeline, oldest first. Never updated, never deleted."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="events", on_delete=fields.CASCADE
    )
    order_id: int
    # The order's channel, copied so that `orderEvents` replays a channel by index.
    channel = fields.CharField(max_length=64, default="")
    type = fields.CharField(max_length=64)  # an OrderEventType
    message = fields.CharField(max_length=2000)
    actor = fields.CharField(max_length=200, null=True)
    data: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    # {assignee key: [fulfillment order global ids]} the entry is about, for scoped readers;
    # `assignees` holds the same keys as "|location:3|vendor:1|", so that SQL can skip
    # the entries a reader may not see on both backends (a LIKE, not a JSON operator).
    about: fields.Field[dict[str, list[str]] | None] = fields.JSONField(null=True)
    assignees = fields.TextField(null=True)
    # What an assignee reads when the entry is also about others (null: the type alone).
    assignee_message = fields.CharField(max_length=2000, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "order_event"
        # `orderEvents` reads a channel (or all) by id, and re-reads rows created in the
        # last seconds in case one committed late: both by index. An order's timeline
        # (`Order.events`, `orderUpdated`) is read by order, in id order.
        indexes = (("channel", "id"), ("created_at",), ("order", "id"))


class IdempotencyRecord(Timestamped):
    """One `placeOrder` per (channel, key): the same key returns the same order."""

    id = fields.IntField(primary_key=True)
    channel = fields.CharField(max_length=64)
    key = fields.CharField(max_length=200)
    request_hash = fields.CharField(max_length=64)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="idempotency_records", on_delete=fields.CASCADE
    )
    order_id: int

    class Meta:
        table = "idempotency_record"
        unique_together = (("channel", "key"),)


class OrderEditRecord(Timestamped):
    """One `editOrder` per (order, key): the same key with the same edit changes nothing
    again; with another edit, IDEMPOTENCY_CONFLICT."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="edit_records", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=200)
    request_hash = fields.CharField(max_length=64)

    class Meta:
        table = "order_edit_record"
        unique_together = (("order", "key"),)
