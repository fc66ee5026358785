// Decorators that put MySQL behind any engine's store. The inner (hot) store stays the sequencer
// and the fast path; MySQL is the long-term truth for history, membership and cursors.
import type { Logger } from "pino";
import type {
  AppendInput,
  AppendResult,
  ConversationHead,
  Group,
  GroupStore,
  MessageStore,
  ReadResult,
  StoredMessage,
} from "../engine/types.js";
import { ErrorCode, SwitchboardError } from "../protocol/codes.js";
import type { Batcher } from "./batcher.js";
import { RepositoryError } from "./errors.js";
import type { CursorRow, MysqlRepository } from "./mysql-repository.js";

/** The repository calls the decorators make (MysqlRepository implements it). */
export type ColdStore = Pick<
  MysqlRepository,
  | "readRange"
  | "lastSeq"
  | "conversationsOf"
  | "upsertCursors"
  | "cursors"
  | "deleteCursorsBefore"
  | "createGroup"
  | "loadGroup"
  | "addMembers"
  | "removeMembers"
>;

export interface PersistentStoreOptions {
  /** The hot store (memory or Redis engine): sequencing, dedupe, recent history. */
  inner: MessageStore;
  batcher: Batcher;
  repository: ColdStore;
  /** store: ack once the inner store holds the message, which it must also have written to the
   * outbox in the same atomic step (RedisStore with `outbox: true`; see outbox.ts).
   * db: ack once the batcher committed it in MySQL. */
  ackMode: "store" | "db";
  /** Cursor updates are coalesced and written to MySQL this often (they are advisory: a lost
   * update only means a message is offered again). */
  cursorFlushMs?: number;
  /** Bound on coalesced cursor updates held while MySQL is down. */
  maxPendingCursors?: number;
  /** Cursors not written for this long are deleted from MySQL, swept every cursorSweepMs (0: kept
   * for good). A client that makes up a device id per launch leaves a set behind each time. */
  cursorTtlMs?: number;
  cursorSweepMs?: number;
  log: Logger;
}

/** Rows one sweep statement deletes at most, so a large backlog never holds long locks. */
const CURSOR_SWEEP_BATCH = 10_000;

/** A read that says how many of its messages came from MySQL (the node's hot/cold sync metric
 * reads `coldMessages` when a store provides it). */
export interface TieredReadResult extends ReadResult {
  coldMessages: number;
}

export class PersistentStore implements MessageStore {
  private readonly inner: MessageStore;
  private readonly batcher: Batcher;
  private readonly repo: ColdStore;
  private readonly log: Logger;
  private pendingCursors = new Map<string, CursorRow>();
  private readonly maxPendingCursors: number;
  private readonly cursorTimer: NodeJS.Timeout;
  private readonly sweepTimer: NodeJS.Timeout | null;
  private cursorFlush: Promise<void> | null = null;

  constructor(private readonly opts: PersistentStoreOptions) {
    this.inner = opts.inner;
    this.batcher = opts.batcher;
    this.repo = opts.repository;
    this.log = opts.log;
    this.maxPendingCursors = opts.maxPendingCursors ?? 100_000;
    this.cursorTimer = setInterval(() => void this.flushCursors(), opts.cursorFlushMs ?? 250).unref();
    const ttl = opts.cursorTtlMs ?? 0;
    this.sweepTimer = ttl > 0 ? setInterval(() => void this.sweepCursors(ttl), opts.cursorSweepMs ?? 3_600_000).unref() : null;
  }

  /** Deletes cursors older than `ttlMs` in bounded statements; every node may run it, they only
   * share the work. Returns how many rows went. */
  async sweepCursors(ttlMs: number): Promise<number> {
    const before = Date.now() - ttlMs;
    let deleted = 0;
    try {
      for (let round = 0; round < 100; round++) {
        const n = await this.repo.deleteCursorsBefore(before, CURSOR_SWEEP_BATCH);
        deleted += n;
        if (n < CURSOR_SWEEP_BATCH) break;
      }
    } catch (err) {
      this.log.warn({ err }, "cursor sweep failed; the next one retries");
    }
    if (deleted > 0) this.log.info({ deleted, ttlMs }, "deleted device cursors past CURSOR_TTL_MS");
    return deleted;
  }

