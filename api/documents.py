"""What is worked out once per GraphQL document rather than once per request.

Clients send the same few documents again and again, and the parser cache hands back
the same DocumentNode for the same text, so what depends only on the document (its
validation, what our input checks and the cost analysis read from it) is remembered
per document. Documents are told apart by identity: graphql-core's AST nodes are frozen
dataclasses whose hash walks the whole tree (~25-50 us for placeOrder's document), which
a cache keyed by the document itself would pay on every hit. Each entry keeps its
document alive, so that its id cannot be reused while the entry lives.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from graphql import DocumentNode

Value = TypeVar("Value")

# As many as the parser cache keeps: beyond that, documents are parsed anew anyway.
DOCUMENTS_KEPT = 256


class PerDocument(Generic[Value]):
    """A bounded LRU of values per (document, key), the document compared by identity."""

    def __init__(self, maxsize: int = DOCUMENTS_KEPT) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[tuple[int, Hashable], tuple[DocumentNode, Value]] = OrderedDict()

    def get(self, document: DocumentNode, key: Hashable, compute: Callable[[], Value]) -> Value:
        """The value remembered for (document, key), else `compute()`'s, remembered."""
        slot = (id(document), key)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] is document:
            self._entries.move_to_end(slot)
            return entry[1]
        value = compute()
        self._entries[slot] = (document, value)
        self._entries.move_to_end(slot)
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)
