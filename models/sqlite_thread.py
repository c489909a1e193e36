"""What `models.sql` runs on SQLite's connection threads: a batch of statements in one
trip, and writes alone committed in groups.

aiosqlite gives each connection a thread and sends it one call at a time. A write alone
(`sql.write_alone`: take a row under the write lock, build statements from it, commit)
used to be one such call each, holding the connection's lock (Tortoise's, an asyncio
lock) from its turn until the event loop got round to its answer and then to the next
writer's turn: under load, two passes of a busy loop per write with the thread idle, and
an fsync per order. Now writes alone wait in a queue (`GroupedWrites`) that the thread
itself takes from, while one trip holds the connection: a group at a time, those waiting
when it starts, in one transaction with a savepoint each (one that fails or falls short
is rolled back alone) and one COMMIT, one fsync, for the group; the trip ends when none
wait or another task waits for the connection. Each caller is answered once its group
has committed: an order the response says was placed is on disk.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import aiosqlite
from tortoise.exceptions import IntegrityError, OperationalError

if TYPE_CHECKING:
    from models.sql import Statement
    from models.sqlite_client import ImmediateSqliteClient

T = TypeVar("T")
Rows = list[list[tuple[Any, ...]]]

# The most writes one transaction takes: enough for every request a worker has in flight
# at once, few enough that another process waiting for the write lock (a second worker,
# the CLI) gets it between groups within its busy timeout.
GROUP_LIMIT = 64
# The most writes one trip to the thread takes, in groups as they arrive, when no other task
# waits for the connection.
TRIP_LIMIT = 4 * GROUP_LIMIT


def _translated(exc: Exception) -> Exception:
    """sqlite3's error as Tortoise raises it (what callers catch), else the error itself."""
    if isinstance(exc, sqlite3.IntegrityError):
        return IntegrityError(exc)
    if isinstance(exc, sqlite3.OperationalError):
        return OperationalError(exc)
    return exc


async def on_thread(thread: aiosqlite.Connection, function: Callable[..., T], *args: Any) -> T:
    """`function(connection, *args)` on the connection's thread, its errors raised as
    Tortoise's."""
    try:
        # aiosqlite's own methods run one statement per trip; its `_execute` runs a
        # function on the connection's thread (aiosqlite is pinned in pyproject.toml).
        return cast(T, await thread._execute(function, thread._conn, *args))  # type: ignore[no-untyped-call]
    except sqlite3.Error as exc:
        error = _translated(exc)
        if error is exc:
            raise
        raise error from exc


def falls_short(statement: Statement, rows: Sequence[Any]) -> bool:
    """Whether a statement answered fewer rows than it `expect`s (its guard fell short)."""
    return statement.expect is not None and len(rows) < statement.expect


def run_batch(driver: sqlite3.Connection, batch: Sequence[Statement]) -> Rows:
    """On the connection's thread: each statement's rows, up to the first that falls
    short."""
    cursor = driver.cursor()
    cursor.row_factory = None  # tuples, not the connection's sqlite3.Row objects
    done: Rows = []
    for statement in batch:
        done.append(cursor.execute(statement.text, statement.values).fetchall())
        if falls_short(statement, done[-1]):
            break
    return done


Build = Callable[[tuple[Any, ...]], tuple[Sequence["Statement"], T]]


@dataclass(frozen=True)
class _Write(Generic[T]):
    """A write alone waiting for its group: its caller awaits `answer`."""

    take: Statement
    build: Build[T]
    context: contextvars.Context  # the caller's: what `build` notes, it notes there
    answer: asyncio.Future[tuple[T, Rows]]


