// The engine seam: what a gateway node needs from shared state. Two implementations live beside
// this file, memory/ (one process, the default) and redis/ (a cluster); one contract suite
// (test/contract/engine.contract.ts) runs against both. Only src/main picks one.

/** A stored chat message, as the store returns it. */
export interface StoredMessage {
  messageId: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderDevice: string;
  clientMsgId: string;
  body: Uint8Array;
  contentType: string;
  sentAtMs: number;
}

export interface AppendInput {
  conversationId: string;
  senderId: string;
  senderDevice: string;
  clientMsgId: string;
  body: Uint8Array;
  contentType: string;
  /** Users to index the conversation under so `conversationsOf` finds it: the two users of a DM.
   * Group members are indexed by GroupStore when they join. */
  memberIds: readonly string[];
  /** Users the message will be routed to: a store that can look up their presence in the same
   * round trip as the append returns it as `located` (optional; the caller locates otherwise). */
  locate?: readonly string[];
}

export interface AppendResult {
  message: StoredMessage;
  /** true when (senderId, clientMsgId) was already stored: `message` is the original. */
  duplicate: boolean;
  /** Presence of the users in `AppendInput.locate` (and possibly of others) as of the append: user
   * -> nodes holding sessions; a user missing is offline. Absent when the store did not look. */
  located?: ReadonlyMap<string, readonly string[]>;
}

export interface ReadResult {
  messages: StoredMessage[];
  /** The conversation's newest seq (0 when empty). */
  lastSeq: number;
  /** The oldest seq still held (lastSeq + 1 when nothing is held). */
  oldestSeq: number;
}

export interface ConversationHead {
  conversationId: string;
  lastSeq: number;
}

/** Sequencing, dedupe, history and per-device cursors. The store is the truth; push is a hint. */
export interface MessageStore {
  /** Assigns the next seq and a message id atomically, or returns the original on a retry. */
  append(input: AppendInput): Promise<AppendResult>;
  /** Messages with seq > afterSeq, ascending, at most `limit`. */
  read(conversationId: string, afterSeq: number, limit: number): Promise<ReadResult>;
  /** Every conversation the user has messages or membership in, with its newest seq. */
  conversationsOf(userId: string): Promise<ConversationHead[]>;
  /**
   * Cumulative ack cursor for one device; never moves backwards, and never past the conversation's
   * newest seq: an ack of a seq not yet assigned would make a later all-conversations sync skip
   * the messages that get it, and one of a conversation without messages (any dm:<self>:<x>
   * passes the membership check) would grow the store without bound. Resolves with the ack's
   * seq so capped (0: the conversation has no messages, nothing is written); a cursor already
   * past it stays where it is. The cap is the hot store's newest seq: the memory store's, or
   * Redis's seq key, which never expires (Redis runs with AOF and noeviction).
   */
  setCursor(userId: string, deviceId: string, conversationId: string, seq: number): Promise<number>;
  /** The conversation's newest seq, as setCursor caps by it (0: no messages). */
  lastSeq(conversationId: string): Promise<number>;
  cursors(userId: string, deviceId: string): Promise<Map<string, number>>;
}

export interface Group {
  conversationId: string;
  name: string;
  ownerId: string;
  memberIds: string[];
}

/** Group conversations and membership. Owner rules are enforced by the caller (core). */
export interface GroupStore {
  create(group: Group): Promise<void>;
  get(conversationId: string): Promise<Group | null>;
  /** Adds members (keeping join order; existing ones stay where they are); returns the group after the change. */
  addMembers(conversationId: string, userIds: readonly string[]): Promise<Group>;
  /** Removes members; if the owner is among them, the longest-standing remaining member
   * (first in memberIds) becomes owner. Returns the group after the change. */
  removeMembers(conversationId: string, userIds: readonly string[]): Promise<Group>;
}

/** Where users' sessions are: user -> node ids. A node registers a user on its first local session. */
export interface Presence {
  /** This node now holds at least one session of the user (count = local sessions). */
  register(userId: string, sessions: number): Promise<void>;
  /** This node holds no session of the user anymore. */
  unregister(userId: string): Promise<void>;
  /** Nodes holding sessions of each user (missing key: offline). */
  locate(userIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Session counts across the cluster, for presence queries. */
  sessionCounts(userIds: readonly string[]): Promise<Map<string, number>>;
}

export type EnvelopeHandler = (envelope: Uint8Array) => void;

/** Node-to-node transport of encoded Envelopes (pub/sub, one channel per node). */
export interface Broker {
  /** Delivers bytes to the node's handler; resolves once handed to the transport. */
  publish(nodeId: string, envelope: Uint8Array): Promise<void>;
  /** Starts receiving this node's envelopes. */
  subscribe(handler: EnvelopeHandler): Promise<void>;
}

/** How much a bounded-history engine holds (the memory engine's `sb_memory_*` gauges). */
export interface HistorySnapshot {
  messages: number;
  trimmed: number;
  limitPerConversation: number;
  /** Held history as estimated against its byte bound, and that bound (Infinity: none). */
  bytes: number;
  limitBytes: number;
  /** Idempotency keys held, forgotten early because the window was full, and its bound. */
  dedupeKeys: number;
  dedupeEvicted: number;
  dedupeLimit: number;
  /** Devices whose acked cursors are held, forgotten because the bound was full, and the bound. */
  deviceCursors: number;
  deviceCursorsEvicted: number;
  deviceCursorsLimit: number;
}

/** Optional: engines that hold bounded history say how much (for the history metric). */
export interface HistoryStats {
  historyStats(): HistorySnapshot;
}

export function hasHistoryStats(x: object): x is HistoryStats {
  return typeof (x as Partial<HistoryStats>).historyStats === "function";
}

/** The set of engine parts a node is built from. */
export interface Engine {
  readonly kind: "memory" | "redis";
  readonly nodeId: string;
  readonly store: MessageStore;
  readonly groups: GroupStore;
  readonly presence: Presence;
  readonly broker: Broker;
  /** Whether the engine's backend is reachable now (drives /readyz and fail-fast sends). */
  healthy(): boolean;
  close(): Promise<void>;
}
