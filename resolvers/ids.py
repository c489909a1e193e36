"""Opaque global ids: clients never parse them, the server maps them to (type, pk)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any, cast

import strawberry
from graphql import GraphQLError

from models.errors import DomainError, ErrorCode
from models.rules import ids as global_ids

# Every node type has a 32-bit integer primary key: a larger number names no row, and the
# databases refuse it as a query argument (PostgreSQL: int4; SQLite: beyond int64).
MAX_PK = 2**31 - 1


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(global_ids.global_id(type_name, pk))


class _GlobalIdOf:
    """The `id` of a GraphQL object, encoded when read (a data descriptor: the dataclass
    keeps it as the field's default, strawberry reads the field with getattr)."""

    def __init__(self, type_name: str, pk: Callable[[Any], int]) -> None:
        self.type_name = type_name
        self.pk = pk

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:  # the class's default, which __init__ hands to __set__
            return self
        return encode_id(self.type_name, self.pk(obj))

    def __set__(self, obj: object, value: object) -> None:
        if value is not self:
            raise AttributeError(f"a {self.type_name}'s id is computed from its primary key")


def global_id_of(type_name: str, pk: Callable[[Any], int]) -> strawberry.ID:
    """An `id` field computed from the object's primary key when a client selects it, not
    when the object is built: a page builds hundreds of objects whose ids nobody asked
    for. `id: strawberry.ID = global_id_of("Order", lambda order: order.row.pk)`."""
    # Typed as the field's value, which the descriptor answers reads on instances with.
    # `pk` takes Any: a lambda in the class body cannot name the class it is in.
    return cast(strawberry.ID, _GlobalIdOf(type_name, pk))


def decode_any(global_id: str) -> tuple[str, int] | None:
    """(type, pk) for a well-formed id, None for anything else."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, pk = base64.urlsafe_b64decode(padded.encode()).decode().partition(":")
        number = int(pk)
    except (binascii.Error, UnicodeError, ValueError):
        return None
    if not type_name or not 0 < number <= MAX_PK:
        return None
    return type_name, number


def decode_id(global_id: str, type_name: str, field: str = "id") -> int:
    """The pk of an input id of the expected type, or a DomainError (a userError)."""
    decoded = decode_any(global_id)
    if decoded is None or decoded[0] != type_name:
        raise DomainError(
            ErrorCode.INVALID, f"{global_id!r} is not a valid {type_name} id", [field]
        )
    return decoded[1]


def decode_query_id(global_id: str, type_name: str) -> int:
    """The pk of an id given to a query argument, or a GraphQL error BAD_USER_INPUT."""
    decoded = decode_any(global_id)
    if decoded is None or decoded[0] != type_name:
        raise GraphQLError(
            f"{global_id!r} is not a valid {type_name} id",
            extensions={"code": "BAD_USER_INPUT"},
        )
    return decoded[1]
