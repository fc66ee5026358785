// Sends not yet acknowledged by the server. Entries survive disconnects and are resent (same
// client_msg_id, so the server dedupes) until a send_ack or a non-retryable error settles them.
import { ErrorCode } from "../protocol/proto.js";
import { backoffDelay, type BackoffPolicy } from "./backoff.js";
import { canonicalConversationId } from "./sequencer.js";
import type { Timer } from "./timers.js";

/** What a send_ack resolves a send with (the decoded frame satisfies it). */
export interface SendAck {
  clientMsgId: string;
  conversationId: string;
  messageId: string;
  seq: number;
  sentAtMs: number;
  duplicate: boolean;
}

export interface OutboxEntry {
  readonly clientMsgId: string;
  readonly conversationId: string;
  /** canonicalConversationId(conversationId), computed once. */
  readonly canonicalId: string;
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly promise: Promise<SendAck>;
  readonly resolve: (ack: SendAck) => void;
  readonly reject: (err: Error) => void;
  /** req_id of the latest transmission (0 while not on the wire). */
  reqId: number;
  /** Retryable errors received so far (drives the retry backoff). */
  errors: number;
  /** Resend deadline or retry delay, when one is running. */
  timer: Timer | null;
}

/** Insertion-ordered, so a reconnect resends in the original order. */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  /** Canonical conversation id -> entries in it (absent when none). */
  private readonly perConversation = new Map<string, number>();

  /** Creates and stores an entry, or returns the in-flight one with the same client_msg_id. */
  add(clientMsgId: string, conversationId: string, body: Uint8Array, contentType: string): { entry: OutboxEntry; existing: boolean } {
    const found = this.entries.get(clientMsgId);
    if (found !== undefined) return { entry: found, existing: true };
    let resolve!: (ack: SendAck) => void;
    let reject!: (err: Error) => void;
    const promise = new Promise<SendAck>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const c = canonicalConversationId(conversationId);
    const entry: OutboxEntry = {
      clientMsgId,
      conversationId,
      canonicalId: c,
      body,
      contentType,
      promise,
      resolve,
      reject,
      reqId: 0,
      errors: 0,
      timer: null,
    };
    this.entries.set(clientMsgId, entry);
    this.perConversation.set(c, (this.perConversation.get(c) ?? 0) + 1);
    return { entry, existing: false };
  }

  /** Whether a send in the conversation (canonical id) still awaits its send_ack. */
  hasPendingIn(conversationId: string): boolean {
    return this.perConversation.has(conversationId);
  }

  get(clientMsgId: string): OutboxEntry | undefined {
    return this.entries.get(clientMsgId);
  }

  /** Removes and resolves the entry; returns false when it was already settled. */
  settle(clientMsgId: string, ack: SendAck): boolean {
    const e = this.take(clientMsgId);
    if (e === undefined) return false;
    e.resolve(ack);
    return true;
  }

  /** Removes and rejects the entry. */
  fail(clientMsgId: string, err: Error): boolean {
    const e = this.take(clientMsgId);
    if (e === undefined) return false;
    e.reject(err);
    return true;
  }

  /** Rejects everything (final close). */
  failAll(err: Error): void {
    for (const id of [...this.entries.keys()]) this.fail(id, err);
  }

  values(): IterableIterator<OutboxEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  private take(clientMsgId: string): OutboxEntry | undefined {
    const e = this.entries.get(clientMsgId);
    if (e === undefined) return undefined;
    this.entries.delete(clientMsgId);
    const c = e.canonicalId;
    const n = (this.perConversation.get(c) ?? 1) - 1;
    if (n <= 0) this.perConversation.delete(c);
    else this.perConversation.set(c, n);
    e.timer?.cancel();
    e.timer = null;
    return e;
  }
}

/** The part of a ServerError the retry policy looks at. */
export interface RetryInput {
  code: ErrorCode;
  retryable: boolean;
  retryAfterMs: number;
}

/**
 * How long to wait before resending after the `errors`-th (1-based) error for one send, or null
 * to give up. Retryable codes back off (never sooner than the server's retry_after_ms); INTERNAL
 * is retried once, as the error table says; everything else is the caller's to fix.
 */
export function retryDelay(err: RetryInput, errors: number, policy: BackoffPolicy, random: () => number = Math.random): number | null {
  if (!err.retryable) return null;
  if (err.code === ErrorCode.INTERNAL && errors > 1) return null;
  return Math.max(err.retryAfterMs, backoffDelay(errors - 1, policy, random));
}
