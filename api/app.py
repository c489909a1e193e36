"""The ASGI app: /graphql (GraphiQL, POST, WebSocket), /healthz, /readyz, /metrics."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from api import tracing
from api.auth import ApiKeyUser, VerifiedKeys, authenticate_connection
from api.background import database_watch, deadline_sweeper, event_pruner, webhook_worker
from api.context import Context
from api.edge import Edge
from api.health import Dependency
from api.hub import Hub
from api.metrics import exposition, worker_exited
from api.relay import Relay
from api.schema import build_schema
from api.security import FailedAuthLimiter, bounded_json
from api.settings import Settings, settings
from api.websocket import KeyCheckingTransportWSHandler


class OmsGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = KeyCheckingTransportWSHandler

    def __init__(
        self, hub: Hub, relay: Relay, config: Settings, limiter: FailedAuthLimiter
    ) -> None:
        super().__init__(
            build_schema(config),
            subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL],
            allowed_origins=config.allowed_origins,
        )
        self.hub = hub
        self.relay = relay
        self.config = config
        self.limiter = limiter

    def decode_json(self, data: str | bytes) -> object:
        return bounded_json(data)  # HTTP bodies and WebSocket messages alike

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        user = request.scope.get("user")
        context = Context(
            request=request, response=response, hub=self.hub, relay=self.relay, config=self.config
        )
        if isinstance(user, ApiKeyUser) and request.scope["type"] == "http":
            context.actor, context.auth_problem = user.actor, user.problem or ""
        return context

    async def on_ws_connect(self, context: Context) -> dict[str, object] | None:
        """Authenticate the WebSocket from its `connection_init` payload."""
        user = await authenticate_connection(
            context.connection_params, context.request, self.limiter
        )
        context.actor, context.auth_problem = user.actor, user.problem or ""
        return None


DASHBOARD = Path(__file__).resolve().parent / "dashboard"


async def dashboard(request: Request) -> Response:
    return FileResponse(DASHBOARD / "index.html", headers={"Cache-Control": "no-cache"})


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


PROBE_TIMEOUT = 2.0


async def probe_database(health: Dependency) -> bool:
    """One `SELECT 1`; the outcome goes to `health` (which logs an outage's start and end)."""
    try:
        await asyncio.wait_for(connections.get("default").execute_query("SELECT 1"), PROBE_TIMEOUT)
    except Exception as error:
        health.failed(error)
        return False
    health.recovered()
    return True


async def readyz(request: Request) -> Response:
    """200 when this worker can reach the database and the broadcast backend, else 503
    with what is wrong with each."""
    state = request.app.state
    database_ok = await probe_database(state.database)
    hub: Hub = state.hub
    report = {
        "database": "ok" if database_ok else state.database.problem,
        "broadcast": "ok" if hub.connected else (hub.health.problem or "not connected yet"),
    }
    ready = database_ok and hub.connected
    return JSONResponse(
        {"status": "ok" if ready else "unavailable", **report}, status_code=200 if ready else 503
    )


async def metrics(request: Request) -> Response:
    body, content_type = await exposition()
    return PlainTextResponse(body, media_type=content_type)


def cors(config: Settings) -> Callable[[ASGIApp], ASGIApp] | None:
    """Cross-origin browser access: off unless origins are configured."""
    if not config.cors_origins:
        return None
    return partial(
        CORSMiddleware,
        allow_origins=config.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type"],
        max_age=600,
    )


def create_app(config: Settings = settings) -> Starlette:
    hub = Hub(config.broadcast_url)
    relay = Relay(hub, on_postgres=config.dialect == "postgres")
    limiter = FailedAuthLimiter()  # one brake for HTTP and WebSocket
    keys = VerifiedKeys(hub)
    graphql = OmsGraphQL(hub, relay, config, limiter)
    database = Dependency("database", config.database_url)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            async with (
                RegisterTortoise(app, config=config.tortoise_config()),
                hub,
                keys,
                relay,
                webhook_worker(config),
                deadline_sweeper(config.sla_sweep_seconds),
                database_watch(config.health_probe_seconds, lambda: probe_database(database)),
                event_pruner(config),
            ):
                yield
        finally:
            worker_exited()

    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/dashboard", dashboard),
            Mount("/dashboard/static", StaticFiles(directory=DASHBOARD), name="dashboard"),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics),
        ],
        middleware=[
            *tracing.asgi_middleware(),
            Middleware(
                Edge,
                max_body_bytes=config.max_body_bytes,
                limiter=limiter,
                keys=keys,
                cors=cors(config),
            ),
        ],
        lifespan=lifespan,
    )
    app.state.hub, app.state.database = hub, database  # what /readyz asks
    return app
