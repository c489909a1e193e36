"""What every resolver gets as `info.context`: one per HTTP request or WebSocket."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from broadcaster import Broadcast
from starlette.requests import Request
from starlette.websockets import WebSocket

from models.rules.scopes import Actor
from resolvers.loaders import Loaders


@dataclass
class Context:
    request: Request | WebSocket
    response: Any
    broadcast: Broadcast
    actor: Actor | None = None
    auth_problem: str = ""
    loaders: Loaders = field(default_factory=Loaders)
    # Set by strawberry from the WebSocket `connection_init` payload.
    connection_params: dict[str, Any] | None = None
