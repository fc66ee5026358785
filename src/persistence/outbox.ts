// ACK_MODE=store's road to MySQL. The append script writes every message to the outbox stream in
// the same atomic call that stores it (src/engine/redis/scripts.ts), so the ack needs nothing but
// that one Redis reply, and an acked message is always in the outbox or in a persist job.
//
// Movers (one in each gateway, one in each standalone persister) read the stream through one
// consumer group, enqueue what they read as ONE BullMQ job per batch, then XACK + XDEL it. A mover
// that dies between reading and acking leaves its entries pending in the group; any other mover
// claims them once they have been idle for claimIdleMs (XAUTOCLAIM). A claim may enqueue a batch a
// second time: the persister's INSERT is idempotent per (conversation, seq), so it writes nothing new.
import type { JobsOptions, Queue, RedisOptions } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { decodeRecord } from "../engine/codec.js";
import type { StoredMessage } from "../engine/types.js";
import type { PersistenceMetrics } from "../observability/metrics.js";
import { withTimeout } from "./batcher.js";
import { batchJobId, encodeBatch } from "./codec.js";
import { type PersistJobOptions, persistJobOptions } from "./queue.js";

export const OUTBOX_GROUP = "movers";

export interface OutboxMoverOptions {
  /** Connection options; the mover opens its own connection, since it blocks on XREADGROUP. */
  connection: RedisOptions;
  /** The outbox stream (Keys.outbox(): `<REDIS_PREFIX>outbox`). */
  streamKey: string;
  /** This mover's consumer name in the group (the node id). */
  consumer: string;
  /** The persist queue (producer side); owned by the caller. */
  queue: Queue;
  /** Messages per job at most (BATCH_MAX_MESSAGES). */
  maxMessages: number;
  /** After a read that did not fill a batch, gather this long before enqueueing (OUTBOX_GATHER_MS):
   * at low rates a job per message would cost more than the messages. */
  maxMs: number;
  /** Longest wait in one XREADGROUP. Default 1,000 ms. */
  blockMs?: number;
  /** Pending entries idle this long are taken over from their (presumed dead) mover. Default 30 s. */
  claimIdleMs?: number;
  /** How often idle entries are looked for. Default 5 s. */
  claimEveryMs?: number;
  /** Bound on one enqueue before it is retried. Default 5 s. */
  enqueueTimeoutMs?: number;
  job?: Partial<PersistJobOptions>;
  metrics: PersistenceMetrics;
  log: Logger;
}

interface Entry {
  id: string;
  message: StoredMessage | null;
}

export class OutboxMover {
  private readonly opts: Required<Omit<OutboxMoverOptions, "job">>;
  private readonly redis: Redis;
  private readonly jobOptions: JobsOptions;
  private closed = false;
  private reading = false;
  private loop: Promise<void> | null = null;
  private claimCursor = "0-0";
  private lastClaim = 0;
  private wake: (() => void) | null = null;

  constructor(opts: OutboxMoverOptions) {
    this.opts = { blockMs: 1_000, claimIdleMs: 30_000, claimEveryMs: 5_000, enqueueTimeoutMs: 5_000, ...opts };
    this.jobOptions = persistJobOptions(opts.job);
    this.redis = new Redis({ ...opts.connection, connectionName: `sb-outbox-${opts.consumer}`, lazyConnect: true });
    this.redis.on("error", (err: Error) => this.opts.log.debug({ err }, "outbox connection error"));
  }

  /** Creates the consumer group if needed and starts moving. */
  async start(): Promise<void> {
    await this.redis.connect();
    await this.createGroup();
    this.loop = this.run();
  }

  private async createGroup(): Promise<void> {
    try {
      await this.redis.xgroup("CREATE", this.opts.streamKey, OUTBOX_GROUP, "0", "MKSTREAM");
    } catch (err) {
      if (!(err instanceof Error && err.message.startsWith("BUSYGROUP"))) throw err;
    }
  }

