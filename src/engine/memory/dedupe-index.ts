// The memory engine's dedupe window, with no JavaScript object per key: a full GC walks every
// object held, and up to MEMORY_DEDUPE_MAX keys (a million by default) are held. Keys are
// (sender, client_msg_id); entries live in a ring in insertion order (so the oldest go first, for
// the count bound and for the TTL), keys in a ring of UTF-16 code units, and lookups go through
// an open-addressing table of ring slots. All of it is typed arrays, allocated once: pages are
// only committed as entries reach them.

/** Code units of key text reserved per entry; longer keys on average mean fewer entries held. */
const KEY_UNITS_PER_ENTRY = 32;

/** Marks a ring slot whose key was taken out of the table (it expired when looked up). */
const NOT_IN_TABLE = -1;

export interface DedupeIndexOptions {
  maxEntries: number;
  ttlMs: number;
  /** The longest client_msg_id accepted (code units). */
  maxKeyLength: number;
}

export class DedupeIndex {
  private readonly cap: number;
  // Per ring slot.
  private readonly hashes: Int32Array;
  private readonly senders: Int32Array;
  private readonly keyOffsets: Int32Array;
  private readonly keyLengths: Int32Array;
  /** Key units the entry took from the key ring: its length plus the padding before it. */
  private readonly keySpans: Int32Array;
  readonly conversations: Int32Array;
  readonly seqs: Float64Array;
  readonly sentAts: Float64Array;
  readonly messageNumbers: Float64Array;
  /** Ring slot + 1 per position; 0 is empty. Linear probing, at most half full. */
  private readonly table: Int32Array;
  private readonly tableMask: number;
  private readonly keys: Uint16Array;
  private head = 0;
  /** Ring entries, those that expired on lookup (NOT_IN_TABLE) included. */
  private count = 0;
  private expiredInRing = 0;
  private keysHead = 0;
  private keysUsed = 0;
  private evictedTotal = 0;
  private readonly senderNumbers = new Map<string, number>();

