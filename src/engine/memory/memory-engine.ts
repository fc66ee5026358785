// The single-process engine: everything in this process's memory, bounded. The default of
// `npm start`; also the reference the contract suite holds the Redis engine to.
import { DedupeWindow } from "../../core/dedupe-window.js";
import { IdGenerator } from "../../core/ids.js";
import type {
  AppendInput,
  AppendResult,
  Broker,
  ConversationHead,
  Engine,
  EnvelopeHandler,
  Group,
  GroupStore,
  HistoryStats,
  MessageStore,
  Presence,
  ReadResult,
  StoredMessage,
} from "../types.js";
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";
import { decodeRecord, encodeRecord, recordSentAtMs } from "../codec.js";

/** A few hundred bytes per key once history has trimmed its message (ids kept, body dropped). */
export const MEMORY_DEDUPE_MAX_DEFAULT = 1_000_000;

/**
 * A dedupe entry outlives its message's history slot; past this body size it then drops the
 * body (a retry needs only the ids), or up to MEMORY_DEDUPE_MAX bodies of 64 KiB would stay held.
 * Smaller records are kept as they are: re-encoding each would cost more than it frees.
 */
const DEDUPE_KEEPS_BODY_UP_TO = 256;

const dedupeKey = (senderId: string, clientMsgId: string): string => `${senderId}\u0000${clientMsgId}`;

export interface MemoryEngineOptions {
  nodeId: string;
  historyPerConversation: number;
  /**
   * Bound on all history held, in bytes as estimated by messageBytes(); past it the least recently
   * active conversation loses its oldest messages first. Default: no bound.
   */
  historyMaxBytes?: number;
  dedupeTtlMs: number;
  /** Keys remembered at most; past it the oldest are forgotten before their TTL. */
  dedupeMaxEntries?: number;
  now?: () => number;
}

/**
 * What holding a record costs besides its bytes: the Buffer object, its slot, its dedupe key and
 * map entry (bench/history-gc.ts measures the heap and RSS per held message).
 */
const RECORD_OVERHEAD_BYTES = 250;

/** What a held message is counted as against historyMaxBytes. */
const recordBytes = (record: Uint8Array): number => record.byteLength + RECORD_OVERHEAD_BYTES;

/** messageBytes of a message as the store holds it (its encoded record). */
export function messageBytes(m: StoredMessage): number {
  return recordBytes(encodeRecord(m, m.messageId, m.sentAtMs, m.seq));
}

/** What a dropped message's slot holds until the array is compacted. */
const DROPPED = new Uint8Array(0);

/**
 * History is held encoded, one StoredMessageRecord per message, as the Redis engine holds it: a
 * full GC walks every object held, and a message as an object with its strings and body was about
 * ten of them (a 400,000-message history cost 200 ms per full GC, and chat latency with it). A
 * record is one Buffer, most of them slices of Node's shared pool.
 */
interface Conversation {
  id: string;
  lastSeq: number;
  /** messages[i] has seq firstSeq + i: seqs are contiguous, so reads index directly. */
  messages: Uint8Array[];
  firstSeq: number;
  /** The oldest seq still held (≥ firstSeq): slots before it are DROPPED until compacted. */
  oldestSeq: number;
  /** The memberIds array last indexed for this conversation (see append). */
  indexed: readonly string[] | null;
  /** Neighbours in the store's eviction order, while it holds messages. */
  prev: Conversation | null;
  next: Conversation | null;
}

class MemoryStore implements MessageStore, HistoryStats {
  private readonly conversations = new Map<string, Conversation>();
  /** By sender and client message id: the message's record while history holds it. */
  private readonly dedupe: DedupeWindow<Uint8Array>;
  private readonly userConversations = new Map<string, Set<string>>();
  private readonly deviceCursors = new Map<string, Map<string, number>>();
  private readonly ids = new IdGenerator();
  private held = 0;
  private heldBytes = 0;
  private trimmed = 0;
  /**
   * Conversations holding messages, least recently appended to first (eviction order): a list
   * through the conversations themselves. A Set's first entry is found by walking past every entry
   * deleted at its front, which is where this order deletes.
   */
  private lruHead: Conversation | null = null;
  private lruTail: Conversation | null = null;

