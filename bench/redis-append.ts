// CPU per append through the Redis engine's store, on both sides of the connection: this
// process (encoding, ioredis, reply decoding) and redis-server (the append script), for DMs whose
// appends arrive in loop turns of a few messages, as a loaded gateway sees them. No gateway, no
// sockets to clients: the figure isolates what the Redis engine costs per message.
//
//   node --import tsx bench/redis-append.ts
// Before/after: run the same file from each checkout (copied into an older one's bench/).
//
// Env: APPENDS (60000), TURN (appends per loop turn, 12), DMS (200), BODY_BYTES (64), REDIS_URL.
// redis-server must run on this machine (its CPU is read from /proc).
import { setImmediate as nextTurn } from "node:timers/promises";
import { Redis } from "ioredis";
import { unlinkMatching } from "../load/run-cleanup.js";
import { redisServerCpu } from "../load/server-stats.js";
import { RedisEngine } from "../src/engine/redis/redis-engine.js";

const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const APPENDS = env("APPENDS", 60_000);
const TURN = env("TURN", 12);
const DMS = env("DMS", 200);
const BODY = new Uint8Array(env("BODY_BYTES", 64));
const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";

const prefix = `sbra${process.pid}:`;
const client = new Redis(REDIS_URL);
const subscriber = new Redis(REDIS_URL);
const engine = new RedisEngine({ nodeId: `ra${process.pid}`, client, subscriber, prefix });

/** redis-server's user + system CPU, in µs. */
const redisCpuUs = redisServerCpu(await client.info("server"));

let n = 0;
async function appendMany(count: number): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (let done = 0; done < count; done += TURN) {
    for (let i = 0; i < TURN; i++) {
      const d = n++ % DMS;
      const a = `u${2 * d}`;
      const b = `u${2 * d + 1}`;
      pending.push(
        engine.store.append({
          conversationId: `dm:${a}:${b}`,
          senderId: a,
          senderDevice: "d1",
          clientMsgId: `c${n}-${process.pid}`,
          body: BODY,
          contentType: "text/plain",
          memberIds: [a, b],
          locate: [a, b],
        }),
      );
    }
    await nextTurn();
  }
  await Promise.all(pending);
}

try {
  await appendMany(Math.min(6_000, APPENDS)); // JIT warm-up and the DMs' first messages (user index)
  const cpu0 = process.cpuUsage();
  const redis0 = await redisCpuUs();
  const t0 = performance.now();
  await appendMany(APPENDS);
  const cpu = process.cpuUsage(cpu0);
  const redisUs = (await redisCpuUs()) - redis0;
  const per = (us: number): string => (us / APPENDS).toFixed(1);
  console.log(
    `${APPENDS} appends in turns of ${TURN} over ${DMS} DMs: this process ${per(cpu.user + cpu.system)} µs CPU per append, ` +
      `redis-server ${per(redisUs)} µs, wall ${per((performance.now() - t0) * 1000)} µs`,
  );
} finally {
  await unlinkMatching(client, `${prefix}*`);
  client.disconnect();
  subscriber.disconnect();
}
