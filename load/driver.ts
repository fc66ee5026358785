// The only surface the load tool needs from a Switchboard client. Workers talk to this interface;
// load/client-driver.ts implements it over src/client's SwitchboardClient, so a change in the
// client's API touches one file.

export interface ConnectOptions {
  url: string;
  token: string;
  device: string;
  /** Source address to bind (the `localAddress` option of ws); undefined lets the OS choose. */
  localAddress: string | undefined;
  /** Give up on the handshake (upgrade + welcome) after this long. */
  timeoutMs: number;
}

export interface WelcomeInfo {
  userId: string;
  sessionId: string;
  nodeId: string;
}

export interface CloseInfo {
  code: number;
  reason: string;
  /** True when this side asked for the close (drop phase, shutdown). */
  local: boolean;
}

/**
 * What a connection reports to the worker. One object per connection, installed once: the hot
 * path (a send's ack, a delivery) is a method call with plain values, no promise or closure per
 * message.
 */
export interface ConnectionEvents {
  /** A delivery; `sentAtMs` is the send time read from the body (null if it carries none). */
  message(conversationId: string, seq: number, sentAtMs: number | null): void;
  /** The server acknowledged the send made at `sentAtMs` (see Connection.send). */
  acked(conversationId: string, seq: number, sentAtMs: number): void;
  /** The send made at `sentAtMs` failed for good (a failure-table reason). */
  sendFailed(reason: string): void;
  /** The client found a hole in a conversation's seqs and synced to fill it. */
  gapSync(): void;
  close(info: CloseInfo): void;
}

export interface Connection {
  readonly welcome: WelcomeInfo;
  /** Where this connection's events go from now on (set once, right after connect). */
  attach(events: ConnectionEvents): void;
  /**
   * Sends a body of `bodyBytes` bytes whose first 8 carry `sentAtMs` (writeTimestampedBody), so
   * any process can measure send→deliver; the outcome arrives as acked() or sendFailed().
   */
  send(conversationId: string, sentAtMs: number, bodyBytes: number): void;
  /**
   * Optional (drivers whose protocol has a sync): asks the server for everything past this
   * connection's cursor in these conversations; what comes back arrives as message() events.
   */
  recover?(conversationIds: readonly string[]): Promise<void>;
  /** Creates a group owned by this connection's user; resolves to its conversation id. */
  createGroup(name: string, memberIds: readonly string[]): Promise<string>;
  close(): void;
}

/** Events before attach() go nowhere (no traffic is sent before the worker attaches). */
export const DETACHED: ConnectionEvents = {
  message: () => undefined,
  acked: () => undefined,
  sendFailed: () => undefined,
  gapSync: () => undefined,
  close: () => undefined,
};

/** Scratch for the timestamp's 8 bytes: no allocation per message. */
const TIME_BYTES = new Uint8Array(8);
const TIME = new DataView(TIME_BYTES.buffer);

/** Writes a load body at target[at, at + size): the send time (float64 LE), then zeros. */
export function writeTimestampedBody(target: Uint8Array, at: number, size: number, sentAtMs: number): void {
  TIME.setFloat64(0, sentAtMs, true);
  target.set(TIME_BYTES, at);
  target.fill(0, at + 8, at + size);
}

/** The send time carried by a load body at buf[at, at + length), or null when it is too short. */
export function readSentAt(buf: Uint8Array, at: number, length: number): number | null {
  if (length < 8) return null;
  for (let i = 0; i < 8; i += 1) TIME_BYTES[i] = buf[at + i]!;
  return TIME.getFloat64(0, true);
}

export interface Driver {
  readonly name: string;
  connect(opts: ConnectOptions): Promise<Connection>;
}

/**
 * Why a handshake or request failed, as a short stable key for the failure table:
 * "http 429 ip_rate", "close 4004", "error ECONNREFUSED", "timeout", "server RATE_LIMITED".
 */
export class LoadFailure extends Error {
  constructor(
    readonly reason: string,
    message?: string,
  ) {
    super(message ?? reason);
    this.name = "LoadFailure";
  }
}

export function failureReason(err: unknown): string {
  if (err instanceof LoadFailure) return err.reason;
  const e = err as { code?: unknown; status?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (e !== null && typeof e === "object") {
    const status = e.status ?? e.statusCode;
    if (typeof status === "number") return `http ${status}`;
    if (typeof e.code === "string") return `error ${e.code}`;
    if (typeof e.code === "number") return `code ${e.code}`;
    if (typeof e.message === "string") {
      const m = /Unexpected server response: (\d+)/.exec(e.message);
      if (m) return `http ${m[1]}`;
      return `error ${e.message.slice(0, 60)}`;
    }
  }
  return "error unknown";
}

/**
 * The driver workers use: the project's client library (src/client) for Switchboard, or a peer's
 * driver (load/peers/, for npm run bench's side-by-side). Loaded lazily.
 */
export async function pickDriver(target: "switchboard" | "uws-relay" | "socketio" = "switchboard"): Promise<Driver> {
  switch (target) {
    case "uws-relay":
      return (await import("./peers/uws-relay-driver.js")).createUwsRelayDriver();
    case "socketio":
      return (await import("./peers/socketio-driver.js")).createSocketIoDriver();
    case "switchboard":
      return (await import("./client-driver.js")).createClientDriver();
  }
}
