"""What resolvers read of the server's configuration, and where they find it.

The app puts its configuration in the request context (`info.context.config`, built by
`create_app(config)`); resolvers read it through this protocol and never import `api.*`,
so the layers point one way and a test configures a server by passing its own settings.
"""

from __future__ import annotations

from typing import Protocol

from strawberry.types import Info


class ServerConfig(Protocol):
    @property
    def max_page_size(self) -> int: ...

    @property
    def default_page_size(self) -> int: ...

    @property
    def webhook_allow_private(self) -> bool:
        """OMS_WEBHOOK_ALLOW_PRIVATE: may a vendor's webhookUrl reach private addresses?"""
        ...


def server_config(info: Info) -> ServerConfig:
    config: ServerConfig = info.context.config
    return config
