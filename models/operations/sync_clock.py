"""When an order changed, told so that an incremental sync (orders by `updatedAt`, then
id, from a cursor or from the last `updatedAt` seen) reads every change exactly once.

A reader that pages past a stamp must never later find a row stamped before it: a change
that commits after the reader passed its stamp would lie behind the cursor forever. A
stamp taken in Python before the commit allows exactly that (T1 stamps t1, T2 stamps
t2 > t1 and commits first, a reader passes t2, T1 commits). So the writer stamps with the
database's clock (`stamp`), and a reader only reads the rows stamped before a watermark
that no transaction still open can stamp below (`settled_before`).

PostgreSQL. `stamp` writes `updated_at = clock_timestamp()` in the statement that
writes the order, after making sure the transaction holds a transaction id: then the
stamp is >= the transaction's `xact_start` and the transaction was listed with its id in
pg_stat_activity before its clock was read. The watermark is one statement,
W = least(statement_timestamp(), min(xact_start) of the other backends of this database
holding an id (`backend_xid IS NOT NULL`)). `statement_timestamp()` is taken before the
statement runs, so before pg_stat_activity is read; the page is read by a later statement,
so with a later snapshot. Take a row stamped s < W by a transaction T:
- T held its id when pg_stat_activity was read: then s >= xact_start(T) >= W. No.
- T got its id after the read: it read its clock later still, s > W. No.
- Otherwise T had ended before the read. pg_stat_activity's backend_xid comes from the
  proc array, which clears the id in the step that makes the commit visible, so T's
  change is in the page's (later) snapshot.
So the page holds every change stamped below W, and a change committed later has a stamp
>= W, beyond every row the page returned: ties on `updated_at` cannot lose a row either,
as the cursor is (updated_at, id) and nothing unseen can land at or below it.
pg_stat_activity shows `backend_xid` to everyone but `xact_start` only to the backend's
role, its members and pg_read_all_stats: a writer whose start is hidden settles nothing
until it ends (every writer connecting as the OMS's role is visible), and the brief race
where a backend's status was copied just before it began shows the same way. Both only
delay a change; none is lost. A transaction open for long holds W back as long: the
changes behind it show when it ends (prepared two-phase transactions are not counted;
the OMS uses none).

SQLite. Writers are serialized by the database's write lock, held from a transaction's
first write to its commit. `stamp` takes SQLite's clock ('now', in milliseconds) inside
its UPDATE, so under the lock; a reader takes the write lock too (a write that changes
nothing) and reads W from the same clock in that transaction. No writer is in flight
then: every stamp committed is <= W, and every writer that commits later stamps >= W once
it has the lock. The page, read after, holds every row stamped below W (a row stamped
within W's millisecond waits for the next read), and whatever it misses is stamped >= W.
The stamps are written as Tortoise writes datetimes (`datetime.isoformat(" ")`: no
fraction when it is zero), so that text order is time order and a value read back and
passed again (a cursor) compares equal to the stored one.

Both need one clock for all stamps: the database's. Python's clock stamps nothing here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from tortoise.fields import DatetimeField
from tortoise.transactions import in_transaction

from models import sql
from models.tables import Order

# SQLite's clock as Tortoise writes an aware UTC datetime; 'now' is one instant throughout
# a statement.
_SQLITE_NOW = (
    "CASE WHEN strftime('%f', 'now') LIKE '%.000'"
    " THEN strftime('%Y-%m-%d %H:%M:%S+00:00', 'now')"
    " ELSE strftime('%Y-%m-%d %H:%M:%f000+00:00', 'now') END"
)

# The writers of this database with a transaction id: their oldest start, and whether
# one's start is hidden from this role.
_POSTGRES_WATERMARK = """
SELECT statement_timestamp() AS now, min(xact_start) AS oldest,
       coalesce(bool_or(xact_start IS NULL), false) AS hidden
FROM pg_stat_activity
WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
"""

# Before every stamp: what settles nothing.
_EARLIEST = datetime.min.replace(tzinfo=UTC)


def new_order_stamp(on_postgres: bool) -> str:
    """The SQL of `stamp`'s clock for an INSERT that writes the order row itself (placement).
    On PostgreSQL the transaction id is taken first, as `stamp` does (a condition is
    evaluated before the value it lets through); on SQLite the INSERT holds the write lock
    before it evaluates its values."""
    if on_postgres:
        return "(SELECT clock_timestamp() WHERE pg_current_xact_id() IS NOT NULL)"
    return f"({_SQLITE_NOW})"


def as_stamp(value: Any) -> datetime:
    """An `updated_at` value returned by the database, as the model holds it."""
    field = cast("DatetimeField[datetime]", Order._meta.fields_map["updated_at"])
    return cast(datetime, field.to_python_value(value))


async def stamp(order: Order, *columns: str) -> None:
    """Write `columns` of the order (its in-memory values) and stamp `updated_at` with the
    database's clock, in one statement that also returns the stamp to `order`.

    Call it inside the transaction that changes the order; any point of it will do."""
    db = sql.connection(Order)
    fields = [Order._meta.fields_map[name] for name in columns]
    values = [field.to_db_value(getattr(order, field.model_field_name), order) for field in fields]
    marks = sql.placeholders(db, len(fields) + 1)
    assignments = [
        f"{sql.quote(f.source_field or f.model_field_name)} = {mark}"
        for f, mark in zip(fields, marks, strict=False)
    ]
    if sql.is_postgres(db):
        # The id first (a no-op when the order row is already locked or written), so that
        # pg_stat_activity lists this transaction before the clock is read.
        clock, holds_id = "clock_timestamp()", " AND pg_current_xact_id() IS NOT NULL"
    else:
        clock, holds_id = _SQLITE_NOW, ""
    text = (
        f"UPDATE {sql.table(Order)} SET {', '.join([*assignments, f'updated_at = {clock}'])}"
        f" WHERE id = {marks[-1]}{holds_id} RETURNING updated_at"
    )
    rows = await sql.fetch(Order, text, [*values, order.id])
    order.updated_at = as_stamp(rows[0][0])


async def settled_before() -> datetime:
    """The watermark W: every change stamped before it is committed, so visible to any
    read that starts after this returns, and every change not yet visible is stamped >= W."""
    if sql.is_postgres(sql.connection(Order)):
        row = (await Order._meta.db.execute_query_dict(_POSTGRES_WATERMARK))[0]
        if row["hidden"]:
            return _EARLIEST
        return cast(datetime, min(row["now"], row["oldest"] or row["now"]))
    async with in_transaction() as connection:
        # A write that changes nothing takes the write lock: no writer is in flight.
        await connection.execute_query('UPDATE "order" SET id = id WHERE 0')
        rows = await connection.execute_query_dict(f"SELECT {_SQLITE_NOW} AS now")
    return as_stamp(rows[0]["now"])
