"""api/direct_resolvers answers what strawberry's own resolver answers (data and errors),
for each way a resolver asks for its source, info and arguments, and leaves strawberry's resolver on
every field it cannot call directly."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, cast

import pytest
import strawberry
from graphql import GraphQLObjectType
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.types import Info

from api import direct_resolvers
from api.schema import schema as oms_schema


class Everyone(BasePermission):
    message = "nobody"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return True


@strawberry.type
class Box:
    size: int

    @strawberry.field
    def doubled(self) -> int:
        return self.size * 2

    @strawberry.field
    def with_info(self, info: Info) -> str:
        return f"{info.field_name}:{info.path.key}:{self.size}"

    @strawberry.field
    @staticmethod
    def from_root(root: Box) -> int:
        return root.size + 1

    @strawberry.field
    @staticmethod
    def from_parent(parent: strawberry.Parent[Box], info: Info) -> str:
        return f"{parent.size}/{info.python_name}"

    @strawberry.field
    def inner(self) -> Box | None:
        return Box(size=self.size - 1) if self.size > 1 else None

    @strawberry.field
    def failing(self) -> int:
        raise ValueError(f"box {self.size} failed")

    @strawberry.field
    def later(self) -> int:
        # A sync resolver that answers an awaitable (as resolvers/loaders.now_or_later
        # may): graphql-core awaits it, whichever resolver called it.
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        future.set_result(self.size * 10)
        return cast(int, future)

    @strawberry.field
    def not_null_but_none(self) -> int:
        return None  # type: ignore[return-value]

    # Built-in scalar arguments go direct too, under their Python names.
    @strawberry.field
    def times(self, n: int = 3) -> int:
        return self.size * n

    @strawberry.field
    def label(self, info: Info, the_prefix: str | None = "box", upper: bool = False) -> str:
        text = f"{the_prefix}-{self.size}-{info.field_name}"
        return text.upper() if upper else text

    # Left to strawberry: an argument strawberry converts, a permission, an async resolver.
    @strawberry.field
    def picked(self, sizes: list[int]) -> list[int]:
        return [size for size in sizes if size <= self.size]

    @strawberry.field
    def maybe(self, n: strawberry.Maybe[int]) -> str:
        return repr(n)

    @strawberry.field(permission_classes=[Everyone])
    def guarded(self) -> int:
        return -self.size

    @strawberry.field
    async def awaited(self) -> int:
        return self.size * 100


@strawberry.type
class Query:
    @strawberry.field
    def boxes(self) -> list[Box]:
        return [Box(size=1), Box(size=3)]

    @strawberry.field
    def box_with(self, size: int) -> Box:
        return Box(size=size)


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def sizes(self) -> AsyncIterator[Box]:
        yield Box(size=2)


QUERIES = [
    "{ boxes { size doubled withInfo fromRoot fromParent inner { doubled inner { size } } } }",
    "{ boxes { later times(n: 2) guarded awaited } boxWith(size: 5) { doubled withInfo } }",
    "{ boxes { size failing } }",  # a resolver's error, at its path, the rest answered
    "{ boxes { notNullButNone } }",  # None in a non-null field nulls the parent
    "{ a: boxWith(size: 4) { d: doubled i: withInfo } b: boxes { x: fromParent } }",
    "{ boxes { times t: times(n: 5) label l: label(thePrefix: null, upper: true) } }",
    '{ boxes { label(thePrefix: "crate") picked(sizes: [1, 2, 3]) maybe(n: 4) } }',
]


def _schema(direct: bool) -> strawberry.Schema:
    built = strawberry.Schema(query=Query, subscription=Subscription)
    if direct:
        direct_resolvers.install(built)
    return built


def _result(schema: strawberry.Schema, query: str) -> dict[str, Any]:
    result = asyncio.run(schema.execute(query))
    return {
        "data": result.data,
        "errors": [
            (e.message, e.path, [(loc.line, loc.column) for loc in e.locations or []])
            for e in result.errors or []
        ],
    }


@pytest.mark.parametrize("query", QUERIES)
def test_the_answer_is_strawberrys_own(query: str) -> None:
    ours, theirs = _result(_schema(True), query), _result(_schema(False), query)
    assert ours == theirs
    assert ours["data"] is not None or ours["errors"]


def _direct_fields(schema: strawberry.Schema) -> dict[str, set[str]]:
    """Per type, the fields whose resolver is no longer strawberry's."""
    strawberrys = _schema(False)._schema
    found: dict[str, set[str]] = {}
    for name, named in schema._schema.type_map.items():
        if isinstance(named, GraphQLObjectType) and not name.startswith("__"):
            theirs = strawberrys.type_map[name]
            assert isinstance(theirs, GraphQLObjectType)
            for field_name, field in named.fields.items():
                # strawberry makes a new closure per schema: compare by function name.
                ours_name = getattr(field.resolve, "__qualname__", "")
                theirs_name = getattr(theirs.fields[field_name].resolve, "__qualname__", "")
                if ours_name != theirs_name:
                    found.setdefault(name, set()).add(field_name)
    return found


def test_only_plain_resolvers_are_called_directly() -> None:
    direct = _direct_fields(_schema(True))
    assert direct == {
        "Box": {
            "doubled",
            "withInfo",
            "fromRoot",
            "fromParent",
            "inner",
            "failing",
            "later",
            "notNullButNone",
            "times",
            "label",
        },
        "Query": {"boxes", "boxWith"},
    }


def test_exception_handlers_leave_every_resolver_to_strawberry() -> None:
    built = _schema(False)
    built.schema_converter._exception_handler_specs = [(ValueError,)]  # type: ignore[attr-defined]
    assert direct_resolvers.install(built) == 0


def test_a_field_middleware_still_wraps_the_direct_resolvers() -> None:
    seen: list[str] = []

    class Watch(SchemaExtension):
        def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(info.field_name)
            return _next(root, info, *args, **kwargs)

    built = strawberry.Schema(query=Query, extensions=[Watch])
    direct_resolvers.install(built)
    result = asyncio.run(built.execute("{ boxes { doubled fromRoot } }"))
    assert result.errors is None
    assert seen.count("doubled") == 2 and seen.count("fromRoot") == 2


def test_the_oms_schema_calls_its_plain_resolvers_directly() -> None:
    """The page's resolvers (lines, unitPrice, product, location, orderLine, and
    fulfillmentOrders with its `first`) go direct; a field with an input argument or a
    permission (orders, placeOrder) keeps strawberry's."""
    fields = oms_schema._schema.type_map
    order_line, order, query = (fields[name] for name in ("OrderLine", "Order", "Query"))
    assert isinstance(order_line, GraphQLObjectType) and isinstance(order, GraphQLObjectType)
    assert isinstance(query, GraphQLObjectType)
    module = direct_resolvers.direct_resolver.__module__
    assert order_line.fields["unitPrice"].resolve.__module__ == module  # type: ignore[union-attr]
    assert order.fields["lines"].resolve.__module__ == module  # type: ignore[union-attr]
    fulfillment_orders = order.fields["fulfillmentOrders"].resolve
    assert fulfillment_orders.__module__ == module  # type: ignore[union-attr]
    assert query.fields["orders"].resolve.__module__ != module  # type: ignore[union-attr]
