"""Resolvers called directly, not through strawberry's per-call wrapper.

For every field with a resolver, strawberry's schema hands graphql-core one function that,
on every call, builds the field's `Info`, converts the arguments (its `get_arguments`,
even when there are none), lets each field extension map them, works out again which of
self, root, parent and info the resolver asked for, and chains the field extensions
around the call. For a field without extensions or arguments to convert, that is all
bookkeeping: a page of 50 orders calls ~700 such resolvers (unitPrice, product, orderLine,
location...), and calling them directly saves 4-6% of the page's CPU.

`install` works the bookkeeping out once per field and gives graphql-core a resolver that
makes the same call strawberry would (`StrawberryField.get_result` with the same arguments),
for fields that have a resolver of their own, no field extension (permission classes are
one), no exception handler, no argument but of a built-in scalar type (`first: Int`:
strawberry passes graphql-core's value on as it is, under its Python name), that are not
async and whose field class keeps strawberry's `get_result`. Every other field keeps
strawberry's resolver. graphql-core's middleware (tracing) wraps these resolvers as it
wraps any other. tests/unit/test_direct_resolvers.py compares the answers, errors
included, with strawberry's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.base import StrawberryMaybe, StrawberryOptional
from strawberry.types.field import StrawberryField

Resolve = Callable[..., Any]


# Argument types strawberry's `convert_argument` passes on unchanged (with None, also when
# optional): graphql-core has already parsed and checked them.
_AS_IS: tuple[type, ...] = (int, str, float, bool)


def install(schema: strawberry.Schema) -> int:
    """Give each plain resolver field of `schema` a direct resolver; how many were given.
    Subscription fields are left alone (graphql-core subscribes through them)."""
    converter = schema.schema_converter
    if getattr(converter, "_exception_handler_specs", None):
        return 0  # strawberry's exception handlers wrap resolvers: leave all of them
    graphql_schema = schema._schema
    subscription = graphql_schema.subscription_type
    installed = 0
    for named in graphql_schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named is subscription:
            continue
        for graphql_field in named.fields.values():
            field = graphql_field.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
            resolve = direct_resolver(field, schema.config)
            if resolve is not None:
                graphql_field.resolve = resolve
                installed += 1
    return installed


def direct_resolver(field: object, config: StrawberryConfig) -> Resolve | None:
    """The direct resolver of `field`, or None where strawberry's own must stay."""
    if not isinstance(field, StrawberryField) or not _plain(field):
        return None
    resolver = field.base_resolver
    assert resolver is not None  # _plain
    get_result = field.get_result
    info_class = config.info_class
    pass_self = resolver.self_parameter is not None
    source_names = tuple(
        parameter.name
        for parameter in (resolver.parent_parameter, resolver.root_parameter)
        if parameter is not None
    )
    info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None
    # (GraphQL name, Python name) of each argument, as strawberry's convert_arguments names
    # them.
    renamed = tuple(
        (config.name_converter.from_argument(argument), argument.python_name)
        for argument in field.arguments
    )

    # strawberry's get_arguments, worked out once: self first, then the arguments the
    # client gave (or graphql-core defaulted), root/parent and info, by name.
    def resolve(source: Any, info: GraphQLResolveInfo[Any], **given: Any) -> Any:
        strawberry_info = info_class(_raw_info=info, _field=field)
        kwargs = {python: given[name] for name, python in renamed if name in given}
        for name in source_names:
            kwargs[name] = source
        if info_name is not None:
            kwargs[info_name] = strawberry_info
        args = [source] if pass_self else []
        return get_result(source, info=strawberry_info, args=args, kwargs=kwargs)

    return resolve


def _plain(field: StrawberryField) -> bool:
    resolver = field.base_resolver
    return (
        resolver is not None
        and callable(resolver.wrapped_func)
        and not field.is_async
        and not field.is_subscription
        and all(_as_is(argument.type) for argument in field.arguments)
        and not field.extensions
        and type(field).get_result is StrawberryField.get_result
    )


def _as_is(kind: object) -> bool:
    """Whether strawberry passes an argument of this type on as graphql-core gives it."""
    if isinstance(kind, StrawberryOptional) and not isinstance(kind, StrawberryMaybe):
        kind = kind.of_type
    return kind in _AS_IS
