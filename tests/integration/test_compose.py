"""compose.yaml cannot be run here (no Docker engine): it is parsed and held to its promises."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_two_oms_replicas_on_postgres_and_redis_with_health_checks() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    replicas = [s for s in services.values() if s.get("build") == "."]
    assert len(replicas) == 2
    assert set(services) - {"oms", "oms-2"} == {"db", "cache"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["cache"]["image"].startswith("redis:")
    for name, service in services.items():
        assert service["healthcheck"]["test"][0] == "CMD", name
    for replica in replicas:
        env = replica["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
        assert env["BROADCAST_URL"] == "redis://cache:6379"
        assert replica["command"][:2] == ["oms", "serve"] and "--workers" in replica["command"]
        for backend in ("db", "cache"):
            assert replica["depends_on"][backend]["condition"] == "service_healthy"
        assert "/readyz" in replica["healthcheck"]["test"][-1]
    # The README's first-key step names a service that exists.
    readme = (ROOT / "README.md").read_text()
    assert "docker compose exec oms oms create-api-key" in readme
