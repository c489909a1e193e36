// Drawing: the work lists, one card per fulfillment order, history, search results,
// the pick list and the packing slip. Reads state; changes nothing but the DOM.

import { ACTIONS, act, offered } from "./actions.js";
import { OFFERS, byDue, isPickup, stageOf, state } from "./state.js";
import { clock, countdown, stageWords } from "./words.js";

export const $ = (selector, root = document) => root.querySelector(selector);

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
  return node;
}

export function say(text, ok = false) {
  const box = $("#message");
  box.textContent = text;
  box.classList.toggle("ok", ok);
  box.hidden = !text;
}

export function addNote(text) {
  const list = $("#notes");
  list.prepend(el("li", {}, el("time", { textContent: clock(new Date()) }), ` ${text}`));
  while (list.children.length > 6) list.lastElementChild.remove();
  list.hidden = false;
}

// Cards are kept while their fulfillment order is unchanged, so a refresh caused by
// someone else's order does not close the form a worker is typing in.
let drawn = new Map(); // id -> { version, node }

export function draw() {
  const waiting = state.items.filter((fo) => stageOf(fo) === "OPEN").sort(byDue);
  const working = state.items.filter((fo) => stageOf(fo) !== "OPEN").sort(byDue);
  const next = new Map();
  for (const fo of state.items) {
    const version = JSON.stringify(fo) + state.fresh.has(fo.id);
    const kept = drawn.get(fo.id);
    next.set(fo.id, { version, node: kept && kept.version === version ? kept.node : card(fo) });
  }
  drawn = next;
  const node = (fo) => next.get(fo.id).node;
  fill($("#open-list"), waiting, node, "Nothing waiting. New orders appear here by themselves.");
  fill($("#working-list"), working, node, "Nothing in progress.");
  $("#open-count").textContent = `(${waiting.length})`;
  $("#working-count").textContent = `(${working.length})`;
  document.title = `${waiting.length ? `(${waiting.length}) ` : ""}Fulfillment · OMS`;
  drawConnection();
  drawPickButton();
}

export function drawConnection() {
  $("#offline").hidden = state.online;
  $("#live").hidden = !state.online;
  document.body.classList.toggle("offline", !state.online);
  // Whatever changes an order waits for the connection; slips, forms and search do not.
  for (const button of document.querySelectorAll("#work button[data-net]")) button.disabled = !state.online;
}

function drawPickButton() {
  const button = $("#pick-list-button");
  const usable = state.features.pickList && state.assignee && state.assignee.kind === "location";
  // Only work still assigned here can be picked; a card that left takes its tick with it.
  const present = new Set(state.items.map((fo) => fo.id));
  for (const id of state.selected) if (!present.has(id)) state.selected.delete(id);
  button.hidden = !usable;
  button.disabled = !state.selected.size || !state.online;
  button.textContent = `Pick list (${state.selected.size})`;
}

function fill(list, items, make, emptyText) {
  list.replaceChildren(...(items.length ? items.map(make) : [el("p", { className: "empty", textContent: emptyText })]));
}

function card(fo) {
  const stage = stageOf(fo);
  const node = el("article", { className: `fo stage-${stage.toLowerCase()}` });
  node.dataset.id = fo.id;
  node.dataset.number = fo.order.number;
  const head = el(
    "div",
    { className: "fo-head" },
    pickBox(fo, stage),
    el("strong", { className: "number", textContent: `Order ${fo.order.number}` }),
    el("span", { className: "status", textContent: stageWords(stage) }),
    deadline(fo, stage),
    state.fresh.has(fo.id) ? el("span", { className: "new-badge", textContent: "New" }) : null,
  );
  if (state.fresh.has(fo.id)) node.classList.add("is-new");
  node.append(head, destination(fo), linesOf(fo));
  if (fo.order.holds.some((hold) => !hold.releasedAt)) {
    node.append(el("p", { className: "request", textContent: "On hold: do not pick, pack or ship it until the hold is released." }));
  }
  if (stage === "CANCELLATION_REQUESTED") {
    const request = fo.cancellationRequest;
    node.append(
      el("p", {
        className: "request",
        textContent: `The shop asks to cancel this order${request.message ? `: “${request.message}”` : "."} Answer before you go on.`,
      }),
    );
  }
  const actions = el("div", { className: "actions" });
  const forms = el("div", { className: "forms" });
  for (const name of (OFFERS[stage] || []).filter((n) => offered(n, fo))) {
    const action = ACTIONS[name];
    const fields = action.fields ? action.fields(fo) : [];
    if (!fields.length) {
      // Nothing to ask: the button does it (and says what it does, without an ellipsis).
      const style = action.danger ? "danger" : action.local ? "secondary" : "";
      actions.append(button(action.fields ? action.submit : action.label, () => run(node, fo, name), style, !action.local));
      continue;
    }
    const form = actionForm(node, fo, name, fields);
    forms.append(form);
    actions.append(button(action.label, () => openForm(forms, form), "secondary"));
  }
  node.append(actions, forms);
  return node;
}

