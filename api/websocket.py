"""graphql-transport-ws, with the API key checked again for every operation.

The key is authenticated once, at `connection_init` (api/auth.authenticate_connection),
but a socket may stay open for days: a key revoked meanwhile must not keep querying or
mutating through it. Each `subscribe` message (queries and mutations travel as one too)
authenticates the key again; a refused key gets its operation answered UNAUTHENTICATED
and the socket closed (4403 Forbidden).
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

from api.auth import user_from_connection_params
from api.context import Context


class KeyCheckingTransportWSHandler(BaseGraphQLTransportWSHandler[Context, Any]):
    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.connection_acknowledged and self.context.actor is not None:
            operation_id = message["id"]
            user = await user_from_connection_params(self.context.connection_params)
            if user.actor is None:
                refusal = GraphQLError(
                    user.problem or "the API key is not valid",
                    extensions={"code": "UNAUTHENTICATED"},
                )
                await self.send_message(
                    {"id": operation_id, "type": "error", "payload": [refusal.formatted]}
                )
                await self.websocket.close(code=4403, reason="Forbidden")
                return
        await super().handle_subscribe(message)
