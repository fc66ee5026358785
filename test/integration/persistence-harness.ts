// Shared pieces of the persistence integration tests: a database per test file, unique queue
// names, deadline polling, latches, and a TCP proxy in front of MariaDB that a test can cut.
import { randomBytes } from "node:crypto";
import net from "node:net";
import { fileURLToPath } from "node:url";
import mysql from "mysql2/promise";
import { createLogger } from "../../src/observability/logger.js";
import { migrate } from "../../src/persistence/migrator.js";
import { formatMysqlUrl, parseMysqlUrl } from "../../src/persistence/mysql-url.js";
import type { StoredMessage } from "../../src/engine/types.js";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { RedisEngine } from "../../src/engine/redis/redis-engine.js";
import { OutboxMover, type OutboxMoverOptions } from "../../src/persistence/outbox.js";
import { deleteKeys } from "../contract/redis-fixtures.js";
import { Batcher, type BatcherOptions, QueueEventsCompletions } from "../../src/persistence/batcher.js";
import { MysqlRepository } from "../../src/persistence/mysql-repository.js";
import { PersistentGroups, PersistentStore } from "../../src/persistence/persistent-store.js";
import { type PersisterHandle, type PersisterOptions, startPersister } from "../../src/persistence/persister.js";
import { redisConnection } from "../../src/persistence/queue.js";
import { persistenceMetrics } from "../../src/observability/metrics.js";
import { Registry } from "prom-client";

export const MYSQL_BASE = process.env.TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/switchboard_test";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
export const MIGRATIONS = fileURLToPath(new URL("../../migrations/", import.meta.url));
export const log = createLogger(process.env.TEST_LOG_LEVEL ?? "silent", "test");

export function unique(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

/** A fresh database for one test file: migrated, dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = unique("sbtest");
  const url = formatMysqlUrl({ ...parseMysqlUrl(MYSQL_BASE), database: name });
  await migrate({ url, dir: MIGRATIONS });
  return {
    url,
    name,
    async drop() {
      const t = parseMysqlUrl(url);
      const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}

/** Polls `check` until it returns true, failing with `what` at the deadline. */
export async function pollUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last === null ? "" : `: ${String(last)}`}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A one-shot latch with a timeout. */
export class Latch {
  private open!: () => void;
  readonly opened = new Promise<void>((r) => (this.open = r));
  release(): void {
    this.open();
  }
  wait(timeoutMs: number, what: string): Promise<void> {
    let t: NodeJS.Timeout | undefined;
    return Promise.race([
      this.opened,
      new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(`latch "${what}" not released in ${timeoutMs} ms`)), timeoutMs))),
    ]).finally(() => clearTimeout(t));
  }
}

/** TCP proxy to MariaDB. cut(): destroy every connection and refuse new ones; restore(): accept. */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private refusing = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  cut(): void {
    this.refusing = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream).pipe(client);
  }
}

/** Synthetic stored messages (bypassing any engine) for queue-level tests. */
export function makeMessages(conversationId: string, from: number, count: number, sender = "alice"): StoredMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    messageId: `m${conversationId.length}-${from + i}-${randomBytes(3).toString("hex")}`,
    conversationId,
    seq: from + i,
    senderId: sender,
    senderDevice: "d1",
    clientMsgId: `c-${conversationId}-${from + i}`,
    body: new Uint8Array(Buffer.from(`hello ${from + i}`)),
    contentType: "text/plain",
    sentAtMs: 1_700_000_000_000 + from + i,
  }));
}

// --- a full pipeline over the Redis engine -----------------------------------------------------

export interface RigOptions {
  /** Database URL for the persister's writer (e.g. through a TcpProxy). */
  writerUrl: string;
  /** Database URL for reads (direct). */
  readerUrl: string;
  ackMode?: "store" | "db";
  dbPath?: "direct" | "queue-events";
  hotLimit?: number;
  batcher?: Partial<BatcherOptions>;
  /** ACK_MODE=store: the outbox mover's options. */
  mover?: Partial<OutboxMoverOptions>;
  persister?: Partial<PersisterOptions>;
}

