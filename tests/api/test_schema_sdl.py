"""`schema.graphql` at the project root is the printed schema: the contract frontend teams
build against. A change to the schema must show up in it, reviewed, in the same commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from api.print_schema import main, printed_schema
from api.schema import schema

ROOT = Path(__file__).resolve().parents[2]
SDL = ROOT / "schema.graphql"
REGENERATE = "python -m api.print_schema schema.graphql"


def test_schema_graphql_is_the_printed_schema() -> None:
    committed = SDL.read_text(encoding="utf-8") if SDL.exists() else ""
    assert printed_schema() == committed, (
        f"schema.graphql differs from the schema in the code: run `{REGENERATE}` "
        "and review the difference (a field is renamed or removed only after a release that "
        "marks it `@deprecated(reason: ...)`: clients depend on the schema)"
    )


def test_print_schema_writes_stdout_or_a_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "api.print_schema"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout == schema.as_str() + "\n"
    target = tmp_path / "schema.graphql"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == result.stdout


def test_print_schema_refuses_extra_arguments() -> None:
    assert main(["a.graphql", "b.graphql"]) == 2