  constructor(private readonly opts: DedupeIndexOptions) {
    if (!(opts.maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${opts.maxEntries}`);
    this.cap = opts.maxEntries;
    this.hashes = new Int32Array(this.cap);
    this.senders = new Int32Array(this.cap);
    this.keyOffsets = new Int32Array(this.cap);
    this.keyLengths = new Int32Array(this.cap);
    this.keySpans = new Int32Array(this.cap);
    this.conversations = new Int32Array(this.cap);
    this.seqs = new Float64Array(this.cap);
    this.sentAts = new Float64Array(this.cap);
    this.messageNumbers = new Float64Array(this.cap);
    let size = 4;
    while (size < 2 * this.cap) size *= 2;
    this.table = new Int32Array(size);
    this.tableMask = size - 1;
    this.keys = new Uint16Array(Math.max(2 * opts.maxKeyLength, this.cap * KEY_UNITS_PER_ENTRY));
  }

  /** A number per sender (users are few next to their messages). */
  sender(senderId: string): number {
    let n = this.senderNumbers.get(senderId);
    if (n === undefined) {
      n = this.senderNumbers.size;
      this.senderNumbers.set(senderId, n);
    }
    return n;
  }

  /**
   * The ring slot holding (sender, key), or -1. An expired entry is forgotten here. A caller that
   * adds the key after a miss passes the same hash to both.
   */
  find(sender: number, key: string, now: number, hash = hashKey(sender, key)): number {
    const mask = this.tableMask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const v = this.table[i]!;
      if (v === 0) return -1;
      const slot = v - 1;
      if (this.hashes[slot] === hash && this.senders[slot] === sender && this.keyEquals(slot, key)) {
        if (this.sentAts[slot]! > now - this.opts.ttlMs) return slot;
        this.unlink(slot);
        this.senders[slot] = NOT_IN_TABLE;
        this.expiredInRing += 1;
        return -1;
      }
    }
  }

  /** Adds a key that find() did not return; the oldest entries go first if the window is full. */
  add(
    sender: number,
    key: string,
    conversation: number,
    seq: number,
    sentAtMs: number,
    messageNumber: number,
    hash = hashKey(sender, key),
  ): void {
    if (key.length > this.opts.maxKeyLength) throw new RangeError(`key longer than ${this.opts.maxKeyLength}`);
    if (this.count === this.cap) this.evictOldest(true);
    const len = key.length;
    const size = this.keys.length;
    let tail = (this.keysHead + this.keysUsed) % size;
    let pad = tail + len > size ? size - tail : 0;
    while (this.keysUsed + pad + len > size) {
      this.evictOldest(true);
      if (this.count === 0) {
        this.keysHead = 0;
        this.keysUsed = 0;
        tail = 0;
        pad = 0;
      }
    }
    const offset = (tail + pad) % size;
    for (let j = 0; j < len; j++) this.keys[offset + j] = key.charCodeAt(j);
    this.keysUsed += pad + len;

    const slot = (this.head + this.count) % this.cap;
    this.count += 1;
    this.hashes[slot] = hash;
    this.senders[slot] = sender;
    this.keyOffsets[slot] = offset;
    this.keyLengths[slot] = len;
    this.keySpans[slot] = pad + len;
    this.conversations[slot] = conversation;
    this.seqs[slot] = seq;
    this.sentAts[slot] = sentAtMs;
    this.messageNumbers[slot] = messageNumber;
    const mask = this.tableMask;
    let i = hash & mask;
    while (this.table[i] !== 0) i = (i + 1) & mask;
    this.table[i] = slot + 1;
  }

  /** Drops the entries past their TTL (the oldest first; stops at the first fresh one). */
  sweep(now: number): number {
    const cutoff = now - this.opts.ttlMs;
    let dropped = 0;
    while (this.count > 0 && this.sentAts[this.head]! <= cutoff) {
      this.evictOldest(false);
      dropped += 1;
    }
    return dropped;
  }

  /** Keys held (not those that expired on lookup and wait in the ring for their turn to go). */
  get size(): number {
    return this.count - this.expiredInRing;
  }

  get capacity(): number {
    return this.cap;
  }

  /** Keys forgotten before their TTL because the window was full. */
  get evicted(): number {
    return this.evictedTotal;
  }

  private evictOldest(early: boolean): void {
    const slot = this.head;
    if (this.senders[slot] !== NOT_IN_TABLE) {
      this.unlink(slot);
      if (early) this.evictedTotal += 1;
    } else {
      this.expiredInRing -= 1;
    }
    this.keysHead = (this.keysHead + this.keySpans[slot]!) % this.keys.length;
    this.keysUsed -= this.keySpans[slot]!;
    this.head = (this.head + 1) % this.cap;
    this.count -= 1;
  }

  private keyEquals(slot: number, key: string): boolean {
    const len = this.keyLengths[slot]!;
    if (len !== key.length) return false;
    const offset = this.keyOffsets[slot]!;
    for (let j = 0; j < len; j++) if (this.keys[offset + j] !== key.charCodeAt(j)) return false;
    return true;
  }

  /** Takes a slot out of the table, shifting back the entries its place kept from theirs. */
  private unlink(slot: number): void {
    const mask = this.tableMask;
    let i = this.hashes[slot]! & mask;
    while (this.table[i] !== slot + 1) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; this.table[j] !== 0; j = (j + 1) & mask) {
      const home = this.hashes[this.table[j]! - 1]! & mask;
      // The entry at j may move back to i unless its home lies cyclically in (i, j].
      const stays = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!stays) {
        this.table[i] = this.table[j]!;
        i = j;
      }
    }
    this.table[i] = 0;
  }
}

/** FNV-1a over the key's code units, seeded with the sender, finished with a mix. */
export function hashKey(sender: number, key: string): number {
  let h = Math.imul(0x811c9dc5 ^ sender, 0x01000193);
  for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
