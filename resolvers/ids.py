"""Opaque global ids: clients never parse them, the server maps them to (type, pk)."""

from __future__ import annotations

import base64
import binascii

import strawberry
from graphql import GraphQLError

from models.errors import DomainError, ErrorCode
from models.rules import ids as global_ids

# Every node type has a 32-bit integer primary key: a larger number names no row, and the
# databases refuse it as a query argument (PostgreSQL: int4; SQLite: beyond int64).
MAX_PK = 2**31 - 1


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(global_ids.global_id(type_name, pk))


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
