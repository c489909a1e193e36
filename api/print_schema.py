"""`python -m api.print_schema [PATH]`: the printed SDL of the schema.

Writes to PATH when given, to stdout otherwise. `schema.graphql` at the project
root is this output, kept equal to the code by tests/api/test_schema_sdl.py:
regenerate it with `python -m api.print_schema schema.graphql`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def printed_schema() -> str:
    from api.schema import schema

    return schema.as_str() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1:
        print("usage: python -m api.print_schema [PATH]", file=sys.stderr)
        return 2
    text = printed_schema()
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
