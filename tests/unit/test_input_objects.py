"""Every input type of the schema builds, through its planned `from_input`
(api/input_objects.py), the value strawberry's own conversion builds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    coerce_input_value,
)
from strawberry.types.arguments import convert_argument
from strawberry.types.base import StrawberryObjectDefinition

from api.schema import schema

SAMPLES: dict[str, object] = {
    "String": "text",
    "ID": "T3JkZXI6MQ==",
    "Int": 3,
    "Float": 1.5,
    "Boolean": True,
    "Decimal": "12.50",
    "DateTime": "2026-12-05T10:00:00+00:00",
    "JSON": {"gift": True, "tags": ["a"]},
}

INPUTS = {
    concrete.definition.name: concrete
    for concrete in schema.schema_converter.type_map.values()
    if isinstance(concrete.definition, StrawberryObjectDefinition) and concrete.definition.is_input
}


def sample(kind: GraphQLInputType, shape: str) -> object:
    """A client's input value of `kind`: every field sent ("full"), only the required
    ones ("least"), or the nullable ones sent as null ("nulls")."""
    if isinstance(kind, GraphQLNonNull):
        return sample(kind.of_type, shape)
    if isinstance(kind, GraphQLList):
        return [sample(kind.of_type, shape), sample(kind.of_type, shape)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLScalarType):
        return SAMPLES[kind.name]
    assert isinstance(kind, GraphQLInputObjectType)
    value: dict[str, object] = {}
    for name, field in kind.fields.items():
        required = isinstance(field.type, GraphQLNonNull)
        if required or shape == "full":
            value[name] = sample(field.type, shape)
        elif shape == "nulls":
            value[name] = None
    return value


@contextmanager
def strawberry_s_own_conversion() -> Iterator[None]:
    planned = {name: concrete.definition.from_input for name, concrete in INPUTS.items()}
    for concrete in INPUTS.values():
        concrete.definition.from_input = None
    try:
        yield
    finally:
        for name, concrete in INPUTS.items():
            concrete.definition.from_input = planned[name]


def converted(name: str, value: object) -> Any:
    concrete = INPUTS[name]
    converter = schema.schema_converter
    return convert_argument(
        value, concrete.definition.origin, converter.scalar_registry, schema.config
    )


def test_every_input_type_is_planned() -> None:
    assert [name for name, c in INPUTS.items() if c.definition.from_input is None] == []


@pytest.mark.parametrize("shape", ["full", "least", "nulls"])
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_a_planned_input_is_what_strawberry_builds(name: str, shape: str) -> None:
    kind = INPUTS[name].implementation
    assert isinstance(kind, GraphQLInputObjectType)
    value = coerce_input_value(sample(kind, shape), kind)  # as graphql-core hands it over
    planned = converted(name, value)
    with strawberry_s_own_conversion():
        own = converted(name, value)
    assert type(planned) is type(own)
    assert planned == own
    assert repr(planned) == repr(own)  # UNSET and None told apart, nested types included
