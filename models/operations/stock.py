"""The stock writes every use case makes. Each writes the level and a ledger row with the
same deltas in the caller's transaction, and uses guarded updates so that concurrent
writers on PostgreSQL and SQLite can never take a level below its invariants
(0 <= reserved <= onHand; reservations never eat into safety stock).
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid
from models.rules.inventory import LedgerReason, on_hand_problem
from models.rules.scopes import Actor
from models.tables import InventoryLedgerEntry, InventoryLevel, Location, Product

# The stock columns are 32-bit integers (and GraphQL's Int is too).
MAX_QUANTITY = 2**31 - 1


async def level_for_update(location: Location, product: Product) -> InventoryLevel:
    """The (location, product) level, locked on PostgreSQL; created empty when missing.

    Call inside a transaction. A concurrent creator wins the unique constraint
    and we read its row instead.
    """
    level = (
        await InventoryLevel.select_for_update()
        .filter(location_id=location.id, product_id=product.id)
        .first()
    )
    if level is not None:
        return level
    try:
        async with in_transaction():
            await InventoryLevel.create(location_id=location.id, product_id=product.id)
    except IntegrityError:
        pass
    return await InventoryLevel.select_for_update().get(
        location_id=location.id, product_id=product.id
    )


async def write_ledger(
    level_id: int,
    reason: LedgerReason,
    actor: Actor,
    on_hand_delta: int = 0,
    reserved_delta: int = 0,
    reference: str | None = None,
    note: str | None = None,
) -> None:
    await InventoryLedgerEntry.create(
        level_id=level_id,
        on_hand_delta=on_hand_delta,
        reserved_delta=reserved_delta,
        reason=reason.value,
        actor=actor.label,
        reference=reference,
        note=note,
    )


async def change_on_hand(
    level: InventoryLevel,
    delta: int,
    reason: LedgerReason,
    actor: Actor,
    reference: str | None = None,
    note: str | None = None,
) -> None:
    """Add `delta` to onHand unless that would leave it below 0 or below reserved."""
    if delta == 0:
        return
    if level.on_hand + delta > MAX_QUANTITY:
        raise invalid(
            f"onHand would be {level.on_hand + delta}; it cannot exceed {MAX_QUANTITY}", ["delta"]
        )
    # reserved >= 0, so onHand + delta >= reserved also keeps onHand >= 0.
    changed = await InventoryLevel.filter(id=level.id, on_hand__gte=F("reserved") - delta).update(
        on_hand=F("on_hand") + delta
    )
    await level.refresh_from_db()
    if not changed:
        problem = on_hand_problem(level.on_hand + delta, level.reserved)
        raise DomainError(
            ErrorCode.INSUFFICIENT_STOCK, problem or "stock changed meanwhile", ["delta"]
        )
    await write_ledger(level.id, reason, actor, on_hand_delta=delta, reference=reference, note=note)
