"""The webhook destinations kept per process (models/operations/webhook_queue.py
`destinations`, on models/operations/config_version.py): whoever changes a subscription, a
key's scope or liveness, or a vendor's webhookUrl, and however, the next write hears of it,
in this process or another; a rolled-back change is never heard of; a placement asks the
database nothing more for them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import httpx
import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from api.settings import Settings
from models.operations import config_version, events, webhook_queue
from models.operations.access import (
    authenticate,
    create_api_key,
    revoke_api_key,
    revoke_api_keys_named,
)
from models.operations.placement import place_order
from models.operations.routing import current_settings
from models.rules.events import FulfillmentOrderEventType
from models.rules.scopes import SYSTEM, Role
from models.tables import (
    ApiKey,
    FulfillmentOrder,
    Order,
    Vendor,
    WebhookDelivery,
    WebhookSubscription,
)
from resolvers.ids import encode_id
from tests.support.database import ON_POSTGRES, counting_queries
from tests.support.factories import Network, twin_cities, web_order
from tests.support.gql import Gql
from tests.support.servers import place, serve

URL = "https://hooks.partner.example/oms"


@pytest.fixture
async def network(db: Settings) -> Network:
    network = await twin_cities({"MUG": (50, 50, 50)})
    await current_settings()  # made on first read: a write to a configuration table
    return network


async def partner_key(name: str = "partner") -> tuple[ApiKey, str]:
    return await create_api_key(name, Role.PARTNER, channel="web")


async def subscribe(key: ApiKey, *topics: str) -> WebhookSubscription:
    return await WebhookSubscription.create(
        api_key_id=key.id, url=URL, secret="s" * 16, topics=list(topics or ["ORDER_CREATED"])
    )


async def place_mug(sku: str = "MUG") -> Order:
    return (await place_order(web_order((sku, 1)), SYSTEM)).order


async def heard_by(order_id: int) -> list[int | None]:
    """Who the order's order.created went to, by subscription id."""
    rows = await WebhookDelivery.filter(order_id=order_id, event="order.created").order_by("id")
    return [row.subscription_id for row in rows]


async def _raw(sql: str) -> None:
    await connections.get("default").execute_query(sql)


Write = Callable[[ApiKey, WebhookSubscription, Network], Awaitable[object]]

