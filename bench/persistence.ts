// Persistence throughput of ACK_MODE=store's path: outbox stream -> mover -> BullMQ -> persister
// -> MariaDB. The producer writes outbox entries as the append script does (XADD in pipelines,
// admitted by the batcher's backlog bound as the gateway's sends are).
//   node --import tsx bench/persistence.ts
// Two producer shapes:
//   RATE=0 (default)  open loop: offers as much as is admitted (backs off on OVERLOADED);
//                     the persisted rate is the capacity, the backlog sits at MAX_BACKLOG.
//   RATE=<msg/s>      paced: offers exactly RATE msg/s; passes when every message is persisted,
//                     none is refused and the backlog does not grow (the "sustained" figure).
// Persister placement:
//   PERSISTERS=0 (default)  a worker inside this process (startPersister, as EMBEDDED_PERSISTER);
//   PERSISTERS=<n>          n separate processes of the real entry point (src/main/persister.ts),
//                           counted through the queue's completion events (QueueEvents).
// Env: BENCH_SECONDS (20), BATCH (1000), BATCH_MS (20), CONCURRENCY (4), POOL (4), BODY_BYTES (100),
//      CONVERSATIONS (1000), MAX_BACKLOG (200), MAX_OUTBOX (200000), RATE (0), PERSISTERS (0), MYSQL_URL (base; a fresh
//      sbbench_* database is used and dropped), REDIS_URL.
// Prints the CPU share of this process, the persister processes, mariadbd and redis-server.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import mysql from "mysql2/promise";
import { Registry } from "prom-client";
import type { StoredMessage } from "../src/engine/types.js";
import { createLogger } from "../src/observability/logger.js";
import { persistenceMetrics } from "../src/observability/metrics.js";
import { pb } from "../src/protocol/proto.js";
import { Batcher } from "../src/persistence/batcher.js";
import { OutboxMover } from "../src/persistence/outbox.js";
import { migrate } from "../src/persistence/migrator.js";
import { MysqlRepository } from "../src/persistence/mysql-repository.js";
import { formatMysqlUrl, parseMysqlUrl } from "../src/persistence/mysql-url.js";
import { type PersisterHandle, startPersister } from "../src/persistence/persister.js";
import { deadLetterQueueName, redisConnection } from "../src/persistence/queue.js";
import { ErrorCode, SwitchboardError } from "../src/protocol/codes.js";

const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const SECONDS = env("BENCH_SECONDS", 20);
const BATCH = env("BATCH", 1000);
const BATCH_MS = env("BATCH_MS", 20);
const CONCURRENCY = env("CONCURRENCY", 4);
const POOL = env("POOL", 4);
const BODY_BYTES = env("BODY_BYTES", 100);
const CONVERSATIONS = env("CONVERSATIONS", 1000);
const MAX_BACKLOG = env("MAX_BACKLOG", 200);
const MAX_OUTBOX = env("MAX_OUTBOX", 200_000);
const RATE = env("RATE", 0);
const PERSISTERS = env("PERSISTERS", 0);
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ROOT = fileURLToPath(new URL("../", import.meta.url));

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// --- CPU accounting from /proc (Linux) -----------------------------------------------------------

const TICK_MS = 10; // USER_HZ is 100 on Linux
function procCpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return 0;
  }
}
function pidsNamed(name: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, "utf8").trim() === name) out.push(Number(d));
    } catch {
      // gone
    }
  }
  return out;
}
class CpuMeter {
  private readonly start = new Map<string, number>();
  private t0 = 0;
  constructor(private readonly groups: Record<string, () => number[]>) {}
  private sample(): Map<string, number> {
    const m = new Map<string, number>();
    for (const [k, pids] of Object.entries(this.groups))
      m.set(
        k,
        pids().reduce((a, p) => a + procCpuMs(p), 0),
      );
    return m;
  }
  begin(): void {
    this.t0 = performance.now();
    for (const [k, v] of this.sample()) this.start.set(k, v);
  }
  /** CPU % of one core per group since begin(). */
  end(): string {
    const wall = performance.now() - this.t0;
    return [...this.sample()].map(([k, v]) => `${k} ${Math.round((100 * (v - (this.start.get(k) ?? 0))) / wall)}%`).join(", ");
  }
}

// --- external persisters ---------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a !== null ? a.port : 0));
    });
  });
}

interface External {
  child: ChildProcess;
  port: number;
}

