"""SQLite's writes alone, committed in groups (`models.sqlite_thread`): the writes waiting
together go to the connection's thread in one trip and one transaction; each sees the ones
before it, one that fails or falls short is rolled back alone, a failure of the whole
transaction reaches every caller, a cancelled caller's write is never sent, and every
caller is answered after its write is on disk."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from api.settings import Settings
from models import sql, sqlite_thread
from models.tables import Product
from tests.support.database import ON_POSTGRES, grouped_writes_ended

pytestmark = [
    pytest.mark.skipif(ON_POSTGRES, reason="SQLite's writes alone"),
    pytest.mark.usefixtures("db"),
]

_PRODUCTS = sql.table(Product)
_COUNT = sql.Statement(f"SELECT COUNT(*) FROM {_PRODUCTS}", [])


def _insert(sku: str) -> sql.Statement:
    columns, values = sql.row_values(Product, [{"sku": sku, "name": sku, "tags": []}])
    text = (
        f"INSERT INTO {_PRODUCTS} ({','.join(map(sql.quote, columns))}) "
        f"VALUES ({','.join('?' * len(values))}) RETURNING sku"
    )
    return sql.Statement(text, values)


def _numbered(row: tuple[Any, ...]) -> tuple[list[sql.Statement], int]:
    """A product named after the count it took: a write that needs the ones before it."""
    return [_insert(f"N-{row[0]}")], row[0]


async def _write(build: Any = _numbered) -> tuple[Any, list[list[tuple[Any, ...]]]]:
    return await sql.write_alone(sql.connection(Product), _COUNT, build)


async def _skus() -> list[str]:
    return sorted(await Product.all().values_list("sku", flat=True))


@pytest.fixture
def groups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The size of each group written, in one transaction, on the connection's thread."""
    sizes: list[int] = []
    write_group = sqlite_thread._write_group

    def counted(driver: sqlite3.Connection, group: Sequence[Any], log: Any) -> Any:
        sizes.append(len(group))
        return write_group(driver, group, log)

    monkeypatch.setattr(sqlite_thread, "_write_group", counted)
    yield sizes


async def test_writes_waiting_together_go_in_one_trip_each_after_the_one_before(
    groups: list[int], db: Settings
) -> None:
    answers = await asyncio.gather(*(_write() for _ in range(5)))
    assert groups == [5]
    # Each took its row under the write lock, after the writes before it in the group.
    assert [built for built, _ in answers] == [0, 1, 2, 3, 4]
    assert [done for _, done in answers] == [[[(f"N-{n}",)]] for n in range(5)]
    # Answered after the COMMIT: another connection to the file sees all of them.
    other = sqlite3.connect(db.database_url.removeprefix("sqlite://"))
    try:
        assert other.execute(_COUNT.text).fetchone() == (5,)
    finally:
        other.close()
    assert await _write() == (5, [[("N-5",)]]) and groups == [5, 1]


async def test_a_write_that_fails_or_falls_short_is_rolled_back_alone(groups: list[int]) -> None:
    await _write()  # N-0
    await grouped_writes_ended()
    short = sql.Statement(f"SELECT id FROM {_PRODUCTS} WHERE sku = ?", ["nowhere"], 1)

    def duplicate(row: tuple[Any, ...]) -> tuple[list[sql.Statement], None]:
        return [_insert(f"D-{row[0]}"), _insert("N-0")], None

    def falls_short(row: tuple[Any, ...]) -> tuple[list[sql.Statement], None]:
        return [_insert(f"S-{row[0]}"), short], None

    def refuses(row: tuple[Any, ...]) -> tuple[list[sql.Statement], None]:
        raise ValueError("refused while building")

    answers = await asyncio.gather(
        _write(),
        _write(duplicate),
        _write(falls_short),
        _write(refuses),
        _write(),
        return_exceptions=True,
    )
    assert groups == [1, 5]
    first, failed, fell_short, refused, last = answers
    assert first == (1, [[("N-1",)]])
    assert isinstance(failed, IntegrityError)
    assert fell_short == (None, [[("S-2",)], []])
    assert isinstance(refused, ValueError)
    # The writes rolled back left nothing: the last one counted two products before it.
    assert last == (2, [[("N-2",)]])
    assert await _skus() == ["N-0", "N-1", "N-2"]


