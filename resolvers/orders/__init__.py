"""Orders over GraphQL, laid out as Saleor lays out `graphql/order/`: the types, the
filters, the inputs, the queries and the mutations, one module each."""

from resolvers.orders.mutations import OrderMutations, order_in_scope
from resolvers.orders.queries import OrderQueries
from resolvers.orders.types import Order, OrderEvent, OrderLine

__all__ = [
    "Order",
    "OrderEvent",
    "OrderLine",
    "OrderMutations",
    "OrderQueries",
    "order_in_scope",
]
