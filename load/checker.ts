// Loss, duplicate and order checking for the messages one worker sends and receives. A worker
// always holds every member of its conversations, so it sees both the sender's acks and every
// recipient's deliveries: a loss (acked but never delivered to a member that stayed connected)
// is decided locally, without shipping per-message state to the coordinator.

/**
 * A set of positive sequence numbers stored as a contiguous watermark plus the few seqs above it:
 * a healthy stream arrives (nearly) in order, so memory stays tiny however many messages flow.
 */
export class SeqSet {
  /** Every seq in 1..low is present. */
  low = 0;
  private readonly above = new Set<number>();
  private top = 0;

  /** Adds `seq`; false when it was already present. */
  add(seq: number): boolean {
    if (seq <= this.low || this.above.has(seq)) return false;
    if (seq > this.top) this.top = seq;
    if (seq !== this.low + 1) {
      this.above.add(seq);
      return true;
    }
    this.low = seq;
    while (this.above.delete(this.low + 1)) this.low += 1;
    return true;
  }

  has(seq: number): boolean {
    return seq <= this.low || this.above.has(seq);
  }

  get max(): number {
    return this.top;
  }

  /** Members greater than `after`, ascending. */
  *after(after: number): Generator<number> {
    for (let s = after + 1; s <= this.low; s += 1) yield s;
    const rest = [...this.above].filter((s) => s > after).sort((a, b) => a - b);
    yield* rest;
  }
}

export type DeliveryVerdict = "new" | "duplicate" | "out_of_order";

const NONE: ReadonlySet<string> = new Set();

export interface Loss {
  conversationId: string;
  seq: number;
  recipient: string;
}

interface Stream {
  /** Delivered seqs plus the recipient's own acked sends (which it is never sent back). */
  readonly seen: SeqSet;
  /** Highest seq delivered, for the order check: a later delivery below it arrived out of order. */
  maxDelivered: number;
}

const MAX_LOSS_EXAMPLES = 20;

/** One conversation: its members (in watch order) and each member's stream. */
interface Conversation {
  readonly members: string[];
  readonly streams: Map<string, Stream>;
  /** Seqs the server acked (sent by any member). */
  readonly acked: SeqSet;
}

export class DeliveryChecker {
  /** Keyed by conversation, then recipient: no string is built per message. */
  private readonly conversations = new Map<string, Conversation>();
  private readonly gone = new Set<string>();
  duplicates = 0;
  outOfOrder = 0;
  /** Deliveries expected so far (acked messages × members still connected) and those seen. */
  expected = 0;
  deliveredUnique = 0;

  /** Declares `recipient` a member of `conversationId`: from now on it must receive what others send there. */
  watch(recipient: string, conversationId: string): void {
    const c = this.conversation(conversationId);
    if (!c.members.includes(recipient)) c.members.push(recipient);
    this.stream(c, recipient);
  }

  /** The recipient disconnected: it no longer counts for loss (it would catch up by sync). */
  disconnected(recipient: string): void {
    this.gone.add(recipient);
  }

  /** The server acked `sender`'s message at `seq`. */
  acked(conversationId: string, seq: number, sender: string): void {
    const c = this.conversation(conversationId);
    if (!c.acked.add(seq)) return;
    // The sender's own copy is never pushed back to the sending session: count it as seen.
    this.stream(c, sender).seen.add(seq);
    const members = c.members;
    for (let i = 0; i < members.length; i += 1) {
      const m = members[i]!;
      if (m !== sender && (this.gone.size === 0 || !this.gone.has(m))) this.expected += 1;
    }
  }

  delivered(recipient: string, conversationId: string, seq: number): DeliveryVerdict {
    const s = this.stream(this.conversation(conversationId), recipient);
    if (!s.seen.add(seq)) {
      this.duplicates += 1;
      return "duplicate";
    }
    this.deliveredUnique += 1;
    if (seq < s.maxDelivered) {
      this.outOfOrder += 1;
      return "out_of_order";
    }
    s.maxDelivered = seq;
    return "new";
  }

  /** Deliveries still awaited; 0 means every acked message reached every connected member. */
  pending(): number {
    return Math.max(0, this.expected - this.deliveredUnique);
  }

  /** Recipients (that stayed connected) still missing acked seqs, with those conversations. */
  shortfalls(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const m of this.missing()) {
      const list = out.get(m.recipient);
      if (list === undefined) out.set(m.recipient, [m.conversationId]);
      // A recipient's missing seqs of one conversation come one after another.
      else if (list[list.length - 1] !== m.conversationId) list.push(m.conversationId);
    }
    return out;
  }

  /**
   * Every acked seq a member that stayed connected never received (first few as examples).
   * `unverified` holds recipient + "\u0000" + conversation pairs whose final sync never answered:
   * their missing seqs are counted apart, as neither delivered nor proven lost.
   */
  losses(unverified: ReadonlySet<string> = NONE): { count: number; examples: Loss[]; unverified: number } {
    let count = 0;
    let unknown = 0;
    const examples: Loss[] = [];
    for (const m of this.missing()) {
      if (unverified.size > 0 && unverified.has(`${m.recipient}\u0000${m.conversationId}`)) {
        unknown += 1;
        continue;
      }
      count += 1;
      if (examples.length < MAX_LOSS_EXAMPLES) examples.push(m);
    }
    return { count, examples, unverified: unknown };
  }

  /** Each acked seq a member that stayed connected has not received, by conversation and member. */
  private *missing(): Generator<Loss> {
    for (const [conversationId, c] of this.conversations) {
      if (c.acked.max === 0) continue;
      for (const recipient of c.members) {
        if (this.gone.has(recipient)) continue;
        const seen = this.stream(c, recipient).seen;
        for (const seq of c.acked.after(seen.low)) if (!seen.has(seq)) yield { conversationId, seq, recipient };
      }
    }
  }

  private conversation(conversationId: string): Conversation {
    let c = this.conversations.get(conversationId);
    if (c === undefined) {
      c = { members: [], streams: new Map(), acked: new SeqSet() };
      this.conversations.set(conversationId, c);
    }
    return c;
  }

  private stream(c: Conversation, recipient: string): Stream {
    let s = c.streams.get(recipient);
    if (s === undefined) {
      s = { seen: new SeqSet(), maxDelivered: 0 };
      c.streams.set(recipient, s);
    }
    return s;
  }
}
