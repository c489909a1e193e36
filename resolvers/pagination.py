"""Relay connections with keyset pagination: on the primary key, or on a sort column then
the primary key (`Sort`), the cursor carrying both so that a page continues where the last
one ended even while rows change.

Every connection field declares its `first/after/last/before` arguments through `paged`,
once, here; the page sizes allowed come from the server's configuration in the context.
"""

from __future__ import annotations

import base64
import functools
import inspect
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry.types import Info
from tortoise.expressions import F, Q
from tortoise.fields import BigIntField
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.custom_plans import planned_for_values
from resolvers.config import server_config

T = TypeVar("T")
M = TypeVar("M", bound=Model)


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def _edge_cursor(root: Edge[Any]) -> str:
    return _cursor_of(root.sort, root.row)


@strawberry.type
class Edge(Generic[T]):
    # Encoded when asked for: a sort key's cursor (JSON, a timestamp in ISO form, base64)
    # costs ~15 us a row, and many clients read pageInfo's cursors only.
    cursor: str = strawberry.field(resolver=_edge_cursor)
    node: T
    row: strawberry.Private[Model]
    sort: strawberry.Private[Sort]


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, across all pages.")
    async def total_count(self) -> int:
        return await self._count()

    @strawberry.field(description="The nodes of `edges`, for clients that need no cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"cursor:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str, largest: int = 2**63 - 1) -> int:
    """The primary key in a cursor; beyond `largest` (the column's range) it names no row,
    and the database would refuse it as a query argument."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        prefix, _, pk = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        if prefix == "cursor" and 0 <= int(pk) <= largest:
            return int(pk)
    except (ValueError, UnicodeError):
        pass
    raise GraphQLError(f"{cursor!r} is not a valid cursor", extensions={"code": "BAD_USER_INPUT"})


@dataclass(frozen=True)
class Sort:
    """Order by a (non-null, datetime) column, then by primary key; `reverse` for newest first.

    `walk_index=False` (the primary key only): sort the rows the filters select instead of
    walking the key's index until a page has matched. For a filter whose rows bunch at one
    end of the key (orders changed lately are mostly the newest): the planner takes them
    as spread evenly, and may walk the whole index from the other end for one page. Sorting
    costs as many rows as match, which the filter's own index reads.
    """

    column: str = "id"
    reverse: bool = False
    walk_index: bool = True

    def __post_init__(self) -> None:
        if not self.walk_index and self.column != "id":
            raise ValueError("only the primary key is sorted without its index")


def encode_sort_cursor(column: str, value: datetime, pk: int) -> str:
    text = json.dumps([column, value.isoformat(), pk])
    return base64.urlsafe_b64encode(f"sorted:{text}".encode()).decode().rstrip("=")


def decode_sort_cursor(cursor: str, column: str, largest: int) -> tuple[datetime, int]:
    """The (value, primary key) in a cursor made for `column`; a cursor of another sort
    key or of another field is refused, not misread."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        prefix, _, text = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        name, value, pk = json.loads(text) if prefix == "sorted" else (None, None, None)
        if name == column and isinstance(value, str) and isinstance(pk, int) and 0 <= pk <= largest:
            return datetime.fromisoformat(value), pk
    except (ValueError, UnicodeError, TypeError):
        pass
    raise GraphQLError(
        f"{cursor!r} is not a valid cursor for this sort key", extensions={"code": "BAD_USER_INPUT"}
    )


@dataclass(frozen=True)
class PageArgs:
    """A connection field's `first/after/last/before`, with the page sizes the server allows."""

    first: int | None
    after: str | None
    last: int | None
    before: str | None
    max_size: int
    default_size: int

    def size(self) -> int:
        if self.first is not None and self.last is not None:
            raise _bad("pass either first or last, not both")
        for name, value in (("first", self.first), ("last", self.last)):
            if value is not None and not 0 <= value <= self.max_size:
                raise _bad(f"{name} must be between 0 and {self.max_size}, got {value}")
        return next((v for v in (self.first, self.last) if v is not None), self.default_size)


_PAGE_PARAMETERS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=kind)
    for name, kind in (
        ("first", int | None),
        ("after", str | None),
        ("last", int | None),
        ("before", str | None),
    )
]


