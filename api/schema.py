"""The GraphQL schema: every domain's queries and mutations, plus the limits that
keep one request from costing too much. Validation rules are built once so the
validation cache can hit (STACK.md #4).
"""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.tools import merge_types

from api.metrics import MetricsExtension
from api.settings import settings
from resolvers.access import AccessMutations, AccessQueries
from resolvers.catalog import CatalogMutations, CatalogQueries
from resolvers.fulfillment import FulfillmentQueries
from resolvers.inventory import InventoryMutations, InventoryQueries
from resolvers.locations import LocationMutations, LocationQueries
from resolvers.node import NodeQueries
from resolvers.orders import OrderMutations, OrderQueries
from resolvers.routing import RoutingMutations, RoutingQueries

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
    ),
)

_VALIDATION_RULES = [
    depth_rule(settings.max_query_depth, None, None),
    max_aliases_rule(settings.max_aliases),
]

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: AddValidationRules(_VALIDATION_RULES),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        MetricsExtension,
    ],
)
