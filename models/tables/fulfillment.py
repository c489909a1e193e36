from tortoise import fields
from tortoise.models import Model

from .base import Timestamped
from .locations import Location, Vendor
from .orders import Order, OrderLine


class FulfillmentOrder(Timestamped):
    """One assignee's share of one order: exactly one of location and vendor is set."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="fulfillment_orders", on_delete=fields.CASCADE
    )
    order_id: int
    location: fields.ForeignKeyNullableRelation[Location] = fields.ForeignKeyField(
        "models.Location", related_name="fulfillment_orders", null=True, on_delete=fields.RESTRICT
    )
    location_id: int | None
    vendor: fields.ForeignKeyNullableRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name="fulfillment_orders", null=True, on_delete=fields.RESTRICT
    )
    vendor_id: int | None
    status = fields.CharField(max_length=16, default="OPEN")  # FulfillmentOrderStatus
    routing_reason = fields.CharField(max_length=2000)
    assigned_at = fields.DatetimeField()
    # The local calendar day it was assigned on, for `dailyCapacity`.
    assigned_on = fields.DateField()
    accept_by = fields.DatetimeField(null=True)
    accepted_at = fields.DatetimeField(null=True)
    packed_at = fields.DatetimeField(null=True)
    shipped_at = fields.DatetimeField(null=True)
    rejected_at = fields.DatetimeField(null=True)
    reject_reason = fields.CharField(max_length=32, null=True)
    reject_message = fields.CharField(max_length=1000, null=True)
    cancelled_at = fields.DatetimeField(null=True)
    ready_for_pickup_at = fields.DatetimeField(null=True)
    pickup_expires_at = fields.DatetimeField(null=True)
    # Kept in plain text: ADMIN and the channel's PARTNER must read it back to give it to
    # the customer (SECURITY.md). It guards a handover, not an account.
    pickup_code = fields.CharField(max_length=6, null=True)
    # Wrong codes given at the counter; at models.operations.pickup.MAX_CODE_ATTEMPTS only
    # an ADMIN may hand it over.
    pickup_code_attempts = fields.IntField(default=0)

    class Meta:
        table = "fulfillment_order"
        # assigned_at and accept_by serve `fulfillmentOrders(sortKey:)`, of all or of one
        # assignee; ("order",) the fulfillment orders of a page of orders and the
        # `locationId` filter of `orders`; the last, the pickup expiry sweep.
        indexes = (
            ("location", "status"),
            ("vendor", "status"),
            ("status", "accept_by"),
            ("assigned_at", "id"),
            ("accept_by", "id"),
            ("location", "assigned_at", "id"),
            ("vendor", "assigned_at", "id"),
            ("location", "accept_by", "id"),
            ("vendor", "accept_by", "id"),
            ("status", "pickup_expires_at"),
            ("order",),
        )


class FulfillmentOrderLine(Model):
    id = fields.IntField(primary_key=True)
    fulfillment_order: fields.ForeignKeyRelation[FulfillmentOrder] = fields.ForeignKeyField(
        "models.FulfillmentOrder", related_name="lines", on_delete=fields.CASCADE
    )
    fulfillment_order_id: int
    order_line: fields.ForeignKeyRelation[OrderLine] = fields.ForeignKeyField(
        "models.OrderLine", related_name="fulfillment_lines", on_delete=fields.CASCADE
    )
    order_line_id: int
    quantity = fields.IntField()
    shipped_quantity = fields.IntField(default=0)
    cancelled_quantity = fields.IntField(default=0)

    class Meta:
        table = "fulfillment_order_line"
        indexes = (("fulfillment_order",), ("order_line",))


class Shipment(Model):
    id = fields.IntField(primary_key=True)
    fulfillment_order: fields.ForeignKeyRelation[FulfillmentOrder] = fields.ForeignKeyField(
        "models.FulfillmentOrder", related_name="shipments", on_delete=fields.CASCADE
    )
    fulfillment_order_id: int
    carrier = fields.CharField(max_length=100, null=True)
    tracking_number = fields.CharField(max_length=200, null=True)
    shipped_at = fields.DatetimeField(auto_now_add=True)
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "shipment"
        indexes = (("fulfillment_order",),)


class ShipmentLine(Model):
    id = fields.IntField(primary_key=True)
    shipment: fields.ForeignKeyRelation[Shipment] = fields.ForeignKeyField(
        "models.Shipment", related_name="lines", on_delete=fields.CASCADE
    )
    shipment_id: int
    order_line: fields.ForeignKeyRelation[OrderLine] = fields.ForeignKeyField(
        "models.OrderLine", related_name="shipment_lines", on_delete=fields.CASCADE
    )
    order_line_id: int
    quantity = fields.IntField()

    class Meta:
        table = "shipment_line"
        indexes = (("shipment",),)
