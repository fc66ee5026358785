// ACK_MODE=db: groups stored messages into batches (N messages or T ms after the first, or at once
// with group commit) and writes each batch to MySQL directly or as ONE BullMQ job; addDurable()
// resolves once MySQL committed the message and rejects UNAVAILABLE past a bound.
// (ACK_MODE=store needs no batcher on the send path: see outbox.ts.)
// It also owns the backlog count for both modes: past maxBacklog jobs waiting (plus batches still
// being enqueued) admissions are refused with OVERLOADED, so a MySQL outage turns into
// back-pressure instead of unbounded Redis growth.
import { randomBytes } from "node:crypto";
import { type JobsOptions, type Queue, QueueEvents, type QueueEventsOptions } from "bullmq";
import type { Logger } from "pino";
import type { StoredMessage } from "../engine/types.js";
import { ErrorCode, SwitchboardError } from "../protocol/codes.js";
import { type PersistenceMetrics, persistenceMetrics } from "../observability/metrics.js";
import { Registry } from "prom-client";
import { type BatchJobResult, batchJobId, encodeBatch, messageKey } from "./codec.js";
import { PersistenceError } from "./errors.js";
import { type PersistJobOptions, persistJobOptions } from "./queue.js";

/** Resolves when a job completes, with its result (see QueueEventsCompletions). */
export interface CompletionSource {
  wait(jobId: string, timeoutMs: number): Promise<BatchJobResult>;
}

/** Writes a batch to MySQL from this process (the embedded persister's "direct" path). */
export type DirectCommitter = (messages: readonly StoredMessage[]) => Promise<BatchJobResult>;

export interface BatcherOptions {
  /** The persist queue (producer side); owned by the caller. */
  queue: Queue;
  /** Flush at this many messages (BATCH_MAX_MESSAGES). */
  maxMessages: number;
  /** Flush this long after the first message of a batch (BATCH_MAX_MS). */
  maxMs: number;
  /** Refuse admissions past this many jobs waiting or in backoff (PERSIST_MAX_BACKLOG). */
  maxBacklog: number;
  /** ACK_MODE=store: messages in the outbox stream, counted with the backlog; past maxOutbox
   * (PERSIST_MAX_OUTBOX) admissions are refused too, so appends outrunning the movers cannot grow
   * Redis without bound. */
  outboxLength?: () => Promise<number>;
  maxOutbox?: number;
  /** How often the backlog is counted in Redis (it is also counted after each enqueue). */
  backlogPollMs?: number;
  /** Bound on one enqueue (a Redis stall) before the batch's adds reject with UNAVAILABLE. */
  enqueueTimeoutMs?: number;
  /** ACK_MODE=db: bound on waiting for the commit (DB_ACK_TIMEOUT_MS). */
  commitTimeoutMs?: number;
  /** Attempts/backoff stamped on every job (shared with startPersister's defaults). */
  job?: Partial<PersistJobOptions>;
  /** ACK_MODE=db, embedded persister: write batches with durable waiters straight to MySQL; on
   * failure the batch is enqueued (so it still persists) and the waiters get UNAVAILABLE. */
  direct?: DirectCommitter;
  /** ACK_MODE=db without `direct`: completion events of the queue's jobs. */
  completions?: CompletionSource;
  /** ACK_MODE=db group commit (DB_ACK_MAX_INFLIGHT): while fewer than this many durable batches
   * are committing, a durable batch ships at the end of the current event-loop turn instead of
   * waiting for maxMs; while all are busy, messages gather into the next batch, which ships as
   * soon as one commit returns. The ack then costs about one commit, not maxMs + one commit,
   * and batches still grow with load. 0 = size/time batching only. */
  durableMaxInFlight?: number;
  metrics?: PersistenceMetrics;
  log?: Logger;
}

