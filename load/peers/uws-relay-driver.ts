// Load-tool driver for the bare uWS relay (load/peers/uws-relay.ts), over `ws` with the relay's
// minimal framing (load/peers/relay-protocol.ts). The relay assigns no sequence numbers, so this
// driver numbers each conversation itself, per worker process (a conversation's members all live in
// one worker, see load/plan.ts): the worker's loss and order checks then work unchanged.
import { randomBytes } from "node:crypto";
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
  type Driver,
  type WelcomeInfo,
} from "../driver.js";
import { jwtSubject } from "./jwt-sub.js";
import { ACK, DELIVERY, GROUP, SEND } from "./relay-protocol.js";

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
const ascii = (s: string): Buffer => {
  if (s.length > 255) throw new LoadFailure("id too long");
  return Buffer.from(s, "latin1");
};

interface Pending {
  resolve: (a: AckInfo) => void;
  reject: (e: Error) => void;
  conversationId: string;
  seq: number;
}

class RelayConnection implements Connection {
  private reqId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly messageHandlers: ((m: Delivery) => void)[] = [];
  private readonly closeHandlers: ((c: CloseInfo) => void)[] = [];
  private closingLocally = false;
  private readonly me: Buffer;

  constructor(
    private readonly ws: WebSocket,
    readonly welcome: WelcomeInfo,
  ) {
    this.me = ascii(welcome.userId);
    ws.on("message", (data: Buffer) => this.onFrame(data));
    ws.on("close", (code: number, reason: Buffer) => {
      const err = new LoadFailure(`close ${code}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      const info: CloseInfo = { code, reason: reason.toString(), local: this.closingLocally };
      for (const h of this.closeHandlers) h(info);
    });
    ws.on("error", () => undefined);
  }

  private onFrame(data: Buffer): void {
    const kind = data[0];
    if (kind === ACK) {
      const p = this.pending.get(data.readUInt32LE(1));
      if (p === undefined) return;
      this.pending.delete(data.readUInt32LE(1));
      p.resolve({ conversationId: p.conversationId, seq: p.seq, duplicate: false });
    } else if (kind === DELIVERY) {
      const seq = data.readUInt32LE(1);
      const convLen = data[5]!;
      const conversationId = data.toString("latin1", 6, 6 + convLen);
      const senderLen = data[6 + convLen]!;
      const senderId = data.toString("latin1", 7 + convLen, 7 + convLen + senderLen);
      const d: Delivery = { conversationId, seq, senderId, body: data.subarray(7 + convLen + senderLen) };
      for (const h of this.messageHandlers) h(d);
    }
  }

  private request(kind: number, head: Buffer, rest: Buffer[], conversationId: string, seq: number): Promise<AckInfo> {
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new LoadFailure("not connected"));
    const id = (this.reqId = (this.reqId + 1) >>> 0);
    const h = Buffer.allocUnsafe(6);
    h[0] = kind;
    h.writeUInt32LE(id, 1);
    h[5] = head.length;
    return new Promise<AckInfo>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, conversationId, seq });
      this.ws.send(Buffer.concat([h, head, ...rest]), { binary: true });
    });
  }

  send(conversationId: string, body: Uint8Array): Promise<AckInfo> {
    const seq = nextSeq(conversationId);
    const conv = ascii(conversationId);
    const d = Buffer.allocUnsafe(7 + conv.length + this.me.length);
    d[0] = DELIVERY;
    d.writeUInt32LE(seq, 1);
    d[5] = conv.length;
    conv.copy(d, 6);
    d[6 + conv.length] = this.me.length;
    this.me.copy(d, 7 + conv.length);
    return this.request(
      SEND,
      ascii(recipientOf(conversationId, this.welcome.userId)),
      [d, Buffer.from(body.buffer, body.byteOffset, body.byteLength)],
      conversationId,
      seq,
    );
  }

  async createGroup(_name: string, memberIds: readonly string[]): Promise<string> {
    const id = `g:${this.welcome.userId}.${(groupCounter += 1)}`;
    const members = memberIds.map((m) => Buffer.concat([Buffer.from([m.length]), ascii(m)]));
    await this.request(GROUP, ascii(id), members, id, 0);
    return id;
  }

  onMessage(handler: (m: Delivery) => void): void {
    this.messageHandlers.push(handler);
  }

  onClose(handler: (info: CloseInfo) => void): void {
    this.closeHandlers.push(handler);
  }

  onGapSync(): void {
    // No sync in a bare relay.
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

async function connect(opts: ConnectOptions): Promise<Connection> {
  const userId = jwtSubject(opts.token);
  if (userId === null) throw new LoadFailure("bad token");
  const u = new URL(opts.url);
  u.searchParams.set("token", opts.token);
  const ws = await openSocket(u.toString(), opts);
  return new RelayConnection(ws, { userId, sessionId: randomBytes(6).toString("hex"), nodeId: "uws-relay" });
}

export function createUwsRelayDriver(): Driver {
  return { name: "bare uWS relay (load/peers/uws-relay-driver.ts)", connect };
}
