"""`oms serve | check | migrate | seed-demo | create-api-key | makemigrations`.

Human output (keys, reports) goes to stdout; what the server logs goes to
stderr in the configured format. A problem the operator must fix is one line,
`error: ...` saying what and how, and exit status 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from tortoise import Tortoise

from api.preflight import StartupProblem, check_broadcast, check_database, migration_state
from api.settings import ENVIRONMENT, MIGRATIONS_ROOT, Settings, default_of, settings

log = logging.getLogger("api.cli")

FIRST_KEY = "oms create-api-key --name admin --role ADMIN"

T = TypeVar("T")


async def _with_orm(config: Settings, work: Callable[[], Awaitable[T]]) -> T:
    await Tortoise.init(config=config.tortoise_config())
    try:
        return await work()
    finally:
        await Tortoise.close_connections()


def _migrate(config: Settings) -> list[str]:
    from api.db import apply_migrations

    asyncio.run(check_database(config))
    return asyncio.run(apply_migrations(config))


def cmd_migrate(args: argparse.Namespace) -> int:
    applied = _migrate(settings)
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else ""))
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from models.operations.demo import print_keys, seed_demo

    _migrate(settings)
    print_keys(asyncio.run(_with_orm(settings, seed_demo)))
    return 0


def cmd_create_api_key(args: argparse.Namespace) -> int:
    from models.errors import DomainError, not_found
    from models.operations.access import create_api_key, role_of
    from models.tables import Location, Vendor

    async def work() -> str:
        location_ids = []
        for code in args.location or []:
            location = await Location.get_or_none(code=code)
            if location is None:
                raise not_found("location", code)
            location_ids.append(location.id)
        vendor_id = None
        if args.vendor:
            vendor = await Vendor.get_or_none(code=args.vendor)
            if vendor is None:
                raise not_found("vendor", args.vendor)
            vendor_id = vendor.id
        _, secret = await create_api_key(
            args.name, role_of(args.role), location_ids, vendor_id, args.channel
        )
        return secret

    asyncio.run(check_database(settings))
    try:
        secret = asyncio.run(_with_orm(settings, work))
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    print(f"API key {args.name!r} ({args.role}); the secret is shown once:", file=sys.stderr)
    print(secret)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """A few lines an operator reads before (or instead of) starting the server."""
    problems = 0

    def line(what: str, report: str, ok: bool = True) -> None:
        nonlocal problems
        problems += not ok
        print(f"{what:<11}{'ok ' if ok else 'BAD'}  {report}")

    line("settings", f"read from the environment ({len(ENVIRONMENT)} variables, see --help)")
    for what, check in (("database", check_database), ("broadcast", check_broadcast)):
        try:
            line(what, asyncio.run(check(settings)))
        except StartupProblem as problem:
            line(what, str(problem), ok=False)
            if what == "database":
                line("migrations", "unknown: the database cannot be reached", ok=False)
                continue
        if what == "database":
            applied, pending = asyncio.run(migration_state(settings))
            line(
                "migrations",
                f"{len(applied)} applied, {len(pending)} pending"
                + (f" ({', '.join(pending)}): run `oms migrate`" if pending else ""),
                ok=not pending,
            )
    return 2 if problems else 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.logs import configure_logging
    from api.workers import fresh_metrics_dir

    if args.workers > 1 and settings.broadcast_is_memory:
        print(
            "error: --workers > 1 needs BROADCAST_URL=redis://...: the memory broadcaster "
            "lives inside one process, so events would not reach subscribers on other workers",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings.log_format)
    applied = _migrate(settings)  # the database answers, or StartupProblem
    asyncio.run(check_broadcast(settings))
    log.info("applied %d migration(s)%s", len(applied), "".join(f" {v}" for v in applied))
    if args.demo:
        from models.operations.demo import print_keys, seed_demo

        print_keys(asyncio.run(_with_orm(settings, seed_demo)))
        sys.stdout.flush()
    else:
        from models.operations.access import any_live_key

        if not asyncio.run(_with_orm(settings, any_live_key)):
            log.warning(
                "no API key exists yet, so every request will be refused: create one with "
                "`%s` (in Docker Compose: `docker compose exec oms %s`)",
                FIRST_KEY,
                FIRST_KEY,
            )
    metrics_dir = fresh_metrics_dir()
    log.info("serving GraphQL at http://%s:%d/graphql", args.host, args.port)
    try:
        uvicorn.run(
            "api.main:app",
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_config=None,
            proxy_headers=True,
            timeout_keep_alive=settings.keep_alive_seconds,
        )
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def cmd_makemigrations(args: argparse.Namespace) -> int:
    """Generate the next migration for both dialects from the same models."""
    import subprocess

    for dialect, url in (("sqlite", args.sqlite_url), ("postgres", args.postgres_url)):
        # aerich keeps global state: one process to bring the scratch database up to
        # date with the history, another to diff the models against it.
        steps: tuple[str, ...] = (
            "import asyncio; from api.db import apply_migrations; "
            "from api.settings import Settings, MIGRATIONS_ROOT; "
            f"asyncio.run(apply_migrations(Settings(database_url={url!r}), "
            f"MIGRATIONS_ROOT / {dialect!r}))",
            "import asyncio; from api.db import make_migration; "
            f"print(asyncio.run(make_migration({url!r}, {dialect!r}, {args.name!r})))",
        )
        if not (MIGRATIONS_ROOT / dialect / "models").exists():
            steps = steps[1:]
        for code in steps:
            result = subprocess.run([sys.executable, "-c", code], check=False)
            if result.returncode:
                return result.returncode
    return 0


class Help(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Defaults shown after each option; the environment listed as written."""


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value) if value not in ([], "", None) else "none"


