"""Query cost, computed before execution, and a budget per key (or per address for
anonymous requests) that refills over time, as Shopify's GraphQL API does.

COST_MODEL below is the model, as clients read it in the schema (the description of
`Query`). A request above `max_cost` is refused; otherwise its cost is taken from its
owner's bucket, and a request the bucket cannot pay is refused with THROTTLED and when
to retry. Buckets live in each server process; a bucket that has refilled is dropped
(a new one would be the same), and beyond `max_owners` the least recently used go, so
that requests from many addresses cannot grow memory without bound.

Configuration comes in through `CostLimits` (api/schema.py builds it from the settings):
this module imports no configuration.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    VariableNode,
    Visitor,
    get_named_type,
    value_from_ast_untyped,
    visit,
)
from strawberry.types import ExecutionContext

from api.documents import PerDocument
from models.operations.order_validation import MAX_LINES
from models.operations.picklist import MAX_FULFILLMENT_ORDERS
from models.rules.limits import (
    MAX_DELIVERY_ATTEMPTS,
    MAX_HOLDS_PER_ORDER,
    MAX_KEY_LOCATIONS,
    MAX_ROUTING_RULES,
    MAX_RULE_LOCATIONS,
    MAX_SHIPMENTS_PER_FULFILLMENT_ORDER,
    MAX_USER_ERRORS,
    NESTED_FIRST,
    PICK_LIST_FIRST,
)

MUTATION_COST = 10
OBJECT_COST = 1


@dataclass(frozen=True)
class ListBound:
    """The most objects a list field (one that is not a connection) returns."""

    most: int
    # The list takes `first` (0..most), and is charged at its value, or at its default.
    first: bool = False


# Every list of objects in the schema, with its bound (tests/api/test_query_cost.py fails on
# one missing): the domain's limit, enforced where the rows are written (models.rules.limits;
# an order has at most MAX_LINES lines, and so do its fulfillment orders', shipments',
# returns' and sourcing plan's), or `first` where the domain has none.
LIST_BOUNDS: Mapping[str, ListBound] = {
    "Order.lines": ListBound(MAX_LINES),
    "FulfillmentOrder.lines": ListBound(MAX_LINES),
    "Shipment.lines": ListBound(MAX_LINES),
    "Return.lines": ListBound(MAX_LINES),
    "SourcingPlan.assignments": ListBound(MAX_LINES),
    "SourcingPlan.backorders": ListBound(MAX_LINES),
    "SourcingAssignment.lines": ListBound(MAX_LINES),
    "OrderEditPreview.released": ListBound(MAX_LINES),
    "Order.holds": ListBound(MAX_HOLDS_PER_ORDER),
    "FulfillmentOrder.shipments": ListBound(MAX_SHIPMENTS_PER_FULFILLMENT_ORDER),
    "ApiKey.locations": ListBound(MAX_KEY_LOCATIONS),
    "Viewer.locations": ListBound(MAX_KEY_LOCATIONS),
    "RoutingRule.locations": ListBound(MAX_RULE_LOCATIONS),
    "Query.routingRules": ListBound(MAX_ROUTING_RULES),
    "WebhookDelivery.attemptLog": ListBound(MAX_DELIVERY_ATTEMPTS),
    "PickListLine.fulfillmentOrders": ListBound(MAX_FULFILLMENT_ORDERS),
    "Order.fulfillmentOrders": ListBound(NESTED_FIRST.most, first=True),
    "Order.shipments": ListBound(NESTED_FIRST.most, first=True),
    "Order.returns": ListBound(NESTED_FIRST.most, first=True),
    "PickList.lines": ListBound(PICK_LIST_FIRST.most, first=True),
}
# Lists of these are bounded wherever they appear: every payload's userErrors.
ELEMENT_BOUNDS: Mapping[str, ListBound] = {"UserError": ListBound(MAX_USER_ERRORS)}

COST_MODEL = f"""The root of every query. Each request has a cost, computed before it runs \
and reported in `extensions.cost`: every object field costs 1 (scalars and enums 0); a \
connection costs 1 plus its page size (the value of `first` or `last`, literal or from a \
variable, its default included; without either, the default page size) times the cost of \
one node (at least 1), its edges and pageInfo being free; a list of objects that is not a \
connection costs 1 plus its most possible length times the cost of one item (at least 1), \
so that the cost bounds the objects a query returns. Every such list has a bound: the \
domain's, enforced when the rows are written ({MAX_LINES} for lines and a sourcing plan's \
lists, {MAX_HOLDS_PER_ORDER} holds an order, {MAX_SHIPMENTS_PER_FULFILLMENT_ORDER} \
shipments a fulfillment order, {MAX_KEY_LOCATIONS} locations a key, {MAX_RULE_LOCATIONS} a \
routing rule, {MAX_ROUTING_RULES} routing rules, {MAX_DELIVERY_ATTEMPTS} attempts a webhook \
delivery, {MAX_FULFILLMENT_ORDERS} fulfillment orders a pick list, {MAX_USER_ERRORS} \
userError a payload), or, where the domain has none (an order's fulfillmentOrders, \
shipments and returns; a pick list's lines), the list's `first` argument, charged at its \
value or its default, the rest being reachable through a root connection; introspection \
(`__schema`, `__type`) is charged like any other field; each root mutation field costs \
{MUTATION_COST} more. A request may cost at most a configured maximum (MAX_COST_EXCEEDED \
beyond it), and is paid from a budget that refills over time: one per API key, and a \
smaller one per client address for requests without a key (THROTTLED, with \
retryAfterSeconds, when it runs dry; `extensions.cost.throttleStatus` shows the budget)."""


