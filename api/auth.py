"""`Authorization: Bearer <key>` on HTTP, the same in `connection_init` on WebSocket."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
)
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, Response

from api.security import FailedAuthLimiter
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


class TooManyFailures(AuthenticationError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(
            f"too many failed authentications from this address; retry in {retry_after:.0f} s"
        )
        self.retry_after = retry_after


class ApiKeyBackend(AuthenticationBackend):
    """Lets requests through without a key (GraphQL fields answer UNAUTHENTICATED),
    but stops an address that keeps presenting bad keys."""

    def __init__(self, limiter: FailedAuthLimiter) -> None:
        self.limiter = limiter

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser]:
        if conn.scope["type"] == "websocket":
            return AuthCredentials(), ApiKeyUser(None, MISSING_KEY)
        header = conn.headers.get("authorization")
        address = conn.client.host if conn.client else "unknown"
        if header and (wait := self.limiter.retry_after(address)) is not None:
            raise TooManyFailures(wait)
        user = await user_from_header(header)
        if header and user.actor is None:
            self.limiter.failed(address)
        return AuthCredentials(["authenticated"] if user.actor else []), user


def refuse_authentication(conn: HTTPConnection, error: AuthenticationError) -> Response:
    retry = getattr(error, "retry_after", 60)
    return JSONResponse(
        {
            "errors": [
                {
                    "message": str(error),
                    "extensions": {"code": "THROTTLED", "retryAfterSeconds": round(retry)},
                }
            ]
        },
        status_code=429,
        headers={"Retry-After": str(max(1, round(retry)))},
    )
