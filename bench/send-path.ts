// CPU per message of the JavaScript on the message path, without sockets: what a change to that
// code buys, free of the kernel's loopback TCP and of the other processes on the machine (a load
// run's figures move by more than such a change).
//
//   node --import tsx bench/send-path.ts            # both parts
//   PART=gateway node --import tsx bench/send-path.ts
//
// gateway: a GatewayNode with the memory engine and PAIRS pairs of sessions on fake sockets; each
//          send frame goes through onMessage (decode, dedupe, append, send_ack, delivery), plus
//          one cumulative ack frame per 10 sends.
// client:  PAIRS pairs of SwitchboardClients on fake sockets; a fake server in the same process
//          answers each send with a send_ack and pushes the message to the peer (its protobuf
//          work is in the figure too).
// Env: MESSAGES (200000 per part, measured in ROUNDS rounds after a 50,000-message warm-up),
//      ROUNDS (4), PAIRS (500), PART (gateway | client).
import { setImmediate as nextTurn } from "node:timers/promises";
import { SwitchboardClient, type WebSocketLike } from "../src/client/index.js";
import { GatewayNode } from "../src/core/node.js";
import type { Session, Socket } from "../src/core/session.js";
import { MemoryEngine } from "../src/engine/memory/memory-engine.js";
import { createLogger } from "../src/observability/logger.js";
import { Metrics } from "../src/observability/metrics.js";
import { decodeClientFrame, encodeClientFrame, encodeServerFrame, type IServerFrame } from "../src/protocol/proto.js";

const MESSAGES = Number(process.env["MESSAGES"] ?? 200_000);
const ROUNDS = Number(process.env["ROUNDS"] ?? 4);
const PAIRS = Number(process.env["PAIRS"] ?? 500);
const PARTS = process.env["PART"] !== undefined ? [process.env["PART"]] : ["gateway", "client"];
const WARMUP = 50_000;
const BODY = new Uint8Array(100).fill(7);
const CONTENT_TYPE = "application/x-load";

const user = (i: number): string => `u${String(i).padStart(5, "0")}`;
const dm = (k: number): string => `dm:${user(2 * k)}:${user(2 * k + 1)}`;
const cpuUs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return u.user + u.system;
};
/** An ArrayBuffer of its own, as uWS and WebSocket hand frames over. */
const own = (u8: Uint8Array): ArrayBuffer => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;

async function gateway(): Promise<number[]> {
  const engine = new MemoryEngine({ nodeId: "bench", historyPerConversation: 200, dedupeTtlMs: 86_400_000, dedupeMaxEntries: 100_000 });
  const node = new GatewayNode(
    {
      nodeId: "bench",
      pingIntervalMs: 30_000,
      idleTimeoutMs: 90_000,
      maxFrameBytes: 65_536,
      sendRatePerSec: 1e9,
      sendBurst: 1e9,
      typingRatePerSec: 1e9,
      typingBurst: 1e9,
      requestRatePerSec: 1e9,
      requestBurst: 1e9,
      maxViolations: 10,
      softBufferBytes: 1 << 20,
      hardBufferBytes: 8 << 20,
      maxPauseMs: 60_000,
      maxGroupSize: 1000,
      maxSyncPage: 500,
      defaultSyncPage: 100,
      overloadLagMs: 0,
    },
    engine,
    new Metrics({ defaults: false }),
    createLogger("silent", "bench"),
  );
  await node.start();
  const socket = (): Socket => ({ send: () => 1, getBufferedAmount: () => 0, end: () => undefined, ping: () => 1, cork: (cb) => cb() });
  const sessions: Session[] = [];
  for (let i = 0; i < 2 * PAIRS; i++) {
    const s = node.newSession(user(i), "phone", "127.0.0.1", Math.floor(Date.now() / 1000) + 3600, "");
    s.socket = socket();
    node.onOpen(s);
    sessions.push(s);
  }
  const round = async (n: number, tag: string): Promise<number> => {
    // Encoded before the clock starts: the client's share is the other part.
    const frames: [Session, ArrayBuffer][] = [];
    for (let i = 0; i < n; i++) {
      const k = i % PAIRS;
      const from = sessions[2 * k + (i & 1)]!;
      const send = { conversationId: dm(k), clientMsgId: `${tag}-${i}-0123456789abcdef`, body: BODY, contentType: CONTENT_TYPE };
      frames.push([from, own(encodeClientFrame({ reqId: i + 1, send }))]);
      if (i % 10 === 9) frames.push([from, own(encodeClientFrame({ ack: { conversationId: dm(k), seq: 1 } }))]);
    }
    const t0 = process.cpuUsage();
    for (let i = 0; i < frames.length; i++) {
      node.onMessage(frames[i]![0], frames[i]![1], true);
      if (i % 50 === 49) await nextTurn();
    }
    await nextTurn();
    return cpuUs(t0) / n;
  };
  await round(WARMUP, "warm");
  const out: number[] = [];
  for (let r = 0; r < ROUNDS; r++) out.push(await round(MESSAGES / ROUNDS, `r${r}`));
  await engine.close();
  return out;
}