interface Waiter {
  key: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

interface Pending {
  messages: StoredMessage[];
  waiters: Waiter[];
  timer: NodeJS.Timeout | null;
}

export class Batcher {
  private readonly opts: Required<
    Omit<BatcherOptions, "direct" | "completions" | "log" | "metrics" | "job" | "durableMaxInFlight" | "outboxLength" | "maxOutbox">
  > &
    Pick<BatcherOptions, "direct" | "completions" | "log">;
  private readonly metrics: PersistenceMetrics;
  private readonly jobOptions: JobsOptions;
  private pending: Pending = emptyBatch();
  private readonly inFlight = new Set<Promise<void>>();
  private queueBacklog = 0;
  private outboxBacklog = 0;
  private polling = false;
  private readonly poller: NodeJS.Timeout;
  private closed = false;
  private readonly durableMaxInFlight: number;
  private readonly outboxLength: (() => Promise<number>) | undefined;
  private readonly maxOutbox: number;
  /** Batches between flush and commit (or failure). */
  private durableShipping = 0;
  private eagerScheduled = false;

  constructor(opts: BatcherOptions) {
    this.opts = { backlogPollMs: 200, enqueueTimeoutMs: 5_000, commitTimeoutMs: 5_000, ...opts };
    this.metrics = opts.metrics ?? persistenceMetrics(new Registry());
    this.jobOptions = persistJobOptions(opts.job);
    this.durableMaxInFlight = opts.durableMaxInFlight ?? 0;
    this.outboxLength = opts.outboxLength;
    this.maxOutbox = opts.maxOutbox ?? Number.POSITIVE_INFINITY;
    this.poller = setInterval(() => void this.refreshBacklog(), this.opts.backlogPollMs).unref();
  }

  /** Jobs waiting in Redis (last count) plus batches on their way there. */
  backlog(): number {
    return this.queueBacklog + this.inFlight.size;
  }

  /** Throws OVERLOADED when a new message would exceed the backlog bound; callers check before
   * storing anything, so a refused send leaves no trace. */
  admit(): void {
    if (this.closed) throw new SwitchboardError(ErrorCode.UNAVAILABLE, "persistence is shutting down");
    const maxOutbox = this.maxOutbox;
    if (this.outboxBacklog >= maxOutbox) {
      this.metrics.rejected.inc({ reason: "overloaded" });
      throw new SwitchboardError(
        ErrorCode.OVERLOADED,
        `the persistence outbox holds ${this.outboxBacklog} messages (limit ${maxOutbox}): persistence is behind`,
        { retryAfterMs: 1_000 },
      );
    }
    if (this.backlog() >= this.opts.maxBacklog) {
      this.metrics.rejected.inc({ reason: "overloaded" });
      throw new SwitchboardError(
        ErrorCode.OVERLOADED,
        `persistence backlog is ${this.backlog()} jobs (limit ${this.opts.maxBacklog}): MySQL is behind or down`,
        { retryAfterMs: 1_000 },
      );
    }
  }

  /** Resolves when the message's batch is committed in MySQL. */
  addDurable(message: StoredMessage): Promise<void> {
    try {
      this.admit();
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<void>((resolve, reject) => {
      const batch = this.pending;
      batch.messages.push(message);
      batch.waiters.push({ key: messageKey(message), resolve, reject });
      if (batch.messages.length >= this.opts.maxMessages) this.flushPending();
      else {
        batch.timer ??= setTimeout(() => this.flushPending(), this.opts.maxMs);
        this.scheduleEager();
      }
    });
  }

  /** Enqueues the current partial batch now and waits for every batch in flight. */
  async flush(): Promise<void> {
    this.flushPending();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Stops accepting, flushes what was accepted, waits for it. Memoized. */
  private closing: Promise<void> | null = null;
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      clearInterval(this.poller);
      await this.flush();
    })();
    return this.closing;
  }

