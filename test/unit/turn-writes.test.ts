import { describe, expect, it } from "vitest";
import { TurnWrites } from "../../src/engine/redis/turn-writes.js";

/** The end of the loop turn, as the Batcher's defer would call it (without one). */
const endOfTurn = (collect: () => void): void => void setImmediate(collect);

describe("TurnWrites", () => {
  it("writes one turn's entries as one call, merged per key, and settles every caller with it", async () => {
    const calls: [string, number][][] = [];
    const w = new TurnWrites<number>(100, async (entries) => void calls.push([...entries]), endOfTurn);
    const max = (a: number, b: number): number => Math.max(a, b);
    const done = [w.add("a", 5, max), w.add("a", 9, max), w.add("a", 7, max), w.add("b", 1, max)];
    expect(calls).toEqual([]); // nothing before the end of the turn
    await Promise.all(done);
    expect(calls).toEqual([
      [
        ["a", 9],
        ["b", 1],
      ],
    ]);
    await w.add("a", 2); // a new turn, a new call; without merge the value replaces
    expect(calls[1]).toEqual([["a", 2]]);
  });

  it("closes a full call and opens the next, written after it", async () => {
    const calls: string[][] = [];
    const w = new TurnWrites<number>(2, async (entries) => void calls.push([...entries.keys()]), endOfTurn);
    await Promise.all(["a", "b", "c", "d", "e"].map((k) => w.add(k, 1)));
    expect(calls).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("rejects every caller of a failed call", async () => {
    const w = new TurnWrites<number>(
      10,
      async () => {
        throw new Error("redis down");
      },
      endOfTurn,
    );
    const results = await Promise.allSettled([w.add("a", 1), w.add("b", 2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });
});
