// Load-tool driver for the Socket.IO peer (load/peers/socketio-server.ts). It speaks the Socket.IO v5
// / Engine.IO v4 protocol directly over `ws` (websocket transport, no polling): "40{auth}" to join
// the default namespace, `42<id>["m",to,msg]` events with acknowledgement ids, "2"/"3" heartbeats.
// That is exactly what socket.io-client sends in this configuration, without its per-message
// overhead, so the load generator spends its CPU on load rather than on client machinery.
// Messages are JSON objects {s: seq, c: conversation, f: sender, b: base64 body}; seqs are numbered
// by this driver per conversation (see peer-connection.ts).
import { randomBytes } from "node:crypto";
import type WebSocket from "ws";
import {
  LoadFailure,
  type AckInfo,
  type Connection,
  type ConnectOptions,
  type Delivery,
  type Driver,
  type WelcomeInfo,
} from "../driver.js";
import { jwtSubject } from "./jwt-sub.js";
import { nextGroupId, nextSeq, openSocket, PeerConnection, recipientOf } from "./peer-connection.js";

interface WireMessage {
  s: number;
  c: string;
  f: string;
  b: string;
}

class SocketIoConnection extends PeerConnection {
  private ackId = 0;

  constructor(ws: WebSocket, welcome: WelcomeInfo) {
    super(ws, welcome);
    ws.on("message", (data: Buffer) => this.onFrame(data.toString("utf8")));
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
      this.deliver(d);
    } else if (text.startsWith("43")) {
      this.acked(Number.parseInt(text.slice(2), 10));
    } else if (text.startsWith("41")) {
      this.ws.close(1000);
    }
  }

  private emit(args: unknown[], conversationId: string, seq: number): Promise<AckInfo> {
    const id = (this.ackId = (this.ackId + 1) % 1e9);
    return this.request(id, conversationId, seq, () => this.ws.send(`42${id}${JSON.stringify(args)}`));
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
    const id = nextGroupId(this.welcome.userId);
    await this.emit(["g", id, memberIds], id, 0);
    return id;
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