async function startExternal(url: string, queueName: string, prefix: string): Promise<External> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main/persister.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      MYSQL_URL: url,
      REDIS_URL,
      PERSIST_QUEUE: queueName,
      PERSIST_PREFIX: prefix,
      PERSIST_CONCURRENCY: String(CONCURRENCY),
      MYSQL_POOL_SIZE: String(POOL),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return { child, port };
}

/** sb_persist_insert_seconds of the external persisters' /metrics (when they serve it). */
async function externalInsertLatency(ports: number[]): Promise<string> {
  const buckets = new Map<number, number>();
  let sum = 0;
  let count = 0;
  for (const port of ports) {
    let text: string;
    try {
      text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    } catch {
      return "n/a (persister serves no /metrics)";
    }
    for (const line of text.split("\n")) {
      const b = /^sb_persist_insert_seconds_bucket\{le="([^"]+)"\} (\S+)/.exec(line);
      if (b !== null) {
        const bound = b[1] === "+Inf" ? Infinity : Number(b[1]);
        buckets.set(bound, (buckets.get(bound) ?? 0) + Number(b[2]));
      } else if (line.startsWith("sb_persist_insert_seconds_sum ")) sum += Number(line.split(" ")[1]);
      else if (line.startsWith("sb_persist_insert_seconds_count ")) count += Number(line.split(" ")[1]);
    }
  }
  if (count === 0) return "n/a";
  const les = [...buckets.keys()].sort((a, b) => a - b);
  const q = (p: number): string => {
    const le = les.find((l) => buckets.get(l)! >= p * count);
    return le === undefined ? "?" : le === Infinity ? "> top bucket" : `≤ ${le * 1000} ms`;
  };
  return `mean ${((1000 * sum) / count).toFixed(1)} ms, p50 ${q(0.5)}, p99 ${q(0.99)} (histogram buckets)`;
}

