"""The Tortoise tables, one module per aggregate. aerich loads this package."""

from .access import ApiKey
from .cancellation import CancellationRequest, CancellationRequestLine
from .catalog import Product
from .config import ConfigVersion
from .events import OutboxEvent, WebhookDelivery, WebhookDeliveryAttempt
from .fulfillment import FulfillmentOrder, FulfillmentOrderLine, Shipment, ShipmentLine
from .inventory import InventoryLedgerEntry, InventoryLevel
from .locations import Location, Vendor
from .order_counts import OrderCount
from .orders import (
    IdempotencyRecord,
    Order,
    OrderEditRecord,
    OrderEvent,
    OrderHold,
    OrderLine,
    OrderTag,
)
from .returns import Return, ReturnLine
from .routing import RoutingRule, RoutingSettings
from .webhooks import WebhookSubscription

__all__ = [
    "ApiKey",
    "CancellationRequest",
    "CancellationRequestLine",
    "ConfigVersion",
    "FulfillmentOrder",
    "FulfillmentOrderLine",
    "IdempotencyRecord",
    "InventoryLedgerEntry",
    "InventoryLevel",
    "Location",
    "Order",
    "OrderCount",
    "OrderEditRecord",
    "OrderEvent",
    "OrderHold",
    "OrderLine",
    "OrderTag",
    "OutboxEvent",
    "Product",
    "Return",
    "ReturnLine",
    "RoutingRule",
    "RoutingSettings",
    "Shipment",
    "ShipmentLine",
    "Vendor",
    "WebhookDelivery",
    "WebhookDeliveryAttempt",
    "WebhookSubscription",
]
