// The store dashboard: a STAFF (or VENDOR) key sees its fulfillment orders and works them.
// No build step, no dependencies: GraphQL over fetch, subscriptions over graphql-transport-ws.
"use strict";

const KEY = "oms.key";
const CURSOR = "oms.cursor.";
const $ = (selector, root = document) => root.querySelector(selector);

const FIELDS = `
  id status acceptBy assignedAt
  location { id code } vendor { id code }
  order { number deliveryMethod customer { name } shippingAddress { city }
          pickupLocation { code } }
  lines { quantity shippedQuantity remainingQuantity
          orderLine { id sku product { name } } }`;

const LIST = `query($loc: ID, $vendor: ID) {
  fulfillmentOrders(locationId: $loc, vendorId: $vendor, status: [OPEN, ACCEPTED, PACKED], first: 100) {
    nodes { ${FIELDS} }
  }
}`;

const VIEWER = `{ viewer { name role locations { id code name } vendor { id code name } } }`;

const SUBSCRIBE = `subscription($loc: ID, $vendor: ID, $since: String) {
  fulfillmentOrderAssigned(locationId: $loc, vendorId: $vendor, since: $since) {
    cursor fulfillmentOrder { id }
  }
}`;

const ACTIONS = {
  accept: ["acceptFulfillmentOrder", "AcceptFulfillmentOrderInput"],
  pack: ["packFulfillmentOrder", "PackFulfillmentOrderInput"],
  reject: ["rejectFulfillmentOrder", "RejectFulfillmentOrderInput"],
  ship: ["shipFulfillmentOrder", "ShipFulfillmentOrderInput"],
  pickedUp: ["markPickedUp", "MarkPickedUpInput"],
};

// What a store worker should read instead of an API code.
const PLAIN_WORDS = {
  UNAUTHENTICATED: "Your key is not valid any more. Please sign in again.",
  FORBIDDEN: "This key is not allowed to do that for this store.",
  INVALID_TRANSITION: "That step is not possible right now:",
  INSUFFICIENT_STOCK: "Not enough stock:",
  NOT_FOUND: "That order is gone (it may have been cancelled or moved).",
  INVALID: "Please check what you entered:",
};

const state = { key: null, assignee: null, socket: null, retry: 1000, fresh: new Set(), items: [] };

class ApiError extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

function words(error) {
  if (error instanceof ApiError) {
    const plain = PLAIN_WORDS[error.code];
    if (!plain) return error.message;
    return plain.endsWith(":") ? `${plain} ${error.message}` : plain;
  }
  return "Cannot reach the server. Check the connection; the page keeps trying.";
}

async function gql(query, variables = {}) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${state.key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    const code = (first.extensions && first.extensions.code) || "ERROR";
    throw new ApiError(code, first.message);
  }
  return body.data;
}

function say(text, ok = false) {
  const box = $("#message");
  box.textContent = text;
  box.classList.toggle("ok", ok);
  box.hidden = !text;
}

function variables() {
  return state.assignee.kind === "location" ? { loc: state.assignee.id } : { vendor: state.assignee.id };
}

async function refresh() {
  const data = await gql(LIST, variables());
  state.items = data.fulfillmentOrders.nodes;
  render();
}

function deadlineText(acceptBy) {
  if (!acceptBy) return "";
  const left = Math.round((new Date(acceptBy) - Date.now()) / 1000);
  if (left <= 0) return "accept deadline passed";
  const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
  return `accept within ${h ? `${h} h ` : ""}${m} min ${h ? "" : `${s} s`}`.trim();
}

function render() {
  const open = state.items.filter((fo) => fo.status === "OPEN");
  const working = state.items.filter((fo) => fo.status !== "OPEN");
  open.sort((a, b) => new Date(a.acceptBy) - new Date(b.acceptBy));
  fill($("#open-list"), open, "Nothing waiting. New orders appear here by themselves.");
  fill($("#working-list"), working, "Nothing in progress.");
  $("#open-count").textContent = `(${open.length})`;
  $("#working-count").textContent = `(${working.length})`;
}

