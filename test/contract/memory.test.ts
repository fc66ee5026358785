// The engine contract against the single-process engine (no shared backend: one node only),
// and what only it does: dedupe entries that outlive history keep ids, not bodies.
import { describe, expect, it } from "vitest";
import { MemoryEngine } from "../../src/engine/memory/memory-engine.js";
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
  const append = (e: MemoryEngine, clientMsgId: string, body: number) =>
    e.store.append({
      conversationId: "dm:alice:bob",
      senderId: "alice",
      senderDevice: "phone",
      clientMsgId,
      body: new Uint8Array([body]),
      contentType: "t",
      memberIds: ["alice", "bob"],
    });

  it("answers a retry with the original ids, and keeps no body for it once history dropped it", async () => {
    const e = new MemoryEngine({ nodeId: "n", historyPerConversation: 4, dedupeTtlMs: 3_600_000 });
    const first = await append(e, "c0", 0);
    for (let i = 1; i < 12; i++) await append(e, `c${i}`, i);
    expect((await e.store.read("dm:alice:bob", 0, 100)).oldestSeq).toBeGreaterThan(1);
    const retry = await append(e, "c0", 99);
    expect(retry.duplicate).toBe(true);
    expect(retry.message).toMatchObject({ messageId: first.message.messageId, seq: 1, sentAtMs: first.message.sentAtMs });
    // The dedupe entry kept no body: the answer carries the retry's (as the Redis engine's does).
    expect([...retry.message.body]).toEqual([99]);
    // A message history still holds answers with its own body.
    const recent = await append(e, "c11", 77);
    expect(recent.duplicate).toBe(true);
    expect([...recent.message.body]).toEqual([11]);
    await e.close();
  });
});
