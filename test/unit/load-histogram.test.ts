import { describe, expect, it } from "vitest";
import { Histogram } from "../../load/histogram.js";

/** Nearest-rank percentile of sorted data: the definition Histogram.percentile approximates. */
function exact(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** A deterministic spread of latencies over four orders of magnitude (no Math.random: reproducible). */
function data(n: number, seed = 1): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 0.05 * Math.pow(10, (x / 2 ** 31) * 4);
  });
}

const QS = [0.01, 0.1, 0.5, 0.9, 0.99, 0.999];

describe("Histogram", () => {
  it("answers percentiles within its relative precision", () => {
    const values = data(20_000);
    const h = new Histogram(0.01);
    for (const v of values) h.record(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of QS) {
      const want = exact(sorted, q);
      expect(Math.abs(h.percentile(q) - want) / want).toBeLessThanOrEqual(0.01 + 1e-9);
    }
    expect(h.count).toBe(values.length);
    expect(h.min).toBe(sorted[0]);
    expect(h.max).toBe(sorted.at(-1));
  });

  it("merges to the same answers as recording everything in one", () => {
    const a = data(5_000, 7);
    const b = data(3_000, 11).map((v) => v * 3);
    const ha = new Histogram();
    const hb = new Histogram();
    const all = new Histogram();
    for (const v of a) {
      ha.record(v);
      all.record(v);
    }
    for (const v of b) {
      hb.record(v);
      all.record(v);
    }
    // Through the IPC form, as the coordinator receives it.
    const merged = Histogram.from(ha.toJSON()).merge(JSON.parse(JSON.stringify(hb.toJSON())));
    const sorted = [...a, ...b].sort((x, y) => x - y);
    for (const q of QS) {
      expect(merged.percentile(q)).toBe(all.percentile(q));
      const want = exact(sorted, q);
      expect(Math.abs(merged.percentile(q) - want) / want).toBeLessThanOrEqual(0.01 + 1e-9);
    }
    expect(merged.count).toBe(a.length + b.length);
    expect(merged.mean()).toBeCloseTo(all.mean(), 9);
  });

  it("handles zero, empty, and refuses merging different precisions", () => {
    const h = new Histogram();
    expect(Number.isNaN(h.percentile(0.5))).toBe(true);
    h.record(0);
    h.record(0);
    h.record(5);
    expect(h.percentile(0.5)).toBe(0);
    expect(h.percentile(1)).toBe(5);
    expect(() => h.merge(new Histogram(0.02))).toThrow(/precision/);
  });

  it("never reports a percentile outside the observed range", () => {
    const h = new Histogram(0.05);
    h.record(10.2);
    expect(h.percentile(0.5)).toBe(10.2);
  });

  it("keeps values far outside the usual range exact to its precision, and merges them", () => {
    // At 0.1 % precision 1e-5 ms and 1e12 ms fall outside the dense bucket window; 5 ms inside it.
    const values = [1e-5, 2e-5, 5, 5, 5, 1e12];
    const a = new Histogram(0.001);
    for (const v of values.slice(0, 3)) a.record(v);
    const b = new Histogram(0.001);
    for (const v of values.slice(3)) b.record(v);
    const m = Histogram.from(JSON.parse(JSON.stringify(a.toJSON()))).merge(b.toJSON());
    expect(m.count).toBe(6);
    const near = (got: number, want: number): void => expect(Math.abs(got - want) / want).toBeLessThanOrEqual(0.001 + 1e-9);
    near(m.percentile(0.1), 1e-5);
    near(m.percentile(0.3), 2e-5);
    near(m.percentile(0.5), 5);
    near(m.percentile(0.99), 1e12);
    // Buckets come out in ascending order, whatever store they live in.
    const idx = m.toJSON().buckets.map(([i]) => i);
    expect(idx).toEqual([...idx].sort((x, y) => x - y));
    m.reset();
    expect(m.count).toBe(0);
    expect(m.toJSON().buckets).toEqual([]);
    expect(Number.isNaN(m.percentile(0.5))).toBe(true);
  });
});
