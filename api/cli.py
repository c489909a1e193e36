"""`oms serve | migrate | seed-demo | create-api-key | makemigrations`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from tortoise import Tortoise

from api.settings import MIGRATIONS_ROOT, Settings

T = TypeVar("T")


def _settings() -> Settings:
    return Settings.from_env()


async def _with_orm(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    await Tortoise.init(config=settings.tortoise_config())
    try:
        return await work()
    finally:
        await Tortoise.close_connections()


def cmd_migrate(args: argparse.Namespace) -> int:
    from api.db import apply_migrations

    applied = asyncio.run(apply_migrations(_settings()))
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else ""))
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from api.db import apply_migrations
    from models.operations.demo import print_keys, seed_demo

    settings = _settings()
    asyncio.run(apply_migrations(settings))
    keys = asyncio.run(_with_orm(settings, seed_demo))
    print_keys(keys)
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

    try:
        secret = asyncio.run(_with_orm(_settings(), work))
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    print(f"API key {args.name!r} ({args.role}); the secret is shown once:", file=sys.stderr)
    print(secret)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.logs import configure_logging

    settings = _settings()
    if args.workers > 1 and settings.broadcast_is_memory:
        print(
            "error: --workers > 1 needs BROADCAST_URL=redis://...: the memory broadcaster "
            "lives inside one process, so events would not reach subscribers on other workers",
            file=sys.stderr,
        )
        return 2
    configure_logging(settings.log_format)
    cmd_migrate(args)
    if args.demo:
        from models.operations.demo import print_keys, seed_demo

        keys = asyncio.run(_with_orm(settings, seed_demo))
        print_keys(keys)
    print(f"serving GraphQL at http://{args.host}:{args.port}/graphql", file=sys.stderr)
    uvicorn.run(
        "api.main:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=None,
        proxy_headers=True,
    )
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="oms", description="The OMS GraphQL service.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--demo", action="store_true", help="seed the demo data once, print keys")
    serve.set_defaults(run=cmd_serve)

    sub.add_parser("migrate", help="apply migrations to DATABASE_URL").set_defaults(run=cmd_migrate)
    sub.add_parser("seed-demo", help="seed the Minneapolis / St. Paul demo").set_defaults(
        run=cmd_seed_demo
    )

    key = sub.add_parser("create-api-key", help="issue an API key; prints the secret last")
    key.add_argument("--name", required=True)
    key.add_argument(
        "--role", required=True, choices=["ADMIN", "STAFF", "VENDOR", "PARTNER", "VIEWER"]
    )
    key.add_argument("--location", action="append", help="location code (STAFF), repeatable")
    key.add_argument("--vendor", help="vendor code (VENDOR)")
    key.add_argument("--channel", help="channel name (PARTNER)")
    key.set_defaults(run=cmd_create_api_key)

    make = sub.add_parser("makemigrations", help="developers: generate the next migration")
    make.add_argument("--name", required=True)
    make.add_argument("--sqlite-url", default="sqlite:///tmp/oms-makemigrations.sqlite3")
    make.add_argument(
        "--postgres-url", default="postgres://postgres@127.0.0.1:5432/oms_makemigrations"
    )
    make.set_defaults(run=cmd_makemigrations)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
