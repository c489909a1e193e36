from decimal import Decimal
from typing import Any, Literal, overload

from tortoise import fields
from tortoise.models import Model


class Timestamped(Model):
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True


@overload
def money_field(*, null: Literal[False] = False, **kwargs: Any) -> fields.DecimalField[Decimal]: ...
@overload
def money_field(*, null: Literal[True], **kwargs: Any) -> fields.DecimalField[Decimal | None]: ...
def money_field(**kwargs: Any) -> fields.DecimalField[Any]:
    return fields.DecimalField(max_digits=14, decimal_places=2, **kwargs)
