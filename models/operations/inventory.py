"""The stock keeper's use cases: set counted stock, adjust it with a reason. Each changes
the level in one transaction (through models.operations.stock) and, once that has
committed, gives what became available to backordered orders.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations.backorders import route_backorders_after
from models.operations.catalog import product_by_sku
from models.operations.stock import MAX_QUANTITY, change_on_hand, level_for_update
from models.rules.inventory import AdjustmentReason, LedgerReason, available, on_hand_problem
from models.rules.scopes import Actor
from models.tables import InventoryLevel, Location


@dataclass(frozen=True)
class StockChange:
    level: InventoryLevel  # as it is after the change and the backorders it filled
    on_hand_delta: int
    routed: int = 0  # backordered orders that received new assignments


async def _location(location_id: int) -> Location:
    location = await Location.get_or_none(id=location_id)
    if location is None:
        raise not_found("location", location_id, ["locationId"])
    return location


async def _fill_backorders(level: InventoryLevel, delta: int, actor: Actor) -> StockChange:
    """After the change committed: stock available here goes to backordered orders.
    This never fails the committed change (see route_backorders_after)."""
    if available(level.on_hand, level.reserved, level.safety_stock) <= 0:
        return StockChange(level, delta)
    routed = await route_backorders_after([level.product_id], actor)
    if routed:
        await level.refresh_from_db()
    return StockChange(level, delta, routed)


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
    return await _fill_backorders(level, delta, actor)


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
    return await _fill_backorders(level, delta, actor)
