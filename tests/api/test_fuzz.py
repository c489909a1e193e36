"""Fuzzing: schemathesis sends generated queries and mutations, every root field of the
live schema, to a real uvicorn as an ADMIN and as a VIEWER. No request may be answered
with a 5xx, and the server may log no traceback.

Bounded and reproducible: a few examples per operation, derandomized, no example
database. ID arguments are drawn from the ids of rows that exist (and from junk), so the
mutations reach the code behind the id checks, not only the checks.
"""

from __future__ import annotations

import asyncio
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest
import requests
import schemathesis
import websockets
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from api.settings import Settings
from models.operations import fulfillment, returns
from models.operations.access import create_api_key
from models.operations.order_actions import hold_order
from models.rules.lifecycle import HoldReason
from models.rules.scopes import SYSTEM, Role
from models.tables import (
    ApiKey,
    FulfillmentOrder,
    FulfillmentOrderLine,
    Location,
    Order,
    OrderHold,
    OrderLine,
    Product,
    Return,
    ReturnLine,
    RoutingRule,
    Shipment,
    Vendor,
    WebhookDelivery,
)
from resolvers.ids import encode_id
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, order_input
from tests.support.servers import Uvicorn

# Per operation and role. FUZZ_EXAMPLES raises it for a longer hunt by hand.
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
NODE_TABLES: dict[str, Any] = {
    "ApiKey": ApiKey,
    "FulfillmentOrder": FulfillmentOrder,
    "FulfillmentOrderLine": FulfillmentOrderLine,
    "Location": Location,
    "Order": Order,
    "OrderHold": OrderHold,
    "OrderLine": OrderLine,
    "Product": Product,
    "Return": Return,
    "ReturnLine": ReturnLine,
    "RoutingRule": RoutingRule,
    "Shipment": Shipment,
    "Vendor": Vendor,
    "WebhookDelivery": WebhookDelivery,
}
# Where a generated webhookUrl goes instead: a random host name would make the server
# resolve it (up to 5 s each) and could name a machine on the internet. These cover the
# guard's cases (loopback, credentials, other schemes, junk) and stay on this machine.
WEBHOOK_URLS = [
    "http://127.0.0.1:9/hook",
    "https://localhost/hook",
    "http://[::1]:9/",
    "http://user:secret@127.0.0.1/",
    "ftp://127.0.0.1/",
    "not a url",
    "",
]

# Filled by each test before it generates anything: ids of rows that exist now.
ID_POOL: list[str] = []


def _existing_id(index: int) -> str:
    return ID_POOL[index % len(ID_POOL)] if ID_POOL else "Tm9uZTox"


# The scalars schemathesis cannot guess. Registered once per process; the id strategy
# reads ID_POOL when it draws, so each test's own rows are used.
schemathesis.graphql.scalar(
    "ID",
    st.one_of(
        st.integers(min_value=0, max_value=10_000).map(_existing_id),
        st.text(max_size=16),
    ).map(nodes.String),
)
schemathesis.graphql.scalar(
    "Decimal",
    st.one_of(
        st.decimals(min_value=-(10**9), max_value=10**9, places=2).map(str),
        st.sampled_from(["NaN", "-Infinity", "1e999", "-0", "0.001", "1E+2", " 1 "]),
        st.text(max_size=10),
    ).map(nodes.String),
)

# Datetimes at and past the ends of what the database stores, beside ordinary ones.
schemathesis.graphql.scalar(
    "DateTime",
    st.one_of(
        st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat),
        st.sampled_from(
            [
                "0001-01-01T00:00:00+14:00",
                "9999-12-31T23:59:59-14:00",
                "10000-01-01T00:00:00Z",
                "0001-01-01",
                "junk",
            ]
        ),
    ).map(nodes.String),
)


