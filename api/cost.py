"""Query cost, computed before execution, and a per-key budget that refills over
time, as Shopify's GraphQL API does.

Cost: every object field costs 1, scalars and enums 0; a connection costs its
page size (`first`/`last`, default 50) times what one of its nodes costs (at
least 1), plus 1, its edge and pageInfo wrappers being free; each root
mutation field costs 10. A request above `max_cost` is refused;
otherwise its cost is taken from the key's bucket (`bucket_size` points,
refilled at `restore_rate` a second), and a request the bucket cannot pay is
refused with THROTTLED and when to retry. Buckets live in each server process.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from api.settings import settings

MUTATION_COST = 10
OBJECT_COST = 1


@dataclass
class Walk:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    default_page: int

    def selection_cost(self, parent: Any, selections: SelectionSetNode | None) -> int:
        if selections is None:
            return 0
        total = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(parent, selection)
            elif isinstance(selection, InlineFragmentNode):
                target = parent
                if selection.type_condition is not None:
                    target = self.schema.get_type(selection.type_condition.name.value) or parent
                total += self.selection_cost(target, selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    target = self.schema.get_type(fragment.type_condition.name.value) or parent
                    total += self.selection_cost(target, fragment.selection_set)
        return total

    def field_cost(self, parent: Any, node: FieldNode) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        inner = self.selection_cost(named, node.selection_set)
        if named.name.endswith("Connection"):
            return OBJECT_COST + self.page_size(node) * max(inner, OBJECT_COST)
        if parent.name.endswith(("Connection", "Edge")):
            return inner  # edges, node, nodes, pageInfo: wrappers of what is already counted
        return OBJECT_COST + inner

    def page_size(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value in ("first", "last"):
                value = value_from_ast_untyped(argument.value, self.variables)
                if isinstance(value, int) and value >= 0:
                    # Larger pages are refused by the connection itself, with a clearer error.
                    return min(value, settings.max_page_size)
        return self.default_page


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = next(
        (
            o
            for o in operations
            if operation_name is None or (o.name is not None and o.name.value == operation_name)
        ),
        None,
    )
    if chosen is None:
        return 0
    root = schema.get_root_type(chosen.operation)
    walk = Walk(schema, fragments, variables or {}, settings.default_page_size)
    cost = walk.selection_cost(root, chosen.selection_set)
    if chosen.operation.value == "mutation":
        cost += MUTATION_COST * sum(
            isinstance(s, FieldNode) for s in chosen.selection_set.selections
        )
    return cost


@dataclass
class Bucket:
    available: float
    updated: float


@dataclass
class Budgets:
    """Leaky buckets per API key (or per client address before authentication)."""

    max_cost: int
    size: int
    restore_rate: float
    buckets: dict[str, Bucket] = field(default_factory=dict)

    def take(self, owner: str, cost: int, now: float | None = None) -> tuple[bool, float]:
        """Whether `owner` may spend `cost` now, and what is left (or missing)."""
        now = time.monotonic() if now is None else now
        bucket = self.buckets.setdefault(owner, Bucket(self.size, now))
        bucket.available = min(
            self.size, bucket.available + (now - bucket.updated) * self.restore_rate
        )
        bucket.updated = now
        if cost > bucket.available:
            return False, bucket.available
        bucket.available -= cost
        return True, bucket.available

    def retry_after(self, missing: float) -> int:
        return max(1, math.ceil(missing / self.restore_rate))


budgets = Budgets(
    max_cost=settings.max_query_cost,
    size=settings.cost_bucket_size,
    restore_rate=settings.cost_restore_rate,
)


def _owner(context: Any) -> str:
    actor = getattr(context, "actor", None)
    if actor is not None:
        return f"key:{actor.key_id}"
    request = getattr(context, "request", None)
    client = getattr(request, "client", None)
    return f"address:{client.host if client else 'unknown'}"


class QueryCostExtension(SchemaExtension):
    # Stays None for requests refused before execution (parse or validation errors).
    report: dict[str, Any] | None = None

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            cost = query_cost(
                context.schema._schema,  # the graphql-core schema behind strawberry's
                context.graphql_document,
                context.operation_name,
                context.variables,
            )
            self.report = self._charge(context.context, cost)
        yield

    def _charge(self, request_context: Any, cost: int) -> dict[str, Any]:
        report: dict[str, Any] = {
            "requestedQueryCost": cost,
            "throttleStatus": {
                "maximumAvailable": budgets.size,
                "restoreRate": budgets.restore_rate,
            },
        }
        refusal = None
        if cost > budgets.max_cost:
            refusal = GraphQLError(
                f"this query would cost {cost} points; the most one request may cost is "
                f"{budgets.max_cost}: ask for smaller pages (first/last) or fewer fields",
                extensions={"code": "MAX_COST_EXCEEDED", "cost": cost},
            )
            available = budgets.take(_owner(request_context), 0)[1]
        else:
            allowed, available = budgets.take(_owner(request_context), cost)
            if not allowed:
                wait = budgets.retry_after(cost - available)
                refusal = GraphQLError(
                    f"throttled: this query costs {cost} points and {int(available)} are "
                    f"available; retry in {wait} s",
                    extensions={"code": "THROTTLED", "retryAfterSeconds": wait},
                )
        report["throttleStatus"]["currentlyAvailable"] = int(available)
        if refusal is not None:
            self.execution_context.result = ExecutionResult(data=None, errors=[refusal])
        return report

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.report} if self.report is not None else {}
