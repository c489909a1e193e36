// What a store worker reads instead of an API code: statuses, event notes, errors.

import { ApiError } from "./api.js";

// The words for a card's stage (see stageOf in state.js).
const STAGE_WORDS = {
  OPEN: "Waiting for you to accept",
  ACCEPTED: "Accepted",
  PACKED: "Packed",
  READY_FOR_PICKUP: "Ready for pickup",
  SHIPPED: "Shipped",
  PICKED_UP: "Picked up",
  CANCELLED: "Cancelled",
  REJECTED: "Moved to another store",
  CANCELLATION_REQUESTED: "Cancellation requested",
};

export function stageWords(stage) {
  return STAGE_WORDS[stage] || stage;
}

// Why a card changed or left the screen, from a fulfillmentOrderEvents event type.
const EVENT_NOTES = {
  CANCELLED: "was cancelled by the shop",
  LINES_CANCELLED: "had some units cancelled by the shop",
  MOVED_AWAY: "was moved to another store",
  EXPIRED: "was not accepted in time and went to another store",
  REJECTED: "was rejected and went elsewhere",
  PICKUP_EXPIRED: "was not collected in time and was cancelled",
  HELD: "is on hold: do not work on it until it is released",
  RELEASED: "is released from hold: you may work on it again",
  UPDATED: "changed (address, customer or note): check it again",
  CANCELLATION_REQUESTED: "asks to be cancelled: please answer",
};

export function eventNote(type, number) {
  const why = EVENT_NOTES[type];
  return why ? `Order ${number} ${why}.` : null;
}

const ERROR_WORDS = {
  FORBIDDEN: "This key is not allowed to do that for this store.",
  INVALID_TRANSITION: "That step is not possible right now:",
  INSUFFICIENT_STOCK: "Not enough stock:",
  NOT_FOUND: "That order is gone (it may have been cancelled or moved).",
  INVALID: "Please check what you entered:",
  PICKUP_CODE_MISMATCH: "That pickup code does not match. Ask the customer to check it.",
  PICKUP_CODE_LOCKED: "Too many wrong pickup codes for this order. An admin must check the customer and hand it over.",
  AUTH_BRAKE: "Too many tries with a wrong key from here. Wait a minute, then try again.",
  THROTTLED: "The server is busy right now. Wait a few seconds, then try again.",
};

// A key that stopped working while signed in: it worked before, so "no longer" is true.
const SIGNED_OUT = "Your key is no longer valid. Please sign in again.";

export function errorWords(error) {
  if (error instanceof ApiError) {
    if (error.code === "UNAUTHENTICATED") return SIGNED_OUT;
    const plain = ERROR_WORDS[error.code];
    if (!plain) return error.message;
    return plain.endsWith(":") ? `${plain} ${error.message}` : plain;
  }
  return "Cannot reach the server. Check the connection; the page keeps trying.";
}

// At the sign-in screen the key has never worked: say what is wrong with it.
export function signInWords(error) {
  if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
    return /revoked/i.test(error.message)
      ? "This key has been switched off. Ask your manager for a new one."
      : "This key is not valid. Check that you pasted all of it.";
  }
  return errorWords(error);
}

const ROLE_NAMES = {
  ADMIN: "an administrator key",
  VIEWER: "a read-only (VIEWER) key",
  PARTNER: "a web shop (PARTNER) key",
};

export function wrongRoleWords(role) {
  const what = ROLE_NAMES[role] || `a ${role} key`;
  return (
    `This is ${what}. This page is for store staff and drop-ship vendors: ` +
    "sign in with your store's STAFF key or your VENDOR key."
  );
}

export function countdown(until, verb) {
  const left = Math.round((new Date(until) - Date.now()) / 1000);
  if (left <= 0) return { text: `${verb} deadline passed`, late: true };
  const d = Math.floor(left / 86400), h = Math.floor((left % 86400) / 3600);
  const m = Math.floor((left % 3600) / 60), s = left % 60;
  const parts = d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min ${s} s`;
  return { text: `${verb} within ${parts}`, late: false, soon: left < 900 };
}

export function clock(at) {
  const when = new Date(at);
  const today = new Date().toDateString() === when.toDateString();
  const time = when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return today ? time : `${when.toLocaleDateString([], { weekday: "short", day: "numeric", month: "short" })} ${time}`;
}
