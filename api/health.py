"""The backends the server depends on, and the truth about them for /readyz and the log.

Each `Dependency` logs one ERROR line when an outage starts (where the backend
is, never the credentials in its URL) and one INFO line when it ends, however
many retries happen in between.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

log = logging.getLogger("api.health")


def where(url: str) -> str:
    """`redis at 10.0.0.5:6379`, `postgres at db:5432/oms`, `sqlite at /data/oms.sqlite3`:
    a URL without its user name and password."""
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0] or "?"
    if scheme.startswith("sqlite"):
        return f"sqlite at {url.split('://', 1)[-1] or ':memory:'}"
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or "localhost"
    address = f"{host}:{port}" if port else host
    return f"{scheme} at {address}{parts.path if parts.path not in ('', '/') else ''}"


class Outage:
    """Logs a run of failures once: a line when the first fails, one when it is over."""

    def __init__(
        self, down: str, up: str, logger: logging.Logger = log, level: int = logging.WARNING
    ) -> None:
        self.down, self.up_again = down, up
        self.logger = logger
        self.level = level
        self.problem: str | None = None
        self._since = 0.0

    @property
    def up(self) -> bool:
        return self.problem is None

    def failed(self, error: BaseException | str) -> None:
        problem = error if isinstance(error, str) else describe(error)
        if self.problem is None:
            self._since = time.monotonic()
            self.logger.log(self.level, "%s: %s; retrying until it is back", self.down, problem)
        self.problem = problem

    def recovered(self) -> None:
        if self.problem is not None:
            self.logger.info("%s after %.1f s", self.up_again, time.monotonic() - self._since)
        self.problem = None


class Dependency(Outage):
    """A backend (`database`, `broadcast`): its outages are logged as errors."""

    def __init__(self, role: str, url: str) -> None:
        place = where(url)
        super().__init__(
            f"{role} unreachable ({place})", f"{role} reachable again ({place})", log, logging.ERROR
        )
        self.role = role


def describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
