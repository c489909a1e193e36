"""placeOrder on a real uvicorn, against the least an order needs on the same stack.

    python -m bench.place_order [--backend sqlite|postgres|postgres-2w|all]
        [--requests 2000] [--concurrency 16] [--time-cap 40] [--json PATH]
    python -m bench.place_order --profile [--backend ...] [--profile-requests 300]

For each setup: fresh databases, `python -m api.cli migrate`, the network of bench.seed
(50 Twin Cities locations, 30 products, 16 ADMIN keys: one per connection), then
`uvicorn api.main:app` and `uvicorn bench.baseline_app:app` side by side on the same
database server, each driven in turn by bench.load from its own process: a warm-up, then
N orders over C keep-alive connections (3-line placeOrder mutations to random Twin Cities
addresses; the baseline's 1-row reservation + order + 2 lines), in alternating rounds.
Reports orders/s, p50/p99 latency, the servers' CPU per order, and ours/baseline. Setups:
`sqlite` (1 worker, memory broadcast), `postgres` (1 worker), `postgres-2w` (2 workers +
Redis broadcast; the baseline gets 2 workers too).

`--profile` runs both apps under bench.profiled_app instead, one request at a time, and
prints where a placeOrder's time goes (our functions, SQL statements) beside the baseline.

Longer than most modules because its databases, servers, CPU accounting and alternating
load rounds (`measure_apps`) are the machinery every other HTTP bench here shares.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from api.settings import Settings
from bench.load import summarize

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
GOAL_RATIO = 0.6  # issue 3: placeOrder >= 0.6 x the same-run baseline
# asyncpg's pool defaults to 5 connections; both apps get the same, larger one.
PG_POOL = "maxsize=20"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Setup:
    name: str
    dialect: str  # sqlite | postgres
    workers: int = 1
    broadcast_url: str = "memory://"


SETUPS = {
    "sqlite": Setup("sqlite", "sqlite"),
    "postgres": Setup("postgres", "postgres"),
    # More than one worker needs a shared broadcaster: memory:// is per process.
    "postgres-2w": Setup("postgres-2w", "postgres", 2, "redis://127.0.0.1:6379"),
}
BACKENDS = {**{name: [name] for name in SETUPS}, "all": list(SETUPS)}


# --- databases ------------------------------------------------------------------------


async def _recreate_postgres(admin_url: str, names: Sequence[str], create: bool) -> None:
    import asyncpg

    admin = await asyncpg.connect(f"{admin_url}/postgres")
    try:
        for name in names:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


@contextmanager
def databases(setup: Setup, pg_url: str) -> Iterator[tuple[str, str]]:
    """Fresh (oms, baseline) database URLs for one setup, removed afterwards."""
    if setup.dialect == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="oms-bench-"))
        try:
            yield f"sqlite://{folder / 'oms.sqlite3'}", f"sqlite://{folder / 'baseline.sqlite3'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    # The process id in the names: benches run side by side on one server must not drop
    # each other's databases.
    slug = f"{setup.name.replace('-', '_')}_{os.getpid()}"
    names = [f"bench_oms_{slug}", f"bench_baseline_{slug}"]
    asyncio.run(_recreate_postgres(pg_url, names, create=True))
    try:
        yield f"{pg_url}/{names[0]}?{PG_POOL}", f"{pg_url}/{names[1]}?{PG_POOL}"
    finally:
        asyncio.run(_recreate_postgres(pg_url, names, create=False))


# --- processes ------------------------------------------------------------------------


def _run(command: Sequence[str], env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _proc_stats() -> Iterator[tuple[int, str, int, float]]:
    """(pid, command name, process group, CPU seconds) of every process we may read."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            raw = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name is parenthesized and may hold spaces: split after the last ')'.
        name = raw[raw.index("(") + 1 : raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2 :].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        yield int(entry.name), name, int(fields[2]), cpu


def database_cpu_seconds(database: str | None) -> float | None:
    """CPU of the PostgreSQL backends connected to `database`, found by the process title
    PostgreSQL gives them (`postgres: 15/main: USER DATABASE HOST(PORT) STATE`); the
    shared WAL writer and checkpointer are left out. None for SQLite (in-process)."""
    if database is None:
        return None
    total = 0.0
    for pid, name, _, cpu in _proc_stats():
        if not name.startswith("postgres"):
            continue
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if f" {database} " in title:
            total += cpu
    return total


