"""`Authorization: Bearer <key>` on HTTP, the same in `connection_init` on WebSocket."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.authentication import AuthCredentials, AuthenticationBackend, BaseUser
from starlette.requests import HTTPConnection

from models.operations.access import AuthenticationFailed, authenticate
from models.rules.scopes import Actor

MISSING_KEY = "an API key is required: send the header Authorization: Bearer <key>"


@dataclass(frozen=True)
class ApiKeyUser(BaseUser):
    """What request.user holds: the actor, or why there is none."""

    actor: Actor | None
    problem: str | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.actor is not None

    @property
    def display_name(self) -> str:
        return self.actor.name if self.actor else ""


async def user_from_header(value: str | None) -> ApiKeyUser:
    if not value:
        return ApiKeyUser(None, MISSING_KEY)
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return ApiKeyUser(None, "the Authorization header must be: Bearer <key>")
    try:
        return ApiKeyUser(await authenticate(token.strip()))
    except AuthenticationFailed as failure:
        return ApiKeyUser(None, str(failure))


async def user_from_connection_params(params: Mapping[str, object] | None) -> ApiKeyUser:
    value = None
    if isinstance(params, Mapping):
        raw = params.get("Authorization") or params.get("authorization")
        value = raw if isinstance(raw, str) else None
    return await user_from_header(value)


class ApiKeyBackend(AuthenticationBackend):
    """Never fails the request itself: GraphQL fields answer UNAUTHENTICATED as needed."""

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser]:
        if conn.scope["type"] == "websocket":
            return AuthCredentials(), ApiKeyUser(None, MISSING_KEY)
        user = await user_from_header(conn.headers.get("authorization"))
        return AuthCredentials(["authenticated"] if user.actor else []), user
