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
  failureReason,
  LoadFailure,
  type AckInfo,
  type CloseInfo,
  type Connection,
  type ConnectOptions,
  type Delivery,
  type Driver,
  type WelcomeInfo,
} from "./driver.js";

const MAX_REJECT_BODY = 1024;

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

/**
 * A `ws` WebSocket class for one connection attempt: binds the source address, and keeps the
 * gateway's JSON rejection reason ("http 429 ip_rate") that the client cannot see.
 */
function socketClass(localAddress: string | undefined, onRejected: (reason: string) => void): WebSocketCtor {
  class LoadSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { perMessageDeflate: false, ...(localAddress !== undefined ? { localAddress } : {}) });
      this.once("unexpected-response", (_req, res: IncomingMessage) => {
        void readRejection(res).then((reason) => {
          onRejected(reason);
          // Handling the event means aborting the handshake is ours: this emits error + close.
          this.terminate();
        });
      });
    }
  }
  return LoadSocket as unknown as WebSocketCtor;
}

async function readRejection(res: IncomingMessage): Promise<string> {
  const status = res.statusCode ?? 0;
  let body = "";
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      body += chunk.toString("utf8");
      if (body.length > MAX_REJECT_BODY) break;
    }
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") return `http ${status} ${parsed.error}`;
  } catch {
    // Not JSON: the status alone is still a useful reason.
  }
  return `http ${status}`;
}

class ClientConnection implements Connection {
  private closingLocally = false;
  private readonly closeHandlers: ((c: CloseInfo) => void)[] = [];
  private readonly gapHandlers: (() => void)[] = [];

  constructor(
    private readonly client: SwitchboardClient,
    readonly welcome: WelcomeInfo,
  ) {
    client.on("close", (c) => {
      const info: CloseInfo = { code: c.code, reason: c.reason, local: this.closingLocally };
      for (const h of this.closeHandlers) h(info);
    });
    client.on("sync_done", (e) => {
      if (e.source === "gap") for (const h of this.gapHandlers) h();
    });
    // Background errors (e.g. a rate-limited ack) are counted by their requests; keep the console quiet.
    client.on("error", () => undefined);
  }

  onGapSync(handler: () => void): void {
    this.gapHandlers.push(handler);
  }

  async send(conversationId: string, body: Uint8Array, clientMsgId: string): Promise<AckInfo> {
    try {
      const ack = await this.client.send(conversationId, body, { clientMsgId, contentType: "application/x-load" });
      return { conversationId: ack.conversationId, seq: Number(ack.seq), duplicate: ack.duplicate };
    } catch (err) {
      throw new LoadFailure(clientFailureReason(err), (err as Error).message);
    }
  }

  async createGroup(name: string, memberIds: readonly string[]): Promise<string> {
    try {
      return (await this.client.createGroup(name, [...memberIds])).conversationId;
    } catch (err) {
      throw new LoadFailure(clientFailureReason(err), (err as Error).message);
    }
  }

  onMessage(handler: (m: Delivery) => void): void {
    this.client.on("message", (m) => handler({ conversationId: m.conversationId, seq: Number(m.seq), senderId: m.senderId, body: m.body }));
  }

  onClose(handler: (info: CloseInfo) => void): void {
    this.closeHandlers.push(handler);
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
    WebSocket: socketClass(opts.localAddress, (r) => (rejection = r)),
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
