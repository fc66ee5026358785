// The memory engine's idempotency window: TTL, the count bound (oldest first), and time order
// surviving re-insertion of an expired key.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { DedupeWindow } from "../../src/core/dedupe-window.js";

interface Entry {
  id: number;
  at: number;
}

function window(maxEntries: number, ttlMs = 1_000, shards?: number): DedupeWindow<Entry> {
  return new DedupeWindow<Entry>({ ttlMs, maxEntries, storedAt: (e) => e.at, ...(shards !== undefined ? { shards } : {}) });
}

describe("DedupeWindow", () => {
  it("returns a key until its TTL, not after", () => {
    const w = window(100);
    w.set("a", { id: 1, at: 1_000 });
    expect(w.get("a", 1_999)?.id).toBe(1);
    expect(w.get("a", 2_000)).toBeUndefined();
    expect(w.get("b", 1_000)).toBeUndefined();
  });

  it("replaceIf swaps a key's value only while it is the expected one, keeping its place in time order", () => {
    const w = window(3, 1_000_000, 1);
    const a = { id: 1, at: 0 };
    w.set("a", a);
    w.set("b", { id: 2, at: 0 });
    expect(w.replaceIf("a", { id: 1, at: 0 }, { id: 9, at: 0 })).toBe(false); // equal, not the same
    expect(w.replaceIf("a", a, { id: 10, at: 0 })).toBe(true);
    expect(w.get("a", 0)?.id).toBe(10);
    expect(w.replaceIf("zz", a, { id: 11, at: 0 })).toBe(false);
    expect(w.get("zz", 0)).toBeUndefined();
    expect(w.size).toBe(2);
    // "a" is still the oldest: the next two inserts past the bound of 3 evict it first.
    w.set("c", { id: 3, at: 0 });
    w.set("d", { id: 4, at: 0 });
    expect(w.get("a", 0)).toBeUndefined();
    expect(w.get("b", 0)?.id).toBe(2);
  });

  it("sweeps expired keys and keeps fresh ones", () => {
    const w = window(1_000, 1_000, 4);
    for (let i = 0; i < 100; i++) w.set(`k${i}`, { id: i, at: i < 60 ? 0 : 500 });
    expect(w.sweep(1_200)).toBe(60);
    expect(w.size).toBe(40);
    expect(w.get("k59", 1_200)).toBeUndefined();
    expect(w.get("k60", 1_200)?.id).toBe(60);
  });

  it("forgets the oldest keys first once full, and counts them", () => {
    const w = window(1_000, 1_000_000, 1);
    for (let i = 0; i < 5_000; i++) w.set(`k${i}`, { id: i, at: i });
    expect(w.size).toBe(1_000);
    expect(w.evicted).toBe(4_000);
    expect(w.get("k3999", 5_000)).toBeUndefined();
    for (let i = 4_000; i < 5_000; i++) expect(w.get(`k${i}`, 5_000)?.id).toBe(i);
  });

  it("stays bounded across shards under steady eviction, recent keys kept", () => {
    const w = window(10_000, 1_000_000);
    for (let i = 0; i < 200_000; i++) w.set(`user${i % 97}\u0000${i.toString(36)}`, { id: i, at: i });
    // Each shard holds at most floor(max / shards): the total bound holds.
    expect(w.size).toBeLessThanOrEqual(10_000);
    expect(w.size).toBeGreaterThan(9_000);
    expect(w.evicted).toBe(200_000 - w.size);
    let kept = 0;
    for (let i = 199_000; i < 200_000; i++) if (w.get(`user${i % 97}\u0000${i.toString(36)}`, 200_000) !== undefined) kept++;
    expect(kept).toBe(1_000);
  });

  it("re-inserting an expired key moves it to the back of the order", () => {
    const w = window(2, 100, 1);
    w.set("a", { id: 1, at: 0 });
    w.set("b", { id: 2, at: 50 });
    expect(w.get("a", 120)).toBeUndefined();
    w.set("a", { id: 3, at: 120 }); // "a" is now the newest: the full window evicts "b"
    w.set("c", { id: 4, at: 121 });
    expect(w.get("a", 121)?.id).toBe(3);
    expect(w.get("b", 121)).toBeUndefined();
    expect(w.size).toBe(2);
    expect(w.sweep(200)).toBe(0);
    expect(w.sweep(221)).toBe(2);
    expect(w.size).toBe(0);
  });

  it("evicts keys inserted after a sweep emptied the shard (the eviction cursor is live)", () => {
    const w = window(2, 100, 1);
    w.set("a", { id: 1, at: 0 });
    w.set("b", { id: 2, at: 0 });
    w.set("c", { id: 3, at: 0 }); // evicts "a"; the eviction iterator now sits after it
    expect(w.sweep(100)).toBe(2);
    for (const [k, at] of [
      ["d", 200],
      ["e", 201],
      ["f", 202],
    ] as const)
      w.set(k, { id: at, at });
    expect(w.get("d", 202)).toBeUndefined();
    expect(w.get("e", 202)?.id).toBe(201);
    expect(w.get("f", 202)?.id).toBe(202);
    expect(w.evicted).toBe(2);
  });

  it("keeps no deleted entries alive across sweeps (an idle eviction iterator would pin old tables)", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const w = window(1_000_000, 1_000);
    const body = "x".repeat(200);
    gc();
    const before = process.memoryUsage().heapUsed;
    let now = 0;
    // 300 "seconds" of 2,000 keys each, swept every second: the window never holds more than
    // 2,000 keys, and never fills, so nothing is evicted.
    for (let s = 0; s < 300; s++) {
      for (let i = 0; i < 2_000; i++) w.set(`user${i % 50}\u0000${s}-${i}-${body}`, { id: i, at: now + i / 2 });
      now += 1_000;
      w.sweep(now);
    }
    gc();
    const grownMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(w.size).toBeLessThanOrEqual(2_000);
    expect(w.evicted).toBe(0);
    // 600,000 keys of ~230 B passed through: kept alive, they would be over 100 MiB.
    expect(grownMiB).toBeLessThan(16);
  });
});
