"""Hand-written SQL for the few statements of the placing path where Tortoise's model layer
(query building, row -> model) costs more than the statement itself.

Statements run on the connection Tortoise would use (the caller's transaction when there is
one), with the dialect's placeholders ($1 on PostgreSQL, ? on SQLite). Where PostgreSQL
folds several writes into one statement (data-modifying WITH clauses), SQLite, which has
none, runs them as statements of one batch (`run_all`): one trip to its connection's
thread. A write that must commit whole without a transaction around it goes alone
(`write_alone`): one guarded statement on PostgreSQL, one trip from BEGIN IMMEDIATE to
COMMIT on SQLite (committed with those waiting beside it: `models.sqlite_thread`).
Statement texts depend only on the shape (table, columns, row count), so each is built
once per shape, and asyncpg prepares each text once per connection.
Values go to the drivers as Tortoise would send them: JSON columns encoded by their
field, the rest native (Tortoise registers SQLite's Decimal and datetime adapters).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from typing import Any, TypeVar, cast

import aiosqlite
import asyncpg
from tortoise import fields
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.exceptions import IntegrityError, OperationalError, TransactionManagementError
from tortoise.models import Model

from models.sqlite_client import ImmediateSqliteClient
from models.sqlite_thread import falls_short, on_thread, run_batch

Row = Mapping[str, Any]
T = TypeVar("T")
M = TypeVar("M", bound=Model)


def connection(model: type[Model]) -> BaseDBAsyncClient:
    """The connection `model`'s queries would use now (the transaction's, inside one)."""
    return model._meta.db


def is_postgres(db: BaseDBAsyncClient) -> bool:
    return db.capabilities.dialect == "postgres"


def in_transaction(db: BaseDBAsyncClient) -> bool:
    """Whether `db` is a transaction's connection (else each statement commits alone)."""
    return isinstance(db, TransactionalDBClient)


# The SQLSTATE `expect_rows` raises (PostgreSQL migration 13).
_FELL_SHORT = "P0R01"


class FellShort(Exception):
    """A statement's guard (`expect_rows`) counted fewer rows than it needed: the
    statement failed, and nothing it wrote remains."""


def expect_rows(got: str, wanted: int) -> str:
    """PostgreSQL: SQL whose value is `got` (a count the statement computes), or that fails
    the whole statement with FellShort when `got` is below `wanted`: the guard of a
    statement sent outside a transaction, which has no later point to roll back from."""
    return f'"expect_rows"({got}, {int(wanted)})'


def placeholders(db: BaseDBAsyncClient, count: int, start: int = 1) -> list[str]:
    """`count` parameter markers, numbered from `start` on PostgreSQL."""
    if is_postgres(db):
        return [f"${n}" for n in range(start, start + count)]
    return ["?"] * count


def quote(name: str) -> str:
    return f'"{name}"'


def table(model: type[Model]) -> str:
    return quote(model._meta.db_table)


@cache
def _encoders(model: type[Model], columns: tuple[str, ...]) -> tuple[fields.Field[Any] | None, ...]:
    """For each field, the field when its value needs encoding (JSON), else None."""
    fields_map = model._meta.fields_map
    return tuple(
        fields_map[name] if isinstance(fields_map[name], fields.JSONField) else None
        for name in columns
    )


@cache
def _insert_text(
    model: type[Model],
    columns: tuple[str, ...],
    rows: int,
    returning: tuple[str, ...],
    pg: bool,
    start: int = 1,
    link: str | None = None,
    computed: tuple[tuple[str, str], ...] = (),
) -> str:
    """`link`: a column whose value is a position in a "parents" clause (id, n) of the
    statement, written as the id found there. `computed`: (field, SQL) of columns whose
    value the statement computes, the same in every row."""
    projection = model._meta.fields_db_projection
    width = len(columns)

    def mark(column: str, n: int) -> str:
        placeholder = f"${n}" if pg else "?"
        return (
            f"(SELECT id FROM parents WHERE n = {placeholder})" if column == link else placeholder
        )

    expressions = "".join(f",{expression}" for _, expression in computed)
    values = ",".join(
        "("
        + ",".join(mark(columns[c], start + r * width + c) for c in range(width))
        + expressions
        + ")"
        for r in range(rows)
    )
    names = [*columns, *(name for name, _ in computed)]
    text = (
        f"INSERT INTO {table(model)} ({','.join(quote(projection[c]) for c in names)}) "
        f"VALUES {values}"
    )
    if returning:
        text += " RETURNING " + ",".join(quote(projection[c]) for c in returning)
    return text


