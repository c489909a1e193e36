"""Live, scoped subscriptions with replay.

An assignee's `fulfillmentOrderEvents` (and `fulfillmentOrderAssigned`, its ASSIGNED part)
read the outbox, whose old rows retention deletes: a cursor older than what is kept is
refused (CURSOR_EXPIRED). `orderUpdated` and `orderEvents` read the order timelines, kept
for the orders' life, and show each reader only what `timeline_view` lets it see.

Each subscription follows one stream. It registers with the process's
hub first, then reads the database from its cursor: replay and live events
come from the same ordered query, so there is no gap and no duplicate at the
seam. A doorbell from the hub (or a timeout, in case the transport is down)
makes it read again. Rows committed late, out of id order, are caught by
re-reading a short recent window and skipping ids already sent.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar, cast

import strawberry
from graphql import GraphQLError
from strawberry.types import Info
from tortoise.expressions import Q, RawSQL, Subquery
from tortoise.queryset import QuerySet

from models.operations.events import assignee_stream, channel_stream, order_stream
from models.operations.visibility import visible_channel_events, visible_orders, visible_timeline
from models.rules import scopes
from models.rules.events import (
    FulfillmentOrderEventType,
    cursor_expired,
    shows_fulfillment_order,
)
from models.rules.scopes import READERS, Role
from models.tables import ApiKey, OutboxEvent
from models.tables import OrderEvent as OrderEventRow
from resolvers.fulfillment import (
    LEFT_TO_PRIMING,
    FulfillmentOrder,
    fulfillment_order_reads,
    prime_fulfillment_orders,
)
from resolvers.ids import decode_query_id, encode_id
from resolvers.loaders import Loaders
from resolvers.orders import OrderEvent
from resolvers.pagination import decode_cursor, encode_cursor
from resolvers.permissions import allow, current_actor, forbidden
from resolvers.selection import below, selected_paths

# How long a subscription waits for a doorbell before reading anyway.
POLL_SECONDS = 2.0
# Transactions commit within this long: ids below the newest one sent may still appear.
LATE_COMMIT_WINDOW = timedelta(seconds=10)

R = TypeVar("R", OutboxEvent, OrderEventRow)


def _bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def _since(cursor: str | None) -> int | None:
    return None if cursor is None else decode_cursor(cursor)


async def follow(
    info: Info,
    stream: str,
    rows: QuerySet[R],
    newest: Callable[[], Awaitable[int]],
    since: int | None,
    prepare: Callable[[Sequence[R]], Awaitable[None]] | None = None,
    ahead: Callable[[QuerySet[R]], Sequence[Awaitable[object]]] | None = None,
) -> AsyncGenerator[R, None]:
    """`rows` (those of `stream` the subscriber may see) after `since` (or from now), in id
    order, forever. `prepare` loads what the events of one batch read, before the first is
    yielded: one statement per relation for the batch rather than per event, so that a
    subscription keeps up with a burst of events. `ahead` gets the query of the rows after
    the last one sent and answers statements that load what they read, awaited beside the
    read of the rows themselves, so that `prepare` finds it done: on an event loop busy
    with other requests every round trip waits its turn."""
    with info.context.hub.listen(stream) as doorbell:
        # Everything up to `floor` was seen by the client (or predates the subscription).
        floor = since if since is not None else await newest()
        last = floor
        recent: dict[int, datetime] = {}
        await _still_authorized(info)
        while True:
            now = datetime.now(UTC)
            # A WebSocket's context lives as long as the connection: fresh loaders for
            # each batch, or events would show rows as they were at the first one.
            info.context.loaders = Loaders()
            # The rows after `last`, and only the ids of those of the late-commit window
            # below it: the window holds every row of the last seconds, nearly all sent
            # already, and a row as a model costs ~20 us (8 ms a read for 400, under 4
            # placing clients). The reads (and `ahead`'s) run side by side where the database
            # allows.
            window = Q(id__lte=last, created_at__gte=now - LATE_COMMIT_WINDOW)
            reads: list[Awaitable[object]] = [
                rows.filter(id__gt=last).order_by("id"),
                rows.filter(window).values_list("id", flat=True),
                # Asked at every read: a placement rings its own process's subscriptions
                # as it commits, before the relay publishes an earlier revocation (from
                # the CLI or another process), whose doorbell would come too late.
                _still_authorized(info),
            ]
            if ahead is not None:
                reads.extend(ahead(rows.filter(id__gt=last)))
            found, window_ids, *_ = await asyncio.gather(*reads)
            newer = cast(list[R], found)
            # values_list(flat=True) yields values; Tortoise's stubs say tuples.
            ids = cast(list[int], window_ids)
            late: list[int] = [pk for pk in ids if pk > floor and pk not in recent]
            batch = newer
            if late:
                batch = await rows.filter(id__in=late).order_by("id") + newer
            if batch and prepare is not None:
                await prepare(batch)
            for row in batch:
                recent[row.id] = row.created_at
                last = max(last, row.id)
                yield row
            for seen, at in list(recent.items()):
                if at < now - 2 * LATE_COMMIT_WINDOW:
                    del recent[seen]
            # asyncio.timeout, not wait_for: a doorbell wakes this task in one step of a
            # busy event loop, not two.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(POLL_SECONDS):
                    await doorbell.get()


async def _still_authorized(info: Info) -> None:
    """A key revoked while its WebSocket is open stops receiving events."""
    actor = current_actor(info)
    if actor.key_id is not None and not await ApiKey.exists(id=actor.key_id, revoked_at=None):
        raise GraphQLError("the API key was revoked", extensions={"code": "UNAUTHENTICATED"})


FulfillmentOrderEventTypeEnum = strawberry.enum(
    FulfillmentOrderEventType, name="FulfillmentOrderEventType"
)


@strawberry.type(description="A change to a fulfillment order, on its assignee's stream.")
class FulfillmentOrderEvent:
    cursor: str = strawberry.field(description="Pass as `since` to resume after this event.")
    type: FulfillmentOrderEventTypeEnum  # type: ignore[valid-type]
    fulfillment_order_id: strawberry.ID = strawberry.field(description="Always present.")
    fulfillment_order: FulfillmentOrder | None = strawberry.field(
        description="As it is now; null when the subscriber may no longer see it: after "
        "MOVED_AWAY, EXPIRED or REJECTED (the work went elsewhere), and for any event about "
        "work since moved to an assignee the key does not serve. Then nothing of the new "
        "assignee, tracking or customer is sent."
    )
    at: datetime


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.STAFF, Role.VENDOR)],
        description="Every change to the fulfillment orders of one location or one vendor "
        "(exactly one of the two), in the order it happened. `since` (the cursor of the "
        "last event seen) replays what was missed first; a `since` older than the events "
        "kept (OMS_EVENT_RETENTION_DAYS) is refused with CURSOR_EXPIRED: reload by query, "
        "then subscribe afresh.",
    )
    async def fulfillment_order_events(
        self,
        info: Info,
        location_id: strawberry.ID | None = None,
        vendor_id: strawberry.ID | None = None,
        since: str | None = None,
    ) -> AsyncGenerator[FulfillmentOrderEvent, None]:
        return await _assignee_events(info, location_id, vendor_id, since, None)

    @strawberry.subscription(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.STAFF, Role.VENDOR)],
        description="`fulfillmentOrderEvents` filtered to ASSIGNED: fulfillment orders newly "
        "assigned to one location or one vendor (exactly one).",
    )
    async def fulfillment_order_assigned(
        self,
        info: Info,
        location_id: strawberry.ID | None = None,
        vendor_id: strawberry.ID | None = None,
        since: str | None = None,
    ) -> AsyncGenerator[FulfillmentOrderEvent, None]:
        return await _assignee_events(
            info, location_id, vendor_id, since, FulfillmentOrderEventType.ASSIGNED
        )

    @strawberry.subscription(
        permission_classes=[allow(*READERS)],
        description="The order's timeline, live, as far as the key may read it (see "
        "`OrderEvent.data`); `since` (an OrderEvent cursor) replays first. The timeline is "
        "kept for the order's life, so its cursors do not expire.",
    )
    async def order_updated(
        self, info: Info, order_id: strawberry.ID, since: str | None = None
    ) -> AsyncGenerator[OrderEvent, None]:
        pk = decode_query_id(order_id, "Order")
        actor = current_actor(info)
        order = await visible_orders(actor).filter(id=pk).first()
        if order is None:
            raise forbidden("this key may not follow that order")
        entries = visible_timeline(actor, order)
        start = _since(since)

        async def newest() -> int:
            row = await OrderEventRow.filter(order_id=pk).order_by("-id").first()
            return row.id if row else 0

        return _timeline(info, follow(info, order_stream(pk), entries, newest, start))

    @strawberry.subscription(
        permission_classes=[allow(Role.ADMIN, Role.VIEWER, Role.PARTNER)],
        description="Every order event of one channel, in the order they happened: a PARTNER "
        "key follows its own channel (`channel` may be omitted); ADMIN and VIEWER follow one "
        "channel or, with `channel` omitted, all of them. `since` (an OrderEvent cursor) "
        "replays first; events come from the order timelines, which are kept for the "
        "orders' life, so these cursors do not expire.",
    )
    async def order_events(
        self, info: Info, channel: str | None = None, since: str | None = None
    ) -> AsyncGenerator[OrderEvent, None]:
        actor = current_actor(info)
        if actor.role is Role.PARTNER:
            if channel is not None and channel != actor.channel:
                raise forbidden("a PARTNER key follows its own channel only")
            channel = actor.channel
        entries = visible_channel_events(actor, channel)
        stream = channel_stream(channel)
        start = _since(since)

        async def newest() -> int:
            row = await entries.order_by("-id").first()
            return row.id if row else 0

        return _timeline(info, follow(info, stream, entries, newest, start))


async def _assignee_events(
    info: Info,
    location_id: strawberry.ID | None,
    vendor_id: strawberry.ID | None,
    since: str | None,
    only: FulfillmentOrderEventType | None,
) -> AsyncGenerator[FulfillmentOrderEvent, None]:
    """One assignee's stream from the outbox, every type or `only` one."""
    if (location_id is None) == (vendor_id is None):
        raise _bad_input("pass exactly one of locationId and vendorId")
    location = decode_query_id(location_id, "Location") if location_id is not None else None
    vendor = decode_query_id(vendor_id, "Vendor") if vendor_id is not None else None
    if not scopes.may_see_fulfillment(current_actor(info), location, vendor):
        raise forbidden("this key may not follow that location's or vendor's fulfillment orders")
    stream = assignee_stream(location, vendor)
    start = _since(since)
    if start is not None:
        oldest = await OutboxEvent.all().order_by("id").first()
        if cursor_expired(start, oldest.id if oldest else None):
            raise GraphQLError(
                "`since` is older than the events kept: reload by query, then subscribe without it",
                extensions={"code": "CURSOR_EXPIRED"},
            )
    rows = OutboxEvent.filter(stream=stream)
    if only is not None:
        rows = rows.filter(type=only.value)

    async def newest() -> int:
        row = await OutboxEvent.filter(stream=stream).order_by("-id").first()
        return row.id if row else 0

    asked = below(selected_paths(info), ("fulfillmentOrder",))
    lines = ("lines",) in asked
    rest = asked & LEFT_TO_PRIMING

    def ahead(newer: QuerySet[OutboxEvent]) -> list[Awaitable[None]]:
        ids = newer.annotate(pk=RawSQL(_payload_id())).values("pk")
        return fulfillment_order_reads(info, Subquery(ids), asked)

    async def prepare(batch: Sequence[OutboxEvent]) -> None:
        loaders = info.context.loaders
        ids = [row.payload["fulfillmentOrderId"] for row in batch]
        # What `ahead` did not see: rows committed late, or between its reads and the batch's.
        missing = [
            pk
            for pk in ids
            if loaders.fulfillment_order_by_id.cache_map.get(pk) is None
            or (lines and loaders.lines_by_fulfillment_order_id.cache_map.get(pk) is None)
        ]
        if missing:
            await asyncio.gather(*fulfillment_order_reads(info, missing, asked))
            loaders.fulfillment_order_by_id.prime_many(dict.fromkeys(missing))
            loaders.lines_by_fulfillment_order_id.prime_many({pk: [] for pk in missing})
        if rest:
            found = await loaders.fulfillment_order_by_id.load_many(ids)
            await prime_fulfillment_orders(info, [row for row in found if row is not None], rest)

    return _assignee_stream(info, follow(info, stream, rows, newest, start, prepare, ahead))


