// The memory engine's idempotency window: which (sender, client_msg_id) were accepted, for ttlMs
// and at most maxEntries. Two properties a single Map lacks:
// - Bounded: past maxEntries the oldest keys are forgotten early (counted in `evicted`), so a
//   busy node's memory does not grow with its send rate times the TTL.
// - No long stall: a Map rehashes all its entries at once when it grows or compacts (over 100 ms
//   at a million keys here, on the event loop). Keys are spread over shards that each stay small.
// Every shard is a Map in insertion order, which is time order: expiry and eviction both drop
// from the front.

export interface DedupeWindowOptions<V> {
  ttlMs: number;
  maxEntries: number;
  /** When the value was stored (ms), for the TTL; read from the value to save a wrapper per key. */
  storedAt: (value: V) => number;
  shards?: number;
}

export class DedupeWindow<V> {
  private readonly shards: Map<string, V>[];
  /** Per shard, the iterator eviction advances: a fresh keys() would walk past every slot
   * already deleted at the front on each call, which is quadratic under steady eviction. Made
   * at the first eviction and dropped by sweep(): an iterator that is not advanced keeps every
   * table its Map outgrew since (V8 moves it to the new table only on next()), deleted entries
   * included. While evicting, each set() advances it, so it holds one old table at most. */
  private readonly cursors: (IterableIterator<string> | undefined)[];
  private readonly perShard: number;
  private count = 0;
  private evictedTotal = 0;
  private lastKey: string | undefined = undefined;
  private lastShard = 0;

  constructor(private readonly opts: DedupeWindowOptions<V>) {
    if (!(opts.maxEntries >= 1)) throw new RangeError(`maxEntries must be at least 1, got ${opts.maxEntries}`);
    // At least one key per shard, and shards × perShard ≤ maxEntries: the bound holds in total.
    const n = Math.max(1, Math.min(opts.shards ?? 64, opts.maxEntries));
    this.shards = Array.from({ length: n }, () => new Map<string, V>());
    this.cursors = this.shards.map(() => undefined);
    this.perShard = Math.floor(opts.maxEntries / n);
  }

  /** The value stored under key, unless it expired (an expired key is dropped here). */
  get(key: string, now: number): V | undefined {
    const shard = this.shards[this.shardOf(key)]!;
    const v = shard.get(key);
    if (v === undefined) return undefined;
    if (this.opts.storedAt(v) > now - this.opts.ttlMs) return v;
    // Re-setting would keep the Map's insertion slot: drop it so the order stays by time.
    shard.delete(key);
    this.count -= 1;
    return undefined;
  }

  /** Stores a key that get() did not return. */
  set(key: string, value: V): void {
    const i = this.shardOf(key);
    const shard = this.shards[i]!;
    if (shard.size >= this.perShard) this.evictOldest(i);
    shard.set(key, value);
    this.count += 1;
  }

  /**
   * Replaces the value stored under key if it is still `expected`, keeping the key's place in
   * time order (Map#set on a present key does). False when the key is gone or holds another value.
   */
  replaceIf(key: string, expected: V, value: V): boolean {
    const shard = this.shards[this.shardOf(key)]!;
    if (shard.get(key) !== expected) return false;
    shard.set(key, value);
    return true;
  }

  /** Drops expired keys; a shard stops at its first fresh one. */
  sweep(now: number): number {
    const cutoff = now - this.opts.ttlMs;
    let dropped = 0;
    for (const shard of this.shards) {
      for (const [key, v] of shard) {
        if (this.opts.storedAt(v) > cutoff) break;
        shard.delete(key);
        dropped += 1;
      }
    }
    this.count -= dropped;
    this.cursors.fill(undefined);
    return dropped;
  }

  get size(): number {
    return this.count;
  }

  /** Keys held at most: maxEntries rounded down to a multiple of the shard count. */
  get capacity(): number {
    return this.perShard * this.shards.length;
  }

  /** Keys forgotten before their TTL because the window was full. */
  get evicted(): number {
    return this.evictedTotal;
  }

  private evictOldest(i: number): void {
    const shard = this.shards[i]!;
    let cursor = this.cursors[i] ?? shard.keys();
    let next = cursor.next();
    if (next.done === true) {
      // Not expected (keys before the cursor are all deleted, and the shard is not empty), but an
      // iterator that reached the end stays there: start again from the shard's front.
      cursor = shard.keys();
      next = cursor.next();
    }
    this.cursors[i] = cursor;
    if (next.done === true) return;
    shard.delete(next.value);
    this.count -= 1;
    this.evictedTotal += 1;
  }

  private shardOf(key: string): number {
    // set() follows get() with the same string: hash it once.
    if (key === this.lastKey) return this.lastShard;
    // FNV-1a over the last 16 chars: client_msg_ids differ there, and a whole long key costs more.
    let h = 0x811c9dc5;
    for (let j = Math.max(0, key.length - 16); j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    this.lastKey = key;
    this.lastShard = (h >>> 0) % this.shards.length;
    return this.lastShard;
  }
}
