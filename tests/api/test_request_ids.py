"""Every request has an id: in its response and in every log line written for it."""

from __future__ import annotations

import json
import logging

import httpx

from api.logs import JsonFormatter, RequestIdFilter, request_id


async def test_a_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    given = await client.get("/healthz", headers={"X-Request-ID": "shop-7f3a"})
    assert given.headers["x-request-id"] == "shop-7f3a"
    made = await client.get("/healthz", headers={"X-Request-ID": "not an id\nat all"})
    assert made.headers["x-request-id"] != "not an id\nat all"
    assert len(made.headers["x-request-id"]) == 32


def test_json_log_lines_carry_the_request_id() -> None:
    record = logging.LogRecord("oms", logging.INFO, __file__, 1, "placed %s", ("1001",), None)
    token = request_id.set("req-42")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-42"
    assert line["message"] == "placed 1001"
