"""Webhook subscriptions: an ADMIN, PARTNER or VENDOR key names a URL, a secret and the
topics it wants; deliveries then follow the key's scope (models.rules.webhooks)."""

from __future__ import annotations

from collections.abc import Sequence

from models.errors import invalid, not_found
from models.operations.visibility import visible_webhook_subscriptions
from models.operations.webhooks import checked_webhook_url
from models.rules.scopes import Actor
from models.rules.webhooks import WebhookTopic, topics_problem
from models.tables import WebhookSubscription

SECRET_LENGTH = (16, 200)  # shortest and longest; the column is 200 wide


async def create_subscription(
    actor: Actor, url: str, secret: str, topics: Sequence[WebhookTopic], allow_private: bool
) -> WebhookSubscription:
    if actor.key_id is None:
        raise invalid("only an API key may subscribe", ["url"])
    if (problem := topics_problem(actor.role, topics)) is not None:
        raise invalid(problem, ["topics"])
    shortest, longest = SECRET_LENGTH
    if not shortest <= len(secret) <= longest:
        raise invalid(f"secret takes {shortest} to {longest} characters", ["secret"])
    checked = await checked_webhook_url(url, allow_private, "url")
    return await WebhookSubscription.create(
        api_key_id=actor.key_id,
        url=checked,
        secret=secret,
        topics=sorted({topic.value for topic in topics}),
    )


async def delete_subscription(actor: Actor, subscription_id: int) -> None:
    """Its pending deliveries go with it."""
    found = visible_webhook_subscriptions(actor).filter(id=subscription_id)
    if not await found.delete():
        raise not_found("webhook subscription", subscription_id, ["id"])