@cache
def _columns(
    model: type[Model], computed: tuple[str, ...], keyed: bool = False
) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """The fields an insert writes (all but the `computed` ones, which the statement
    computes, and a generated key unless the rows are `keyed`: they carry ids taken ahead)
    and how each is filled when a row does not name it: NOW for timestamps Tortoise
    stamps, else the field's default (None when it has none; a callable default is called
    per row)."""
    names, fills = [], []
    for name in model._meta.fields_db_projection:
        field = model._meta.fields_map[name]
        if (field.pk and field.generated and not keyed) or name in computed:
            continue
        names.append(name)
        stamped = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        fills.append(NOW if stamped else field.default)
    return tuple(names), tuple(fills)


NOW = object()  # a fill: the insert's time


def row_values(
    model: type[Model], rows: Sequence[Row], computed: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], list[Any]]:
    """The columns of `model` an insert writes (see `_columns`; the key too when the first
    row names it) and the rows' values for them, flattened: what a row does not name is
    filled as Tortoise would."""
    keyed = bool(rows) and model._meta.pk_attr in rows[0]
    columns, fills = _columns(model, computed, keyed)
    encoders = _encoders(model, columns)
    now = datetime.now(UTC)
    values: list[Any] = []
    for row in rows:
        for name, fill, encoder in zip(columns, fills, encoders, strict=True):
            if name in row:
                value = row[name]
            elif fill is NOW:
                value = now
            else:
                value = fill() if callable(fill) else fill
            values.append(value if encoder is None else encoder.to_db_value(value, model))
    return columns, values


@cache
def _construct_fills(
    model: type[Model],
) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...]] | None:
    """What `Model.construct` gives the data fields a caller leaves out: the plain
    defaults, and (field, default) for those it calls for each instance (None for an async
    one). None for a model with a database default (construct makes a marker for each)."""
    plain: dict[str, Any] = {}
    called = []
    for name in model._meta.fields - model._meta.fetch_fields:
        field = model._meta.fields_map[name]
        if field.has_db_default():
            return None
        if callable(field.default):
            called.append((name, field.default))
        else:
            plain[name] = field.default
    return plain, tuple(called)


def stored(model: type[M], values: Row) -> M:
    """The instance `model.construct(_saved_in_db=True, **values)` makes of a row just
    written, for `values` that name data and key (`*_id`) fields only, a tenth of its
    cost: construct sorts each name it is given into relation kinds and asks each field
    it is not given whether its default is a coroutine function, five times an order on
    the placing path. Other names, and models with database defaults, go to construct."""
    fills = _construct_fills(model)
    if fills is None or not values.keys().isdisjoint(model._meta.fetch_fields):
        return model.construct(_saved_in_db=True, **values)
    plain, called = fills
    instance = model.__new__(model)
    state = instance.__dict__
    state.update(_partial=False, _saved_in_db=True, _custom_generated_pk=False)
    state["_await_when_save"] = {}
    state.update(plain)
    for name, default in called:
        if name not in values:
            state[name] = None if inspect.iscoroutinefunction(default) else default()
    state.update(values)
    return instance


@dataclass(frozen=True)
class Insert:
    """Rows for one multi-row INSERT (field name -> value; see `row_values` for the fields
    they do not name)."""

    model: type[Model]
    rows: Sequence[Row]
    # Fields the clause (`with_clauses`) or statement (`statements`) returns.
    returning: tuple[str, ...] = ()
    # (field, SQL): fields the statement computes, the same for every row (a clock).
    computed: tuple[tuple[str, str], ...] = ()

    def values(self) -> tuple[tuple[str, ...], list[Any]]:
        """`row_values` of the rows, less the computed fields."""
        return row_values(self.model, self.rows, tuple(name for name, _ in self.computed))


@dataclass(frozen=True)
class Statement:
    """One statement of a batch (`run_all`). `expect`: the rows it must answer for the
    batch to go on; with fewer, the statements after it are not run (a guard that fell
    short: the caller sees the rows and refuses)."""

    text: str
    values: Sequence[Any]
    expect: int | None = None