function fill(list, items, emptyText) {
  list.replaceChildren(...(items.length ? items.map(card) : [emptyLine(emptyText)]));
}

function emptyLine(text) {
  const p = document.createElement("p");
  p.className = "empty";
  p.textContent = text;
  return p;
}

function button(label, onClick, className = "") {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.className = className;
  b.addEventListener("click", onClick);
  return b;
}

function card(fo) {
  const node = $("#fulfillment-template").content.firstElementChild.cloneNode(true);
  node.dataset.id = fo.id;
  node.dataset.number = fo.order.number;
  $(".number", node).textContent = `Order ${fo.order.number}`;
  $(".status", node).textContent = fo.status;
  const deadline = $(".deadline", node);
  if (fo.status === "OPEN") {
    deadline.dataset.acceptBy = fo.acceptBy || "";
    deadline.textContent = deadlineText(fo.acceptBy);
  }
  if (state.fresh.has(fo.id)) {
    node.classList.add("is-new");
    $(".new-badge", node).hidden = false;
  }
  const customer = fo.order.customer.name || "Customer";
  const city = fo.order.shippingAddress ? fo.order.shippingAddress.city : "";
  $(".customer", node).textContent = city ? `${customer}, ${city}` : customer;
  const pickup = fo.order.deliveryMethod === "PICKUP";
  $(".method", node).textContent = pickup
    ? `Customer picks up${fo.order.pickupLocation ? ` at ${fo.order.pickupLocation.code}` : ""}`
    : "Ship to customer";
  $(".lines tbody", node).replaceChildren(
    ...fo.lines.map((line) => {
      const row = document.createElement("tr");
      for (const text of [line.orderLine.sku, line.orderLine.product.name, line.quantity, line.remainingQuantity]) {
        const cell = document.createElement("td");
        cell.textContent = String(text);
        row.append(cell);
      }
      return row;
    }),
  );
  const actions = $(".actions", node);
  const rejectForm = $(".reject-form", node);
  const shipForm = $(".ship-form", node);
  if (fo.status === "OPEN") {
    actions.append(button("Accept", () => act(node, "accept", { id: fo.id })));
  }
  if (fo.status === "ACCEPTED") {
    actions.append(button("Packed", () => act(node, "pack", { id: fo.id })));
  }
  if (fo.status === "ACCEPTED" || fo.status === "PACKED") {
    if (pickup) {
      actions.append(button("Picked up", () => act(node, "pickedUp", { fulfillmentOrderId: fo.id })));
    } else {
      actions.append(button("Ship…", () => { shipForm.hidden = false; }, "secondary"));
    }
  }
  actions.append(button("Reject…", () => { rejectForm.hidden = false; }, "secondary"));
  for (const cancel of node.querySelectorAll("button.cancel")) {
    cancel.addEventListener("click", () => { rejectForm.hidden = true; shipForm.hidden = true; });
  }
  rejectForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(rejectForm);
    act(node, "reject", { id: fo.id, reason: data.get("reason"), message: data.get("note") || null });
  });
  const fieldset = $(".ship-lines", shipForm);
  for (const line of fo.lines.filter((l) => l.remainingQuantity > 0)) {
    const label = document.createElement("label");
    label.textContent = line.orderLine.sku;
    const input = document.createElement("input");
    Object.assign(input, { type: "number", min: "0", max: String(line.remainingQuantity), value: String(line.remainingQuantity) });
    input.name = line.orderLine.id;
    label.append(input);
    fieldset.append(label);
  }
  shipForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(shipForm);
    const lines = fo.lines
      .filter((l) => l.remainingQuantity > 0)
      .map((l) => ({ orderLineId: l.orderLine.id, quantity: Number(data.get(l.orderLine.id)) }))
      .filter((l) => l.quantity > 0);
    act(node, "ship", { id: fo.id, carrier: data.get("carrier"), trackingNumber: data.get("tracking"), lines });
  });
  return node;
}

