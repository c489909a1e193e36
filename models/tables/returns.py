from tortoise import fields
from tortoise.models import Model

from .base import Timestamped, money_field
from .locations import Location
from .orders import Order, OrderLine


class Return(Timestamped):
    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="returns", on_delete=fields.CASCADE
    )
    order_id: int
    status = fields.CharField(max_length=16, default="REQUESTED")  # ReturnStatus
    received_location: fields.ForeignKeyNullableRelation[Location] = fields.ForeignKeyField(
        "models.Location", related_name="received_returns", null=True, on_delete=fields.RESTRICT
    )
    received_location_id: int | None
    received_at = fields.DatetimeField(null=True)
    refund_amount = money_field(null=True)
    refunded_at = fields.DatetimeField(null=True)
    decline_reason = fields.CharField(max_length=1000, null=True)

    class Meta:
        table = "return"
        # By order (an order's returns), by status (`returns(status:)`) and by the
        # location that received them (a STAFF key's returns), each in id order.
        indexes = (("order",), ("status", "id"), ("received_location", "id"))


class ReturnLine(Model):
    id = fields.IntField(primary_key=True)
    return_: fields.ForeignKeyRelation[Return] = fields.ForeignKeyField(
        "models.Return", related_name="lines", on_delete=fields.CASCADE, source_field="return_id"
    )
    order_line: fields.ForeignKeyRelation[OrderLine] = fields.ForeignKeyField(
        "models.OrderLine", related_name="return_lines", on_delete=fields.CASCADE
    )
    order_line_id: int
    quantity = fields.IntField()
    reason = fields.CharField(max_length=500, null=True)
    disposition = fields.CharField(max_length=16, null=True)  # RESTOCK | DISPOSE

    class Meta:
        table = "return_line"
        indexes = (("return__id",),)  # the `return_` relation's key
