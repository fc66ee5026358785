// What the peers' load-tool drivers (uws-relay-driver.ts, socketio-driver.ts) share: opening the
// `ws` socket, the per-worker seq numbering, and a Connection base that keeps pending acks, the
// message and close handlers, and rejects every pending request when the socket closes.
import type { IncomingMessage } from "node:http";
import WebSocket from "ws";
import {
  failureReason,
  LoadFailure,
  type AckInfo,
  type CloseInfo,
  type Connection,
  type ConnectOptions,
  type Delivery,
  type WelcomeInfo,
} from "../driver.js";

/** Next seq per conversation, shared by every connection of this worker process. */
const seqs = new Map<string, number>();
export function nextSeq(conversationId: string): number {
  const s = (seqs.get(conversationId) ?? 0) + 1;
  seqs.set(conversationId, s);
  return s;
}

/** The other member of `dm:a:b`, or the conversation itself for a group. */
export function recipientOf(conversationId: string, me: string): string {
  if (!conversationId.startsWith("dm:")) return conversationId;
  const [, a, b] = conversationId.split(":");
  return a === me ? b! : a!;
}

let groupCounter = 0;
/** A new group id owned by `userId`, unique within this worker process. */
export function nextGroupId(userId: string): string {
  return `g:${userId}.${(groupCounter += 1)}`;
}

interface Pending {
  resolve: (a: AckInfo) => void;
  reject: (e: Error) => void;
  conversationId: string;
  seq: number;
}

/** A peer connection over `ws`: subclasses frame requests and parse incoming frames. */
export abstract class PeerConnection implements Connection {
  private readonly pending = new Map<number, Pending>();
  private readonly messageHandlers: ((m: Delivery) => void)[] = [];
  private readonly closeHandlers: ((c: CloseInfo) => void)[] = [];
  private closingLocally = false;

  constructor(
    protected readonly ws: WebSocket,
    readonly welcome: WelcomeInfo,
  ) {
    ws.on("close", (code: number, reason: Buffer) => {
      const err = new LoadFailure(`close ${code}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      const info: CloseInfo = { code, reason: reason.toString(), local: this.closingLocally };
      for (const h of this.closeHandlers) h(info);
    });
    ws.on("error", () => undefined);
  }

  abstract send(conversationId: string, body: Uint8Array): Promise<AckInfo>;
  abstract createGroup(name: string, memberIds: readonly string[]): Promise<string>;

  /** Registers request `id` and writes it; resolves when acked(id) is called. */
  protected request(id: number, conversationId: string, seq: number, write: () => void): Promise<AckInfo> {
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new LoadFailure("not connected"));
    return new Promise<AckInfo>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, conversationId, seq });
      write();
    });
  }

  protected acked(id: number): void {
    const p = this.pending.get(id);
    if (p === undefined) return;
    this.pending.delete(id);
    p.resolve({ conversationId: p.conversationId, seq: p.seq, duplicate: false });
  }

  protected deliver(d: Delivery): void {
    for (const h of this.messageHandlers) h(d);
  }

  onMessage(handler: (m: Delivery) => void): void {
    this.messageHandlers.push(handler);
  }

  onClose(handler: (info: CloseInfo) => void): void {
    this.closeHandlers.push(handler);
  }

  onGapSync(): void {
    // The peers have no sync.
  }

  close(): void {
    this.closingLocally = true;
    this.ws.close(1000);
  }
}

/** Opens a `ws` socket and resolves once it is open (the peers' equivalent of Switchboard's welcome). */
export function openSocket(url: string, opts: ConnectOptions, attach?: (ws: WebSocket) => void): Promise<WebSocket> {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, {
      perMessageDeflate: false,
      ...(opts.localAddress !== undefined ? { localAddress: opts.localAddress } : {}),
    });
    // Listeners that must see the very first frames are attached now, not after the promise settles.
    attach?.(ws);
    let done = false;
    const fail = (reason: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ws.terminate();
      reject(new LoadFailure(reason));
    };
    const timer = setTimeout(() => fail("timeout"), opts.timeoutMs);
    ws.once("unexpected-response", (_req, res: IncomingMessage) => fail(`http ${res.statusCode ?? 0}`));
    ws.once("error", (err) => fail(failureReason(err)));
    ws.once("close", (code) => fail(`close ${code}`));
    ws.once("open", () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ws.removeAllListeners("close");
      ws.removeAllListeners("error");
      resolve(ws);
    });
  });
}
