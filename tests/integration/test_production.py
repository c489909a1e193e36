"""`oms serve` as an operator runs it in production: several workers, a private Redis
that stops and starts, JSON logs, metrics that add up, and one-line failures at start."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from tests.support.database import ON_POSTGRES, drop_postgres_database
from tests.support.redis import needs_redis_server, redis_server
from tests.support.servers import ROOT, free_port, oms_env, oms_serve

PASSWORD = "s3cret-in-the-url"


def json_lines(lines: list[str]) -> list[dict]:
    """Every line parsed as one JSON object with the worker's pid (fails on any other)."""
    entries = [json.loads(line) for line in lines]
    assert all(isinstance(entry["pid"], int) for entry in entries)
    return entries


async def gql(base: str, query: str, secret: str | None = None) -> dict:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{base}/graphql", json={"query": query}, headers=headers)
    return response.json()


def counted(metrics: str, operation: str, outcome: str) -> float:
    line = f'oms_graphql_requests_total{{operation="{operation}",outcome="{outcome}"}} '
    return sum(float(t.removeprefix(line)) for t in metrics.splitlines() if t.startswith(line))


@needs_redis_server
async def test_metrics_add_up_across_two_workers_on_every_scrape(db: Settings) -> None:
    _, admin = await create_api_key("admin", Role.ADMIN)
    port = free_port()
    env = oms_env(db.database_url, f"redis://127.0.0.1:{port}", OMS_LOG_FORMAT="json")
    requests = 12
    async with redis_server(port), oms_serve(env, "--workers", "2") as (served, _):
        for _ in range(requests):
            assert (await gql(served.url, "{ viewer { role } }", admin))["data"]
        refused = await gql(
            served.url, 'mutation { createApiKey(input: {name: "x", role: STAFF}) { secret } }'
        )
        assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        user_error = await gql(
            served.url,
            'mutation { createApiKey(input: {name: " ", role: VIEWER}) '
            "{ secret userErrors { code } } }",
            admin,
        )
        assert user_error["data"]["createApiKey"]["userErrors"]
        assert (await gql(served.url, "query Attacker_Chosen_Name { nope_1 }", admin))["errors"]

        async def scrape() -> str:
            async with httpx.AsyncClient() as fresh:
                return (await fresh.get(f"{served.url}/metrics")).text

        # New connections, eight at a time, so that both workers accept some of them
        # (one at a time, a busy machine may hand them all to the same worker).
        scrapes = [
            text for _ in range(4) for text in await asyncio.gather(*(scrape() for _ in range(8)))
        ]
        async with httpx.AsyncClient() as client:
            ready = (await client.get(f"{served.url}/readyz")).json()
        assert ready == {"status": "ok", "database": "ok", "broadcast": "ok"}
    answered_by = {
        entry["pid"] for entry in json_lines(served.log) if "/metrics" in entry["message"]
    }
    assert len(answered_by) == 2, "both workers answered scrapes"
    for metrics in scrapes:
        assert counted(metrics, "query viewer", "ok") == requests
        assert counted(metrics, "mutation createApiKey", "refused") == 1
        assert counted(metrics, "mutation createApiKey", "user_error") == 1
        assert counted(metrics, "invalid", "refused") == 1
        assert "Attacker" not in metrics and "nope_1" not in metrics
        for gauge in (
            "oms_outbox_lag_seconds",
            "oms_webhook_backlog",
            "oms_webhook_backlog_oldest_seconds",
            "oms_acceptance_overdue",
            "oms_websocket_subscriptions_open",
            "oms_db_connections_in_use",
        ):
            assert f"\n{gauge} " in metrics, gauge


