"""Checking an order before it is placed: its header, its lines (products, quantities,
prices, read with the idempotency record and the first plan's stock in one statement) and
its delivery. Nothing here writes."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from models import sql
from models.errors import invalid, not_found
from models.operations import config_version, order_routing
from models.operations.locations import AddressData
from models.rules.lifecycle import DeliveryMethod
from models.rules.money import check_amount, check_currency, check_total
from models.tables import IdempotencyRecord, InventoryLevel, Location, Product

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_LINES = 250
MAX_QUANTITY = 100_000


@dataclass(frozen=True)
class LineInput:
    sku: str
    quantity: int
    unit_price: Decimal | None = None


@dataclass(frozen=True)
class OrderInput:
    channel: str
    customer_email: str
    currency: str
    lines: tuple[LineInput, ...]
    customer_name: str | None = None
    external_id: str | None = None
    idempotency_key: str | None = None
    delivery_method: DeliveryMethod = DeliveryMethod.SHIP
    shipping_address: AddressData | None = None
    pickup_location_id: int | None = None


def order_subtotal(
    unit_prices: Sequence[Decimal], lines: Sequence[LineInput], currency: str
) -> Decimal:
    """Refused when the subtotal column could not hold it (every line total and the current
    subtotal are at most this)."""
    return check_total(
        [p * line.quantity for p, line in zip(unit_prices, lines, strict=True)],
        "the order's subtotal",
        currency,
        ["lines"],
    )


@dataclass(frozen=True)
class LineProduct:
    """What a line takes from its product: the read leaves the rest (its timestamps cost
    more to decode on SQLite than the line's other work)."""

    id: int
    sku: str
    tags: tuple[str, ...]
    price_amount: Decimal | None
    price_currency: str | None


# The product's columns `_products` reads, in LineProduct's order.
_PRODUCT_COLUMNS = ("id", "sku", "tags", "price_amount", "price_currency")


@dataclass(frozen=True)
class ValidOrder:
    """An OrderInput that passed every check, with what the checks loaded."""

    data: OrderInput
    currency: str
    products: tuple[LineProduct, ...]  # one per line
    unit_prices: tuple[Decimal, ...]
    address_columns: dict[str, Any] = field(default_factory=dict)
    # The order placed earlier with the same idempotency key, as validation found it.
    earlier: Earlier | None = None
    # The lines' stock, read with their products: what the first plan starts from.
    stock: order_routing.Stock | None = None

    @property
    def subtotal(self) -> Decimal:
        return order_subtotal(self.unit_prices, self.data.lines, self.currency)

    def request_hash(self) -> str:
        """What idempotency compares: the same key must come with the same order."""
        canonical = json.dumps(_plain(self.data), sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _plain(value: Any) -> Any:
    """`value` as JSON would see `dataclasses.asdict` of it (so that hashes of requests
    stored earlier still match), without asdict's deep copy of every leaf."""
    names = _field_names(value.__class__)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass, None for another type (`dataclasses.fields` builds its
    answer on every call: it was most of a request's hash)."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def check_header(data: OrderInput) -> str:
    """Channel, customer, currency, line count and idempotency key; returns the currency."""
    channel = data.channel.strip()
    if not channel or len(channel) > 64:
        raise invalid("channel must be 1-64 characters", ["channel"])
    if not EMAIL.fullmatch(data.customer_email.strip()):
        raise invalid(f"{data.customer_email!r} is not an email address", ["customer", "email"])
    currency = check_currency(data.currency, ["currency"])
    if not data.lines:
        raise invalid("an order needs at least one line", ["lines"])
    if len(data.lines) > MAX_LINES:
        raise invalid(f"an order takes at most {MAX_LINES} lines", ["lines"])
    if data.idempotency_key is not None and not 1 <= len(data.idempotency_key) <= 200:
        raise invalid("idempotencyKey must be 1-200 characters", ["idempotencyKey"])
    return currency


async def check_lines(
    lines: Sequence[LineInput], currency: str
) -> tuple[tuple[LineProduct, ...], tuple[Decimal, ...]]:
    """Each line's product and quantity, and its unit price (given, or the product's
    price in the order's currency)."""
    products, prices, _, _ = await _checked_lines(lines, currency, None)
    return products, prices


@dataclass(frozen=True)
class Earlier:
    """The idempotency record of an order placed earlier with the same channel and key."""

    order_id: int
    request_hash: str


async def _products(
    skus: set[str], idempotency: tuple[str, str] | None, with_stock: bool
) -> tuple[dict[str, LineProduct], Earlier | None, order_routing.Stock | None]:
    """The products of `skus` by sku, the record of `idempotency` (channel, key) when one
    is given, and, `with_stock`, the products' stock levels for the first plan, in one
    statement (hand-written: Tortoise's query building cost more than the read on every
    placement). The levels come in rows of their own, after the products' (a product's
    columns repeated on each of its levels cost more to decode than all the rest), a row
    per SKU (`order_routing.stock_columns`)."""
    db = sql.connection(Product)
    width, fields_map = len(_PRODUCT_COLUMNS), Product._meta.fields_map
    channel, key, *marks = sql.placeholders(db, 2 + (2 if with_stock else 1) * len(skus))
    in_skus = f'p."sku" IN ({",".join(marks[: len(skus)])})'
    text = (
        f"SELECT {','.join('p.' + sql.quote(column) for column in _PRODUCT_COLUMNS)}, "
        'r."order_id", r."request_hash"'
        + (
            f", {'NULL,' * order_routing.LEVEL_WIDTH}{config_version.VERSION_SQL}"
            if with_stock
            else ""
        )
        + f" FROM {sql.table(Product)} p LEFT JOIN {sql.table(IdempotencyRecord)} r "
        f'ON r."channel" = {channel} AND r."key" = {key} WHERE {in_skus}'
    )
    if with_stock:
        columns, grouping = order_routing.stock_columns(db)
        text += (
            f" UNION ALL SELECT {'NULL,' * (width + 2)}{columns} "
            f"FROM {sql.table(InventoryLevel)} l JOIN {sql.table(Product)} p "
            f'ON p.id = l.product_id WHERE p."sku" IN ({",".join(marks[len(skus) :])})' + grouping
        )
    # The record's key is unique: it joins every product row, or none.
    rows = await sql.run(
        db, text, [*(idempotency or (None, None)), *skus, *(skus if with_stock else ())]
    )
    products, earlier = {}, None
    for row in rows:
        pk, sku, tags, amount, currency = row[:width]
        if sku is None:  # a stock level's row
            continue
        products[sku] = LineProduct(
            pk,
            sku,
            tuple(fields_map["tags"].to_python_value(tags)),
            fields_map["price_amount"].to_python_value(amount),
            currency,
        )
        if row[width] is not None:
            earlier = Earlier(*row[width : width + 2])
    return products, earlier, order_routing.stock_of(rows) if with_stock else None


async def _checked_lines(
    lines: Sequence[LineInput],
    currency: str,
    idempotency: tuple[str, str] | None,
    with_stock: bool = False,
) -> tuple[
    tuple[LineProduct, ...], tuple[Decimal, ...], Earlier | None, order_routing.Stock | None
]:
    """check_lines, the record of `idempotency` (channel, key) when one is given, and the
    stock when asked (see `_products`)."""
    products, earlier, stock = await _products(
        {line.sku.strip() for line in lines}, idempotency, with_stock
    )
    prices = []
    for index, line in enumerate(lines):
        path = ["lines", str(index)]
        product = products.get(line.sku.strip())
        if product is None:
            raise not_found("sku", line.sku, [*path, "sku"])
        if not 1 <= line.quantity <= MAX_QUANTITY:
            raise invalid(
                f"quantity of {line.sku} must be 1-{MAX_QUANTITY}, got {line.quantity}",
                [*path, "quantity"],
            )
        if line.unit_price is not None:
            prices.append(check_amount(line.unit_price, [*path, "unitPrice"]))
        elif product.price_amount is not None and product.price_currency == currency:
            prices.append(Decimal(product.price_amount))
        else:
            raise invalid(
                f"{line.sku} has no {currency} price: give unitPrice", [*path, "unitPrice"]
            )
    return tuple(products[line.sku.strip()] for line in lines), tuple(prices), earlier, stock


def shipping_columns(address: AddressData | None) -> dict[str, object]:
    """The address columns of a SHIP order, which must name line1, city and country."""
    address_columns = address.columns("shippingAddress") if address is not None else {}
    missing = [
        name
        for name, column in (
            ("line1", "address_line1"),
            ("city", "address_city"),
            ("countryCode", "address_country"),
        )
        if not address_columns.get(column)
    ]
    if missing:
        raise invalid(
            f"a SHIP order needs a shipping address with {', '.join(missing)}",
            ["shippingAddress", missing[0]],
        )
    return address_columns


async def check_delivery(data: OrderInput) -> dict[str, object]:
    """A SHIP order needs an address; a PICKUP order a location that offers pickup.
    Returns the order's address columns."""
    if data.delivery_method is DeliveryMethod.SHIP:
        shipping = shipping_columns(data.shipping_address)
        if data.pickup_location_id is not None:
            raise invalid("pickupLocationId is only for PICKUP orders", ["pickupLocationId"])
        return shipping
    address_columns: dict[str, object] = {}
    if data.shipping_address is not None:
        address_columns = data.shipping_address.columns("shippingAddress")
    if data.pickup_location_id is None:
        raise invalid("a PICKUP order needs pickupLocationId", ["pickupLocationId"])
    location = await Location.get_or_none(id=data.pickup_location_id)
    if location is None:
        raise not_found("location", data.pickup_location_id, ["pickupLocationId"])
    if not location.active or not location.pickup_enabled:
        raise invalid(
            f"{location.code} does not offer pickup"
            + ("" if location.active else " (it is inactive)"),
            ["pickupLocationId"],
        )
    return address_columns


async def validate_order(data: OrderInput) -> ValidOrder:
    currency = check_header(data)
    key = data.idempotency_key
    products, unit_prices, earlier, stock = await _checked_lines(
        data.lines, currency, (data.channel.strip(), key) if key else None, with_stock=True
    )
    order_subtotal(unit_prices, data.lines, currency)
    address_columns = await check_delivery(data)
    return ValidOrder(
        data=data,
        currency=currency,
        products=products,
        unit_prices=unit_prices,
        address_columns=address_columns,
        earlier=earlier,
        stock=stock,
    )