  /** Group commit: ship the pending batch once this turn's messages are in, if a commit slot is
   * free (a finishing batch calls this again). */
  private scheduleEager(): void {
    if (this.eagerScheduled || !this.slotFree()) return;
    this.eagerScheduled = true;
    setImmediate(() => {
      this.eagerScheduled = false;
      if (this.pending.messages.length > 0 && this.slotFree()) this.flushPending();
    });
  }

  private slotFree(): boolean {
    return this.durableShipping < this.durableMaxInFlight;
  }

  private flushPending(): void {
    const batch = this.pending;
    if (batch.messages.length === 0) return;
    this.pending = emptyBatch();
    if (batch.timer !== null) clearTimeout(batch.timer);
    this.durableShipping += 1;
    const p = this.ship(batch).finally(() => {
      this.inFlight.delete(p);
      this.durableShipping -= 1;
      if (this.pending.messages.length > 0) this.scheduleEager();
    });
    this.inFlight.add(p);
  }

  /** Never rejects: every outcome is delivered to the batch's waiters. */
  private async ship(batch: Pending): Promise<void> {
    this.metrics.batchSize.observe(batch.messages.length);
    if (this.opts.direct !== undefined) return this.shipDirect(batch, this.opts.direct);
    // A job of its own, whose completion this batch waits for. The deterministic batch id would be
    // a no-op add when the same messages were enqueued before (the retry of a send whose commit
    // outlasted its wait): that job is already complete and no completion would come.
    const jobId = `${batchJobId(batch.messages)}-${randomBytes(4).toString("hex")}`;
    // Subscribe before enqueueing: the completion can arrive before add() returns.
    const committed = this.waitCommit(jobId);
    try {
      await this.enqueue(jobId, batch.messages);
    } catch (err) {
      const e = new SwitchboardError(ErrorCode.UNAVAILABLE, "could not enqueue messages for persistence", { cause: err });
      this.metrics.rejected.inc({ reason: "unavailable" }, batch.waiters.length);
      for (const w of batch.waiters) w.reject(e);
      committed.catch(() => undefined); // its waiters were rejected above with the cause
      return;
    }
    try {
      settleDurable(batch.waiters, await committed);
    } catch (err) {
      rejectDurable(batch.waiters, err);
    }
  }

  private async shipDirect(batch: Pending, direct: DirectCommitter): Promise<void> {
    const started = performance.now();
    try {
      const result = await withTimeout(direct(batch.messages), this.opts.commitTimeoutMs, "MySQL commit");
      this.metrics.dbAckLatency.observe({ path: "direct" }, (performance.now() - started) / 1000);
      settleDurable(batch.waiters, result);
      return;
    } catch (err) {
      // MySQL is down, slow, or refused a row: hand the batch to the queue, whose workers retry
      // and bisect. The senders learn it is not committed (retryable); their retry is answered
      // from dedupe once it is.
      this.opts.log?.warn({ err, messages: batch.messages.length }, "direct MySQL write failed: batch handed to the persist queue");
      rejectDurable(batch.waiters, err);
      try {
        await this.enqueue(batchJobId(batch.messages), batch.messages);
      } catch (enqueueErr) {
        // Stored in Redis, not persisted, not queued: PersistentStore re-hands it on the retry.
        this.opts.log?.error({ err: enqueueErr, messages: batch.messages.length }, "could not persist nor enqueue a batch");
      }
    }
  }

  private async waitCommit(jobId: string): Promise<BatchJobResult> {
    if (this.opts.completions === undefined) {
      throw new PersistenceError("CLOSED", "ACK_MODE=db needs either a direct committer or a completion source");
    }
    const started = performance.now();
    const result = await this.opts.completions.wait(jobId, this.opts.commitTimeoutMs);
    this.metrics.dbAckLatency.observe({ path: "queue-events" }, (performance.now() - started) / 1000);
    return result;
  }

