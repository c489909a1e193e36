"""Products."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from models.operations import catalog as ops
from models.rules.scopes import ADMIN_ONLY, READERS
from models.tables import Product as ProductRow
from resolvers.common import Money, Node, UserError, fits, money, user_errors
from resolvers.ids import global_id_of
from resolvers.pagination import Connection, PageArgs, paged, paginate
from resolvers.permissions import allow


@strawberry.type
class Product(Node):
    pk: strawberry.Private[int]
    id: strawberry.ID = global_id_of("Product", lambda product: product.pk)
    sku: str
    name: str
    price: Money | None
    tags: list[str]

    @classmethod
    def of(cls, row: ProductRow) -> Product:
        return cls(
            pk=row.pk,
            sku=row.sku,
            name=row.name,
            price=money(row.price_amount, row.price_currency),
            tags=list(row.tags),
        )


def products_of(rows: list[ProductRow]) -> list[Product]:
    return [Product.of(row) for row in rows]


@strawberry.type
class CatalogQueries:
    @strawberry.field(permission_classes=[allow(*READERS)])
    @paged
    async def products(
        self,
        page: PageArgs,
    ) -> Connection[Product]:
        return await paginate(ProductRow.all(), page, products_of)

    @strawberry.field(permission_classes=[allow(*READERS)])
    async def product(self, sku: str) -> Product | None:
        if not fits(ProductRow, "sku", sku):
            return None
        row = await ProductRow.get_or_none(sku=sku)
        return Product.of(row) if row else None


@strawberry.input
class MoneyInput:
    amount: Decimal
    currency_code: str


@strawberry.input(description="Creates the product, or updates the one with this SKU.")
class UpsertProductInput:
    sku: str
    name: str
    price: MoneyInput | None = None
    tags: list[str] = strawberry.field(default_factory=list)


@strawberry.type
class UpsertProductPayload:
    product: Product | None = None
    created: bool = False
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CatalogMutations:
    @strawberry.mutation(permission_classes=[allow(*ADMIN_ONLY)])
    @user_errors(UpsertProductPayload)
    async def upsert_product(self, input: UpsertProductInput) -> UpsertProductPayload:
        row, created = await ops.upsert_product(
            input.sku,
            input.name,
            price=input.price.amount if input.price else None,
            currency=input.price.currency_code if input.price else None,
            tags=input.tags,
        )
        return UpsertProductPayload(product=Product.of(row), created=created)
