"""The inventory ledger, by property: for any sequence of stock changes, valid or not,

- every level equals the sum of its ledger rows (onHand and reserved deltas);
- 0 <= reserved <= onHand, and safetyStock >= 0;
- each operation does exactly what a plain model of the rules predicts, and a refused
  one (a DomainError) changes nothing at all.

Each example starts from an emptied database, so examples cannot see each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode
from models.operations.catalog import upsert_product
from models.operations.inventory import adjust_inventory, set_inventory
from models.operations.locations import LocationKind, create_location
from models.rules.inventory import AdjustmentReason, LedgerReason
from models.rules.scopes import Actor, Role
from models.tables import InventoryLedgerEntry, InventoryLevel
from tests.support.database import empty_database
from tests.support.hypothesis import examples

LOCATIONS = ("MSP-01", "STP-01")
SKUS = ("MUG", "HAT")
MISSING_LOCATION = "NOWHERE"  # resolves to an id no location has
MISSING_SKU = "GHOST"
ACTOR = Actor(role=Role.STAFF, name="ledger test")


@dataclass(frozen=True)
class SetOp:
    location: str
    sku: str
    on_hand: int | None
    safety_stock: int | None


@dataclass(frozen=True)
class AdjustOp:
    location: str
    sku: str
    delta: int
    reason: AdjustmentReason


@dataclass(frozen=True)
class ReserveOp:
    """What placing an order does to a level (models/operations/reservations.py): a guarded
    update of `reserved` with its ledger row. It gives the refusals below reserved a
    chance to happen."""

    location: str
    sku: str
    quantity: int


Op = SetOp | AdjustOp | ReserveOp

locations = st.sampled_from((*LOCATIONS, MISSING_LOCATION))
skus = st.sampled_from((*SKUS, MISSING_SKU))
quantities = st.integers(-3, 12)
operations = st.one_of(
    st.builds(
        SetOp,
        locations,
        skus,
        st.one_of(st.none(), quantities),
        st.one_of(st.none(), st.integers(-1, 4)),
    ),
    st.builds(
        AdjustOp, locations, skus, st.integers(-12, 12), st.sampled_from(list(AdjustmentReason))
    ),
    st.builds(ReserveOp, st.sampled_from(LOCATIONS), st.sampled_from(SKUS), st.integers(1, 6)),
)


@dataclass
class Level:
    on_hand: int = 0
    reserved: int = 0
    safety_stock: int = 0


def expected_outcome(op: Op, model: dict[tuple[str, str], Level]) -> Level | ErrorCode:
    """The inventory contract restated (setInventory/adjustInventory create a missing level;
    onHand never drops below 0 nor below what is reserved): what the level becomes, or why
    the change is refused."""
    negative = [v for v in (getattr(op, "on_hand", 0), getattr(op, "safety_stock", 0)) if v]
    if isinstance(op, SetOp) and min(negative, default=0) < 0:
        return ErrorCode.INVALID
    if op.location == MISSING_LOCATION or op.sku == MISSING_SKU:
        return ErrorCode.NOT_FOUND
    level = model.get((op.location, op.sku), Level())
    if isinstance(op, SetOp):
        on_hand = level.on_hand if op.on_hand is None else op.on_hand
        if on_hand < level.reserved:
            return ErrorCode.INSUFFICIENT_STOCK
        safety = level.safety_stock if op.safety_stock is None else op.safety_stock
        return Level(on_hand, level.reserved, safety)
    if isinstance(op, AdjustOp):
        on_hand = level.on_hand + op.delta
        if on_hand < 0 or on_hand < level.reserved:
            return ErrorCode.INSUFFICIENT_STOCK
        return Level(on_hand, level.reserved, level.safety_stock)
    if level.on_hand - level.reserved - level.safety_stock < op.quantity:
        return ErrorCode.INSUFFICIENT_STOCK
    return Level(level.on_hand, level.reserved + op.quantity, level.safety_stock)


async def reserve(location_id: int, sku: str, quantity: int) -> None:
    level = await InventoryLevel.get_or_none(location_id=location_id, product__sku=sku)
    async with in_transaction():
        changed = level is not None and await InventoryLevel.filter(
            id=level.id, on_hand__gte=F("reserved") + (F("safety_stock") + quantity)
        ).update(reserved=F("reserved") + quantity)
        if not changed:
            raise DomainError(ErrorCode.INSUFFICIENT_STOCK, f"{quantity} {sku} not available")
        await InventoryLedgerEntry.create(
            level_id=level.id,  # type: ignore[union-attr]
            reserved_delta=quantity,
            reason=LedgerReason.RESERVED.value,
            actor=ACTOR.label,
        )


async def apply(op: Op, location_ids: dict[str, int]) -> None:
    location_id = location_ids[op.location]
    if isinstance(op, SetOp):
        await set_inventory(location_id, op.sku, op.on_hand, op.safety_stock, ACTOR)
    elif isinstance(op, AdjustOp):
        await adjust_inventory(location_id, op.sku, op.delta, op.reason, ACTOR, note="test")
    else:
        await reserve(location_id, op.sku, op.quantity)


async def stored_state() -> tuple[dict[tuple[str, str], Level], list[dict[str, Any]]]:
    levels = {
        (row.location.code, row.product.sku): Level(row.on_hand, row.reserved, row.safety_stock)
        for row in await InventoryLevel.all().prefetch_related("location", "product")
    }
    ledger = await InventoryLedgerEntry.all().order_by("id").values()
    return levels, ledger


async def check_invariants() -> None:
    for row in await InventoryLevel.all():
        entries = await InventoryLedgerEntry.filter(level_id=row.id)
        assert row.on_hand == sum(e.on_hand_delta for e in entries), row.id
        assert row.reserved == sum(e.reserved_delta for e in entries), row.id
        assert row.on_hand >= row.reserved >= 0, row.id
        assert row.safety_stock >= 0, row.id
        assert all(e.on_hand_delta or e.reserved_delta for e in entries), "an empty ledger row"


@settings(
    max_examples=examples(dev=10, ci=30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(operations, min_size=1, max_size=25))
async def test_levels_always_equal_their_ledger(db, ops: list[Op]) -> None:
    await empty_database()
    location_ids = {MISSING_LOCATION: 999_999}
    for code in LOCATIONS:
        location_ids[code] = (await create_location(code, name=code, kind=LocationKind.STORE)).pk
    for sku in SKUS:
        await upsert_product(sku, sku.title())

    model: dict[tuple[str, str], Level] = {}
    for op in ops:
        expected = expected_outcome(op, model)
        before = await stored_state()
        try:
            await apply(op, location_ids)
        except DomainError as error:
            assert expected == error.code, f"{op} refused with {error.code}: {error.message}"
            assert await stored_state() == before, f"the refused {op} changed something"
        else:
            assert isinstance(expected, Level), f"{op} should have been refused: {expected}"
            model[(op.location, op.sku)] = expected
            levels, _ = await stored_state()
            assert levels == model, f"after {op}"
        await check_invariants()
