"""Prometheus metrics that add up across worker processes.

Counters and histograms use prometheus-client's multiprocess mode when
`PROMETHEUS_MULTIPROC_DIR` is set (`oms serve` and `api.main` set it, see
api/workers.py): every worker writes its own files and any worker's
`/metrics` sums them all, so a scrape sees the deployment's totals whichever
worker answers. Without it (tests calling the app in process) the default
registry serves the one process.

The operation label is the operation type and its first root field
(`mutation placeOrder`), never the client's operation name, and a document that
does not parse or validate is counted as `invalid`: the label set is bounded
by the schema, not by what clients send.

Outcomes: `ok`; `user_error` (a mutation payload with userErrors); `refused`
(not executed: invalid document, no or bad key, forbidden, over a limit);
`error` (anything else the server could not answer).

Gauges about the deployment's backlog (outbox lag, webhook backlog, overdue
acceptances) are read from the database at scrape time; gauges about one
process (open subscriptions, database connections in use) are per-process
values summed over the live workers.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graphql import DocumentNode, FieldNode, OperationDefinitionNode, OperationType
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

from api.documents import PerDocument
from api.workers import MULTIPROC_ENV, leave_metrics_dir

REQUESTS = Counter(
    "oms_graphql_requests_total", "GraphQL operations executed", ["operation", "outcome"]
)
LATENCY = Histogram(
    "oms_graphql_request_seconds",
    "GraphQL operation latency",
    ["operation"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
SUBSCRIPTIONS = Gauge(
    "oms_websocket_subscriptions_open",
    "Subscriptions currently listening, all live workers together",
    multiprocess_mode="livesum",
)
POOL_IN_USE = Gauge(
    "oms_db_connections_in_use",
    "Database connections checked out of the pool (PostgreSQL), all live workers together",
    multiprocess_mode="livesum",
)

INVALID = "invalid"
# Error codes that mean "not executed for this caller", as opposed to a failure of ours.
REFUSALS = frozenset(
    {"UNAUTHENTICATED", "FORBIDDEN", "THROTTLED", "MAX_COST_EXCEEDED", "BAD_USER_INPUT"}
)


def operation_label(definition: OperationDefinitionNode | None) -> str:
    if definition is None:
        return INVALID
    first = next(
        (s.name.value for s in definition.selection_set.selections if isinstance(s, FieldNode)),
        "?",
    )
    return f"{definition.operation.value} {first}"


def outcome_of(result: Any) -> str:
    """ok / user_error / refused / error for an executed operation's result."""
    if result is None:
        return "error"
    errors = getattr(result, "errors", None) or []
    if errors:
        codes = {(getattr(e, "extensions", None) or {}).get("code") for e in errors}
        return "refused" if codes <= REFUSALS else "error"
    data = getattr(result, "data", None) or {}
    for payload in data.values():
        if isinstance(payload, dict) and payload.get("userErrors"):
            return "user_error"
    return "ok"


@dataclass(frozen=True)
class Operation:
    """What an executed operation's document says about it: its label, and whether it is
    a mutation (api/schema.OperationHooks wakes the relay after one)."""

    label: str
    mutation: bool


_OPERATIONS: PerDocument[Operation] = PerDocument()


def operation_of(document: DocumentNode, operation_name: str | None) -> Operation:
    """The operation a validated `document` executes under `operation_name` (the client's,
    None for the first), worked out once per document and name."""

    def chosen() -> Operation:
        definition = next(
            (
                d
                for d in document.definitions
                if isinstance(d, OperationDefinitionNode)
                and (operation_name is None or (d.name and d.name.value == operation_name))
            ),
            None,
        )
        mutation = definition is not None and definition.operation is OperationType.MUTATION
        return Operation(operation_label(definition), mutation)

    return _OPERATIONS.get(document, operation_name, chosen)


def count_operation(operation: Operation | None, result: Any, started: float) -> None:
    """One operation answered: counted by label and outcome, its latency since `started`
    (time.perf_counter) observed. `operation` is None for a document that did not parse
    or validate: nothing from an unvalidated document becomes a label. (strawberry also
    stores execution errors in `pre_execution_errors`, so that cannot tell them apart.)"""
    if operation is None:
        label, outcome = INVALID, "refused"
    else:
        label, outcome = operation.label, outcome_of(result)
    _requests(label, outcome).inc()
    _latency(label).observe(time.perf_counter() - started)


# The labelled children, looked up once each: prometheus-client's `labels()` validates and
# locks on every call. Both label sets are bounded by the schema (see the module's doc).
@functools.cache
def _requests(label: str, outcome: str) -> Any:
    return REQUESTS.labels(label, outcome)


@functools.cache
def _latency(label: str) -> Any:
    return LATENCY.labels(label)


def sample_pool() -> None:
    """Record this process's connections in use (asyncpg's pool; SQLite has none)."""
    from tortoise import connections

    try:
        pool = getattr(connections.get("default"), "_pool", None)
    except Exception:  # not initialised yet
        pool = None
    if pool is not None and hasattr(pool, "get_idle_size"):
        POOL_IN_USE.set(pool.get_size() - pool.get_idle_size())


async def backlog_gauges(now: datetime | None = None) -> list[GaugeMetricFamily]:
    """What an operator alerts on, read from the database (the same for every worker)."""
    from models.tables import FulfillmentOrder, OutboxEvent, WebhookDelivery

    now = now or datetime.now(UTC)

    async def oldest_age(rows: Any, field: str) -> float:
        moment = await rows.order_by(field).first().values_list(field, flat=True)
        return max((now - moment).total_seconds(), 0.0) if moment else 0.0

    unpublished = OutboxEvent.filter(published_at=None)
    pending = WebhookDelivery.filter(status="PENDING")
    values = {
        "oms_outbox_lag_seconds": (
            "Age of the oldest unpublished outbox event",
            await oldest_age(unpublished, "created_at"),
        ),
        "oms_outbox_unpublished": ("Outbox events not yet published", await unpublished.count()),
        "oms_webhook_backlog": ("Webhook deliveries pending", await pending.count()),
        "oms_webhook_backlog_oldest_seconds": (
            "Age of the oldest pending webhook delivery",
            await oldest_age(pending, "created_at"),
        ),
        "oms_acceptance_overdue": (
            "Open fulfillment orders past their acceptance deadline",
            await FulfillmentOrder.filter(status="OPEN", accept_by__lt=now).count(),
        ),
    }
    return [
        GaugeMetricFamily(name, text, value=float(value)) for name, (text, value) in values.items()
    ]


class _Fixed:
    def __init__(self, families: Sequence[Metric]) -> None:
        self.families = list(families)

    def collect(self) -> list[Metric]:
        return self.families


async def exposition() -> tuple[bytes, str]:
    """The text a scrape gets: every worker's counters plus the backlog gauges."""
    sample_pool()
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Fixed(list(REGISTRY.collect())))
    # With the database down /readyz says so; the counters are still served.
    with contextlib.suppress(Exception):
        registry.register(_Fixed(await backlog_gauges()))
    return generate_latest(registry), CONTENT_TYPE_LATEST


def worker_exited() -> None:
    """Drop this process's live gauges (its counters keep counting in the sums)."""
    if os.environ.get(MULTIPROC_ENV):
        mark_process_dead(os.getpid())
        leave_metrics_dir()
