from tortoise import fields

from .access import ApiKey
from .base import Timestamped


class WebhookSubscription(Timestamped):
    """An API key's webhook: events of the topics it names, scoped as the key is (an ADMIN
    key's: every order; a PARTNER key's: its channel's; a VENDOR key's: its own work)."""

    id = fields.IntField(primary_key=True)
    api_key: fields.ForeignKeyRelation[ApiKey] = fields.ForeignKeyField(
        "models.ApiKey", related_name="webhook_subscriptions", on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=2000)
    secret = fields.CharField(max_length=200)
    topics: fields.Field[list[str]] = fields.JSONField()  # WebhookTopic values

    class Meta:
        table = "webhook_subscription"
