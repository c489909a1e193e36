"""Issue 17's goals, read from `python -m bench`'s results: one row per goal and setup.

Each row: the goal, what was measured, the same-run baseline (or the small database for
goal 5), the ratio, the target and whether it is met. A part that did not run gives no row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from bench import dashboard_latency, fixed_cost, large, order_list
from bench.place_order import GOAL_RATIO as PLACE_ORDER_RATIO

CPU_MS_PER_ORDER = 3.0  # goal 1: server CPU per placeOrder


class Goal(NamedTuple):
    goal: str
    measured: str
    baseline: str
    ratio: float | None
    target: str
    met: bool | None  # None: not measured (e.g. a filter the schema does not have)


def place_order_goals(part: dict[str, Any]) -> list[Goal]:
    rows = []
    for s in part["setups"]:
        ours, base = s["oms"], s["baseline"]
        rows.append(
            Goal(
                f"1 placeOrder, {s['name']}",
                f"{ours['orders_per_s']:.1f} orders/s",
                f"{base['orders_per_s']:.1f} orders/s",
                s["ratio"],
                f">= {PLACE_ORDER_RATIO}x",
                s["ratio"] >= PLACE_ORDER_RATIO and not ours["errors"],
            )
        )
        cpu = ours["server_cpu_ms_per_order"]
        rows.append(
            Goal(
                f"1 server CPU/order, {s['name']}",
                f"{cpu:.2f} ms",
                f"{base['server_cpu_ms_per_order']:.2f} ms",
                round(cpu / base["server_cpu_ms_per_order"], 2)
                if base["server_cpu_ms_per_order"]
                else None,
                f"<= {CPU_MS_PER_ORDER:.0f} ms",
                cpu <= CPU_MS_PER_ORDER,
            )
        )
    return rows


def fixed_cost_goals(part: dict[str, Any]) -> list[Goal]:
    return [
        Goal(
            f"2 {{ __typename }}, {s['name']}",
            f"{s['oms']['orders_per_s']:.1f} req/s",
            f"{s['baseline']['orders_per_s']:.1f} req/s",
            s["ratio"],
            f">= {fixed_cost.GOAL_RATIO}x",
            s["meets_goal"] and not s["oms"]["errors"],
        )
        for s in part["setups"]
    ]


def order_list_goals(part: dict[str, Any]) -> list[Goal]:
    rows = []
    for s in part["setups"]:
        rate = s.get("throughput")
        if rate is None:
            continue
        pages = rate["oms"]["orders_per_s"]
        rows.append(
            Goal(
                f"3 orders(first: 50), {s['dialect']}",
                f"{pages:.1f} pages/s",
                f"{rate['baseline']['orders_per_s']:.1f} pages/s",
                rate["ratio"],
                f">= {order_list.GOAL_RATIO}x",
                rate["meets_goal"] and not rate["oms"]["errors"],
            )
        )
        if s["dialect"] == "postgres" and s["workers"] == 1:
            rows.append(
                Goal(
                    "3 pages/s, postgres 1 worker",
                    f"{pages:.1f} pages/s",
                    f"execution alone: {s['ceiling_pages_per_s']:.1f} pages/s",
                    round(pages / s["ceiling_pages_per_s"], 2),
                    f">= {order_list.GOAL_PAGES_PER_S:.0f}/s",
                    pages >= order_list.GOAL_PAGES_PER_S,
                )
            )
    return rows


def dashboard_goals(part: dict[str, Any]) -> list[Goal]:
    """The goal is about concurrent placing clients: the sequential phase is not in it."""
    rows = []
    for s in part["setups"]:
        for phase, r in s["phases"].items():
            if phase == "sequential":
                continue
            p99 = r["after_response"].get("p99_ms")
            rows.append(
                Goal(
                    f"4 dashboard p99, {dashboard_latency.describe(s)}, {phase}",
                    f"{p99 or 0:.1f} ms, {r['lost']} lost",
                    "-",
                    None,
                    f"<= {dashboard_latency.GOAL_P99_MS:.0f} ms, 0 lost",
                    r["meets_goal"],
                )
            )
    return rows


def large_goals(part: dict[str, Any]) -> list[Goal]:
    if "skipped" in part and isinstance(part["skipped"], str):
        return []  # the part itself did not run (SQLite only)
    return [
        Goal(
            f"5 {m['name']} ({part['orders']:,} vs {part['small_orders']:,})",
            m["large_text"],
            m["small_text"],
            m["ratio"],
            f"<= {large.GOAL_RATIO}x",
            m["meets_goal"],
        )
        for m in part.get("measurements", [])
    ] + [
        Goal(f"5 {m['name']}", "skipped", "-", None, f"<= {large.GOAL_RATIO}x", None)
        for m in part.get("skipped", [])
    ]


BUILDERS = {
    "place_order": place_order_goals,
    "fixed_cost": fixed_cost_goals,
    "order_list": order_list_goals,
    "dashboard": dashboard_goals,
    "large": large_goals,
}


def goals(results: dict[str, Any]) -> list[Goal]:
    rows: list[Goal] = []
    for part, build in BUILDERS.items():
        if part in results:
            rows += build(results[part])
    return rows


def format_goals(rows: Sequence[Goal]) -> str:
    if not rows:
        return "issue 17 goals: no part measuring one ran"
    width = max(len(r.goal) for r in rows)
    head = (
        f"{'goal':<{width}}  {'measured':>20}  {'baseline':>18}  {'ratio':>6}  {'target':>16}  met?"
    )
    lines = ["issue 17 goals (ratio = measured / same-run baseline; goal 5: large / small)"]
    lines += [head, "-" * len(head)]
    for r in rows:
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
        lines.append(
            f"{r.goal:<{width}}  {r.measured:>20}  {r.baseline:>18}  {ratio:>6}  "
            f"{r.target:>16}  {'n/a' if r.met is None else 'yes' if r.met else 'no'}"
        )
    return "\n".join(lines)