  constructor(private readonly opts: Required<MemoryEngineOptions>) {
    this.dedupe = new DedupeWindow({ ttlMs: opts.dedupeTtlMs, maxEntries: opts.dedupeMaxEntries, storedAt: recordSentAtMs });
  }

  async append(input: AppendInput): Promise<AppendResult> {
    const key = dedupeKey(input.senderId, input.clientMsgId);
    const seen = this.dedupe.get(key, this.opts.now());
    if (seen !== undefined) {
      const message = decodeRecord(input.conversationId, seen);
      // Dropped with its history slot: like the Redis engine's dedupe entry, the body is the retry's.
      if (message.body.length === 0) message.body = input.body;
      return { message, duplicate: true };
    }

    const conv = this.conversation(input.conversationId);
    conv.lastSeq += 1;
    const message: StoredMessage = {
      messageId: this.ids.next(),
      conversationId: input.conversationId,
      seq: conv.lastSeq,
      senderId: input.senderId,
      senderDevice: input.senderDevice,
      clientMsgId: input.clientMsgId,
      body: input.body,
      contentType: input.contentType,
      sentAtMs: this.opts.now(),
    };
    const record = encodeRecord(input, message.messageId, message.sentAtMs, message.seq);
    conv.messages.push(record);
    this.held += 1;
    this.heldBytes += recordBytes(record);
    this.toBack(conv);
    this.trim(conv);
    this.dedupe.set(key, record);
    if (this.heldBytes > this.opts.historyMaxBytes) this.evict();
    // A DM's members come as the same frozen array each time (parseConversationId's cache):
    // indexed once, like the Redis engine's append script does at a conversation's first message.
    const members = input.memberIds;
    if (conv.indexed !== members) {
      for (let i = 0; i < members.length; i++) this.index(members[i]!, input.conversationId);
      conv.indexed = members;
    }
    return { message, duplicate: false };
  }

  async read(conversationId: string, afterSeq: number, limit: number): Promise<ReadResult> {
    const conv = this.conversations.get(conversationId);
    if (conv === undefined) return { messages: [], lastSeq: 0, oldestSeq: 1 };
    const start = Math.max(conv.oldestSeq, afterSeq + 1) - conv.firstSeq;
    const end = Math.min(conv.messages.length, start + limit);
    const messages: StoredMessage[] = [];
    for (let i = start; i < end; i++) messages.push(decodeRecord(conversationId, conv.messages[i]!));
    return {
      messages,
      lastSeq: conv.lastSeq,
      oldestSeq: conv.oldestSeq,
    };
  }

  async conversationsOf(userId: string): Promise<ConversationHead[]> {
    const ids = this.userConversations.get(userId);
    if (ids === undefined) return [];
    return [...ids].map((conversationId) => ({
      conversationId,
      lastSeq: this.conversations.get(conversationId)?.lastSeq ?? 0,
    }));
  }

  async setCursor(userId: string, deviceId: string, conversationId: string, seq: number): Promise<void> {
    const key = `${userId}\u0000${deviceId}`;
    let cursors = this.deviceCursors.get(key);
    if (cursors === undefined) {
      cursors = new Map();
      this.deviceCursors.set(key, cursors);
    }
    if ((cursors.get(conversationId) ?? 0) < seq) cursors.set(conversationId, seq);
  }

  async cursors(userId: string, deviceId: string): Promise<Map<string, number>> {
    return new Map(this.deviceCursors.get(`${userId}\u0000${deviceId}`));
  }