def with_clauses(inserts: Sequence[Insert], start: int = 1) -> tuple[str, list[Any]]:
    """PostgreSQL: the inserts as data-modifying WITH clauses ("w1 AS (INSERT ...), ..."),
    which run exactly once with the statement they precede, and their values, the
    placeholders numbered from `start`. Inserts without rows are left out (their clauses
    keep their numbers)."""
    clauses: list[str] = []
    values: list[Any] = []
    for n, one in enumerate(inserts, start=1):
        if not one.rows:
            continue
        columns, more = one.values()
        text = _insert_text(
            one.model,
            columns,
            len(one.rows),
            one.returning,
            True,
            start + len(values),
            computed=one.computed,
        )
        clauses.append(f"w{n} AS ({text})")
        values += more
    return ",".join(clauses), values


def statements(inserts: Sequence[Insert]) -> list[Statement]:
    """SQLite: the inserts as statements of one batch, those without rows left out."""
    batch = []
    for one in inserts:
        if not one.rows:
            continue
        columns, values = one.values()
        text = _insert_text(
            one.model, columns, len(one.rows), one.returning, False, computed=one.computed
        )
        batch.append(Statement(text, values))
    return batch


async def insert(
    model: type[Model], rows: Sequence[Row], returning: Sequence[str] = ()
) -> list[tuple[Any, ...]]:
    """One multi-row INSERT of `rows`. Returns the `returning` fields of each row, in the
    rows' order (the order PostgreSQL and SQLite return a VALUES insert in, which Django's
    bulk_create relies on too)."""
    return await insert_together(Insert(model, rows), returning=returning)


async def insert_together(
    first: Insert, *others: Insert, returning: Sequence[str] = ()
) -> list[tuple[Any, ...]]:
    """Inserts in one statement on PostgreSQL (the others as WITH clauses of the first;
    foreign keys are checked at its end) and in one batch on SQLite, in their order.
    Returns `first`'s `returning` fields, as `insert` does. Inserts without rows are left
    out."""
    db = connection(first.model)
    first = replace(first, returning=tuple(returning) or first.returning)
    done = await run_all(db, together(db, [first, *others]))
    return done[0] if first.rows else []


def together(db: BaseDBAsyncClient, inserts: Sequence[Insert]) -> list[Statement]:
    """`insert_together`'s statements, not sent: one on PostgreSQL, one an insert on SQLite
    (inserts without rows left out)."""
    kept = [one for one in inserts if one.rows]
    if not kept or not is_postgres(db):
        return statements(kept)
    first, others = kept[0], kept[1:]
    prefix, values = "", list[Any]()
    if others:
        clauses, values = with_clauses(others)
        prefix = f"WITH {clauses} "
    columns, more = first.values()
    text = prefix + _insert_text(
        first.model,
        columns,
        len(first.rows),
        first.returning,
        True,
        len(values) + 1,
        computed=first.computed,
    )
    return [Statement(text, values + more)]


async def insert_with_children(parent: Insert, child: Insert, link: str) -> list[int]:
    """`parent`'s rows and `child`'s, where each child row names its parent by position in
    `parent.rows` in its `link` field, written as that parent's id. One statement on
    PostgreSQL (the parents' INSERT and the children's as WITH clauses), two on SQLite.
    Returns the parents' ids in their rows' order."""
    db = connection(parent.model)
    if not is_postgres(db) or not child.rows:
        ids = [pk for (pk,) in await insert(parent.model, parent.rows, returning=["id"])]
        await insert(child.model, [{**row, link: ids[row[link]]} for row in child.rows])
        return ids
    parent_columns, values = row_values(parent.model, parent.rows)
    child_columns, more = row_values(child.model, child.rows)
    parents = _insert_text(parent.model, parent_columns, len(parent.rows), ("id",), True)
    children = _insert_text(
        child.model, child_columns, len(child.rows), (), True, len(values) + 1, link
    )
    # A multi-row INSERT takes its ids from the sequence in its rows' order, so the rows'
    # positions are their ids' ranks.
    text = (
        f"WITH written AS ({parents}), "
        "parents AS MATERIALIZED "
        "(SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM written), "
        f"children AS ({children}) "
        "SELECT id FROM parents ORDER BY n"
    )
    return [pk for (pk,) in await fetch(parent.model, text, values + more)]


