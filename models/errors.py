"""Errors the domain raises. Resolvers turn them into `userErrors`."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    TAKEN = "TAKEN"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    # A location's dailyCapacity is used up for its local day.
    AT_CAPACITY = "AT_CAPACITY"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"
    BACKORDERS_NOT_ALLOWED = "BACKORDERS_NOT_ALLOWED"
    PICKUP_CODE_MISMATCH = "PICKUP_CODE_MISMATCH"
    # Too many wrong pickup codes for one fulfillment order: only an ADMIN may hand it over.
    PICKUP_CODE_LOCKED = "PICKUP_CODE_LOCKED"


class DomainError(Exception):
    """A business rule said no. Nothing was changed."""

    def __init__(self, code: ErrorCode, message: str, field: Sequence[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = list(field) if field else None


def not_found(what: str, key: object, field: Sequence[str] | None = None) -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, f"{what} {key} does not exist", field)


def invalid(message: str, field: Sequence[str] | None = None) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, field)