def _payload_id() -> str:
    """SQL of the fulfillment order id in an assignee event's payload."""
    if OutboxEvent._meta.db.capabilities.dialect == "postgres":
        return "CAST(payload->>'fulfillmentOrderId' AS BIGINT)"
    return "json_extract(payload, '$.fulfillmentOrderId')"


async def _assignee_stream(
    info: Info, rows: AsyncGenerator[OutboxEvent, None]
) -> AsyncGenerator[FulfillmentOrderEvent, None]:
    """Each event with the fulfillment order as it is now, when the key may still see it
    (checked at read time: a replay shows nothing of work that has since moved away)."""
    actor = current_actor(info)
    async for row in rows:
        type = FulfillmentOrderEventType(row.type)
        pk = row.payload["fulfillmentOrderId"]
        fulfillment = await info.context.loaders.fulfillment_order_by_id.load(pk)
        shown = fulfillment is not None and shows_fulfillment_order(
            actor,
            type,
            fulfillment.location_id,
            fulfillment.vendor_id,
        )
        yield FulfillmentOrderEvent(
            cursor=encode_cursor(row.id),
            type=type,
            fulfillment_order_id=strawberry.ID(encode_id("FulfillmentOrder", pk)),
            fulfillment_order=FulfillmentOrder.of(fulfillment) if shown and fulfillment else None,
            at=row.created_at,
        )


async def _timeline(
    info: Info, rows: AsyncGenerator[OrderEventRow, None]
) -> AsyncGenerator[OrderEvent, None]:
    actor = current_actor(info)
    async for row in rows:
        yield OrderEvent.of(row, actor, row.channel)