class SafeWebhookUrls(graphql.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def enter_object_field(self, node: graphql.ObjectFieldNode, *_: Any) -> Any:
        if node.name.value != "webhookUrl" or isinstance(node.value, graphql.NullValueNode):
            return None
        url = WEBHOOK_URLS[self.count % len(WEBHOOK_URLS)]
        self.count += 1
        return graphql.ObjectFieldNode(name=node.name, value=graphql.StringValueNode(value=url))


def loopback_only(body: str) -> str:
    return graphql.print_ast(graphql.visit(graphql.parse(body), SafeWebhookUrls()))


async def build_world(admin: Gql) -> None:
    """A little of everything, so that queries find rows and mutations find targets."""
    network = await twin_cities({"MUG": (5, 5, 20), "HAT": (5, 5, 20)})
    # Loopback: the guard refuses it at send time, so an attempt is recorded and nothing leaves.
    await Vendor.filter(id=network.vendor.id).update(
        webhook_url="http://127.0.0.1:9/hook", webhook_secret="fuzz-webhook-secret"
    )
    for name, role, scope in (
        ("fuzz staff", Role.STAFF, {"location_ids": [network.msp.id]}),
        ("fuzz vendor", Role.VENDOR, {"vendor_id": network.vendor.id}),
        ("fuzz partner", Role.PARTNER, {"channel": "web"}),
    ):
        await create_api_key(name, role, **scope)
    placed = []
    for lines in ([("MUG", 2), ("HAT", 1)], [("MUG", 1), ("CHAIR", 1)], [("HAT", 40)]):
        payload = await admin.mutate(PLACE, {"input": order_input(lines)})
        placed.append(payload["order"]["number"])
    shipped = await Order.get(number=placed[0])
    for fo in await FulfillmentOrder.filter(order_id=shipped.id, location_id__not_isnull=True):
        await fulfillment.accept(fo.id, SYSTEM)
        await fulfillment.ship(fo.id, SYSTEM, carrier="UPS", tracking_number="1Z")
    line = await OrderLine.filter(order_id=shipped.id).first()
    assert line is not None
    await returns.request_return(
        shipped.id, [returns.ReturnLineInput(line.id, 1, "too small")], SYSTEM
    )
    held = await Order.get(number=placed[2])
    await hold_order(held.id, HoldReason.OTHER, "fuzz", SYSTEM)


async def id_pool(exclude_key: int) -> list[str]:
    ids = []
    for type_name, table in NODE_TABLES.items():
        for pk in await table.all().order_by("id").values_list("id", flat=True):
            # Revoking the fuzzing key itself would leave nothing but UNAUTHENTICATED to see.
            if not (table is ApiKey and pk == exclude_key):
                ids.append(str(encode_id(type_name, pk)))
    return ids


@dataclass
class Finding:
    operation: str
    query: str
    problem: str


@dataclass
class Fuzzer:
    """Runs in a worker thread: schemathesis and hypothesis are synchronous."""

    server: Uvicorn
    secret: str
    findings: list[Finding] = field(default_factory=list)
    operations: int = 0
    requests: int = 0

    def run(self) -> None:
        schema = schemathesis.graphql.from_url(f"{self.server.base}/graphql", timeout=30)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {self.secret}"
        for result in schema.get_all_operations():
            operation = result.ok()
            self.operations += 1
            self._fuzz(operation.label, operation.as_strategy(), session)

    def _fuzz(self, label: str, strategy: Any, session: requests.Session) -> None:
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            # No shrinking: each failing example is reported as it was sent.
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def one(case: Any) -> None:
            case.body = loopback_only(case.body)
            problem = self._send(case, session)
            if problem is not None:
                self.findings.append(Finding(label, case.body, problem))

        one()

    def _send(self, case: Any, session: requests.Session) -> str | None:
        seen = len(self.server.log())
        self.requests += 1
        try:
            response = session.post(
                f"{self.server.base}/graphql", json={"query": case.body}, timeout=30
            )
        except requests.RequestException as error:
            return f"no answer: {error!r}"
        if response.status_code >= 500:
            return f"HTTP {response.status_code}: {response.text[:500]}"
        logged = self.server.log()[seen:]
        if "Traceback" in logged:
            return f"the server logged:\n{logged[-3000:]}"
        return None


def report(findings: list[Finding]) -> str:
    """Which operations failed, then the first few failures in full."""
    by_operation: dict[str, int] = {}
    for finding in findings:
        by_operation[finding.operation] = by_operation.get(finding.operation, 0) + 1
    summary = ", ".join(f"{label} x{count}" for label, count in sorted(by_operation.items()))
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.operation, finding)
    detail = "\n\n".join(f"{f.operation}\n{f.query}\n-> {f.problem}" for f in first.values())
    return f"{len(findings)} failing requests: {summary}\n\n{detail}"


