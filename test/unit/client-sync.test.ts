// The client's sync requests over a fake socket: how cursors are split into requests and how
// pages are followed.
import { describe, expect, it } from "vitest";
import { encodeClientFrame, ErrorCode } from "../../src/protocol/proto.js";
import { fakeClient, flush } from "../helpers/fake-client.js";

describe("client sync requests", () => {
  it("splits cursors with long ids into frames of at most half the welcome's max_frame_bytes, all_conversations on the last", async () => {
    const { c, ws } = await fakeClient({}, { maxFrameBytes: 4096 });
    const ids = Array.from({ length: 300 }, (_, i) => `g:${String(i).padStart(4, "0")}-${"x".repeat(60)}`);
    const done = c.sync(
      ids.map((conversationId) => ({ conversationId, afterSeq: 2 ** 40 })),
      { allConversations: true },
    );
    // One request at a time: answer each until the sync is over.
    for (let answered = 0; answered < ws.syncs().length; answered += 1) {
      const s = ws.syncs()[answered]!;
      for (const x of s.sync!.cursors!) ws.push({ reqId: s.reqId, syncDone: { conversationId: x.conversationId, upToSeq: 2 ** 40 } });
      ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
      await flush();
    }
    await done;
    const frames = ws.syncs();
    expect(frames.length).toBeGreaterThan(1);
    for (const f of frames) expect(encodeClientFrame(f).byteLength).toBeLessThanOrEqual(2048);
    expect(frames.flatMap((f) => f.sync!.cursors!.map((x) => x.conversationId))).toEqual(ids);
    expect(frames.map((f) => f.sync!.allConversations)).toEqual([...Array<boolean>(frames.length - 1).fill(false), true]);
  });
});

