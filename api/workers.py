"""What the server's worker processes share: prometheus-client's multiprocess directory.

prometheus-client reads `PROMETHEUS_MULTIPROC_DIR` when it is first imported,
so this module imports nothing of it, and its callers run before anything
that does: `oms serve` in the supervisor (a fresh, emptied directory that the
workers inherit), `api.main` in every worker (a bare `uvicorn api.main:app`
gets a directory named after its supervisor, or after itself when it has no
workers).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import re
import shutil
import tempfile
from pathlib import Path

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
_FILE_PID = re.compile(r"_(\d+)\.db$")
PREFIX = "oms-metrics-"
OWNER = "owner"  # the pid of the process that made a temporary directory


def fresh_metrics_dir() -> Path:
    """For a supervisor about to start workers: the configured directory (or a new one),
    emptied, so that a restart does not add the last run's counts."""
    configured = os.environ.get(MULTIPROC_ENV)
    if not configured:
        _sweep_stale()
    path = Path(configured) if configured else Path(tempfile.mkdtemp(prefix=PREFIX))
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    if not configured:
        (path / OWNER).write_text(str(os.getpid()))
    os.environ[MULTIPROC_ENV] = str(path)
    return path


def join_metrics_dir() -> Path:
    """For a worker: the directory its siblings share, without the files of dead processes
    (a supervisor pid reused from an earlier run must not adopt that run's counts)."""
    configured = os.environ.get(MULTIPROC_ENV)
    if configured:
        path = Path(configured)
    else:
        parent = multiprocessing.parent_process()
        owner = parent.pid if parent is not None else os.getpid()
        _sweep_stale()
        path = Path(tempfile.gettempdir()) / f"{PREFIX}{owner}"
        os.environ[MULTIPROC_ENV] = str(path)
    path.mkdir(parents=True, exist_ok=True)
    for file in path.glob("*.db"):
        match = _FILE_PID.search(file.name)
        if match and not _alive(int(match.group(1))):
            with contextlib.suppress(FileNotFoundError):
                file.unlink()
    return path


def _sweep_stale() -> None:
    """Remove the temporary directories of servers that are gone. uvicorn ends a server
    by re-raising the signal that stopped it, so no exit hook is sure to run: each start
    tidies up after the ones before."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            name = folder.name.removeprefix(PREFIX)
            pid = int(name) if name.isdigit() else int((folder / OWNER).read_text())
        except (OSError, ValueError):
            continue
        if not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leave_metrics_dir() -> None:
    """At a single-process server's exit: remove the directory named after it."""
    configured = os.environ.get(MULTIPROC_ENV)
    if (
        configured
        and multiprocessing.parent_process() is None
        and Path(configured).name == f"oms-metrics-{os.getpid()}"
    ):
        shutil.rmtree(configured, ignore_errors=True)


def tune_garbage_collection() -> None:
    """Fewer garbage collections per request. A request allocates thousands of short-lived
    objects (graphql-core's execution, ORM rows, the response), so generation 0's default
    threshold of 700 collects several times a request, each time walking the young objects;
    and the schema, models and modules built at import never die, so they are frozen out of
    every collection. Worth ~13% of the CPU of a page of 50 orders (bench/README.md, the
    order list, second session). Cycles are still collected, just in larger batches."""
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
