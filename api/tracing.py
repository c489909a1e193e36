"""OpenTelemetry tracing, with the optional extra: `pip install 'oms[otel]'`.

Configured by the standard variables (`OTEL_SERVICE_NAME`,
`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_TRACES_EXPORTER=otlp|console`, ...); on when
`OTEL_TRACES_EXPORTER` or an OTLP endpoint is set and `OTEL_SDK_DISABLED` is not.
Spans: each HTTP request (the ASGI instrumentation), each GraphQL operation and
root field (strawberry's extension; nested fields are not traced, they would
cost more than they tell), each SQL statement (Tortoise has no instrumentation:
its clients' execute methods are wrapped here), each outbox event published, as a
child of the request that wrote the event (its `traceparent` is stored on the
outbox row), and each webhook POST.

Without the extra, or unconfigured, nothing here costs more than a check. The
schema reads `wanted()` when it is built, so `api.main` configures this first.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import httpx

from models import sql
from models.tables.events import CAUSE

try:
    from opentelemetry import trace
    from opentelemetry.context import Context
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
    from strawberry.extensions.tracing import OpenTelemetryExtension

    INSTALLED = True
except ImportError:  # the `otel` extra is not installed
    INSTALLED = False
SQL_METHODS = ("execute_query", "execute_query_dict", "execute_insert", "execute_many")
_active = False


def active() -> bool:
    return _active


def wanted(env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether the OTEL_* variables ask for traces."""
    if env.get("OTEL_SDK_DISABLED", "").lower() == "true":
        return False
    exporter = env.get("OTEL_TRACES_EXPORTER", "")
    return bool(
        (exporter and exporter != "none")
        or env.get("OTEL_EXPORTER_OTLP_ENDPOINT")
        or env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    )


def configure_from_env() -> None:
    """In every worker: a tracer provider exporting where the OTEL_* variables say."""
    if not INSTALLED or not wanted():
        return
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter

    provider = TracerProvider(resource=Resource.create({"service.name": "oms"}))
    if os.environ.get("OTEL_TRACES_EXPORTER") == "console":
        exporter: Any = ConsoleSpanExporter()
    else:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    provider.add_span_processor(BatchSpanProcessor(exporter))
    use(provider)


def use(provider: Any) -> None:
    """Trace with `provider` from now on (tests pass one with an in-memory exporter)."""
    global _active
    trace.set_tracer_provider(provider)
    _instrument_sql()
    _active = True


def _tracer() -> Any:
    return trace.get_tracer("oms")


def asgi_middleware() -> list[Any]:
    """The ASGI instrumentation as a Starlette middleware, when tracing is on."""
    if not _active:
        return []
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
    from starlette.middleware import Middleware

    return [Middleware(OpenTelemetryMiddleware)]


if INSTALLED:
    _PROPAGATOR = TraceContextTextMapPropagator()

    class RootFieldTracing(OpenTelemetryExtension):
        """strawberry's spans for the operation and its root fields only; the root field's
        `traceparent` becomes the cause of the outbox events it writes."""

        async def resolve(
            self, _next: Callable[..., Any], root: Any, info: Any, *args: Any, **kw: Any
        ) -> Any:
            if info.path.prev is not None:
                result = _next(root, info, *args, **kw)
                return await result if inspect.isawaitable(result) else result
            with self._tracer.start_as_current_span(
                f"GraphQL Resolving: {info.field_name}",
                context=trace.set_span_in_context(self._span_holder[_operation_step()]),
            ) as current:
                self.add_tags(current, info, kw)
                carrier: dict[str, str] = {}
                _PROPAGATOR.inject(carrier)
                token = CAUSE.set(carrier.get("traceparent"))
                try:
                    result = _next(root, info, *args, **kw)
                    return await result if inspect.isawaitable(result) else result
                finally:
                    CAUSE.reset(token)

    def _operation_step() -> Any:
        from strawberry.extensions import LifecycleStep

        return LifecycleStep.OPERATION

    def schema_extensions() -> list[Any]:
        """Read when the schema is built: wrapping every resolver costs, so only when wanted."""
        return [RootFieldTracing] if wanted() else []

else:

    def schema_extensions() -> list[Any]:
        return []


@contextlib.contextmanager
def spans(name: str, causes: Sequence[tuple[str | None, dict[str, Any]]]) -> Iterator[None]:
    """One span per (cause, attributes) around the same work (the relay's publish of a
    batch), each a child of its cause (a stored `traceparent`) or a root; nothing when off."""
    if not _active:
        yield
        return
    with contextlib.ExitStack() as stack:
        for cause, attributes in causes:
            # Each its own parent (its cause, else none): never nested in one another.
            parent = _PROPAGATOR.extract({"traceparent": cause}) if cause else Context()
            stack.enter_context(
                trace.use_span(
                    _tracer().start_span(name, context=parent, attributes=attributes),
                    end_on_exit=True,
                )
            )
        yield


