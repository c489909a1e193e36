"""Types every domain shares: Node, Money, Address, UserError."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, overload

import strawberry
from graphql import GraphQLError
from tortoise.exceptions import ValidationError
from tortoise.models import Model

from models.errors import DomainError, ErrorCode, invalid
from models.rules.limits import NESTED_FIRST, NESTED_FIRST_DEFAULT
from models.rules.ranges import Range
from models.tables.locations import AddressFields

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# strawberry.enum registers the GraphQL enum on the class itself and returns it; the
# TypeAlias lets type checkers read the name as that class.
strawberry.enum(ErrorCode, name="UserErrorCode", description="Why a mutation changed nothing.")
UserErrorCode: TypeAlias = ErrorCode


@strawberry.interface(
    description="An object with an opaque global id; `node(id:)` fetches any of them."
)
class Node:
    id: strawberry.ID


@strawberry.type(description="An amount in a currency. `amount` travels as a decimal string.")
class Money:
    amount: Decimal
    currency_code: str


@overload
def money(amount: Decimal, currency: str) -> Money: ...
@overload
def money(amount: Decimal | None, currency: str | None) -> Money | None: ...
def money(amount: Decimal | None, currency: str | None) -> Money | None:
    if amount is None or currency is None:
        return None
    return Money(amount=Decimal(amount).quantize(Decimal("0.01")), currency_code=currency)


@strawberry.type
class Address:
    name: str | None
    line1: str | None
    line2: str | None
    city: str | None
    region: str | None = strawberry.field(description="State or province code, e.g. MN.")
    postal_code: str | None
    country_code: str | None = strawberry.field(description="ISO 3166-1 alpha-2.")
    phone: str | None
    latitude: float | None
    longitude: float | None

    @classmethod
    def of(cls, row: AddressFields) -> Address:
        return cls(
            name=row.address_name,
            line1=row.address_line1,
            line2=row.address_line2,
            city=row.address_city,
            region=row.address_region,
            postal_code=row.address_postal_code,
            country_code=row.address_country,
            phone=row.address_phone,
            latitude=row.latitude,
            longitude=row.longitude,
        )


@strawberry.input
class AddressInput:
    name: str | None = None
    line1: str | None = None
    line2: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country_code: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2.")
    phone: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@strawberry.type(description="A business rule refused the mutation; nothing was changed.")
class UserError:
    field: list[str] | None = strawberry.field(description="The path to the input field at fault.")
    message: str
    code: UserErrorCode

    @classmethod
    def of(cls, error: DomainError) -> UserError:
        return cls(field=error.field, message=error.message, code=error.code)


P = TypeVar("P")


def user_errors(
    payload_type: Callable[..., P],
) -> Callable[[Callable[..., Awaitable[P]]], Callable[..., Awaitable[P]]]:
    """Wrap a mutation resolver: a DomainError becomes `payload_type(user_errors=[...])`."""

    def wrap(resolver: Callable[..., Awaitable[P]]) -> Callable[..., Awaitable[P]]:
        @functools.wraps(resolver)
        async def run(*args: Any, **kwargs: Any) -> P:
            try:
                return await resolver(*args, **kwargs)
            except DomainError as error:
                return payload_type(user_errors=[UserError.of(error)])
            except ValidationError as error:
                # A column's own limit (e.g. a name longer than its column), checked by
                # Tortoise before anything is written.
                problem = column_problem(error)
                return payload_type(user_errors=[UserError.of(problem)])

        return run

    return wrap


_TOO_LONG = re.compile(r"(?s)(?P<column>\w+): Length of '.*' (?P<length>\d+) > (?P<limit>\d+)")


def column_problem(error: ValidationError) -> DomainError:
    """A Tortoise validation error as a DomainError naming the field and the limit."""
    match = _TOO_LONG.fullmatch(str(error))
    if match is None:
        return invalid(str(error)[:500])
    name = to_camel(match["column"])
    return invalid(
        f"{name} is {match['length']} characters long; at most {match['limit']} are allowed",
        [name],
    )


def fits(model: type[Model], column: str, value: str) -> bool:
    """Whether `value` fits in `model.column`. Tortoise refuses even to compare a longer
    value with the column (ValidationError, an unexpected error in a query), and no row can
    hold one: a lookup by it finds nothing."""
    limit = getattr(model._meta.fields_map[column], "max_length", None)
    return limit is None or len(value) <= limit


def sent_fields(
    data: DataclassInstance, exclude: tuple[str, ...] = ("id",), not_null: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The fields of an input object the client actually sent (UNSET ones dropped).

    Update inputs make every field optional; those in `not_null` may be left out
    but not set to null.
    """
    sent = {
        f.name: getattr(data, f.name)
        for f in dataclasses.fields(data)
        if f.name not in exclude and getattr(data, f.name) is not strawberry.UNSET
    }
    for name in not_null:
        if name in sent and sent[name] is None:
            raise invalid(f"{to_camel(name)} cannot be null", [to_camel(name)])
    return sent


def to_camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


Item = TypeVar("Item")


def nested_first_note(root: str) -> str:
    """What a list truncated by `first` says in its description: where the rest is."""
    return (
        f"The first `first` of them, oldest first ({NESTED_FIRST.least}-{NESTED_FIRST.most}, "
        f"default {NESTED_FIRST_DEFAULT}): the domain does not bound how many an order "
        f"gathers (re-routing, partial work), so a query's cost can. All of them: {root}."
    )


def first_of(items: list[Item], first: int, bound: Range = NESTED_FIRST) -> list[Item]:
    """The first `first` of a nested list the domain does not bound (limits.NESTED_FIRST)."""
    if not bound.least <= first <= bound.most:
        raise GraphQLError(
            f"first must be between {bound.least} and {bound.most}, got {first}",
            extensions={"code": "BAD_USER_INPUT"},
        )
    return items[:first]
