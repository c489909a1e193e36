"""What a client's selection asks for below the field being resolved, so that a list
resolver can load up front what its nested fields will read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

Path = tuple[str, ...]


def selected_paths(info: Info) -> frozenset[Path]:
    """Every path of field names selected below the current field, fragments flattened:
    `{ edges { node { lines { sku } } } }` gives ('edges',), ('edges', 'node'),
    ('edges', 'node', 'lines') and ('edges', 'node', 'lines', 'sku'). A field under
    `@skip`/`@include` counts as selected: at worst something is loaded for nothing."""
    return frozenset(
        path for field in info.selected_fields for path in _paths(field.selections, ())
    )


def _paths(selections: Iterable[Selection], prefix: Path) -> Iterator[Path]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            path = (*prefix, selection.name)
            yield path
            yield from _paths(selection.selections, path)
        else:  # a fragment, spread or inline: its fields are the parent's
            yield from _paths(selection.selections, prefix)


def below(paths: frozenset[Path], *prefixes: Path) -> frozenset[Path]:
    """The paths under any of `prefixes`, those prefixes taken off: what a connection's
    nodes select, say, from `edges.node` and `nodes` alike."""
    return frozenset(
        path[len(prefix) :]
        for path in paths
        for prefix in prefixes
        if len(path) > len(prefix) and path[: len(prefix)] == prefix
    )
