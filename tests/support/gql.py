"""GraphQL over HTTP for tests: a client as one API key, and the documents and inputs
several test modules send."""

from __future__ import annotations

from typing import Any

import httpx

from resolvers.ids import encode_id

PLACE = """
mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order {
      id number status channel subtotal { amount currencyCode }
      lines { sku quantity allocatedQuantity backorderedQuantity unitPrice { amount } }
      fulfillmentOrders { status routingReason location { code } vendor { code }
        lines { quantity remainingQuantity orderLine { sku } } }
    }
    userErrors { field message code }
  }
}
"""

PAGE = """
query Page($first: Int, $filter: OrderFilter) {
  orders(first: $first, filter: $filter) {
    totalCount
    edges { node {
      number status customer { email }
      lines { sku quantity unitPrice { amount } product { sku name tags } }
      fulfillmentOrders {
        status location { code } vendor { code } lines { quantity orderLine { sku } }
      }
    } }
  }
}
"""

STOCK = """query($sku: String) { inventoryLevels(sku: $sku) {
  nodes { location { code } onHand reserved available } } }"""


class Gql:
    """POST /graphql as one API key."""

    def __init__(self, client: httpx.AsyncClient, secret: str | None) -> None:
        self.client = client
        self.secret = secret

    async def raw(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.secret}"} if self.secret else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()

    async def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The data of a request that must not fail."""
        body = await self.raw(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]

    async def mutate(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The payload of a one-mutation document that must succeed without userErrors."""
        data = await self(query, variables)
        (payload,) = data.values()
        assert payload["userErrors"] == [], payload["userErrors"]
        return payload


def order_input(lines: list[tuple[str, int]], **extra: Any) -> dict[str, Any]:
    return {
        "channel": "web",
        "customer": {"email": "ada@example.com", "name": "Ada"},
        "currency": "USD",
        "shippingAddress": {
            "line1": "250 Marquette Ave",
            "city": "Minneapolis",
            "region": "MN",
            "postalCode": "55401",
            "countryCode": "US",
            "latitude": 44.9795,
            "longitude": -93.2680,
        },
        "lines": [{"sku": sku, "quantity": q, "unitPrice": "10.00"} for sku, q in lines],
        **extra,
    }


def gid(row: Any) -> str:
    return encode_id(type(row).__name__, row.pk)


def codes(body: dict[str, Any]) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]


async def stock_of(admin: Gql, sku: str) -> dict[str, tuple[int, int, int]]:
    nodes = (await admin(STOCK, {"sku": sku}))["inventoryLevels"]["nodes"]
    return {n["location"]["code"]: (n["onHand"], n["reserved"], n["available"]) for n in nodes}
