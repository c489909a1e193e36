from tortoise import fields
from tortoise.models import Model

# Slot rows per channel. An order is counted in slot `id % SLOTS`: orders placed at the
# same time have neighbouring ids, so their transactions add to different rows instead of
# queueing on one row's lock until each commits. The triggers of migration 11 spell the
# same number; changing it takes a migration that recounts.
SLOTS = 16


class OrderCount(Model):
    """How many orders a channel has, as the sum of its SLOTS rows' `orders`.

    Database triggers on "order" write it (migration 11: insert, delete, a change of
    channel, and TRUNCATE on PostgreSQL), in the writing transaction, so the sum is exact
    in every snapshot and no writer can forget it; models.operations.order_counts reads it.
    A load that bypasses the triggers (bench.bulk_load's COPY) recounts after itself.
    """

    id = fields.IntField(primary_key=True)
    channel = fields.CharField(max_length=64)
    slot = fields.SmallIntField()
    orders = fields.BigIntField(default=0)

    class Meta:
        table = "order_count"
        unique_together = (("channel", "slot"),)
