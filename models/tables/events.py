from contextvars import ContextVar
from typing import Any

from tortoise import fields
from tortoise.models import Model

from .locations import Vendor
from .orders import Order
from .webhooks import WebhookSubscription

# The W3C `traceparent` of the request doing the work, set by the transport when it traces
# (api/tracing.py), so that the relay's publish joins the trace of the request that wrote
# the event. The domain neither knows nor cares what it holds.
CAUSE: ContextVar[str | None] = ContextVar("outbox_cause", default=None)


def current_cause() -> str | None:
    return CAUSE.get()


class OutboxEvent(Model):
    """An event written in the same transaction as the change it reports.

    The relay publishes committed rows to their broadcaster `stream` in id
    order and stamps `published_at`; the id is the replay cursor (`since`).
    """

    id = fields.BigIntField(primary_key=True)
    stream = fields.CharField(max_length=64)  # e.g. "location:3", "vendor:1", "order:42"
    type = fields.CharField(max_length=64)
    payload: fields.Field[dict[str, Any]] = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)
    published_at = fields.DatetimeField(null=True)
    trace_context = fields.CharField(max_length=64, null=True, default=current_cause)

    class Meta:
        table = "outbox_event"
        # A replay reads a stream by id and, in case a row committed late, what it got in
        # the last seconds (stream, created_at): both arms by index, whatever the history.
        indexes = (("stream", "id"), ("stream", "created_at"), ("published_at", "id"))


class WebhookDelivery(Model):
    """One event for one destination: a vendor's webhookUrl or a webhook subscription
    (exactly one of the two is set). Deliveries of one order to one destination are sent
    in id order, each after the one before it succeeded or failed for good."""

    id = fields.IntField(primary_key=True)
    delivery_id = fields.CharField(max_length=64, unique=True)
    vendor: fields.ForeignKeyNullableRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name="webhook_deliveries", null=True, on_delete=fields.CASCADE
    )
    subscription: fields.ForeignKeyNullableRelation[WebhookSubscription] = fields.ForeignKeyField(
        "models.WebhookSubscription",
        related_name="deliveries",
        null=True,
        on_delete=fields.CASCADE,
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="webhook_deliveries", null=True, on_delete=fields.CASCADE
    )
    vendor_id: int | None
    subscription_id: int | None
    order_id: int | None
    event = fields.CharField(max_length=64)
    body = fields.TextField()
    status = fields.CharField(max_length=16, default="PENDING")  # PENDING | SUCCEEDED | FAILED
    attempts = fields.IntField(default=0)
    last_response_status = fields.IntField(null=True)
    last_error = fields.CharField(max_length=1000, null=True)
    next_attempt_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    # The `traceparent` of the request that caused it, as on the outbox: each POST's span
    # joins that request's trace.
    trace_context = fields.CharField(max_length=64, null=True, default=current_cause)

    class Meta:
        table = "webhook_delivery"
        indexes = (("status", "next_attempt_at"), ("order", "status", "id"))


class WebhookDeliveryAttempt(Model):
    """One POST of a delivery and how it ended: the vendor's answer, or why there was none."""

    id = fields.BigIntField(primary_key=True)
    delivery: fields.ForeignKeyRelation[WebhookDelivery] = fields.ForeignKeyField(
        "models.WebhookDelivery", related_name="attempt_log", on_delete=fields.CASCADE
    )
    delivery_id: int
    attempted_at = fields.DatetimeField()
    response_status = fields.IntField(null=True)  # null when no answer came
    error = fields.CharField(max_length=1000, null=True)  # null for a 2xx
    duration_ms = fields.IntField()

    class Meta:
        table = "webhook_delivery_attempt"
        indexes = (("delivery", "id"),)
