"""The GraphQL schema: every domain's queries and mutations, plus what runs around each
operation (limits, caches, input checks, cost, metrics) as one schema extension.
Validation rules are built once per set of limits so the validation cache can hit
(docs/STACK-NOTES.md, "Validation caches").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import strawberry
from graphql import ASTValidationRule, DocumentNode, GraphQLError, parse, specified_rules
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.schema.schema import validate_document
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext, get_object_definition
from strawberry.types.execution import ParseOptions

from api import direct_resolvers, input_objects
from api.cost import COST_MODEL, Budgets, CostLimits, charge_query_cost
from api.documents import DOCUMENTS_KEPT, PerDocument
from api.executor import PlainLeavesExecutor
from api.metrics import count_operation, operation_of
from api.security import refuse_unstorable_input
from api.settings import Settings
from api.tracing import schema_extensions as tracing_extensions
from models.operations.events import WRITTEN
from resolvers.access import AccessMutations, AccessQueries
from resolvers.cancellation import CancellationMutations
from resolvers.catalog import CatalogMutations, CatalogQueries
from resolvers.fulfillment import FulfillmentQueries
from resolvers.fulfillment_mutations import FulfillmentMutations
from resolvers.inventory import InventoryMutations, InventoryQueries
from resolvers.locations import LocationMutations, LocationQueries
from resolvers.node import NodeQueries
from resolvers.orders import OrderMutations, OrderQueries
from resolvers.picklist import PickListQueries
from resolvers.returns_mutations import ReturnMutations, ReturnQueries
from resolvers.routing import RoutingMutations, RoutingQueries
from resolvers.subscriptions import Subscription
from resolvers.webhooks import WebhookMutations, WebhookQueries, WebhookSubscriptionMutations

Query = merge_types(
    "Query",
    (
        NodeQueries,
        AccessQueries,
        LocationQueries,
        CatalogQueries,
        InventoryQueries,
        RoutingQueries,
        OrderQueries,
        FulfillmentQueries,
        PickListQueries,
        ReturnQueries,
        WebhookQueries,
    ),
)
get_object_definition(Query, strict=True).description = COST_MODEL
Mutation = merge_types(
    "Mutation",
    (
        AccessMutations,
        LocationMutations,
        CatalogMutations,
        InventoryMutations,
        RoutingMutations,
        OrderMutations,
        WebhookMutations,
        WebhookSubscriptionMutations,
        FulfillmentMutations,
        CancellationMutations,
        ReturnMutations,
    ),
)


class OmsSchema(strawberry.Schema):
    cost_budgets: Budgets  # the per-key query-cost buckets this schema's requests draw on

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log only what the server did not mean: client mistakes, refusals and
        business errors are answered, not logged as tracebacks."""
        unexpected = [
            error
            for error in errors
            if error.original_error is not None
            and not isinstance(error.original_error, GraphQLError)
        ]
        if unexpected:
            super().process_errors(unexpected, execution_context)


@dataclass(frozen=True)
class Limits:
    """The configured limits on one request's shape."""

    max_query_depth: int
    max_aliases: int
    max_tokens: int
    cost: CostLimits

    @classmethod
    def of(cls, config: Settings) -> Limits:
        cost = CostLimits(
            max_cost=config.max_query_cost,
            bucket_size=config.cost_bucket_size,
            restore_rate=config.cost_restore_rate,
            default_page=config.default_page_size,
            max_page=config.max_page_size,
        )
        return cls(config.max_query_depth, config.max_aliases, config.max_tokens, cost)


@dataclass(frozen=True)
class OperationSetup:
    """What OperationHooks needs, built once per schema."""

    parse: Callable[[str], DocumentNode]  # at most max_tokens tokens, once per text
    parse_options: ParseOptions  # the same limit, for strawberry's own parse
    rules: tuple[type[ASTValidationRule], ...]  # graphql-core's, then depth and aliases
    validations: PerDocument[list[GraphQLError]]
    budgets: Budgets

    @classmethod
    def of(cls, limits: Limits) -> OperationSetup:
        @lru_cache(maxsize=DOCUMENTS_KEPT)
        def parse_once(text: str) -> DocumentNode:
            return parse(text, max_tokens=limits.max_tokens)

        rules = (
            *specified_rules,
            depth_rule(limits.max_query_depth, None, None),
            max_aliases_rule(limits.max_aliases),
        )
        return cls(
            parse_once,
            {"max_tokens": limits.max_tokens},
            rules,
            PerDocument(),
            Budgets(limits.cost),
        )