def paged(resolver: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    """The connection arguments, declared once for every connection field.

    `resolver` takes `page: PageArgs` (and `info` if it wants it); the field it decorates
    shows `first, after, last, before` to GraphQL where `page` stands among its arguments.
    """
    own = inspect.signature(resolver)
    wants_info = "info" in own.parameters
    parameters = (
        []
        if wants_info
        else [inspect.Parameter("info", inspect.Parameter.KEYWORD_ONLY, annotation=Info)]
    )
    for parameter in own.parameters.values():
        if parameter.name == "self":
            parameters.insert(0, parameter)
        elif parameter.name == "page":
            parameters.extend(_PAGE_PARAMETERS)
        else:
            parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY))

    @functools.wraps(resolver)
    async def run(
        *args: Any,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        **kwargs: Any,
    ) -> T:
        config = server_config(info)
        page = PageArgs(first, after, last, before, config.max_page_size, config.default_page_size)
        if wants_info:
            kwargs["info"] = info
        return await resolver(*args, page=page, **kwargs)

    # strawberry reads a field's arguments from this signature (the annotations of the
    # resolver's own parameters resolve in its module: functools.wraps kept __module__).
    # typeshed declares no __signature__ on functions, though inspect.signature reads it.
    run.__signature__ = own.replace(parameters=parameters)  # type: ignore[attr-defined]
    return run


def _bad(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


async def paginate(
    queryset: QuerySet[M],
    page: PageArgs,
    to_nodes: Callable[[list[M]], Sequence[T]],
    sort: Sort = Sort(),
    count: Callable[[], Awaitable[int]] | None = None,
    for_values: bool = False,
) -> Connection[T]:
    """One page of `queryset` in `sort` order, plus a lazy total count: `count` when the
    caller knows the number another way, else the queryset's rows counted. `for_values`:
    the page and the count are planned for the filters' values (models.custom_plans), for
    lists filtered by values whose shares of the rows differ widely."""
    size = page.size()
    window = queryset
    largest = 2**63 - 1 if isinstance(queryset.model._meta.pk, BigIntField) else 2**31 - 1
    if page.after is not None:
        window = window.filter(_beyond(sort, page.after, largest, later=not sort.reverse))
    if page.before is not None:
        window = window.filter(_beyond(sort, page.before, largest, later=sort.reverse))
    backwards = page.last is not None
    read = ordered(window, sort, descending=backwards != sort.reverse).limit(size + 1)
    rows = await (planned_for_values(queryset.model, read.using_db) if for_values else read)
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    nodes = to_nodes(rows)
    edges = [Edge(row=row, sort=sort, node=node) for row, node in zip(rows, nodes, strict=True)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=more if not backwards else page.before is not None,
            has_previous_page=more if backwards else page.after is not None,
            start_cursor=_cursor_of(sort, rows[0]) if rows else None,
            end_cursor=_cursor_of(sort, rows[-1]) if rows else None,
        ),
        _count=count or (lambda: _rows_counted(queryset, for_values)),
    )


async def _rows_counted(queryset: QuerySet[M], for_values: bool) -> int:
    if for_values:
        return await planned_for_values(queryset.model, lambda db: queryset.using_db(db).count())
    return await queryset.count()


def ordered(queryset: QuerySet[M], sort: Sort, descending: bool = False) -> QuerySet[M]:
    """`queryset` in `sort`'s order (the primary key breaking ties)."""
    columns = [sort.column, "id"] if sort.column != "id" else ["id"]
    if not sort.walk_index:
        # An expression no index holds: the planner cannot walk one for the order.
        queryset = queryset.annotate(_sort_key=F(sort.column) + 0)
        columns = ["_sort_key"]
    return queryset.order_by(*(f"-{c}" if descending else c for c in columns))


def _cursor_of(sort: Sort, row: Model) -> str:
    if sort.column == "id":
        return encode_cursor(row.pk)
    return encode_sort_cursor(sort.column, getattr(row, sort.column), row.pk)


def _beyond(sort: Sort, cursor: str, largest: int, later: bool) -> Q:
    """The rows after (`later`) or before the cursor's row in (column, id) order."""
    side = "gt" if later else "lt"
    if sort.column == "id":
        return _q(f"id__{side}", decode_cursor(cursor, largest))
    value, pk = decode_sort_cursor(cursor, sort.column, largest)
    return _q(f"{sort.column}__{side}", value) | Q(_q(sort.column, value), _q(f"id__{side}", pk))


def _q(lookup: str, value: Any) -> Q:
    """One lookup by a name computed at run time (Q's keywords are typed as its options)."""
    filters: dict[str, Any] = {lookup: value}
    return Q(**filters)