@needs_redis_server
async def test_readiness_follows_a_redis_outage_and_logs_it_once(db: Settings) -> None:
    port = free_port()
    url = f"redis://:{PASSWORD}@127.0.0.1:{port}"
    env = oms_env(db.database_url, url, OMS_LOG_FORMAT="json")
    auth = ("--requirepass", PASSWORD)

    async def readiness(expected: int, times: int = 6) -> dict:
        """Wait until `times` probes in a row (new connections: any worker) answer `expected`."""
        in_a_row, body = 0, {}
        for _ in range(300):
            async with httpx.AsyncClient() as client:
                response = await client.get(f"{served.url}/readyz")
            in_a_row = in_a_row + 1 if response.status_code == expected else 0
            body = response.json()
            if in_a_row == times:
                return body
            await asyncio.sleep(0.1)
        raise AssertionError(f"/readyz did not settle on {expected}: {body}")

    async with (
        contextlib.AsyncExitStack() as after_the_server,
        redis_server(port, *auth) as redis,
        oms_serve(env, "--workers", "2") as (served, _),
    ):
        redis.terminate()
        await asyncio.to_thread(redis.wait)
        down = await readiness(503)
        assert down["status"] == "unavailable" and down["database"] == "ok"
        assert f"127.0.0.1:{port}" in down["broadcast"], down
        await asyncio.sleep(3)  # many reconnection attempts, still one line each
        await after_the_server.enter_async_context(redis_server(port, *auth))
        assert await readiness(200) == {"status": "ok", "database": "ok", "broadcast": "ok"}
    entries = json_lines(served.log)
    text = "\n".join(served.log)
    assert PASSWORD not in text
    assert "Task was destroyed" not in text and "Traceback" not in text
    errors = [e for e in entries if e["level"] == "ERROR"]
    assert [e["message"].split("): ")[0] for e in errors] == [
        f"broadcast unreachable (redis at 127.0.0.1:{port}"
    ] * 2, [e["message"] for e in errors]
    assert len({e["pid"] for e in errors}) == 2
    back = [e for e in entries if "broadcast reachable again" in e["message"]]
    assert len(back) == 2 and all(e["level"] == "INFO" for e in back), back
    access = [e for e in entries if e["logger"] == "uvicorn.access"]
    assert access and all(e.get("request_id") for e in access)


