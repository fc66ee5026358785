import { describe, expect, it } from "vitest";
import { DeliveryChecker, SeqSet } from "../../load/checker.js";

describe("SeqSet", () => {
  it("keeps a watermark and the seqs above it", () => {
    const s = new SeqSet();
    expect(s.add(1)).toBe(true);
    expect(s.add(3)).toBe(true);
    expect(s.low).toBe(1);
    expect(s.add(2)).toBe(true);
    expect(s.low).toBe(3);
    expect(s.add(2)).toBe(false);
    expect([...s.after(0)]).toEqual([1, 2, 3]);
    s.add(7);
    expect([...s.after(2)]).toEqual([3, 7]);
  });
});

/** A pair conversation: a sends, b receives. */
function pair(): DeliveryChecker {
  const c = new DeliveryChecker();
  c.watch("a", "dm:a:b");
  c.watch("b", "dm:a:b");
  return c;
}

describe("DeliveryChecker", () => {
  it("accepts an in-order stream with nothing pending", () => {
    const c = pair();
    for (let seq = 1; seq <= 3; seq += 1) {
      c.acked("dm:a:b", seq, "a");
      expect(c.delivered("b", "dm:a:b", seq)).toBe("new");
    }
    expect(c.pending()).toBe(0);
    expect(c.losses().count).toBe(0);
  });

  it("counts a duplicate delivery once as a duplicate", () => {
    const c = pair();
    c.acked("dm:a:b", 1, "a");
    c.delivered("b", "dm:a:b", 1);
    expect(c.delivered("b", "dm:a:b", 1)).toBe("duplicate");
    expect(c.duplicates).toBe(1);
    expect(c.losses().count).toBe(0);
  });

  it("flags a reorder (a lower seq after a higher one) but no loss once the gap fills", () => {
    const c = pair();
    for (const seq of [1, 2, 3]) c.acked("dm:a:b", seq, "a");
    c.delivered("b", "dm:a:b", 1);
    expect(c.delivered("b", "dm:a:b", 3)).toBe("new"); // a gap: 2 is missing for now
    expect(c.pending()).toBe(1);
    expect(c.delivered("b", "dm:a:b", 2)).toBe("out_of_order");
    expect(c.outOfOrder).toBe(1);
    expect(c.losses().count).toBe(0);
  });

  it("reports an acked seq never delivered (an unfilled gap) as a loss", () => {
    const c = pair();
    for (const seq of [1, 2, 3]) c.acked("dm:a:b", seq, "a");
    c.delivered("b", "dm:a:b", 1);
    c.delivered("b", "dm:a:b", 3);
    expect(c.losses()).toEqual({ count: 1, unverified: 0, examples: [{ conversationId: "dm:a:b", seq: 2, recipient: "b" }] });
  });

  it("reports a trailing loss and ignores recipients that disconnected", () => {
    const c = pair();
    c.acked("dm:a:b", 1, "a");
    c.acked("dm:a:b", 2, "a");
    c.delivered("b", "dm:a:b", 1);
    expect(c.losses().count).toBe(1);
    c.disconnected("b");
    expect(c.losses().count).toBe(0);
  });

  it("lists the recipients still missing acked seqs, per conversation, for the drain's final sync", () => {
    const c = new DeliveryChecker();
    for (const m of ["a", "b", "c"]) c.watch(m, "g:1");
    c.watch("a", "dm:a:d");
    c.watch("d", "dm:a:d");
    c.acked("g:1", 1, "a");
    c.acked("g:1", 2, "a");
    c.acked("dm:a:d", 1, "d");
    c.delivered("b", "g:1", 1);
    c.delivered("b", "g:1", 2);
    c.delivered("c", "g:1", 2); // 1 is missing below a delivered seq
    expect(c.shortfalls()).toEqual(
      new Map([
        ["c", ["g:1"]],
        ["a", ["dm:a:d"]],
      ]),
    );
    c.delivered("c", "g:1", 1);
    c.disconnected("a");
    expect(c.shortfalls()).toEqual(new Map());
  });

  it("counts seqs missing where the final sync never answered as unverified, not lost", () => {
    const c = new DeliveryChecker();
    for (const conv of ["dm:a:b", "dm:a:c"]) {
      c.watch("a", conv);
      c.watch(conv.slice(-1), conv);
      c.acked(conv, 1, "a");
      c.acked(conv, 2, "a");
    }
    c.delivered("b", "dm:a:b", 1);
    expect(c.losses(new Set(["b\u0000dm:a:b"]))).toEqual({
      count: 2,
      unverified: 1,
      examples: [
        { conversationId: "dm:a:c", seq: 1, recipient: "c" },
        { conversationId: "dm:a:c", seq: 2, recipient: "c" },
      ],
    });
    expect(c.losses().count).toBe(3);
  });

  it("never expects a sender to receive its own message (groups, several senders)", () => {
    const c = new DeliveryChecker();
    for (const m of ["a", "b", "c"]) c.watch(m, "g:1");
    c.acked("g:1", 1, "a");
    c.acked("g:1", 2, "b");
    expect(c.expected).toBe(4);
    c.delivered("b", "g:1", 1);
    c.delivered("c", "g:1", 1);
    c.delivered("a", "g:1", 2);
    c.delivered("c", "g:1", 2);
    expect(c.pending()).toBe(0);
    expect(c.losses().count).toBe(0);
    // The server pushing a's own message back to a's session is a duplicate, not new data.
    expect(c.delivered("a", "g:1", 1)).toBe("duplicate");
  });
});