// --- main ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const base = parseMysqlUrl(process.env.MYSQL_URL ?? "mysql://root@127.0.0.1:3306/switchboard");
  const dbName = `sbbench_${randomBytes(4).toString("hex")}`;
  const url = formatMysqlUrl({ ...base, database: dbName });
  await migrate({ url, dir: fileURLToPath(new URL("../migrations/", import.meta.url)) });
  const log = createLogger("warn", "bench");
  const metrics = persistenceMetrics(new Registry());
  const connection = redisConnection(REDIS_URL);
  const queueName = `bench-${randomBytes(4).toString("hex")}`;
  const prefix = "sbbench";

  const insertMs: number[] = [];
  const batchSizes: number[] = [];
  let persisted = 0;
  let repo: MysqlRepository | null = null;
  let persister: PersisterHandle | null = null;
  let events: QueueEvents | null = null;
  const externals: External[] = [];
  if (PERSISTERS === 0) {
    const r = new MysqlRepository({ url, poolSize: POOL });
    repo = r;
    const writer = {
      async insertBatch(messages: readonly StoredMessage[]) {
        const t = performance.now();
        const res = await r.insertBatch(messages);
        insertMs.push(performance.now() - t);
        batchSizes.push(messages.length);
        persisted += res.inserted;
        return res;
      },
    };
    persister = await startPersister({ connection, queueName, prefix, writer, concurrency: CONCURRENCY, metrics, log });
  } else {
    events = new QueueEvents(queueName, { connection, prefix });
    await events.waitUntilReady();
    events.on("completed", ({ returnvalue }) => {
      const r = (typeof returnvalue === "string" ? JSON.parse(returnvalue) : returnvalue) as { inserted?: number } | null;
      const n = Number(r?.inserted ?? 0);
      persisted += n;
      batchSizes.push(n);
    });
    for (let i = 0; i < PERSISTERS; i++) externals.push(await startExternal(url, queueName, prefix));
    // Ready when each serves /readyz, or after a grace period when it serves no HTTP.
    const deadline = Date.now() + 15_000;
    for (const e of externals) {
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${e.port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  const queue = new Queue(queueName, { connection, prefix });
  // The batcher only counts the backlog and admits here (as in a store-mode gateway).
  const streamKey = `${queueName}:outbox`;
  const counter = new Redis(connection);
  const batcher = new Batcher({
    queue,
    maxMessages: BATCH,
    maxMs: BATCH_MS,
    maxBacklog: MAX_BACKLOG,
    outboxLength: () => counter.xlen(streamKey),
    maxOutbox: MAX_OUTBOX,
    backlogPollMs: 100,
    metrics,
    log,
  });
  const mover = new OutboxMover({ connection, streamKey, consumer: "bench", queue, maxMessages: BATCH, maxMs: BATCH_MS, metrics, log });
  await mover.start();
  const producerRedis = new Redis(connection);
  // One script call per pipeline of entries: the gateway's XADD runs inside its append script, so
  // the producer should not pay ioredis's per-command cost that production never pays.
  producerRedis.defineCommand("outboxAdd", {
    numberOfKeys: 1,
    lua: "for i = 1, #ARGV, 2 do redis.call('XADD', KEYS[1], '*', 'c', ARGV[i], 'r', ARGV[i + 1]) end return 0",
  });
  const outboxAdd = (args: (string | Buffer)[]): Promise<unknown> =>
    (producerRedis as unknown as { outboxAdd(key: string, ...a: (string | Buffer)[]): Promise<unknown> }).outboxAdd(streamKey, ...args);

  const seqs = new Array<number>(CONVERSATIONS).fill(0);
  const body = new Uint8Array(randomBytes(BODY_BYTES));
  const idPrefix = randomBytes(4).toString("hex");
  let produced = 0;
  let refused = 0;
  let stop = false;
  let fatal: unknown = null;

  const next = (): StoredMessage => {
    const c = produced % CONVERSATIONS;
    seqs[c]! += 1;
    const n = produced;
    produced += 1;
    return {
      messageId: `${idPrefix}${n.toString(36)}`,
      conversationId: `dm:u${c}:v${c}`,
      seq: seqs[c]!,
      senderId: `u${c}`,
      senderDevice: "d1",
      clientMsgId: `c${n}`,
      body,
      contentType: "text/plain",
      sentAtMs: Date.now(),
    };
  };
  const onRefused = (e: unknown): void => {
    if (e instanceof SwitchboardError && e.code === ErrorCode.OVERLOADED) refused += 1;
    else fatal ??= e;
  };
  /** n sends: each admitted one becomes an outbox entry {c, r} as the append script writes it. */
  const offer = (n: number): Promise<unknown> => {
    const calls: Promise<unknown>[] = [];
    let args: (string | Buffer)[] = [];
    for (let i = 0; i < n; i++) {
      try {
        batcher.admit();
      } catch (e) {
        onRefused(e);
        continue;
      }
      const m = next();
      args.push(m.conversationId, Buffer.from(pb.StoredMessageRecord.encode(m).finish()));
      if (args.length >= 1000) {
        calls.push(outboxAdd(args));
        args = [];
      }
    }
    if (args.length > 0) calls.push(outboxAdd(args));
    return Promise.all(calls).catch((e: unknown) => (fatal ??= e));
  };

  const started = performance.now();
  const producer =
    RATE > 0
      ? // Paced: every 5 ms, offer what the schedule says is due (catching up after a stall).
        (async () => {
          while (!stop) {
            const due = Math.floor((RATE * (performance.now() - started)) / 1000);
            const n = due - produced - refused;
            if (n > 0) void offer(n);
            await new Promise((r) => setTimeout(r, 5));
          }
        })()
      : // Open loop: up to 2 batches' worth of adds outstanding; backs off on OVERLOADED.
        (async () => {
          while (!stop) {
            const before = refused;
            await offer(BATCH * 2);
            if (refused > before) await new Promise((r) => setTimeout(r, 20));
          }
        })();

  const cpu = new CpuMeter({
    bench: () => [process.pid],
    persisters: () => externals.map((e) => e.child.pid ?? 0).filter((p) => p > 0),
    mariadbd: () => pidsNamed("mariadbd").concat(pidsNamed("mysqld")),
    "redis-server": () => pidsNamed("redis-server"),
  });
  let lastPersisted = 0;
  const backlogTrend: number[] = [];
  const outboxTrend: number[] = [];
  const rates: number[] = [];
  for (let s = 1; s <= SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    if (s === 2) cpu.begin(); // skip the first second (JIT warm-up, empty table)
    const backlog = batcher.backlog();
    backlogTrend.push(backlog);
    const outbox = await producerRedis.xlen(streamKey);
    outboxTrend.push(outbox);
    rates.push(persisted - lastPersisted);
    process.stdout.write(
      `t=${String(s).padStart(2)}s produced=${produced} persisted=${persisted} (+${persisted - lastPersisted}/s) backlog=${backlog} jobs outbox=${outbox} refused=${refused}\n`,
    );
    lastPersisted = persisted;
  }
  const cpuShare = cpu.end();
  const windowSec = (performance.now() - started) / 1000;
  const persistedInWindow = persisted;
  stop = true;
  await producer;
  if (fatal !== null) throw fatal;
  const accepted = produced; // refused sends never reach next()
  const drainStart = performance.now();
  while (persisted < accepted && performance.now() - drainStart < 60_000) await new Promise((r) => setTimeout(r, 100));
  const drainSec = (performance.now() - drainStart) / 1000;

  // "No growing backlog": nothing refused, and the last quarter of the run holds no more jobs than
  // the first quarter's peak plus 2 (a neighbour's CPU burst may raise it for a while: it must
  // come back down while the offered rate stays the same).
  const quarter = Math.max(1, Math.floor(backlogTrend.length / 4));
  const maxFirst = Math.max(0, ...backlogTrend.slice(0, quarter));
  const maxLast = Math.max(0, ...backlogTrend.slice(-quarter));
  // The outbox (not yet in a job) must not grow either: within 2 batches of its early peak.
  const outboxFirst = Math.max(0, ...outboxTrend.slice(0, quarter));
  const outboxLast = Math.max(0, ...outboxTrend.slice(-quarter));
  const steady = RATE > 0 ? refused === 0 && maxLast <= maxFirst + 2 && outboxLast <= outboxFirst + 2 * BATCH : null;
  const sortedMs = [...insertMs].sort((a, b) => a - b);
  const meanBatch = batchSizes.reduce((a, b) => a + b, 0) / Math.max(1, batchSizes.length);
  const insertLine =
    PERSISTERS === 0
      ? `p50 ${pct(sortedMs, 50).toFixed(1)} ms, p99 ${pct(sortedMs, 99).toFixed(1)} ms`
      : await externalInsertLatency(externals.map((e) => e.port));
  const sortedRates = rates.slice(1).sort((a, b) => a - b);
  process.stdout.write(
    `\n${RATE > 0 ? `paced at ${RATE} msg/s` : "open loop"}, persister ${PERSISTERS === 0 ? "in-process" : `${PERSISTERS} separate process(es)`}\n` +
      `sustained persisted: ${Math.round(persistedInWindow / windowSec)} msg/s over ${windowSec.toFixed(1)} s ` +
      `(per-second min ${sortedRates[0] ?? 0}, median ${pct(sortedRates, 50)}; ` +
      `accepted ${accepted}, refused ${refused}, all persisted after a ${drainSec.toFixed(1)} s drain: ${persisted === accepted})\n` +
      `backlog trend (jobs, per second): ${backlogTrend.join(" ")}\n` +
      `outbox trend (messages, per second): ${outboxTrend.join(" ")}\n` +
      (steady === null ? "" : `steady (nothing refused, backlog and outbox not growing): ${steady ? "YES" : "NO"}\n`) +
      `batch size: mean ${meanBatch.toFixed(0)} (config ${BATCH}), jobs ${batchSizes.length}\n` +
      `insert+commit latency per batch: ${insertLine}\n` +
      `CPU (% of one core, 2 cores in all): ${cpuShare}\n` +
      `config: RATE=${RATE} PERSISTERS=${PERSISTERS} BATCH=${BATCH} BATCH_MS=${BATCH_MS} CONCURRENCY=${CONCURRENCY} POOL=${POOL} ` +
      `BODY_BYTES=${BODY_BYTES} CONVERSATIONS=${CONVERSATIONS} MAX_BACKLOG=${MAX_BACKLOG} MAX_OUTBOX=${MAX_OUTBOX}\n`,
  );

  await mover.close();
  await batcher.close();
  await producerRedis.del(streamKey);
  producerRedis.disconnect();
  counter.disconnect();
  await persister?.close();
  for (const e of externals) e.child.kill("SIGTERM");
  await Promise.all(externals.map((e) => new Promise((r) => (e.child.exitCode !== null ? r(null) : e.child.once("exit", r)))));
  await events?.close();
  await queue.obliterate({ force: true });
  await queue.close();
  const dead = new Queue(deadLetterQueueName(queueName), { connection, prefix });
  await dead.obliterate({ force: true });
  await dead.close();
  await repo?.close();
  const t = parseMysqlUrl(url);
  const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
  await c.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await c.end();
  process.exitCode = steady === false || persisted !== accepted ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
