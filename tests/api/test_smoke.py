from tests.support.gql import Gql


async def test_viewer_answers_who_the_key_is(admin: Gql) -> None:
    data = await admin("{ viewer { name role } }")
    assert data["viewer"] == {"name": "test admin", "role": "ADMIN"}


async def test_health_and_readiness(client) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ok"}
