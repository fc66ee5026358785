// The persister: a BullMQ worker writing each batch job with one multi-row INSERT. Outages are
// retried with capped exponential backoff (never dropped); a batch MySQL itself refuses is, after
// a few attempts, bisected down to the bad message(s), which go to a dead-letter queue while the
// rest of the batch is written. Runs as `npm run persister` or inside the gateway.
import { type ConnectionOptions, type Job, Queue, Worker } from "bullmq";
import type { Logger } from "pino";
import { Registry } from "prom-client";
import type { StoredMessage } from "../engine/types.js";
import { type PersistenceMetrics, persistenceMetrics } from "../observability/metrics.js";
import { type BatchJobResult, decodeBatch, deadLetterJobId, encodeMessage, messageKey } from "./codec.js";
import { isTransientMysqlError } from "./errors.js";
import type { InsertResult } from "./mysql-repository.js";
import { BACKOFF_TYPE, cappedExponentialBackoff, deadLetterQueueName } from "./queue.js";

/** The part of MysqlRepository the persister needs (tests substitute a faulty one). */
export interface BatchWriter {
  insertBatch(messages: readonly StoredMessage[]): Promise<InsertResult>;
}

export interface PersisterOptions {
  /** Redis for BullMQ (options or a client; BullMQ duplicates it for blocking reads). */
  connection: ConnectionOptions;
  queueName: string;
  /** BullMQ key prefix (PERSIST_PREFIX). */
  prefix: string;
  writer: BatchWriter;
  /** Jobs processed at once (PERSIST_CONCURRENCY): each holds one pool connection while writing. */
  concurrency: number;
  /** Attempts failing with a data error before bisecting (PERSIST_BISECT_AFTER). */
  bisectAfter?: number;
  /** Retry delays: backoffMs * 2^(n-1), capped at backoffMaxMs. */
  backoffMs?: number;
  backoffMaxMs?: number;
  /** Dead-letter queue name; default `${queueName}-dead`. */
  deadLetterQueue?: string;
  metrics?: PersistenceMetrics;
  log: Logger;
  /** How often the backlog gauge is refreshed. */
  backlogPollMs?: number;
}

export interface PersisterHandle {
  readonly worker: Worker;
  /** The in-process write path, for the batcher's direct ACK_MODE=db commits: same insert,
   * same conflict and dead-letter handling as a job. */
  commit(messages: readonly StoredMessage[]): Promise<BatchJobResult>;
  close(): Promise<void>;
}

