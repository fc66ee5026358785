// Sequencing, dedupe, hot history, cursors and the user -> conversations index in Redis. The
// appends of one loop turn go as one script call (each append atomic), in the batcher's write.
import { IdGenerator } from "../../core/ids.js";
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";
import type { AppendInput, AppendResult, ConversationHead, MessageStore, ReadResult, StoredMessage } from "../types.js";
import type { Batcher } from "./batcher.js";
import { decodeRecord, dedupeSuffix, encodeRecord, fromDedupe } from "../codec.js";
import type { Keys } from "./keys.js";
import { TurnWrites } from "./turn-writes.js";

export interface RedisStoreOptions {
  historyMaxPerConversation: number;
  historyMaxAgeMs: number;
  dedupeTtlMs: number;
  /** A device's cursors expire this long after its last ack (0: never). */
  cursorTtlMs: number;
  /** Also queue every appended message in the outbox stream, in the same script call (set when
   * MySQL persistence runs with ACK_MODE=store; see src/persistence/outbox.ts). */
  outbox: boolean;
  now: () => number;
}

type AppendReply = [0, number, number] | [1, Buffer, Buffer];
/** One reply per message, then each located user's {node, count, ...} entries (see APPEND). */
type AppendCallReply = (AppendReply | Buffer[][])[];

/** One pending cursor write of the current loop turn. */
interface CursorWrite {
  hash: string;
  conversationId: string;
  seq: number;
}

/** An append waiting for the end of its loop turn (see append). */
interface PendingAppend {
  input: AppendInput;
  messageId: string;
  sentAtMs: number;
  resolve: (result: AppendResult) => void;
  reject: (err: unknown) => void;
}

/** Appends per script call at most: a burst stays a few short calls, so Redis serves others between them. */
const MAX_APPENDS_PER_CALL = 128;

/** Cursor writes per script call at most, so one turn's burst stays a short call for Redis. */
const MAX_CURSORS_PER_CALL = 500;

const higherSeq = (queued: CursorWrite, next: CursorWrite): CursorWrite => (next.seq > queued.seq ? next : queued);

export class RedisStore implements MessageStore {
  private readonly ids = new IdGenerator();
  /** This loop turn's cursor writes, the highest seq per device and conversation. */
  private readonly cursorWrites = new TurnWrites<CursorWrite, Map<string, number>>(
    MAX_CURSORS_PER_CALL,
    (entries) => this.writeCursors(entries),
    (collect) => this.batcher.defer(collect),
  );
  private trimmedHere = 0;
  /** This loop turn's appends, sent as one script call at its end. */
  private appends: PendingAppend[] = [];

  constructor(
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly opts: RedisStoreOptions,
  ) {}

