"""Pickup in store: the code a customer shows at the counter, and whether a given code
lets the counter hand the order over."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from enum import Enum

# No 0/O, 1/I/L, 5/S, 2/Z: read aloud or typed from a phone, nothing is mistaken.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH = 6
# Wrong codes a counter may give for one fulfillment order before only an ADMIN may hand
# it over: 27^6 codes against 5 guesses leaves a guesser about one chance in 77 million.
MAX_CODE_ATTEMPTS = 5


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(given: str) -> str:
    """What the customer read out, as stored: case and spaces or dashes do not matter."""
    return "".join(ch for ch in given.upper() if ch not in " -")


def expires_at(ready_at: datetime, hold_days: int) -> datetime:
    return ready_at + timedelta(days=hold_days)


class CodeCheck(Enum):
    ACCEPTED = "accepted"
    MISSING = "missing"  # no code given where one is needed; not counted
    MISMATCH = "mismatch"  # counts toward MAX_CODE_ATTEMPTS
    LOCKED = "locked"  # too many wrong codes: refused without looking at the code


def check_code(
    stored: str | None, given: str | None, attempts: int, may_skip_code: bool
) -> CodeCheck:
    """Whether the counter may hand over the order. `may_skip_code`: an ADMIN, who may
    omit the code (and is the one who unlocks a fulfillment order after too many wrong
    codes, by handing it over after checking the customer some other way)."""
    if given is None:
        return CodeCheck.ACCEPTED if may_skip_code else CodeCheck.MISSING
    if attempts >= MAX_CODE_ATTEMPTS and not may_skip_code:
        return CodeCheck.LOCKED
    if stored is None:
        return CodeCheck.MISMATCH
    # Constant time: the answer should not leak how many characters were right.
    if secrets.compare_digest(normalize_code(given).encode(), stored.encode()):
        return CodeCheck.ACCEPTED
    return CodeCheck.MISMATCH