def environment_help() -> str:
    width = max(len(variable.name) for variable in ENVIRONMENT)
    lines = [
        f"  {v.name:<{width}}  {v.help} (default: {_shown(default_of(v))})" for v in ENVIRONMENT
    ]
    return "environment variables:\n" + "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    epilog = environment_help()
    parser = argparse.ArgumentParser(
        prog="oms",
        description="The OMS GraphQL service. `oms COMMAND --help` describes each command.",
        epilog=epilog,
        formatter_class=Help,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, help=summary, description=description, epilog=epilog, formatter_class=Help
        )

    serve = command(
        "serve",
        "check the backends, migrate, then serve the API",
        "Check that the database and the broadcast backend answer, apply pending migrations, "
        "then serve /graphql, /healthz, /readyz and /metrics. Several workers need "
        "BROADCAST_URL=redis://...",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument(
        "--demo",
        action="store_true",
        help="seed the demo data (once) and print a fresh set of demo keys, revoking the "
        "demo keys printed before",
    )
    serve.set_defaults(run=cmd_serve)

    command(
        "check",
        "report on settings, database, migrations and broadcast",
        "Report whether the settings are valid, the database and the broadcast backend "
        "answer, and the migrations are applied. Exit status 2 when something is wrong.",
    ).set_defaults(run=cmd_check)
    command(
        "migrate",
        "apply pending migrations to DATABASE_URL",
        "Apply the committed migrations the database has not had yet.",
    ).set_defaults(run=cmd_migrate)
    command(
        "seed-demo",
        "seed the Minneapolis / St. Paul demo and print demo keys",
        "Migrate, seed the demo data once, and print a fresh set of demo keys (one per "
        "role); the demo keys printed before are revoked.",
    ).set_defaults(run=cmd_seed_demo)

    key = command(
        "create-api-key",
        "issue an API key; prints the secret last",
        "Issue an API key. The secret is printed once, on the last line of stdout; only its "
        "hash is stored.",
    )
    key.add_argument("--name", required=True, help="who or what the key is for")
    key.add_argument(
        "--role",
        required=True,
        choices=["ADMIN", "STAFF", "VENDOR", "PARTNER", "VIEWER"],
        help="what the key may do",
    )
    key.add_argument("--location", action="append", help="location code (STAFF), repeatable")
    key.add_argument("--vendor", help="vendor code (VENDOR)")
    key.add_argument("--channel", help="channel name (PARTNER)")
    key.set_defaults(run=cmd_create_api_key)

    make = command(
        "makemigrations",
        "developers: generate the next migration",
        "Generate the next aerich migration for SQLite and PostgreSQL from the models, "
        "against scratch databases.",
    )
    make.add_argument("--name", required=True, help="the migration's name")
    make.add_argument(
        "--sqlite-url",
        default="sqlite:///tmp/oms-makemigrations.sqlite3",
        help="scratch SQLite database",
    )
    make.add_argument(
        "--postgres-url",
        default="postgres://postgres@127.0.0.1:5432/oms_makemigrations",
        help="scratch PostgreSQL database",
    )
    make.set_defaults(run=cmd_makemigrations)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except StartupProblem as problem:
        if args.command == "serve" and settings.log_format == "json":
            log.error("%s", problem)  # one JSON line, like everything else the server writes
        else:
            print(f"error: {problem}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
