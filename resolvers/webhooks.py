"""Vendor webhook deliveries: what was sent to a vendor and how each attempt went, and
retrying one by hand. The vendor's webhookSecret appears in none of these types."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

import strawberry
from strawberry.types import Info

from models.operations import webhooks as ops
from models.rules import scopes
from models.rules.scopes import ADMIN_ONLY
from models.tables import WebhookDelivery as DeliveryRow
from models.tables import WebhookDeliveryAttempt as AttemptRow
from resolvers.common import UserError, user_errors
from resolvers.ids import decode_id, encode_id
from resolvers.pagination import Connection, PageArgs, paginate
from resolvers.permissions import allow, current_actor


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
    queryset = DeliveryRow.filter(vendor_id=vendor_id)
    if not scopes.may_see_vendor_private(current_actor(info), vendor_id):
        queryset = queryset.filter(id__in=[])
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
