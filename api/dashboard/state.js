// What the page knows, and the one table of which actions each stage of work offers.

export const state = {
  viewer: null,
  features: {},
  assignee: null, // { kind: "location" | "vendor", id, label }
  items: [], // the active fulfillment orders, as last fetched
  history: [], // shipped and picked-up work of the last 7 days
  fresh: new Set(), // ids that arrived live since sign-in and were not acted on yet
  selected: new Set(), // ids chosen for a pick list
  online: false,
  live: null, // the subscription (api.js Live)
  poll: null, // the timer that re-reads the work when the server has no full event stream
};

// The stage a card is in: its status, except that an open cancellation request
// comes first and a pickup order's last step reads "Picked up".
export function stageOf(fo) {
  if (fo.cancellationRequest && fo.cancellationRequest.status === "REQUESTED") return "CANCELLATION_REQUESTED";
  if (fo.status === "SHIPPED" && isPickup(fo)) return "PICKED_UP";
  return fo.status;
}

export function isPickup(fo) {
  return fo.order.deliveryMethod === "PICKUP";
}

// THE table: stage -> the actions its card offers, in order. Each action is defined
// once in actions.js (label, the API it needs, which delivery method it applies to).
export const OFFERS = {
  CANCELLATION_REQUESTED: ["acceptCancellation", "rejectCancellation"],
  OPEN: ["accept", "reject"],
  ACCEPTED: ["pack", "readyForPickup", "pickedUp", "ship", "slip", "reject"],
  PACKED: ["readyForPickup", "pickedUp", "ship", "slip", "reject"],
  READY_FOR_PICKUP: ["pickedUp", "slip"],
};

// Sorted by what is due soonest: answers to cancellation requests first, then work with
// a deadline (accept by, collect by), then the rest oldest first.
export function dueAt(fo) {
  const stage = stageOf(fo);
  if (stage === "CANCELLATION_REQUESTED") return 0;
  if (stage === "OPEN" && fo.acceptBy) return Date.parse(fo.acceptBy);
  if (stage === "READY_FOR_PICKUP" && fo.pickupExpiresAt) return Date.parse(fo.pickupExpiresAt);
  return Date.parse(fo.assignedAt) + 1e13; // after anything with a real deadline
}

export function byDue(a, b) {
  return dueAt(a) - dueAt(b);
}

export function assigneeVariables() {
  const { kind, id } = state.assignee;
  return kind === "location" ? { loc: id } : { vendor: id };
}

// The fields a card shows; the ones newer servers add are asked only where the probe found them.
export function cardFields() {
  const f = state.features;
  return `
    id status acceptBy assignedAt shippedAt
    ${f.pickupExpiresAt ? "pickupExpiresAt" : ""}
    ${f.cancellationRequests ? "cancellationRequest { status message requestedAt }" : ""}
    location { id code } vendor { id code }
    shipments { carrier trackingNumber }
    order { number deliveryMethod customer { name email } holds { reason releasedAt }
            shippingAddress { name line1 line2 city region postalCode countryCode phone }
            pickupLocation { code name } }
    lines { quantity shippedQuantity remainingQuantity
            orderLine { id sku product { name } } }`;
}

export function activeStatuses() {
  return ["OPEN", "ACCEPTED", "PACKED", ...(state.features.readyForPickup ? ["READY_FOR_PICKUP"] : [])];
}
