from tortoise import fields

from .base import Timestamped
from .locations import Vendor


class ApiKey(Timestamped):
    """An API key. Only a SHA-256 hash of its secret is stored.

    The secret handed out is `oms_<public_id>_<random>`; `public_id` finds the
    row, the hash proves the rest.
    """

    id = fields.IntField(primary_key=True)
    public_id = fields.CharField(max_length=32, unique=True)
    secret_hash = fields.CharField(max_length=64)
    name = fields.CharField(max_length=200)
    role = fields.CharField(max_length=16)  # Role
    location_ids: fields.Field[list[int]] = fields.JSONField(default=list)
    vendor: fields.ForeignKeyNullableRelation[Vendor] = fields.ForeignKeyField(
        "models.Vendor", related_name="api_keys", null=True, on_delete=fields.RESTRICT
    )
    vendor_id: int | None
    channel = fields.CharField(max_length=64, null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key"
