"""`python -m bench --quick` on SQLite: the fixed-cost and order-list benches still run,
their baselines answer, and the goal table reports them (so the bench cannot rot).

Real processes (uvicorn servers, the load driver), small counts: a smoke run, not a
measurement; the figures it prints mean nothing on a busy machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_fixed_cost_and_order_list_report_their_goals(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = ["-m", "bench", "--quick", "--dialect", "sqlite", "--only", "fixed_cost,order_list"]
    done = subprocess.run(
        [sys.executable, *command, "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "issue 17 goals" in done.stdout
    result = json.loads(out.read_text())
    assert result["environment"]["quick"] is True
    goals = {row["goal"]: row for row in result["goals"]}
    typename = goals["2 { __typename }, sqlite"]
    page = goals["3 orders(first: 50), sqlite"]
    for row in (typename, page):
        assert row["ratio"] > 0, row
        assert row["met"] in (True, False)
    [fixed] = result["fixed_cost"]["setups"]
    [listing] = result["order_list"]["setups"]
    for measured in (fixed["oms"], fixed["baseline"], *listing["throughput"].values()):
        if isinstance(measured, dict):
            assert measured["errors"] == 0, measured["error_samples"]
            assert measured["orders"] > 0
    # The page's execution alone, over the same orders in memory (the page rate's ceiling),
    # is reported; which is faster is the bench's to say, not a timed test's (a busy
    # machine has run the quick bench's few pages either way round).
    assert listing["execution_alone_ms"] > 0 and listing["in_process_cpu_ms"]["bare"] > 0
    assert listing["ceiling_pages_per_s"] > 0
