"""Reads that PostgreSQL plans for their values, each time they run.

asyncpg prepares every statement it sends, once per connection, and after five runs
PostgreSQL may keep one generic plan for the statement, whatever its values, when that plan
prices no worse than those it made for the values so far. A generic plan is priced with a
column's average share of a value (a status, one of five values: a fifth of the orders) and a
tenth of the rows for a `LIMIT $n`. For a page of one store's orders in a rare status, it
walks every order by id, filtering as it goes: 84 ms on 200,000 orders, where the plan made
for the values reads the status's index in 1.4 ms (bench/README.md, tenth session).

So the lists filtered by values whose shares of a table differ by orders of magnitude (a
status, a store, a channel) read their page and count planned for those values: in a
transaction of their own that sets `plan_cache_mode` for itself alone (three more round
trips and the planning: ~0.15 ms against a page's 3 ms read at 200,000 orders). The placing
path keeps its generic plans (planning its write for the values would cost ~600 us of
PostgreSQL CPU an order). SQLite's plans never depend on the values (the SQLite Python
ships here is built without STAT4): its reads run as they are.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model
from tortoise.transactions import in_transaction

from models.sql import connection, is_postgres

T = TypeVar("T")


async def planned_for_values(
    model: type[Model], read: Callable[[BaseDBAsyncClient], Awaitable[T]]
) -> T:
    """What `read` returns, its statements on `model`'s database planned for their values.
    Inside a caller's transaction, the setting lasts until that transaction ends."""
    db = connection(model)
    if not is_postgres(db):
        return await read(db)
    async with in_transaction(db.connection_name) as transaction:
        await transaction.execute_script("SET LOCAL plan_cache_mode = force_custom_plan")
        return await read(transaction)
