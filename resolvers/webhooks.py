"""Webhooks: subscriptions (an ADMIN, PARTNER or VENDOR key's, by topic), the deliveries
sent to a vendor and how each attempt went, and retrying one by hand. No secret (a vendor's
webhookSecret, a subscription's secret) appears in any of these types."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

import strawberry
from strawberry.types import Info

from models.operations import webhook_subscriptions as subscriptions
from models.operations import webhooks as ops
from models.operations.visibility import (
    visible_webhook_deliveries,
    visible_webhook_subscriptions,
)
from models.rules.scopes import ADMIN_ONLY, Role
from models.rules.webhooks import WebhookTopic
from models.tables import WebhookDelivery as DeliveryRow
from models.tables import WebhookDeliveryAttempt as AttemptRow
from models.tables import WebhookSubscription as SubscriptionRow
from resolvers.common import Node, UserError, user_errors
from resolvers.config import server_config
from resolvers.ids import decode_id, encode_id
from resolvers.node import node_type
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow, current_actor

SUBSCRIBERS = (Role.ADMIN, Role.PARTNER, Role.VENDOR)

WebhookTopicEnum = strawberry.enum(
    WebhookTopic,
    name="WebhookTopic",
    description="What a webhook subscription hears of. The body's `event` is the topic in "
    "lower case with a dot after its subject: FULFILLMENT_ORDER_CANCELLED is "
    "fulfillment_order.cancelled. FULFILLMENT_ORDER_CANCELLED also covers some of a "
    "fulfillment order's lines being cancelled (its status then says the rest goes on). A "
    "VENDOR key may name only FULFILLMENT_ORDER_* and SHIPMENT_* topics.",
)


@strawberry.type(description="One POST of a webhook delivery and how it ended.")
class WebhookDeliveryAttempt:
    attempted_at: datetime
    response_status: int | None = strawberry.field(
        description="The vendor's HTTP status; null when no answer came."
    )
    error: str | None = strawberry.field(description="Why the attempt failed; null for a 2xx.")
    duration_ms: int

    @classmethod
    def of(cls, row: AttemptRow) -> WebhookDeliveryAttempt:
        return cls(
            attempted_at=row.attempted_at,
            response_status=row.response_status,
            error=row.error,
            duration_ms=row.duration_ms,
        )


@strawberry.type(
    description="One event POSTed to a vendor's webhookUrl with the headers X-OMS-Event, "
    "X-OMS-Delivery and, when the vendor has a webhookSecret, X-OMS-Signature; retried "
    "with backoff until the vendor answers 2xx."
)
class WebhookDelivery:
    pk: strawberry.Private[int]
    id: strawberry.ID
    event: str = strawberry.field(description="e.g. fulfillment_order.assigned")
    status: str = strawberry.field(description="PENDING, SUCCEEDED or FAILED.")
    attempts: int
    last_response_status: int | None
    next_attempt_at: datetime | None = strawberry.field(
        description="When it is tried next; null once SUCCEEDED or FAILED."
    )
    created_at: datetime
    attempt_log: list[WebhookDeliveryAttempt] = strawberry.field(
        description="Every attempt, oldest first.", default_factory=list
    )

    @classmethod
    def of(cls, row: DeliveryRow) -> WebhookDelivery:
        """Without its attempt log: `with_attempt_logs` loads those for a whole page."""
        return cls(
            pk=row.pk,
            id=encode_id("WebhookDelivery", row.pk),
            event=row.event,
            status=row.status,
            attempts=row.attempts,
            last_response_status=row.last_response_status,
            next_attempt_at=row.next_attempt_at,
            created_at=row.created_at,
        )


def deliveries_of(rows: Sequence[DeliveryRow]) -> list[WebhookDelivery]:
    return [WebhookDelivery.of(row) for row in rows]


async def with_attempt_logs(deliveries: Sequence[WebhookDelivery]) -> None:
    """Fill in the attempt logs of `deliveries` with one query."""
    logs: dict[int, list[WebhookDeliveryAttempt]] = defaultdict(list)
    pks = [delivery.pk for delivery in deliveries]
    for row in await AttemptRow.filter(delivery_id__in=pks).order_by("id"):
        logs[row.delivery_id].append(WebhookDeliveryAttempt.of(row))
    for delivery in deliveries:
        delivery.attempt_log = logs[delivery.pk]


async def webhook_deliveries_connection(
    info: Info, vendor_id: int, page: PageArgs
) -> Connection[WebhookDelivery]:
    """`Vendor.webhookDeliveries`, oldest first: empty for keys that may not see them."""
    queryset = visible_webhook_deliveries(current_actor(info), vendor_id)
    connection = await paginate(queryset, page, deliveries_of)
    await with_attempt_logs([edge.node for edge in connection.edges])
    return connection


@strawberry.input
class RetryWebhookDeliveryInput:
    id: strawberry.ID


@strawberry.type
class RetryWebhookDeliveryPayload:
    webhook_delivery: WebhookDelivery | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(
        permission_classes=[allow(*ADMIN_ONLY)],
        description=(
            "Send a FAILED or PENDING delivery at the next dispatcher pass. Its attempt count "
            "is kept: a FAILED delivery that fails again is FAILED again."
        ),
    )
    @user_errors(RetryWebhookDeliveryPayload)
    async def retry_webhook_delivery(
        self, input: RetryWebhookDeliveryInput
    ) -> RetryWebhookDeliveryPayload:
        row = await ops.retry_delivery(decode_id(input.id, "WebhookDelivery"), datetime.now(UTC))
        delivery = WebhookDelivery.of(row)
        await with_attempt_logs([delivery])
        return RetryWebhookDeliveryPayload(webhook_delivery=delivery)


@strawberry.type(
    description="An API key's webhook. Each event of its topics that the key may read (ADMIN: "
    "every order; PARTNER: its channel's orders; VENDOR: its own fulfillment orders) is POSTed "
    "to url as {event, deliveryId, occurredAt, order, fulfillmentOrder?} with the headers "
    "X-OMS-Event, X-OMS-Delivery and X-OMS-Signature (sha256= and the hex HMAC-SHA256 of the "
    "raw body with the secret); retried with backoff until it answers 2xx. Deliveries of one "
    "order to one subscription are sent one at a time, in the order the events happened. "
    "Revoking the key stops them; deleting the subscription drops those not yet sent."
)
class WebhookSubscription(Node):
    url: str
    topics: list[WebhookTopicEnum]  # type: ignore[valid-type]
    created_at: datetime

    @classmethod
    def of(cls, row: SubscriptionRow) -> WebhookSubscription:
        return cls(
            id=encode_id("WebhookSubscription", row.pk),
            url=row.url,
            topics=[WebhookTopic(topic) for topic in row.topics],
            created_at=row.created_at,
        )


@node_type("WebhookSubscription")
async def _subscription_node(info: Info, pk: int) -> Node | None:
    row = await visible_webhook_subscriptions(current_actor(info)).get_or_none(id=pk)
    return WebhookSubscription.of(row) if row else None


@strawberry.type
class WebhookQueries:
    @strawberry.field(
        permission_classes=[allow(*SUBSCRIBERS)],
        description="The key's own webhook subscriptions (ADMIN: everyone's), oldest first.",
    )
    @paged
    async def webhook_subscriptions(
        self, info: Info, page: PageArgs
    ) -> Connection[WebhookSubscription]:
        return await paginate(
            visible_webhook_subscriptions(current_actor(info)),
            page,
            lambda rows: [WebhookSubscription.of(row) for row in rows],
        )


@strawberry.input
class CreateWebhookSubscriptionInput:
    url: str = strawberry.field(
        description="http(s); refused when it resolves to a private address (as webhookUrl)."
    )
    secret: str = strawberry.field(description="16 to 200 characters; signs every body.")
    topics: list[WebhookTopicEnum]  # type: ignore[valid-type]


@strawberry.type
class CreateWebhookSubscriptionPayload:
    webhook_subscription: WebhookSubscription | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class DeleteWebhookSubscriptionInput:
    id: strawberry.ID


@strawberry.type
class DeleteWebhookSubscriptionPayload:
    deleted_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class WebhookSubscriptionMutations:
    @strawberry.mutation(
        permission_classes=[allow(*SUBSCRIBERS)],
        description="Subscribe this key to topics; it hears only what it may read.",
    )
    @user_errors(CreateWebhookSubscriptionPayload)
    async def create_webhook_subscription(
        self, info: Info, input: CreateWebhookSubscriptionInput
    ) -> CreateWebhookSubscriptionPayload:
        row = await subscriptions.create_subscription(
            current_actor(info),
            input.url,
            input.secret,
            [WebhookTopic(topic) for topic in input.topics],
            server_config(info).webhook_allow_private,
        )
        return CreateWebhookSubscriptionPayload(webhook_subscription=WebhookSubscription.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*SUBSCRIBERS)],
        description="Delete one of this key's subscriptions (ADMIN: anyone's); what it had "
        "not sent yet is dropped.",
    )
    @user_errors(DeleteWebhookSubscriptionPayload)
    async def delete_webhook_subscription(
        self, info: Info, input: DeleteWebhookSubscriptionInput
    ) -> DeleteWebhookSubscriptionPayload:
        pk = decode_id(input.id, "WebhookSubscription")
        await subscriptions.delete_subscription(current_actor(info), pk)
        return DeleteWebhookSubscriptionPayload(deleted_id=input.id)
