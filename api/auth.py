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
from strawberry.exceptions import ConnectionRejectionError

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


def header_of_connection(params: Mapping[str, object] | None) -> str | None:
    """The `Authorization` value of a WebSocket `connection_init` payload."""
    if not isinstance(params, Mapping):
        return None
    raw = params.get("Authorization") or params.get("authorization")
    return raw if isinstance(raw, str) else None


async def user_from_connection_params(params: Mapping[str, object] | None) -> ApiKeyUser:
    return await user_from_header(header_of_connection(params))


def client_address(conn: HTTPConnection) -> str:
    return conn.client.host if conn.client else "unknown"


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
            # Its key comes in connection_init: see authenticate_connection.
            return AuthCredentials(), ApiKeyUser(None, MISSING_KEY)
        user = await braked_user(conn.headers.get("authorization"), conn, self.limiter)
        return AuthCredentials(["authenticated"] if user.actor else []), user


async def braked_user(
    header: str | None, conn: HTTPConnection, limiter: FailedAuthLimiter
) -> ApiKeyUser:
    """The user behind `header`, through the failed-auth brake of the client's address:
    every key presented and refused (malformed, unknown, revoked) counts, on HTTP and
    WebSocket alike; no key at all is anonymous and counts nothing."""
    address = client_address(conn)
    if header and (wait := limiter.retry_after(address)) is not None:
        raise TooManyFailures(wait)
    user = await user_from_header(header)
    if header and user.actor is None:
        limiter.failed(address)
    return user


async def authenticate_connection(
    params: Mapping[str, object] | None, conn: HTTPConnection, limiter: FailedAuthLimiter
) -> ApiKeyUser:
    """A WebSocket's user from its `connection_init`. A key presented and refused, or an
    address the brake holds, refuses the connection itself (graphql-transport-ws closes
    it with 4403 Forbidden), so that no operation ever runs on it."""
    header = header_of_connection(params)
    try:
        user = await braked_user(header, conn, limiter)
    except TooManyFailures as error:
        raise ConnectionRejectionError({"message": str(error)}) from None
    if header and user.actor is None:
        raise ConnectionRejectionError({"message": user.problem})
    return user


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
