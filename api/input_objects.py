"""Input objects built from a plan made once per type, not worked out again per request.

strawberry turns an argument's input value into its input class field by field, and for
each field of each input object it asks again for the field's GraphQL name (a camel-case
conversion), resolves the field's annotation and tells leaves from objects, on every
request: about 50 such steps for one placeOrder (its customer, lines and address), the
largest part of strawberry's own time in that mutation. The answer depends only on the
type, so `install` works it out once per input type of the schema and hands strawberry
the result through its `from_input` hook (the hook `strawberry.pydantic` uses).

The values are those strawberry would build, step for step (`strawberry.types.arguments.
convert_argument`): graphql-core has already coerced and validated the value (scalars
parsed, enums mapped, defaults filled in); fields the client left out keep their class
default, or None when the class has none; lists are copied. A type with a field this
plan does not cover (a `Maybe`, a GlobalID, a lazy or generic type, a union) is left to
strawberry's own conversion, whole; tests/unit/test_input_objects.py compares both on
every input type of the schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any

import strawberry
from strawberry.relay import GlobalID
from strawberry.scalars import is_scalar
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryObjectDefinition,
    StrawberryOptional,
    StrawberryType,
    has_object_definition,
)
from strawberry.types.enum import StrawberryEnumDefinition, has_enum_definition
from strawberry.types.lazy_type import LazyType

Convert = Callable[[Any], Any]
Build = Callable[[type, Mapping[str, Any]], Any]


class Unplanned(Exception):
    """A field type the plan does not cover: strawberry converts the whole type itself."""


def install(schema: strawberry.Schema) -> None:
    """Give each input type of `schema` a `from_input` planned from its fields."""
    planner = _Planner(schema)
    for concrete in schema.schema_converter.type_map.values():
        definition = concrete.definition
        if isinstance(definition, StrawberryObjectDefinition) and definition.is_input:
            try:
                planner.build(definition)
            except Unplanned:
                continue


class _Planner:
    def __init__(self, schema: strawberry.Schema) -> None:
        self.schema = schema
        self.built: dict[int, Build] = {}

    def build(self, definition: StrawberryObjectDefinition) -> Build:
        """The function that builds an instance of the input type from its input value,
        installed as its `from_input`."""
        known = self.built.get(id(definition))
        if known is not None:
            return known
        if definition.from_input is not None or definition.is_graphql_generic:
            raise Unplanned(definition.name)
        names = self.schema.config.name_converter
        # No default: strawberry passes None for a field the client left out.
        without_default = {
            field.python_name: None
            for field in definition.fields
            if field.default_value is MISSING and field.default_factory is MISSING
        }
        steps: list[tuple[str, str, Convert]] = []

        def build(cls: type, value: Mapping[str, Any]) -> Any:
            arguments = dict(without_default)
            for graphql_name, python_name, convert in steps:
                if graphql_name in value:
                    arguments[python_name] = convert(value[graphql_name])
            return cls(**arguments)

        # Known before its fields are planned, so that a type that holds itself is planned.
        self.built[id(definition)] = build
        try:
            for field in definition.fields:
                kind = field.resolve_type(type_definition=definition)
                steps.append((names.from_field(field), field.python_name, self.convert(kind)))
        except Unplanned:
            del self.built[id(definition)]
            raise
        definition.from_input = lambda cls, value, _context: build(cls, value)
        return build

    def convert(self, kind: StrawberryType | type) -> Convert:
        """How a value of `kind` is converted (None and UNSET pass as they are)."""
        if isinstance(kind, StrawberryMaybe | LazyType):
            raise Unplanned(repr(kind))
        if isinstance(kind, StrawberryOptional):
            return self.convert(kind.of_type)
        if self.is_leaf(kind):
            return _same
        if isinstance(kind, StrawberryList):
            item = kind.of_type
            if self.is_leaf(item) or (
                isinstance(item, StrawberryOptional)
                and not isinstance(item, StrawberryMaybe)
                and self.is_leaf(item.of_type)
            ):
                return _copied_list
            each = self.convert(item)
            return lambda value: (
                value if value is None or value is strawberry.UNSET else [each(v) for v in value]
            )
        if has_object_definition(kind):
            definition = kind.__strawberry_definition__
            if not definition.is_input:
                raise Unplanned(definition.name)
            cls = kind
            build = self.build(definition)
            return lambda value: (
                value if value is None or value is strawberry.UNSET else build(cls, value)
            )
        raise Unplanned(repr(kind))

    def is_leaf(self, kind: StrawberryType | type) -> bool:
        if kind is GlobalID:
            raise Unplanned("GlobalID")  # strawberry decodes it (GlobalID.from_id)
        return (
            is_scalar(kind, self.schema.schema_converter.scalar_registry)
            or isinstance(kind, StrawberryEnumDefinition)
            or has_enum_definition(kind)
        )


def _same(value: Any) -> Any:
    return value


def _copied_list(value: Any) -> Any:
    # Copied as strawberry does: graphql-core hands every request that leaves the value
    # out the same default list, which a resolver must not be able to change for the next.
    return value if value is None or value is strawberry.UNSET else list(value)
