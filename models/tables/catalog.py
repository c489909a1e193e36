from tortoise import fields

from .base import Timestamped, money_field


class Product(Timestamped):
    id = fields.IntField(primary_key=True)
    sku = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    price_amount = money_field(null=True)
    price_currency = fields.CharField(max_length=3, null=True)
    tags: fields.Field[list[str]] = fields.JSONField(default=list)

    class Meta:
        table = "product"