@pytest.mark.parametrize("role", [Role.ADMIN, Role.VIEWER])
async def test_no_generated_request_breaks_the_server(
    db: Settings, admin: Gql, role: Role, tmp_path: Path
) -> None:
    await build_world(admin)
    key, secret = await create_api_key(f"fuzz {role.value.lower()}", role)
    ID_POOL[:] = await id_pool(exclude_key=key.id)
    # The fuzzer probes the resolvers, not the limits (tests/api/test_query_cost.py does):
    # with budgets that never run dry, no example is answered THROTTLED instead of run.
    env = {"OMS_COST_BUCKET_SIZE": "100000000", "OMS_COST_RESTORE_RATE": "100000000"}
    async with Uvicorn(db.database_url, db.broadcast_url, tmp_path / "server.log", env=env) as srv:
        fuzzer = Fuzzer(srv, secret)
        await asyncio.to_thread(fuzzer.run)
    # Every root query and mutation was tried (hypothesis stops early only for a field
    # with fewer distinct documents than MAX_EXAMPLES, such as `viewer`).
    assert fuzzer.operations >= 40 and fuzzer.requests >= 5 * fuzzer.operations, fuzzer
    assert not fuzzer.findings, report(fuzzer.findings)
    assert "Traceback" not in srv.log(), srv.log()[-4000:]


# --- what the fuzzer found, one focused test each -----------------------------------------


async def test_lookups_by_values_longer_than_their_column_find_nothing(admin: Gql) -> None:
    """Tortoise refused even to compare such a value (a ValidationError and a traceback);
    no row can hold it, so the lookup finds nothing."""
    await twin_cities({"MUG": (1, 1, 1)})
    long = "X" * 300
    data = await admin(
        """query($long: String!) {
          product(sku: $long) { id }  order(number: $long) { id }
          location(code: $long) { id }  vendor(code: $long) { id }
          inventoryLevels(sku: $long) { totalCount }
          orders(filter: { channel: $long }) { totalCount }
          byText: orders(filter: { query: $long }) { totalCount }
        }""",
        {"long": long},
    )
    assert data == {
        "product": None,
        "order": None,
        "location": None,
        "vendor": None,
        "inventoryLevels": {"totalCount": 0},
        "orders": {"totalCount": 0},
        "byText": {"totalCount": 0},
    }


async def test_a_malformed_pickup_location_in_a_sourcing_plan_is_bad_input(admin: Gql) -> None:
    """It escaped as a DomainError from a query (a traceback, no error code)."""
    await twin_cities({"MUG": (1, 1, 1)})
    body = await admin.raw(
        "query($input: PlaceOrderInput!) { sourcingPlan(input: $input) { backorders { sku } } }",
        {"input": order_input([("MUG", 1)], deliveryMethod="PICKUP", pickupLocationId="junk")},
    )
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "pickupLocationId" in error["extensions"]["field"]


async def test_text_holding_nul_is_refused_as_bad_input(admin: Gql) -> None:
    """PostgreSQL refuses U+0000 in text, in a lookup or a write alike (a traceback and a
    failed request there; stored as sent on SQLite): both refuse it up front now."""
    await twin_cities({"MUG": (1, 1, 1)})
    create = """mutation($input: CreateVendorInput!) {
      createVendor(input: $input) { vendor { id } userErrors { message } } }"""
    for query, variables in (
        ("query($sku: String!) { product(sku: $sku) { id } }", {"sku": "MUG\x00"}),
        ('{ product(sku: "MUG\\u0000") { id } }', None),
        (create, {"input": {"code": "NUL", "name": "Nul\x00Vendor"}}),
    ):
        body = await admin.raw(query, variables)
        assert body["data"] is None, body
        assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert await Vendor.filter(code="NUL").count() == 0


