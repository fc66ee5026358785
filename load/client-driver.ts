// The Driver over src/client's SwitchboardClient: the load tool measures the same client users
// run (its outbox, sequencer, acks, timers). Two consequences worth knowing when reading results:
// - the client dedupes and orders by (conversation, seq) and repairs gaps by sync, so the checker
//   sees what an application would see; "gap syncs" counts how often the client had to repair.
// - the client's own reconnect is off: the load tool reconnects itself (storm --drop) so that it
//   can time every attempt and see every failure reason.
import type { IncomingMessage } from "node:http";
import WebSocket from "ws";
import { ConnectionClosedError, RequestTimeoutError, ServerError, SwitchboardClient, type WebSocketCtor } from "../src/client/index.js";
import {
  DETACHED,
  failureReason,
  LoadFailure,
  readSentAt,
  writeTimestampedBody,
  type CloseInfo,
  type Connection,
  type ConnectionEvents,
  type ConnectOptions,
  type Driver,
  type WelcomeInfo,
} from "./driver.js";
import { LeanWebSocket } from "./lean-ws.js";

const MAX_REJECT_BODY = 1024;
const SEND_OPTIONS = { contentType: "application/x-load" } as const;

/** Maps the client's errors to the failure table's reasons. */
export function clientFailureReason(err: unknown, rejection: string | null = null): string {
  if (rejection !== null) return rejection;
  if (err instanceof ServerError) return `server ${err.codeName}`;
  if (err instanceof RequestTimeoutError) return "timeout";
  if (err instanceof ConnectionClosedError) {
    const http = /Unexpected server response: (\d+)/.exec(err.reason);
    if (http) return `http ${http[1]}`;
    const sys = /\b(E[A-Z]{3,})\b/.exec(err.reason);
    if (sys) return `error ${sys[1]}`;
    if (/no welcome within/.test(err.reason)) return "timeout";
    return `close ${err.closeCode}`;
  }
  return failureReason(err);
}

/** "http 429 ip_rate" from a refused upgrade's status and JSON body {error}. */
function rejectionReason(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") return `http ${status} ${parsed.error}`;
  } catch {
    // Not JSON: the status alone is still a useful reason.
  }
  return `http ${status}`;
}

/**
 * The WebSocket "class" for one connection attempt: binds the source address, and keeps the
 * gateway's JSON rejection reason ("http 429 ip_rate") that the client cannot see. ws:// targets
 * get load/lean-ws.ts (a fraction of `ws`'s CPU per message); wss:// ones `ws`.
 *
 * A constructor function that returns its object, not a subclass per attempt: a class per
 * connection would give every socket its own prototype, and every property access in the
 * socket's and the client's hot paths would see thousands of shapes (megamorphic).
 */
function socketClass(url: string, localAddress: string | undefined, onRejected: (reason: string) => void): WebSocketCtor {
  if (url.startsWith("ws:")) {
    return function leanSocket(u: string, protocols?: string | string[]) {
      return new LeanWebSocket(u, {
        protocols: typeof protocols === "string" ? [protocols] : protocols,
        ...(localAddress !== undefined ? { localAddress } : {}),
        onRejected: (status, body) => onRejected(rejectionReason(status, body)),
      });
    } as unknown as WebSocketCtor;
  }
  return function wsSocket(u: string, protocols?: string | string[]) {
    const ws = new WebSocket(u, protocols, { perMessageDeflate: false, ...(localAddress !== undefined ? { localAddress } : {}) });
    ws.once("unexpected-response", (_req, res: IncomingMessage) => {
      void readRejection(res).then((reason) => {
        onRejected(reason);
        // Handling the event means aborting the handshake is ours: this emits error + close.
        ws.terminate();
      });
    });
    return ws;
  } as unknown as WebSocketCtor;
}

async function readRejection(res: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of res as AsyncIterable<Buffer>) {
    body += chunk.toString("utf8");
    if (body.length > MAX_REJECT_BODY) break;
  }
  return rejectionReason(res.statusCode ?? 0, body);
}

class ClientConnection implements Connection {
  private closingLocally = false;
  private events: ConnectionEvents = DETACHED;

  constructor(
    private readonly client: SwitchboardClient,
    readonly welcome: WelcomeInfo,
  ) {
    client.on("close", (c) => {
      const info: CloseInfo = { code: c.code, reason: c.reason, local: this.closingLocally };
      this.events.close(info);
    });
    client.on("sync_done", (e) => {
      if (e.source === "gap") this.events.gapSync();
    });
    client.on("message", (m) => this.events.message(m.conversationId, Number(m.seq), readSentAt(m.body, 0, m.body.byteLength)));
    // Background errors (e.g. a rate-limited ack) are counted by their requests; keep the console quiet.
    client.on("error", () => undefined);
  }

  attach(events: ConnectionEvents): void {
    this.events = events;
  }

  send(conversationId: string, sentAtMs: number, bodyBytes: number): void {
    // A fresh body per send: the client keeps it in its outbox until the send_ack.
    const body = new Uint8Array(bodyBytes);
    writeTimestampedBody(body, 0, bodyBytes, sentAtMs);
    this.client.send(conversationId, body, SEND_OPTIONS).then(
      (ack) => this.events.acked(ack.conversationId, Number(ack.seq), sentAtMs),
      (err: unknown) => this.events.sendFailed(clientFailureReason(err)),
    );
  }

  async recover(conversationIds: readonly string[]): Promise<void> {
    await this.client.sync(conversationIds.map((c) => ({ conversationId: c, afterSeq: this.client.cursor(c) })));
  }

  async createGroup(name: string, memberIds: readonly string[]): Promise<string> {
    try {
      return (await this.client.createGroup(name, [...memberIds])).conversationId;
    } catch (err) {
      throw new LoadFailure(clientFailureReason(err), (err as Error).message);
    }
  }

  close(): void {
    this.closingLocally = true;
    void this.client.close();
  }
}

async function connect(opts: ConnectOptions): Promise<Connection> {
  let rejection: string | null = null;
  const client = new SwitchboardClient({
    url: opts.url,
    token: opts.token,
    device: opts.device,
    WebSocket: socketClass(opts.url, opts.localAddress, (r) => (rejection = r)),
    reconnect: { enabled: false },
    autoAck: true,
    syncOnConnect: false,
    requestTimeoutMs: opts.timeoutMs,
  });
  client.on("error", () => undefined);
  try {
    const w = await client.connect();
    return new ClientConnection(client, { userId: w.userId, sessionId: w.sessionId, nodeId: w.nodeId });
  } catch (err) {
    void client.close();
    throw new LoadFailure(clientFailureReason(err, rejection), (err as Error).message);
  }
}

export function createClientDriver(): Driver {
  return { name: "SwitchboardClient (src/client)", connect };
}
