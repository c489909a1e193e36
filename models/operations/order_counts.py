"""How many orders a key sees, read from the counts the database keeps (models.tables
.OrderCount) instead of counting the orders: a sum over a channel's slot rows costs the
same at a thousand orders as at a million, and is as exact as COUNT(*) in the same
snapshot, because the triggers that keep it write in the order's own transaction.

Only scopes that are whole channels have such a count: ADMIN and VIEWER see every channel,
a PARTNER its own (mirroring visibility.visible_orders; tests/integration/test_order_counts.py
holds the two together). An assignee's orders are those it works on, counted as rows.
"""

from __future__ import annotations

from tortoise import connections
from tortoise.functions import Sum

from models.rules.scopes import Actor, Role
from models.tables import OrderCount
from models.tables.order_counts import SLOTS


def counts_whole_channels(actor: Actor) -> bool:
    """Whether `actor`'s orders are whole channels (so `visible_count` can answer)."""
    return actor.sees_everything or actor.role is Role.PARTNER


async def visible_count(actor: Actor, channel: str | None = None) -> int:
    """How many orders of `channel` (None: of every channel) `actor` sees; only for an
    actor whose orders are whole channels (`counts_whole_channels`)."""
    if not counts_whole_channels(actor):
        raise ValueError(f"a {actor.role} key's orders are not whole channels")
    if actor.role is Role.PARTNER:
        if channel not in (None, actor.channel):
            return 0
        channel = actor.channel
    slots = OrderCount.all() if channel is None else OrderCount.filter(channel=channel)
    rows = await slots.annotate(total=Sum("orders")).values("total")
    return int(rows[0]["total"] or 0)


async def recount() -> None:
    """Count every order again, for a load that bypassed the triggers (a COPY with
    `session_replication_role = replica`); migration 11 backfills the same way."""
    await connections.get("default").execute_script(
        'DELETE FROM "order_count"; '
        'INSERT INTO "order_count" ("channel", "slot", "orders") '
        f'SELECT "channel", "id" % {SLOTS}, COUNT(*) FROM "order" '
        f'GROUP BY "channel", "id" % {SLOTS};'
    )