describe("client sync pages", () => {
  const A = "dm:alice:bob";

  it("goes on from oldest_seq - 1 when the server no longer holds what follows the cursor, and marks those seqs gone", async () => {
    const { c, ws, seqs, msg } = await fakeClient();
    ws.push(msg(A, 1));
    const done = c.sync([{ conversationId: A, afterSeq: 1 }]);
    // An older server's answer once history after the cursor is gone: an empty page saying has_more.
    const s0 = ws.syncs()[0]!;
    ws.push({ reqId: s0.reqId, syncDone: { conversationId: A, upToSeq: 1, hasMore: true, lastSeq: 3, oldestSeq: 4 } });
    ws.push({ reqId: s0.reqId, syncDone: { conversationId: "" } });
    await flush();
    expect(ws.syncCursors()).toEqual([[[A, 1]], [[A, 3]]]);
    const s1 = ws.syncs()[1]!;
    ws.push({ reqId: s1.reqId, syncDone: { conversationId: A, upToSeq: 3, hasMore: false, lastSeq: 3, oldestSeq: 4 } });
    ws.push({ reqId: s1.reqId, syncDone: { conversationId: "" } });
    await done;
    expect(c.cursor(A)).toBe(3);
    expect(seqs(A)).toEqual([1]);
  });

  it("ends a conversation's sync after a few pages in a row that say has_more but make no progress", async () => {
    const { c, ws, errors } = await fakeClient();
    const done = c.sync([{ conversationId: A, afterSeq: 1 }]);
    for (let answered = 0; answered < ws.syncs().length && answered < 10; answered += 1) {
      const s = ws.syncs()[answered]!;
      ws.push({ reqId: s.reqId, syncDone: { conversationId: A, upToSeq: 1, hasMore: true, lastSeq: 5, oldestSeq: 1 } });
      ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
      await flush();
    }
    expect(ws.syncs()).toHaveLength(3);
    await done;
    expect(errors.map((e) => e.message)).toEqual([`${A}: 3 sync pages from seq 1 made no progress; sync of it ended`]);
  });

  it("keeps asking after pages the server stopped for backpressure (no last_seq): they read nothing", async () => {
    const { c, ws, seqs, msg } = await fakeClient();
    const done = c.sync([{ conversationId: A, afterSeq: 0 }]);
    for (let i = 0; i < 5; i += 1) {
      const s = ws.syncs()[i]!;
      ws.push({ reqId: s.reqId, syncDone: { conversationId: A, upToSeq: 0, hasMore: true } });
      ws.push({ reqId: s.reqId, syncDone: { conversationId: "", hasMore: true } });
      await flush();
    }
    const s = ws.syncs()[5]!;
    ws.push(msg(A, 1, s.reqId));
    ws.push({ reqId: s.reqId, syncDone: { conversationId: A, upToSeq: 1, hasMore: false, lastSeq: 1, oldestSeq: 1 } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
    await done;
    expect(seqs(A)).toEqual([1]);
  });
});

describe("client sync of conversations it can no longer read", () => {
  const A = "dm:alice:bob";
  const G = "g:team";
  const named = (f: { sync?: { cursors?: { conversationId?: string | null }[] | null } | null }): string[] =>
    (f.sync?.cursors ?? []).map((x) => x.conversationId ?? "");

  it("forgets a group's cursor when a group push or its own leave_group reply no longer lists this user", async () => {
    const { c, ws, msg } = await fakeClient();
    ws.push(msg(A, 1));
    ws.push(msg(G, 1));
    ws.push(msg("g:other", 1));
    ws.push({ groupResult: { conversationId: G, ownerId: "bob", memberIds: ["bob"] } });
    const left = c.leaveGroup("g:other");
    const req = ws.sent.find((f) => f.body === "leaveGroup")!;
    ws.push({ reqId: req.reqId, groupResult: { conversationId: "g:other", ownerId: "bob", memberIds: ["bob"] } });
    await left;
    void c.sync();
    expect(named(ws.syncs()[0]!)).toEqual([A]);
  });

  it("forgets a conversation refused with FORBIDDEN or NOT_FOUND, settles the others, reports nothing", async () => {
    const { c, ws, msg, seqs, errors } = await fakeClient();
    ws.push(msg(A, 1));
    ws.push(msg(G, 1));
    ws.push(msg("g:gone", 1));
    const done = c.sync();
    const s = ws.syncs()[0]!;
    ws.push(msg(A, 2, s.reqId));
    ws.push({ reqId: s.reqId, syncDone: { conversationId: A, upToSeq: 2, lastSeq: 2, oldestSeq: 1 } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: G, upToSeq: 1, error: ErrorCode.FORBIDDEN } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: "g:gone", upToSeq: 1, error: ErrorCode.NOT_FOUND } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
    await done;
    expect(seqs(A)).toEqual([1, 2]);
    expect(errors).toEqual([]);
    void c.sync();
    expect(named(ws.syncs()[1]!)).toEqual([A]);
  });

  it("retries a conversation refused with a retryable code on its own, with backoff, reporting it once", async () => {
    const { c, ws, timers, msg, seqs, errors } = await fakeClient({ reconnect: { minDelayMs: 250, maxDelayMs: 1000 } });
    ws.push(msg(A, 1));
    ws.push(msg(G, 1));
    const done = c.sync();
    const s = ws.syncs()[0]!;
    ws.push({ reqId: s.reqId, syncDone: { conversationId: A, upToSeq: 1, lastSeq: 1, oldestSeq: 1 } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: G, upToSeq: 1, error: ErrorCode.UNAVAILABLE } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
    await done;
    expect(errors.map((e) => e.message)).toEqual([`sync of ${G} refused`]);
    for (let round = 1; round <= 2; round += 1) {
      expect(timers.fire((d) => d >= 250 && d < 10_000)).toBe(1);
      const r = ws.syncs()[round]!;
      expect(named(r)).toEqual([G]);
      if (round === 1) ws.push({ reqId: r.reqId, syncDone: { conversationId: G, upToSeq: 1, error: ErrorCode.UNAVAILABLE } });
      else {
        ws.push(msg(G, 2, r.reqId));
        ws.push({ reqId: r.reqId, syncDone: { conversationId: G, upToSeq: 2, lastSeq: 2, oldestSeq: 1 } });
      }
      ws.push({ reqId: r.reqId, syncDone: { conversationId: "" } });
      await flush();
    }
    expect(seqs(G)).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
    expect(timers.pending.size).toBe(0);
  });
});