@dataclass(frozen=True)
class CostLimits:
    max_cost: int
    bucket_size: int
    restore_rate: float
    default_page: int
    max_page: int
    # Requests without a key: enough for GraphiQL's introspection and a few probes (a
    # probe of a field with a list of lines costs some 250).
    anonymous_bucket_size: int = 2000
    anonymous_restore_rate: float = 50.0
    max_owners: int = 10_000


def _integer(value: Any) -> int | None:
    """An Int argument's value as graphql-core coerces it: JSON may send 250 as 250.0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _is_list(type_: Any) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


@dataclass
class Walk:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: dict[str, Any]  # graphql-core's value_from_ast_untyped asks for a dict
    limits: CostLimits

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

    def definition(self, parent: Any, name: str) -> GraphQLField | None:
        if parent is self.schema.query_type and name == "__schema":
            return SchemaMetaFieldDef
        if parent is self.schema.query_type and name == "__type":
            return TypeMetaFieldDef
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            field: GraphQLField | None = parent.fields.get(name)
            return field
        return None

    def field_cost(self, parent: Any, node: FieldNode) -> int:
        definition = self.definition(parent, node.name.value)
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
        # Introspection's lists are the schema's own, charged per selected field.
        if _is_list(definition.type) and not parent.name.startswith("__"):
            length = self.list_length(parent.name, named.name, definition, node)
            return OBJECT_COST + length * max(inner, OBJECT_COST)
        return OBJECT_COST + inner

    def list_length(
        self, parent: str, element: str, definition: GraphQLField, node: FieldNode
    ) -> int:
        bound = LIST_BOUNDS.get(f"{parent}.{node.name.value}") or ELEMENT_BOUNDS.get(element)
        if bound is None:
            # A list nobody bounded: unaffordable, rather than charged at a guess.
            return self.limits.max_cost + 1
        if not bound.first:
            return bound.most
        value = None
        for argument in node.arguments or ():
            if argument.name.value == "first":
                value = _integer(value_from_ast_untyped(argument.value, self.variables))
        if value is None:  # left out, or a variable left out: the schema's default
            value = _integer(definition.args["first"].default_value)
        # Out of range is refused by the field itself, with a clearer error.
        return bound.most if value is None else max(0, min(value, bound.most))

    def page_size(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value in ("first", "last"):
                value = _integer(value_from_ast_untyped(argument.value, self.variables))
                if value is not None:
                    # Larger pages are refused by the connection itself, with a clearer error.
                    return max(0, min(value, self.limits.max_page))
        return self.limits.default_page


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    limits: CostLimits,
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
    # A variable the request leaves out takes its declared default.
    values = {
        d.variable.name.value: value_from_ast_untyped(d.default_value)
        for d in chosen.variable_definitions or ()
        if d.default_value is not None
    }
    values.update(variables or {})
    root = schema.get_root_type(chosen.operation)
    cost = Walk(schema, fragments, values, limits).selection_cost(root, chosen.selection_set)
    if chosen.operation.value == "mutation":
        cost += MUTATION_COST * sum(
            isinstance(s, FieldNode) for s in chosen.selection_set.selections
        )
    return cost


# The only arguments the walk reads values from (`Walk.list_length`, `Walk.page_size`).
_SIZED_BY = frozenset({"first", "last"})


def _sizing_variables(document: DocumentNode) -> tuple[str, ...]:
    """The variables the walk can read: those inside a `first` or `last` argument, anywhere
    in the document. The cost depends on the document, the operation and these alone."""
    names: set[str] = set()

    class Sizes(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
            if node.name.value in _SIZED_BY:
                visit(node.value, Variables())
            return Visitor.SKIP

    class Variables(Visitor):
        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            names.add(node.name.value)

    visit(document, Sizes())
    return tuple(sorted(names))


def _shape(value: Any) -> Any:
    """The shape of a JSON value, hashable: keys, list lengths, numbers, booleans and nulls
    as they are, every string as just "a string" (no cost rule reads text)."""
    if isinstance(value, dict):
        return tuple(sorted((key, _shape(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("[", *(_shape(item) for item in value))
    if isinstance(value, str):
        return str
    return (type(value), value)


# Costs of recent (document, schema, operation, sizing variables, limits), oldest first.
REMEMBERED_COSTS = 1024
_COSTS: PerDocument[int] = PerDocument(REMEMBERED_COSTS)
_SIZING: PerDocument[tuple[str, ...]] = PerDocument()


def remembered_query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    limits: CostLimits,
) -> int:
    """query_cost, walked once per (document, operation, values of the variables that size
    its lists): clients send the same few documents again and again (the document compared
    by identity: api/documents.py), and most of their variables (placeOrder's input, with
    its quantities and coordinates) size nothing, so they are left out of the key."""
    sent = variables or {}
    sizing = _SIZING.get(document, None, lambda: _sizing_variables(document))
    values = tuple((name, name in sent, _shape(sent.get(name))) for name in sizing)
    key = (schema, operation_name, values, limits)
    return _COSTS.get(
        document, key, lambda: query_cost(schema, document, operation_name, variables, limits)
    )


@dataclass
class Bucket:
    available: float
    updated: float


@dataclass
class Budgets:
    """Leaky buckets per API key (`key:<id>`) or, without one, per client address."""

    limits: CostLimits
    buckets: OrderedDict[str, Bucket] = field(default_factory=OrderedDict)

    def size_and_rate(self, owner: str) -> tuple[int, float]:
        if owner.startswith("key:"):
            return self.limits.bucket_size, self.limits.restore_rate
        return self.limits.anonymous_bucket_size, self.limits.anonymous_restore_rate

    def take(self, owner: str, cost: int, now: float | None = None) -> tuple[bool, float]:
        """Whether `owner` may spend `cost` now, and what is left (or missing)."""
        now = time.monotonic() if now is None else now
        size, rate = self.size_and_rate(owner)
        bucket = self.buckets.pop(owner, None) or Bucket(size, now)
        self._forget_refilled(now)
        self.buckets[owner] = bucket  # most recently used last
        bucket.available = min(size, bucket.available + (now - bucket.updated) * rate)
        bucket.updated = now
        if cost > bucket.available:
            return False, bucket.available
        bucket.available -= cost
        return True, bucket.available

    def _forget_refilled(self, now: float) -> None:
        while self.buckets:
            owner, oldest = next(iter(self.buckets.items()))
            size, rate = self.size_and_rate(owner)
            refilled = oldest.available + (now - oldest.updated) * rate >= size
            # Room for the owner being served, who is put back after this.
            if not refilled and len(self.buckets) < self.limits.max_owners:
                return
            del self.buckets[owner]

    def retry_after(self, owner: str, missing: float) -> int:
        return max(1, math.ceil(missing / self.size_and_rate(owner)[1]))


def _owner(context: Any) -> str:
    actor = getattr(context, "actor", None)
    if actor is not None:
        return f"key:{actor.key_id}"
    request = getattr(context, "request", None)
    client = getattr(request, "client", None)
    return f"address:{client.host if client else 'unknown'}"


def charge_query_cost(budgets: Budgets, context: ExecutionContext) -> dict[str, Any] | None:
    """Charge a validated operation's cost to its owner's bucket (api/schema.OperationHooks
    calls this before execution): the report for the response's `extensions.cost`, or None
    when there is no document to cost. Over a limit, the refusal becomes the operation's
    `pre_execution_errors`, so it is not executed (a subscription is not started)."""
    if context.graphql_document is None:
        return None
    cost = remembered_query_cost(
        context.schema._schema,  # the graphql-core schema behind strawberry's
        context.graphql_document,
        context.operation_name,
        context.variables,
        budgets.limits,
    )
    owner = _owner(context.context)
    size, rate = budgets.size_and_rate(owner)
    most = min(budgets.limits.max_cost, size)
    report: dict[str, Any] = {
        "requestedQueryCost": cost,
        "throttleStatus": {"maximumAvailable": size, "restoreRate": rate},
    }
    refusal = None
    if cost > most:
        refusal = GraphQLError(
            f"this query would cost {cost} points; the most one request may cost is "
            f"{most}: ask for smaller pages (first/last) or fewer fields",
            extensions={"code": "MAX_COST_EXCEEDED", "cost": cost},
        )
        available = budgets.take(owner, 0)[1]
    else:
        allowed, available = budgets.take(owner, cost)
        if not allowed:
            wait = budgets.retry_after(owner, cost - available)
            refusal = GraphQLError(
                f"throttled: this query costs {cost} points and {int(available)} are "
                f"available; retry in {wait} s",
                extensions={"code": "THROTTLED", "retryAfterSeconds": wait},
            )
    report["throttleStatus"]["currentlyAvailable"] = int(available)
    if refusal is not None:
        context.pre_execution_errors = [refusal]
    return report
