"""The GraphQL schema: every domain's queries and mutations, plus the limits that
keep one request from costing too much. Validation rules are built once so the
validation cache can hit (STACK.md #4).
"""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.cost import QueryCostExtension
from api.metrics import MetricsExtension
from api.relay import WakeRelayAfterMutations
from api.security import RefuseNulInText
from api.settings import settings
from api.tracing import schema_extensions as tracing_extensions
from resolvers.access import AccessMutations, AccessQueries
from resolvers.catalog import CatalogMutations, CatalogQueries
from resolvers.fulfillment import FulfillmentQueries
from resolvers.fulfillment_mutations import FulfillmentMutations
from resolvers.inventory import InventoryMutations, InventoryQueries
from resolvers.locations import LocationMutations, LocationQueries
from resolvers.node import NodeQueries
from resolvers.orders import OrderMutations, OrderQueries
from resolvers.returns_mutations import ReturnMutations, ReturnQueries
from resolvers.routing import RoutingMutations, RoutingQueries
from resolvers.subscriptions import Subscription
from resolvers.webhooks import WebhookMutations

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
        ReturnQueries,
    ),
)
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
        FulfillmentMutations,
        ReturnMutations,
    ),
)

_VALIDATION_RULES = [
    depth_rule(settings.max_query_depth, None, None),
    max_aliases_rule(settings.max_aliases),
]


class OmsSchema(strawberry.Schema):
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


schema = OmsSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=[
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: AddValidationRules(_VALIDATION_RULES),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        MetricsExtension,
        RefuseNulInText,
        QueryCostExtension,
        WakeRelayAfterMutations,
        *tracing_extensions(),
    ],
)
