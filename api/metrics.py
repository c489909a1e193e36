"""Prometheus metrics: GraphQL requests and latency by operation and outcome.

The operation label is the operation type and its first root field
(`mutation placeOrder`), not the client's operation name, so that clients
cannot grow the label set without bound.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from graphql import FieldNode, OperationDefinitionNode
from prometheus_client import Counter, Histogram
from strawberry.extensions import SchemaExtension

REQUESTS = Counter(
    "oms_graphql_requests_total", "GraphQL operations executed", ["operation", "outcome"]
)
LATENCY = Histogram(
    "oms_graphql_request_seconds",
    "GraphQL operation latency",
    ["operation"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)


def operation_label(definition: OperationDefinitionNode | None) -> str:
    if definition is None:
        return "invalid"
    first = next(
        (s.name.value for s in definition.selection_set.selections if isinstance(s, FieldNode)),
        "?",
    )
    return f"{definition.operation.value} {first}"


class MetricsExtension(SchemaExtension):
    executed = False

    def on_execute(self) -> Iterator[None]:
        # Reached only by documents that parsed and validated. (strawberry also stores
        # execution errors in `pre_execution_errors`, so that cannot tell them apart.)
        self.executed = True
        yield

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context
        definition = None
        if context.graphql_document is not None:
            definition = next(
                (
                    d
                    for d in context.graphql_document.definitions
                    if isinstance(d, OperationDefinitionNode)
                    and (
                        context.operation_name is None
                        or (d.name and d.name.value == context.operation_name)
                    )
                ),
                None,
            )
        label = operation_label(definition)
        result = context.result
        outcome = "error" if (result is None or getattr(result, "errors", None)) else "ok"
        if not self.executed:
            outcome = "invalid"
        REQUESTS.labels(label, outcome).inc()
        LATENCY.labels(label).observe(time.perf_counter() - started)
