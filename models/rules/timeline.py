"""How a timeline message names many things: the first few, then a count. The message
column holds 2000 characters; the whole list goes in the entry's `data`."""

from __future__ import annotations

from collections.abc import Sequence

# Ten items of a 64-character SKU with a quantity and a disposition stay well under the
# 2000 characters of order_event.message, whatever surrounds them.
NAMED = 10


def named_list(items: Sequence[str], named: int = NAMED) -> str:
    """ "A x1, B x2" for a few items; beyond `named`, those and "and 110 more"."""
    if len(items) <= named:
        return ", ".join(items)
    return f"{', '.join(items[:named])} and {len(items) - named} more"
