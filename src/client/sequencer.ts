// Per-conversation delivery order and dedupe, with no I/O: the client feeds it every message it
// receives (live pushes and sync pages alike) and it decides what to deliver. A conversation's
// cursor is the last *contiguous* seq received; messages past a hole are held until the hole is
// filled (by sync) or the server says the missing seqs no longer exist.

/** The fields the sequencer needs from a message. */
export interface Sequenced {
  readonly conversationId: string;
  readonly seq: number;
}

/** Where released messages and cursor moves go (the client: emit + ack + persist). */
export interface SequencerSink<T> {
  deliver(message: T): void;
  /** The conversation's contiguous cursor moved forward to `seq`. */
  advanced(conversationId: string, seq: number): void;
}

/**
 * delivered: released (possibly with held successors); duplicate: seq already seen, dropped;
 * held: past a hole that was already open; gap: opened a new hole, the caller should sync.
 */
export type OfferResult = "delivered" | "duplicate" | "held" | "gap";

export interface SyncCursor {
  conversationId: string;
  afterSeq: number;
}

interface Track<T> {
  last: number;
  /** seq -> message past a hole; null marks a seq received without a message (our own send). */
  held: Map<number, T | null> | null;
}

export class Sequencer<T extends Sequenced> {
  private readonly tracks = new Map<string, Track<T>>();

  constructor(private readonly sink: SequencerSink<T>) {}

  /** Merges stored cursors (keeps the larger); held messages now at or below a cursor are dropped. */
  load(entries: Iterable<readonly [string, number]>): void {
    for (const [conversationId, seq] of entries) {
      const t = this.track(conversationId);
      if (seq <= t.last) continue;
      t.last = seq;
      if (t.held !== null) {
        for (const k of [...t.held.keys()]) if (k <= seq) t.held.delete(k);
      }
      this.drain(conversationId, t, false);
    }
  }

  /** Last contiguous seq received in the conversation (0 when none). */
  cursor(conversationId: string): number {
    return this.tracks.get(conversationId)?.last ?? 0;
  }

  /** Every known conversation's cursor, for a sync request. */
  cursors(): SyncCursor[] {
    const out: SyncCursor[] = [];
    for (const [conversationId, t] of this.tracks) out.push({ conversationId, afterSeq: t.last });
    return out;
  }

  /** Conversations with messages held behind a hole. */
  gapped(): string[] {
    const out: string[] = [];
    for (const [conversationId, t] of this.tracks) if (t.held !== null) out.push(conversationId);
    return out;
  }

  hasGap(conversationId: string): boolean {
    return this.tracks.get(conversationId)?.held != null;
  }

  /** Lowest held seq (the far side of the first hole), or 0 when nothing is held. */
  firstHeld(conversationId: string): number {
    const held = this.tracks.get(conversationId)?.held;
    if (held == null) return 0;
    let min = Infinity;
    for (const k of held.keys()) if (k < min) min = k;
    return min;
  }

  /** Drops a conversation (cursor and held messages): one this user can no longer read. */
  forget(conversationId: string): void {
    this.tracks.delete(conversationId);
  }

  offer(message: T): OfferResult {
    return this.accept(message.conversationId, message.seq, message);
  }

  /**
   * Records a seq this device sent (its send_ack): the server does not push a sender's own
   * message back to the sending session, so without this every reply would look like a gap.
   */
  markOwn(conversationId: string, seq: number): OfferResult {
    return this.accept(conversationId, seq, null);
  }

  /**
   * The server has sent everything it holds up to `seq` (a sync's final page): seqs still
   * missing at or below it are gone (trimmed history), so release what waits behind them.
   */
  resolveThrough(conversationId: string, seq: number): void {
    const t = this.track(conversationId);
    const before = t.last;
    if (t.held !== null) {
      const keys = [...t.held.keys()].filter((k) => k <= seq).sort((a, b) => a - b);
      for (const k of keys) {
        const m = t.held.get(k);
        t.held.delete(k);
        if (k <= t.last) continue;
        t.last = k;
        if (m != null) this.sink.deliver(m);
      }
      if (t.held.size === 0) t.held = null;
    }
    if (t.last < seq) t.last = seq;
    this.drain(conversationId, t, false);
    if (t.last > before) this.sink.advanced(conversationId, t.last);
  }

  private accept(conversationId: string, seq: number, message: T | null): OfferResult {
    const t = this.track(conversationId);
    if (seq <= t.last) return "duplicate";
    if (seq === t.last + 1) {
      t.last = seq;
      if (message !== null) this.sink.deliver(message);
      this.drain(conversationId, t, true);
      return "delivered";
    }
    if (t.held === null) {
      t.held = new Map([[seq, message]]);
      return "gap";
    }
    if (t.held.has(seq)) {
      // A held placeholder for our own send stays a placeholder: never deliver our own message.
      return "duplicate";
    }
    t.held.set(seq, message);
    return "held";
  }

  /** Releases held messages that now follow the cursor; reports the move when `report`. */
  private drain(conversationId: string, t: Track<T>, report: boolean): void {
    const held = t.held;
    if (held !== null) {
      for (let m = held.get(t.last + 1); m !== undefined; m = held.get(t.last + 1)) {
        held.delete(t.last + 1);
        t.last += 1;
        if (m !== null) this.sink.deliver(m);
      }
      if (held.size === 0) t.held = null;
    }
    if (report) this.sink.advanced(conversationId, t.last);
  }

  private track(conversationId: string): Track<T> {
    let t = this.tracks.get(conversationId);
    if (t === undefined) {
      t = { last: 0, held: null };
      this.tracks.set(conversationId, t);
    }
    return t;
  }
}

/** "dm:b:a" -> "dm:a:b": the server answers with the sorted form, so cursors are keyed by it. */
export function canonicalConversationId(id: string): string {
  // Called for every send and ack: compare the two user ids in place, allocating only to swap.
  if (id.charCodeAt(0) !== 100 || id.charCodeAt(1) !== 109 || id.charCodeAt(2) !== 58) return id; // not "dm:"
  const sep = id.indexOf(":", 3);
  if (sep < 0 || id.indexOf(":", sep + 1) >= 0) return id;
  const aLen = sep - 3;
  const bLen = id.length - sep - 1;
  for (let i = 0; i < aLen && i < bLen; i += 1) {
    const a = id.charCodeAt(3 + i);
    const b = id.charCodeAt(sep + 1 + i);
    if (a !== b) return a < b ? id : `dm:${id.slice(sep + 1)}:${id.slice(3, sep)}`;
  }
  return aLen <= bLen ? id : `dm:${id.slice(sep + 1)}:${id.slice(3, sep)}`;
}
