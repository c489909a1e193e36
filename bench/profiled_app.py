"""The OMS app or the baseline app, each order request profiled: for `place_order --profile`.

    BENCH_PROFILE_TARGET=oms|baseline BENCH_PROFILE_DIR=bench/results \\
        python -m uvicorn bench.profiled_app:app --port 8102

Every `POST /graphql` (oms) or `POST /orders` (baseline) runs under its own pyinstrument
profiler in async mode, so time spent awaiting the database is charged to the line that
awaited it, and every SQL statement Tortoise sends is counted. Drive it one request at a
time: profilers of overlapping requests would charge each other's work. The driver then
calls `POST /__bench/profile/reset` after its warm-up (`?profile=0` to time requests
without the profiler) and `GET /__bench/profile` at the end, which answers the aggregate
as JSON and writes pyinstrument's call tree as text. Run it with `--loop asyncio`: under
uvloop pyinstrument cannot tell awaiting from working, and charges both to the caller.
(py-spy would sample without instrumenting, but cannot attach to processes here.)
"""

from __future__ import annotations

import contextvars
import logging
import os
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pyinstrument import Profiler
from pyinstrument.frame import (
    AWAIT_FRAME_IDENTIFIER,
    OUT_OF_CONTEXT_FRAME_IDENTIFIER,
    SELF_TIME_FRAME_IDENTIFIER,
    Frame,
)
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

ROOT = Path(__file__).resolve().parent.parent
# 0.5 ms: fine enough for a request of a few ms, coarse enough to keep overhead low.
INTERVAL_S = 0.0005
TOP_FUNCTIONS = 40

_statements: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "bench_statements", default=None
)


class _StatementCounter(logging.Handler):
    """Tortoise logs every statement at DEBUG (`"%s: %s", query, values`) before sending it."""

    def emit(self, record: logging.LogRecord) -> None:
        sink = _statements.get()
        if sink is not None and record.args and isinstance(record.args, tuple):
            sink.append(str(record.args[0]))


def statement_shape(sql: str) -> str:
    """One line per kind of statement: parameter lists and row tuples collapsed."""
    sql = " ".join(sql.split())
    sql = re.sub(r"\((?:\s*(?:\$\d+|\?)\s*,?)+\)", "(...)", sql)
    sql = re.sub(r"(?:\(\.\.\.\),?\s*)+", "(...) ", sql)
    return sql[:160]


def _project_key(frame: Frame) -> str | None:
    """`path:function` for frames of our own code and the baseline app's, not the
    libraries' nor this wrapper's."""
    path = frame.file_path
    if not path or not path.startswith(str(ROOT)) or "site-packages" in path:
        return None
    relative = os.path.relpath(path, ROOT)
    if relative.startswith("bench") and relative != os.path.join("bench", "baseline_app.py"):
        return None
    return f"{relative}:{frame.function}"


def _awaited(frame: Frame) -> float:
    if frame.identifier == AWAIT_FRAME_IDENTIFIER:
        return frame.time
    return sum(_awaited(child) for child in frame.children)


def function_times(root: Frame) -> dict[str, tuple[float, float]]:
    """Inclusive (total, awaited) seconds per project function, counting a function
    once where it recurses or is re-entered below itself."""
    totals: dict[str, tuple[float, float]] = {}

    def walk(frame: Frame, open_keys: frozenset[str]) -> None:
        key = _project_key(frame)
        if key is not None and key not in open_keys:
            total, awaited = totals.get(key, (0.0, 0.0))
            totals[key] = (total + frame.time, awaited + _awaited(frame))
            open_keys = open_keys | {key}
        for child in frame.children:
            walk(child, open_keys)

    walk(root, frozenset())
    return totals


# Which layer a library's own (self) time belongs to, by its top-level package.
LAYERS = {
    "orm": ("tortoise", "pypika_tortoise", "pypika", "asyncpg", "aiosqlite", "iso8601"),
    "graphql": ("strawberry", "graphql"),
    "http": ("starlette", "uvicorn", "httptools", "h11", "anyio"),
}


