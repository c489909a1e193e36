from tortoise import fields
from tortoise.models import Model

from .base import Timestamped
from .catalog import Product
from .locations import Location


class InventoryLevel(Timestamped):
    """Stock of one product at one location.

    `on_hand` and `reserved` only ever change together with an
    `InventoryLedgerEntry` carrying the same deltas, so each level equals the
    sum of its ledger.
    """

    id = fields.IntField(primary_key=True)
    location: fields.ForeignKeyRelation[Location] = fields.ForeignKeyField(
        "models.Location", related_name="inventory_levels", on_delete=fields.RESTRICT
    )
    location_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="inventory_levels", on_delete=fields.RESTRICT
    )
    product_id: int
    on_hand = fields.IntField(default=0)
    reserved = fields.IntField(default=0)
    safety_stock = fields.IntField(default=0)

    class Meta:
        table = "inventory_level"
        unique_together = (("location", "product"),)
        # Placement reads a product's levels at every location: the unique pair leads with
        # the location, so without this the read walks every level of the catalog.
        indexes = (("product", "location"),)


class InventoryLedgerEntry(Model):
    id = fields.BigIntField(primary_key=True)
    level: fields.ForeignKeyRelation[InventoryLevel] = fields.ForeignKeyField(
        "models.InventoryLevel", related_name="ledger", on_delete=fields.RESTRICT
    )
    level_id: int
    on_hand_delta = fields.IntField(default=0)
    reserved_delta = fields.IntField(default=0)
    reason = fields.CharField(max_length=32)
    actor = fields.CharField(max_length=200, null=True)
    reference = fields.CharField(max_length=200, null=True)
    note = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "inventory_ledger"