async function act(node, action, input) {
  const [field, inputType] = ACTIONS[action];
  const query = `mutation($input: ${inputType}!) { ${field}(input: $input) { userErrors { message code } } }`;
  for (const b of node.querySelectorAll("button")) b.disabled = true;
  try {
    const result = (await gql(query, { input }))[field];
    if (result.userErrors.length) {
      const error = result.userErrors[0];
      say(words(new ApiError(error.code, error.message)));
    } else {
      state.fresh.delete(input.id);
      say(`Order ${node.dataset.number}: done.`, true);
    }
    await refresh();
  } catch (error) {
    say(words(error));
    for (const b of node.querySelectorAll("button")) b.disabled = false;
  }
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/graphql`, "graphql-transport-ws");
  state.socket = socket;
  const cursorKey = CURSOR + state.assignee.id;
  socket.addEventListener("open", () => {
    socket.send(JSON.stringify({ type: "connection_init", payload: { Authorization: `Bearer ${state.key}` } }));
  });
  socket.addEventListener("message", async (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    if (message.type === "connection_ack") {
      const since = sessionStorage.getItem(cursorKey);
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: SUBSCRIBE, variables: { ...variables(), since } } }));
      $("#live").hidden = false;
      state.retry = 1000;
      await refresh().catch((error) => say(words(error)));
    }
    if (message.type === "next" && message.payload.data) {
      const assigned = message.payload.data.fulfillmentOrderAssigned;
      sessionStorage.setItem(cursorKey, assigned.cursor);
      state.fresh.add(assigned.fulfillmentOrder.id);
      await refresh().catch((error) => say(words(error)));
    }
    if (message.type === "error") say(words(new ApiError(message.payload[0].extensions.code, message.payload[0].message)));
  });
  socket.addEventListener("close", () => {
    $("#live").hidden = true;
    if (state.socket !== socket || !state.key) return;
    // Resume where we left off: the cursor makes the server replay what we missed.
    setTimeout(connect, state.retry);
    state.retry = Math.min(state.retry * 2, 30000);
  });
}

async function start() {
  let viewer;
  try {
    viewer = (await gql(VIEWER)).viewer;
  } catch (error) {
    sessionStorage.removeItem(KEY);
    state.key = null;
    $("#sign-in").hidden = false;
    $("#sign-in-error").textContent = words(error);
    $("#sign-in-error").hidden = false;
    return;
  }
  const choices = viewer.vendor
    ? [{ kind: "vendor", id: viewer.vendor.id, label: `${viewer.vendor.name} (${viewer.vendor.code})` }]
    : viewer.locations.map((l) => ({ kind: "location", id: l.id, label: `${l.name} (${l.code})` }));
  if (!choices.length) {
    say("This page is for store and vendor keys. Ask for a STAFF key for your store.");
    return;
  }
  $("#who").textContent = `${viewer.name} · ${viewer.role}`;
  const select = $("#assignee");
  select.replaceChildren(...choices.map((c, i) => Object.assign(document.createElement("option"), { value: String(i), textContent: c.label })));
  select.onchange = () => {
    state.assignee = choices[Number(select.value)];
    if (state.socket) state.socket.close();
    connect();
  };
  state.assignee = choices[0];
  $("#sign-in").hidden = true;
  $("#work").hidden = false;
  $("#sign-out").hidden = false;
  connect();
}

function signOut() {
  sessionStorage.removeItem(KEY);
  state.key = null;
  if (state.socket) state.socket.close();
  location.reload();
}

document.addEventListener("DOMContentLoaded", () => {
  $("#sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.key = $("#key").value.trim();
    sessionStorage.setItem(KEY, state.key);
    $("#key").value = "";
    start();
  });
  $("#sign-out").addEventListener("click", signOut);
  setInterval(() => {
    for (const el of document.querySelectorAll(".deadline[data-accept-by]")) {
      el.textContent = deadlineText(el.dataset.acceptBy);
      el.classList.toggle("late", new Date(el.dataset.acceptBy) < Date.now());
    }
  }, 1000);
  state.key = sessionStorage.getItem(KEY);
  if (state.key) start();
});