  async append(input: AppendInput): Promise<AppendResult> {
    // Refuse before storing: an OVERLOADED send must leave nothing behind.
    this.batcher.admit();
    const result = await this.inner.append(input);
    // store: the append wrote the outbox entry atomically, nothing is left to wait for.
    if (this.opts.ackMode === "store") return result;
    try {
      // A duplicate is committed again before it is acked: the node that stored it may have died
      // or drained between Redis and its commit, and then only this ack would say it is durable.
      // The insert is idempotent, so a message already in MySQL costs one no-op write. (A retry of
      // a send that failed here is fanned out as a first acceptance: GatewayNode.unsure.)
      await this.batcher.addDurable(result.message);
    } catch (err) {
      throw toEngineError(err);
    }
    return result;
  }

  /**
   * Serves from the hot window when it covers afterSeq+1; otherwise pages the gap from MySQL and
   * joins the hot window behind it: seqs come out contiguous, once each, in order. A gap MySQL does
   * not hold yet (trimmed from the hot store before its batch was written) stops the page there,
   * or is UNAVAILABLE (retryable) when it is the very first message asked for.
   */
  async read(conversationId: string, afterSeq: number, limit: number): Promise<TieredReadResult> {
    const hot = await this.inner.read(conversationId, afterSeq, limit);
    if (hot.lastSeq > 0 && afterSeq + 1 >= hot.oldestSeq) return { ...hot, coldMessages: 0 };
    if (hot.lastSeq === 0) return this.readColdOnly(conversationId, afterSeq, limit);

    const gapEnd = hot.oldestSeq - 1; // MySQL must provide afterSeq+1 .. gapEnd
    const want = Math.min(limit, gapEnd - afterSeq);
    const cold = contiguous(await this.cold(() => this.repo.readRange(conversationId, afterSeq, want)), afterSeq);
    if (cold.length === 0) {
      throw new SwitchboardError(ErrorCode.UNAVAILABLE, `history of ${conversationId} after seq ${afterSeq} is not persisted yet`, {
        retryAfterMs: 1_000,
      });
    }
    const messages = cold;
    const coldMessages = cold.length;
    if (cold.length === gapEnd - afterSeq && messages.length < limit) {
      // The hot read started at its oldest message (afterSeq was below it): it follows gapEnd.
      for (const m of hot.messages) {
        if (messages.length >= limit) break;
        if (m.seq === messages[messages.length - 1]!.seq + 1) messages.push(m);
      }
    }
    return { messages, lastSeq: hot.lastSeq, oldestSeq: 1, coldMessages };
  }

  async conversationsOf(userId: string): Promise<ConversationHead[]> {
    const hot = await this.inner.conversationsOf(userId);
    let cold: ConversationHead[];
    try {
      cold = await this.cold(() => this.repo.conversationsOf(userId));
    } catch (err) {
      if (hot.length === 0) throw err;
      this.log.warn({ err }, "conversationsOf: MySQL unavailable, answering from the hot store only");
      return hot;
    }
    const merged = new Map<string, number>();
    for (const h of [...hot, ...cold]) merged.set(h.conversationId, Math.max(merged.get(h.conversationId) ?? 0, h.lastSeq));
    return [...merged].map(([conversationId, lastSeq]) => ({ conversationId, lastSeq }));
  }

  /** The hot store's: the cap setCursor applies (Redis's seq key never expires). */
  lastSeq(conversationId: string): Promise<number> {
    return this.inner.lastSeq(conversationId);
  }

  async setCursor(userId: string, deviceId: string, conversationId: string, ackedSeq: number): Promise<number> {
    // The hot store caps it at the conversation's newest seq (its seq key never expires).
    const seq = await this.inner.setCursor(userId, deviceId, conversationId, ackedSeq);
    if (seq === 0) return 0;
    const key = `${userId}\u0000${deviceId}\u0000${conversationId}`;
    const prior = this.pendingCursors.get(key);
    if (prior !== undefined) prior.seq = Math.max(prior.seq, seq);
    else if (this.pendingCursors.size < this.maxPendingCursors) this.pendingCursors.set(key, { userId, deviceId, conversationId, seq });
    else
      this.log.warn(
        { pending: this.pendingCursors.size },
        "cursor write-behind is full (MySQL down?): this cursor stays in the hot store only",
      );
    return seq;
  }

  async cursors(userId: string, deviceId: string): Promise<Map<string, number>> {
    const hot = await this.inner.cursors(userId, deviceId);
    let cold: Map<string, number>;
    try {
      cold = await this.cold(() => this.repo.cursors(userId, deviceId));
    } catch (err) {
      if (hot.size === 0) throw err;
      this.log.warn({ err }, "cursors: MySQL unavailable, answering from the hot store only");
      return hot;
    }
    for (const [c, s] of cold) if ((hot.get(c) ?? 0) < s) hot.set(c, s);
    return hot;
  }

