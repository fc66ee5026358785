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

export interface AckInfo {
  conversationId: string;
  seq: number;
  duplicate: boolean;
}

export interface Delivery {
  conversationId: string;
  seq: number;
  senderId: string;
  body: Uint8Array;
}

export interface CloseInfo {
  code: number;
  reason: string;
  /** True when this side asked for the close (drop phase, shutdown). */
  local: boolean;
}

export interface Connection {
  readonly welcome: WelcomeInfo;
  send(conversationId: string, body: Uint8Array, clientMsgId: string): Promise<AckInfo>;
  /** Creates a group owned by this connection's user; resolves to its conversation id. */
  createGroup(name: string, memberIds: readonly string[]): Promise<string>;
  onMessage(handler: (m: Delivery) => void): void;
  onClose(handler: (info: CloseInfo) => void): void;
  /** The client found a hole in a conversation's seqs and synced to fill it. */
  onGapSync(handler: () => void): void;
  close(): void;
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