  private async enqueue(jobId: string, messages: readonly StoredMessage[]): Promise<void> {
    await withTimeout(
      this.opts.queue.add("batch", encodeBatch(messages), { ...this.jobOptions, jobId }),
      this.opts.enqueueTimeoutMs,
      "enqueue to Redis",
    );
    this.metrics.enqueued.inc(messages.length);
    void this.refreshBacklog();
  }

  private async refreshBacklog(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      const [counts, outbox] = await Promise.all([
        this.opts.queue.getJobCounts("wait", "delayed", "prioritized"),
        this.outboxLength?.() ?? 0,
      ]);
      this.queueBacklog = Object.values(counts).reduce((a, b) => a + b, 0);
      this.metrics.backlog.set(this.queueBacklog);
      this.outboxBacklog = outbox;
      if (this.outboxLength !== undefined) this.metrics.outboxLength.set(outbox);
    } catch (err) {
      // Not fatal by itself (enqueues fail on their own and say why), but worth seeing.
      this.opts.log?.warn({ err }, "could not count the persist queue backlog");
    } finally {
      this.polling = false;
    }
  }
}

function emptyBatch(): Pending {
  return { messages: [], waiters: [], timer: null };
}

function settleDurable(waiters: readonly Waiter[], result: BatchJobResult): void {
  const dead = new Set(result.dead);
  for (const w of waiters) {
    if (dead.has(w.key)) {
      w.reject(new SwitchboardError(ErrorCode.INTERNAL, "MySQL refused this message; it was moved to the dead-letter queue"));
    } else w.resolve();
  }
}

function rejectDurable(waiters: readonly Waiter[], cause: unknown): void {
  const e =
    cause instanceof SwitchboardError ? cause : new SwitchboardError(ErrorCode.UNAVAILABLE, "not committed to MySQL in time", { cause });
  for (const w of waiters) w.reject(e);
}

/** Rejects with UNAVAILABLE after `ms`; the underlying work keeps running (and is idempotent). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SwitchboardError(ErrorCode.UNAVAILABLE, `${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Completion events of the persist queue through BullMQ QueueEvents (a Redis stream read by a
 * blocking XREAD): works whichever process runs the worker, at the cost of one more hop. */
export class QueueEventsCompletions implements CompletionSource {
  private readonly waiters = new Map<string, { resolve: (r: BatchJobResult) => void }[]>();

  private constructor(private readonly events: QueueEvents) {
    events.on("completed", ({ jobId, returnvalue }) => {
      const ws = this.waiters.get(jobId);
      if (ws === undefined) return;
      this.waiters.delete(jobId);
      const result = parseResult(returnvalue);
      for (const w of ws) w.resolve(result);
    });
  }

  /** Starts listening; resolves once the stream read is in place (no completion is missed). */
  static async start(queueName: string, opts: QueueEventsOptions): Promise<QueueEventsCompletions> {
    const events = new QueueEvents(queueName, opts);
    await events.waitUntilReady();
    return new QueueEventsCompletions(events);
  }

  wait(jobId: string, timeoutMs: number): Promise<BatchJobResult> {
    let entry!: { resolve: (r: BatchJobResult) => void };
    const p = new Promise<BatchJobResult>((resolve) => {
      entry = { resolve };
      const list = this.waiters.get(jobId) ?? [];
      list.push(entry);
      this.waiters.set(jobId, list);
    });
    return withTimeout(p, timeoutMs, "MySQL commit").finally(() => {
      const list = this.waiters.get(jobId);
      if (list === undefined) return;
      const rest = list.filter((e) => e !== entry);
      if (rest.length === 0) this.waiters.delete(jobId);
      else this.waiters.set(jobId, rest);
    });
  }

  close(): Promise<void> {
    return this.events.close();
  }
}

function parseResult(v: unknown): BatchJobResult {
  const r = (typeof v === "string" ? JSON.parse(v) : v) as Partial<BatchJobResult> | null;
  return { inserted: Number(r?.inserted ?? 0), dead: Array.isArray(r?.dead) ? r.dead.map(String) : [] };
}
