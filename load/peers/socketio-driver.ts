// Load-tool driver for the Socket.IO peer (load/peers/socketio-server.ts). It speaks the Socket.IO v5
// / Engine.IO v4 protocol directly over `ws` (websocket transport, no polling): "40{auth}" to join
// the default namespace, `42<id>["m",to,msg]` events with acknowledgement ids, "2"/"3" heartbeats.
// That is exactly what socket.io-client sends in this configuration, without its per-message
// overhead, so the load generator spends its CPU on load rather than on client machinery.
// Messages are JSON objects {s: seq, c: conversation, f: sender, b: base64 body}; seqs are numbered
// by this driver per conversation (see uws-relay-driver.ts).
import { randomBytes } from "node:crypto";
import type WebSocket from "ws";
import {
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
import { nextSeq, openSocket, recipientOf } from "./uws-relay-driver.js";

interface WireMessage {
  s: number;
  c: string;
  f: string;
  b: string;
}

interface Pending {
  resolve: (a: AckInfo) => void;
  reject: (e: Error) => void;
  conversationId: string;
  seq: number;
}

let groupCounter = 0;

class SocketIoConnection implements Connection {
  private ackId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly messageHandlers: ((m: Delivery) => void)[] = [];
  private readonly closeHandlers: ((c: CloseInfo) => void)[] = [];
  private closingLocally = false;

  constructor(
    private readonly ws: WebSocket,
    readonly welcome: WelcomeInfo,
  ) {
    ws.on("message", (data: Buffer) => this.onFrame(data.toString("utf8")));
    ws.on("close", (code: number, reason: Buffer) => {
      const err = new LoadFailure(`close ${code}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      const info: CloseInfo = { code, reason: reason.toString(), local: this.closingLocally };
      for (const h of this.closeHandlers) h(info);
    });
    ws.on("error", () => undefined);
  }

  private onFrame(text: string): void {
    if (text === "2") {
      this.ws.send("3");
      return;
    }
    if (text.startsWith("42")) {
      const [event, m] = JSON.parse(text.slice(2)) as [string, WireMessage];
      if (event !== "m") return;
      const d: Delivery = { conversationId: m.c, seq: m.s, senderId: m.f, body: Buffer.from(m.b, "base64") };
      for (const h of this.messageHandlers) h(d);
    } else if (text.startsWith("43")) {
      const id = Number.parseInt(text.slice(2), 10);
      const p = this.pending.get(id);
      if (p === undefined) return;
      this.pending.delete(id);
      p.resolve({ conversationId: p.conversationId, seq: p.seq, duplicate: false });
    } else if (text.startsWith("41")) {
      this.ws.close(1000);
    }
  }

  private emit(args: unknown[], conversationId: string, seq: number): Promise<AckInfo> {
    if (this.ws.readyState !== 1) return Promise.reject(new LoadFailure("not connected"));
    const id = (this.ackId = (this.ackId + 1) % 1e9);
    return new Promise<AckInfo>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, conversationId, seq });
      this.ws.send(`42${id}${JSON.stringify(args)}`);
    });
  }

  send(conversationId: string, body: Uint8Array): Promise<AckInfo> {
    const seq = nextSeq(conversationId);
    const m: WireMessage = {
      s: seq,
      c: conversationId,
      f: this.welcome.userId,
      b: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("base64"),
    };
    return this.emit(["m", recipientOf(conversationId, this.welcome.userId), m], conversationId, seq);
  }

  async createGroup(_name: string, memberIds: readonly string[]): Promise<string> {
    const id = `g:${this.welcome.userId}.${(groupCounter += 1)}`;
    await this.emit(["g", id, memberIds], id, 0);
    return id;
  }

  onMessage(handler: (m: Delivery) => void): void {
    this.messageHandlers.push(handler);
  }

  onClose(handler: (info: CloseInfo) => void): void {
    this.closeHandlers.push(handler);
  }

  onGapSync(): void {
    // Socket.IO has no sync.
  }

  close(): void {
    this.closingLocally = true;
    this.ws.close(1000);
  }
}

/** Waits for Engine.IO's open packet, joins the namespace with the token, waits for CONNECT. */
function handshake(ws: WebSocket, token: string, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new LoadFailure("timeout")), timeoutMs);
    const finish = (err: Error | null, sid = ""): void => {
      clearTimeout(timer);
      ws.removeListener("message", onMessage);
      ws.removeListener("close", onClose);
      if (err === null) resolve(sid);
      else {
        ws.terminate();
        reject(err);
      }
    };
    const onClose = (code: number): void => finish(new LoadFailure(`close ${code}`));
    const onMessage = (data: Buffer): void => {
      const text = data.toString("utf8");
      if (text.startsWith("0")) ws.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith("40")) finish(null, (JSON.parse(text.slice(2) || "{}") as { sid?: string }).sid ?? "");
      else if (text.startsWith("44"))
        finish(new LoadFailure(`server ${(JSON.parse(text.slice(2)) as { message?: string }).message ?? "connect_error"}`));
    };
    ws.on("message", onMessage);
    ws.on("close", onClose);
  });
}

async function connect(opts: ConnectOptions): Promise<Connection> {
  const userId = jwtSubject(opts.token);
  if (userId === null) throw new LoadFailure("bad token");
  const u = new URL(opts.url);
  u.pathname = "/socket.io/";
  u.search = "EIO=4&transport=websocket";
  let joined: Promise<string> = Promise.resolve("");
  const ws = await openSocket(u.toString(), opts, (s) => {
    joined = handshake(s, opts.token, opts.timeoutMs);
    joined.catch(() => undefined);
  });
  const sid = await joined;
  return new SocketIoConnection(ws, { userId, sessionId: sid || randomBytes(6).toString("hex"), nodeId: "socketio" });
}

export function createSocketIoDriver(): Driver {
  return { name: "Socket.IO v5 protocol over ws (load/peers/socketio-driver.ts)", connect };
}
