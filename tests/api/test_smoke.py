import httpx

from tests.support.gql import Gql


async def test_viewer_answers_who_the_key_is(admin: Gql) -> None:
    data = await admin("{ viewer { name role } }")
    assert data["viewer"] == {"name": "test admin", "role": "ADMIN"}


async def test_health_and_readiness(live_server: str) -> None:
    # A real server: readiness includes the broadcast hub, which runs in the app's lifespan.
    async with httpx.AsyncClient(base_url=live_server) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        ready = (await client.get("/readyz")).json()
    assert ready == {"status": "ok", "database": "ok", "broadcast": "ok"}
