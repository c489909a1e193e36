"""Routing rules and routing settings: how admins steer the routing engine, and what the
engine reads back (`active_rule_specs`, `split_policy`).

Rules are stored normalized (trimmed, deduplicated, codes uppercased) so that what the API
shows is exactly what the engine compares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import invalid, not_found
from models.operations.catalog import check_sku
from models.rules import ranges
from models.rules.limits import MAX_ROUTING_RULES, MAX_RULE_LOCATIONS, at_most
from models.rules.routing import (
    RoutingAction,
    RuleSpec,
    SplitPolicy,
    country_code,
    is_country_code,
    postal_code,
    region_code,
)
from models.tables import ConfigVersion, Location, RoutingRule, RoutingSettings, Vendor

# The engine evaluates rules by ascending priority; the id makes equal priorities stable.
EVALUATION_ORDER = ("priority", "id")
SETTINGS_ID = 1
NAME_MAX_LENGTH = 200  # the routing_rule.name column
DEFAULT_PRIORITY = 100

RULE_FIELDS = frozenset(
    {
        "name",
        "priority",
        "active",
        "skus",
        "tags",
        "channels",
        "destination_countries",
        "destination_regions",
        "postal_code_prefixes",
        "action",
        "vendor_id",
        "location_ids",
    }
)
SETTINGS_FIELDS = frozenset(
    {
        "max_splits",
        "split_lines",
        "acceptance_minutes",
        "backorders",
        "return_window_days",
        "pickup_hold_days",
    }
)
_SETTING_RANGES = {
    "max_splits": ranges.MAX_SPLITS,
    "acceptance_minutes": ranges.ACCEPTANCE_MINUTES,
    "return_window_days": ranges.RETURN_WINDOW_DAYS,
    "pickup_hold_days": ranges.PICKUP_HOLD_DAYS,
}


class BackorderPolicy(StrEnum):
    """What placing an order does with quantity no location can fill."""

    ALLOW = "ALLOW"  # the order is placed BACKORDERED and routed again when stock arrives
    REJECT = "REJECT"  # the placement is refused with a userError


async def create_rule(
    name: str,
    action: RoutingAction | str,
    *,
    priority: int = DEFAULT_PRIORITY,
    active: bool = True,
    skus: Sequence[str] = (),
    tags: Sequence[str] = (),
    channels: Sequence[str] = (),
    destination_countries: Sequence[str] = (),
    destination_regions: Sequence[str] = (),
    postal_code_prefixes: Sequence[str] = (),
    vendor_id: int | None = None,
    location_ids: Sequence[int] = (),
) -> RoutingRule:
    values = _clean(
        {
            "name": name,
            "priority": priority,
            "active": active,
            "skus": skus,
            "tags": tags,
            "channels": channels,
            "destination_countries": destination_countries,
            "destination_regions": destination_regions,
            "postal_code_prefixes": postal_code_prefixes,
            "action": action,
            "vendor_id": vendor_id,
            "location_ids": location_ids,
        }
    )
    _check_target(values["action"], values["vendor_id"], values["location_ids"])
    async with in_transaction():
        # Every write to routing_rule takes this row's lock in its trigger anyway: taking it
        # first makes the count and the insert one step, so two creations cannot both pass.
        await ConfigVersion.select_for_update().get(id=1)
        await _check_exist(values["vendor_id"], values["location_ids"])
        rules = await RoutingRule.all().count()
        at_most(rules + 1, MAX_ROUTING_RULES, "routing rules (delete or merge some)", "name")
        return await RoutingRule.create(**values)


async def update_rule(rule_id: int, **changes: Any) -> RoutingRule:
    """Change the given fields (names as in `create_rule`); `vendor_id=None` clears the vendor.

    The action, vendor and locations are checked together on the result, so switching a rule
    from DROP_SHIP to SHIP_FROM means sending `vendor_id=None` and `location_ids` with it.
    """
    _refuse_unknown(changes, RULE_FIELDS)
    values = _clean(changes)
    async with in_transaction():
        rule = await RoutingRule.select_for_update().get_or_none(id=rule_id)
        if rule is None:
            raise not_found("routing rule", rule_id, ["id"])
        action = values.get("action", RoutingAction(rule.action))
        vendor_id = values.get("vendor_id", _vendor_id(rule))
        location_ids = values.get("location_ids", rule.location_ids)
        _check_target(action, vendor_id, location_ids)
        await _check_exist(values.get("vendor_id"), values.get("location_ids", ()))
        rule.update_from_dict(values)
        await rule.save()
    return rule


async def delete_rule(rule_id: int) -> None:
    deleted = await RoutingRule.filter(id=rule_id).delete()
    if not deleted:
        raise not_found("routing rule", rule_id, ["id"])


async def rules_in_order() -> list[RoutingRule]:
    """Every rule, active or not, in the order the engine evaluates them."""
    return await RoutingRule.all().order_by(*EVALUATION_ORDER)


async def active_rule_specs() -> list[RuleSpec]:
    """The active rules as the routing engine takes them, in evaluation order."""
    rules = await RoutingRule.filter(active=True).order_by(*EVALUATION_ORDER)
    vendor_ids = {vendor_id for rule in rules if (vendor_id := _vendor_id(rule)) is not None}
    codes = (
        dict(await Vendor.filter(id__in=vendor_ids).values_list("id", "code")) if vendor_ids else {}
    )
    return [_spec(rule, codes) for rule in rules]


def _vendor_id(rule: RoutingRule) -> int | None:
    return rule.vendor_id


def _spec(rule: RoutingRule, vendor_codes: dict[int, str]) -> RuleSpec:
    vendor_id = _vendor_id(rule)
    return RuleSpec(
        id=rule.id,
        name=rule.name,
        priority=rule.priority,
        action=RoutingAction(rule.action),
        skus=frozenset(rule.skus),
        tags=frozenset(rule.tags),
        channels=frozenset(rule.channels),
        destination_countries=frozenset(rule.destination_countries),
        destination_regions=frozenset(rule.destination_regions),
        postal_code_prefixes=tuple(rule.postal_code_prefixes),
        vendor_id=vendor_id,
        vendor_code=vendor_codes.get(vendor_id) if vendor_id is not None else None,
        location_ids=frozenset(rule.location_ids),
    )


async def current_settings() -> RoutingSettings:
    """The settings row, created with the defaults the first time anyone asks."""
    row = await RoutingSettings.get_or_none(id=SETTINGS_ID)
    if row is not None:
        return row
    try:
        # A savepoint, so that losing the race below leaves an enclosing transaction usable.
        async with in_transaction():
            return await RoutingSettings.create(id=SETTINGS_ID)
    except IntegrityError:
        # A concurrent caller inserted the row between our read and our insert: use theirs.
        return await RoutingSettings.get(id=SETTINGS_ID)


async def update_settings(**changes: Any) -> RoutingSettings:
    """Change the given settings: max_splits, split_lines, acceptance_minutes, backorders
    (ALLOW or REJECT), return_window_days and pickup_hold_days."""
    _refuse_unknown(changes, SETTINGS_FIELDS)
    values = dict(changes)
    for name, allowed in _SETTING_RANGES.items():
        if name in values:
            allowed.check(values[name])
    if "backorders" in values:
        values["backorders"] = _backorder_policy(values["backorders"]).value
    async with in_transaction():
        await current_settings()
        row = await RoutingSettings.select_for_update().get(id=SETTINGS_ID)
        row.update_from_dict(values)
        await row.save()
    return row


def split_policy(row: RoutingSettings) -> SplitPolicy:
    """The part of the settings the routing engine reads."""
    return SplitPolicy(max_splits=row.max_splits, split_lines=row.split_lines)


def _refuse_unknown(changes: dict[str, Any], known: frozenset[str]) -> None:
    # A misspelt keyword is a programming error, not something a client can cause.
    unknown = sorted(changes.keys() - known)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(unknown)}")


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Validated and normalized column values for the fields present in `values`."""
    clean = dict(values)
    if "name" in clean:
        clean["name"] = _check_name(clean["name"])
    if "action" in clean:
        clean["action"] = _action(clean["action"])
    if "skus" in clean:
        clean["skus"] = _texts(clean["skus"], lambda sku: check_sku(sku, ["skus"]))
    if "tags" in clean:
        clean["tags"] = _texts(clean["tags"], str.strip)
    if "channels" in clean:
        clean["channels"] = _texts(clean["channels"], str.strip)
    if "destination_countries" in clean:
        clean["destination_countries"] = _texts(clean["destination_countries"], _country)
    if "destination_regions" in clean:
        # Stored as the engine compares them, so that "mn" and "MN" are not two entries.
        clean["destination_regions"] = _texts(clean["destination_regions"], region_code)
    if "postal_code_prefixes" in clean:
        # Stored as the engine compares them ("sw1a 1" is "SW1A1"), so that equivalent
        # prefixes collapse into one.
        clean["postal_code_prefixes"] = _texts(clean["postal_code_prefixes"], postal_code)
    if "location_ids" in clean:
        clean["location_ids"] = list(dict.fromkeys(clean["location_ids"]))
    return clean


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise invalid(
            "name must not be blank: give the rule a name people will recognize", ["name"]
        )
    if len(name) > NAME_MAX_LENGTH:
        raise invalid(
            f"name is {len(name)} characters long; shorten it to {NAME_MAX_LENGTH} or fewer",
            ["name"],
        )
    return name


