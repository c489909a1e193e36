"""`Authorization: Bearer <key>` on HTTP, the same in `connection_init` on WebSocket."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Self

from starlette.authentication import BaseUser
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, Response
from strawberry.exceptions import ConnectionRejectionError

from api.hub import Hub
from api.security import FailedAuthLimiter
from models.operations.access import (
    API_KEYS_STREAM,
    AuthenticationFailed,
    authenticate,
    secret_hash,
)
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


# How long a process answers a key from memory. A revocation is heard at once (below);
# this bounds what a missed one could cost, and how stale last_used_at gets past its own
# resolution (models/operations/access.py).
VERIFIED_TTL = 30.0


@dataclass
class VerifiedKeys:
    """The actors of keys this process verified in the last VERIFIED_TTL seconds, by the
    SHA-256 of the secret presented: most requests then cost no database round trip for
    their key. Only keys that passed are kept; a refused one is asked every time (and
    counts against the failed-auth brake).

    A revocation empties it at once: revoking writes an outbox row on API_KEYS_STREAM, and
    the revoking request also announces it through the hub before answering
    (Hub.announce), so every process's doorbell rings. It is trusted only while the hub
    is connected (a revocation could be missed otherwise; the hub rings every doorbell
    when it reconnects), and a lookup that raced an invalidation is not kept.
    """

    hub: Hub
    ttl: float = VERIFIED_TTL
    max_keys: int = 10_000
    _actors: dict[str, tuple[Actor, float]] = field(default_factory=dict)
    _doorbell: asyncio.Queue[str] | None = None
    _listening: AbstractContextManager[asyncio.Queue[str]] | None = None
    _generation: int = 0

    async def __aenter__(self) -> Self:
        self._listening = self.hub.doorbell(API_KEYS_STREAM)
        self._doorbell = self._listening.__enter__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._listening is not None:
            self._listening.__exit__(None, None, None)
        self._listening = self._doorbell = None
        self._forget()

    def _forget(self) -> None:
        self._actors.clear()
        self._generation += 1

    def _trusted(self) -> bool:
        """Apply the invalidations rung since the last call; whether memory may answer."""
        doorbell = self._doorbell
        if doorbell is None or not self.hub.connected:
            if self._actors:
                self._forget()
            return False
        if not doorbell.empty():
            while not doorbell.empty():
                doorbell.get_nowait()
            self._forget()
        return True

    async def actor(self, secret: str) -> Actor:
        """The actor behind `secret`, from memory or from the database (AuthenticationFailed
        saying why not)."""
        digest = secret_hash(secret)
        now = time.monotonic()
        if self._trusted():
            known = self._actors.get(digest)
            if known is not None and known[1] > now:
                return known[0]
        generation = self._generation
        actor = await authenticate(secret)
        if self._trusted() and generation == self._generation:
            if len(self._actors) >= self.max_keys:
                del self._actors[next(iter(self._actors))]  # the oldest entry
            self._actors[digest] = (actor, now + self.ttl)
        return actor


async def user_from_header(value: str | None, keys: VerifiedKeys | None = None) -> ApiKeyUser:
    """The user behind an Authorization value; `keys` answers from memory where it may."""
    if not value:
        return ApiKeyUser(None, MISSING_KEY)
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return ApiKeyUser(None, "the Authorization header must be: Bearer <key>")
    try:
        if keys is not None:
            return ApiKeyUser(await keys.actor(token.strip()))
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


class TooManyFailures(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(
            f"too many failed authentications from this address; retry in {retry_after:.0f} s"
        )
        self.retry_after = retry_after

    def response(self) -> Response:
        """What an HTTP request held by the brake is answered."""
        return JSONResponse(
            {
                "errors": [
                    {
                        "message": str(self),
                        "extensions": {
                            "code": "THROTTLED",
                            "retryAfterSeconds": round(self.retry_after),
                        },
                    }
                ]
            },
            status_code=429,
            headers={"Retry-After": str(max(1, round(self.retry_after)))},
        )


async def braked_user(
    header: str | None,
    address: str,
    limiter: FailedAuthLimiter,
    keys: VerifiedKeys | None = None,
) -> ApiKeyUser:
    """The user behind `header`, through the failed-auth brake of the client's `address`:
    every key presented and refused (malformed, unknown, revoked) counts, on HTTP and
    WebSocket alike; no key at all is anonymous and counts nothing. WebSockets pass no
    `keys`: a socket's key is checked in the database at connection_init and for each
    operation (api/websocket.py), which is rare next to HTTP requests. HTTP requests come
    through api/edge.Edge."""
    if header and (wait := limiter.retry_after(address)) is not None:
        raise TooManyFailures(wait)
    user = await user_from_header(header, keys)
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
        user = await braked_user(header, client_address(conn), limiter)
    except TooManyFailures as error:
        raise ConnectionRejectionError({"message": str(error)}) from None
    if header and user.actor is None:
        raise ConnectionRejectionError({"message": user.problem})
    return user