class Server:
    """A uvicorn in its own session, so that it and its workers stop together."""

    def __init__(
        self,
        label: str,
        app: str,
        env: dict[str, str],
        workers: int,
        logs: Path,
        database: str | None = None,
        extra_args: Sequence[str] = (),
    ) -> None:
        self.label, self.app, self.env, self.workers = label, app, env, workers
        self.database = database  # PostgreSQL database name, to count its backends' CPU
        self.extra_args = list(extra_args)
        self.port = _free_port()
        self.log_path = logs / f"{label}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            PYTHON, "-m", "uvicorn", self.app, "--host", "127.0.0.1", "--port", str(self.port),
            "--workers", str(self.workers), "--log-level", "warning", "--no-access-log",
            # As `oms serve` runs (uvicorn's 5 s closed idle connections under the
            # driver's pool, whose next request on one then got no answer).
            "--timeout-keep-alive", str(Settings.from_env(self.env).keep_alive_seconds),
            *self.extra_args,
        ]  # fmt: skip
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.label} exited at start:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    if self.workers > 1:
                        time.sleep(2)  # /healthz answered by one worker; let the others boot
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.label} did not answer /healthz in 60 s:\n{self.log_tail()}")

    def cpu_seconds(self) -> float:
        """CPU used so far by uvicorn and its workers (the whole process group)."""
        if self.proc is None:
            return 0.0
        return sum(cpu for _, _, group, cpu in _proc_stats() if group == self.proc.pid)

    def database_cpu_seconds(self) -> float | None:
        return database_cpu_seconds(self.database)

    def log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)  # our own session only
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@contextmanager
def serving(*servers: Server) -> Iterator[None]:
    try:
        for server in servers:
            server.start()
        yield
    finally:
        for server in servers:
            server.stop()


# --- load -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    requests: int
    concurrency: int
    time_cap: float
    warmup: int
    rounds: int


def drive(
    target: str,
    url: str,
    key: str | None,
    requests: int,
    concurrency: int,
    cap: float,
    body: Path | None = None,
) -> dict[str, Any]:
    """One bench.load run in its own process; `body` is the request of target `graphql`."""
    command = [
        PYTHON, "-m", "bench.load", "--target", target, "--url", url, "--raw",
        "--requests", str(requests), "--concurrency", str(concurrency),
        "--time-cap", str(cap), "--warmup", "0",
    ]  # fmt: skip
    if key:
        command += ["--key", key]
    if body is not None:
        command += ["--body", str(body)]
    out = _run(command, dict(os.environ), timeout=cap + 120)
    return json.loads(out.strip().splitlines()[-1])


@dataclass
class Rounds:
    """One app's timed rounds, merged."""

    target: str
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0
    server_cpu_s: float = 0.0
    postgres_cpu_s: float | None = None

    def add(self, run: dict[str, Any], cpu: float, db_cpu: float | None) -> None:
        self.latencies_ms += run["latencies_ms"]
        self.errors += run["errors"]
        self.error_samples += run["error_samples"]
        self.elapsed_s += run["elapsed_s"]
        self.server_cpu_s += cpu
        if db_cpu is not None:
            self.postgres_cpu_s = (self.postgres_cpu_s or 0.0) + db_cpu

    def result(self, load: Load) -> dict[str, Any]:
        summary = summarize(
            self.target,
            load.concurrency,
            self.latencies_ms,
            self.errors,
            self.elapsed_s,
            load.requests,
            self.error_samples,
        )
        orders = max(summary["orders"], 1)
        summary["server_cpu_ms_per_order"] = round(self.server_cpu_s * 1000 / orders, 2)
        summary["postgres_cpu_ms_per_order"] = (
            None if self.postgres_cpu_s is None else round(self.postgres_cpu_s * 1000 / orders, 2)
        )
        return summary


@dataclass(frozen=True)
class App:
    """One server under load and what bench.load sends it."""

    server: Server
    target: str  # bench.load's --target
    path: str
    key: str | None = None
    body: Path | None = None


