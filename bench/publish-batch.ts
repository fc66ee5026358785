// CPU per node-to-node envelope through the Redis engine's broker, on both sides: this process
// (publishing and receiving node in one) and redis-server. Envelopes are published in loop turns
// of TURN per target node, as a loaded gateway routes them: TURN=1 is one PUBLISH per envelope
// (what every envelope cost before batching), TURN>1 one EnvelopeBatch per turn.
//
//   node --import tsx bench/publish-batch.ts            # TURN=1 and TURN=10, one after the other
//   TURN=4 node --import tsx bench/publish-batch.ts     # one setting
//
// Env: ENVELOPES (100000), TURN, REDIS_URL. redis-server must run on this machine (its CPU is
// read from /proc).
import { setImmediate as nextTurn } from "node:timers/promises";
import { Redis } from "ioredis";
import { unlinkMatching } from "../load/run-cleanup.js";
import { redisServerCpu } from "../load/server-stats.js";
import { RedisEngine } from "../src/engine/redis/redis-engine.js";
import { encodeEnvelope, EnvelopeKind, encodeServerFrame } from "../src/protocol/proto.js";

const ENVELOPES = Number(process.env["ENVELOPES"] ?? 100_000);
const TURNS = process.env["TURN"] !== undefined ? [Number(process.env["TURN"])] : [1, 10];
const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";

const prefix = `sbpb${process.pid}:`;
const connections: Redis[] = [];
function engine(nodeId: string): RedisEngine {
  const client = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  connections.push(client, subscriber);
  return new RedisEngine({ nodeId, client, subscriber, prefix });
}

const sender = engine(`pbs${process.pid}`);
const receiver = engine(`pbr${process.pid}`);
await Promise.all([sender.start(), receiver.start()]);
let received = 0;
let wanted = 0;
let onAll: () => void = () => undefined;
await receiver.broker.subscribe(() => {
  received += 1;
  if (received === wanted) onAll();
});

/** redis-server's user + system CPU, in µs. */
const redisCpuUs = redisServerCpu(await connections[0]!.info("server"));

// A chat message's envelope as routeTo builds it: one recipient, the encoded push frame.
const frame = encodeServerFrame({
  message: {
    messageId: "m-0123456789abcdef",
    conversationId: "dm:load-user-000001:load-user-000002",
    seq: 12345,
    senderId: "load-user-000001",
    senderDevice: "d1",
    clientMsgId: "c-0123456789abcdef01234567",
    body: new Uint8Array(64),
    contentType: "text/plain",
    sentAtMs: Date.now(),
  },
});

async function run(count: number, turn: number): Promise<void> {
  received = 0;
  wanted = count;
  const all = new Promise<void>((resolve) => (onAll = resolve));
  const pending: Promise<void>[] = [];
  for (let sent = 0; sent < count;) {
    for (let i = 0; i < turn && sent < count; i++, sent++) {
      const envelope = encodeEnvelope({
        userIds: ["load-user-000002"],
        frame,
        kind: EnvelopeKind.ENVELOPE_KIND_MESSAGE,
        conversationId: "dm:load-user-000001:load-user-000002",
        seq: sent,
        originNode: sender.nodeId,
      });
      pending.push(sender.broker.publish(receiver.nodeId, envelope));
    }
    await nextTurn();
  }
  await Promise.all(pending);
  await all;
}

try {
  for (const turn of TURNS) {
    await run(Math.min(10_000, ENVELOPES), turn); // JIT warm-up
    const before = sender.stats().publishes;
    const cpu0 = process.cpuUsage();
    const redis0 = await redisCpuUs();
    const t0 = performance.now();
    await run(ENVELOPES, turn);
    const cpu = process.cpuUsage(cpu0);
    const redisUs = (await redisCpuUs()) - redis0;
    const per = (us: number): string => (us / ENVELOPES).toFixed(1);
    console.log(
      `${ENVELOPES} envelopes in turns of ${turn}: ${sender.stats().publishes - before} PUBLISHes; ` +
        `this process (sender + receiver) ${per(cpu.user + cpu.system)} µs CPU per envelope, redis-server ${per(redisUs)} µs, ` +
        `wall ${per((performance.now() - t0) * 1000)} µs`,
    );
  }
} finally {
  await Promise.all([sender.close(), receiver.close()]);
  await unlinkMatching(connections[0]!, `${prefix}*`);
  for (const c of connections) c.disconnect();
}
