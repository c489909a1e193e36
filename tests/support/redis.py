"""A private redis-server that a test starts, stops and starts again (outages on purpose)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs the redis-server binary"
)


@asynccontextmanager
async def redis_server(port: int, *options: str) -> AsyncIterator[subprocess.Popen[bytes]]:
    """A private Redis the test may stop and start at will (`options`: more redis-server flags)."""
    process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            *options,
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            probe = await asyncio.create_subprocess_exec(
                "redis-cli",
                "-p",
                str(port),
                *(
                    ["--no-auth-warning", "-a", options[1]]
                    if options[:1] == ("--requirepass",)
                    else []
                ),
                "ping",
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            if await probe.wait() == 0:
                break
            await asyncio.sleep(0.1)
        yield process
    finally:
        process.terminate()
        await asyncio.to_thread(process.wait)
