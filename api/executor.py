"""graphql-core's executor with a shortcut for plain leaves: a scalar or enum field that
strawberry answers by reading an attribute (no resolver, permission or extension of its
own) is read and serialized in the loop over its object's fields, without the resolve
info, path and value completion graphql-core builds for every field. Those are most of a
page's fields (a page of 50 orders: 1,300 of 2,250), and that bookkeeping most of what
each one cost (docs/STACK-NOTES.md, "Plain leaves").

The answer is the same, errors included: a leaf the shortcut cannot answer (None in a
non-null field, a value its scalar refuses, a read that raises, an exception or an
awaitable as the value) takes the ordinary path, which reads the attribute again and
fails, or completes, as it always would. With a field middleware (tracing's strawberry
extension) every field takes the ordinary path, so that the middleware sees each one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, cast

from graphql import (
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class _PlainLeaf(NamedTuple):
    read: Callable[[Any, GraphQLResolveInfo[Any] | None], Any]  # strawberry's attribute read
    serialize: Callable[[Any], Any]
    nullable: bool


def plain_leaf(resolve: Any, field_type: GraphQLOutputType) -> _PlainLeaf | None:
    """How to answer a field directly, if it is a plain leaf: strawberry marks the resolver
    of a field without a resolver, permission or extension of its own `_is_default` (a
    strawberry without that mark leaves every field on the ordinary path)."""
    if not getattr(resolve, "_is_default", False):
        return None
    nullable = not isinstance(field_type, GraphQLNonNull)
    named = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    if not is_leaf_type(named):
        return None
    return _PlainLeaf(resolve, named.coerce_output_value, nullable)


class PlainLeavesExecutor(StrawberryGraphQLCoreExecutionContext):
    """strawberry's executor, plain leaves read directly (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        self._shortcut = not (manager and manager.middlewares)
        # graphql-core collects an object type's subfields once per selection (a list's
        # items share the grouped field set): its plain leaves are found once too. The
        # set is kept with them so that its id cannot be reused meanwhile.
        self._plain_leaves: dict[tuple[str, int], tuple[object, Mapping[str, _PlainLeaf]]] = {}

    def build_per_event_executor(self, payload: Any) -> PlainLeavesExecutor:
        # A subscription's events are executed by shallow copies of its executor, each
        # collecting its own field sets: each keeps its own plain leaves, which go with it.
        executor = cast(PlainLeavesExecutor, super().build_per_event_executor(payload))
        executor._plain_leaves = {}
        return executor

    def _leaves_of(
        self, parent_type: GraphQLObjectType, fields: Mapping[str, FieldDetailsList]
    ) -> Mapping[str, _PlainLeaf]:
        key = (parent_type.name, id(fields))
        known = self._plain_leaves.get(key)
        if known is not None:
            return known[1]
        found: dict[str, _PlainLeaf] = {}
        for response_name, details in fields.items():
            field = self.schema.get_field(parent_type, details[0].node.name.value)
            leaf = plain_leaf(field.resolve, field.type) if field is not None else None
            if leaf is not None:
                found[response_name] = leaf
        self._plain_leaves[key] = (fields, found)
        return found

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        leaves = self._leaves_of(parent_type, grouped_field_set) if self._shortcut else None
        if not leaves:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        # graphql-core's loop (Executor.execute_fields), the plain leaves answered in it.
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        pending: list[str] = []
        try:
            for response_name, field_details_list in grouped_field_set.items():
                leaf = leaves.get(response_name)
                if leaf is not None:
                    answer = _answer(leaf, source_value, is_awaitable)
                    if answer is not Undefined:
                        results[response_name] = answer
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    field_details_list,
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        pending.append(response_name)
        except Exception:
            if pending:
                self.settle_in_background([results[name] for name in pending])
            raise
        if not pending:
            return results
        return _awaited(results, pending)


def _answer(leaf: _PlainLeaf, source: Any, is_awaitable: Callable[[Any], bool]) -> Any:
    """The leaf's serialized value, or Undefined for the ordinary path to give it."""
    try:
        value = leaf.read(source, None)
        if value is None:
            return None if leaf.nullable else Undefined
        if isinstance(value, Exception) or is_awaitable(value):
            return Undefined
        serialized = leaf.serialize(value)
    except Exception:  # the ordinary path raises it again, located at the field
        return Undefined
    return Undefined if serialized is None else serialized


async def _awaited(results: dict[str, Any], pending: list[str]) -> dict[str, Any]:
    if len(pending) == 1:
        results[pending[0]] = await results[pending[0]]
        return results
    awaited = await gather_with_cancel(*(results[name] for name in pending))
    results.update(zip(pending, awaited, strict=True))
    return results