def _layer(frame: Frame, parent_layer: str) -> str:
    if frame.identifier == AWAIT_FRAME_IDENTIFIER:
        return "awaited"
    if frame.identifier == OUT_OF_CONTEXT_FRAME_IDENTIFIER:
        return "elsewhere"  # the loop was running other tasks (e.g. the outbox relay)
    if frame.identifier == SELF_TIME_FRAME_IDENTIFIER:
        return parent_layer  # pyinstrument's leaf for the time a frame spent in itself
    path = frame.file_path or ""
    if "site-packages/" in path:
        package = path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
        return next((layer for layer, names in LAYERS.items() if package in names), "other")
    if path.startswith(str(ROOT)):
        return "ours"
    return "python"  # the standard library (asyncio, json, ...) and the interpreter


def _short(path: str | None) -> str:
    if not path:
        return "?"
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1]
    if path.startswith(str(ROOT)):
        return os.path.relpath(path, ROOT)
    return "/".join(path.split("/")[-2:])


def self_times(root: Frame) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds of self time (time in a frame, not in its callees) per layer, and per
    function: where the request's time is actually spent, whoever called it. Tortoise's
    own time while our operations build queries and rows counts as `orm`, the database
    round trip as `awaited`."""
    layers: dict[str, float] = {}
    functions: dict[str, float] = {}

    def walk(frame: Frame, parent_layer: str, parent_key: str) -> None:
        layer = _layer(frame, parent_layer)
        key = parent_key
        if frame.identifier != SELF_TIME_FRAME_IDENTIFIER:
            key = f"{_short(frame.file_path)}:{frame.function}"
        own = frame.time - sum(child.time for child in frame.children)
        if own > 0:
            layers[layer] = layers.get(layer, 0.0) + own
            functions[key] = functions.get(key, 0.0) + own
        for child in frame.children:
            walk(child, layer, key)

    walk(root, "python", "[root]")
    return layers, functions


class ProfiledApp:
    def __init__(self, inner: ASGIApp, path: str, out_dir: Path, label: str) -> None:
        self.inner, self.path, self.out_dir, self.label = inner, path, out_dir, label
        handler = _StatementCounter(level=logging.DEBUG)
        db_log = logging.getLogger("tortoise.db_client")
        db_log.addHandler(handler)
        db_log.setLevel(logging.DEBUG)
        db_log.propagate = False  # count statements, do not print them
        self.reset(enabled=True)

    def reset(self, enabled: bool) -> None:
        self.enabled = enabled
        self.session: Session | None = None
        self.walls_ms: list[float] = []
        self.statement_counts: list[int] = []
        self.shapes: Counter[str] = Counter()
        self.background = {"calls": 0, "wall_s": 0.0, "statements": 0, "published": 0}

    def watch_background(self, owner: type, method: str) -> None:
        """Time and count the statements of `owner.method`, work the app does in a task of
        its own after a request (the outbox relay): outside the request's profile, yet
        part of what an order costs the server."""
        original = getattr(owner, method)

        async def watched(instance: object, *args: Any, **kwargs: Any) -> Any:
            sink: list[str] = []
            token = _statements.set(sink)
            start = time.perf_counter()
            try:
                result = await original(instance, *args, **kwargs)
            finally:
                _statements.reset(token)
                if self.enabled:
                    self.background["calls"] += 1
                    self.background["wall_s"] += time.perf_counter() - start
                    self.background["statements"] += len(sink)
            if self.enabled and isinstance(result, int):
                self.background["published"] += result
            return result

        setattr(owner, method, watched)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/__bench/profile"):
            await self.control(scope, receive, send)
            return
        if not (scope["type"] == "http" and scope["method"] == "POST"):
            await self.inner(scope, receive, send)
            return
        if scope["path"] != self.path or not self.enabled:
            await self.inner(scope, receive, send)
            return
        sink: list[str] = []
        token = _statements.set(sink)
        profiler = Profiler(interval=INTERVAL_S, async_mode="enabled")
        start = time.perf_counter()
        profiler.start()
        try:
            await self.inner(scope, receive, send)
        finally:
            profiler.stop()
            self.walls_ms.append((time.perf_counter() - start) * 1000)
            _statements.reset(token)
            self.statement_counts.append(len(sink))
            self.shapes.update(statement_shape(sql) for sql in sink)
            last = profiler.last_session
            if last is not None:
                self.session = last if self.session is None else Session.combine(self.session, last)

    async def control(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if request.method == "POST":
            # `?profile=0` passes requests through untouched: the same process then
            # gives the unprofiled latency that the profile's proportions apply to.
            self.reset(enabled=request.query_params.get("profile", "1") != "0")
            response = JSONResponse({"reset": True, "profiling": self.enabled})
        else:
            response = JSONResponse(self.report())
        await response(scope, receive, send)

    def report(self) -> dict[str, Any]:
        n = len(self.walls_ms)
        if not n or self.session is None:
            return {"requests": 0}
        root = self.session.root_frame()
        functions = function_times(root) if root is not None else {}
        layers, selves = self_times(root) if root is not None else ({}, {})
        tree = ConsoleRenderer(unicode=False, color=False, show_all=False).render(self.session)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        tree_path = self.out_dir / f"profile-{self.label}.txt"
        tree_path.write_text(tree)
        per_request = 1000 / n
        top = sorted(functions.items(), key=lambda item: -item[1][0])[:TOP_FUNCTIONS]
        return {
            "requests": n,
            "wall_ms_mean": round(statistics.fmean(self.walls_ms), 3),
            "wall_ms_p50": round(statistics.median(self.walls_ms), 3),
            "profiled_ms_per_request": round(self.session.duration * per_request, 3),
            "awaited_ms_per_request": round(_awaited(root) * per_request, 3) if root else None,
            "layers_ms_per_request": {
                layer: round(seconds * per_request, 3)
                for layer, seconds in sorted(layers.items(), key=lambda item: -item[1])
            },
            "statements_per_request": round(statistics.fmean(self.statement_counts), 2),
            "statements": [
                {"per_request": round(count / n, 2), "sql": shape}
                for shape, count in self.shapes.most_common()
            ],
            "functions": [
                {
                    "function": key,
                    "ms_per_request": round(total * per_request, 3),
                    "awaited_ms_per_request": round(awaited * per_request, 3),
                }
                for key, (total, awaited) in top
            ],
            "background_per_request": {
                "calls": round(self.background["calls"] / n, 2),
                "wall_ms": round(self.background["wall_s"] * per_request, 3),
                "statements": round(self.background["statements"] / n, 2),
                "published": round(self.background["published"] / n, 2),
            },
            "self_time": [
                {"function": key, "ms_per_request": round(seconds * per_request, 3)}
                for key, seconds in sorted(selves.items(), key=lambda item: -item[1])[
                    :TOP_FUNCTIONS
                ]
            ],
            "tree": str(tree_path),
        }


def _build() -> ProfiledApp:
    target = os.environ.get("BENCH_PROFILE_TARGET", "oms")
    out_dir = Path(os.environ.get("BENCH_PROFILE_DIR", ROOT / "bench" / "results"))
    label = os.environ.get("BENCH_PROFILE_LABEL", target)
    if target == "oms":
        from api.main import app as oms

        profiled = ProfiledApp(oms, "/graphql", out_dir, label)
        try:  # the outbox relay, where the app has one
            from api.relay import Relay

            profiled.watch_background(Relay, "publish_pending")
        except (ImportError, AttributeError):
            pass
        return profiled
    from bench.baseline_app import app as baseline

    return ProfiledApp(baseline, "/orders", out_dir, label)


app = _build()
