"""Changing an order's header after capture (`updateOrder`): customer, shipping address,
note, tags and metadata, in one transaction.

A new address re-plans the work nobody has accepted yet (OPEN fulfillment orders) as a
placement would plan it now: a fulfillment order the new plan would give the same
assignee stays where it is (its routing reason says why), the others go back and their
units are routed again. Accepted work is not moved; its assignee hears UPDATED.
Customer and address may change until something ships; note, tags and metadata at any
time.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from models.errors import invalid
from models.operations import events, order_routing, webhook_queue
from models.operations.fulfillment_state import (
    close_if_done,
    lines_of,
    release_fulfillment_line,
    remaining,
)
from models.operations.locations import AddressData
from models.operations.order_state import check_action, locked_order, refresh_status
from models.operations.order_validation import EMAIL, shipping_columns
from models.operations.reservations import retry_on_conflict
from models.rules.events import FulfillmentOrderEventType, OrderEventType
from models.rules.lifecycle import DeliveryMethod, FulfillmentOrderStatus, OrderAction
from models.rules.routing import Assignment, PlannedLine, RoutingPlan
from models.rules.scopes import Actor
from models.tables import FulfillmentOrder, Order, OrderLine, OrderTag

NOTE_MAX = 5000
TAG_MAX = 64
TAGS_MAX = 50
METADATA_MAX_BYTES = 16_384

# Work an assignee has taken on: it is told of a change, not moved.
_STARTED = (FulfillmentOrderStatus.ACCEPTED.value, FulfillmentOrderStatus.PACKED.value)


@dataclass(frozen=True)
class OrderUpdate:
    """What to change; None leaves a field as it is (`clear_note` empties the note)."""

    customer_email: str | None = None
    customer_name: str | None = None
    shipping_address: AddressData | None = None
    note: str | None = None
    clear_note: bool = False
    tags: tuple[str, ...] | None = None
    metadata: dict[str, Any] | None = None
    clear_metadata: bool = False


def check_tags(tags: tuple[str, ...]) -> list[str]:
    """Trimmed, without repeats, in the order given."""
    cleaned: list[str] = []
    for index, tag in enumerate(tags):
        text = tag.strip()
        if not 1 <= len(text) <= TAG_MAX:
            raise invalid(
                f"a tag must be 1-{TAG_MAX} characters, got {tag!r}", ["tags", str(index)]
            )
        if text not in cleaned:
            cleaned.append(text)
    if len(cleaned) > TAGS_MAX:
        raise invalid(f"an order takes at most {TAGS_MAX} tags, got {len(cleaned)}", ["tags"])
    return cleaned


def check_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(metadata, dict):
        raise invalid("metadata must be a JSON object", ["metadata"])
    size = len(json.dumps(metadata, separators=(",", ":")).encode())
    if size > METADATA_MAX_BYTES:
        raise invalid(
            f"metadata takes at most {METADATA_MAX_BYTES} bytes as JSON, got {size}", ["metadata"]
        )
    return metadata


def _changes(order: Order, update: OrderUpdate) -> dict[str, Any]:
    """The columns that change, validated; nothing is written."""
    columns: dict[str, Any] = {}
    if update.customer_email is not None:
        email = update.customer_email.strip()
        if not EMAIL.fullmatch(email) or len(email) > 320:
            raise invalid(
                f"{update.customer_email!r} is not an email address", ["customer", "email"]
            )
        columns["customer_email"] = email
    if update.customer_name is not None:
        name = update.customer_name.strip()
        if len(name) > 200:
            raise invalid("a customer name takes at most 200 characters", ["customer", "name"])
        columns["customer_name"] = name or None
    if update.shipping_address is not None:
        if order.delivery_method != DeliveryMethod.SHIP.value:
            raise invalid("a PICKUP order has no shipping address", ["shippingAddress"])
        columns.update(shipping_columns(update.shipping_address))
        columns["has_shipping_address"] = True
    if update.clear_note or update.note is not None:
        note = (update.note or "").strip()
        if len(note) > NOTE_MAX:
            raise invalid(f"a note takes at most {NOTE_MAX} characters", ["note"])
        columns["note"] = note or None
    if update.tags is not None:
        columns["tags"] = check_tags(update.tags)
    if update.clear_metadata or update.metadata is not None:
        columns["metadata"] = None if update.clear_metadata else check_metadata(update.metadata)  # type: ignore[arg-type]
    return {k: v for k, v in columns.items() if getattr(order, k) != v}


def _held_by(fo_lines: list[tuple[int, int]]) -> dict[int, int]:
    held: dict[int, int] = defaultdict(int)
    for line_id, quantity in fo_lines:
        held[line_id] += quantity
    return dict(held)


def _take_from(assignment: Assignment, held: dict[int, int]) -> Assignment | None:
    """The assignment less what a staying fulfillment order already holds (None if empty)."""
    left = []
    for planned in assignment.lines:
        quantity = planned.quantity - held.get(planned.line_id, 0)
        if quantity > 0:
            left.append(PlannedLine(planned.line_id, planned.sku, quantity))
    return replace(assignment, lines=tuple(left)) if left else None


def _covers(
    assignment: Assignment, fulfillment_order: FulfillmentOrder, held: dict[int, int]
) -> bool:
    if (assignment.location_id, assignment.vendor_id) != (
        fulfillment_order.location_id,
        fulfillment_order.vendor_id,
    ):
        return False
    planned = _held_by([(p.line_id, p.quantity) for p in assignment.lines])
    return all(planned.get(line_id, 0) >= quantity for line_id, quantity in held.items())


async def reroute_open_work(order: Order, actor: Actor, now: datetime) -> events.Entry | None:
    """Plan the OPEN work again for the order's current address; keep what would stay,
    give back and route again what would move. Inside the caller's transaction."""
    open_work = list(
        await FulfillmentOrder.filter(
            order_id=order.id, status=FulfillmentOrderStatus.OPEN.value
        ).order_by("id")
    )
    if not open_work:
        return None
    work_lines = {fo.id: await lines_of(fo) for fo in open_work}
    held = {
        fo.id: _held_by([(wl.order_line.id, remaining(wl.fo_line)) for wl in work_lines[fo.id]])
        for fo in open_work
    }
    freed: dict[tuple[int, str], int] = defaultdict(int)
    for fo in open_work:
        for wl in work_lines[fo.id]:
            if fo.location_id is not None:
                freed[(fo.location_id, wl.order_line.sku)] += remaining(wl.fo_line)
    lines = list(await OrderLine.filter(order_id=order.id).order_by("id"))
    # Ask for the open work's units as if unassigned: the plan sees them and their stock.
    for line in lines:
        line.allocated_quantity -= sum(held[fo.id].get(line.id, 0) for fo in open_work)
    request = await order_routing.request_of(order, lines)
    snapshot = await order_routing.plan(request, now, freed)
    for line in lines:
        line.allocated_quantity += sum(held[fo.id].get(line.id, 0) for fo in open_work)

    assignments = list(snapshot.plan.assignments)
    stayed, moved = [], []
    for fo in open_work:
        index = next((i for i, a in enumerate(assignments) if _covers(a, fo, held[fo.id])), None)
        if index is None:
            moved.append(fo)
            continue
        fo.routing_reason = f"stays after the address change: {assignments[index].reason}"[:2000]
        await fo.save(update_fields=["routing_reason", "updated_at"])
        stayed.append(fo)
        rest = _take_from(assignments[index], held[fo.id])
        assignments[index : index + 1] = [rest] if rest else []
    reference = f"order:{order.number}"
    by_id = {line.id: line for line in lines}
    for fo in moved:
        for wl in work_lines[fo.id]:
            quantity = remaining(wl.fo_line)
            if quantity > 0:
                await release_fulfillment_line(fo, wl.fo_line, quantity, actor, reference)
                by_id[wl.order_line.id].allocated_quantity -= quantity
        await close_if_done(order, fo, actor, now)
    await events.tell_assignees(moved, FulfillmentOrderEventType.MOVED_AWAY)
    rest_plan = RoutingPlan(assignments=tuple(assignments), backordered=snapshot.plan.backordered)
    outcome = await order_routing.apply_plan(
        order, lines, replace(snapshot, plan=rest_plan), actor, now
    )
    return events.Entry(
        OrderEventType.ROUTED,
        f"after the address change: {len(stayed)} fulfillment order(s) stay, "
        f"{len(moved)} moved, {len(outcome.created)} created"
        + (f"; {outcome.backordered} unit(s) backordered" if outcome.backordered else ""),
        {
            "stayed": [fo.id for fo in stayed],
            "moved": [fo.id for fo in moved],
            "created": [fo.id for fo in outcome.created],
        },
    )


