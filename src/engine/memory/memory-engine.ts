// The single-process engine: everything in this process's memory, bounded. The default of
// `npm start`; also the reference the contract suite holds the Redis engine to.
import { assertClientMsgId, CLIENT_MSG_ID_MAX, IdGenerator } from "../../core/ids.js";
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
import { decodeRecord, encodeRecord, retryOf } from "../codec.js";
import { DedupeIndex, hashKey } from "./dedupe-index.js";
import { RecordLog } from "./record-log.js";

/** About 120 bytes per key (DedupeIndex), taken as keys arrive. */
export const MEMORY_DEDUPE_MAX_DEFAULT = 1_000_000;

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
  /** Devices whose acked cursors are kept at most; past it the one that acked least recently
   * is forgotten (it syncs from its client's own cursors, or from the start). Default 100,000. */
  deviceCursorsMax?: number;
  now?: () => number;
}

/**
 * What holding a record costs besides its bytes: its index entry and the slack of its slab
 * (bench/history-gc.ts measures the RSS per held message).
 */
const RECORD_OVERHEAD_BYTES = 128;

const MEMORY_DEVICE_CURSORS_MAX_DEFAULT = 100_000;

/**
 * What a conversation holding messages costs besides them: its objects, its index and its slab's
 * slack. bench/history-gc.ts measured about 1.9 KB with one message per conversation and 5.7 KB
 * with 20 (allocator slack of the regrown slab included); erring high keeps the bound a bound.
 */
export const CONVERSATION_BYTES = 4096;

/** What a held message of `length` encoded bytes is counted as against historyMaxBytes. */
const recordBytes = (length: number): number => length + RECORD_OVERHEAD_BYTES;

/** messageBytes of a message as the store holds it (its encoded record). */
export function messageBytes(m: StoredMessage): number {
  return recordBytes(encodeRecord(m, m.messageId, m.sentAtMs, m.seq).byteLength);
}

/**
 * History is held encoded, one StoredMessageRecord per message as the Redis engine holds it, in
 * byte slabs (RecordLog), and the dedupe window in typed arrays (DedupeIndex): a full GC walks
 * every object held, and a message as an object with its strings, body and dedupe key was about
 * ten of them (a 1,000,000-message history cost 480–640 ms per full GC, and chat latency with it).
 */
interface Conversation {
  id: string;
  /** Its number in the store's list, which dedupe entries hold. */
  num: number;
  lastSeq: number;
  /** The records of the last log.length seqs, up to lastSeq (see oldestSeq). */
  log: RecordLog;
  /** The memberIds array last indexed for this conversation (see append). */
  indexed: readonly string[] | null;
  /** Neighbours in the store's eviction order, while it holds messages. */
  prev: Conversation | null;
  next: Conversation | null;
}