async def fetch(model: type[Model], text: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """A statement's rows as tuples (a SELECT, or a write with RETURNING), on the connection
    `model`'s queries would use now."""
    return await run(connection(model), text, values)


async def run(db: BaseDBAsyncClient, text: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """A statement's rows as tuples, on `db` (see `run_all`)."""
    return (await run_all(db, [Statement(text, values)]))[0]


async def run_all(db: BaseDBAsyncClient, batch: Sequence[Statement]) -> list[list[tuple[Any, ...]]]:
    """The statements in their order, and each one's rows as tuples (every column, also
    those whose names repeat: a dict per row would not keep them), on `db`, past Tortoise's
    client methods (their wrapping and a dict per row cost more than the driver itself on
    the placing path). Statements are logged and their errors raised as Tortoise would
    (IntegrityError tells placement that an idempotency key was taken meanwhile).

    On SQLite the batch is one call on the connection's thread: aiosqlite sends each
    statement from the event loop to that thread and back, and a transaction holds the one
    connection's lock across those trips, while every trip lets other requests' work run
    first. On PostgreSQL a round trip each (callers fold theirs into one statement there).
    A statement answering fewer rows than it `expect`s ends the batch there."""
    if not batch:
        return []
    if isinstance(db, AsyncpgDBClient):
        done: list[list[tuple[Any, ...]]] = []
        for statement in batch:
            done.append(await _pg_fetch(db, statement))
            if falls_short(statement, done[-1]):
                break
        return done
    for statement in batch:
        db.log.debug("%s: %s", statement.text, statement.values)
    reader = (
        db.reader_for(statement.text for statement in batch)
        if isinstance(db, ImmediateSqliteClient)
        else None
    )
    if reader is not None:  # reads outside a transaction: not behind the writes in flight
        return await on_thread(reader, run_batch, batch)
    async with db.acquire_connection() as driver:
        return await on_thread(cast(aiosqlite.Connection, driver), run_batch, batch)


async def write_alone(
    db: BaseDBAsyncClient,
    take: Statement,
    build: Callable[[tuple[Any, ...]], tuple[Sequence[Statement], T]],
) -> tuple[T, list[list[tuple[Any, ...]]]]:
    """`take`, a statement that answers one row (the ids some writes will name), then the
    statements `build` makes of that row, outside any transaction, as one unit that
    commits alone or leaves nothing. Returns what `build` made with them, and each
    statement's rows (those of `take` left out).

    PostgreSQL: `take` draws from sequences (a value taken is never given again), then
    `build` must make one statement: it commits alone, and its guard fails it whole
    (`expect_rows`). SQLite: on the connection's thread, `take` under the write lock and
    `build` run there too, so that the lock is held for the database's work alone, never
    across a trip back to the event loop; with the other writes alone waiting then, in one
    transaction (`models.sqlite_thread`); rolled back when a statement fails or answers
    fewer rows than it `expect`s."""
    if isinstance(db, AsyncpgDBClient):
        # One connection for both: a pool acquisition and release cost more CPU than the
        # statement that takes the ids, and `build` does not wait on anything.
        async with db.acquire_connection() as driver:
            (taken,) = await _pg_fetch_on(driver, db, take)
            batch, built = build(taken)
            if len(batch) != 1:
                raise ValueError(f"a write alone on PostgreSQL is one statement, not {len(batch)}")
            return built, [await _pg_fetch_on(driver, db, batch[0])]
    if not isinstance(db, ImmediateSqliteClient):
        raise TypeError(f"a write alone on SQLite needs models.sqlite_client, not {db!r}")
    db.log.debug("%s: %s", take.text, take.values)
    return await db.grouped_writes.write(take, build)


async def _pg_fetch(db: AsyncpgDBClient, statement: Statement) -> list[tuple[Any, ...]]:
    async with db.acquire_connection() as driver:
        return await _pg_fetch_on(driver, db, statement)


async def _pg_fetch_on(  # type: ignore[no-any-unimported]
    driver: asyncpg.Connection, db: AsyncpgDBClient, statement: Statement
) -> list[tuple[Any, ...]]:
    """`statement`'s rows over `driver`, a connection of `db`, its errors as Tortoise's."""
    db.log.debug("%s: %s", statement.text, statement.values)
    try:
        return [tuple(record) for record in await driver.fetch(statement.text, *statement.values)]
    except (asyncpg.SyntaxOrAccessError, asyncpg.exceptions.DataError) as exc:
        raise OperationalError(exc) from exc
    except asyncpg.IntegrityConstraintViolationError as exc:
        raise IntegrityError(exc) from exc
    except asyncpg.InvalidTransactionStateError as exc:
        raise TransactionManagementError(exc) from exc
    except asyncpg.PostgresError as exc:
        if exc.sqlstate == _FELL_SHORT:
            raise FellShort(str(exc)) from exc
        raise
