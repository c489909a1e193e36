// What a worker can do, each action defined once, and the reads that keep the screen true.

import { ApiError, gql, mutate } from "./api.js";
import { assigneeVariables, cardFields, activeStatuses, state } from "./state.js";
import { draw, drawHistory, drawSearch, say, showPickList, printSlip } from "./render.js";
import { errorWords } from "./words.js";

const REASONS = [
  ["OUT_OF_STOCK", "We don't have it"],
  ["DAMAGED", "It is damaged"],
  ["CAPACITY", "We're too busy"],
  ["INCORRECT_ADDRESS", "The address is wrong"],
  ["OTHER", "Something else"],
];

// needs: a feature the sign-in probe must have found; unless: one it must not have;
// method: SHIP or PICKUP when the action applies to one delivery method only;
// fields: the form asked before running (none: a plain button).
export const ACTIONS = {
  accept: {
    label: "Accept",
    done: "accepted",
    run: (fo) => mutate("acceptFulfillmentOrder", { id: fo.id }),
  },
  pack: {
    label: "Packed",
    done: "packed",
    run: (fo) => mutate("packFulfillmentOrder", { id: fo.id }),
  },
  readyForPickup: {
    label: "Ready for pickup",
    done: "is ready for pickup",
    needs: "readyForPickup",
    method: "PICKUP",
    run: (fo) => mutate("markReadyForPickup", { fulfillmentOrderId: fo.id }),
  },
  pickedUp: {
    label: "Customer is here…",
    submit: "Handed over",
    done: "picked up",
    method: "PICKUP",
    pickedUpStep: true,
    fields: () =>
      state.features.pickupCode
        ? [{ name: "pickupCode", label: "Pickup code from the customer", required: true, autocomplete: "off" }]
        : [],
    run: (fo, values) =>
      mutate("markPickedUp", {
        fulfillmentOrderId: fo.id,
        ...(state.features.pickupCode ? { pickupCode: values.get("pickupCode").trim() } : {}),
      }),
  },
  ship: {
    label: "Ship…",
    submit: "Confirm shipment",
    done: "shipped",
    method: "SHIP",
    fields: (fo) => [
      { name: "carrier", label: "Carrier", required: true, placeholder: "UPS" },
      { name: "tracking", label: "Tracking number", required: true },
      ...openLines(fo).map((line) => quantityField(line, "Ship")),
    ],
    run: (fo, values) =>
      mutate("shipFulfillmentOrder", {
        id: fo.id,
        carrier: values.get("carrier"),
        trackingNumber: values.get("tracking"),
        lines: chosenLines(fo, values),
      }),
  },
  slip: { label: "Packing slip", local: true, run: (fo) => printSlip(fo) },
  reject: {
    label: "Reject…",
    submit: "Reject – send elsewhere",
    danger: true,
    done: "sent elsewhere",
    fields: (fo) => [
      { name: "reason", label: "Reason", options: REASONS },
      { name: "note", label: "Note", placeholder: "optional" },
      // A short pick: only the units we cannot supply go elsewhere.
      ...(state.features.shortPick ? openLines(fo).map((line) => quantityField(line, "Reject")) : []),
    ],
    run: (fo, values) => {
      const input = { id: fo.id, reason: values.get("reason"), message: values.get("note") || null };
      if (state.features.shortPick) {
        const lines = chosenLines(fo, values);
        const all = lines.length === openLines(fo).length && lines.every((l, i) => l.quantity === openLines(fo)[i].remainingQuantity);
        if (!lines.length) throw new ApiError("INVALID", "choose at least one unit to reject.");
        if (!all) input.lines = lines;
      }
      return mutate("rejectFulfillmentOrder", input);
    },
  },
  acceptCancellation: {
    label: "Cancel it (stop work)",
    done: "cancelled as asked",
    needs: "cancellationRequests",
    danger: true,
    run: (fo) => mutate("acceptCancellationRequest", { fulfillmentOrderId: fo.id }),
  },
  rejectCancellation: {
    label: "Too late to cancel…",
    submit: "Send answer",
    done: "goes on: the shop is told why",
    needs: "cancellationRequests",
    fields: () => [{ name: "message", label: "Why (the shop reads this)", required: true, placeholder: "Already handed to the carrier" }],
    run: (fo, values) =>
      mutate("rejectCancellationRequest", {
        fulfillmentOrderId: fo.id,
        message: values.get("message"),
      }),
  },
};

// Whether a card shows an action: the feature it needs is there, its delivery method fits,
// and a pickup order goes through "ready" first when the server has that step.
export function offered(name, fo) {
  const action = ACTIONS[name];
  const f = state.features;
  if (action.needs && !f[action.needs]) return false;
  if (action.method && action.method !== fo.order.deliveryMethod) return false;
  if (action.pickedUpStep && f.readyForPickup && fo.status !== "READY_FOR_PICKUP") return false;
  return true;
}

