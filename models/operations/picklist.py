"""The pick list of a location: what is left to ship on the chosen fulfillment orders
(by default every ACCEPTED one there), read in three queries and summed by
models.rules.picklist. Reads only; the caller has checked the key may see the location."""

from __future__ import annotations

from collections.abc import Sequence

from models.errors import DomainError, ErrorCode, invalid
from models.operations.fulfillment_state import remaining
from models.rules.lifecycle import FulfillmentOrderStatus
from models.rules.picklist import PickLine, UnitsToPick, pick_list
from models.tables import FulfillmentOrder, FulfillmentOrderLine, Order, OrderLine, Product

# A morning's orders fit; a longer list is a report, not something to carry round a shop.
MAX_FULFILLMENT_ORDERS = 500


async def location_pick_list(
    location_id: int, fulfillment_order_ids: Sequence[int] | None = None
) -> list[PickLine]:
    """Fulfillment order ids not at this location (or not existing) are refused alike, so
    the answer reveals nothing about other locations' work."""
    query = FulfillmentOrder.filter(location_id=location_id)
    if fulfillment_order_ids is None:
        query = query.filter(status=FulfillmentOrderStatus.ACCEPTED.value)
    else:
        wanted = sorted(set(fulfillment_order_ids))
        if len(wanted) > MAX_FULFILLMENT_ORDERS:
            raise invalid(
                f"a pick list takes at most {MAX_FULFILLMENT_ORDERS} fulfillment orders, "
                f"got {len(wanted)}",
                ["fulfillmentOrderIds"],
            )
        query = query.filter(id__in=wanted)
    fulfillment_orders = await query.order_by("id").limit(MAX_FULFILLMENT_ORDERS)
    if fulfillment_order_ids is not None:
        missing = sorted(set(fulfillment_order_ids) - {fo.id for fo in fulfillment_orders})
        if missing:
            raise DomainError(
                ErrorCode.NOT_FOUND,
                f"{len(missing)} of the fulfillment orders given are not at this location",
                ["fulfillmentOrderIds"],
            )
    numbers = dict(
        await Order.filter(id__in={fo.order_id for fo in fulfillment_orders}).values_list(
            "id", "number"
        )
    )
    order_of = {fo.id: numbers[fo.order_id] for fo in fulfillment_orders}
    fo_lines = await FulfillmentOrderLine.filter(fulfillment_order_id__in=list(order_of))
    order_lines = {
        line.id: line
        for line in await OrderLine.filter(id__in={fl.order_line_id for fl in fo_lines})
    }
    names = dict(
        await Product.filter(id__in={line.product_id for line in order_lines.values()}).values_list(
            "id", "name"
        )
    )
    units = []
    for fo_line in fo_lines:
        order_line = order_lines[fo_line.order_line_id]
        fo_id = fo_line.fulfillment_order_id
        units.append(
            UnitsToPick(
                sku=order_line.sku,
                product_name=names[order_line.product_id],
                fulfillment_order_id=fo_id,
                order_number=order_of[fo_id],
                quantity=remaining(fo_line),
            )
        )
    return pick_list(units)
