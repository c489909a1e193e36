from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from .fulfillment import FulfillmentOrder, FulfillmentOrderLine


class CancellationRequest(Model):
    """Cancelling units a fulfillment order's assignee already accepted asks the assignee
    first: the units stay reserved until the request is accepted (released) or rejected."""

    id = fields.IntField(primary_key=True)
    fulfillment_order: fields.ForeignKeyRelation["FulfillmentOrder"] = fields.ForeignKeyField(
        "models.FulfillmentOrder", related_name="cancellation_requests", on_delete=fields.CASCADE
    )
    status = fields.CharField(max_length=16, default="REQUESTED")  # CancellationRequestStatus
    # The CancelReason the order gets when accepting the request leaves it CANCELLED.
    reason = fields.CharField(max_length=16)
    message = fields.CharField(max_length=1000, null=True)
    requested_by = fields.CharField(max_length=300)
    requested_at = fields.DatetimeField()
    answered_at = fields.DatetimeField(null=True)
    answered_by = fields.CharField(max_length=300, null=True)
    answer_message = fields.CharField(max_length=1000, null=True)

    class Meta:
        table = "cancellation_request"
        indexes = (("fulfillment_order", "status"),)


class CancellationRequestLine(Model):
    """The units asked for on one fulfillment order line."""

    id = fields.IntField(primary_key=True)
    request: fields.ForeignKeyRelation[CancellationRequest] = fields.ForeignKeyField(
        "models.CancellationRequest", related_name="lines", on_delete=fields.CASCADE
    )
    fulfillment_order_line: fields.ForeignKeyRelation["FulfillmentOrderLine"] = (
        fields.ForeignKeyField(
            "models.FulfillmentOrderLine",
            related_name="cancellation_lines",
            on_delete=fields.CASCADE,
        )
    )
    quantity = fields.IntField()

    class Meta:
        table = "cancellation_request_line"
        unique_together = (("request", "fulfillment_order_line"),)