export type Rig = Awaited<ReturnType<typeof createRig>>;

export async function createRig(o: RigOptions) {
  const queueName = unique("persist");
  const prefix = unique("sbt");
  const connection = redisConnection(REDIS_URL);
  const registry = new Registry();
  const metrics = persistenceMetrics(registry);
  const ackMode = o.ackMode ?? "store";
  const enginePrefix = `${unique("sbe")}:`;
  const engine = RedisEngine.fromUrl(REDIS_URL, {
    nodeId: "n1",
    prefix: enginePrefix,
    historyMaxPerConversation: o.hotLimit ?? 10_000,
    dedupeTtlMs: 3_600_000,
    outbox: ackMode === "store",
    log,
  });
  await engine.start();
  const counter = new Redis(REDIS_URL);
  const writer = new MysqlRepository({
    url: o.writerUrl,
    poolSize: 4,
    connectTimeoutMs: 500,
    queryTimeoutMs: 3_000,
    onError: () => undefined,
  });
  const reader = o.readerUrl === o.writerUrl ? writer : new MysqlRepository({ url: o.readerUrl, poolSize: 2 });
  const queue = new Queue(queueName, { connection, prefix });
  const persister: PersisterHandle = await startPersister({
    connection,
    queueName,
    prefix,
    writer,
    concurrency: 2,
    bisectAfter: 2,
    backoffMs: 30,
    backoffMaxMs: 300,
    metrics,
    log,
    backlogPollMs: 100,
    ...o.persister,
  });
  const completions =
    ackMode === "db" && o.dbPath === "queue-events" ? await QueueEventsCompletions.start(queueName, { connection, prefix }) : undefined;
  const batcher = new Batcher({
    queue,
    maxMessages: 50,
    maxMs: 5,
    maxBacklog: 10_000,
    backlogPollMs: 50,
    commitTimeoutMs: 1_500,
    job: { backoffMs: 30 },
    direct: ackMode === "db" && o.dbPath !== "queue-events" ? persister.commit : undefined,
    ...(ackMode === "store" ? { outboxLength: () => counter.xlen(engine.keys.outbox()) } : {}),
    completions,
    metrics,
    log,
    ...o.batcher,
  });
  const mover =
    ackMode === "store"
      ? new OutboxMover({
          connection,
          streamKey: engine.keys.outbox(),
          consumer: "n1",
          queue,
          maxMessages: 50,
          maxMs: 5,
          blockMs: 200,
          metrics,
          log,
          ...o.mover,
        })
      : null;
  await mover?.start();
  const store = new PersistentStore({ inner: engine.store, batcher, repository: reader, ackMode, log, cursorFlushMs: 20 });
  const groups = new PersistentGroups({ inner: engine.groups, repository: reader, log });
  const deadQueue = new Queue(`${queueName}-dead`, { connection, prefix });
  return {
    engine,
    writer,
    reader,
    queue,
    deadQueue,
    persister,
    batcher,
    mover,
    store,
    groups,
    metrics,
    registry,
    async close() {
      await batcher.close();
      await mover?.close();
      await store.close();
      await completions?.close();
      await persister.close();
      await queue.obliterate({ force: true });
      await deadQueue.obliterate({ force: true });
      await queue.close();
      await deadQueue.close();
      if (reader !== writer) await reader.close();
      await writer.close();
      await engine.close();
      await deleteKeys(REDIS_URL, enginePrefix);
      counter.disconnect();
    },
  };
}

/** Rows of a conversation as (seq, message_id), ascending. */
export async function rowsOf(repo: MysqlRepository, conversationId: string): Promise<{ seq: number; message_id: string }[]> {
  const [rows] = await repo.pool.query("SELECT seq, message_id FROM messages WHERE conversation_id = ? ORDER BY seq", [conversationId]);
  return rows as { seq: number; message_id: string }[];
}

export async function countRows(repo: MysqlRepository, where = "1=1"): Promise<number> {
  const [rows] = await repo.pool.query(`SELECT COUNT(*) AS n FROM messages WHERE ${where}`);
  return Number((rows as { n: number }[])[0]?.n ?? 0);
}
