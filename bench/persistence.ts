// Persistence throughput: batcher -> BullMQ -> persister -> MariaDB, all in this process.
//   node --import tsx bench/persistence.ts
// Env: BENCH_SECONDS (20), BATCH (1000), BATCH_MS (20), CONCURRENCY (4), POOL (4), BODY_BYTES (100),
//      CONVERSATIONS (1000), MAX_BACKLOG (200), MYSQL_URL (base; a fresh sbbench_* database is used
//      and dropped), REDIS_URL.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import mysql from "mysql2/promise";
import { Registry } from "prom-client";
import type { StoredMessage } from "../src/engine/types.js";
import { createLogger } from "../src/observability/logger.js";
import { persistenceMetrics } from "../src/observability/metrics.js";
import { Batcher } from "../src/persistence/batcher.js";
import { migrate } from "../src/persistence/migrator.js";
import { MysqlRepository } from "../src/persistence/mysql-repository.js";
import { formatMysqlUrl, parseMysqlUrl } from "../src/persistence/mysql-url.js";
import { startPersister } from "../src/persistence/persister.js";
import { deadLetterQueueName, redisConnection } from "../src/persistence/queue.js";
import { SwitchboardError, ErrorCode } from "../src/protocol/codes.js";

const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const SECONDS = env("BENCH_SECONDS", 20);
const BATCH = env("BATCH", 1000);
const BATCH_MS = env("BATCH_MS", 20);
const CONCURRENCY = env("CONCURRENCY", 4);
const POOL = env("POOL", 4);
const BODY_BYTES = env("BODY_BYTES", 100);
const CONVERSATIONS = env("CONVERSATIONS", 1000);
const MAX_BACKLOG = env("MAX_BACKLOG", 200);

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const base = parseMysqlUrl(process.env.MYSQL_URL ?? "mysql://root@127.0.0.1:3306/switchboard");
  const dbName = `sbbench_${randomBytes(4).toString("hex")}`;
  const url = formatMysqlUrl({ ...base, database: dbName });
  await migrate({ url, dir: fileURLToPath(new URL("../migrations/", import.meta.url)) });
  const log = createLogger("warn", "bench");
  const metrics = persistenceMetrics(new Registry());
  const connection = redisConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const queueName = `bench-${randomBytes(4).toString("hex")}`;
  const prefix = "sbbench";
  const repo = new MysqlRepository({ url, poolSize: POOL });

  const insertMs: number[] = [];
  const batchSizes: number[] = [];
  let persisted = 0;
  const writer = {
    async insertBatch(messages: readonly StoredMessage[]) {
      const t = performance.now();
      const r = await repo.insertBatch(messages);
      insertMs.push(performance.now() - t);
      batchSizes.push(messages.length);
      persisted += r.inserted;
      return r;
    },
  };
  const persister = await startPersister({ connection, queueName, prefix, writer, concurrency: CONCURRENCY, metrics, log });
  const queue = new Queue(queueName, { connection, prefix });
  const batcher = new Batcher({ queue, maxMessages: BATCH, maxMs: BATCH_MS, maxBacklog: MAX_BACKLOG, backlogPollMs: 100, metrics, log });

  const seqs = new Array<number>(CONVERSATIONS).fill(0);
  const body = new Uint8Array(randomBytes(BODY_BYTES));
  const idPrefix = randomBytes(4).toString("hex");
  let produced = 0;
  let refused = 0;
  let stop = false;

  // Producer: keeps up to 2 batches' worth of adds outstanding; backs off on OVERLOADED.
  const producer = (async () => {
    while (!stop) {
      const chunk: Promise<void>[] = [];
      for (let i = 0; i < BATCH * 2; i++) {
        const c = produced % CONVERSATIONS;
        seqs[c]! += 1;
        const n = produced;
        chunk.push(
          batcher.add({
            messageId: `${idPrefix}${n.toString(36)}`,
            conversationId: `dm:u${c}:v${c}`,
            seq: seqs[c]!,
            senderId: `u${c}`,
            senderDevice: "d1",
            clientMsgId: `c${n}`,
            body,
            contentType: "text/plain",
            sentAtMs: Date.now(),
          }),
        );
        produced += 1;
      }
      const results = await Promise.allSettled(chunk);
      const over = results.filter((r) => r.status === "rejected");
      for (const r of over) {
        const e = (r as PromiseRejectedResult).reason;
        if (!(e instanceof SwitchboardError && e.code === ErrorCode.OVERLOADED)) throw e;
      }
      if (over.length > 0) {
        // The bench does not retry refused messages (they would get new seqs anyway): count them.
        refused += over.length;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  })();

  const started = performance.now();
  let lastPersisted = 0;
  const backlogTrend: number[] = [];
  for (let s = 1; s <= SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    const backlog = batcher.backlog();
    backlogTrend.push(backlog);
    process.stdout.write(
      `t=${String(s).padStart(2)}s produced=${produced} persisted=${persisted} (+${persisted - lastPersisted}/s) backlog=${backlog} jobs refused=${refused}\n`,
    );
    lastPersisted = persisted;
  }
  const windowSec = (performance.now() - started) / 1000;
  const persistedInWindow = persisted;
  stop = true;
  await producer;
  await batcher.flush();
  const accepted = produced - refused;
  const drainStart = performance.now();
  while (persisted < accepted && performance.now() - drainStart < 60_000) await new Promise((r) => setTimeout(r, 100));
  const drainSec = (performance.now() - drainStart) / 1000;

  const sortedMs = [...insertMs].sort((a, b) => a - b);
  const meanBatch = batchSizes.reduce((a, b) => a + b, 0) / Math.max(1, batchSizes.length);
  process.stdout.write(
    `\nsustained persisted: ${Math.round(persistedInWindow / windowSec)} msg/s over ${windowSec.toFixed(1)} s ` +
      `(accepted ${accepted}, refused ${refused}, all persisted after a ${drainSec.toFixed(1)} s drain: ${persisted === accepted})\n` +
      `backlog trend (jobs, per second): ${backlogTrend.join(" ")}\n` +
      `batch size: mean ${meanBatch.toFixed(0)} (config ${BATCH}), jobs ${batchSizes.length}\n` +
      `insert+commit latency per batch: p50 ${pct(sortedMs, 50).toFixed(1)} ms, p99 ${pct(sortedMs, 99).toFixed(1)} ms\n` +
      `config: BATCH=${BATCH} BATCH_MS=${BATCH_MS} CONCURRENCY=${CONCURRENCY} POOL=${POOL} BODY_BYTES=${BODY_BYTES} CONVERSATIONS=${CONVERSATIONS}\n`,
  );

  await batcher.close();
  await persister.close();
  await queue.obliterate({ force: true });
  await queue.close();
  const dead = new Queue(deadLetterQueueName(queueName), { connection, prefix });
  await dead.obliterate({ force: true });
  await dead.close();
  await repo.close();
  const t = parseMysqlUrl(url);
  const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
  await c.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await c.end();
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
