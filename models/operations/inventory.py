"""Stock changes. Each writes the level and a ledger row with the same deltas in
one transaction, and uses guarded updates so that concurrent writers on
PostgreSQL and SQLite can never take a level below its invariants
(0 <= reserved <= onHand; reservations never eat into safety stock).
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations.catalog import product_by_sku
from models.rules.inventory import AdjustmentReason, LedgerReason, on_hand_problem
from models.rules.scopes import Actor
from models.tables import InventoryLedgerEntry, InventoryLevel, Location, Product

# The stock columns are 32-bit integers (and GraphQL's Int is too).
MAX_QUANTITY = 2**31 - 1


@dataclass(frozen=True)
class StockChange:
    level: InventoryLevel
    on_hand_delta: int

    @property
    def rose(self) -> bool:
        return self.on_hand_delta > 0


async def _location(location_id: int) -> Location:
    location = await Location.get_or_none(id=location_id)
    if location is None:
        raise not_found("location", location_id, ["locationId"])
    return location


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


async def set_inventory(
    location_id: int, sku: str, on_hand: int | None, safety_stock: int | None, actor: Actor
) -> StockChange:
    if on_hand is not None and on_hand < 0:
        raise invalid(f"onHand must be 0 or more, got {on_hand}", ["onHand"])
    if safety_stock is not None and safety_stock < 0:
        raise invalid(f"safetyStock must be 0 or more, got {safety_stock}", ["safetyStock"])
    for name, value in (("onHand", on_hand), ("safetyStock", safety_stock)):
        if value is not None and value > MAX_QUANTITY:
            raise invalid(f"{name} must be at most {MAX_QUANTITY}, got {value}", [name])
    location = await _location(location_id)
    product = await product_by_sku(sku)
    async with in_transaction():
        level = await level_for_update(location, product)
        delta = 0 if on_hand is None else on_hand - level.on_hand
        if on_hand is not None:
            problem = on_hand_problem(on_hand, level.reserved)
            if problem:
                raise DomainError(
                    ErrorCode.INSUFFICIENT_STOCK, f"{sku} at {location.code}: {problem}", ["onHand"]
                )
            await change_on_hand(level, delta, LedgerReason.SET, actor)
        if safety_stock is not None and safety_stock != level.safety_stock:
            await InventoryLevel.filter(id=level.id).update(safety_stock=safety_stock)
            await level.refresh_from_db()
        return StockChange(level, delta)


async def adjust_inventory(
    location_id: int,
    sku: str,
    delta: int,
    reason: AdjustmentReason,
    actor: Actor,
    note: str | None = None,
) -> StockChange:
    location = await _location(location_id)
    product = await product_by_sku(sku)
    async with in_transaction():
        level = await level_for_update(location, product)
        problem = on_hand_problem(level.on_hand + delta, level.reserved)
        if problem:
            raise DomainError(
                ErrorCode.INSUFFICIENT_STOCK, f"{sku} at {location.code}: {problem}", ["delta"]
            )
        await change_on_hand(level, delta, LedgerReason(reason.value), actor, note=note)
        return StockChange(level, delta)
