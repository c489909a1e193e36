"""No root operation without a declared permission: every Query, Mutation and
Subscription field names the roles that may call it, next to its definition."""

from __future__ import annotations

from api.schema import schema
from models.rules.scopes import Role


def root_fields() -> list[tuple[str, object]]:
    fields = []
    for root in (schema.query, schema.mutation, schema.subscription):
        definition = root.__strawberry_definition__  # type: ignore[union-attr]
        fields += [
            (f"{definition.name}.{field.graphql_name or field.name}", field)
            for field in definition.fields
        ]
    return fields


def test_every_root_field_declares_its_roles() -> None:
    undeclared = []
    for name, field in root_fields():
        declared = [
            getattr(permission, "roles", None)
            for permission in field.permission_classes  # type: ignore[attr-defined]
        ]
        if not any(
            isinstance(roles, frozenset) and roles <= set(Role) and roles for roles in declared
        ):
            undeclared.append(name)
    assert not undeclared, f"root fields without allow(...): {undeclared}"


def test_the_walk_sees_all_three_roots() -> None:
    names = {name.split(".")[0] for name, _ in root_fields()}
    assert names == {"Query", "Mutation", "Subscription"}
    assert len(root_fields()) > 30
