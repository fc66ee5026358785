// Sequencing, dedupe, hot history, cursors and the user -> conversations index in Redis. Each
// append is one script call (atomic), and the batcher sends the calls of one loop turn together.
import { IdGenerator } from "../../core/ids.js";
import type { AppendInput, AppendResult, ConversationHead, MessageStore, ReadResult, StoredMessage } from "../types.js";
import type { Batcher } from "./batcher.js";
import { decodeRecord, dedupeSuffix, encodeRecord, fromDedupe } from "./codec.js";
import type { Keys } from "./keys.js";
import { TurnWrites } from "./turn-writes.js";

export interface RedisStoreOptions {
  historyMaxPerConversation: number;
  historyMaxAgeMs: number;
  dedupeTtlMs: number;
  /** Also queue every appended message in the outbox stream, in the same script call (set when
   * MySQL persistence runs with ACK_MODE=store; see src/persistence/outbox.ts). */
  outbox: boolean;
  now: () => number;
}

type AppendReply = [0, number, number] | [1, Buffer, Buffer];

/** One pending cursor write of the current loop turn. */
interface CursorWrite {
  hash: string;
  conversationId: string;
  seq: number;
}

/** Cursor writes per script call at most, so one turn's burst stays a short call for Redis. */
const MAX_CURSORS_PER_CALL = 500;

const higherSeq = (queued: CursorWrite, next: CursorWrite): CursorWrite => (next.seq > queued.seq ? next : queued);

export class RedisStore implements MessageStore {
  private readonly ids = new IdGenerator();
  /** This loop turn's cursor writes, the highest seq per device and conversation. */
  private readonly cursorWrites = new TurnWrites<CursorWrite>(MAX_CURSORS_PER_CALL, (entries) => this.writeCursors(entries));
  private trimmedHere = 0;

  constructor(
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly opts: RedisStoreOptions,
  ) {}

  async append(input: AppendInput): Promise<AppendResult> {
    const messageId = this.ids.next();
    const sentAtMs = this.opts.now();
    const record = encodeRecord(input, messageId, sentAtMs);
    const users = [...new Set(input.memberIds)];
    const k = this.keys;
    const reply = await this.batcher.send<AppendReply>(
      "sbAppendBuffer",
      4 + users.length,
      k.seq(input.conversationId),
      k.history(input.conversationId),
      k.dedupe(input.senderId, input.clientMsgId),
      k.outbox(),
      ...users.map((u) => k.userConversations(u)),
      record,
      dedupeSuffix(sentAtMs, messageId, input.conversationId),
      input.conversationId,
      this.opts.dedupeTtlMs,
      this.opts.historyMaxPerConversation,
      sentAtMs - this.opts.historyMaxAgeMs,
      this.opts.historyMaxAgeMs,
      this.opts.outbox ? "1" : "0",
    );
    if (reply[0] === 1) return { message: this.original(reply, input), duplicate: true };
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
    return { message, duplicate: false };
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
  setCursor(userId: string, deviceId: string, conversationId: string, seq: number): Promise<void> {
    return this.cursorWrites.add(
      `${userId}\u0000${deviceId}\u0000${conversationId}`,
      { hash: this.keys.cursors(userId, deviceId), conversationId, seq },
      higherSeq,
    );
  }

  private async writeCursors(entries: Map<string, CursorWrite>): Promise<void> {
    const keys: string[] = [];
    const args: (string | number)[] = [];
    for (const e of entries.values()) {
      keys.push(e.hash);
      args.push(e.conversationId, e.seq);
    }
    await this.batcher.send<number>("sbSetCursors", keys.length, ...keys, ...args);
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