def measure_apps(apps: Sequence[App], load: Load) -> list[dict[str, Any]]:
    """Warm every app up, then alternate timed rounds (a, b, a, b, ...) so that a busy
    spell on the machine hits all of them rather than one: the ratio is what counts.
    Each run is its own driver process, so the CPU counted around it is that run's.
    One result per app, in the order given."""
    merged = [Rounds(app.target) for app in apps]
    for app in apps:
        url = app.server.base_url + app.path
        drive(app.target, url, app.key, load.warmup, load.concurrency, 60, app.body)
    for round_ in range(load.rounds):
        # The requests split evenly over the rounds; the first rounds take any remainder.
        requests = load.requests // load.rounds + (round_ < load.requests % load.rounds)
        for app, rounds in zip(apps, merged, strict=True):
            cpu, db_cpu = app.server.cpu_seconds(), app.server.database_cpu_seconds()
            run = drive(
                app.target,
                app.server.base_url + app.path,
                app.key,
                requests,
                load.concurrency,
                load.time_cap / load.rounds,
                app.body,
            )
            db_after = app.server.database_cpu_seconds()
            rounds.add(
                run,
                app.server.cpu_seconds() - cpu,
                None if db_cpu is None or db_after is None else db_after - db_cpu,
            )
    return [rounds.result(load) for rounds in merged]


def measure(
    oms: Server, baseline: Server, key: str, load: Load
) -> tuple[dict[str, Any], dict[str, Any]]:
    """placeOrder against the baseline's POST /orders: (ours, baseline)."""
    base, ours = measure_apps(
        [App(baseline, "baseline", "/orders"), App(oms, "oms", "/graphql", key)], load
    )
    return ours, base


@dataclass
class Prepared:
    oms_env: dict[str, str]
    baseline_env: dict[str, str]
    key: str  # comma-separated secrets, as bench.load takes them


def prepare_oms(setup: Setup, oms_url: str) -> tuple[dict[str, str], str]:
    """Migrate and seed the OMS database: the server's environment and the ADMIN secrets
    (comma-separated). The other benches (dashboard, order list) need no baseline."""
    oms_env = {**os.environ, "DATABASE_URL": oms_url, "BROADCAST_URL": setup.broadcast_url}
    _run([PYTHON, "-m", "api.cli", "migrate"], oms_env)
    return oms_env, _run([PYTHON, "-m", "bench.seed"], oms_env).strip().splitlines()[-1]


def prepare(setup: Setup, oms_url: str, baseline_url: str) -> Prepared:
    """Migrate and seed the OMS database; create and seed the baseline's tables."""
    oms_env, key = prepare_oms(setup, oms_url)
    baseline_env = {**os.environ, "BENCH_BASELINE_DATABASE_URL": baseline_url}
    _run([PYTHON, "-m", "bench.baseline_app"], baseline_env)
    return Prepared(oms_env, baseline_env, key)


def cpu_ratio(baseline: dict[str, Any], ours: dict[str, Any]) -> float | None:
    """Baseline CPU per order / ours (uvicorn + its PostgreSQL backends): the orders/s ratio
    the two would reach if CPU were all that limited them. Neighbours on a shared machine
    move orders/s a lot and this much less, so it is the steadier figure to track."""

    def per_order(r: dict[str, Any]) -> float:
        return float(r["server_cpu_ms_per_order"] + (r["postgres_cpu_ms_per_order"] or 0.0))

    return round(per_order(baseline) / per_order(ours), 3) if per_order(ours) else None


def _database_name(url: str) -> str | None:
    parts = urlsplit(url)
    return parts.path.lstrip("/") if parts.scheme.startswith("postgres") else None