async def test_a_group_whose_transaction_fails_fails_every_write(db: Settings) -> None:
    client = sql.connection(Product)
    await client.execute_script("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db.database_url.removeprefix("sqlite://"), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        answers = await asyncio.gather(_write(), _write(), return_exceptions=True)
        assert all(isinstance(answer, OperationalError) for answer in answers), answers
        other.execute("ROLLBACK")
        assert await _write() == (0, [[("N-0",)]]), "the connection goes on"
    finally:
        other.close()
        await client.execute_script("PRAGMA busy_timeout = 5000")


async def test_a_write_cancelled_before_its_group_is_sent_is_never_made(
    groups: list[int],
) -> None:
    holding, release = asyncio.Event(), asyncio.Event()

    async def transaction_in_flight() -> None:
        async with in_transaction():  # holds the writing connection
            holding.set()
            await release.wait()

    transaction = asyncio.create_task(transaction_in_flight())
    await holding.wait()
    cancelled = asyncio.create_task(_write())
    kept = asyncio.create_task(_write())
    await asyncio.sleep(0.05)
    assert groups == [], "the group waits for the connection"
    cancelled.cancel()
    release.set()
    await transaction
    assert await kept == (0, [[("N-0",)]])
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    assert groups == [1] and await _skus() == ["N-0"]


async def test_a_trip_takes_groups_up_to_its_limits(
    groups: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group takes at most GROUP_LIMIT writes, a trip at most TRIP_LIMIT, and the
    writes left wait for the next trip, in the order they came."""
    trips: list[int] = []
    write_waiting = sqlite_thread._write_waiting

    def counted(driver: sqlite3.Connection, waiting: deque[Any], *rest: Any) -> None:
        trips.append(len(waiting))
        write_waiting(driver, waiting, *rest)

    monkeypatch.setattr(sqlite_thread, "_write_waiting", counted)
    monkeypatch.setattr(sqlite_thread, "GROUP_LIMIT", 2)
    monkeypatch.setattr(sqlite_thread, "TRIP_LIMIT", 4)
    answers = await asyncio.gather(*(_write() for _ in range(7)))
    assert (trips, groups) == ([7, 3], [2, 2, 2, 1])
    assert [built for built, _ in answers] == list(range(7))


async def test_a_trip_yields_to_a_task_waiting_for_the_connection(
    groups: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A transaction that starts waiting for the connection while a trip writes goes next,
    after the group in progress, not after every write waiting then."""
    monkeypatch.setattr(sqlite_thread, "GROUP_LIMIT", 1)
    loop = asyncio.get_running_loop()
    waiting = threading.Event()
    transaction: list[asyncio.Task[None]] = []

    async def insert_in_transaction() -> None:
        async with in_transaction():
            await Product.create(sku="TX", name="TX", tags=[])

    def start_transaction() -> None:
        transaction.append(asyncio.create_task(insert_in_transaction()))
        # After the task's first step: it waits for the connection's lock by then.
        loop.call_soon(waiting.set)

    def first(row: tuple[Any, ...]) -> tuple[list[sql.Statement], int]:
        loop.call_soon_threadsafe(start_transaction)
        assert waiting.wait(5)
        return _numbered(row)

    answers = await asyncio.gather(_write(first), _write(), _write(), _write())
    await transaction[0]
    assert [built for built, _ in answers] == [0, 2, 3, 4]
    ids = await Product.all().order_by("id").values_list("sku", flat=True)
    assert list(ids) == ["N-0", "TX", "N-2", "N-3", "N-4"]
    assert groups == [1, 1, 1, 1]
