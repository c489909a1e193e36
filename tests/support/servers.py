"""Real servers on free ports: the OMS under uvicorn (`serve` for a test's lifetime,
`Uvicorn` to kill and restart, with extra environment and a readable log), any app under
uvicorn in this process (`in_process`), a vendor's webhook receiver, and placing an order
on a running server."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from tests.support.gql import PLACE, order_input


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def serve(database_url: str, broadcast_url: str, workers: int = 1) -> AsyncIterator[str]:
    """A real uvicorn on a free port; fails the test if the server logged a traceback."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "BROADCAST_URL": broadcast_url}
    command = [sys.executable, "-m", "uvicorn", "api.main:app", "--port", str(port)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block; we poll it
            [*command, "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            async with httpx.AsyncClient() as probe:
                for _ in range(150):
                    with contextlib.suppress(httpx.TransportError):
                        if (await probe.get(f"{base}/readyz")).status_code == 200:
                            break
                    await asyncio.sleep(0.1)
                else:
                    raise RuntimeError("uvicorn did not start")
            yield base
        finally:
            process.terminate()
            try:
                await asyncio.to_thread(process.wait, 10)
            except subprocess.TimeoutExpired:
                process.kill()
                await asyncio.to_thread(process.wait)
            log.seek(0)
            output = log.read().decode(errors="replace")
            assert "Traceback" not in output, output[-4000:]


UVICORN = ("-m", "uvicorn", "api.main:app")

# `oms serve`: configures the app's logging (OMS_LOG_FORMAT) as production does.
OMS_SERVE = ("-m", "api.cli", "serve")

START_SECONDS = 30.0


class Uvicorn:
    """A server process in its own session, so that a signal reaches its workers too."""

    def __init__(
        self,
        database_url: str,
        broadcast_url: str,
        log_path: Path,
        *,
        workers: int = 1,
        env: Mapping[str, str] | None = None,
        command: Sequence[str] = UVICORN,
    ) -> None:
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "BROADCAST_URL": broadcast_url,
            **(env or {}),
        }
        self.log_path = log_path
        self.workers = workers
        self.command = command
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    async def start(self) -> str:
        """Start it and wait (30 s at most) until it answers /readyz."""
        port, workers = str(self.port), str(self.workers)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block
                [sys.executable, *self.command, "--port", port, "--workers", workers],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        loop = asyncio.get_running_loop()
        deadline = loop.time() + START_SECONDS
        async with httpx.AsyncClient(timeout=2) as probe:
            while loop.time() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server exited at start:\n{self.log()[-4000:]}")
                with contextlib.suppress(httpx.TransportError):
                    if (await probe.get(f"{self.base}/readyz")).status_code == 200:
                        if self.workers > 1:
                            # One worker answered; give the others time to boot too.
                            await asyncio.sleep(1.5)
                        return self.base
                await asyncio.sleep(0.1)
        await self.kill()
        raise RuntimeError(f"the server did not start in {START_SECONDS} s:\n{self.log()[-4000:]}")

    async def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, no transaction in flight is finished."""
        await self._signal(signal.SIGKILL, wait=10)

    async def stop(self) -> None:
        """SIGTERM, as a deployment stops it; SIGKILL if it has not stopped in 10 s."""
        try:
            await self._signal(signal.SIGTERM, wait=10)
        except subprocess.TimeoutExpired:
            await self.kill()

    async def _signal(self, signum: int, wait: float) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # The whole session: uvicorn's workers would otherwise live on, still serving.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)
        await asyncio.to_thread(self.process.wait, wait)

    async def __aenter__(self) -> Uvicorn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


@dataclass
class Received:
    headers: dict[str, str]  # lower-case names
    body: bytes


@dataclass
class Receiver:
    """A vendor's webhook endpoint under uvicorn on 127.0.0.1: records every POST, answers
    500 to the first `failures` of them, and holds each answer `delay` seconds."""

    port: int = field(default_factory=free_port)
    failures: int = 0
    delay: float = 0.0
    requests: list[Received] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/oms"

    async def _endpoint(self, request: Request) -> Response:
        self.requests.append(Received(dict(request.headers), await request.body()))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures > 0:
            self.failures -= 1
            return PlainTextResponse("try later", status_code=500)
        return PlainTextResponse("ok")

    @contextlib.asynccontextmanager
    async def serve(self) -> AsyncIterator[Receiver]:
        app = Starlette(routes=[Route("/hooks/oms", self._endpoint, methods=["POST"])])
        async with in_process(app, self.port):
            yield self


@asynccontextmanager
async def in_process(app: Any, port: int) -> AsyncIterator[str]:
    """`app` under uvicorn in this process on 127.0.0.1:`port` (no lifespan: the caller
    starts what the app needs), for the block; its base URL."""
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
        timeout_graceful_shutdown=1,
    )  # fmt: skip
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(1000):  # uvicorn offers a flag, not an event, for "listening"
            if server.started:
                break
            await asyncio.sleep(0.01)
        else:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def place(base: str, secret: str, lines: list[tuple[str, int]]) -> dict:
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {secret}"}) as c:
        body = (
            await c.post(
                "/graphql", json={"query": PLACE, "variables": {"input": order_input(lines)}}
            )
        ).json()
    assert not body.get("errors"), body
    return body["data"]["placeOrder"]["order"]


ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Served:
    url: str
    log: list[str]  # stderr lines, filled when the server has stopped
    stdout: Path
    output: str | None = None  # all it printed on stdout, once it has stopped

    def printed(self) -> str:
        """What the server printed on stdout so far."""
        return self.output if self.output is not None else self.stdout.read_text()


def oms_env(database_url: str, broadcast_url: str, **more: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "BROADCAST_URL": broadcast_url,
        "PYTHONPATH": str(ROOT),
        **more,
    }


@asynccontextmanager
async def oms_serve(
    env: dict[str, str], *args: str
) -> AsyncIterator[tuple[Served, subprocess.Popen[bytes]]]:
    """`oms serve` on a free port, ready; its stderr lines in `Served.log` once it stopped."""
    port = free_port()
    with tempfile.TemporaryFile() as log, tempfile.NamedTemporaryFile() as stdout:
        served = Served(f"http://127.0.0.1:{port}", [], Path(stdout.name))
        process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block; we poll it
            [sys.executable, "-m", "api.cli", "serve", *("--port", str(port), *args)],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=log,
        )
        try:
            async with httpx.AsyncClient() as probe:
                for _ in range(600):
                    assert process.poll() is None, "oms serve ended early"
                    with contextlib.suppress(httpx.TransportError):
                        if (await probe.get(f"{served.url}/readyz")).status_code == 200:
                            break
                    await asyncio.sleep(0.1)
                else:
                    raise RuntimeError("oms serve did not get ready in 60 s")
            yield served, process
        finally:
            process.terminate()
            try:
                await asyncio.to_thread(process.wait, 20)
            except subprocess.TimeoutExpired:
                process.kill()
                await asyncio.to_thread(process.wait)
            log.seek(0)
            served.log = log.read().decode(errors="replace").splitlines()
            served.output = served.stdout.read_text()
