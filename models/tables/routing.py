from tortoise import fields
from tortoise.models import Model

from .base import Timestamped
from .locations import Vendor


class RoutingRule(Timestamped):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    priority = fields.IntField(default=100)
    active = fields.BooleanField(default=True)
    skus: fields.Field[list[str]] = fields.JSONField(default=list)
    tags: fields.Field[list[str]] = fields.JSONField(default=list)
    channels: fields.Field[list[str]] = fields.JSONField(default=list)
    destination_countries: fields.Field[list[str]] = fields.JSONField(default=list)
    destination_regions: fields.Field[list[str]] = fields.JSONField(default=list)
    postal_code_prefixes: fields.Field[list[str]] = fields.JSONField(default=list)
    action = fields.CharField(max_length=16)  # RoutingAction
    vendor: fields.ForeignKeyNullableRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name="routing_rules", null=True, on_delete=fields.RESTRICT
    )
    vendor_id: int | None
    location_ids: fields.Field[list[int]] = fields.JSONField(default=list)

    class Meta:
        table = "routing_rule"


class RoutingSettings(Model):
    """A single row (id 1): the knobs of the routing engine and the lifecycle."""

    id = fields.IntField(primary_key=True)
    max_splits = fields.IntField(default=3)
    split_lines = fields.BooleanField(default=True)
    acceptance_minutes = fields.IntField(default=120)
    backorders = fields.CharField(max_length=16, default="ALLOW")  # ALLOW | REJECT
    return_window_days = fields.IntField(default=30)
    # How long a READY_FOR_PICKUP order waits at the counter before it is cancelled.
    pickup_hold_days = fields.IntField(default=7)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "routing_settings"
