"""Webhook subscriptions: an ADMIN, PARTNER or VENDOR key names a URL, a secret and the
topics it wants; deliveries then follow the key's scope (models.rules.webhooks)."""

from __future__ import annotations

from collections.abc import Sequence

from models.errors import invalid, not_found
from models.operations.webhooks import checked_webhook_url
from models.rules.scopes import Actor, Role
from models.rules.webhooks import WebhookTopic, topics_problem
from models.tables import WebhookSubscription

SECRET_LENGTH = (16, 200)  # shortest and longest; the column is 200 wide


def owned_by(actor: Actor) -> Sequence[int] | None:
    """The keys whose subscriptions `actor` may see and delete; None: every key (ADMIN)."""
    if actor.role is Role.ADMIN:
        return None
    return [actor.key_id] if actor.key_id is not None else []


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
    found = WebhookSubscription.filter(id=subscription_id)
    if (keys := owned_by(actor)) is not None:
        found = found.filter(api_key_id__in=keys)
    if not await found.delete():
        raise not_found("webhook subscription", subscription_id, ["id"])