class OperationHooks(SchemaExtension):
    """Everything the OMS does around an operation, as one extension with two hooks.
    strawberry builds every extension's hooks anew for each request (a contextmanager,
    a functools.wraps and an ExitStack entry each; docs/STACK-NOTES.md, "Schema
    extensions"), so the work sits in as few hooks as it can. In the order it runs:

    - parse (in on_operation, which starts just before strawberry would parse): at most
      `max_tokens` tokens, once per text (as strawberry's ParserCache). A text that does
      not parse is left to strawberry, which parses it again with the same limit and
      answers the error as usual;
    - validate: graphql-core's rules plus the depth and alias limits, once per document
      (as its ValidationCache; api/documents.py);
    - then, only for documents that parsed and validated: input the database cannot
      store is refused (api/security.py), then the query cost is charged (api/cost.py);
      a refusal becomes the operation's pre-execution errors, which strawberry answers
      instead of executing, for a subscription as for a query (a result set here would
      be ignored by strawberry's subscription path);
    - when the operation ends: an executed mutation rings this process's subscriptions of
      the streams it wrote and wakes the relay (its outbox events are committed), and the
      operation is counted and timed (api/metrics.py).
    """

    def __init__(self, setup: OperationSetup) -> None:
        self.setup = setup
        self.executed = False
        # Stays None for requests refused before execution (parse or validation errors).
        self.cost_report: dict[str, Any] | None = None

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        context = self.execution_context
        context.parse_options = self.setup.parse_options
        # Not reset after: the request's task (or operation's, on a WebSocket) ends with it.
        WRITTEN.set(set())
        if context.query:
            # Not contextlib.suppress: this runs on every request, and a try costs nothing.
            try:  # noqa: SIM105
                context.graphql_document = self.setup.parse(context.query)
            except Exception:  # strawberry parses it again, and answers the error
                pass
        yield
        operation = None
        if self.executed:
            operation = operation_of(context.graphql_document, context.operation_name)  # type: ignore[arg-type]
            if operation.mutation:
                # Committed: this process's subscriptions read the outbox now, without
                # waiting for the relay's round (which still rings the other processes).
                hub = getattr(context.context, "hub", None)
                if hub is not None:
                    for stream in WRITTEN.get() or ():
                        hub.ring(stream)
                relay = getattr(context.context, "relay", None)
                if relay is not None:
                    relay.wake()
        count_operation(operation, context.result, started)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        schema, document, rules = context.schema._schema, context.graphql_document, self.setup.rules
        errors = self.setup.validations.get(
            document,  # type: ignore[arg-type]
            None,
            lambda: validate_document(schema, document, rules),  # type: ignore[arg-type]
        )
        context.pre_execution_errors = errors
        if not errors:
            self.executed = True
            refuse_unstorable_input(context)
            self.cost_report = charge_query_cost(self.setup.budgets, context)
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost_report} if self.cost_report is not None else {}


@cache
def schema_with(limits: Limits) -> OmsSchema:
    """One schema per set of limits, so apps configured alike share its caches (and the
    per-key cost budgets, which live as long as the process)."""
    setup = OperationSetup.of(limits)
    built = OmsSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[lambda: OperationHooks(setup), *tracing_extensions()],
        execution_context_class=PlainLeavesExecutor,
    )
    built.cost_budgets = setup.budgets
    input_objects.install(built)
    direct_resolvers.install(built)
    return built


def build_schema(config: Settings) -> OmsSchema:
    return schema_with(Limits.of(config))


# The schema with the default limits: its SDL is the same whatever the limits, for
# printing it (api/print_schema.py) and for tests that inspect the types.
schema = build_schema(Settings())
