// PersistentStore over the Redis engine against real MariaDB + Redis: acked == persisted, cold
// sync across the hot/cold boundary, idempotent re-delivery, db-mode acks, groups and cursors.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppendInput, StoredMessage } from "../../src/engine/types.js";
import { batchJobId, encodeBatch } from "../../src/persistence/codec.js";
import { MysqlRepository } from "../../src/persistence/mysql-repository.js";
import { persistJobOptions } from "../../src/persistence/queue.js";
import { countRows, createRig, createTestDatabase, makeMessages, pollUntil, REDIS_URL, type Rig, rowsOf } from "./persistence-harness.js";

let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

function send(conversationId: string, i: number, sender = "alice"): AppendInput {
  const [, a = "alice", b = "bob"] = conversationId.split(":");
  return {
    conversationId,
    senderId: sender,
    senderDevice: "phone",
    clientMsgId: `${conversationId}-${i}`,
    body: new Uint8Array(Buffer.from(`message ${i} \u{1F600}`)),
    contentType: "text/plain",
    memberIds: [a, b],
  };
}

describe("PersistentStore (store mode)", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await createRig({ writerUrl: db.url, readerUrl: db.url, hotLimit: 50 });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("persists exactly the 1,000 acked messages", async () => {
    const conversations = ["dm:alice:bob", "dm:alice:carol", "dm:bob:carol", "dm:alice:dave"];
    const acked: StoredMessage[] = [];
    // 8 concurrent senders: batches fill from several conversations at once.
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = w; i < 1000; i += 8) {
          const conv = conversations[i % conversations.length]!;
          const r = await rig.store.append(send(conv, i));
          expect(r.duplicate).toBe(false);
          acked.push(r.message);
        }
      }),
    );
    expect(acked).toHaveLength(1000);
    await pollUntil("1,000 rows", async () => (await countRows(rig.reader)) === 1000);
    for (const conv of conversations) {
      const expected = acked.filter((m) => m.conversationId === conv).sort((a, b) => a.seq - b.seq);
      const stored = await rig.reader.readRange(conv, 0, 10_000);
      expect(stored).toEqual(expected);
    }
    // DM membership rows were derived from the ids: conversationsOf works from MySQL alone.
    const heads = await rig.reader.conversationsOf("carol");
    expect(heads.map((h) => h.conversationId).sort()).toEqual(["dm:alice:carol", "dm:bob:carol"]);
  });

  it("syncs 1..500 exactly once, in order, across the hot/cold boundary", async () => {
    const conv = "dm:erin:frank";
    for (let i = 0; i < 500; i++) await rig.store.append({ ...send(conv, i, "erin"), memberIds: ["erin", "frank"] });
    const hot = await rig.engine.store.read(conv, 0, 1);
    expect(hot.oldestSeq).toBeGreaterThan(400); // the hot window really is small
    await pollUntil("500 rows", async () => (await rowsOf(rig.reader, conv)).length === 500);

    const seen: number[] = [];
    let after = 0;
    for (let page = 0; page < 100 && after < 500; page++) {
      const r = await rig.store.read(conv, after, 37);
      expect(r.lastSeq).toBe(500);
      expect(r.messages.length).toBeGreaterThan(0);
      for (const m of r.messages) seen.push(m.seq);
      after = r.messages[r.messages.length - 1]!.seq;
    }
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const tail = await rig.store.read(conv, 500, 37);
    expect(tail.messages).toEqual([]);
  });

  it("writes no duplicate row when a batch is delivered twice", async () => {
    const conv = "dm:gina:hank";
    const batch = makeMessages(conv, 1, 40, "gina");
    // Same content, same deterministic id: BullMQ keeps one job.
    const opts = persistJobOptions({ backoffMs: 30 });
    await rig.queue.add("batch", encodeBatch(batch), { ...opts, jobId: batchJobId(batch) });
    await rig.queue.add("batch", encodeBatch(batch), { ...opts, jobId: batchJobId(batch) });
    // A real re-delivery (a different job with the same rows, e.g. after the first one's completed
    // record was trimmed) and an overlapping batch: MySQL's keys absorb both.
    await rig.queue.add("batch", encodeBatch(batch), { ...opts, jobId: "redelivery-1" });
    await rig.queue.add("batch", encodeBatch(batch.slice(10, 30)), { ...opts, jobId: "overlap-1" });
    await pollUntil("the four jobs completed", async () => (await rig.queue.getJobCounts("completed")).completed! >= 3);
    await pollUntil("jobs drained", async () => {
      const c = await rig.queue.getJobCounts("wait", "active", "delayed");
      return c.wait === 0 && c.active === 0 && c.delayed === 0;
    });
    const rows = await rowsOf(rig.reader, conv);
    expect(rows.map((r) => r.seq)).toEqual(batch.map((m) => m.seq));
    expect(rows.map((r) => r.message_id)).toEqual(batch.map((m) => m.messageId));
    // Directly, too: the second insert writes nothing and reports no conflict.
    expect(await rig.writer.insertBatch(batch)).toEqual({ inserted: 0, conflicts: [] });
    expect(await rig.deadQueue.count()).toBe(0);
  });

  it("persists every message the engine accepted as new: a client_msg_id that differs by a trailing space, or one reused after its dedupe window", async () => {
    const conv = "dm:pat:quin";
    const at = (clientMsgId: string, text: string): AppendInput => ({
      ...send(conv, 0, "pat"),
      clientMsgId,
      body: new TextEncoder().encode(text),
    });
    const a = await rig.store.append(at("k1", "first"));
    const b = await rig.store.append(at("k1 ", "second"));
    // The dedupe window ran out (DEDUPE_TTL_MS): the engine forgets the id, the sender reuses it.
    const redis = new Redis(REDIS_URL);
    await redis.del(rig.engine.keys.dedupe("pat", "k1")).finally(() => redis.disconnect());
    const c = await rig.store.append(at("k1", "third"));
    expect([a, b, c].map((r) => [r.duplicate, r.message.seq])).toEqual([
      [false, 1],
      [false, 2],
      [false, 3],
    ]);
    await pollUntil("3 rows", async () => (await rowsOf(rig.reader, conv)).length === 3, 15_000);
    expect((await rowsOf(rig.reader, conv)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await rig.deadQueue.count()).toBe(0);
  });

  it("persists groups (MySQL is the truth), membership and forward-only cursors", async () => {
    await rig.groups.create({ conversationId: "g:team", name: "Team", ownerId: "ann", memberIds: ["ann", "ben", "cat"] });
    await rig.groups.addMembers("g:team", ["dan", "ben"]);
    const afterRemove = await rig.groups.removeMembers("g:team", ["ann"]);
    expect(afterRemove).toEqual({ conversationId: "g:team", name: "Team", ownerId: "ben", memberIds: ["ben", "cat", "dan"] });
    expect(await rig.reader.loadGroup("g:team")).toEqual(afterRemove);
    expect((await rig.reader.conversationsOf("dan")).map((h) => h.conversationId)).toEqual(["g:team"]);

    // Cursors stop at the conversation's newest seq: give it 7 messages.
    for (let i = 0; i < 7; i++) await rig.store.append(send("g:team", i, "ben"));
    await rig.store.setCursor("ben", "laptop", "g:team", 7);
    await rig.store.setCursor("ben", "laptop", "g:team", 5); // backwards: ignored
    await rig.store.flushCursors();
    await rig.reader.upsertCursors([{ userId: "ben", deviceId: "laptop", conversationId: "g:team", seq: 3 }]);
    expect(await rig.reader.cursors("ben", "laptop")).toEqual(new Map([["g:team", 7]]));
  });

  it("deletes device cursors not written for CURSOR_TTL_MS, keeping those in use", async () => {
    const day = 86_400_000;
    for (let i = 0; i < 3; i++) await rig.store.append(send("dm:eve:fay", i, "eve"));
    // A device that acked 10 days ago (a made-up id from an old launch), and one that acks now.
    const past = new MysqlRepository({ url: db.url, poolSize: 1, now: () => Date.now() - 10 * day });
    try {
      await past.upsertCursors([{ userId: "eve", deviceId: "old-tab", conversationId: "dm:eve:fay", seq: 2 }]);
    } finally {
      await past.close();
    }
    await rig.store.setCursor("eve", "phone", "dm:eve:fay", 3);
    await rig.store.flushCursors();
    expect(await rig.store.sweepCursors(7 * day)).toBe(1);
    expect(await rig.reader.cursors("eve", "old-tab")).toEqual(new Map());
    expect(await rig.reader.cursors("eve", "phone")).toEqual(new Map([["dm:eve:fay", 3]]));
  });
});

