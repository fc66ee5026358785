// The memory engine's per-conversation record slabs against an array, on seeded random pushes and
// drops: records of every size (past a slab's 64 KiB too) read back byte for byte, and a slab is
// freed once no held record uses it.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../helpers/random.js";
import { RecordLog } from "../../src/engine/memory/record-log.js";

describe("RecordLog against an array", () => {
  it("reads back what it holds after any mix of pushes and drops", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const ri = seededRandom(seed);
      const log = new RecordLog();
      const model: Uint8Array[] = [];
      let n = 0;
      for (let op = 0; op < 600; op++) {
        const at = `seed ${seed} op ${op}`;
        if (ri(3) > 0) {
          const size = ri(20) === 0 ? 60_000 + ri(20_000) : 1 + ri(ri(2) === 0 ? 40 : 3_000);
          const record = new Uint8Array(size).map((_, i) => (n * 31 + i) & 0xff);
          n += 1;
          log.push(record);
          model.push(record);
        } else if (model.length > 0) {
          const k = 1 + ri(model.length);
          const dropped = model.splice(0, k);
          expect(log.dropOldest(k), at).toBe(dropped.reduce((sum, r) => sum + r.byteLength, 0));
        }
        expect(log.length, at).toBe(model.length);
        expect(log.bytes, at).toBe(model.reduce((sum, r) => sum + r.byteLength, 0));
        for (const k of [0, model.length - 1, ri(Math.max(1, model.length))]) {
          if (k < 0 || k >= model.length) continue;
          expect(log.lengthOf(k), at).toBe(model[k]!.byteLength);
          expect(Buffer.from(log.get(k)).equals(Buffer.from(model[k]!)), at).toBe(true);
        }
        // What the slabs take stays in proportion to what they hold.
        expect(log.allocated, at).toBeLessThanOrEqual(6 * log.bytes + 4096);
        // Slabs: at most one per held record, plus the one being filled.
        expect(log.slabCount, at).toBeLessThanOrEqual(model.length + 1);
        if (model.length === 0) expect(log.slabCount, at).toBe(0);
      }
      for (let k = 0; k < model.length; k++) expect(Buffer.from(log.get(k)).equals(Buffer.from(model[k]!))).toBe(true);
    }
  });

  it("frees the slabs of dropped records", () => {
    const log = new RecordLog();
    for (let i = 0; i < 100; i++) log.push(new Uint8Array(10_000).fill(i));
    const before = log.slabCount;
    log.dropOldest(90);
    expect(log.slabCount).toBeLessThan(before);
    expect(log.slabCount).toBeLessThanOrEqual(3);
    expect(log.get(0)[0]).toBe(90);
  });

  it("keeps a conversation that shrank in a slab of its size", () => {
    const log = new RecordLog();
    for (let i = 0; i < 2000; i++) log.push(new Uint8Array(100).fill(i & 0xff));
    expect(log.allocated).toBeGreaterThan(200_000);
    log.dropOldest(1990);
    expect(log.allocated).toBeLessThanOrEqual(4 * log.bytes + 4096);
    expect(log.slabCount).toBe(1);
    for (let k = 0; k < 10; k++) expect(log.get(k)[0]).toBe((1990 + k) & 0xff);
    // A short bounded history (20 records, as with MEMORY_HISTORY_PER_CONVERSATION=20) never
    // grows past a few KiB of slabs, however many messages pass through it.
    const short = new RecordLog();
    for (let i = 0; i < 5000; i++) {
      short.push(new Uint8Array(170).fill(1));
      if (short.length > 25) short.dropOldest(5);
      expect(short.allocated).toBeLessThanOrEqual(16 * 1024);
    }
  });
});