def oms(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: "), line
    return line


def test_startup_failures_are_one_line_and_status_2(tmp_path: Path) -> None:
    sqlite = f"sqlite://{tmp_path / 'oms.sqlite3'}"
    closed = free_port()
    cases = [
        (
            {"DATABASE_URL": f"postgres://oms:pw@127.0.0.1:{closed}/oms"},
            f"cannot reach PostgreSQL at 127.0.0.1:{closed}",
        ),
        ({"BROADCAST_URL": f"redis://:pw@127.0.0.1:{closed}"}, f"Redis at 127.0.0.1:{closed}"),
        ({"DATABASE_URL": "mysql://db/oms"}, "DATABASE_URL='mysql://db/oms' is not valid"),
        ({"OMS_MAX_BODY_BYTES": "lots"}, "OMS_MAX_BODY_BYTES='lots' is not valid"),
        ({"OMS_SLA_SWEEP_SECONDS": "0"}, "OMS_SLA_SWEEP_SECONDS='0' is not valid: must be above 0"),
        (
            {"DATABASE_URL": f"sqlite://{tmp_path / 'no' / 'such' / 'oms.sqlite3'}"},
            "which does not exist",
        ),
    ]
    for change, message in cases:
        env = {**oms_env(sqlite, "memory://"), **change}
        line = one_error_line(oms(env, "serve", "--port", str(closed)))
        assert message in line, line
        assert ":pw@" not in line


@pytest.mark.skipif(not ON_POSTGRES, reason="needs the PostgreSQL server")
def test_a_missing_postgres_database_is_named_with_the_fix() -> None:
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env = oms_env(f"{base}/oms_no_such_database", "memory://", OMS_LOG_FORMAT="json")
    result = oms(env, "serve", "--port", str(free_port()))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    message = json.loads(line)["message"]
    assert "database 'oms_no_such_database' does not exist" in message
    assert "createdb" in message


def test_every_command_documents_its_options_and_the_environment() -> None:
    env = oms_env("sqlite://unused.sqlite3", "memory://")
    top = oms(env, "--help").stdout
    commands = ["serve", "check", "migrate", "seed-demo", "create-api-key", "makemigrations"]
    assert all(name in top for name in commands)
    for name in commands:
        text = oms(env, name, "--help").stdout
        assert "DATABASE_URL" in text and "OMS_LOG_FORMAT" in text, name
    serve = oms(env, "serve", "--help").stdout
    assert "(default: 8000)" in serve and "(default: memory://)" in serve


async def test_check_reports_database_migrations_and_broadcast(db: Settings) -> None:
    env = oms_env(db.database_url, "memory://")
    result = await asyncio.to_thread(oms, env, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["settings", "ok"],
        ["database", "ok"],
        ["migrations", "ok"],
        ["broadcast", "ok"],
    ]
    closed = free_port()
    bad = await asyncio.to_thread(
        oms, {**env, "BROADCAST_URL": f"redis://127.0.0.1:{closed}"}, "check"
    )
    assert bad.returncode == 2
    assert bad.stdout.splitlines()[-1].startswith("broadcast  BAD")


async def test_serve_without_keys_says_how_to_create_one(tmp_path: Path) -> None:
    env = oms_env(f"sqlite://{tmp_path / 'oms.sqlite3'}", "memory://")
    async with oms_serve(env) as (served, _):
        pass
    assert any(
        "no API key exists" in line and "oms create-api-key --name admin --role ADMIN" in line
        for line in served.log
    ), served.log


async def test_demo_on_restart_keeps_the_data_and_only_the_printed_keys_work(
    tmp_path: Path,
) -> None:
    env = oms_env(f"sqlite://{tmp_path / 'oms.sqlite3'}", "memory://")

    async def demo_run() -> tuple[dict[str, str], list[dict]]:
        async with oms_serve(env, "--demo") as (served, _):
            printed = served.printed()
            keys = {
                line.split()[0]: line.split()[-1]
                for line in printed.splitlines()
                if line.strip().split()[-1].startswith("oms_")
            }
            assert len(keys) == 5 and keys["ADMIN"], printed
            answers = [
                await gql(served.url, "{ locations { totalCount } viewer { role } }", secret)
                for secret in (keys["ADMIN"], *previous.values())
            ]
        return keys, answers

    previous: dict[str, str] = {}
    first, _ = await demo_run()
    previous = first
    second, answers = await demo_run()
    assert second["ADMIN"] != first["ADMIN"]
    assert answers[0]["data"] == {"locations": {"totalCount": 3}, "viewer": {"role": "ADMIN"}}
    for answer in answers[1:]:
        assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", answer


@pytest.mark.skipif(not ON_POSTGRES, reason="drops and re-creates a PostgreSQL database")
async def test_readiness_follows_a_database_outage_and_logs_it_once(db: Settings) -> None:
    from tests.support.database import BASE_URL, fresh_postgres_url

    url = await fresh_postgres_url(BASE_URL, f"oms_outage_{os.getpid()}")
    name = url.rsplit("/", 1)[1]
    env = oms_env(url, "memory://", OMS_LOG_FORMAT="json", OMS_HEALTH_PROBE_SECONDS="0.5")
    async with oms_serve(env) as (served, _):
        await drop_postgres_database(url)
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                response = await client.get(f"{served.url}/readyz")
                if response.status_code == 503:
                    break
                await asyncio.sleep(0.1)
            assert response.status_code == 503
            assert response.json()["database"] != "ok"
            await asyncio.sleep(2)  # several probes fail: still one line
            await fresh_postgres_url(BASE_URL, name)
            for _ in range(100):
                response = await client.get(f"{served.url}/readyz")
                if response.status_code == 200:
                    break
                await asyncio.sleep(0.1)
            assert response.json() == {"status": "ok", "database": "ok", "broadcast": "ok"}
    await drop_postgres_database(url)
    entries = json_lines(served.log)
    down = [e for e in entries if e["message"].startswith("database unreachable")]
    assert len(down) == 1 and down[0]["level"] == "ERROR", down
    assert f"127.0.0.1:5432/{name}" in down[0]["message"]
    back = [e for e in entries if e["message"].startswith("database reachable again")]
    assert len(back) == 1 and back[0]["level"] == "INFO", back
