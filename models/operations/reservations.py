"""Reserve, release and consume stock for fulfillment orders, each with its ledger row.

Reservations use one guarded UPDATE (`on_hand >= reserved + safety_stock + q`):
atomic on SQLite and PostgreSQL alike, so two orders racing for the last unit
cannot both get it. Callers take levels in primary-key order so that
concurrent transactions lock rows in the same order and cannot deadlock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Subquery

from models import sql
from models.errors import DomainError, ErrorCode
from models.operations.stock import write_ledger
from models.rules.inventory import LedgerReason
from models.rules.scopes import Actor
from models.tables import InventoryLedgerEntry, InventoryLevel, Product

T = TypeVar("T")

# A transaction that loses a race for stock plans again over the fresh stock, this often.
ROUTING_ATTEMPTS = 5


class ReservationConflict(Exception):
    """The stock a plan counted on was taken meanwhile; plan again."""


async def retry_on_conflict(
    attempt: Callable[[bool], Awaitable[T]],
    refusal: str = "stock kept changing while routing; try again",
    path: list[str] | None = None,
) -> T:
    """Run `attempt` until it does not lose a race for stock: the one retry loop of every
    operation that routes.

    Each call of `attempt(last)` must be one transaction (so that a ReservationConflict
    rolls it back whole) and plans over the stock as it is then. `last` is True for the
    final call, which may lock the stock rows instead of racing again (placement does).
    After ROUTING_ATTEMPTS conflicts the caller is refused with INSUFFICIENT_STOCK.
    """
    for number in range(1, ROUTING_ATTEMPTS + 1):
        try:
            return await attempt(number == ROUTING_ATTEMPTS)
        except ReservationConflict:
            continue
    raise DomainError(ErrorCode.INSUFFICIENT_STOCK, refusal, path)


async def lock_levels(skus: set[str]) -> None:
    """Lock every stock row of these SKUs, in id order, until the transaction ends
    (PostgreSQL; SQLite runs one writing transaction at a time anyway)."""
    products = Product.filter(sku__in=skus).values("id")
    await (
        InventoryLevel.select_for_update()
        .filter(product_id__in=Subquery(products))
        .order_by("id")
        .only("id")
    )


async def reserve(level_id: int, quantity: int, actor: Actor, reference: str) -> None:
    await reserve_all([(level_id, quantity)], actor, reference)


async def reserve_all(
    reservations: Sequence[tuple[int, int]],
    actor: Actor,
    reference: str,
    also: Sequence[sql.Insert] = (),
) -> list[tuple[Any, ...]]:
    """Reserve (level id, quantity) pairs with one guarded UPDATE and one ledger insert,
    and write `also`, in one statement on PostgreSQL (one batch of statements on SQLite).
    Returns the rows `also[0]` returns (its `returning` fields). See `GuardedWrite`."""
    db = sql.connection(InventoryLevel)
    write = guarded_write(db, reservations, actor, reference, also)
    with conflict_when_short():
        return write.outcome(await sql.run_all(db, write.statements))


@contextmanager
def conflict_when_short() -> Iterator[None]:
    """A guarded statement that failed whole (`sql.expect_rows`), as the
    ReservationConflict it is."""
    try:
        yield
    except sql.FellShort as short:
        raise ReservationConflict(str(short)) from short


@dataclass(frozen=True)
class GuardedWrite:
    """Reservations as one guarded UPDATE with their ledger rows, and inserts written with
    them (`also`), built for `sql.run_all` or `sql.write_alone`: one statement on
    PostgreSQL, one batch on SQLite.

    The UPDATE changes only the levels that still have the quantity available; fewer rows
    changed than levels asked for is a ReservationConflict (`outcome`), and nothing of the
    write remains: inside a transaction the caller's transaction rolls it back; outside
    one the statement's guard (`sql.expect_rows`) fails it whole on PostgreSQL, and
    `sql.write_alone` rolls its batch back on SQLite. On PostgreSQL the statement locks
    the levels in id order first, as every stock writer does, so that concurrent
    reservations cannot deadlock."""

    statements: list[sql.Statement]
    wanted: Mapping[int, int]  # level id -> quantity
    returns: bool  # whether `also[0]` returns rows
    pg: bool

    def outcome(self, done: Sequence[Sequence[tuple[Any, ...]]]) -> list[tuple[Any, ...]]:
        """The rows `also[0]` returned, from what the statements answered; raises
        ReservationConflict when the guard fell short."""
        if not self.wanted:  # no guard: the inserts alone, `also[0]` first
            return list(done[0]) if self.returns else []
        if self.pg:
            # One row (one per row `also[0]` returns): the levels changed, then its fields.
            rows = done[0]
            changed, returned = rows[0][0], [row[1:] for row in rows]
        else:
            changed, returned = len(done[0]), list(done[2]) if len(done) > 2 else []
        if changed != len(self.wanted):
            raise ReservationConflict(
                f"levels {list(self.wanted)} no longer have {list(self.wanted.values())}"
            )
        return returned if self.returns else []


def guarded_write(
    db: BaseDBAsyncClient,
    reservations: Sequence[tuple[int, int]],
    actor: Actor,
    reference: str,
    also: Sequence[sql.Insert] = (),
) -> GuardedWrite:
    """The GuardedWrite of (level id, quantity) pairs and `also` on `db`, not sent."""
    wanted: dict[int, int] = defaultdict(int)
    for level_id, quantity in reservations:
        wanted[level_id] += quantity
    pg = sql.is_postgres(db)
    returns = bool(also and also[0].rows and also[0].returning)
    if not wanted:
        return GuardedWrite(sql.together(db, also), {}, returns, pg)
    ordered = sorted(wanted.items())
    ledger = sql.Insert(
        InventoryLedgerEntry,
        [
            {
                "level_id": level_id,
                "reserved_delta": quantity,
                "reason": LedgerReason.RESERVED.value,
                "actor": actor.label,
                "reference": reference,
            }
            for level_id, quantity in ordered
        ],
    )
    marks = sql.placeholders(db, 2 * len(ordered))
    demand = ",".join(
        f"(CAST({marks[2 * n]} AS INTEGER),CAST({marks[2 * n + 1]} AS INTEGER))"
        for n in range(len(ordered))
    )
    values: list[int] = [value for pair in ordered for value in pair]
    level = sql.table(InventoryLevel)
    # On PostgreSQL the UPDATE reads the levels through `locked`, which takes them in id order
    # (a WITH query no one reads is not run).
    source = "demand JOIN locked USING (id)" if pg else "demand"
    update = (
        f"UPDATE {level} SET reserved = {level}.reserved + demand.quantity FROM {source} "
        f"WHERE {level}.id = demand.id "
        f"AND {level}.on_hand >= {level}.reserved + {level}.safety_stock + demand.quantity "
        f"RETURNING {level}.id"
    )
    if not pg:
        # One batch, which stops at the UPDATE when it falls short.
        guarded = sql.Statement(
            f"WITH demand(id, quantity) AS (VALUES {demand}) {update}", values, len(ordered)
        )
        return GuardedWrite([guarded, *sql.statements([ledger, *also])], wanted, returns, pg)
    # One statement: the inserts are written whatever the UPDATE changed, and undone with
    # it when it falls short. Its one row (one per row `also[0]` returns) holds the count
    # of levels changed, then `also[0]`'s fields (its clause is w2).
    clauses, more = sql.with_clauses([ledger, *also], start=len(values) + 1)
    changed = "(SELECT count(*) FROM changed)"
    if not sql.in_transaction(db):
        changed = sql.expect_rows(changed, len(ordered))
    returned = ""
    if returns:
        projection = also[0].model._meta.fields_db_projection
        returned = "".join(f", w2.{sql.quote(projection[f])}" for f in also[0].returning)
        returned += " FROM w2"
    text = (
        f"WITH demand(id, quantity) AS (VALUES {demand}), "
        f"locked AS MATERIALIZED (SELECT id FROM {level} WHERE id IN "
        f"(SELECT id FROM demand) ORDER BY id FOR UPDATE), "
        f"changed AS ({update}), {clauses} SELECT {changed}{returned}"
    )
    return GuardedWrite([sql.Statement(text, [*values, *more])], wanted, returns, pg)


async def release(level_id: int, quantity: int, actor: Actor, reference: str) -> None:
    """Give back reserved units that will not ship (cancelled, rejected, moved)."""
    if quantity <= 0:
        return
    await InventoryLevel.filter(id=level_id).update(reserved=F("reserved") - quantity)
    await write_ledger(
        level_id,
        LedgerReason.RELEASED,
        actor,
        reserved_delta=-quantity,
        reference=reference,
    )


async def consume(level_id: int, quantity: int, actor: Actor, reference: str) -> None:
    """Units leave the building: onHand and reserved drop together."""
    await InventoryLevel.filter(id=level_id).update(
        on_hand=F("on_hand") - quantity, reserved=F("reserved") - quantity
    )
    await write_ledger(
        level_id,
        LedgerReason.SHIPPED,
        actor,
        on_hand_delta=-quantity,
        reserved_delta=-quantity,
        reference=reference,
    )


async def level_id_for(location_id: int, product_id: int) -> int | None:
    # values_list(flat=True) yields a value; Tortoise's stubs say a tuple.
    return cast(
        "int | None",
        await InventoryLevel.filter(location_id=location_id, product_id=product_id)
        .first()
        .values_list("id", flat=True),
    )