WRITES: dict[str, Write] = {
    "subscription created": lambda k, s, n: subscribe(k, "ORDER_CANCELLED"),
    "subscription updated": lambda k, s, n: WebhookSubscription.filter(id=s.id).update(
        topics=["ORDER_HELD"]
    ),
    "subscription deleted": lambda k, s, n: WebhookSubscription.filter(id=s.id).delete(),
    "subscription by hand": lambda k, s, n: _raw(
        f'UPDATE "webhook_subscription" SET "url" = \'https://x.example\' WHERE id = {s.id}'
    ),
    "key revoked": lambda k, s, n: revoke_api_key(k.id),
    "keys revoked by name": lambda k, s, n: revoke_api_keys_named([k.name]),
    "key rescoped": lambda k, s, n: ApiKey.filter(id=k.id).update(channel="pos"),
    "key's locations changed": lambda k, s, n: ApiKey.filter(id=k.id).update(location_ids=[1]),
    "key deleted": lambda k, s, n: ApiKey.filter(id=k.id).delete(),
    "key revoked by hand": lambda k, s, n: _raw(
        f'UPDATE "api_key" SET "revoked_at" = CURRENT_TIMESTAMP WHERE id = {k.id}'
    ),
    "vendor's webhookUrl set": lambda k, s, n: Vendor.filter(id=n.vendor.id).update(
        webhook_url=URL
    ),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
async def test_every_write_that_feeds_the_destinations_gives_a_new_version(
    network: Network, write: Write
) -> None:
    key, _ = await partner_key()
    subscription = await subscribe(key)
    before = await config_version.current_version()
    await write(key, subscription, network)
    assert await config_version.current_version() != before


async def test_using_a_key_or_making_one_keeps_the_version(network: Network) -> None:
    """A request refreshes its key's last_used_at: that must not empty every cache."""
    _, secret = await partner_key()
    before = await config_version.current_version()
    await ApiKey.all().update(last_used_at=None)
    await authenticate(secret)
    assert await ApiKey.filter(last_used_at__isnull=False).exists()
    await create_api_key("another", Role.ADMIN)
    assert await config_version.current_version() == before


async def test_the_next_order_hears_of_each_change(network: Network) -> None:
    assert await heard_by((await place_mug()).id) == []
    key, _ = await partner_key()
    first = await subscribe(key)
    assert await heard_by((await place_mug()).id) == [first.id]
    await WebhookSubscription.filter(id=first.id).update(topics=["ORDER_CANCELLED"])
    assert await heard_by((await place_mug()).id) == []
    second = await subscribe(key)
    assert await heard_by((await place_mug()).id) == [second.id]
    await ApiKey.filter(id=key.id).update(channel="pos")  # not the orders' channel
    assert await heard_by((await place_mug()).id) == []
    await ApiKey.filter(id=key.id).update(channel="web")
    assert await heard_by((await place_mug()).id) == [second.id]
    await _raw(f'UPDATE "api_key" SET "revoked_at" = \'{datetime.now(UTC).isoformat()}\'')
    assert await heard_by((await place_mug()).id) == []


async def test_a_subscription_rolled_back_is_never_heard_of(network: Network) -> None:
    class Undo(Exception):
        pass

    key, _ = await partner_key()
    order = await place_mug()
    with pytest.raises(Undo):
        async with in_transaction():
            await subscribe(key)
            # Read inside the transaction: what is kept now is the uncommitted set.
            assert len((await webhook_queue.destinations()).subscriptions) == 1
            raise Undo
    assert (await webhook_queue.destinations()).subscriptions == ()
    assert await heard_by((await place_mug()).id) == []
    assert await heard_by(order.id) == []


async def test_a_placement_asks_nothing_more_for_its_webhooks(network: Network) -> None:
    """The version rides on the order's INSERT: no statement reads the subscriptions, the
    vendors' webhookUrls or the version on its own, with nobody listening or with a
    subscriber and a hooked vendor."""
    await place_mug()
    with counting_queries() as statements:
        await place_mug()
    assert not _reads_for_webhooks(statements), statements
    key, _ = await partner_key()
    await subscribe(key, "ORDER_CREATED", "FULFILLMENT_ORDER_ASSIGNED")
    await Vendor.filter(id=network.vendor.id).update(webhook_url=URL)
    order = await place_mug()
    with counting_queries() as statements:
        order = await place_mug()
    assert not _reads_for_webhooks(statements), statements
    assert len(await WebhookDelivery.filter(order_id=order.id)) == 2


async def test_a_vendor_hears_of_its_work_with_no_subscription_anywhere(
    network: Network,
) -> None:
    """Fulfillment order events without a topic (held, released, updated) still reach
    the vendor's webhookUrl, whichever way they are queued."""
    await Vendor.filter(id=network.vendor.id).update(webhook_url=URL)
    order = await place_mug("CHAIR")  # drop-shipped by the vendor
    (work,) = await FulfillmentOrder.filter(order_id=order.id)
    assert work.vendor_id == network.vendor.id
    async with in_transaction():
        assert await webhook_queue.enqueue_many(order, [("fulfillment_order.held", work)]) == 1
        await events.tell_assignees([work], FulfillmentOrderEventType.RELEASED)
    sent = await WebhookDelivery.filter(order_id=order.id).order_by("id")
    assert [(d.event, d.vendor_id) for d in sent] == [
        ("fulfillment_order.assigned", network.vendor.id),
        ("fulfillment_order.held", network.vendor.id),
        ("fulfillment_order.released", network.vendor.id),
    ]


def _reads_for_webhooks(statements: list[str]) -> list[str]:
    version_alone = f"SELECT {config_version.VERSION_SQL}"
    return [
        s
        for s in statements
        if s.startswith(version_alone) or 'FROM "webhook_subscription"' in s or 'FROM "vendor"' in s
    ]


async def test_another_write_reads_the_version_alone_and_nothing_when_nobody_listens(
    network: Network,
) -> None:
    order = await place_mug()
    await webhook_queue.destinations()
    async with in_transaction():
        with counting_queries() as statements:
            assert await webhook_queue.enqueue(order, "order.cancelled") == 0
    assert len(statements) == 1, statements
    assert statements[0].startswith(f"SELECT {config_version.VERSION_SQL}")


async def test_a_change_through_one_server_or_behind_both_is_heard_by_the_other_at_once(
    db: Settings, network: Network
) -> None:
    """Two server processes and this one on one database, no broadcast between them: a
    subscription deleted through one server, or made, or its key revoked, by this process,
    is heard of by the very next placement through the other."""
    if not ON_POSTGRES:
        pytest.skip("server processes share a PostgreSQL database (SQLite: the tests above)")
    key, partner = await partner_key()
    _, admin = await create_api_key("admin", Role.ADMIN)
    delete = """mutation($id: ID!) { deleteWebhookSubscription(input: {id: $id}) {
      deletedId userErrors { message } } }"""

    async def placed(server: str) -> int:
        order = await place(server, admin, [("MUG", 1)])
        return (await Order.get(number=order["number"])).id

    async with (
        serve(db.database_url, "memory://") as setup,
        serve(db.database_url, "memory://") as shop,
    ):
        assert await heard_by(await placed(shop)) == []  # the shop keeps nobody
        first = await subscribe(key)
        assert await heard_by(await placed(shop)) == [first.id]
        async with httpx.AsyncClient(base_url=setup) as client:
            await Gql(client, partner).mutate(
                delete, {"id": encode_id("WebhookSubscription", first.id)}
            )
        assert await heard_by(await placed(shop)) == []
        second = await subscribe(key)
        assert await heard_by(await placed(shop)) == [second.id]
        await revoke_api_key(key.id)
        assert await heard_by(await placed(shop)) == []