  historyStats() {
    return {
      messages: this.held,
      trimmed: this.trimmed,
      limitPerConversation: this.opts.historyPerConversation,
      bytes: this.heldBytes,
      limitBytes: this.opts.historyMaxBytes,
      dedupeKeys: this.dedupe.size,
      dedupeEvicted: this.dedupe.evicted,
      dedupeLimit: this.dedupe.capacity,
    };
  }

  index(userId: string, conversationId: string): void {
    let set = this.userConversations.get(userId);
    if (set === undefined) {
      set = new Set();
      this.userConversations.set(userId, set);
    }
    set.add(conversationId);
  }

  unindex(userId: string, conversationId: string): void {
    this.userConversations.get(userId)?.delete(conversationId);
  }

  /** Drops dedupe entries past their TTL; called periodically by the engine. */
  sweepDedupe(): void {
    this.dedupe.sweep(this.opts.now());
  }

  private conversation(id: string): Conversation {
    let conv = this.conversations.get(id);
    if (conv === undefined) {
      conv = { id, lastSeq: 0, messages: [], firstSeq: 1, oldestSeq: 1, indexed: null, prev: null, next: null };
      this.conversations.set(id, conv);
    }
    return conv;
  }

  /** The per-conversation bound, in chunks of a quarter: the drop cost is amortised. */
  private trim(conv: Conversation): void {
    const limit = this.opts.historyPerConversation;
    if (conv.lastSeq - conv.oldestSeq + 1 <= limit + Math.floor(limit / 4)) return;
    this.dropThrough(conv, conv.lastSeq - limit);
  }

  /** The byte bound: the least recently active conversations give up their oldest messages. */
  private evict(): void {
    const max = this.opts.historyMaxBytes;
    while (this.heldBytes > max) {
      const conv = this.lruHead;
      if (conv === null) return;
      // A chunk at a time, and not past the bound by more than one message.
      let through = conv.oldestSeq - 1;
      for (let over = this.heldBytes - max; over > 0 && through < conv.lastSeq && through - conv.oldestSeq < 255;) {
        through += 1;
        over -= recordBytes(conv.messages[through - conv.firstSeq]!);
      }
      this.dropThrough(conv, through);
    }
  }

  /** Makes `conv` the most recently active conversation. */
  private toBack(conv: Conversation): void {
    if (conv === this.lruTail) return;
    if (conv.prev !== null || conv === this.lruHead) this.unlist(conv);
    conv.prev = this.lruTail;
    if (this.lruTail !== null) this.lruTail.next = conv;
    else this.lruHead = conv;
    this.lruTail = conv;
  }

  private unlist(conv: Conversation): void {
    if (conv.prev !== null) conv.prev.next = conv.next;
    else this.lruHead = conv.next;
    if (conv.next !== null) conv.next.prev = conv.prev;
    else this.lruTail = conv.prev;
    conv.prev = null;
    conv.next = null;
  }

  private dropDedupeBody(conv: Conversation, record: Uint8Array): void {
    const m = decodeRecord(conv.id, record);
    if (m.body.length <= DEDUPE_KEEPS_BODY_UP_TO) return;
    m.body = DROPPED;
    this.dedupe.replaceIf(dedupeKey(m.senderId, m.clientMsgId), record, encodeRecord(m, m.messageId, m.sentAtMs, m.seq));
  }

  /** Drops a conversation's held messages up to seq `through`. */
  private dropThrough(conv: Conversation, through: number): void {
    const from = conv.oldestSeq;
    if (through < from) return;
    for (let seq = from; seq <= through; seq++) {
      const i = seq - conv.firstSeq;
      const record = conv.messages[i]!;
      conv.messages[i] = DROPPED;
      this.heldBytes -= recordBytes(record);
      if (record.byteLength > DEDUPE_KEEPS_BODY_UP_TO) this.dropDedupeBody(conv, record);
    }
    const n = through - from + 1;
    conv.oldestSeq = through + 1;
    this.held -= n;
    this.trimmed += n;
    if (conv.oldestSeq > conv.lastSeq) this.unlist(conv);
    // Slots leave the array in chunks (a quarter of what is held), so the splice cost is amortised.
    const dead = conv.oldestSeq - conv.firstSeq;
    if (dead >= 64 ? dead * 4 >= conv.messages.length - dead : dead === conv.messages.length) {
      conv.messages.splice(0, dead);
      conv.firstSeq = conv.oldestSeq;
    }
  }
}

