"""API keys: issue, revoke, and turn a presented secret into an actor."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.rules.limits import MAX_KEY_LOCATIONS, at_most
from models.rules.scopes import Actor, Role, scope_problem
from models.tables import ApiKey, Location, OutboxEvent, Vendor

KEY_PREFIX = "oms"
# How stale `last_used_at` may get before a request refreshes it: a write per
# request would cost more than the information is worth.
LAST_USED_RESOLUTION = timedelta(minutes=5)
# The shape of every secret we hand out, checked before anything else looks at it: a
# value too long for the public_id column, or holding NUL, a surrogate or other
# non-ASCII, reaches neither the database nor the hash as a failure of its own.
KEY_SHAPE = re.compile(KEY_PREFIX + r"_([0-9A-Za-z-]{1,32})_[0-9A-Za-z_-]{1,200}")
# The outbox stream that tells every server process a key was revoked: each keeps the keys
# it verified for a few seconds (api/auth.py) and forgets them when this rings.
API_KEYS_STREAM = "api-keys"
REVOKED = "API_KEY_REVOKED"


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def actor_of(key: ApiKey) -> Actor:
    return Actor(
        role=Role(key.role),
        name=key.name,
        key_id=key.id,
        location_ids=frozenset(key.location_ids),
        vendor_id=key.vendor_id,
        channel=key.channel,
    )


async def create_api_key(
    name: str,
    role: Role,
    location_ids: Sequence[int] = (),
    vendor_id: int | None = None,
    channel: str | None = None,
) -> tuple[ApiKey, str]:
    """A new key and its secret. The secret exists only in the return value."""
    name = name.strip()
    if not name:
        raise invalid("name must not be blank", ["name"])
    channel = channel.strip() if channel else None
    problem = scope_problem(role, frozenset(location_ids), vendor_id, channel)
    if problem:
        raise invalid(problem, ["role"])
    at_most(len(set(location_ids)), MAX_KEY_LOCATIONS, "a key's locations", "locationIds")
    async with in_transaction():
        if location_ids:
            found = set(await Location.filter(id__in=location_ids).values_list("id", flat=True))
            missing = sorted(set(location_ids) - found)
            if missing:
                raise not_found("location", missing[0], ["locationIds"])
        if vendor_id is not None and not await Vendor.exists(id=vendor_id):
            raise not_found("vendor", vendor_id, ["vendorId"])
        public_id = secrets.token_hex(6)
        secret = f"{KEY_PREFIX}_{public_id}_{secrets.token_urlsafe(24)}"
        key = await ApiKey.create(
            public_id=public_id,
            secret_hash=secret_hash(secret),
            name=name,
            role=role.value,
            location_ids=sorted(set(location_ids)),
            vendor_id=vendor_id,
            channel=channel,
        )
    return key, secret


async def revoke_api_key(key_id: int) -> ApiKey:
    async with in_transaction():
        key = await ApiKey.get_or_none(id=key_id)
        if key is None:
            raise not_found("API key", key_id, ["id"])
        if key.revoked_at is None:
            key.revoked_at = datetime.now(UTC)
            await key.save(update_fields=["revoked_at", "updated_at"])
            await OutboxEvent.create(
                stream=API_KEYS_STREAM, type=REVOKED, payload={"apiKeyId": key.id}
            )
    return key


async def revoke_api_keys_named(names: Sequence[str]) -> int:
    """Revoke every live key with one of these names; how many were revoked."""
    async with in_transaction():
        revoked = await ApiKey.filter(name__in=list(names), revoked_at=None).update(
            revoked_at=datetime.now(UTC)
        )
        if revoked:
            await OutboxEvent.create(
                stream=API_KEYS_STREAM, type=REVOKED, payload={"names": sorted(names)}
            )
    return revoked


async def any_live_key() -> bool:
    return await ApiKey.filter(revoked_at=None).exists()


class AuthenticationFailed(Exception):
    pass


async def authenticate(secret: str) -> Actor:
    """The actor behind a presented secret, or AuthenticationFailed saying why."""
    shape = KEY_SHAPE.fullmatch(secret)
    if shape is None:
        raise AuthenticationFailed("the API key is malformed")
    key = await ApiKey.get_or_none(public_id=shape[1])
    if key is None or not hmac.compare_digest(key.secret_hash, secret_hash(secret)):
        raise AuthenticationFailed("the API key is not valid")
    if key.revoked_at is not None:
        raise AuthenticationFailed("the API key was revoked")
    now = datetime.now(UTC)
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        await ApiKey.filter(id=key.id).update(last_used_at=now)
    return actor_of(key)


def role_of(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise DomainError(ErrorCode.INVALID, f"unknown role {value!r}", ["role"]) from None
