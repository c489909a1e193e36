"""`models.sql.run_all`: statements in their order with each one's rows, a guard that falls
short ending the batch, errors raised as Tortoise raises them, and on SQLite the whole
batch in one trip to the connection's thread (what placement's transaction is made of)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import aiosqlite
import pytest
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

import models.tables
from models import sql
from models.operations.locations import update_location
from models.operations.placement import place_order
from models.rules.scopes import SYSTEM
from models.tables import FulfillmentOrder, Location, Order, OrderLine, Product
from tests.support.database import ON_POSTGRES, grouped_writes_ended
from tests.support.factories import twin_cities, web_order

pytestmark = pytest.mark.usefixtures("db")


def _insert(sku: str) -> sql.Statement:
    columns, values = sql.row_values(Product, [{"sku": sku, "name": sku, "tags": []}])
    marks = sql.placeholders(sql.connection(Product), len(values))
    text = (
        f"INSERT INTO {sql.table(Product)} ({','.join(map(sql.quote, columns))}) "
        f"VALUES ({','.join(marks)}) RETURNING sku"
    )
    return sql.Statement(text, values)


async def _skus() -> list[str]:
    return sorted(await Product.all().values_list("sku", flat=True))


async def test_a_batch_runs_its_statements_in_order_and_answers_each_ones_rows() -> None:
    db = sql.connection(Product)
    count = sql.Statement(f"SELECT COUNT(*) FROM {sql.table(Product)}", [])
    answers = await sql.run_all(db, [count, _insert("A-1"), _insert("A-2"), count])
    assert answers == [[(0,)], [("A-1",)], [("A-2",)], [(2,)]]


async def test_a_statement_short_of_what_it_expects_ends_the_batch() -> None:
    db = sql.connection(Product)
    mark = sql.placeholders(db, 1)[0]
    guard = sql.Statement(f"SELECT id FROM {sql.table(Product)} WHERE sku = {mark}", ["A-1"], 1)
    async with in_transaction():
        answers = await sql.run_all(sql.connection(Product), [guard, _insert("B-1")])
    assert answers == [[]], "the insert after a guard that fell short did not run"
    assert await _skus() == []
    await sql.run_all(db, [_insert("A-1")])
    assert (await sql.run_all(db, [guard, _insert("B-1")]))[1] == [("B-1",)]
    assert await _skus() == ["A-1", "B-1"]


async def test_an_error_in_a_batch_is_tortoises_and_the_transaction_keeps_nothing() -> None:
    with pytest.raises(IntegrityError):
        async with in_transaction():
            batch = [_insert("C-1"), _insert("C-2"), _insert("C-1")]
            await sql.run_all(sql.connection(Product), batch)
    assert await _skus() == []


@pytest.mark.skipif(ON_POSTGRES, reason="a batch alone is SQLite's (one statement on PostgreSQL)")
async def test_a_write_alone_commits_whole_or_leaves_nothing() -> None:
    """`write_alone` on SQLite: the taken row reaches `build`, the batch commits; a guard
    that falls short or a statement that fails rolls back all of it, and the connection
    goes on."""
    db = sql.connection(Product)
    mark = sql.placeholders(db, 1)[0]
    count = sql.Statement(f"SELECT COUNT(*) FROM {sql.table(Product)}", [])
    guard = sql.Statement(f"SELECT id FROM {sql.table(Product)} WHERE sku = {mark}", ["E-0"], 1)

    def two(row: tuple[Any, ...]) -> tuple[list[sql.Statement], int]:
        return [_insert(f"E-{row[0]}"), _insert(f"E-{row[0] + 1}")], row[0]

    built, done = await sql.write_alone(db, count, two)
    assert (built, done, await _skus()) == (0, [[("E-0",)], [("E-1",)]], ["E-0", "E-1"])

    def guarded_then_duplicate(row: tuple[Any, ...]) -> tuple[list[sql.Statement], None]:
        return [_insert("E-2"), guard, _insert("E-0")], None

    with pytest.raises(IntegrityError):  # E-0 again, after the guard that held
        await sql.write_alone(db, count, guarded_then_duplicate)
    assert await _skus() == ["E-0", "E-1"]

    short = sql.Statement(guard.text, ["nowhere"], 1)
    _, done = await sql.write_alone(db, count, lambda row: ([_insert("E-3"), short], None))
    assert done == [[("E-3",)], []] and await _skus() == ["E-0", "E-1"]
    _, done = await sql.write_alone(db, count, lambda row: ([_insert("E-4")], None))
    assert await _skus() == ["E-0", "E-1", "E-4"]


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The functions sent to aiosqlite's thread, by name, one per trip."""
    sent: list[str] = []
    execute = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        sent.append(getattr(fn, "__name__", repr(fn)))
        return await execute(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    yield sent


@pytest.mark.skipif(ON_POSTGRES, reason="trips to SQLite's connection thread")
async def test_a_batch_is_one_trip_and_a_placement_two(
    trips: list[str],
) -> None:
    db = sql.connection(Product)
    await sql.run_all(db, [_insert("D-1"), _insert("D-2"), _insert("D-3")])
    assert trips == ["run_batch"]
    network = await twin_cities({"MUG": (5, 5, 0), "CHAIR": (2, 0, 0)})
    # The first placement writes the default routing settings (a configuration change);
    # the second reads routing's inputs again and keeps them.
    for _ in range(2):
        await place_order(web_order(("MUG", 1)), SYSTEM)
    await grouped_writes_ended()  # so that the next placement's trip is its own
    trips.clear()
    await place_order(web_order(("MUG", 1), ("CHAIR", 1), idempotency_key="trips"), SYSTEM)
    # The stock read; then one trip from BEGIN IMMEDIATE to COMMIT: the ids taken under the
    # write lock, the reservations with the order and everything else.
    assert trips == ["run_batch", "_write_waiting"]
    # A capped location is counted between the reservations and the rest, in a transaction:
    # BEGIN (Tortoise's: a COMMIT first, then BEGIN), the ids, the reservations, the count,
    # the rest, COMMIT.
    await update_location(network.msp.id, daily_capacity=100)
    trips.clear()
    await place_order(web_order(("MUG", 1)), SYSTEM)
    begin = trips.index("execute")
    assert trips[begin - 1 : begin + 2] == ["commit", "execute", "run_batch"], trips
    assert trips[-1] == "commit" and "_write_waiting" not in trips, trips


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Order, {"id": 7, "number": "1007", "channel": "web", "customer_email": "a@b.co"}),
        (OrderLine, {"id": 3, "order_id": 7, "product_id": 2, "sku": "MUG", "quantity": 2}),
        (FulfillmentOrder, {"id": 4, "order_id": 7, "location_id": 1, "status": "OPEN"}),
        (Location, {"id": 1, "code": "MSP-01", "name": "Minneapolis"}),
        (Product, {"id": 2, "sku": "MUG", "name": "Mug"}),  # tags: default=list, called
    ],
)
def test_a_stored_instance_is_the_one_construct_makes(
    model: type[Model], values: dict[str, Any]
) -> None:
    made, constructed = sql.stored(model, values), model.construct(_saved_in_db=True, **values)
    assert type(made) is model
    assert made.__dict__ == constructed.__dict__
    assert made._saved_in_db and made.pk == values["id"]


TABLES = [
    table
    for table in vars(models.tables).values()
    if isinstance(table, type) and issubclass(table, Model) and not table._meta.abstract
]


@pytest.mark.parametrize("model", TABLES, ids=lambda table: table.__name__)
def test_every_table_stored_by_its_key_is_as_construct_makes_it(model: type[Model]) -> None:
    """What stored fills for the fields it is not given is what construct fills."""
    key = {model._meta.pk_attr: 1}
    made, constructed = sql.stored(model, key), model.construct(_saved_in_db=True, **key)
    assert made.__dict__ == constructed.__dict__


def test_a_stored_instance_given_a_relation_is_constructs_own() -> None:
    order = sql.stored(Order, {"id": 7, "number": "1007"})
    line = sql.stored(OrderLine, {"id": 3, "order": order, "sku": "MUG", "quantity": 1})
    assert line.order is order and line.order_id == 7