describe("PersistentStore (db mode)", () => {
  for (const dbPath of ["direct", "queue-events"] as const) {
    it(`acks only after the MySQL commit (${dbPath})`, async () => {
      const rig = await createRig({ writerUrl: db.url, readerUrl: db.url, ackMode: "db", dbPath });
      try {
        const conv = `dm:ivy:${dbPath === "direct" ? "jon" : "kim"}`;
        for (let i = 0; i < 30; i++) {
          const r = await rig.store.append(send(conv, i, "ivy"));
          // Acked means committed: the row is readable right now, no polling.
          const rows = await rowsOf(rig.reader, conv);
          expect(rows[rows.length - 1]?.seq).toBe(r.message.seq);
        }
      } finally {
        await rig.close();
      }
    });
  }
});

describe("PersistentStore (db mode), a retry on another node", () => {
  it("commits a message that the node which stored it never committed before acking the retry", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url, ackMode: "db" });
    try {
      const conv = "dm:liv:max";
      // Node A appended to Redis, then died before its batch committed (no ack went out).
      await rig.engine.store.append(send(conv, 0, "liv"));
      expect(await rowsOf(rig.reader, conv)).toEqual([]);
      // The client retries on node B: its ack must mean committed, as for any db-mode ack.
      const retry = await rig.store.append(send(conv, 0, "liv"));
      expect(retry.duplicate).toBe(true);
      expect((await rowsOf(rig.reader, conv)).map((r) => r.seq)).toEqual([retry.message.seq]);
      // A retry of a message already in MySQL stays a no-op.
      await rig.store.append(send(conv, 0, "liv"));
      expect(await rowsOf(rig.reader, conv)).toHaveLength(1);
    } finally {
      await rig.close();
    }
  });
});