  /**
   * Queues the message for this loop turn's append call: one script call carries every append
   * of the turn (each still atomic, in call order) and the presence of the users they go to,
   * instead of an append and a presence lookup per message, which were most of the Redis
   * engine's cost per message (command objects, promises and replies in ioredis; script calls
   * in Redis).
   */
  append(input: AppendInput): Promise<AppendResult> {
    const tooLong = oversizedField(input);
    // Refused alone here: in the packed call it would fail the whole turn's appends.
    if (tooLong !== null) return Promise.reject(new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `${tooLong} is too long to store`));
    return new Promise<AppendResult>((resolve, reject) => {
      if (this.appends.length === 0) this.batcher.defer(this.sendAppends);
      this.appends.push({ input, messageId: this.ids.next(), sentAtMs: this.opts.now(), resolve, reject });
      if (this.appends.length >= MAX_APPENDS_PER_CALL) this.sendAppends();
    });
  }

  private readonly sendAppends = (): void => {
    const batch = this.appends;
    if (batch.length === 0) return;
    this.appends = [];
    // Runs inside the batcher's end of turn (see Batcher.defer): a failure rejects this batch's
    // callers, never the batcher.
    try {
      const { args, locatedUsers } = this.appendCall(batch);
      this.batcher.send<AppendCallReply>("sbAppendBuffer", this.keys.outbox(), ...args).then(
        (replies) => {
          try {
            this.settleAppends(batch, replies, locatedUsers);
          } catch (err) {
            // Callers already settled keep their result (a promise settles once).
            for (const p of batch) p.reject(err);
          }
        },
        (err: unknown) => {
          for (const p of batch) p.reject(err);
        },
      );
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };

  /** ARGV of one append call (see APPEND in scripts.ts), the packed argument last. */
  private appendCall(batch: readonly PendingAppend[]): { args: (string | number | Buffer)[]; locatedUsers: string[] } {
    const located = new Set<string>();
    const records: Uint8Array[] = [];
    /** Per message: dedupe suffix, "<senderId>:<clientMsgId>", index users joined by ",". */
    const strings: string[] = [];
    // Upper bound of the packed size: UTF-8 takes at most 3 bytes per UTF-16 unit.
    let size = 0;
    for (const { input, messageId, sentAtMs } of batch) {
      const record = encodeRecord(input, messageId, sentAtMs);
      const suffix = dedupeSuffix(sentAtMs, messageId, input.conversationId);
      const sentBy = `${input.senderId}:${input.clientMsgId}`;
      // User ids have no "," (USER_ID in core/ids.ts); the script indexes each once (SADD).
      const users = input.memberIds.join(",");
      records.push(record);
      strings.push(suffix, sentBy, users);
      size += 4 + record.length + 2 * 4 + 3 * (input.conversationId.length + suffix.length + sentBy.length + users.length);
      if (input.locate !== undefined) for (const u of input.locate) located.add(u);
    }
    const locatedUsers = [...located];
    for (const u of locatedUsers) size += 2 + 3 * u.length;
    const packed = Buffer.allocUnsafe(size);
    let at = 0;
    const str = (s: string): void => {
      const n = packed.write(s, at + 2);
      if (n > PACKED_FIELD_MAX) throw new RangeError(`append: a ${n}-byte string does not fit the packed format`);
      packed.writeUInt16LE(n, at);
      at += 2 + n;
    };
    for (let i = 0; i < batch.length; i++) {
      const record = records[i]!;
      str(batch[i]!.input.conversationId);
      packed.writeUInt32LE(record.length, at);
      packed.set(record, at + 4);
      at += 4 + record.length;
      str(strings[3 * i]!);
      str(strings[3 * i + 1]!);
      str(strings[3 * i + 2]!);
    }
    for (const u of locatedUsers) str(u);
    const args = [
      this.opts.dedupeTtlMs,
      this.opts.historyMaxPerConversation,
      batch[0]!.sentAtMs - this.opts.historyMaxAgeMs,
      this.opts.historyMaxAgeMs,
      this.opts.outbox ? "1" : "0",
      this.keys.nodeAlivePrefix(),
      this.keys.prefix,
      batch.length,
      locatedUsers.length,
      packed.subarray(0, at),
    ];
    return { args, locatedUsers };
  }

  private settleAppends(batch: PendingAppend[], replies: AppendCallReply, locatedUsers: readonly string[]): void {
    let located: Map<string, string[]> | undefined;
    if (locatedUsers.length > 0) {
      located = new Map();
      const entries = (replies[batch.length] ?? []) as Buffer[][];
      for (let i = 0; i < locatedUsers.length; i++) {
        const flat = entries[i];
        if (flat === undefined || flat.length === 0) continue;
        const nodes: string[] = [];
        for (let j = 0; j < flat.length; j += 2) nodes.push(flat[j]!.toString());
        located.set(locatedUsers[i]!, nodes);
      }
    }
    for (let i = 0; i < batch.length; i++) {
      const { input, messageId, sentAtMs, resolve, reject } = batch[i]!;
      // Positions below batch.length hold the messages' replies.
      const reply = replies[i] as AppendReply | undefined;
      if (reply === undefined) {
        reject(new Error("append script returned fewer replies than messages"));
        continue;
      }
      if (reply[0] === 1) {
        // The original's record is decoded here: a record that does not decode fails this
        // retry alone, not its turn (nor, unhandled, the process).
        let original: StoredMessage;
        try {
          original = this.original(reply, input);
        } catch (err) {
          reject(err);
          continue;
        }
        resolve({ message: original, duplicate: true, located });
        continue;
      }
      this.trimmedHere += reply[2];
      const message: StoredMessage = {
        messageId,
        conversationId: input.conversationId,
        seq: reply[1],
        senderId: input.senderId,
        senderDevice: input.senderDevice,
        clientMsgId: input.clientMsgId,
        body: input.body,
        contentType: input.contentType,
        sentAtMs,
      };
      resolve({ message, duplicate: false, located });
    }
  }

  async read(conversationId: string, afterSeq: number, limit: number): Promise<ReadResult> {
    const [lastSeq, oldestSeq, records] = await this.batcher.send<[number, number, Buffer[]]>(
      "sbReadBuffer",
      this.keys.seq(conversationId),
      this.keys.history(conversationId),
      Math.max(0, Math.floor(afterSeq)),
      Math.max(0, Math.floor(limit)),
    );
    return { messages: records.map((r) => decodeRecord(conversationId, r)), lastSeq, oldestSeq };
  }

  async conversationsOf(userId: string): Promise<ConversationHead[]> {
    const ids = await this.batcher.send<string[]>("smembers", this.keys.userConversations(userId));
    if (ids.length === 0) return [];
    const seqs = await this.batcher.send<(string | null)[]>("mget", ...ids.map((id) => this.keys.seq(id)));
    return ids.map((conversationId, i) => ({ conversationId, lastSeq: Number(seqs[i] ?? 0) }));
  }

  // Every delivered message is acked by its recipient and every sent one by its sender: two
  // cursor writes per message. One loop turn's writes go to Redis as one script call (the
  // highest seq per device and conversation), not one call each; every caller's promise
  // settles when that call does.
  async lastSeq(conversationId: string): Promise<number> {
    return Number((await this.batcher.send<string | null>("get", this.keys.seq(conversationId))) ?? 0);
  }

  async setCursor(userId: string, deviceId: string, conversationId: string, seq: number): Promise<number> {
    const key = `${userId}\u0000${deviceId}\u0000${conversationId}`;
    const written = await this.cursorWrites.add(key, { hash: this.keys.cursors(userId, deviceId), conversationId, seq }, higherSeq);
    return written.get(key) ?? 0;
  }

  /** Resolves with each entry's capped seq, by entry key. */
  private async writeCursors(entries: Map<string, CursorWrite>): Promise<Map<string, number>> {
    const keys: string[] = [];
    const args: (string | number)[] = [];
    for (const e of entries.values()) {
      keys.push(e.hash);
      args.push(e.conversationId, e.seq);
    }
    const written = await this.batcher.send<number[]>(
      "sbSetCursors",
      keys.length,
      ...keys,
      ...args,
      this.keys.prefix,
      this.opts.cursorTtlMs,
    );
    const byKey = new Map<string, number>();
    let i = 0;
    for (const key of entries.keys()) byKey.set(key, Number(written[i++] ?? 0));
    return byKey;
  }

  async cursors(userId: string, deviceId: string): Promise<Map<string, number>> {
    const all = await this.batcher.send<Record<string, string>>("hgetall", this.keys.cursors(userId, deviceId));
    return new Map(Object.entries(all).map(([conversationId, seq]) => [conversationId, Number(seq)]));
  }

  /** History entries this node's appends trimmed (by count or age) since it started. */
  trimmedByThisNode(): number {
    return this.trimmedHere;
  }

  private original(reply: [1, Buffer, Buffer], input: AppendInput): StoredMessage {
    const dedupe = reply[1].toString("utf8");
    if (reply[2].length === 0) return fromDedupe(dedupe, input);
    return decodeRecord(fromDedupe(dedupe, input).conversationId, reply[2]);
  }
}

