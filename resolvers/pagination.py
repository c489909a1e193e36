"""Relay connections with keyset pagination on the primary key.

Every connection field declares its `first/after/last/before` arguments through `paged`,
once, here; the page sizes allowed come from the server's configuration in the context.
"""

from __future__ import annotations

import base64
import functools
import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry.types import Info
from tortoise.fields import BigIntField
from tortoise.models import Model
from tortoise.queryset import QuerySet

from resolvers.config import server_config

T = TypeVar("T")
M = TypeVar("M", bound=Model)


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


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
) -> Connection[T]:
    """One page of `queryset` in primary-key order, plus a lazy total count."""
    size = page.size()
    window = queryset
    largest = 2**63 - 1 if isinstance(queryset.model._meta.pk, BigIntField) else 2**31 - 1
    if page.after is not None:
        window = window.filter(id__gt=decode_cursor(page.after, largest))
    if page.before is not None:
        window = window.filter(id__lt=decode_cursor(page.before, largest))
    backwards = page.last is not None
    rows = list(await window.order_by("-id" if backwards else "id").limit(size + 1))
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    nodes = to_nodes(rows)
    edges = [
        Edge(cursor=encode_cursor(row.pk), node=node) for row, node in zip(rows, nodes, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=more if not backwards else page.before is not None,
            has_previous_page=more if backwards else page.after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        _count=queryset.count,
    )
