"""api/executor.PlainLeavesExecutor answers exactly what strawberry's own executor answers
(data and errors), reads plain leaves without graphql-core's per-field path, and leaves
every field to a field middleware when there is one."""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension

from api.executor import PlainLeavesExecutor


@strawberry.enum
class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    name: str
    count: int
    color: Color
    price: Decimal
    at: datetime
    note: str | None
    tags: list[str]

    @strawberry.field
    def label(self) -> str:
        return f"{self.name} x{self.count}"


class Loose:
    """A source that is not the type's dataclass: what strawberry reads is whatever the
    attribute holds, or raises."""

    name = "loose"
    color = Color.BLUE
    price = Decimal("1.50")
    at = datetime(2026, 12, 6, tzinfo=UTC)
    note = None
    tags = ["a"]

    def __init__(self, count: Any) -> None:
        self._count = count

    @property
    def count(self) -> Any:
        if isinstance(self._count, Exception):
            raise self._count
        return self._count


def _item(n: int) -> Item:
    at = datetime(2026, 12, n, tzinfo=UTC)
    price = Decimal("9.99")
    return Item(name=f"item {n}", count=n, color=Color.RED, price=price, at=at, note=None, tags=[])


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return [_item(1), _item(2)]

    @strawberry.field
    def odd(self) -> list[Item | None]:
        return [
            Loose(count="seven"),  # type: ignore[list-item]  # Int refuses it
            Loose(count=None),  # type: ignore[list-item]  # None where Int! is promised
            Loose(count=ValueError("the count failed")),  # type: ignore[list-item]
            Loose(count=3),  # type: ignore[list-item]
        ]


FIELDS = "name count color price at note tags label"
QUERIES = [
    f"{{ items {{ {FIELDS} }} }}",
    f"{{ items {{ __typename first: name again: name {FIELDS} }} }}",
    f"{{ odd {{ {FIELDS} }} }}",
    "{ odd { name } items { count } }",
    "query($no: Boolean!) { items { name count @include(if: $no) note @skip(if: $no) } }",
]


def _answer(schema: strawberry.Schema, query: str) -> tuple[Any, list[Any]]:
    result = schema.execute_sync(query, variable_values={"no": False})
    errors = [(e.message, e.path, e.locations) for e in result.errors or []]
    return result.data, errors


@pytest.mark.parametrize("query", QUERIES)
def test_the_answer_is_strawberrys_own(query: str) -> None:
    plain = strawberry.Schema(query=Query)
    ours = strawberry.Schema(query=Query, execution_context_class=PlainLeavesExecutor)
    expected = _answer(plain, query)
    assert _answer(ours, query) == expected


def test_the_odd_values_fail_where_strawberry_fails_them() -> None:
    ours = strawberry.Schema(query=Query, execution_context_class=PlainLeavesExecutor)
    data, errors = _answer(ours, "{ odd { name count } }")
    assert data == {"odd": [None, None, None, {"name": "loose", "count": 3}]}
    assert [(message.split(":")[0], path) for message, path, _ in errors] == [
        ("Int cannot represent non-integer value", ["odd", 0, "count"]),
        ("Cannot return null for non-nullable field Item.count.", ["odd", 1, "count"]),
        ("the count failed", ["odd", 2, "count"]),
    ]


class _Counting(PlainLeavesExecutor):
    executed: list[str] = []

    def execute_field(self, parent_type: Any, source: Any, details: Any, *rest: Any) -> Any:
        self.executed.append(f"{parent_type.name}.{details[0].node.name.value}")
        return super().execute_field(parent_type, source, details, *rest)


@pytest.fixture
def executed() -> Iterator[list[str]]:
    _Counting.executed = []
    yield _Counting.executed


def test_plain_leaves_are_read_without_graphql_cores_per_field_path(executed: list[str]) -> None:
    ours = strawberry.Schema(query=Query, execution_context_class=_Counting)
    assert _answer(ours, f"{{ items {{ {FIELDS} }} }}")[1] == []
    # The resolver field and the list of leaves take the ordinary path; the rest do not.
    assert sorted(set(executed)) == ["Item.label", "Item.tags", "Query.items"]


class _Seen(SchemaExtension):
    fields: list[str] = []

    def resolve(self, _next: Callable[..., Any], root: Any, info: Any, **kw: Any) -> Any:
        self.fields.append(info.field_name)
        return _next(root, info, **kw)


def test_a_field_middleware_sees_every_field() -> None:
    _Seen.fields = []
    ours = strawberry.Schema(
        query=Query, extensions=[_Seen], execution_context_class=PlainLeavesExecutor
    )
    assert _answer(ours, "{ items { name count } }")[1] == []
    assert _Seen.fields == ["items", "name", "count", "name", "count"]


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def counted(self) -> AsyncIterator[Item]:
        for n in (1, 2, 3):
            yield _item(n)


class _Events(PlainLeavesExecutor):
    events: list[PlainLeavesExecutor] = []

    def build_per_event_executor(self, payload: Any) -> PlainLeavesExecutor:
        executor = super().build_per_event_executor(payload)
        self.events.append(executor)
        return executor


async def _events(schema: strawberry.Schema) -> list[Any]:
    stream = await schema.subscribe("subscription { counted { name count color } }")
    assert not isinstance(stream, strawberry.types.ExecutionResult)
    return [(event.data, event.errors) async for event in stream]


async def test_each_subscription_event_keeps_its_own_plain_leaves() -> None:
    _Events.events = []
    plain = strawberry.Schema(query=Query, subscription=Subscription)
    ours = strawberry.Schema(
        query=Query, subscription=Subscription, execution_context_class=_Events
    )
    assert await _events(ours) == await _events(plain)
    assert len(_Events.events) == 3
    # Each event found its leaves itself: nothing piles up in the subscription's executor.
    kept = [id(event._plain_leaves) for event in _Events.events]
    assert len(set(kept)) == 3
    assert [sorted(name for name, _ in event._plain_leaves) for event in _Events.events] == [
        ["Item", "Subscription"]
    ] * 3