@dataclass
class GroupedWrites:
    """One connection's writes alone, sent to its thread in groups (see the module)."""

    db: ImmediateSqliteClient
    # Appended to on the event loop, taken from on the connection's thread (a deque's
    # append and popleft are atomic).
    _waiting: deque[_Write[Any]] = field(default_factory=deque)
    _sender: asyncio.Task[None] | None = None

    async def write(self, take: Statement, build: Build[T]) -> tuple[T, Rows]:
        """`take`'s row, then the statements `build` makes of it, committed with the
        group's other writes or, when one of them fails or falls short, rolled back
        alone. Returns what `build` made, and the rows of each statement it ran."""
        answer: asyncio.Future[tuple[T, Rows]] = asyncio.get_running_loop().create_future()
        self._waiting.append(_Write(take, build, contextvars.copy_context(), answer))
        loop = answer.get_loop()
        if self._sender is None or self._sender.done() or self._sender.get_loop() is not loop:
            self._sender = asyncio.create_task(self._send(), name="sqlite-grouped-writes")
        return await answer

    async def _send(self) -> None:
        """Hold the connection while writes wait, its thread taking them in groups."""
        try:
            while self._waiting:
                async with self.db.acquire_connection() as driver:
                    thread = cast(aiosqlite.Connection, driver)
                    await on_thread(
                        thread, _write_waiting, self._waiting, self.db.others_waiting, self.db.log
                    )
        except BaseException as exc:  # the connection failed, or the loop is closing
            while self._waiting:
                _answer(self._waiting.popleft().answer, OperationalError(exc))
            if not isinstance(exc, Exception):
                raise


def _answer(answer: asyncio.Future[T], outcome: T | Exception) -> None:
    if answer.done():  # its caller was cancelled meanwhile
        return
    if isinstance(outcome, Exception):
        answer.set_exception(outcome)
    else:
        answer.set_result(outcome)


def _answer_group(group: Sequence[_Write[Any]], outcomes: Sequence[Any]) -> None:
    for write, outcome in zip(group, outcomes, strict=True):
        _answer(write.answer, outcome)


def _write_waiting(
    driver: sqlite3.Connection,
    waiting: deque[_Write[Any]],
    others_waiting: Callable[[], bool],
    log: logging.Logger,
) -> None:
    """On the connection's thread: the waiting writes, a group at a time (those waiting
    when it starts), each group answered once committed, without a pass of the event
    loop between groups; until none wait, or another task waits for the connection (a
    transaction, the outbox relay: it goes next), or TRIP_LIMIT writes were made."""
    sent = 0
    while waiting and sent < TRIP_LIMIT:
        group: list[_Write[Any]] = []
        while waiting and len(group) < GROUP_LIMIT:
            write = waiting.popleft()
            if not write.answer.cancelled():  # a cancelled caller's write is never made
                group.append(write)
        if not group:
            continue
        sent += len(group)
        loop = group[0].answer.get_loop()
        try:
            outcomes: Sequence[Any] = _write_group(driver, group, log)
        except Exception as exc:  # the group's transaction failed: none of it remains
            outcomes = [_translated(exc)] * len(group)
        loop.call_soon_threadsafe(_answer_group, group, outcomes)
        if others_waiting():
            return


def _write_group(
    driver: sqlite3.Connection, group: Sequence[_Write[Any]], log: logging.Logger
) -> list[tuple[Any, Rows] | Exception]:
    """The group in one transaction under the write lock, each write in a savepoint;
    each one's outcome, in order. A write whose statement fails or falls short is rolled
    back to its savepoint, and the others go on; an error that ends the transaction
    (SQLite rolls back whole on some, such as a full disk) fails the group: raised."""
    driver.execute("BEGIN IMMEDIATE")
    try:
        outcomes = [_write_one(driver, write, log) for write in group]
        driver.execute("COMMIT")
    except BaseException:
        if driver.in_transaction:
            driver.execute("ROLLBACK")
        raise
    return outcomes


def _write_one(
    driver: sqlite3.Connection, write: _Write[Any], log: logging.Logger
) -> tuple[Any, Rows] | Exception:
    driver.execute("SAVEPOINT write_alone")
    try:
        (taken,) = run_batch(driver, [write.take])
        batch, built = write.context.run(write.build, taken[0])
        for statement in batch:
            log.debug("%s: %s", statement.text, statement.values)
        done = run_batch(driver, batch)
        if done and falls_short(batch[len(done) - 1], done[-1]):
            driver.execute("ROLLBACK TO write_alone")
        outcome: tuple[Any, Rows] | Exception = (built, done)
    except Exception as exc:
        if not driver.in_transaction:
            raise
        driver.execute("ROLLBACK TO write_alone")
        outcome = _translated(exc)
    driver.execute("RELEASE write_alone")
    return outcome
