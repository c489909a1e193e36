"""Cancellation requests: what the order shows while an assignee is asked, and the
assignee's answer. Thin: the operation (models.operations.cancellation_requests) checks
the key's scope inside its transaction."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from models.operations import cancellation_requests as ops
from models.rules.cancellation import CancellationRequestStatus
from models.tables import CancellationRequest as CancellationRequestRow
from resolvers.common import user_errors
from resolvers.fulfillment import FulfillmentOrder
from resolvers.fulfillment_mutations import ASSIGNEES, FulfillmentOrderPayload, as_assignee
from resolvers.ids import decode_id
from resolvers.permissions import allow, current_actor

CancellationRequestStatusEnum = strawberry.enum(
    CancellationRequestStatus,
    name="CancellationRequestStatus",
    description="REQUESTED until the assignee answers (the units stay reserved); ACCEPTED: "
    "the units were cancelled and released; REJECTED: the work goes on.",
)


@strawberry.type(
    description="Cancelling units of ACCEPTED or PACKED work asks its assignee first. A "
    "fulfillment order has at most one open (REQUESTED) request: cancelling more of it while "
    "one is open adds the units to that request. While it is open the fulfillment order is "
    "not packed, shipped, picked up, rejected or moved: the assignee answers first."
)
class FulfillmentOrderCancellationRequest:
    status: CancellationRequestStatusEnum  # type: ignore[valid-type]
    message: str | None = strawberry.field(description="Why the cancellation is asked for.")
    requested_at: datetime
    answered_at: datetime | None

    @classmethod
    def of(cls, row: CancellationRequestRow) -> FulfillmentOrderCancellationRequest:
        return cls(
            status=CancellationRequestStatus(row.status),
            message=row.message,
            requested_at=row.requested_at,
            answered_at=row.answered_at,
        )


async def latest_request(fulfillment_order_id: int) -> FulfillmentOrderCancellationRequest | None:
    row = (
        await CancellationRequestRow.filter(fulfillment_order_id=fulfillment_order_id)
        .order_by("-id")
        .first()
    )
    return FulfillmentOrderCancellationRequest.of(row) if row else None


@strawberry.input
class AcceptCancellationRequestInput:
    fulfillment_order_id: strawberry.ID


@strawberry.input
class RejectCancellationRequestInput:
    fulfillment_order_id: strawberry.ID
    message: str = strawberry.field(description="Why the work goes on; on the order's timeline.")


def _id(value: str) -> int:
    return decode_id(value, "FulfillmentOrder", "fulfillmentOrderId")


@strawberry.type
class CancellationMutations:
    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="The assignee (or an ADMIN) agrees to the open cancellation request: its "
        "units are cancelled and released, the order's lines and status follow, and a "
        "fulfillment order left with nothing is CANCELLED.",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def accept_cancellation_request(
        self, info: Info, input: AcceptCancellationRequestInput
    ) -> FulfillmentOrderPayload:
        row = await ops.accept_cancellation(_id(input.fulfillment_order_id), current_actor(info))
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))

    @strawberry.mutation(
        permission_classes=[allow(*ASSIGNEES)],
        description="The assignee (or an ADMIN) refuses the open cancellation request: the "
        "work goes on and the order's timeline records the message.",
    )
    @user_errors(FulfillmentOrderPayload)
    @as_assignee
    async def reject_cancellation_request(
        self, info: Info, input: RejectCancellationRequestInput
    ) -> FulfillmentOrderPayload:
        row = await ops.reject_cancellation(
            _id(input.fulfillment_order_id), input.message, current_actor(info)
        )
        return FulfillmentOrderPayload(fulfillment_order=FulfillmentOrder.of(row))
