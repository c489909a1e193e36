"""Locations and vendors: the places and suppliers orders are routed to."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import DomainError, ErrorCode, invalid, not_found
from models.operations.webhooks import checked_webhook_url
from models.rules import ranges
from models.rules.address import country_code, is_country_code
from models.rules.capacity import check_time_zone
from models.tables import Location, Vendor

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class LocationKind(StrEnum):
    STORE = "STORE"
    WAREHOUSE = "WAREHOUSE"


@dataclass(frozen=True)
class AddressData:
    name: str | None = None
    line1: str | None = None
    line2: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country_code: str | None = None
    phone: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def columns(self, field: str = "address") -> dict[str, Any]:
        """Validated `address_*`, latitude and longitude columns."""
        country = country_code(self.country_code or "") or None
        if country is not None and not is_country_code(country):
            raise invalid(
                f"country code {self.country_code!r} is not ISO 3166-1 alpha-2",
                [field, "countryCode"],
            )
        if (self.latitude is None) != (self.longitude is None):
            raise invalid("give both latitude and longitude, or neither", [field, "latitude"])
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise invalid(f"latitude {self.latitude} is outside -90..90", [field, "latitude"])
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise invalid(f"longitude {self.longitude} is outside -180..180", [field, "longitude"])
        values = asdict(self)
        texts = {
            f"address_{k}": (v.strip() or None) if isinstance(v, str) else v
            for k, v in values.items()
            if k not in ("country_code", "latitude", "longitude")
        }
        return {
            **texts,
            "address_country": country,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }


def check_code(code: str, what: str) -> str:
    code = code.strip()
    if not CODE_PATTERN.fullmatch(code):
        raise invalid(
            f"{what} code {code!r} must be 1-64 letters, digits, '-', '_' or '.'", ["code"]
        )
    return code


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise invalid("name must not be blank", ["name"])
    return name


def _location_values(changes: dict[str, Any]) -> dict[str, Any]:
    values = dict(changes)
    if "name" in values:
        values["name"] = _check_name(values["name"])
    if "kind" in values:
        values["kind"] = LocationKind(values["kind"]).value
    if values.get("daily_capacity") is not None:
        ranges.DAILY_CAPACITY.check(values["daily_capacity"])
    if "time_zone" in values:
        values["time_zone"] = check_time_zone(values["time_zone"])
    address = values.pop("address", None)
    if address is not None:
        values.update(address.columns())
    return values


async def create_location(code: str, **fields: Any) -> Location:
    code = check_code(code, "location")
    values = _location_values(fields)
    try:
        async with in_transaction():
            return await Location.create(code=code, **values)
    except IntegrityError:
        raise DomainError(
            ErrorCode.TAKEN, f"location code {code} is already taken", ["code"]
        ) from None


async def update_location(location_id: int, **changes: Any) -> Location:
    values = _location_values(changes)
    async with in_transaction():
        location = await Location.select_for_update().get_or_none(id=location_id)
        if location is None:
            raise not_found("location", location_id, ["id"])
        location.update_from_dict(values)
        await location.save()
    return location


def _blank_webhook_url_is_none(changes: dict[str, Any]) -> None:
    """A blank webhookUrl clears it; any other is checked by `checked_webhook_url`."""
    if changes.get("webhook_url") is not None:
        changes["webhook_url"] = changes["webhook_url"].strip() or None


async def create_vendor(code: str, name: str, allow_private: bool = False, **fields: Any) -> Vendor:
    """`allow_private` is OMS_WEBHOOK_ALLOW_PRIVATE: may webhookUrl reach private addresses?"""
    code = check_code(code, "vendor")
    _blank_webhook_url_is_none(fields)
    fields["webhook_url"] = await checked_webhook_url(fields.get("webhook_url"), allow_private)
    try:
        async with in_transaction():
            return await Vendor.create(code=code, name=_check_name(name), **fields)
    except IntegrityError:
        raise DomainError(
            ErrorCode.TAKEN, f"vendor code {code} is already taken", ["code"]
        ) from None


async def update_vendor(vendor_id: int, allow_private: bool = False, **changes: Any) -> Vendor:
    """`allow_private` is OMS_WEBHOOK_ALLOW_PRIVATE: may webhookUrl reach private addresses?"""
    if "name" in changes:
        changes["name"] = _check_name(changes["name"])
    _blank_webhook_url_is_none(changes)
    if "webhook_url" in changes:
        changes["webhook_url"] = await checked_webhook_url(changes["webhook_url"], allow_private)
    async with in_transaction():
        vendor = await Vendor.select_for_update().get_or_none(id=vendor_id)
        if vendor is None:
            raise not_found("vendor", vendor_id, ["id"])
        vendor.update_from_dict(changes)
        await vendor.save()
    return vendor
