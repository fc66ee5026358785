// Composition of the persistence layer from Config, for the gateway's composition root:
// repository + producer queue + batcher (+ embedded persister) + the store/group decorators.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import { Keys } from "../engine/redis/keys.js";
import type { Engine } from "../engine/types.js";
import type { PersistenceMetrics } from "../observability/metrics.js";
import { Batcher, QueueEventsCompletions } from "./batcher.js";
import { MysqlRepository } from "./mysql-repository.js";
import { OutboxMover } from "./outbox.js";
import { PersistentGroups, PersistentStore } from "./persistent-store.js";
import { type PersisterHandle, startPersister } from "./persister.js";
import { checkRedisEvictionPolicy, redisConnection } from "./queue.js";

export interface Persistence {
  store: PersistentStore;
  groups: PersistentGroups;
  batcher: Batcher;
  repository: MysqlRepository;
  persister: PersisterHandle | null;
  /** ACK_MODE=store: this node's outbox mover. */
  mover: OutboxMover | null;
  /** Flush, stop the worker, close pools; every step runs even if one fails. Memoized. */
  close(): Promise<void>;
}

/** Wraps the engine's store and groups with MySQL persistence (requires MYSQL_URL and REDIS_URL).
 * With ACK_MODE=store the engine's store must write the outbox (RedisEngine `outbox: true`). */
export async function startPersistence(
  nodeId: string,
  config: Config,
  engine: Pick<Engine, "store" | "groups">,
  log: Logger,
  metrics: PersistenceMetrics,
): Promise<Persistence> {
  if (config.MYSQL_URL === undefined || config.REDIS_URL === undefined) {
    throw new Error("persistence needs MYSQL_URL and REDIS_URL (BullMQ queues live in Redis)");
  }
  const { connection, repository } = await openBackends(config, config.MYSQL_URL, config.REDIS_URL, log);
  const queue = new Queue(config.PERSIST_QUEUE, { connection, prefix: config.PERSIST_PREFIX });
  const persister = config.EMBEDDED_PERSISTER ? await startConfiguredPersister(config, connection, repository, metrics, log) : null;
  const db = config.ACK_MODE === "db";
  const direct = db && config.DB_ACK_PATH === "direct" && persister !== null ? persister.commit : undefined;
  const completions =
    db && direct === undefined
      ? await QueueEventsCompletions.start(config.PERSIST_QUEUE, { connection, prefix: config.PERSIST_PREFIX })
      : undefined;
  const outboxKey = new Keys(config.REDIS_PREFIX).outbox();
  // Counts the outbox for the admission bound (the movers' connections block on XREADGROUP).
  const counter = config.ACK_MODE === "store" ? new Redis({ ...connection, maxRetriesPerRequest: 1 }) : null;
  counter?.on("error", (err: Error) => log.debug({ err }, "outbox counter connection error"));
  const batcher = new Batcher({
    queue,
    ...(counter !== null ? { outboxLength: () => counter.xlen(outboxKey), maxOutbox: config.PERSIST_MAX_OUTBOX } : {}),
    maxMessages: config.BATCH_MAX_MESSAGES,
    maxMs: config.BATCH_MAX_MS,
    maxBacklog: config.PERSIST_MAX_BACKLOG,
    commitTimeoutMs: config.DB_ACK_TIMEOUT_MS,
    durableMaxInFlight: config.DB_ACK_MAX_INFLIGHT,
    job: { attempts: config.PERSIST_ATTEMPTS, backoffMs: config.PERSIST_BACKOFF_MS },
    direct,
    completions,
    metrics,
    log,
  });
  const mover = config.ACK_MODE === "store" ? await startOutboxMover(nodeId, config, connection, queue, metrics, log) : null;
  const store = new PersistentStore({
    inner: engine.store,
    batcher,
    repository,
    ackMode: config.ACK_MODE,
    cursorTtlMs: config.CURSOR_TTL_MS,
    log,
  });
  const groups = new PersistentGroups({ inner: engine.groups, repository, log });
  let closing: Promise<void> | null = null;
  return {
    store,
    groups,
    batcher,
    repository,
    persister,
    mover,
    close() {
      closing ??= (async () => {
        const steps: (() => Promise<void>)[] = [
          () => batcher.close(),
          async () => mover?.close(),
          () => store.close(),
          async () => persister?.close(),
          async () => completions?.close(),
          () => queue.close(),
          async () => void counter?.disconnect(),
          () => repository.close(),
        ];
        const errors: unknown[] = [];
        for (const step of steps) await step().catch((err: unknown) => errors.push(err));
        if (errors.length > 0) throw new AggregateError(errors, "persistence shutdown had errors");
      })();
      return closing;
    },
  };
}

/** The BullMQ connection (after the noeviction check) and the MySQL repository, from config. */
export async function openBackends(
  config: Config,
  mysqlUrl: string,
  redisUrl: string,
  log: Logger,
): Promise<{ connection: ReturnType<typeof redisConnection>; repository: MysqlRepository }> {
  const connection = redisConnection(redisUrl);
  const probe = new Redis(connection);
  try {
    await checkRedisEvictionPolicy(probe, log);
  } finally {
    probe.disconnect();
  }
  const repository = new MysqlRepository({
    url: mysqlUrl,
    poolSize: config.MYSQL_POOL_SIZE,
    connectTimeoutMs: config.MYSQL_CONNECT_TIMEOUT_MS,
    onError: (err) => log.warn({ err }, "mysql"),
  });
  return { connection, repository };
}

/** A persister worker with the configured queue, concurrency, retries and bisection. */
export function startConfiguredPersister(
  config: Config,
  connection: ReturnType<typeof redisConnection>,
  repository: MysqlRepository,
  metrics: PersistenceMetrics,
  log: Logger,
): Promise<PersisterHandle> {
  return startPersister({
    connection,
    queueName: config.PERSIST_QUEUE,
    prefix: config.PERSIST_PREFIX,
    writer: repository,
    concurrency: config.PERSIST_CONCURRENCY,
    bisectAfter: config.PERSIST_BISECT_AFTER,
    backoffMs: config.PERSIST_BACKOFF_MS,
    backoffMaxMs: config.PERSIST_BACKOFF_MAX_MS,
    metrics,
    log,
  });
}

/** A mover from the outbox stream (under REDIS_PREFIX) to the persist queue, started. */
export async function startOutboxMover(
  consumer: string,
  config: Config,
  connection: ReturnType<typeof redisConnection>,
  queue: Queue,
  metrics: PersistenceMetrics,
  log: Logger,
): Promise<OutboxMover> {
  const mover = new OutboxMover({
    connection,
    streamKey: new Keys(config.REDIS_PREFIX).outbox(),
    consumer,
    queue,
    maxMessages: config.BATCH_MAX_MESSAGES,
    maxMs: config.OUTBOX_GATHER_MS,
    claimIdleMs: config.OUTBOX_CLAIM_IDLE_MS,
    job: { attempts: config.PERSIST_ATTEMPTS, backoffMs: config.PERSIST_BACKOFF_MS },
    metrics,
    log,
  });
  await mover.start();
  return mover;
}
