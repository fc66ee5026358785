// Load-tool driver for the bare uWS relay (load/peers/uws-relay.ts), over `ws` with the relay's
// minimal framing (load/peers/relay-protocol.ts). The relay assigns no sequence numbers, so this
// driver numbers each conversation itself, per worker process (a conversation's members all live in
// one worker, see load/plan.ts): the worker's loss and order checks then work unchanged.
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
import { ACK, DELIVERY, GROUP, SEND } from "./relay-protocol.js";

const ascii = (s: string): Buffer => {
  if (s.length > 255) throw new LoadFailure("id too long");
  return Buffer.from(s, "latin1");
};

class RelayConnection extends PeerConnection {
  private reqId = 0;
  private readonly me: Buffer;

  constructor(ws: WebSocket, welcome: WelcomeInfo) {
    super(ws, welcome);
    this.me = ascii(welcome.userId);
    ws.on("message", (data: Buffer) => this.onFrame(data));
  }

  private onFrame(data: Buffer): void {
    const kind = data[0];
    if (kind === ACK) {
      this.acked(data.readUInt32LE(1));
    } else if (kind === DELIVERY) {
      const seq = data.readUInt32LE(1);
      const convLen = data[5]!;
      const conversationId = data.toString("latin1", 6, 6 + convLen);
      const senderLen = data[6 + convLen]!;
      const senderId = data.toString("latin1", 7 + convLen, 7 + convLen + senderLen);
      const d: Delivery = { conversationId, seq, senderId, body: data.subarray(7 + convLen + senderLen) };
      this.deliver(d);
    }
  }

  private frame(kind: number, head: Buffer, rest: Buffer[], conversationId: string, seq: number): Promise<AckInfo> {
    const id = (this.reqId = (this.reqId + 1) >>> 0);
    const h = Buffer.allocUnsafe(6);
    h[0] = kind;
    h.writeUInt32LE(id, 1);
    h[5] = head.length;
    return this.request(id, conversationId, seq, () => this.ws.send(Buffer.concat([h, head, ...rest]), { binary: true }));
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
    return this.frame(
      SEND,
      ascii(recipientOf(conversationId, this.welcome.userId)),
      [d, Buffer.from(body.buffer, body.byteOffset, body.byteLength)],
      conversationId,
      seq,
    );
  }

  async createGroup(_name: string, memberIds: readonly string[]): Promise<string> {
    const id = nextGroupId(this.welcome.userId);
    const members = memberIds.map((m) => Buffer.concat([Buffer.from([m.length]), ascii(m)]));
    await this.frame(GROUP, ascii(id), members, id, 0);
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