def _action(value: RoutingAction | str) -> RoutingAction:
    try:
        return RoutingAction(value)
    except ValueError:
        choices = ", ".join(RoutingAction)
        raise invalid(f"action {value!r} is not one of {choices}", ["action"]) from None


def _backorder_policy(value: BackorderPolicy | str) -> BackorderPolicy:
    try:
        return BackorderPolicy(value)
    except ValueError:
        choices = " or ".join(BackorderPolicy)
        raise invalid(f"backorders must be {choices}, got {value!r}", ["backorders"]) from None


def _texts(values: Iterable[str], normalize: Callable[[str], str]) -> list[str]:
    """Normalized values, blanks dropped, each kept once in the order first given."""
    stripped = (value.strip() for value in values)
    return list(dict.fromkeys(normalize(value) for value in stripped if value))


def _country(value: str) -> str:
    country = country_code(value)
    if not is_country_code(country):
        raise invalid(
            f"destination country {value!r} is not an ISO 3166-1 alpha-2 code: "
            "use two letters, e.g. US or CA",
            ["destinationCountries"],
        )
    return country


def _check_target(
    action: RoutingAction, vendor_id: int | None, location_ids: Sequence[int]
) -> None:
    """A DROP_SHIP rule names a vendor and no location; the others name locations only."""
    at_most(len(set(location_ids)), MAX_RULE_LOCATIONS, "a rule's locations", "locationIds")
    if action is RoutingAction.DROP_SHIP:
        if vendor_id is None:
            raise invalid("a DROP_SHIP rule needs a vendor: give vendorId", ["vendorId"])
        if location_ids:
            raise invalid(
                "a DROP_SHIP rule sends lines to its vendor, not to locations: "
                "leave locationIds empty",
                ["locationIds"],
            )
        return
    if not location_ids:
        raise invalid(
            f"a {action} rule needs at least one location: give locationIds", ["locationIds"]
        )
    if vendor_id is not None:
        raise invalid(
            f"a {action} rule takes no vendor (vendors are for DROP_SHIP): leave vendorId null",
            ["vendorId"],
        )


async def _check_exist(vendor_id: int | None, location_ids: Sequence[int]) -> None:
    """Inactive vendors and locations are fine: a rule may be set up before they go live."""
    if vendor_id is not None and not await Vendor.exists(id=vendor_id):
        raise not_found("vendor", vendor_id, ["vendorId"])
    if location_ids:
        # values_list(flat=True) yields values; Tortoise's stubs say tuples.
        found = set(
            cast(list[int], await Location.filter(id__in=location_ids).values_list("id", flat=True))
        )
        missing = [pk for pk in location_ids if pk not in found]
        if missing:
            raise not_found("location", missing[0], ["locationIds"])
