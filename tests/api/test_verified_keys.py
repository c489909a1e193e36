"""Keys verified once are answered from memory for a while, and a revocation is heard by
every process at once (api/auth.VerifiedKeys)."""

from __future__ import annotations

import httpx

from api.auth import VerifiedKeys, user_from_header
from api.hub import Hub
from models.operations.access import API_KEYS_STREAM, create_api_key
from models.rules.scopes import Role
from models.tables import ApiKey, OutboxEvent
from resolvers.ids import encode_id

VIEWER = {"query": "{ viewer { role } }"}
REVOKE = """mutation($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { revoked } userErrors { code } } }"""


async def test_memory_answers_until_the_doorbell_rings(db) -> None:
    key, secret = await create_api_key("tablet", Role.VIEWER)
    async with Hub("memory://") as hub, VerifiedKeys(hub) as keys:
        assert (await user_from_header(f"Bearer {secret}", keys)).actor is not None
        # Revoked behind the cache's back (no outbox row, no announcement): memory answers.
        await ApiKey.filter(id=key.pk).update(revoked_at=key.created_at)
        assert (await user_from_header(f"Bearer {secret}", keys)).actor is not None
        hub.ring(API_KEYS_STREAM)
        user = await user_from_header(f"Bearer {secret}", keys)
        assert (user.actor, user.problem) == (None, "the API key was revoked")


async def test_nothing_is_kept_while_the_hub_is_down(db) -> None:
    key, secret = await create_api_key("tablet", Role.VIEWER)
    hub = Hub("memory://")  # never started: not connected
    async with VerifiedKeys(hub) as keys:
        assert (await user_from_header(f"Bearer {secret}", keys)).actor is not None
        await ApiKey.filter(id=key.pk).update(revoked_at=key.created_at)
        assert (await user_from_header(f"Bearer {secret}", keys)).actor is None


async def test_revoking_writes_the_doorbell_in_the_outbox(db, admin) -> None:
    key, _ = await create_api_key("leaver", Role.VIEWER)
    await admin.mutate(REVOKE, {"input": {"id": encode_id("ApiKey", key.pk)}})
    rows = await OutboxEvent.filter(stream=API_KEYS_STREAM).values("type", "payload")
    assert rows == [{"type": "API_KEY_REVOKED", "payload": {"apiKeyId": key.pk}}]


async def test_a_revoked_key_is_refused_at_once_by_every_worker(live_server: str) -> None:
    """Two workers on PostgreSQL + Redis (one on SQLite): each has the key in memory, then
    the first request after revokeApiKey's answer, on any worker, is refused."""
    _, admin = await create_api_key("admin", Role.ADMIN)
    key, secret = await create_api_key("tablet", Role.VIEWER)
    bearer = {"Authorization": f"Bearer {secret}"}

    async def viewer_on_new_connections(times: int) -> list[dict]:
        answers = []
        for _ in range(times):  # a new connection each: the workers share the socket
            async with httpx.AsyncClient(base_url=live_server) as client:
                answers.append((await client.post("/graphql", json=VIEWER, headers=bearer)).json())
        return answers

    assert all(a["data"]["viewer"]["role"] == "VIEWER" for a in await viewer_on_new_connections(16))
    async with httpx.AsyncClient(base_url=live_server) as client:
        revoked = await client.post(
            "/graphql",
            json={"query": REVOKE, "variables": {"input": {"id": encode_id("ApiKey", key.pk)}}},
            headers={"Authorization": f"Bearer {admin}"},
        )
    assert revoked.json()["data"]["revokeApiKey"]["apiKey"] == {"revoked": True}
    for answer in await viewer_on_new_connections(16):
        assert answer["errors"][0]["message"] == "the API key was revoked", answer
