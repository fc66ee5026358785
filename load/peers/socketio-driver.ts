// Load-tool driver for the Socket.IO peer (load/peers/socketio-server.ts). It speaks the Socket.IO v5
// / Engine.IO v4 protocol directly over a WebSocket (load/lean-ws.ts; websocket transport, no polling): "40{auth}" to join
// the default namespace, `42<id>["m",to,msg]` events with acknowledgement ids, "2"/"3" heartbeats.
// That is exactly what socket.io-client sends in this configuration, without its per-message
// overhead, so the load generator spends its CPU on load rather than on client machinery.
// Messages are JSON objects {s: seq, c: conversation, f: sender, b: base64 body}; seqs are numbered
// by this driver per conversation (see peer-connection.ts).
import { randomBytes } from "node:crypto";
import type { LeanWebSocket } from "../lean-ws.js";
import {
  LoadFailure,
  readSentAt,
  writeTimestampedBody,
  type Connection,
  type ConnectOptions,
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

/** Scratch for bodies: written and base64-encoded (or decoded and read) within one call. */
let scratch = Buffer.alloc(1024);

/** Ids are [A-Za-z0-9_.@:-]: JSON string literals need no escaping. */
const SAFE_ID = /^[A-Za-z0-9_.@:-]*$/;

class SocketIoConnection extends PeerConnection {
  private ackId = 0;
  /** `"m","<to>",{"s":` … for the last conversation sent to (see send). */
  private route: { conversationId: string; head: string; tail: string } | null = null;

  constructor(ws: LeanWebSocket, welcome: WelcomeInfo) {
    super(ws, welcome);
    ws.onframe = (data, start, end) => this.onFrame(data.toString("utf8", start, end));
  }

  private onFrame(text: string): void {
    if (text === "2") {
      this.ws.send("3");
      return;
    }
    if (text.startsWith("42")) {
      const [event, m] = JSON.parse(text.slice(2)) as [string, WireMessage];
      if (event !== "m") return;
      if (scratch.length < m.b.length) scratch = Buffer.alloc(m.b.length);
      const n = scratch.write(m.b, 0, "base64");
      this.events.message(m.c, m.s, readSentAt(scratch, 0, n));
    } else if (text.startsWith("43")) {
      this.acked(Number.parseInt(text.slice(2), 10));
    } else if (text.startsWith("41")) {
      this.ws.close(1000);
    }
  }

  private nextAckId(): number {
    return (this.ackId = (this.ackId + 1) % 1e9);
  }

  send(conversationId: string, sentAtMs: number, bodyBytes: number): void {
    if (!this.open) {
      this.events.sendFailed("not connected");
      return;
    }
    if (this.route === null || this.route.conversationId !== conversationId) {
      const to = recipientOf(conversationId, this.welcome.userId);
      // Built into JSON by hand below: an id that would need escaping fails its send (thrown
      // here, inside the worker's send tick, it would end the worker).
      if (!SAFE_ID.test(conversationId) || !SAFE_ID.test(this.welcome.userId)) {
        this.events.sendFailed("id needs JSON escaping");
        return;
      }
      this.route = { conversationId, head: `["m","${to}",{"s":`, tail: `,"c":"${conversationId}","f":"${this.welcome.userId}","b":"` };
    }
    const seq = nextSeq(conversationId);
    const id = this.nextAckId();
    if (scratch.length < bodyBytes) scratch = Buffer.alloc(bodyBytes);
    writeTimestampedBody(scratch, 0, bodyBytes, sentAtMs);
    // Exactly JSON.stringify(["m", to, {s, c, f, b}]), without building the objects.
    const text = `42${id}${this.route.head}${seq}${this.route.tail}${scratch.toString("base64", 0, bodyBytes)}"}]`;
    this.sending(id, conversationId, seq, sentAtMs);
    this.ws.send(text);
  }

  async createGroup(_name: string, memberIds: readonly string[]): Promise<string> {
    const id = nextGroupId(this.welcome.userId);
    const ackId = this.nextAckId();
    await this.groupRequest(ackId, () => this.ws.send(`42${ackId}${JSON.stringify(["g", id, memberIds])}`));
    return id;
  }
}

/** Waits for Engine.IO's open packet, joins the namespace with the token, waits for CONNECT. */
class Handshake {
  readonly joined: Promise<string>;
  private settle: (err: Error | null, sid?: string) => void = () => undefined;

  constructor(
    private readonly ws: LeanWebSocket,
    token: string,
    timeoutMs: number,
  ) {
    this.joined = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new LoadFailure("timeout")), timeoutMs);
      this.settle = (err, sid = "") => {
        this.settle = () => undefined;
        clearTimeout(timer);
        if (err === null) resolve(sid);
        else {
          this.ws.terminate();
          reject(err);
        }
      };
    });
    this.joined.catch(() => undefined);
    ws.onframe = (data, start, end) => {
      const text = data.toString("utf8", start, end);
      if (text.startsWith("0")) ws.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith("40")) this.settle(null, (JSON.parse(text.slice(2) || "{}") as { sid?: string }).sid ?? "");
      else if (text.startsWith("44"))
        this.fail(new LoadFailure(`server ${(JSON.parse(text.slice(2)) as { message?: string }).message ?? "connect_error"}`));
    };
  }

  fail(err: Error): void {
    this.settle(err);
  }
}

async function connect(opts: ConnectOptions): Promise<Connection> {
  const userId = jwtSubject(opts.token);
  if (userId === null) throw new LoadFailure("bad token");
  const u = new URL(opts.url);
  u.pathname = "/socket.io/";
  u.search = "EIO=4&transport=websocket";
  let hs: Handshake | null = null;
  let ws: LeanWebSocket;
  try {
    ws = await openSocket(u.toString(), opts, (s) => (hs = new Handshake(s, opts.token, opts.timeoutMs)));
  } catch (err) {
    (hs as Handshake | null)?.fail(err as Error);
    throw err;
  }
  const handshake = hs as unknown as Handshake;
  ws.onclose = (ev) => handshake.fail(new LoadFailure(`close ${ev.code}`));
  const sid = await handshake.joined;
  return new SocketIoConnection(ws, { userId, sessionId: sid || randomBytes(6).toString("hex"), nodeId: "socketio" });
}

export function createSocketIoDriver(): Driver {
  return { name: "Socket.IO v5 protocol over WebSocket (load/peers/socketio-driver.ts)", connect };
}