  /** Writes coalesced cursor updates; on failure they are merged back for the next round. */
  flushCursors(): Promise<void> {
    this.cursorFlush ??= (async () => {
      if (this.pendingCursors.size === 0) return;
      const rows = [...this.pendingCursors.values()];
      this.pendingCursors = new Map();
      try {
        await this.repo.upsertCursors(rows);
      } catch (err) {
        this.log.warn({ err, cursors: rows.length }, "could not write cursors to MySQL; will retry");
        for (const r of rows) {
          const key = `${r.userId}\u0000${r.deviceId}\u0000${r.conversationId}`;
          const newer = this.pendingCursors.get(key);
          if (newer !== undefined) newer.seq = Math.max(newer.seq, r.seq);
          else this.pendingCursors.set(key, r);
        }
      }
    })().finally(() => {
      this.cursorFlush = null;
    });
    return this.cursorFlush;
  }

  /** Writes pending cursors and stops the timer (the batcher is closed by its owner). */
  async close(): Promise<void> {
    clearInterval(this.cursorTimer);
    if (this.sweepTimer !== null) clearInterval(this.sweepTimer);
    await this.flushCursors();
  }

  private async readColdOnly(conversationId: string, afterSeq: number, limit: number): Promise<TieredReadResult> {
    // The hot store knows nothing (new node, evicted or restarted): MySQL alone answers.
    const [messages, lastSeq] = await this.cold(() =>
      Promise.all([this.repo.readRange(conversationId, afterSeq, limit), this.repo.lastSeq(conversationId)]),
    );
    const served = contiguous(messages, afterSeq);
    return { messages: served, lastSeq, oldestSeq: 1, coldMessages: served.length };
  }

  private async cold<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toEngineError(err);
    }
  }
}

/** The prefix of `messages` that continues afterSeq without a hole. */
function contiguous(messages: StoredMessage[], afterSeq: number): StoredMessage[] {
  let expect = afterSeq + 1;
  let n = 0;
  for (const m of messages) {
    if (m.seq !== expect) break;
    expect += 1;
    n += 1;
  }
  return n === messages.length ? messages : messages.slice(0, n);
}

/** Backend faults surface as the engines' retryable UNAVAILABLE; other errors keep their cause. */
function toEngineError(err: unknown): Error {
  if (err instanceof SwitchboardError) return err;
  if (err instanceof RepositoryError) {
    return new SwitchboardError(err.transient ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL, err.message, { cause: err });
  }
  return new SwitchboardError(ErrorCode.INTERNAL, "persistence error", { cause: err });
}

export interface PersistentGroupsOptions {
  /** The engine's group store, used as a cache (Redis: shared by the cluster). */
  inner: GroupStore;
  repository: ColdStore;
  log: Logger;
}

/** Groups with MySQL as the truth and the inner store as a write-through cache. */
export class PersistentGroups implements GroupStore {
  constructor(private readonly opts: PersistentGroupsOptions) {}

  async create(group: Group): Promise<void> {
    await this.db(() => this.opts.repository.createGroup(group));
    await this.fill(group);
  }

  async get(conversationId: string): Promise<Group | null> {
    const cached = await this.opts.inner.get(conversationId);
    if (cached !== null) return cached;
    const g = await this.db(() => this.opts.repository.loadGroup(conversationId));
    if (g !== null) await this.fill(g);
    return g;
  }

  async addMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    const g = await this.db(() => this.opts.repository.addMembers(conversationId, userIds));
    await this.refresh(g, () => this.opts.inner.addMembers(conversationId, userIds));
    return g;
  }

  async removeMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    const g = await this.db(() => this.opts.repository.removeMembers(conversationId, userIds));
    await this.refresh(g, () => this.opts.inner.removeMembers(conversationId, userIds));
    return g;
  }

  /** Applies the same change to the cache, or loads the group into it when it was not cached. */
  private async refresh(g: Group, change: () => Promise<Group>): Promise<void> {
    if ((await this.opts.inner.get(g.conversationId)) === null) return this.fill(g);
    const cached = await change();
    if (cached.ownerId !== g.ownerId || cached.memberIds.join(",") !== g.memberIds.join(",")) {
      this.opts.log.warn(
        { conversationId: g.conversationId },
        "group cache differs from MySQL after a change (MySQL wins on reads from it)",
      );
    }
  }

  private async fill(g: Group): Promise<void> {
    try {
      await this.opts.inner.create(g);
    } catch (err) {
      // Another node (or a racing request) filled it first: the cache already holds the group.
      if (err instanceof SwitchboardError && err.code === ErrorCode.CONFLICT) return;
      throw err;
    }
  }

  private async db<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toEngineError(err);
    }
  }
}