def _field_of(column: str) -> str:
    """The input field a changed column came from."""
    if column.startswith("customer_"):
        return "customer"
    if column.startswith("address_") or column in ("latitude", "longitude"):
        return "shippingAddress"
    return column


async def update_order(order_id: int, update: OrderUpdate, actor: Actor) -> Order:
    async def attempt(last: bool) -> Order:
        now = datetime.now(UTC)
        async with in_transaction():
            order = await locked_order(order_id)
            changes = _changes(order, update)
            names = sorted({_field_of(column) for column in changes})
            if {"customer", "shippingAddress"} & set(names):
                check_action(order, OrderAction.UPDATE_RECIPIENT)
            if not changes:
                return order
            for column, value in changes.items():
                setattr(order, column, value)
            await order.save(update_fields=list(changes))
            if "tags" in changes:
                await OrderTag.filter(order_id=order.id).delete()
                await OrderTag.bulk_create(
                    [OrderTag(order_id=order.id, tag=tag) for tag in changes["tags"]]
                )
            entries = [
                events.Entry(
                    OrderEventType.UPDATED, f"updated: {', '.join(names)}", {"changed": names}
                )
            ]
            if "shippingAddress" in names:
                routed = await reroute_open_work(order, actor, now)
                entries += [routed] if routed else []
            if {"shippingAddress", "customer", "note"} & set(names):
                started = await FulfillmentOrder.filter(order_id=order.id, status__in=_STARTED)
                await events.tell_assignees(started, FulfillmentOrderEventType.UPDATED)
            await events.record_many(order, entries, actor)
            await refresh_status(order, actor)
            await webhook_queue.enqueue(order, "order.updated")
            return order

    return await retry_on_conflict(attempt)
