"""What every resolver gets as `info.context`: one per HTTP request or WebSocket."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket

from api.hub import Hub
from api.relay import Relay
from api.settings import Settings
from models.rules.scopes import Actor
from resolvers.loaders import Loaders


@dataclass
class Context:
    request: Request | WebSocket
    response: Any
    hub: Hub
    relay: Relay
    # The app's configuration (create_app(config)): resolvers read it, they never import it.
    config: Settings
    actor: Actor | None = None
    auth_problem: str = ""
    loaders: Loaders = field(default_factory=Loaders)
    # Set by strawberry from the WebSocket `connection_init` payload.
    connection_params: dict[str, Any] | None = None