def run_setup(setup: Setup, load: Load, pg_url: str, logs: Path) -> dict[str, Any]:
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    with databases(setup, pg_url) as (oms_url, baseline_url):
        ready = prepare(setup, oms_url, baseline_url)
        oms = Server(
            f"oms-{setup.name}", "api.main:app", ready.oms_env, setup.workers, logs,
            _database_name(oms_url),
        )  # fmt: skip
        base = Server(
            f"baseline-{setup.name}", "bench.baseline_app:app", ready.baseline_env,
            setup.workers, logs, _database_name(baseline_url),
        )  # fmt: skip
        with serving(oms, base):
            ours, baseline = measure(oms, base, ready.key, load)
    ratio = ours["orders_per_s"] / baseline["orders_per_s"] if baseline["orders_per_s"] else 0
    return {
        **asdict(setup),
        "oms": ours,
        "baseline": baseline,
        "ratio": round(ratio, 3),
        "meets_goal": ratio >= GOAL_RATIO,
        "cpu_ratio": cpu_ratio(baseline, ours),
        "seconds": round(time.monotonic() - started, 1),
        # Other work on the machine moves orders/s; the ratio and CPU/order much less.
        "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        f"{'setup':<12} {'app':<10} {'orders/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'cpu ms/o':>8} {'pg ms/o':>8} {'errors':>6} {'ratio':>6} {'cpu ratio':>9}"
    )
    lines = [head, "-" * len(head)]
    for row in rows:
        for app, label in (("oms", "placeOrder"), ("baseline", "baseline")):
            r = row[app]
            db_cpu = r["postgres_cpu_ms_per_order"]
            pg = "" if db_cpu is None else f"{db_cpu:>8.2f}"
            ratio = f"{row['ratio']:>6.2f}" if app == "oms" else ""
            by_cpu = f"{row['cpu_ratio']:>9.2f}" if app == "oms" and row["cpu_ratio"] else ""
            lines.append(
                f"{row['name']:<12} {label:<10} {r['orders_per_s']:>9.1f} {r['p50_ms']:>8.1f} "
                f"{r['p99_ms']:>8.1f} {r['server_cpu_ms_per_order']:>8.2f} {pg:>8} "
                f"{r['errors']:>6} {ratio:>6} {by_cpu:>9}"
            )
    lines.append(
        f"ratio = placeOrder orders/s / baseline orders/s, same run; goal >= {GOAL_RATIO}. "
        "cpu ms/o = uvicorn's CPU per order;\npg ms/o = its PostgreSQL backends' CPU per order; "
        "cpu ratio = baseline (cpu + pg) per order / ours, steadier on a busy machine."
    )
    return "\n".join(lines)


def run_throughput(names: Sequence[str], load: Load, pg_url: str) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as logs:
        for name in names:
            print(f"placeOrder bench: {name} ...", file=sys.stderr, flush=True)
            row = run_setup(SETUPS[name], load, pg_url, Path(logs))
            for app in ("oms", "baseline"):
                for sample in row[app]["error_samples"]:
                    print(f"  {app} error: {sample}", file=sys.stderr)
            rows.append(row)
    return rows


# --- profile --------------------------------------------------------------------------


def _profile_one(
    server: Server, target: str, path: str, key: str | None, requests: int
) -> dict[str, Any]:
    url = server.base_url + path
    control = f"{server.base_url}/__bench/profile/reset"
    drive(target, url, key, 50, 1, 60)  # warm-up: caches, pools, first-call imports
    # One at a time throughout: each request's profiler must see only that request.
    httpx.post(control, params={"profile": "0"}, timeout=10).raise_for_status()
    plain = drive(target, url, key, requests, 1, 120)
    httpx.post(control, params={"profile": "1"}, timeout=10).raise_for_status()
    profiled = drive(target, url, key, requests, 1, 120)
    report = httpx.get(f"{server.base_url}/__bench/profile", timeout=120).json()
    for timing in (plain, profiled):
        timing.pop("latencies_ms", None)
    report["client_unprofiled"], report["client_profiled"] = plain, profiled
    return report


def run_profile(name: str, requests: int, pg_url: str) -> dict[str, Any]:
    setup = SETUPS[name]
    with (
        databases(setup, pg_url) as (oms_url, baseline_url),
        tempfile.TemporaryDirectory(prefix="oms-bench-logs-") as logs,
    ):
        ready = prepare(setup, oms_url, baseline_url)
        reports = {}
        for target, env, path, key in (
            ("oms", ready.oms_env, "/graphql", ready.key),
            ("baseline", ready.baseline_env, "/orders", None),
        ):
            profile_env = {
                **env,
                "BENCH_PROFILE_TARGET": target,
                "BENCH_PROFILE_DIR": str(RESULTS),
                "BENCH_PROFILE_LABEL": f"{target}-{name}",
            }
            # asyncio's loop, not uvloop: only there does pyinstrument see awaits as such.
            server = Server(
                f"profile-{target}", "bench.profiled_app:app", profile_env, 1, Path(logs),
                extra_args=["--loop", "asyncio"],
            )  # fmt: skip
            with serving(server):
                reports[target] = _profile_one(server, target, path, key, requests)
    return {"setup": name, **reports}


LAYER_LABELS = {
    "awaited": "awaiting the database / I/O",
    "orm": "Tortoise, pypika, db drivers",
    "ours": "our code (self time)",
    "graphql": "strawberry, graphql-core",
    "http": "uvicorn, Starlette",
    "python": "stdlib, asyncio loop",
    "elsewhere": "other tasks (relay), loop",
    "other": "other libraries",
}


def format_profile(result: dict[str, Any], top: int = 25) -> str:
    ours, base = result["oms"], result["baseline"]
    lines = [
        f"profile: {result['setup']}, {ours['requests']} requests one at a time, asyncio loop "
        "(pyinstrument async mode; its overhead inflates CPU-bound parts)",
        f"{'':<34} {'placeOrder':>10} {'baseline':>10} {'beyond':>8}",
    ]

    def row(label: str, mine: float, theirs: float) -> None:
        lines.append(f"{label:<34} {mine:>10.2f} {theirs:>10.2f} {mine - theirs:>8.2f}")

    for label, key in (("unprofiled", "client_unprofiled"), ("profiled", "client_profiled")):
        row(f"client p50 ms, {label}", ours[key]["p50_ms"], base[key]["p50_ms"])
    row("server wall ms/request, profiled", ours["wall_ms_mean"], base["wall_ms_mean"])
    layers = sorted(
        set(ours["layers_ms_per_request"]) | set(base["layers_ms_per_request"]),
        key=lambda layer: -ours["layers_ms_per_request"].get(layer, 0.0),
    )
    for layer in layers:
        row(
            f"  {LAYER_LABELS.get(layer, layer)}",
            ours["layers_ms_per_request"].get(layer, 0.0),
            base["layers_ms_per_request"].get(layer, 0.0),
        )
    row("SQL statements/request", ours["statements_per_request"], base["statements_per_request"])
    relay = ours.get("background_per_request")
    if relay and relay["calls"]:
        lines.append(
            f"outbox relay, after the response: {relay['calls']:.2f} runs, "
            f"{relay['wall_ms']:.2f} ms, {relay['statements']:.1f} statements, "
            f"{relay['published']:.1f} events published per placeOrder"
        )
    lines.append(f"\nplaceOrder, our functions (inclusive ms/request; awaited part), top {top}:")
    for entry in ours["functions"][:top]:
        lines.append(
            f"  {entry['ms_per_request']:>7.2f} {entry['awaited_ms_per_request']:>7.2f}  "
            f"{entry['function']}"
        )
    lines.append("\nplaceOrder, self time by function, any layer (ms/request), top 15:")
    for entry in ours["self_time"][:15]:
        lines.append(f"  {entry['ms_per_request']:>7.2f}  {entry['function']}")
    lines.append("\nplaceOrder SQL statements per request:")
    for entry in ours["statements"]:
        lines.append(f"  {entry['per_request']:>5.1f}  {entry['sql'][:110]}")
    lines.append(f"\ncall trees: {ours['tree']}, {base['tree']}")
    return "\n".join(lines)


def environment() -> dict[str, Any]:
    """Where and on what the figures were measured."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    # BENCH_COMMIT names the code when it runs from an exported copy without .git.
    commit = (
        os.environ.get("BENCH_COMMIT")
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    )
    return {
        "date": time.strftime("%Y-%m-%d"),
        "commit": commit or None,
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": sys.version.split()[0],
    }


# --- command line ---------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=list(BACKENDS), default="all")
    parser.add_argument("--requests", type=int, default=2000, help="timed orders per app")
    parser.add_argument("--concurrency", type=int, default=16, help="connections")
    parser.add_argument(
        "--time-cap", type=float, default=40.0, help="seconds of timed load per app, at most"
    )
    parser.add_argument("--warmup", type=int, default=100, help="orders before timing")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timed rounds per app")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--profile", action="store_true", help="profile instead of load")
    parser.add_argument("--profile-requests", type=int, default=300)
    parser.add_argument(
        "--pg-url", default="postgres://postgres@127.0.0.1:5432", help="server, no database"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = build_parser().parse_args(argv)
    names = BACKENDS[args.backend]
    if args.profile:
        # Two workers add nothing to a one-request-at-a-time profile.
        profiles = [
            run_profile(name, args.profile_requests, args.pg_url)
            for name in names
            if SETUPS[name].workers == 1
        ]
        for profile in profiles:
            print(format_profile(profile) + "\n")
        output: dict[str, Any] = {"environment": environment(), "profiles": profiles}
    else:
        load = Load(args.requests, args.concurrency, args.time_cap, args.warmup, args.rounds)
        rows = run_throughput(names, load, args.pg_url)
        print(format_table(rows))
        output = {"environment": environment(), "load": asdict(load), "setups": rows}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2) + "\n")
    return output


if __name__ == "__main__":
    main()
