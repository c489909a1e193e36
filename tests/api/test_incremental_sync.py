"""A partner's incremental sync: orders(sortKey: UPDATED_AT, filter: {updatedAfter}) pages
through every change exactly once while orders are being updated between its pages."""

from __future__ import annotations

import asyncio

import pytest
from tortoise.transactions import in_transaction

from models.operations.access import create_api_key
from models.operations.order_state import locked_order, refresh_status
from models.operations.order_updates import OrderUpdate, update_order
from models.rules.scopes import SYSTEM, Role
from models.tables import Order as OrderRow
from tests.api.test_order_queries import place
from tests.support.database import ON_POSTGRES
from tests.support.factories import twin_cities

SYNC = """query($after: String, $since: DateTime) {
  orders(first: 4, after: $after, sortKey: UPDATED_AT, filter: {updatedAfter: $since}) {
    nodes { number updatedAt note } pageInfo { hasNextPage endCursor } } }"""


async def test_every_change_is_seen_once_across_pages(as_key) -> None:
    await twin_cities({"MUG": (100, 0, 0)})
    await place(10, lines=(("MUG", 1),))
    await place(3, channel="pos", lines=(("MUG", 1),))
    _, web = await create_api_key("web", Role.PARTNER, channel="web")
    sync = as_key(web)
    ids = await OrderRow.filter(channel="web").order_by("id").values_list("id", flat=True)
    since = min(await OrderRow.filter(channel="web").values_list("updated_at", flat=True))
    since = since.replace(microsecond=0).isoformat()  # before the first change

    seen: list[tuple[str, str, str | None]] = []
    after = None
    round_ = 0
    while True:
        page = (await sync(SYNC, {"after": after, "since": since}))["orders"]
        seen += [(n["number"], n["updatedAt"], n["note"]) for n in page["nodes"]]
        # Between pages: one order already read and one not yet read change.
        if round_ < 2:
            for pk in (ids[round_], ids[-1 - round_]):
                await update_order(pk, OrderUpdate(note=f"change {round_}"), SYSTEM)
        round_ += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert len(seen) == len(set(seen)), "a version was read twice"
    latest = {
        str(1000 + row.id): (row.updated_at, row.note)
        for row in await OrderRow.filter(channel="web")
    }
    assert {number for number, _, _ in seen} == set(latest), "an order was never read"
    for number, (_, note) in latest.items():
        last_read = [n for num, _, n in seen if num == number][-1]
        assert last_read == note, f"order {number}: its last change was not read"


async def sync_all(sync, since: str, after: str | None = None) -> tuple[list[dict], str | None]:
    """Every page from `after`: the orders read, and the cursor to continue from."""
    nodes: list[dict] = []
    while True:
        page = (await sync(SYNC, {"after": after, "since": since}))["orders"]
        nodes += page["nodes"]
        after = page["pageInfo"]["endCursor"] or after
        if not page["pageInfo"]["hasNextPage"]:
            return nodes, after


@pytest.mark.skipif(not ON_POSTGRES, reason="two writers in flight at once: PostgreSQL")
async def test_a_change_committed_after_a_later_one_is_not_left_behind(as_key) -> None:
    """T1 stamps order A, T2 changes B and commits, the partner pages past B, then T1
    commits: A must still be read when the partner continues from its cursor."""
    await twin_cities({"MUG": (100, 0, 0)})
    await place(2, lines=(("MUG", 1),))
    _, web = await create_api_key("web", Role.PARTNER, channel="web")
    sync = as_key(web)
    a, b = await OrderRow.filter(channel="web").order_by("id").values_list("id", flat=True)
    since = min(await OrderRow.filter(channel="web").values_list("updated_at", flat=True))
    since = since.replace(microsecond=0).isoformat()
    _, cursor = await sync_all(sync, since)

    stamped, release = asyncio.Event(), asyncio.Event()

    async def late_change() -> None:
        async with in_transaction():
            order = await locked_order(a)
            order.note = "late"
            await order.save(update_fields=["note"])
            await refresh_status(order, SYSTEM)
            stamped.set()
            await release.wait()

    writer = asyncio.create_task(late_change())
    await stamped.wait()
    await update_order(b, OrderUpdate(note="early"), SYSTEM)
    first, cursor = await sync_all(sync, since, cursor)
    release.set()
    await writer
    then, _ = await sync_all(sync, since, cursor)

    read = [(n["number"], n["note"]) for n in first + then]
    assert (str(1000 + a), "late") in read, "the change committed late was left behind"
    assert (str(1000 + b), "early") in read
    assert len(read) == len(set(read)), "a version was read twice"
