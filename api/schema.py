"""The GraphQL schema: every domain's queries and mutations, plus the limits that
keep one request from costing too much. Validation rules are built once per set of
limits so the validation cache can hit (docs/STACK-NOTES.md, "Validation caches").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import strawberry
from graphql import ASTValidationRule, GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext, get_object_definition

from api.cost import COST_MODEL, Budgets, CostLimits, QueryCostExtension
from api.metrics import MetricsExtension
from api.relay import WakeRelayAfterMutations
from api.security import RefuseUnstorableInput
from api.settings import Settings
from api.tracing import schema_extensions as tracing_extensions
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


@cache
def schema_with(limits: Limits) -> OmsSchema:
    """One schema per set of limits, so apps configured alike share its caches (and the
    per-key cost budgets, which live as long as the process)."""
    budgets = Budgets(limits.cost)
    validation_rules: list[type[ASTValidationRule]] = [
        depth_rule(limits.max_query_depth, None, None),
        max_aliases_rule(limits.max_aliases),
    ]
    built = OmsSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
            lambda: AddValidationRules(validation_rules),
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            MetricsExtension,
            RefuseUnstorableInput,
            lambda: QueryCostExtension(budgets),
            WakeRelayAfterMutations,
            *tracing_extensions(),
        ],
    )
    built.cost_budgets = budgets
    return built


def build_schema(config: Settings) -> OmsSchema:
    return schema_with(Limits.of(config))


# The schema with the default limits: its SDL is the same whatever the limits, for
# printing it (api/print_schema.py) and for tests that inspect the types.
schema = build_schema(Settings())