  /** Stops after the batch being enqueued (if any); entries read but not acked stay pending for
   * another mover's claim. Memoized. */
  private closing: Promise<void> | null = null;
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.wake?.();
      // A blocked XREADGROUP would hold the loop for blockMs: cut it.
      if (this.reading) this.redis.disconnect();
      await this.loop;
      this.redis.disconnect();
    })();
    return this.closing;
  }

  private async run(): Promise<void> {
    // Entries this consumer read before a restart under the same NODE_ID come first ("0").
    let own = true;
    let failures = 0;
    while (!this.closed) {
      try {
        const entries = own ? await this.read("0", 0, this.opts.maxMessages) : await this.next();
        if (own && entries.length === 0) {
          own = false;
          continue;
        }
        if (entries.length > 0) await this.move(entries);
        // On a clock, not only when the stream is idle: steady traffic would otherwise put off
        // taking over a crashed mover's entries for as long as it lasts.
        if (!own && Date.now() - this.lastClaim >= this.opts.claimEveryMs) {
          const claimed = await this.claim();
          if (claimed.length > 0) await this.move(claimed);
        }
        failures = 0;
      } catch (err) {
        if (this.closed) break;
        failures += 1;
        // Redis came back without its data (no AOF, or a replica promoted without it): the stream
        // and its group are gone, and every read fails until the group exists again.
        if (err instanceof Error && err.message.startsWith("NOGROUP")) {
          this.opts.log.error({ stream: this.opts.streamKey }, "outbox: consumer group missing (Redis lost its data?): creating it again");
          await this.createGroup().catch(() => undefined);
          own = true;
          continue;
        }
        this.opts.log.warn({ err, failures }, "outbox mover: Redis or enqueue failed; retrying (entries stay in the outbox)");
        await this.pause(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** New entries: blocks for the first, then gathers for maxMs when the batch is not full. */
  private async next(): Promise<Entry[]> {
    const entries = await this.read(">", this.opts.blockMs, this.opts.maxMessages);
    if (entries.length === 0 || entries.length >= this.opts.maxMessages || this.opts.maxMs <= 0) return entries;
    await this.pause(this.opts.maxMs);
    if (this.closed) return entries;
    const more = await this.read(">", null, this.opts.maxMessages - entries.length);
    return more.length === 0 ? entries : entries.concat(more);
  }

  private async read(from: string, blockMs: number | null, count: number): Promise<Entry[]> {
    const args: (string | number)[] = ["GROUP", OUTBOX_GROUP, this.opts.consumer, "COUNT", count];
    if (blockMs !== null && blockMs > 0) args.push("BLOCK", blockMs);
    args.push("STREAMS", this.opts.streamKey, from);
    this.reading = blockMs !== null && blockMs > 0;
    try {
      const reply = await this.streams().xreadgroupBuffer(...args);
      return reply === null || reply.length === 0 ? [] : reply[0]![1].map(parseEntry);
    } finally {
      this.reading = false;
    }
  }

  /** Pending entries of movers that stopped acking (crashed between read and ack). */
  private async claim(): Promise<Entry[]> {
    this.lastClaim = Date.now();
    const reply = await this.streams().xautoclaimBuffer(
      this.opts.streamKey,
      OUTBOX_GROUP,
      this.opts.consumer,
      this.opts.claimIdleMs,
      this.claimCursor,
      "COUNT",
      this.opts.maxMessages,
    );
    this.claimCursor = reply[0].toString();
    const entries = reply[1].filter((e): e is RawEntry => e !== null).map(parseEntry);
    if (entries.length > 0) {
      this.opts.metrics.outboxClaimed.inc(entries.length);
      this.opts.log.warn({ entries: entries.length }, "outbox: took over entries another mover read but never enqueued");
    }
    return entries;
  }

  private async move(entries: Entry[]): Promise<void> {
    const messages: StoredMessage[] = [];
    for (const e of entries) {
      if (e.message !== null) messages.push(e.message);
      else
        this.opts.log.error({ entry: e.id, stream: this.opts.streamKey }, "outbox entry is not a stored message: dropped from the outbox");
    }
    if (messages.length > 0) {
      await withTimeout(
        this.opts.queue.add("batch", encodeBatch(messages), { ...this.jobOptions, jobId: batchJobId(messages) }),
        this.opts.enqueueTimeoutMs,
        "enqueue to Redis",
      );
      this.opts.metrics.batchSize.observe(messages.length);
      this.opts.metrics.enqueued.inc(messages.length);
    }
    const ids = entries.map((e) => e.id);
    const replies = await this.redis
      .multi()
      .xack(this.opts.streamKey, OUTBOX_GROUP, ...ids)
      .xdel(this.opts.streamKey, ...ids)
      .xlen(this.opts.streamKey)
      .exec();
    const len = replies?.[2]?.[1];
    if (typeof len === "number") this.opts.metrics.outboxLength.set(len);
  }

  /** The binary-reply stream commands (ioredis's `call` unwraps XREADGROUP's reply, and
   * xautoclaimBuffer exists without a typing). */
  private streams(): StreamCommands {
    return this.redis as unknown as StreamCommands;
  }

  private pause(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

type RawEntry = [Buffer, Buffer[]];

interface StreamCommands {
  xreadgroupBuffer(...args: (string | number)[]): Promise<[Buffer, RawEntry[]][] | null>;
  xautoclaimBuffer(...args: (string | number)[]): Promise<[Buffer, (RawEntry | null)[], ...unknown[]]>;
}

/** {c: conversationId, r: record} as written by the append script. */
function parseEntry([id, fields]: RawEntry): Entry {
  let conversationId: string | null = null;
  let record: Buffer | null = null;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString();
    if (name === "c") conversationId = fields[i + 1]!.toString();
    else if (name === "r") record = fields[i + 1]!;
  }
  let message: StoredMessage | null = null;
  if (conversationId !== null && record !== null) {
    try {
      message = decodeRecord(conversationId, record);
    } catch {
      message = null;
    }
  }
  return { id: id.toString(), message };
}
