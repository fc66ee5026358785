// The memory engine's history bounds against a model of them, on seeded random traffic: appends
// of random sizes to DMs and groups, retries, per-conversation trims and the byte bound's
// least-recently-active eviction. After every operation, reads and historyStats() must agree
// with the model (the engine's storage is a compacted array behind a logical oldest seq).
import { describe, expect, it } from "vitest";
import { seededRandom } from "../helpers/random.js";
import { CONVERSATION_BYTES, MemoryEngine, messageBytes } from "../../src/engine/memory/memory-engine.js";

interface Held {
  seq: number;
  bytes: number;
  messageId: string;
}

async function scenario(seed: number): Promise<void> {
  const ri = seededRandom(seed);
  const limit = 1 + ri(12);
  const maxBytes = 1_200 * (3 + ri(30));
  const e = new MemoryEngine({ nodeId: "n", historyPerConversation: limit, historyMaxBytes: maxBytes, dedupeTtlMs: 3_600_000 });
  const model = new Map<string, { lastSeq: number; held: Held[] }>();
  const lru: string[] = []; // least recently appended first, conversations that hold messages
  const sent: { conversationId: string; clientMsgId: string; seq: number; messageId: string }[] = [];
  let total = 0;
  for (let op = 0; op < 400; op++) {
    const at = `seed ${seed} op ${op}`;
    if (ri(5) === 0 && sent.length > 0) {
      const s = sent[ri(sent.length)]!;
      const retry = await e.store.append({
        conversationId: s.conversationId,
        senderId: "alice",
        senderDevice: "d",
        clientMsgId: s.clientMsgId,
        body: new Uint8Array(3),
        contentType: "t",
        memberIds: [],
      });
      expect(retry.duplicate, at).toBe(true);
      expect(retry.message, at).toMatchObject({ seq: s.seq, messageId: s.messageId, conversationId: s.conversationId });
      continue;
    }
    const c = ri(6);
    const conversationId = c % 2 === 0 ? `g:c${c}` : `dm:alice:u${c}`;
    const clientMsgId = `m${op}`;
    const size = ri(4) === 0 ? 2_000 + ri(2_000) : ri(60);
    const { message, duplicate } = await e.store.append({
      conversationId,
      senderId: "alice",
      senderDevice: "d",
      clientMsgId,
      body: new Uint8Array(size).fill(1),
      contentType: "text/plain",
      memberIds: [],
    });
    expect(duplicate, at).toBe(false);
    const conv = model.get(conversationId) ?? { lastSeq: 0, held: [] };
    model.set(conversationId, conv);
    conv.lastSeq += 1;
    expect(message.seq, at).toBe(conv.lastSeq);
    sent.push({ conversationId, clientMsgId, seq: message.seq, messageId: message.messageId });
    if (conv.held.length === 0) total += CONVERSATION_BYTES;
    conv.held.push({ seq: message.seq, bytes: messageBytes(message), messageId: message.messageId });
    total += messageBytes(message);
    if (lru.includes(conversationId)) lru.splice(lru.indexOf(conversationId), 1);
    lru.push(conversationId);
    if (conv.held.length > limit + Math.floor(limit / 4)) while (conv.held.length > limit) total -= conv.held.shift()!.bytes;
    while (total > maxBytes) {
      const victim = model.get(lru[0]!)!;
      let over = total - maxBytes;
      for (let n = 0; over > 0 && n < 256 && victim.held.length > 0; n++) {
        const m = victim.held.shift()!;
        over -= m.bytes;
        total -= m.bytes;
      }
      if (victim.held.length === 0) {
        total -= CONVERSATION_BYTES;
        lru.shift();
      }
    }

    const stats = e.store.historyStats();
    expect(stats.bytes, at).toBe(total);
    expect(stats.bytes, at).toBeLessThanOrEqual(maxBytes);
    expect(stats.messages, at).toBe([...model.values()].reduce((n, m) => n + m.held.length, 0));
    for (const [id, m] of model) {
      const oldest = m.held[0]?.seq ?? m.lastSeq + 1;
      const all = await e.store.read(id, 0, 1_000);
      expect(all.oldestSeq, `${at} ${id}`).toBe(oldest);
      expect(
        all.messages.map((x) => x.messageId),
        `${at} ${id}`,
      ).toEqual(m.held.map((x) => x.messageId));
      const after = ri(m.lastSeq + 2) - 1;
      const page = 1 + ri(limit + 2);
      const from = Math.max(oldest, after + 1);
      expect(
        (await e.store.read(id, after, page)).messages.map((x) => x.seq),
        `${at} ${id} read(${after}, ${page})`,
      ).toEqual(Array.from({ length: Math.max(0, Math.min(page, m.lastSeq - from + 1)) }, (_, i) => from + i));
    }
  }
  await e.close();
}

describe("memory engine history bounds against a model", () => {
  it("agrees on held messages, reads, bytes and retries over 30 seeded runs of 400 operations", async () => {
    for (let seed = 1; seed <= 30; seed++) await scenario(seed);
  });
});
