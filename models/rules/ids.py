"""Global ids: the one encoding of (type, pk) as an opaque string.

Here rather than in resolvers/ so that operations can put the ids clients know into what
they send out (webhook bodies) without the domain importing the GraphQL layer.
"""

from __future__ import annotations

import base64


def global_id(type_name: str, pk: int) -> str:
    """The opaque id of row `pk` of GraphQL type `type_name`."""
    raw = f"{type_name}:{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