async function client(): Promise<number[]> {
  const byUser = new Map<string, FakeSocket>();
  const seqs = new Map<string, number>();
  let messageIds = 0;
  class FakeSocket implements WebSocketLike {
    binaryType = "arraybuffer";
    readyState = 0;
    bufferedAmount = 0;
    protocol = "";
    onopen: ((ev: never) => void) | null = null;
    onmessage: ((ev: never) => void) | null = null;
    onclose: ((ev: never) => void) | null = null;
    onerror: ((ev: never) => void) | null = null;
    private readonly user: string;
    constructor(url: string) {
      this.user = new URL(url).searchParams.get("u")!;
      byUser.set(this.user, this);
      setImmediate(() => {
        this.readyState = 1;
        (this.onopen as ((ev: unknown) => void) | null)?.({});
        this.receive({
          welcome: {
            userId: this.user,
            deviceId: "phone",
            sessionId: this.user,
            nodeId: "bench",
            heartbeatMs: 30_000,
            maxFrameBytes: 65_536,
          },
        });
      });
    }
    receive(frame: IServerFrame): void {
      (this.onmessage as ((ev: { data: ArrayBuffer }) => void) | null)?.({ data: own(encodeServerFrame(frame)) });
    }
    send(data: Uint8Array): void {
      const { reqId, send } = decodeClientFrame(data);
      if (send == null) return; // acks: the server side of them is the gateway part
      const c = send.conversationId ?? "";
      const seq = (seqs.get(c) ?? 0) + 1;
      seqs.set(c, seq);
      const messageId = `m${++messageIds}`;
      const sentAtMs = Date.now();
      this.receive({ reqId, sendAck: { clientMsgId: send.clientMsgId, conversationId: c, messageId, seq, sentAtMs } });
      const [, a, b] = c.split(":");
      byUser.get(a === this.user ? b! : a!)!.receive({
        message: {
          messageId,
          conversationId: c,
          seq,
          senderId: this.user,
          senderDevice: "phone",
          clientMsgId: send.clientMsgId,
          body: send.body,
          contentType: send.contentType,
          sentAtMs,
        },
      });
    }
    close(): void {
      this.readyState = 3;
    }
  }
  const clients: SwitchboardClient[] = [];
  for (let i = 0; i < 2 * PAIRS; i++) {
    clients.push(
      new SwitchboardClient({
        url: `ws://bench/ws?u=${user(i)}`,
        token: "t",
        device: "phone",
        WebSocket: FakeSocket,
        syncOnConnect: false,
        reconnect: { enabled: false },
      }),
    );
  }
  await Promise.all(clients.map((c) => c.connect()));
  let received = 0;
  for (const c of clients) c.on("message", () => void (received += 1));
  const round = async (n: number): Promise<number> => {
    const before = received;
    const t0 = process.cpuUsage();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const k = i % PAIRS;
      pending.push(clients[2 * k + (i & 1)]!.send(dm(k), BODY, { contentType: CONTENT_TYPE }));
      if (i % 100 === 99) {
        await Promise.all(pending.splice(0));
        await nextTurn();
      }
    }
    await Promise.all(pending);
    const us = cpuUs(t0) / n;
    if (received - before !== n) throw new Error(`client part: ${received - before} of ${n} messages delivered`);
    return us;
  };
  await round(WARMUP);
  const out: number[] = [];
  for (let r = 0; r < ROUNDS; r++) out.push(await round(MESSAGES / ROUNDS));
  await Promise.all(clients.map((c) => c.close()));
  return out;
}

for (const part of PARTS) {
  process.stdout.write(`${part}: ${MESSAGES} messages in ${ROUNDS} rounds, ${PAIRS} pairs...\n`);
  const rounds = part === "gateway" ? await gateway() : part === "client" ? await client() : null;
  if (rounds === null) throw new Error(`PART must be gateway or client, got ${part}`);
  const sorted = [...rounds].sort((a, b) => a - b);
  process.stdout.write(
    `${part}: ${rounds.map((x) => x.toFixed(2)).join(", ")} µs of CPU per message (median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)})\n`,
  );
}
process.exit(0);
