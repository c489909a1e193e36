from tortoise import fields
from tortoise.models import Model

from .base import Timestamped, money_field
from .locations import AddressFields


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
    pickup_location: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Location", related_name="pickup_orders", null=True, on_delete=fields.RESTRICT
    )
    currency = fields.CharField(max_length=3)
    subtotal = money_field()
    cancel_reason = fields.CharField(max_length=16, null=True)
    cancelled_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "order"
        indexes = (("channel", "created_at"), ("status", "created_at"))


class OrderLine(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="lines", on_delete=fields.CASCADE
    )
    product: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Product", related_name="order_lines", on_delete=fields.RESTRICT
    )
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


class OrderHold(Model):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="holds", on_delete=fields.CASCADE
    )
    reason = fields.CharField(max_length=32)
    note = fields.CharField(max_length=1000, null=True)
    actor = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    released_at = fields.DatetimeField(null=True)
    released_by = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "order_hold"


class OrderEvent(Model):
    """The order's timeline, oldest first. Never updated, never deleted."""

    id = fields.BigIntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="events", on_delete=fields.CASCADE
    )
    # The order's channel, copied so that `orderEvents` replays a channel by index.
    channel = fields.CharField(max_length=64, default="")
    type = fields.CharField(max_length=64)  # an OrderEventType
    message = fields.CharField(max_length=2000)
    actor = fields.CharField(max_length=200, null=True)
    data: fields.Field[dict] = fields.JSONField(null=True)
    # {assignee key: [fulfillment order global ids]} the entry is about, for scoped readers;
    # `assignees` holds the same keys as "|location:3|vendor:1|", so that SQL can skip
    # the entries a reader may not see on both backends (a LIKE, not a JSON operator).
    about: fields.Field[dict] = fields.JSONField(null=True)
    assignees = fields.TextField(null=True)
    # What an assignee reads when the entry is also about others (null: the type alone).
    assignee_message = fields.CharField(max_length=2000, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "order_event"
        # `orderEvents` reads a channel (or all) by id, and re-reads rows created in the
        # last seconds in case one committed late: both by index.
        indexes = (("channel", "id"), ("created_at",))


class IdempotencyRecord(Timestamped):
    """One `placeOrder` per (channel, key): the same key returns the same order."""

    id = fields.IntField(primary_key=True)
    channel = fields.CharField(max_length=64)
    key = fields.CharField(max_length=200)
    request_hash = fields.CharField(max_length=64)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="idempotency_records", on_delete=fields.CASCADE
    )

    class Meta:
        table = "idempotency_record"
        unique_together = (("channel", "key"),)
