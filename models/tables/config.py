from tortoise import fields
from tortoise.models import Model


class ConfigVersion(Model):
    """A single row (id 1) whose `version` changes whenever configuration changes.

    Configuration is what a process keeps between requests (models.operations.config_version):
    routing's location, vendor, routing_rule and routing_settings (migration 8), and the
    webhook destinations' webhook_subscription and api_key (migration 10; of api_key, the
    columns a subscription's scope comes from, not the `last_used_at` every request may
    refresh). Database triggers write it, in the writing transaction, so no writer can
    forget to: the API, the CLI, demo seeding, tests' factories and a hand-typed UPDATE all
    count. Each change writes a fresh random number rather than adding one: a version taken
    by a transaction that rolled back, or by a database emptied and refilled, is never
    taken again, so a process holding it always sees a mismatch.
    """

    id = fields.IntField(primary_key=True)
    version = fields.BigIntField()

    class Meta:
        table = "config_version"
