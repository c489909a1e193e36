"""Logging: readable text by default, one JSON object a line with OMS_LOG_FORMAT=json,
each line carrying the worker's pid and the id of the request it belongs to.

Every logger ends at the root handler configured here: uvicorn's (whose own
handlers are removed), Tortoise's, aerich's, asyncio's, and Python warnings.
"""

from __future__ import annotations

import json
import logging
import os
import re
from contextvars import ContextVar
from datetime import UTC, datetime

# Set for each HTTP request and WebSocket by api/edge.Edge.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# A caller's own id is kept when it is a plausible id, never arbitrary text in our logs.
CALLER_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process or os.getpid(),
        }
        if rid := getattr(record, "request_id", None):  # set by RequestIdFilter
            entry["request_id"] = rid
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


# Libraries that log through their own handlers, or chat at INFO with object reprs (and,
# for Tortoise, the connection settings, credentials included): quieted to warnings.
ACCESS = "uvicorn.access"
ROUTED = ("uvicorn", "uvicorn.error", ACCESS)
QUIET = ("tortoise", "aerich", "db_client", "asyncio")


def configure_logging(log_format: str) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter(
                "%(asctime)s %(levelname)s %(process)d %(name)s [%(request_id)s]: %(message)s"
            )
        )
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    for name in ROUTED:
        logger = logging.getLogger(name)
        if name == ACCESS and not logger.handlers and not logger.propagate:
            # `uvicorn --no-access-log` leaves it so: kept off, uvicorn then skips building
            # each request's line rather than building it for a level that drops it.
            continue
        logger.handlers.clear()
        logger.propagate = True
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
