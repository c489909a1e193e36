"""`oms` as an operator runs it: separate processes against a temporary SQLite file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.database import committed_versions
from tests.support.servers import free_port

ROOT = Path(__file__).resolve().parents[2]


class Oms:
    def __init__(self, database: Path) -> None:
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite://{database}",
            "BROADCAST_URL": "memory://",
            "PYTHONPATH": str(ROOT),
        }

    def __call__(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "api.cli", *args],
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=120,
        )

    def serve(self, port: int) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )


@pytest.fixture
def oms(tmp_path: Path) -> Oms:
    return Oms(tmp_path / "oms.sqlite3")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Oms:
    """One migrated, seeded database for the module: its tests only add API keys."""
    oms = Oms(tmp_path_factory.mktemp("cli") / "oms.sqlite3")
    migrated = oms("migrate")
    assert migrated.returncode == 0, migrated.stderr
    versions = committed_versions("sqlite")
    assert migrated.stdout.strip() == (
        f"applied {len(versions)} migration(s): " + ", ".join(versions)
    ), migrated.stdout
    again = oms("migrate")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "applied 0 migration(s)"
    seeded = oms("seed-demo")
    assert seeded.returncode == 0, seeded.stderr
    assert "Demo API keys" in seeded.stdout
    return oms


@pytest.fixture(scope="module")
def server(seeded: Oms) -> Iterator[str]:
    port = free_port()
    process = seeded.serve(port)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.communicate()[0]
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "oms serve did not get ready in 30 s"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def viewer(url: str, secret: str) -> dict:
    response = httpx.post(
        f"{url}/graphql",
        json={"query": "{ viewer { name role locations { code } } }"},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _health_on(connection: socket.socket) -> bytes:
    """GET /healthz on an open keep-alive connection: the answer's first line, or b"" when
    the server has closed the connection."""
    connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: oms\r\n\r\n")
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        chunk = connection.recv(4096)
        if not chunk:
            break
        answer += chunk
    return answer.split(b"\r\n", 1)[0]


def test_serve_keeps_an_idle_connection_open_past_uvicorns_five_seconds(server: str) -> None:
    """A load balancer reuses its idle connections for up to its own idle timeout (60 s on
    AWS ALB and nginx): a server that closes them sooner races the balancer's next request
    on them, and that client gets no answer. `oms serve` keeps them OMS_KEEP_ALIVE_SECONDS
    (75 by default); uvicorn alone closes them after 5 s."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        assert _health_on(connection) == b"HTTP/1.1 200 OK"
        time.sleep(6)
        assert _health_on(connection) == b"HTTP/1.1 200 OK", "the server closed it when idle"


def test_create_api_key_prints_a_working_key_last(seeded: Oms, server: str) -> None:
    created = seeded("create-api-key", "--name", "x", "--role", "STAFF", "--location", "MSP-01")
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip().splitlines()[-1]
    assert secret.startswith("oms_") and " " not in secret
    assert "shown once" in created.stderr
    assert viewer(server, secret)["data"] == {
        "viewer": {"name": "x", "role": "STAFF", "locations": [{"code": "MSP-01"}]}
    }
    refused = viewer(server, secret[:-1] + ("x" if secret[-1] != "x" else "y"))
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_seed_demo_keys_work_and_seeding_twice_adds_no_data(seeded: Oms, server: str) -> None:
    again = seeded("seed-demo")
    assert again.returncode == 0, again.stderr
    admin_line = next(line for line in again.stdout.splitlines() if "demo admin" in line)
    secret = admin_line.split()[-1]
    assert viewer(server, secret)["data"]["viewer"]["role"] == "ADMIN"
    response = httpx.post(
        f"{server}/graphql",
        json={"query": "{ locations { totalCount } products { totalCount } }"},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=10,
    )
    assert response.json()["data"] == {
        "locations": {"totalCount": 3},
        "products": {"totalCount": 12},
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "STAFF", "--location", "NOPE"], "error: location NOPE does not exist"),
        (["--role", "VENDOR", "--vendor", "NOPE"], "error: vendor NOPE does not exist"),
        (["--role", "STAFF"], "error: a STAFF key needs at least one location"),
        (["--role", "VIEWER", "--channel", "web"], "error: a VIEWER key takes no channel"),
    ],
)
def test_create_api_key_explains_a_bad_scope(seeded: Oms, args: list[str], message: str) -> None:
    result = seeded("create-api-key", "--name", "x", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_create_api_key_refuses_an_unknown_role(oms: Oms) -> None:
    result = oms("create-api-key", "--name", "x", "--role", "ROOT")
    assert result.returncode == 2
    assert "invalid choice: 'ROOT'" in result.stderr


def test_serve_refuses_several_workers_on_the_memory_broadcaster(oms: Oms) -> None:
    result = oms("serve", "--workers", "2", "--port", str(free_port()))
    assert result.returncode != 0
    assert "--workers > 1 needs BROADCAST_URL=redis://" in result.stderr
    assert not (Path(oms.env["DATABASE_URL"].removeprefix("sqlite://"))).exists(), (
        "it refused before touching the database"
    )