class MemoryStore implements MessageStore, HistoryStats {
  private readonly conversations = new Map<string, Conversation>();
  private readonly byNum: Conversation[] = [];
  /** By sender and client message id: the message's conversation, seq and id. */
  private readonly dedupe: DedupeIndex;
  private readonly userConversations = new Map<string, Set<string>>();
  /** (user, device) -> cursors, least recently acked first (a write moves it to the end). */
  private readonly deviceCursors = new Map<string, Map<string, number>>();
  private deviceCursorsEvicted = 0;
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
    this.dedupe = new DedupeIndex({ ttlMs: opts.dedupeTtlMs, maxEntries: opts.dedupeMaxEntries, maxKeyLength: CLIENT_MSG_ID_MAX });
  }

  async append(input: AppendInput): Promise<AppendResult> {
    // The node has checked it; the dedupe window's key ring relies on the bound.
    assertClientMsgId(input.clientMsgId);
    const now = this.opts.now();
    const sender = this.dedupe.sender(input.senderId);
    const hash = hashKey(sender, input.clientMsgId);
    const seen = this.dedupe.find(sender, input.clientMsgId, now, hash);
    if (seen >= 0) return { message: this.original(seen, input), duplicate: true };

    const conv = this.conversation(input.conversationId);
    conv.lastSeq += 1;
    const messageNumber = this.ids.nextNumber();
    const message: StoredMessage = {
      messageId: this.ids.format(messageNumber),
      conversationId: input.conversationId,
      seq: conv.lastSeq,
      senderId: input.senderId,
      senderDevice: input.senderDevice,
      clientMsgId: input.clientMsgId,
      body: input.body,
      contentType: input.contentType,
      sentAtMs: now,
    };
    if (conv.log.length === 0) this.heldBytes += CONVERSATION_BYTES;
    const record = encodeRecord(input, message.messageId, now, message.seq);
    conv.log.push(record);
    this.held += 1;
    this.heldBytes += recordBytes(record.byteLength);
    this.toBack(conv);
    this.trim(conv);
    this.dedupe.add(sender, input.clientMsgId, conv.num, message.seq, now, messageNumber, hash);
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
    const oldest = oldestSeq(conv);
    const start = Math.max(oldest, afterSeq + 1);
    const end = Math.min(conv.lastSeq + 1, start + limit);
    const messages: StoredMessage[] = [];
    for (let seq = start; seq < end; seq++) messages.push(decodeRecord(conversationId, conv.log.get(seq - oldest)));
    return { messages, lastSeq: conv.lastSeq, oldestSeq: oldest };
  }

  async conversationsOf(userId: string): Promise<ConversationHead[]> {
    const ids = this.userConversations.get(userId);
    if (ids === undefined) return [];
    return [...ids].map((conversationId) => ({
      conversationId,
      lastSeq: this.conversations.get(conversationId)?.lastSeq ?? 0,
    }));
  }

  async lastSeq(conversationId: string): Promise<number> {
    return this.newestSeq(conversationId);
  }

  async setCursor(userId: string, deviceId: string, conversationId: string, ackedSeq: number): Promise<number> {
    const seq = Math.min(ackedSeq, this.newestSeq(conversationId));
    if (seq <= 0) return 0;
    const key = `${userId}\u0000${deviceId}`;
    let cursors = this.deviceCursors.get(key);
    if (cursors !== undefined) this.deviceCursors.delete(key);
    else {
      cursors = new Map();
      // Clients that make up a device id per launch would otherwise grow this without end.
      if (this.deviceCursors.size >= this.opts.deviceCursorsMax) {
        const oldest = this.deviceCursors.keys().next().value;
        if (oldest !== undefined) this.deviceCursors.delete(oldest);
        this.deviceCursorsEvicted += 1;
      }
    }
    this.deviceCursors.set(key, cursors);
    if ((cursors.get(conversationId) ?? 0) < seq) cursors.set(conversationId, seq);
    return seq;
  }

  private newestSeq(conversationId: string): number {
    return this.conversations.get(conversationId)?.lastSeq ?? 0;
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
      deviceCursors: this.deviceCursors.size,
      deviceCursorsEvicted: this.deviceCursorsEvicted,
      deviceCursorsLimit: this.opts.deviceCursorsMax,
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
      conv = { id, num: this.byNum.length, lastSeq: 0, log: new RecordLog(), indexed: null, prev: null, next: null };
      this.conversations.set(id, conv);
      this.byNum.push(conv);
    }
    return conv;
  }

  /** The per-conversation bound, in chunks of a quarter: the drop cost is amortised. */
  private trim(conv: Conversation): void {
    const limit = this.opts.historyPerConversation;
    if (conv.log.length <= limit + Math.floor(limit / 4)) return;
    this.dropOldest(conv, conv.log.length - limit);
  }

  /** The byte bound: the least recently active conversations give up their oldest messages. */
  private evict(): void {
    const max = this.opts.historyMaxBytes;
    while (this.heldBytes > max) {
      const conv = this.lruHead;
      if (conv === null) return;
      // A chunk at a time, and not past the bound by more than one message.
      let n = 0;
      for (let over = this.heldBytes - max; over > 0 && n < conv.log.length && n < 256; n++) over -= recordBytes(conv.log.lengthOf(n));
      this.dropOldest(conv, n);
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

  /**
   * The message a retry repeats. History may have dropped it since: then, like the Redis engine's
   * dedupe entry, the answer has the original ids and the retry's body.
   */
  private original(slot: number, input: AppendInput): StoredMessage {
    const d = this.dedupe;
    const conv = this.byNum[d.conversations[slot]!]!;
    const seq = d.seqs[slot]!;
    const oldest = oldestSeq(conv);
    if (seq >= oldest) return decodeRecord(conv.id, conv.log.get(seq - oldest));
    return retryOf(input, {
      messageId: this.ids.format(d.messageNumbers[slot]!),
      conversationId: conv.id,
      seq,
      sentAtMs: d.sentAts[slot]!,
    });
  }

  /** Drops a conversation's n oldest held messages. */
  private dropOldest(conv: Conversation, n: number): void {
    if (n <= 0) return;
    this.heldBytes -= conv.log.dropOldest(n) + n * RECORD_OVERHEAD_BYTES;
    this.held -= n;
    this.trimmed += n;
    if (conv.log.length === 0) {
      this.heldBytes -= CONVERSATION_BYTES;
      this.unlist(conv);
    }
  }
}

/** The oldest seq a conversation holds; lastSeq + 1 when it holds none (seqs are contiguous). */
const oldestSeq = (conv: Conversation): number => conv.lastSeq - conv.log.length + 1;

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
    const opts = {
      now: Date.now,
      dedupeMaxEntries: MEMORY_DEDUPE_MAX_DEFAULT,
      historyMaxBytes: Infinity,
      deviceCursorsMax: MEMORY_DEVICE_CURSORS_MAX_DEFAULT,
      ...options,
    };
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