class MemoryGroups implements GroupStore {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly store: MemoryStore) {}

  async create(group: Group): Promise<void> {
    if (this.groups.has(group.conversationId)) {
      throw new SwitchboardError(ErrorCode.CONFLICT, `group ${group.conversationId} already exists`);
    }
    this.groups.set(group.conversationId, { ...group, memberIds: [...new Set(group.memberIds)] });
    for (const userId of group.memberIds) this.store.index(userId, group.conversationId);
  }

  async get(conversationId: string): Promise<Group | null> {
    const g = this.groups.get(conversationId);
    return g === undefined ? null : { ...g, memberIds: [...g.memberIds] };
  }

  async addMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    const g = this.require(conversationId);
    const members = new Set(g.memberIds);
    for (const u of userIds) {
      members.add(u);
      this.store.index(u, conversationId);
    }
    g.memberIds = [...members];
    return { ...g, memberIds: [...g.memberIds] };
  }

  async removeMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    const g = this.require(conversationId);
    const drop = new Set(userIds);
    g.memberIds = g.memberIds.filter((u) => !drop.has(u));
    if (drop.has(g.ownerId) && g.memberIds[0] !== undefined) g.ownerId = g.memberIds[0];
    for (const u of userIds) this.store.unindex(u, conversationId);
    return { ...g, memberIds: [...g.memberIds] };
  }

  private require(conversationId: string): Group {
    const g = this.groups.get(conversationId);
    if (g === undefined) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conversationId}`);
    return g;
  }
}

class MemoryPresence implements Presence {
  private readonly counts = new Map<string, number>();

  constructor(private readonly nodeId: string) {}

  async register(userId: string, sessions: number): Promise<void> {
    this.counts.set(userId, sessions);
  }

  async unregister(userId: string): Promise<void> {
    this.counts.delete(userId);
  }

  async locate(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const u of userIds) if (this.counts.has(u)) out.set(u, [this.nodeId]);
    return out;
  }

  async sessionCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const u of userIds) {
      const n = this.counts.get(u);
      if (n !== undefined) out.set(u, n);
    }
    return out;
  }
}

/** In one process every envelope is for this node; kept so core has a single delivery path. */
class MemoryBroker implements Broker {
  private handler: EnvelopeHandler | null = null;

  async publish(_nodeId: string, envelope: Uint8Array): Promise<void> {
    this.handler?.(envelope);
  }

  async subscribe(handler: EnvelopeHandler): Promise<void> {
    this.handler = handler;
  }
}

export class MemoryEngine implements Engine {
  readonly kind = "memory" as const;
  readonly nodeId: string;
  readonly store: MemoryStore;
  readonly groups: GroupStore;
  readonly presence: Presence;
  readonly broker: Broker;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: MemoryEngineOptions) {
    const opts = { now: Date.now, dedupeMaxEntries: MEMORY_DEDUPE_MAX_DEFAULT, historyMaxBytes: Infinity, ...options };
    this.nodeId = opts.nodeId;
    this.store = new MemoryStore(opts);
    this.groups = new MemoryGroups(this.store);
    this.presence = new MemoryPresence(opts.nodeId);
    this.broker = new MemoryBroker();
    this.sweeper = setInterval(() => this.store.sweepDedupe(), Math.min(60_000, opts.dedupeTtlMs)).unref();
  }

  healthy(): boolean {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