function pickBox(fo, stage) {
  if (!state.features.pickList || state.assignee.kind !== "location") return null;
  if (stage !== "ACCEPTED" && stage !== "PACKED") return null;
  const box = el("input", { type: "checkbox", className: "pick", checked: state.selected.has(fo.id) });
  box.setAttribute("aria-label", `Add order ${fo.order.number} to the pick list`);
  box.addEventListener("change", () => {
    if (box.checked) state.selected.add(fo.id);
    else state.selected.delete(fo.id);
    drawPickButton();
  });
  return el("label", { className: "pick-label" }, box);
}

function deadline(fo, stage) {
  let until = null, verb = "";
  if (stage === "OPEN" && fo.acceptBy) [until, verb] = [fo.acceptBy, "accept"];
  if (stage === "READY_FOR_PICKUP" && fo.pickupExpiresAt) [until, verb] = [fo.pickupExpiresAt, "collect"];
  if (!until) return null;
  const span = el("span", { className: "deadline" });
  span.dataset.until = until;
  span.dataset.verb = verb;
  tickOne(span);
  return span;
}

function tickOne(span) {
  const { text, late, soon } = countdown(span.dataset.until, span.dataset.verb);
  span.textContent = text;
  span.classList.toggle("late", late);
  span.classList.toggle("soon", Boolean(soon));
}

export function tick() {
  for (const span of document.querySelectorAll(".deadline[data-until]")) tickOne(span);
}

// Where the parcel goes: the full address and phone, or who collects it at the counter.
function destination(fo) {
  const box = el("div", { className: "destination" });
  const customer = fo.order.customer.name || fo.order.customer.email;
  if (isPickup(fo)) {
    const where = fo.order.pickupLocation ? ` at ${fo.order.pickupLocation.name || fo.order.pickupLocation.code}` : "";
    box.append(el("strong", { textContent: "Pickup" }), ` by ${customer}${where}`);
    return box;
  }
  const a = fo.order.shippingAddress;
  if (!a) {
    box.append(el("strong", { textContent: "Ship" }), ` to ${customer} (no address on the order)`);
    return box;
  }
  box.append(el("address", {}, ...addressLines(a, customer).flatMap((line) => [line, el("br")]).slice(0, -1)));
  if (a.phone) box.append(el("a", { className: "phone", href: `tel:${a.phone}`, textContent: `☎ ${a.phone}` }));
  return box;
}

function addressLines(a, customer) {
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [a.name || customer, a.line1, a.line2, cityLine, a.countryCode].filter(Boolean);
}

function linesOf(fo) {
  const list = el("ul", { className: "lines" });
  for (const line of fo.lines) {
    const left = line.remainingQuantity !== line.quantity ? ` (${line.remainingQuantity} left)` : "";
    list.append(
      el(
        "li",
        {},
        el("span", { className: "qty", textContent: `${line.quantity} ×` }),
        el("span", { className: "name", textContent: `${line.orderLine.product.name}${left}` }),
        el("span", { className: "sku", textContent: line.orderLine.sku }),
      ),
    );
  }
  return list;
}

function button(label, onClick, className = "", net = false) {
  const b = el("button", { type: "button", textContent: label, className });
  b.addEventListener("click", onClick);
  if (net) {
    b.dataset.net = "";
    b.disabled = !state.online;
  }
  return b;
}

function openForm(forms, form) {
  for (const other of forms.children) if (other !== form) other.hidden = true;
  form.hidden = !form.hidden;
  if (!form.hidden) {
    const first = form.querySelector("input, select");
    if (first) first.focus();
  }
}

function actionForm(node, fo, name, fields) {
  const action = ACTIONS[name];
  const form = el("form", { className: `action-form ${name}-form`, hidden: true });
  for (const field of fields) {
    const input = field.options
      ? el("select", { name: field.name }, ...field.options.map(([value, text]) => el("option", { value, textContent: text })))
      : el("input", {
          name: field.name,
          type: field.type || "text",
          required: Boolean(field.required),
          placeholder: field.placeholder || "",
          autocomplete: field.autocomplete || "on",
        });
    if (field.type === "number") Object.assign(input, { min: String(field.min), max: String(field.max), value: String(field.value) });
    form.append(el("label", {}, field.label, input));
  }
  const submit = el("button", { type: "submit", textContent: action.submit, className: action.danger ? "danger" : "" });
  submit.dataset.net = "";
  submit.disabled = !state.online;
  const cancel = button("Cancel", () => { form.hidden = true; }, "secondary");
  form.append(el("div", { className: "form-buttons" }, submit, cancel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(node, fo, name, new FormData(form));
  });
  return form;
}