describe("PersistentStore (db mode, queue-events), a retry after a slow commit", () => {
  it("is acked once the first commit is done (its batch is a job of its own, not the completed one)", async () => {
    const real = new MysqlRepository({ url: db.url, poolSize: 2 });
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    let calls = 0;
    const writer = {
      async insertBatch(messages: readonly StoredMessage[]) {
        if (calls++ === 0) await held; // the first commit outlasts the ack's wait
        return real.insertBatch(messages);
      },
    };
    const rig = await createRig({
      writerUrl: db.url,
      readerUrl: db.url,
      ackMode: "db",
      dbPath: "queue-events",
      persister: { writer },
      batcher: { commitTimeoutMs: 300 },
    });
    const conv = "dm:nia:oto";
    try {
      await expect(rig.store.append(send(conv, 0, "nia"))).rejects.toThrow(/longer than/);
      release();
      await pollUntil("the first commit", async () => (await rowsOf(rig.reader, conv)).length === 1, 10_000);
      const retry = await rig.store.append(send(conv, 0, "nia"));
      expect(retry.message.seq).toBe(1);
      expect(await rowsOf(rig.reader, conv)).toHaveLength(1);
    } finally {
      release();
      await rig.close();
      await real.close();
    }
  });
});

describe("MysqlRepository under concurrent writers", () => {
  it("commits concurrent batches that create the same new DMs in opposite orders", async () => {
    const repo = new MysqlRepository({ url: db.url, poolSize: 4 });
    try {
      for (let round = 0; round < 10; round++) {
        const ids = Array.from({ length: 20 }, (_, i) => `dm:r${round}a${String(i).padStart(2, "0")}:r${round}b${i}`);
        // Four writers, each with every conversation (its own seqs), half of them in reverse.
        const batches = [0, 1, 2, 3].map((w) => {
          const order = w % 2 === 0 ? ids : [...ids].reverse();
          return order.flatMap((id) => makeMessages(id, w + 1, 1, "x"));
        });
        const results = await Promise.all(batches.map((b) => repo.insertBatch(b)));
        expect(results.map((r) => r.inserted)).toEqual([20, 20, 20, 20]);
      }
      expect(await countRows(repo, "conversation_id LIKE 'dm:r%'")).toBe(800);
    } finally {
      await repo.close();
    }
  });
});