# --- hostile shapes the generator does not make (issue 11, item 10 and 12) -----------------

DEEP = 40_000  # within the body cap, far past Python's recursion limit
NASTY_BODIES: list[str] = [
    "[" * DEEP + "]" * DEEP,
    '{"query": "{ __typename }", "variables": {"x": ' + "[" * DEEP + "]" * DEEP + "}}",
    '{"query": "{ __typename }", "variables": ' + '{"a":' * DEEP + "1" + "}" * DEEP + "}",
    # A list literal nested as deep as the token limit allows, in the query text itself.
    json.dumps({"query": "{ product(sku: " + "[" * 1900 + '"x"' + "]" * 1900 + ") { id } }"}),
    json.dumps({"query": "{ " + "product(sku: {" * 500 + "}" * 500 + " }"}),
]
SURROGATE = "MUG\ud800"
EXTREME_DATETIMES = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999+00:00",
]


def nasty_requests() -> list[tuple[str, dict[str, Any] | None]]:
    """(query, variables): lone surrogates and extreme datetimes wherever input goes."""
    orders = "query($f: OrderFilter) { orders(filter: $f) { totalCount } }"
    cases: list[tuple[str, dict[str, Any] | None]] = [
        ("query($s: String!) { product(sku: $s) { id } }", {"s": SURROGATE}),
        ('{ product(sku: "MUG\\ud800") { id } }', None),
        ('{ product(sku: "MUG\ud800") { id } }', None),
        (
            "mutation($i: CreateVendorInput!) { createVendor(input: $i) { vendor { id } } }",
            {"i": {"code": SURROGATE, "name": SURROGATE}},
        ),
        ("query($f: OrderFilter) { orders(filter: $f) { totalCount } }", {"\ud800": 1}),
        ('{ node(id: "\ud800") { id } }', None),
    ]
    for moment in EXTREME_DATETIMES:
        cases.append((orders, {"f": {"createdAfter": moment, "createdBefore": moment}}))
        cases.append((f'{{ orders(filter: {{createdAfter: "{moment}"}}) {{ totalCount }} }}', None))
    return cases


async def test_hostile_shapes_get_no_500_and_no_traceback(
    db: Settings, admin: Gql, tmp_path: Path
) -> None:
    await build_world(admin)
    headers = {"Authorization": f"Bearer {admin.secret}", "Content-Type": "application/json"}
    async with (
        Uvicorn(db.database_url, db.broadcast_url, tmp_path / "server.log") as srv,
        httpx.AsyncClient(base_url=srv.base, headers=headers, timeout=30) as http,
    ):
        for body in NASTY_BODIES:
            response = await http.post("/graphql", content=body)
            assert response.status_code < 500, (body[:80], response.text[:300])
        for query, variables in nasty_requests():
            # json.dumps escapes lone surrogates; the server decodes them back.
            payload = json.dumps({"query": query, "variables": variables or {}})
            response = await http.post("/graphql", content=payload)
            assert response.status_code < 500, (query, response.text[:300])
            assert "Traceback" not in response.text
            errors = response.json().get("errors")
            assert errors, (query, variables, response.text[:300])
        url = srv.base.replace("http://", "ws://") + "/graphql"
        async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:
            init = {
                "type": "connection_init",
                "payload": {"Authorization": headers["Authorization"]},
            }
            await socket.send(json.dumps(init))
            assert json.loads(await socket.recv())["type"] == "connection_ack"
            await socket.send(
                NASTY_BODIES[1].replace(
                    '{"query"', '{"id": "1", "type": "subscribe", "payload": {"query"', 1
                )
                + "}"
            )
            with pytest.raises(websockets.ConnectionClosed):
                await asyncio.wait_for(socket.recv(), timeout=10)
    assert "Traceback" not in srv.log(), srv.log()[-4000:]
