from tortoise import fields

from .base import Timestamped


class AddressFields(Timestamped):
    """Postal address columns shared by locations and orders (API type `Address`)."""

    address_name = fields.CharField(max_length=200, null=True)
    address_line1 = fields.CharField(max_length=200, null=True)
    address_line2 = fields.CharField(max_length=200, null=True)
    address_city = fields.CharField(max_length=100, null=True)
    address_region = fields.CharField(max_length=100, null=True)
    address_postal_code = fields.CharField(max_length=20, null=True)
    address_country = fields.CharField(max_length=2, null=True)
    address_phone = fields.CharField(max_length=40, null=True)
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)

    class Meta:
        abstract = True


class Location(AddressFields):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    kind = fields.CharField(max_length=16)  # LocationKind
    active = fields.BooleanField(default=True)
    ships_orders = fields.BooleanField(default=True)
    pickup_enabled = fields.BooleanField(default=False)
    priority = fields.IntField(default=100)
    daily_capacity = fields.IntField(null=True)
    # IANA name: the day dailyCapacity counts is this zone's calendar day.
    time_zone = fields.CharField(max_length=64, default="UTC")

    class Meta:
        table = "location"


class Vendor(Timestamped):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    active = fields.BooleanField(default=True)
    webhook_url = fields.CharField(max_length=2000, null=True)
    webhook_secret = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "vendor"
