"""The one declaration each root field makes: which roles may call it.

`allow(Role.ADMIN, Role.STAFF)` builds a strawberry permission class; missing or
bad keys are UNAUTHENTICATED, a role outside the list is FORBIDDEN. Scope (which
store, vendor or channel) is then checked by the operation with models.rules.scopes.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from graphql import GraphQLError
from strawberry.permission import BasePermission
from strawberry.types import Info

from models.rules.scopes import Actor, Role


def unauthenticated(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "UNAUTHENTICATED"})


def forbidden(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "FORBIDDEN"})


def current_actor(info: Info) -> Actor:
    actor: Actor | None = info.context.actor
    if actor is None:
        raise unauthenticated(info.context.auth_problem)
    return actor


@cache
def allow(*roles: Role) -> type[BasePermission]:
    allowed = frozenset(roles)
    label = ", ".join(sorted(allowed))

    class Allowed(BasePermission):
        message = f"allowed for {label}"
        roles = allowed

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            actor = current_actor(info)
            if actor.role not in allowed:
                raise forbidden(
                    f"a {actor.role} key may not call {info.field_name}; allowed for {label}"
                )
            return True

    Allowed.__name__ = "Allow" + "".join(r.title() for r in sorted(allowed))
    return Allowed
