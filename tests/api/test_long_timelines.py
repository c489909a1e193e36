"""Timeline messages over many lines (issue 11 item 15): cancelling 120 lines, and a return
of 120 lines requested and received, never fail for their length; the message names a few
and counts the rest, `data` keeps every line."""

from __future__ import annotations

from typing import Any

from models.operations import fulfillment
from models.rules.scopes import SYSTEM
from models.tables import FulfillmentOrder as FulfillmentOrderRow
from models.tables import OrderEvent as OrderEventRow
from models.tables import OrderLine as OrderLineRow
from models.tables import Return as ReturnRow
from models.tables import ReturnLine as ReturnLineRow
from tests.support.factories import twin_cities
from tests.support.gql import PLACE, Gql, gid, order_input

LINES = 120
# 64 characters, the longest a SKU may be.
SKUS = [f"{'L' * 58}{n:06d}" for n in range(LINES)]


def mutation(name: str, input_type: str, selection: str) -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} "
        "userErrors { field message code } } }"
    )


async def test_operations_over_many_lines_summarize_their_messages(db: Any, admin: Gql) -> None:
    net = await twin_cities({sku: (3, 0, 0) for sku in SKUS})
    placed = await admin.mutate(PLACE, {"input": order_input([(sku, 3) for sku in SKUS])})
    order_id = placed["order"]["id"]
    lines = list(await OrderLineRow.all().order_by("id"))
    assert len(lines) == LINES

    await admin.mutate(
        mutation("cancelOrderLines", "CancelOrderLinesInput", "order { status }"),
        {
            "input": {
                "orderId": order_id,
                "lines": [{"orderLineId": gid(line), "quantity": 1} for line in lines],
                "reason": "CUSTOMER",
            }
        },
    )
    for fo in await FulfillmentOrderRow.all():
        await fulfillment.accept(fo.id, SYSTEM)
        await fulfillment.ship(fo.id, SYSTEM)
    await admin.mutate(
        mutation("requestReturn", "RequestReturnInput", "return { id }"),
        {
            "input": {
                "orderId": order_id,
                "lines": [{"orderLineId": gid(line), "quantity": 1} for line in lines],
            }
        },
    )
    ret = await ReturnRow.get()
    await admin.mutate(
        mutation("approveReturn", "ApproveReturnInput", "return { id }"),
        {"input": {"returnId": gid(ret)}},
    )
    return_lines = list(await ReturnLineRow.filter(return__id=ret.id).order_by("id"))
    await admin.mutate(
        mutation("receiveReturn", "ReceiveReturnInput", "return { status }"),
        {
            "input": {
                "returnId": gid(ret),
                "locationId": gid(net.msp),
                "lines": [
                    {"returnLineId": gid(line), "disposition": "DISPOSE"} for line in return_lines
                ],
            }
        },
    )

    events = {e.type: e for e in await OrderEventRow.all()}
    cancelled, requested, received = (
        events["LINES_CANCELLED"],
        events["RETURN_REQUESTED"],
        events["RETURN_RECEIVED"],
    )
    for entry in (cancelled, requested, received):
        assert len(entry.message) < 2000
        assert entry.message.count("L" * 58) == 10, entry.message
        assert f"and {LINES - 10} more" in entry.message
    assert len(cancelled.data["lines"]) == LINES
    assert len(requested.data["lines"]) == LINES
    assert len(received.data["returnLines"]) == LINES
    assert {v["disposition"] for v in received.data["returnLines"].values()} == {"DISPOSE"}
