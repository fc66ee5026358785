// The client's pure delivery logic: dedupe by (conversation, seq), order, gaps, cursor moves.
import { describe, expect, it } from "vitest";
import { canonicalConversationId, Sequencer } from "../../src/client/sequencer.js";

interface M {
  conversationId: string;
  seq: number;
}

function setup(initial: [string, number][] = []) {
  const delivered: M[] = [];
  const advanced: [string, number][] = [];
  const s = new Sequencer<M>({ deliver: (m) => delivered.push(m), advanced: (c, seq) => advanced.push([c, seq]) });
  s.load(initial);
  return { s, delivered, advanced, seqs: () => delivered.map((m) => m.seq) };
}

const m = (seq: number, conversationId = "c"): M => ({ conversationId, seq });

describe("Sequencer", () => {
  it("delivers in-order messages and advances the cursor", () => {
    const { s, seqs, advanced } = setup();
    expect(s.offer(m(1))).toBe("delivered");
    expect(s.offer(m(2))).toBe("delivered");
    expect(seqs()).toEqual([1, 2]);
    expect(s.cursor("c")).toBe(2);
    expect(advanced).toEqual([
      ["c", 1],
      ["c", 2],
    ]);
  });

  it("drops duplicates: at or below the cursor, and repeats of held messages", () => {
    const { s, seqs } = setup();
    s.offer(m(1));
    expect(s.offer(m(1))).toBe("duplicate");
    expect(s.offer(m(3))).toBe("gap");
    expect(s.offer(m(3))).toBe("duplicate");
    s.offer(m(2));
    expect(s.offer(m(2))).toBe("duplicate");
    expect(seqs()).toEqual([1, 2, 3]);
  });

  it("holds messages past a hole, reports the gap once, releases in order when filled", () => {
    const { s, seqs, advanced } = setup();
    s.offer(m(1));
    expect(s.offer(m(4))).toBe("gap");
    expect(s.offer(m(3))).toBe("held");
    expect(s.offer(m(6))).toBe("held");
    expect(seqs()).toEqual([1]);
    expect(s.hasGap("c")).toBe(true);
    expect(s.gapped()).toEqual(["c"]);
    expect(s.firstHeld("c")).toBe(3);
    expect(s.offer(m(2))).toBe("delivered");
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(s.cursor("c")).toBe(4);
    expect(advanced.at(-1)).toEqual(["c", 4]);
    expect(s.hasGap("c")).toBe(true); // 6 still waits for 5
    s.offer(m(5));
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.hasGap("c")).toBe(false);
  });

  it("keeps conversations independent", () => {
    const { s, delivered } = setup();
    s.offer(m(1, "a"));
    expect(s.offer(m(2, "b"))).toBe("gap");
    s.offer(m(2, "a"));
    expect(delivered).toEqual([m(1, "a"), m(2, "a")]);
    expect(s.cursors()).toEqual([
      { conversationId: "a", afterSeq: 2 },
      { conversationId: "b", afterSeq: 0 },
    ]);
  });

  it("starts from loaded cursors (keeping the larger of two loads)", () => {
    const { s, seqs } = setup([["c", 10]]);
    s.load([["c", 7]]);
    expect(s.cursor("c")).toBe(10);
    expect(s.offer(m(10))).toBe("duplicate");
    expect(s.offer(m(11))).toBe("delivered");
    expect(seqs()).toEqual([11]);
  });

  it("markOwn counts our own sends as received without delivering them", () => {
    const { s, seqs } = setup();
    s.offer(m(1));
    expect(s.markOwn("c", 2)).toBe("delivered");
    expect(s.offer(m(3))).toBe("delivered");
    expect(seqs()).toEqual([1, 3]);
    // Own send acked past a hole: a placeholder, released silently when the hole fills.
    expect(s.markOwn("c", 5)).toBe("gap");
    expect(s.offer(m(5))).toBe("duplicate");
    s.offer(m(4));
    expect(seqs()).toEqual([1, 3, 4]);
    expect(s.cursor("c")).toBe(5);
  });

  it("resolveThrough releases what waits behind seqs the server no longer has", () => {
    const { s, seqs, advanced } = setup();
    s.offer(m(1));
    s.offer(m(5));
    s.offer(m(6));
    s.offer(m(9));
    s.resolveThrough("c", 7);
    expect(seqs()).toEqual([1, 5, 6]);
    expect(s.cursor("c")).toBe(7);
    expect(advanced.at(-1)).toEqual(["c", 7]);
    expect(s.firstHeld("c")).toBe(9);
    s.resolveThrough("c", 9);
    expect(seqs()).toEqual([1, 5, 6, 9]);
    expect(s.hasGap("c")).toBe(false);
  });

  it("resolveThrough with nothing held moves the cursor only forward", () => {
    const { s, advanced } = setup([["c", 5]]);
    s.resolveThrough("c", 3);
    expect(s.cursor("c")).toBe(5);
    expect(advanced).toEqual([]);
    s.resolveThrough("c", 8);
    expect(s.cursor("c")).toBe(8);
    expect(advanced).toEqual([["c", 8]]);
  });

  it("canonicalises dm ids the way the server does", () => {
    expect(canonicalConversationId("dm:bob:alice")).toBe("dm:alice:bob");
    expect(canonicalConversationId("dm:alice:bob")).toBe("dm:alice:bob");
    expect(canonicalConversationId("g:x")).toBe("g:x");
  });
});
