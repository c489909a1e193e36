// The wire: GraphQL over fetch, subscriptions over graphql-transport-ws, and the one
// probe at sign-in that tells which parts of the API this server has.

export class ApiError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

let key = null;

export function useKey(secret) {
  key = secret;
}

// A query the key's cost budget cannot pay yet is sent again after the wait the server
// names (a few times, a few seconds each at most): a busy shift is not an error.
const BUDGET_RETRIES = 3;
const LONGEST_WAIT_MS = 5000;

export async function gql(query, variables = {}, signal = undefined) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
      signal,
    });
    const body = await response.json();
    // 429: this address presented wrong keys too often (not the query budget).
    if (response.status === 429) throw new ApiError("AUTH_BRAKE", "too many wrong keys");
    const first = body.errors && body.errors.length ? body.errors[0] : null;
    if (!first) return body.data;
    const code = (first.extensions && first.extensions.code) || "ERROR";
    if (code === "THROTTLED" && attempt < BUDGET_RETRIES) {
      const wait = Math.min(LONGEST_WAIT_MS, 1000 * (first.extensions.retryAfterSeconds || 1));
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    throw new ApiError(code, first.message);
  }
}

// The input type of each mutation, as the server names it (filled in at sign-in).
const inputTypes = new Map();

// Runs a mutation and turns its first userError into an ApiError.
export async function mutate(field, input) {
  const query = `mutation($input: ${inputTypes.get(field)}!) { ${field}(input: $input) { userErrors { message code } } }`;
  const result = (await gql(query, { input }))[field];
  if (result.userErrors.length) {
    const [error] = result.userErrors;
    throw new ApiError(error.code, error.message);
  }
}

// Who the key is, and what the server offers, in one request. __type is plain
// introspection: a server without a type answers null instead of failing the query.
const SIGN_IN = `{
  viewer { name role locations { id code name } vendor { id code name } }
  pickList: __type(name: "PickList") { name }
  foType: __type(name: "FulfillmentOrder") { fields { name } }
  foStatus: __type(name: "FulfillmentOrderStatus") { enumValues { name } }
  mutations: __type(name: "Mutation") { fields { name args { name type { ofType { name } } } } }
  subscriptions: __type(name: "Subscription") { fields { name } }
  pickedUpInput: __type(name: "MarkPickedUpInput") { inputFields { name } }
  rejectInput: __type(name: "RejectFulfillmentOrderInput") { inputFields { name } }
}`;

export async function signIn() {
  const data = await gql(SIGN_IN);
  const names = (type, list = "fields") => new Set(((type && type[list]) || []).map((f) => f.name));
  const foFields = names(data.foType);
  const mutations = names(data.mutations);
  for (const field of data.mutations.fields) {
    const input = field.args.find((arg) => arg.name === "input");
    if (input && input.type.ofType) inputTypes.set(field.name, input.type.ofType.name);
  }
  return {
    viewer: data.viewer,
    features: {
      pickList: Boolean(data.pickList),
      readyForPickup: mutations.has("markReadyForPickup") && names(data.foStatus, "enumValues").has("READY_FOR_PICKUP"),
      pickupExpiresAt: foFields.has("pickupExpiresAt"),
      pickupCode: names(data.pickedUpInput, "inputFields").has("pickupCode"),
      cancellationRequests: foFields.has("cancellationRequest") && mutations.has("acceptCancellationRequest"),
      shortPick: names(data.rejectInput, "inputFields").has("lines"),
      events: names(data.subscriptions).has("fulfillmentOrderEvents"),
    },
  };
}

// One subscription that survives lost connections: it reconnects with backoff and
// resumes after the last cursor it delivered. onEvent gets the subscription's field value.
export class Live {
  constructor({ query, variables, cursorKey, onEvent, onUp, onDown, onError }) {
    Object.assign(this, { query, variables, cursorKey, onEvent, onUp, onDown, onError });
    this.retry = 1000;
    this.socket = null;
    this.stopped = false;
  }

  start() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/graphql`, "graphql-transport-ws");
    this.socket = socket;
    socket.addEventListener("open", () => {
      socket.send(JSON.stringify({ type: "connection_init", payload: { Authorization: `Bearer ${key}` } }));
    });
    socket.addEventListener("message", (event) => this.receive(socket, JSON.parse(event.data)));
    socket.addEventListener("close", () => {
      if (this.socket !== socket || this.stopped) return;
      this.onDown();
      setTimeout(() => this.start(), this.retry);
      this.retry = Math.min(this.retry * 2, 15000);
    });
  }

  receive(socket, message) {
    if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    if (message.type === "connection_ack") {
      const since = sessionStorage.getItem(this.cursorKey);
      const variables = { ...this.variables, since };
      socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: this.query, variables } }));
      this.retry = 1000;
      this.onUp();
    }
    if (message.type === "next" && message.payload.data) {
      const event = Object.values(message.payload.data)[0];
      sessionStorage.setItem(this.cursorKey, event.cursor);
      this.onEvent(event);
    }
    if (message.type === "next" && message.payload.errors) this.fail(message.payload.errors[0]);
    if (message.type === "error") this.fail(message.payload[0]);
  }

  fail(error) {
    const code = (error.extensions && error.extensions.code) || "ERROR";
    if (code === "CURSOR_EXPIRED") {
      // Too far behind to replay: reload by query (onUp does) and listen from now on.
      sessionStorage.removeItem(this.cursorKey);
      this.socket.close();
      return;
    }
    this.onError(new ApiError(code, error.message));
  }

  stop() {
    this.stopped = true;
    if (this.socket) this.socket.close();
  }
}
