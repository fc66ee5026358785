// Client helpers shared by the integration tests: building tracked clients over `ws`, collecting
// a client's messages, and waiting for its next event.
import WebSocket from "ws";
import { SwitchboardClient, type ClientEvents, type ClientOptions, type Message } from "../../src/client/index.js";

/**
 * A client over `ws` (device "phone" unless `opts` names one), kept in `clients` (for the test's
 * afterEach to close) and its "error" events pushed to `errors`.
 */
export function trackedClient(clients: SwitchboardClient[], errors: Error[], opts: ClientOptions): SwitchboardClient {
  const c = new SwitchboardClient({ WebSocket, device: "phone", ...opts });
  c.on("error", (e) => errors.push(e));
  clients.push(c);
  return c;
}

/** Every "message" event of a client, from now on. */
export function inbox(c: SwitchboardClient): Message[] {
  const got: Message[] = [];
  c.on("message", (m) => got.push(m));
  return got;
}

/** The next event of a kind (matching `pred`), or a rejection after `timeoutMs`. */
export function nextEvent<K extends keyof ClientEvents>(
  c: SwitchboardClient,
  event: K,
  pred: (v: ClientEvents[K]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      c.off(event, on);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${String(event)}"`));
    }, timeoutMs);
    const on = (v: ClientEvents[K]): void => {
      if (!pred(v)) return;
      clearTimeout(timer);
      c.off(event, on);
      resolve(v);
    };
    c.on(event, on);
  });
}