function openLines(fo) {
  return fo.lines.filter((line) => line.remainingQuantity > 0);
}

function quantityField(line, verb) {
  return {
    name: `qty:${line.orderLine.id}`,
    label: `${verb} ${line.orderLine.sku}`,
    type: "number",
    min: 0,
    max: line.remainingQuantity,
    value: line.remainingQuantity,
  };
}

function chosenLines(fo, values) {
  return openLines(fo)
    .map((line) => ({ orderLineId: line.orderLine.id, quantity: Number(values.get(`qty:${line.orderLine.id}`)) }))
    .filter((line) => line.quantity > 0);
}

export async function act(fo, name, values) {
  const action = ACTIONS[name];
  if (action.local) return action.run(fo);
  if (!state.online) return say("The connection is lost: wait until it is back.");
  try {
    await action.run(fo, values);
    state.fresh.delete(fo.id);
    say(`Order ${fo.order.number} ${action.done}.`, true);
  } catch (error) {
    say(errorWords(error));
  }
  await refreshAll();
}

// A card costs about 560 points of the API's query cost, its lines charged as the 250 an
// order may have (100,000 at most a request): 80 cards fit.
const PAGE = 80;

// One read of each kind in flight: a newer one aborts the older, and only the newest
// draws, so a slow or failed answer never paints over a fresher one.
const inflight = new Map();

async function latest(kind, query, variables) {
  if (inflight.has(kind)) inflight.get(kind).abort();
  const controller = new AbortController();
  inflight.set(kind, controller);
  try {
    const data = await gql(query, variables, controller.signal);
    return inflight.get(kind) === controller ? data : null;
  } catch (error) {
    if (controller.signal.aborted) return null;
    throw error;
  } finally {
    if (inflight.get(kind) === controller) inflight.delete(kind);
  }
}

export async function refresh() {
  const query = `query($loc: ID, $vendor: ID, $status: [FulfillmentOrderStatus!]) {
    fulfillmentOrders(locationId: $loc, vendorId: $vendor, status: $status, first: ${PAGE}) { nodes { ${cardFields()} } }
  }`;
  const data = await latest("active", query, { ...assigneeVariables(), status: activeStatuses() });
  if (!data) return;
  state.items = data.fulfillmentOrders.nodes;
  draw();
}

export async function loadHistory() {
  const query = `query($loc: ID, $vendor: ID) {
    fulfillmentOrders(locationId: $loc, vendorId: $vendor, status: [SHIPPED], last: ${PAGE}) { nodes { ${cardFields()} } }
  }`;
  const data = await latest("history", query, assigneeVariables());
  if (!data) return;
  const weekAgo = Date.now() - 7 * 86400e3;
  state.history = data.fulfillmentOrders.nodes
    .filter((fo) => fo.shippedAt && Date.parse(fo.shippedAt) >= weekAgo)
    .sort((a, b) => Date.parse(b.shippedAt) - Date.parse(a.shippedAt));
  drawHistory();
}

export async function refreshAll() {
  try {
    await Promise.all([refresh(), loadHistory()]);
  } catch (error) {
    say(errorWords(error));
  }
}

// Each order's fulfillmentOrders are charged as 25 cards: 5 orders fit a request.
const SEARCH_PAGE = 5;

// By order number or customer name: the server matches numbers (and emails) across all of
// this assignee's orders; names are matched in the work and history on screen.
export async function search(text) {
  const needle = text.trim().toLowerCase();
  if (!needle) return drawSearch(null);
  const { loc, vendor } = assigneeVariables();
  const query = `query($filter: OrderFilter) {
    orders(filter: $filter, first: ${SEARCH_PAGE}) { nodes { fulfillmentOrders { ${cardFields()} } } }
  }`;
  const found = new Map();
  const mine = (fo) => (loc ? fo.location && fo.location.id === loc : fo.vendor && fo.vendor.id === vendor);
  try {
    const data = await latest("search", query, { filter: { query: text.trim(), locationId: loc, vendorId: vendor } });
    if (!data) return;
    for (const order of data.orders.nodes) for (const fo of order.fulfillmentOrders) if (mine(fo)) found.set(fo.id, fo);
  } catch (error) {
    say(errorWords(error));
  }
  for (const fo of [...state.items, ...state.history]) {
    const name = (fo.order.customer.name || "").toLowerCase();
    if (name.includes(needle) || fo.order.number.toLowerCase().includes(needle)) found.set(fo.id, fo);
  }
  drawSearch([...found.values()]);
}

export async function pickList() {
  const query = `query($loc: ID!, $ids: [ID!]) {
    pickList(locationId: $loc, fulfillmentOrderIds: $ids) {
      lines { sku productName quantity fulfillmentOrders { fulfillmentOrderId orderNumber quantity } }
    }
  }`;
  try {
    const data = await gql(query, { loc: state.assignee.id, ids: [...state.selected] });
    showPickList(data.pickList.lines);
  } catch (error) {
    say(errorWords(error));
  }
}
