// The engine contract against the single-process engine (no shared backend: one node only),
// and what only it does: dedupe entries that outlive history keep ids, not bodies.
import { describe, expect, it } from "vitest";
import { CONVERSATION_BYTES, MemoryEngine, messageBytes } from "../../src/engine/memory/memory-engine.js";
import { engineContract } from "./engine.contract.js";

engineContract("memory", {
  multiNode: false,
  async create(nodeId, opts) {
    return new MemoryEngine({
      nodeId,
      historyPerConversation: opts?.historyMaxPerConversation ?? 10_000,
      dedupeTtlMs: 24 * 3600 * 1000,
    });
  },
});

describe("memory engine: dedupe after history trimmed the message", () => {
  const append = (e: MemoryEngine, clientMsgId: string, fill: number, size = 1000) =>
    e.store.append({
      conversationId: "dm:alice:bob",
      senderId: "alice",
      senderDevice: "phone",
      clientMsgId,
      body: new Uint8Array(size).fill(fill),
      contentType: "t",
      memberIds: ["alice", "bob"],
    });

  it("answers a retry with the original ids, and keeps no body for it once history dropped it", async () => {
    const e = new MemoryEngine({ nodeId: "n", historyPerConversation: 4, dedupeTtlMs: 3_600_000 });
    const first = await append(e, "c0", 0);
    const small = await append(e, "c1", 1, 10);
    for (let i = 2; i < 12; i++) await append(e, `c${i}`, i);
    expect((await e.store.read("dm:alice:bob", 0, 100)).oldestSeq).toBeGreaterThan(2);
    const retry = await append(e, "c0", 99);
    expect(retry.duplicate).toBe(true);
    expect(retry.message).toMatchObject({ messageId: first.message.messageId, seq: 1, sentAtMs: first.message.sentAtMs });
    // The dedupe entry kept no body: the answer carries the retry's (as the Redis engine's does).
    expect([...retry.message.body]).toEqual(Array(1000).fill(99));
    const smallRetry = await append(e, "c1", 98, 10);
    expect(smallRetry.message).toMatchObject({ messageId: small.message.messageId, seq: 2, sentAtMs: small.message.sentAtMs });
    expect([...smallRetry.message.body]).toEqual(Array(10).fill(98));
    // A message history still holds answers with its own body.
    const recent = await append(e, "c11", 77);
    expect(recent.duplicate).toBe(true);
    expect([...recent.message.body]).toEqual(Array(1000).fill(11));
    await e.close();
  });
});

describe("memory engine: MEMORY_HISTORY_MAX_BYTES", () => {
  const send = (e: MemoryEngine, conversationId: string, clientMsgId: string) =>
    e.store.append({
      conversationId,
      senderId: "alice",
      senderDevice: "phone",
      clientMsgId,
      body: new Uint8Array(1000).fill(1),
      contentType: "t",
      memberIds: [],
    });

  it("takes the oldest messages of the least recently active conversation first, and says so in reads", async () => {
    const probe = new MemoryEngine({ nodeId: "n", historyPerConversation: 100, dedupeTtlMs: 3_600_000 });
    const each = messageBytes((await send(probe, "g:probe", "id-a-00")).message);
    await probe.close();
    // Room for 20 messages of this size (their ids have the same lengths) in two conversations.
    const room = 20 * each + 2 * CONVERSATION_BYTES;
    const e = new MemoryEngine({ nodeId: "n", historyPerConversation: 100, dedupeTtlMs: 3_600_000, historyMaxBytes: room });
    for (let i = 0; i < 10; i++) await send(e, "g:aaa", `id-a-${String(i).padStart(2, "0")}`);
    for (let i = 0; i < 15; i++) await send(e, "g:bbb", `id-b-${String(i).padStart(2, "0")}`);
    const a = await e.store.read("g:aaa", 0, 100);
    expect(a.oldestSeq).toBe(6);
    expect(a.messages.map((m) => m.seq)).toEqual([6, 7, 8, 9, 10]);
    expect((await e.store.read("g:bbb", 0, 100)).messages).toHaveLength(15);
    expect(e.store.historyStats()).toMatchObject({ messages: 20, trimmed: 5, bytes: room, limitBytes: room });
    // "aaa" is now the most recently active: "bbb" gives up its oldest for the next one.
    await send(e, "g:aaa", "id-a-10");
    expect((await e.store.read("g:bbb", 0, 100)).oldestSeq).toBe(2);
    expect((await e.store.read("g:aaa", 5, 100)).messages.map((m) => m.seq)).toEqual([6, 7, 8, 9, 10, 11]);
    // A dropped message is still a duplicate for its retry, with its original seq.
    expect((await send(e, "g:aaa", "id-a-00")).message).toMatchObject({ seq: 1 });
    await e.close();
  });

  it("empties a whole idle conversation before touching an active one, across many drops", async () => {
    const e = new MemoryEngine({ nodeId: "n", historyPerConversation: 10_000, dedupeTtlMs: 3_600_000, historyMaxBytes: 2_000_000 });
    for (let i = 0; i < 600; i++) await send(e, "g:idle", `idle-${String(i).padStart(4, "0")}`);
    for (let i = 0; i < 3_000; i++) await send(e, "g:busy", `busy-${String(i).padStart(4, "0")}`);
    const idle = await e.store.read("g:idle", 0, 1_000);
    expect(idle.messages).toHaveLength(0);
    expect(idle.oldestSeq).toBe(601);
    const busy = await e.store.read("g:busy", 0, 10_000);
    const stats = e.store.historyStats();
    expect(stats.bytes).toBeLessThanOrEqual(2_000_000);
    expect(busy.messages.length).toBe(stats.messages);
    expect(busy.messages[0]!.seq).toBe(busy.oldestSeq);
    expect(busy.messages.at(-1)!.seq).toBe(3_000);
    expect(busy.messages.every((m, i) => m.seq === busy.oldestSeq + i && m.body.length === 1000)).toBe(true);
    await e.close();
  });
});

describe("memory engine: MEMORY_DEVICE_CURSORS_MAX", () => {
  it("forgets the cursors of the device that acked least recently once the bound is full, and counts it", async () => {
    const e = new MemoryEngine({ nodeId: "n", historyPerConversation: 10, dedupeTtlMs: 3_600_000, deviceCursorsMax: 3 });
    const conv = "dm:ann:ben";
    await e.store.append({
      conversationId: conv,
      senderId: "ann",
      senderDevice: "phone",
      clientMsgId: "c1",
      body: new Uint8Array(8),
      contentType: "t",
      memberIds: ["ann", "ben"],
    });
    for (const device of ["d1", "d2", "d3"]) expect(await e.store.setCursor("ann", device, conv, 1)).toBe(1);
    // d1 acks again: now d2 is the one that acked least recently.
    await e.store.setCursor("ann", "d1", conv, 1);
    await e.store.setCursor("ann", "d4", conv, 1);
    expect((await e.store.cursors("ann", "d2")).size).toBe(0);
    for (const device of ["d1", "d3", "d4"]) expect((await e.store.cursors("ann", device)).get(conv)).toBe(1);
    expect(e.store.historyStats()).toMatchObject({ deviceCursors: 3, deviceCursorsEvicted: 1, deviceCursorsLimit: 3 });
  });
});