/** Length prefixes of the packed append call (see APPEND): 2 bytes for every field but the record. */
const PACKED_FIELD_MAX = 0xffff;
/** "<sentAtMs>:<messageId>:" before the conversation id in the dedupe suffix: under 64 bytes. */
const SUFFIX_HEAD_MAX = 64;

/** The first field of `input` whose UTF-8 form cannot be length-prefixed in the packed call, or
 * null. UTF-8 takes at most 3 bytes per UTF-16 unit, so short fields (every id here) pass on
 * their length alone; only a long one is measured. No closure or string on the common path. */
function oversizedField(input: AppendInput): string | null {
  const conv = input.conversationId;
  if (3 * (conv.length + SUFFIX_HEAD_MAX) > PACKED_FIELD_MAX && Buffer.byteLength(conv) + SUFFIX_HEAD_MAX > PACKED_FIELD_MAX)
    return "conversation_id";
  const { senderId, clientMsgId } = input;
  if (
    3 * (senderId.length + 1 + clientMsgId.length) > PACKED_FIELD_MAX &&
    Buffer.byteLength(senderId) + 1 + Buffer.byteLength(clientMsgId) > PACKED_FIELD_MAX
  )
    return "client_msg_id";
  let units = 0;
  for (const u of input.memberIds) units += u.length + 1;
  if (3 * units > PACKED_FIELD_MAX && Buffer.byteLength(input.memberIds.join(",")) > PACKED_FIELD_MAX) return "member list";
  return null;
}
