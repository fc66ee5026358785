// The memory engine's typed-array dedupe window against a model, on seeded random traffic: a hit
// is always the latest entry for exactly that (sender, key); entries go oldest first, for the count
// bound, for the key ring's room and for the TTL; the table survives every deletion pattern.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../helpers/random.js";
import { DedupeIndex, hashKey } from "../../src/engine/memory/dedupe-index.js";

interface Entry {
  sender: number;
  key: string;
  seq: number;
  at: number;
}

function scenario(seed: number, longKeys: boolean): void {
  const ri = seededRandom(seed);
  const maxEntries = 1 + ri(40);
  const ttlMs = 50 + ri(200);
  const maxKeyLength = 128;
  const index = new DedupeIndex({ maxEntries, ttlMs, maxKeyLength });
  // Entries in insertion order; `live` says which the index may still hold.
  const log: (Entry & { live: boolean })[] = [];
  const latest = new Map<string, number>();
  const senders = ["alice", "bob", "carol"].map((s) => index.sender(s));
  let now = 1_000;
  let seq = 0;
  const keyOf = (): string => {
    // Few distinct keys, so that retries and collisions of hash slots are common.
    const base = `k${ri(longKeys ? 60 : 25)}`;
    return longKeys ? base.padEnd(1 + ri(maxKeyLength), "x") : base;
  };
  for (let op = 0; op < 3000; op++) {
    const at = `seed ${seed} op ${op}`;
    now += ri(4);
    const sender = senders[ri(senders.length)]!;
    const key = keyOf();
    const id = `${sender}\u0000${key}`;
    const slot = index.find(sender, key, now);
    const last = latest.get(id);
    const expected = last !== undefined && log[last]!.live && log[last]!.at > now - ttlMs ? log[last]! : undefined;
    if (slot >= 0) {
      // A hit is the latest entry for this exact key, still fresh.
      expect(expected, at).toBeDefined();
      expect(index.seqs[slot], at).toBe(expected!.seq);
      continue;
    }
    // A miss on a fresh key is allowed only if the index dropped it early (count or key room),
    // which takes the oldest first: nothing older than a held entry may be missing.
    if (expected !== undefined) {
      expect(longKeys, `${at}: a fresh key among the newest maxEntries was not found`).toBe(true);
      expected.live = false;
      for (let i = 0; i < latest.get(id)!; i++) log[i]!.live = false;
    }
    seq += 1;
    index.add(sender, key, 7, seq, now, seq);
    latest.set(id, log.length);
    log.push({ sender, key, seq, at: now, live: true });
    // The count bound: only the newest maxEntries can be live.
    for (let i = 0; i < log.length - maxEntries; i++) log[i]!.live = false;
    if (ri(10) === 0) index.sweep(now);
    expect(index.size, at).toBeLessThanOrEqual(maxEntries);
  }
  // Every entry newer than the newest one the index lost is still found, unless expired.
  let lost = -1;
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    if (latest.get(`${e.sender}\u0000${e.key}`) !== i || !e.live || e.at <= now - ttlMs) continue;
    if (index.find(e.sender, e.key, now) < 0) lost = i;
  }
  for (let i = lost + 1; i < log.length; i++) {
    const e = log[i]!;
    if (latest.get(`${e.sender}\u0000${e.key}`) !== i || !e.live || e.at <= now - ttlMs) continue;
    expect(index.find(e.sender, e.key, now), `seed ${seed} entry ${i}`).toBeGreaterThanOrEqual(0);
  }
  if (!longKeys) expect(lost, `seed ${seed}: short keys lose nothing but to the count bound`).toBe(-1);
}

describe("DedupeIndex against a model", () => {
  it("short keys: the newest maxEntries fresh keys are always found, and only they", () => {
    for (let seed = 1; seed <= 40; seed++) scenario(seed, false);
  });

  it("long keys: the key ring's room drops the oldest first, hits stay exact", () => {
    for (let seed = 101; seed <= 140; seed++) scenario(seed, true);
  });

  it("forgets a key at its TTL, and counts only early drops as evicted", () => {
    const index = new DedupeIndex({ maxEntries: 2, ttlMs: 100, maxKeyLength: 16 });
    const a = index.sender("a");
    index.add(a, "k1", 0, 1, 1_000, 1);
    expect(index.find(a, "k1", 1_099)).toBeGreaterThanOrEqual(0);
    expect(index.find(a, "k1", 1_100)).toBe(-1);
    expect(index.size).toBe(0);
    expect(index.find(index.sender("b"), "k1", 1_000)).toBe(-1);
    index.add(a, "k1", 0, 2, 1_100, 2);
    index.add(a, "k2", 0, 3, 1_100, 3);
    expect(index.evicted).toBe(0);
    index.add(a, "k3", 0, 4, 1_100, 4);
    expect(index.evicted).toBe(1);
    expect(index.find(a, "k1", 1_100)).toBe(-1);
    expect(index.sweep(1_200)).toBe(2);
    expect(index.size).toBe(0);
  });
});

describe("DedupeIndex with colliding hashes", () => {
  it("tells apart two keys of one sender whose hashes are equal", () => {
    // A birthday search for two keys of different lengths: about 5 colliding pairs are expected
    // among 200,000 keys, 4 in 5 of them of different lengths.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined && i < 1_000_000; i++) {
      const key = `${"x".repeat(i % 5)}${i.toString(36)}`;
      const h = hashKey(0, key);
      const other = seen.get(h);
      if (other !== undefined && other.length !== key.length) pair = [other, key];
      else seen.set(h, key);
    }
    expect(pair).toBeDefined();
    const [k1, k2] = pair!;
    const index = new DedupeIndex({ maxEntries: 4, ttlMs: 1_000, maxKeyLength: 16 });
    expect(index.sender("only")).toBe(0);
    index.add(0, k1, 0, 1, 0, 1);
    expect(index.find(0, k2, 0)).toBe(-1);
    index.add(0, k2, 0, 2, 0, 2);
    expect(index.seqs[index.find(0, k1, 0)]).toBe(1);
    expect(index.seqs[index.find(0, k2, 0)]).toBe(2);
  });
});
