// The store dashboard: a STAFF (or VENDOR) key sees its fulfillment orders and works a
// shift on them. No build step, no dependencies: ES modules served by the app itself.
//   api.js     GraphQL, the sign-in probe, the live subscription
//   state.js   what the page knows; the table of actions each stage offers
//   actions.js each action once; the reads (one refresh in flight)
//   render.js  cards, lists, history, search, pick list, packing slip
//   words.js   plain words for statuses, events and errors
//   sound.js   the optional chime

import { Live, signIn, useKey } from "./api.js";
import { loadHistory, pickList, refreshAll, search } from "./actions.js";
import { $, addNote, draw, drawConnection, drawHistory, say, tick } from "./render.js";
import { state } from "./state.js";
import { chime, setSound, soundOn } from "./sound.js";
import { errorWords, eventNote, signInWords, wrongRoleWords } from "./words.js";

const KEY = "oms.key";
const CURSOR = "oms.cursor.";
const POLL_MS = 60_000;
const ROLES = new Set(["STAFF", "VENDOR"]);
// After these the fulfillment order is no longer this assignee's work.
const LEAVES = new Set(["CANCELLED", "MOVED_AWAY", "EXPIRED", "REJECTED", "PICKUP_EXPIRED", "PICKED_UP", "SHIPPED"]);

function subscription() {
  const fields = "cursor type fulfillmentOrder { id order { number } }";
  const args = "locationId: $loc, vendorId: $vendor, since: $since";
  const head = "subscription($loc: ID, $vendor: ID, $since: String)";
  return state.features.events
    ? `${head} { fulfillmentOrderEvents(${args}) { ${fields} fulfillmentOrderId } }`
    : `${head} { fulfillmentOrderAssigned(${args}) { ${fields} } }`;
}

function onEvent(event) {
  const id = event.fulfillmentOrderId || (event.fulfillmentOrder && event.fulfillmentOrder.id);
  const known = state.items.find((fo) => fo.id === id);
  const number = (event.fulfillmentOrder && event.fulfillmentOrder.order.number) || (known && known.order.number);
  if (event.type === "ASSIGNED") {
    state.fresh.add(id);
    chime();
  }
  const note = number && eventNote(event.type, number);
  if (note) addNote(note);
  if (!event.fulfillmentOrder || LEAVES.has(event.type)) {
    // Off the screen at once; the refresh below confirms.
    state.items = state.items.filter((fo) => fo.id !== id);
    draw();
  }
  refreshAll();
}

function goLive() {
  if (state.live) state.live.stop();
  const { kind, id } = state.assignee;
  state.live = new Live({
    query: subscription(),
    variables: kind === "location" ? { loc: id } : { vendor: id },
    cursorKey: `${CURSOR}${state.features.events ? "events" : "assigned"}.${id}`,
    onEvent,
    onUp: () => {
      state.online = true;
      drawConnection();
      refreshAll();
    },
    onDown: () => {
      state.online = false;
      drawConnection();
    },
    onError: (error) => say(errorWords(error)),
  });
  state.live.start();
  // Without the full event stream nothing tells us of cancelled or moved work: look again now and then.
  clearInterval(state.poll);
  if (!state.features.events) state.poll = setInterval(() => state.online && refreshAll(), POLL_MS);
}

function signInError(text) {
  const box = $("#sign-in-error");
  box.textContent = text;
  box.hidden = !text;
}

async function start(secret, typed) {
  signInError("");
  useKey(secret);
  let probe;
  try {
    probe = await signIn();
  } catch (error) {
    sessionStorage.removeItem(KEY);
    // A key typed just now never worked; a remembered one stopped working.
    return signInError(typed ? signInWords(error) : errorWords(error));
  }
  const { viewer, features } = probe;
  if (!ROLES.has(viewer.role)) {
    sessionStorage.removeItem(KEY);
    return signInError(wrongRoleWords(viewer.role));
  }
  const choices = viewer.vendor
    ? [{ kind: "vendor", id: viewer.vendor.id, label: `${viewer.vendor.name} (${viewer.vendor.code})` }]
    : viewer.locations.map((l) => ({ kind: "location", id: l.id, label: `${l.name} (${l.code})` }));
  if (!choices.length) {
    sessionStorage.removeItem(KEY);
    return signInError("This key belongs to no store yet. Ask your manager to give it one.");
  }
  sessionStorage.setItem(KEY, secret);
  Object.assign(state, { viewer, features, assignee: choices[0] });
  $("#who").textContent = `${viewer.name}`;
  const select = $("#assignee");
  select.replaceChildren(...choices.map((c, i) => Object.assign(document.createElement("option"), { value: String(i), textContent: c.label })));
  $("#assignee-box").hidden = choices.length < 2;
  select.onchange = () => {
    state.assignee = choices[Number(select.value)];
    state.items = [];
    state.selected.clear();
    goLive();
  };
  $("#sign-in").hidden = true;
  $("#work").hidden = false;
  $("#sign-out").hidden = false;
  draw();
  goLive();
}

function signOut() {
  sessionStorage.removeItem(KEY);
  if (state.live) state.live.stop();
  location.reload();
}

document.addEventListener("DOMContentLoaded", () => {
  $("#sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const secret = $("#key").value.trim();
    $("#key").value = "";
    start(secret, true);
  });
  $("#sign-out").addEventListener("click", signOut);
  $("#pick-list-button").addEventListener("click", pickList);
  $("#history-range").addEventListener("change", drawHistory);
  $("#history-reload").addEventListener("click", () => loadHistory().catch((error) => say(errorWords(error))));
  $("#search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search($("#search").value);
  });
  $("#search").addEventListener("input", () => {
    if (!$("#search").value) search("");
  });
  const sound = $("#sound");
  sound.checked = soundOn();
  sound.addEventListener("change", () => setSound(sound.checked));
  setInterval(tick, 1000);
  const remembered = sessionStorage.getItem(KEY);
  if (remembered) start(remembered, false);
});
