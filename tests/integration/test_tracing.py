"""One placeOrder traced from the HTTP request to the relay's publish and the webhook POST it
caused, through `oms serve` with the standard OTEL_* variables (the SDK's console exporter,
read back from stdout)."""

from __future__ import annotations

import asyncio
import json

import httpx

from api.settings import Settings
from models.operations.access import create_api_key
from models.rules.scopes import Role
from tests.support.factories import twin_cities
from tests.support.servers import Receiver, oms_env, oms_serve, place

SUBSCRIBE = """mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { userErrors { message } } }"""


def spans_in(text: str) -> list[dict]:
    """The JSON span objects the console exporter printed, one after another."""
    decoder, spans, at = json.JSONDecoder(), [], 0
    while (at := text.find("{", at)) != -1:
        span, at = decoder.raw_decode(text, at)
        spans.append(span)
    return spans


async def test_a_placed_order_is_one_trace_from_request_to_relay(db: Settings) -> None:
    await twin_cities({"MUG": (9, 0, 0)})
    _, admin = await create_api_key("admin", Role.ADMIN)
    env = oms_env(
        db.database_url,
        "memory://",
        OTEL_TRACES_EXPORTER="console",
        OTEL_BSP_SCHEDULE_DELAY="100",
        OMS_WEBHOOK_ALLOW_PRIVATE="true",
        OMS_WEBHOOK_POLL_SECONDS="0.2",
    )
    receiver = Receiver()
    async with receiver.serve(), oms_serve(env) as (served, _):
        hook = {"url": receiver.url, "secret": "whsec-tracing-0001", "topics": ["ORDER_CREATED"]}
        async with httpx.AsyncClient() as client:
            answer = await client.post(
                f"{served.url}/graphql",
                json={"query": SUBSCRIBE, "variables": {"input": hook}},
                headers={"Authorization": f"Bearer {admin}"},
            )
        assert answer.json()["data"]["createWebhookSubscription"]["userErrors"] == []
        order = await place(served.url, admin, [("MUG", 1)])
        for _ in range(100):  # the relay publishes, and the dispatcher POSTs, within seconds
            if receiver.requests:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # the exporter's batch
    spans = spans_in(served.printed())
    by_id = {span["context"]["span_id"]: span for span in spans}
    (resolver,) = [s for s in spans if s["name"] == "GraphQL Resolving: placeOrder"]
    trace_id = resolver["context"]["trace_id"]
    in_trace = [s for s in spans if s["context"]["trace_id"] == trace_id]
    names = {s["name"] for s in in_trace}
    assert "POST /graphql" in names, names
    assert any(name.startswith("GraphQL Query") for name in names), names
    assert {"INSERT", "SELECT"} <= names, names
    published = [s for s in in_trace if s["name"] == "outbox publish"]
    assert published, "the relay's publish joined the request's trace"
    for span in published:
        assert by_id[span["parent_id"]] is resolver
    (posted,) = [s for s in in_trace if s["name"] == "webhook POST"]
    parent = by_id[posted["parent_id"]]
    assert parent is resolver, "the webhook POST joined the trace of the request that caused it"
    # A span is named by its statement's first word: the order's INSERT starts with WITH.
    statements = [s["attributes"].get("db.statement", "") for s in in_trace]
    assert any('INSERT INTO "order"' in statement for statement in statements), statements
    assert order["number"]
