// Load-tool driver for the bare uWS relay (load/peers/uws-relay.ts), over load/lean-ws.ts with the
// relay's minimal framing (load/peers/relay-protocol.ts). The relay assigns no sequence numbers, so
// this driver numbers each conversation itself, per worker process (a conversation's members all
// live in one worker, see load/plan.ts): the worker's loss and order checks then work unchanged.
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
import { ACK, DELIVERY, GROUP, SEND } from "./relay-protocol.js";

const ascii = (s: string): Buffer => {
  if (s.length > 255) throw new LoadFailure("id too long");
  return Buffer.from(s, "latin1");
};

/** The fixed part of a SEND frame to one conversation: [to][DELIVERY head up to the seq's end]. */
interface Route {
  readonly conversationId: string;
  /** [toLen][to][DELIVERY][seq placeholder][convLen][conv][senderLen][sender] */
  readonly bytes: Buffer;
  /** Offset of the seq (u32le) inside `bytes`. */
  readonly seqAt: number;
}

class RelayConnection extends PeerConnection {
  private reqId = 0;
  private readonly me: Buffer;
  /** A connection sends to one conversation in chat (a few in mixed): keep the last route built. */
  private route: Route | null = null;

  constructor(ws: LeanWebSocket, welcome: WelcomeInfo) {
    super(ws, welcome);
    this.me = ascii(welcome.userId);
    ws.onframe = (data, start, end) => this.onFrame(data, start, end);
  }

  private onFrame(data: Buffer, start: number, end: number): void {
    const kind = data[start];
    if (kind === ACK) {
      this.acked(data.readUInt32LE(start + 1));
    } else if (kind === DELIVERY) {
      const seq = data.readUInt32LE(start + 1);
      const convLen = data[start + 5]!;
      const conversationId = data.toString("latin1", start + 6, start + 6 + convLen);
      const bodyAt = start + 7 + convLen + data[start + 6 + convLen]!;
      this.events.message(conversationId, seq, readSentAt(data, bodyAt, end - bodyAt));
    }
  }

  private routeTo(conversationId: string): Route {
    if (this.route !== null && this.route.conversationId === conversationId) return this.route;
    const to = ascii(recipientOf(conversationId, this.welcome.userId));
    const conv = ascii(conversationId);
    const bytes = Buffer.concat([
      Buffer.from([to.length]),
      to,
      Buffer.from([DELIVERY, 0, 0, 0, 0, conv.length]),
      conv,
      Buffer.from([this.me.length]),
      this.me,
    ]);
    this.route = { conversationId, bytes, seqAt: 1 + to.length + 1 };
    return this.route;
  }

  send(conversationId: string, sentAtMs: number, bodyBytes: number): void {
    if (!this.open) {
      this.events.sendFailed("not connected");
      return;
    }
    const route = this.routeTo(conversationId);
    const seq = nextSeq(conversationId);
    const id = (this.reqId = (this.reqId + 1) >>> 0);
    // [SEND][reqId u32le] + route + body, built in one buffer.
    const frame = Buffer.allocUnsafe(5 + route.bytes.length + bodyBytes);
    frame[0] = SEND;
    frame.writeUInt32LE(id, 1);
    route.bytes.copy(frame, 5);
    frame.writeUInt32LE(seq, 5 + route.seqAt);
    writeTimestampedBody(frame, 5 + route.bytes.length, bodyBytes, sentAtMs);
    this.sending(id, conversationId, seq, sentAtMs);
    this.ws.send(frame);
  }

  async createGroup(_name: string, memberIds: readonly string[]): Promise<string> {
    const id = nextGroupId(this.welcome.userId);
    const reqId = (this.reqId = (this.reqId + 1) >>> 0);
    const gid = ascii(id);
    const head = Buffer.from([GROUP, 0, 0, 0, 0, gid.length]);
    head.writeUInt32LE(reqId, 1);
    const members = memberIds.map((m) => Buffer.concat([Buffer.from([m.length]), ascii(m)]));
    await this.groupRequest(reqId, () => this.ws.send(Buffer.concat([head, gid, ...members])));
    return id;
  }
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
