"""What every HTTP request and WebSocket passes on its way in, as one pure ASGI middleware:
a request id, the security headers, the request body cap and the API key.

One middleware rather than one per concern because they all run on every request: four
layers scanned the headers four times, wrapped `send` three times and built Starlette's
HTTPConnection and Headers for the key (bench/README.md, "fixed cost per request"). In the
order a request meets them:

- the request id (the caller's `X-Request-ID` when it looks like one), in every log line
  written for the request (api/logs.py) and echoed in the response;
- the security headers, added to every HTTP response that does not set them itself;
- CORS, only when origins are configured (Starlette's CORSMiddleware, here so that the
  refusals below carry its headers and its preflight answers carry ours);
- the body cap: a body declared or streamed over `max_body_bytes` is answered 413;
- the key: `scope["user"]` becomes an ApiKeyUser (api/auth.py); an address the
  failed-auth brake holds is answered 429. A WebSocket's key comes later, in its
  `connection_init` (api/auth.authenticate_connection).

A client that disconnects before its body has arrived gets no answer and leaves no
traceback in the log (Starlette raises ClientDisconnect where the body is read).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import MISSING_KEY, ApiKeyUser, TooManyFailures, VerifiedKeys, braked_user
from api.logs import CALLER_ID, request_id
from api.security import FailedAuthLimiter

Headers = tuple[tuple[bytes, bytes], ...]

# The dashboard serves only its own files; GraphiQL (GET /graphql) loads its
# assets from a CDN, so it gets the headers below but no content policy.
DASHBOARD_POLICY = (
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'"
)
COMMON_HEADERS: Headers = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
GRAPHQL_HEADERS: Headers = (*COMMON_HEADERS, (b"cache-control", b"no-store"))
DASHBOARD_HEADERS: Headers = (
    *COMMON_HEADERS,
    (b"content-security-policy", DASHBOARD_POLICY.encode()),
)

# A socket has no key until its connection_init: see api/auth.authenticate_connection.
SOCKET_USER = ApiKeyUser(None, MISSING_KEY)


def security_headers(path: str) -> Headers:
    if path == "/graphql":
        return GRAPHQL_HEADERS
    if path.startswith("/dashboard"):
        return DASHBOARD_HEADERS
    return COMMON_HEADERS


def new_request_id() -> str:
    return os.urandom(16).hex()  # as long as uuid4().hex, without building a UUID


class BodyTooLarge(Exception):
    pass


class Edge:
    """The middleware the module describes; `cors` wraps its inner half when given."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        limiter: FailedAuthLimiter,
        keys: VerifiedKeys | None = None,
        cors: Callable[[ASGIApp], ASGIApp] | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.limiter = limiter
        self.keys = keys
        self.inner: ASGIApp = self.guard if cors is None else cors(self.guard)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind != "http" and kind != "websocket":
            await self.app(scope, receive, send)
            return
        given = b""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                given = value  # the last one, as a dict of the headers would keep
        current = given.decode("latin-1")
        if not CALLER_ID.fullmatch(current):
            current = new_request_id()
        token = request_id.set(current)
        try:
            if kind == "websocket":
                await self.inner(scope, receive, send)
                return
            tagged = (b"x-request-id", current.encode())
            extra = security_headers(scope["path"])

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = message.get("headers", [])
                    names = {name.lower() for name, _ in headers}
                    message["headers"] = [
                        *headers,
                        *[header for header in extra if header[0] not in names],
                        tagged,
                    ]
                await send(message)

            # Gone before its body arrived (a closed tab, a timed-out client): there is no
            # one to answer, and nothing was done.
            with contextlib.suppress(ClientDisconnect):
                await self.inner(scope, receive, send_with_headers)
        finally:
            request_id.reset(token)

    async def guard(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The body cap and the key, inside CORS when it is configured."""
        if scope["type"] != "http":
            scope["user"] = SOCKET_USER
            await self.app(scope, receive, send)
            return
        authorization: bytes | None = None
        declared: bytes | None = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                if authorization is None:  # the first one, as Starlette's Headers.get
                    authorization = value
            elif name == b"content-length":
                declared = value
        streamed = True
        if declared is not None and declared.isdigit():
            if int(declared) > self.max_body_bytes:
                await self.refuse_body(send)
                return
            # The server delivers no more body than Content-Length declares: nothing to count.
            streamed = False
        client = scope.get("client")
        try:
            scope["user"] = await braked_user(
                None if authorization is None else authorization.decode("latin-1"),
                client[0] if client else "unknown",
                self.limiter,
                self.keys,
            )
        except TooManyFailures as error:
            await error.response()(scope, receive, send)
            return
        if not streamed:
            await self.app(scope, receive, send)
            return
        await self.counting(scope, receive, send)

    async def counting(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The app, refused with 413 as soon as its body goes over the cap (unless it has
        started answering by then)."""
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body_bytes:
                    raise BodyTooLarge
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracking)
        except BodyTooLarge:
            if not started:
                await self.refuse_body(send)

    async def refuse_body(self, send: Send) -> None:
        body = json.dumps(
            {
                "errors": [
                    {
                        "message": f"the request body is over {self.max_body_bytes} bytes",
                        "extensions": {"code": "REQUEST_TOO_LARGE"},
                    }
                ]
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})