def _instrument_sql() -> None:
    """A span per statement, around the execute methods of Tortoise's clients."""
    from tortoise.backends.asyncpg import client as asyncpg_client
    from tortoise.backends.sqlite import client as sqlite_client

    from models.sqlite_client import ImmediateSqliteClient

    classes = (
        asyncpg_client.AsyncpgDBClient,
        asyncpg_client.TransactionWrapper,
        sqlite_client.SqliteClient,
        sqlite_client.SqliteTransactionWrapper,
        ImmediateSqliteClient,  # its own execute_query(_dict): reads on their connection
    )
    for cls in classes:
        system = "postgresql" if "asyncpg" in cls.__module__ else "sqlite"
        for name in SQL_METHODS:
            method = cls.__dict__.get(name)
            if method is not None and not getattr(method, "_traced", False):
                setattr(cls, name, _traced(method, system))
    # models.sql sends the placing path's statements straight to the drivers, past
    # Tortoise's client methods.
    if not getattr(sql.run_all, "_traced", False):
        setattr(sql, "run_all", _traced_batch(sql.run_all))  # noqa: B010
    if not getattr(sql.write_alone, "_traced", False):
        setattr(sql, "write_alone", _traced_alone(sql.write_alone))  # noqa: B010


def _statement_span(query: str, system: str) -> Any:
    return _tracer().start_as_current_span(
        query.split(None, 1)[0].upper() if query.strip() else "SQL",
        kind=trace.SpanKind.CLIENT,
        attributes={"db.system": system, "db.statement": query[:2000]},
    )


def _traced(method: Callable[..., Any], system: str) -> Callable[..., Any]:
    @functools.wraps(method)
    async def traced(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        with _statement_span(query, system):
            return await method(self, query, *args, **kwargs)

    traced._traced = True  # type: ignore[attr-defined]
    return traced


def _traced_batch(run_all: Callable[..., Any]) -> Callable[..., Any]:
    """A span per batch (one statement on PostgreSQL, or SQLite's statements sent together),
    named by its first statement's first word, holding their texts."""

    @functools.wraps(run_all)
    async def traced(db: Any, batch: Sequence[sql.Statement]) -> Any:
        system = "postgresql" if sql.is_postgres(db) else "sqlite"
        with _statement_span(";\n".join(statement.text for statement in batch), system):
            return await run_all(db, batch)

    traced._traced = True  # type: ignore[attr-defined]
    return traced


def _traced_alone(write_alone: Callable[..., Any]) -> Callable[..., Any]:
    """A span per write alone, named by its write's first word once built, holding the
    texts of the statement that takes its ids and of the write."""

    @functools.wraps(write_alone)
    async def traced(db: Any, take: sql.Statement, build: Callable[..., Any]) -> Any:
        system = "postgresql" if sql.is_postgres(db) else "sqlite"
        texts = [take.text]

        def building(row: Any) -> Any:
            batch, built = build(row)
            texts.extend(statement.text for statement in batch)
            return batch, built

        with _statement_span(take.text, system) as span:
            try:
                return await write_alone(db, take, building)
            finally:
                if len(texts) > 1:
                    span.update_name(texts[1].split(None, 1)[0].upper())
                span.set_attribute("db.statement", ";\n".join(texts)[:2000])

    traced._traced = True  # type: ignore[attr-defined]
    return traced


class TracedTransport(httpx.AsyncBaseTransport):
    """A span per outgoing webhook POST (url host, status code)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # A child of the request that queued the delivery, when it was traced.
        cause = request.extensions.pop("oms_cause", None)
        parent = _PROPAGATOR.extract({"traceparent": cause}) if cause else None
        with _tracer().start_as_current_span(
            f"webhook {request.method}",
            context=parent,
            kind=trace.SpanKind.CLIENT,
            attributes={"server.address": request.url.host, "http.request.method": request.method},
        ) as current:
            response = await self.inner.handle_async_request(request)
            current.set_attribute("http.response.status_code", response.status_code)
            return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def webhook_transport() -> httpx.AsyncBaseTransport | None:
    """The transport webhook deliveries go through: traced when tracing is on."""
    return TracedTransport(httpx.AsyncHTTPTransport(trust_env=False)) if _active else None