async function run(node, fo, name, values) {
  const buttons = node.querySelectorAll("button[data-net]");
  for (const b of buttons) b.disabled = true;
  await act(fo, name, values);
  for (const b of buttons) b.disabled = !state.online;
}

// History and search show short rows: which order, for whom, what became of it.
function row(fo) {
  const stage = stageOf(fo);
  const shipment = fo.shipments && fo.shipments.find((s) => s.carrier);
  const when = fo.shippedAt ? ` · ${clock(fo.shippedAt)}` : "";
  const via = shipment && stage === "SHIPPED" ? ` · ${shipment.carrier} ${shipment.trackingNumber || ""}` : "";
  const node = el(
    "li",
    { className: "row" },
    el("strong", { textContent: `Order ${fo.order.number}` }),
    el("span", { textContent: ` ${fo.order.customer.name || fo.order.customer.email}` }),
    el("span", { className: "status", textContent: stageWords(stage) }),
    el("span", { className: "muted", textContent: `${when}${via}`.replace(/^ · /, "") }),
    button("Packing slip", () => printSlip(fo), "secondary"),
  );
  node.dataset.number = fo.order.number;
  return node;
}

export function drawHistory() {
  const todayOnly = $("#history-range").value === "today";
  const midnight = new Date().setHours(0, 0, 0, 0);
  const shown = state.history.filter((fo) => !todayOnly || Date.parse(fo.shippedAt) >= midnight);
  fill($("#history-list"), shown, row, todayOnly ? "Nothing shipped or picked up today yet." : "Nothing shipped or picked up in the last 7 days.");
}

export function drawSearch(found) {
  const list = $("#search-results");
  list.hidden = found === null;
  if (found !== null) fill(list, found, row, "No order matches.");
}

// Printing: one sheet at a time goes into #print-area, which is all that @media print shows.
function printSheet(title, ...content) {
  const area = $("#print-area");
  const close = el("button", { type: "button", className: "secondary no-print", textContent: "Close" });
  close.addEventListener("click", () => { area.hidden = true; area.replaceChildren(); });
  const print = el("button", { type: "button", className: "no-print", textContent: "Print" });
  print.addEventListener("click", () => window.print());
  area.replaceChildren(el("div", { className: "sheet-buttons no-print" }, print, close), el("h2", { textContent: title }), ...content);
  area.hidden = false;
  area.scrollIntoView({ block: "start" });
}

export function printSlip(fo) {
  const a = fo.order.shippingAddress;
  const to = isPickup(fo)
    ? el("p", {}, el("strong", { textContent: "Pickup" }), ` by ${fo.order.customer.name || fo.order.customer.email}`)
    : el("address", {}, ...(a ? addressLines(a, fo.order.customer.name) : [fo.order.customer.name]).flatMap((l) => [l, el("br")]), a && a.phone ? `Phone ${a.phone}` : "");
  const from = state.assignee.label;
  const table = el(
    "table",
    { className: "sheet-table" },
    el("thead", {}, el("tr", {}, ...["SKU", "Item", "Qty"].map((t) => el("th", { textContent: t })))),
    el("tbody", {}, ...fo.lines.map((line) => el("tr", {}, ...[line.orderLine.sku, line.orderLine.product.name, String(line.quantity)].map((t) => el("td", { textContent: t }))))),
  );
  printSheet(`Packing slip · Order ${fo.order.number}`, el("p", { className: "muted", textContent: `From ${from}` }), to, table);
  $("#print-area").dataset.sheet = "slip";
}

export function showPickList(lines) {
  const table = el(
    "table",
    { className: "sheet-table" },
    el("thead", {}, el("tr", {}, ...["SKU", "Item", "Qty", "For orders"].map((t) => el("th", { textContent: t })))),
    el(
      "tbody",
      {},
      ...lines.map((line) =>
        el(
          "tr",
          {},
          el("td", { textContent: line.sku }),
          el("td", { textContent: line.productName }),
          el("td", { textContent: String(line.quantity) }),
          el("td", { textContent: line.fulfillmentOrders.map((f) => `${f.orderNumber} ×${f.quantity}`).join(", ") }),
        ),
      ),
    ),
  );
  printSheet(`Pick list · ${state.assignee.label}`, el("p", { className: "muted", textContent: `${clock(new Date())} · ${state.selected.size} order${state.selected.size === 1 ? "" : "s"}` }), table);
  $("#print-area").dataset.sheet = "pick-list";
}
