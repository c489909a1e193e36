"""Products: upserted by SKU."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import invalid, not_found
from models.rules.money import check_amount, check_currency
from models.tables import Product

SKU_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,63}$")


def check_sku(sku: str, field: Sequence[str] = ("sku",)) -> str:
    sku = sku.strip()
    if not SKU_PATTERN.fullmatch(sku):
        raise invalid(f"sku {sku!r} must be 1-64 letters, digits, '-', '_', '.' or '/'", field)
    return sku


async def upsert_product(
    sku: str,
    name: str,
    price: Decimal | None = None,
    currency: str | None = None,
    tags: Sequence[str] = (),
) -> tuple[Product, bool]:
    """The product with this SKU, created or updated; and whether it was created."""
    sku = check_sku(sku)
    name = name.strip()
    if not name:
        raise invalid("name must not be blank", ["name"])
    if (price is None) != (currency is None):
        raise invalid("give both price and currency, or neither", ["price"])
    if price is not None and currency is not None:
        price = check_amount(price, ["price", "amount"])
        currency = check_currency(currency, ["price", "currencyCode"])
    clean_tags = sorted({tag.strip() for tag in tags if tag.strip()})
    values: dict[str, Any] = {
        "name": name,
        "price_amount": price,
        "price_currency": currency,
        "tags": clean_tags,
    }
    async with in_transaction():
        product = await Product.select_for_update().get_or_none(sku=sku)
        if product is None:
            try:
                async with in_transaction():
                    return await Product.create(sku=sku, **values), True
            except IntegrityError:
                # A concurrent upsert created it first: update that one.
                product = await Product.select_for_update().get(sku=sku)
        product.update_from_dict(values)
        await product.save()
        return product, False


async def product_by_sku(sku: str, field: Sequence[str] = ("sku",)) -> Product:
    product = await Product.get_or_none(sku=sku.strip())
    if product is None:
        raise not_found("sku", sku, field)
    return product