/** Starts a worker on the persist queue; resolves once it is connected. */
export async function startPersister(opts: PersisterOptions): Promise<PersisterHandle> {
  const metrics = opts.metrics ?? persistenceMetrics(new Registry());
  const bisectAfter = opts.bisectAfter ?? 3;
  const backoff = cappedExponentialBackoff(opts.backoffMs ?? 250, opts.backoffMaxMs ?? 30_000);
  const dead = new Queue(opts.deadLetterQueue ?? deadLetterQueueName(opts.queueName), { connection: opts.connection, prefix: opts.prefix });
  const log = opts.log;

  /** Writes messages; conflicting rows are dead-lettered; returns the dead-lettered keys. */
  async function write(messages: readonly StoredMessage[], sourceJobId: string): Promise<BatchJobResult> {
    const started = performance.now();
    const result = await opts.writer.insertBatch(messages);
    metrics.insertLatency.observe((performance.now() - started) / 1000);
    metrics.written.inc(result.inserted);
    const deadKeys: string[] = [];
    for (const m of result.conflicts) {
      await deadLetter(m, "conflict", "MySQL holds another message at this (conversation, seq)", sourceJobId);
      deadKeys.push(messageKey(m));
    }
    return { inserted: result.inserted, dead: deadKeys };
  }

  /** Splits until each refused message stands alone; everything else is written. An outage met
   * half-way aborts the attempt (rethrown): the job is retried whole, written halves are no-ops. */
  async function bisect(messages: readonly StoredMessage[], sourceJobId: string): Promise<BatchJobResult> {
    try {
      return await write(messages, sourceJobId);
    } catch (err) {
      if (isTransientMysqlError(err)) throw err;
      const only = messages.length === 1 ? messages[0] : undefined;
      if (only !== undefined) {
        await deadLetter(only, "refused", (err as Error).message, sourceJobId);
        return { inserted: 0, dead: [messageKey(only)] };
      }
      const mid = Math.ceil(messages.length / 2);
      const a = await bisect(messages.slice(0, mid), sourceJobId);
      const b = await bisect(messages.slice(mid), sourceJobId);
      return { inserted: a.inserted + b.inserted, dead: [...a.dead, ...b.dead] };
    }
  }

  async function deadLetter(m: StoredMessage, reason: "refused" | "conflict", error: string, sourceJobId: string): Promise<void> {
    await dead.add("dead", { message: encodeMessage(m), reason, error, sourceJobId, at: Date.now() }, { jobId: deadLetterJobId(m) });
    metrics.deadLetters.inc({ reason });
    log.error(
      { conversationId: m.conversationId, seq: m.seq, messageId: m.messageId, reason, error, sourceJobId },
      "persist: message moved to the dead-letter queue",
    );
  }

  async function process(job: Job): Promise<BatchJobResult> {
    const messages = decodeBatch(job.data);
    const jobId = job.id ?? "?";
    try {
      return await write(messages, jobId);
    } catch (err) {
      const transient = isTransientMysqlError(err);
      metrics.jobFailures.inc({ kind: transient ? "transient" : "data" });
      // attemptsMade counts finished attempts: this is attempt attemptsMade + 1.
      if (transient || job.attemptsMade + 1 < bisectAfter) throw err;
      log.warn({ jobId, messages: messages.length, err }, "persist: batch keeps being refused, bisecting to find the bad message");
      return bisect(messages, jobId);
    }
  }

  const worker = new Worker(opts.queueName, process, {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    // A crashed persister's job comes back via the stalled check; it must never be failed for that.
    maxStalledCount: 1_000,
    settings: {
      backoffStrategy: (attemptsMade, type) => (type === BACKOFF_TYPE ? backoff(attemptsMade) : 1_000),
    },
  });
  worker.on("failed", (job, err) => {
    if (job === undefined) {
      log.error({ err }, "persist: a job failed and was removed (stalled past the limit)");
      return;
    }
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) {
      // Kept in the failed set (removeOnFail: false): `Queue.retryJobs({ state: "failed" })` replays it.
      metrics.deadLetters.inc({ reason: "exhausted" }, decodeBatch(job.data).length);
      log.error({ jobId: job.id, attempts: job.attemptsMade, err }, "persist: job exhausted its attempts and is parked in the failed set");
    } else {
      log.warn({ jobId: job.id, attempt: job.attemptsMade, err: err.message }, "persist: attempt failed, will retry");
    }
  });
  worker.on("error", (err) => log.error({ err }, "persist: worker error"));

  const queue = new Queue(opts.queueName, { connection: opts.connection, prefix: opts.prefix });
  const poll = setInterval(() => {
    queue
      .getJobCounts("wait", "delayed", "prioritized")
      .then((c) => metrics.backlog.set(Object.values(c).reduce((a, b) => a + b, 0)))
      .catch((err: unknown) => log.warn({ err }, "persist: could not count the backlog"));
  }, opts.backlogPollMs ?? 1_000).unref();

  await worker.waitUntilReady();

  let closing: Promise<void> | null = null;
  return {
    worker,
    commit: (messages) => write(messages, "direct"),
    close() {
      closing ??= (async () => {
        clearInterval(poll);
        // Every step runs even if one fails; the first failure is reported.
        const results = await Promise.allSettled([worker.close(), queue.close(), dead.close()]);
        const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
        if (failed !== undefined) throw failed.reason;
      })();
      return closing;
    },
  };
}
