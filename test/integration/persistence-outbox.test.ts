// The ACK_MODE=store outbox against real Redis + MariaDB: what a mover read but never enqueued (it
// crashed in between) still reaches MySQL, once, through another mover's claim or through the
// same consumer after a restart.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppendInput } from "../../src/engine/types.js";
import { ErrorCode, SwitchboardError } from "../../src/protocol/codes.js";
import { OUTBOX_GROUP, OutboxMover } from "../../src/persistence/outbox.js";
import { redisConnection } from "../../src/persistence/queue.js";
import { createRig, createTestDatabase, log, pollUntil, REDIS_URL, type Rig, rowsOf } from "./persistence-harness.js";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Redis;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await db?.drop();
});

function send(conversationId: string, i: number): AppendInput {
  return {
    conversationId,
    senderId: "olga",
    senderDevice: "phone",
    clientMsgId: `${conversationId}-${i}`,
    body: new Uint8Array(Buffer.from(`message ${i}`)),
    contentType: "text/plain",
    memberIds: ["olga", "pete"],
  };
}

/** Appends n acked messages while no mover runs, then lets `ghost` read them without acking, as
 * a mover that crashed between XREADGROUP and the enqueue would have. */
async function strandEntries(rig: Rig, conversationId: string, n: number, ghost: string): Promise<string> {
  await rig.mover!.close();
  for (let i = 0; i < n; i++) await rig.store.append(send(conversationId, i));
  const stream = rig.engine.keys.outbox();
  expect(await redis.xlen(stream)).toBe(n);
  await redis.xreadgroup("GROUP", OUTBOX_GROUP, ghost, "COUNT", 1000, "STREAMS", stream, ">");
  const pending = (await redis.xpending(stream, OUTBOX_GROUP)) as [number, ...unknown[]];
  expect(pending[0]).toBe(n);
  return stream;
}

function mover(rig: Rig, consumer: string, claimIdleMs: number): OutboxMover {
  return new OutboxMover({
    connection: redisConnection(REDIS_URL),
    streamKey: rig.engine.keys.outbox(),
    consumer,
    queue: rig.queue,
    maxMessages: 50,
    maxMs: 5,
    blockMs: 100,
    claimIdleMs,
    claimEveryMs: 50,
    metrics: rig.metrics,
    log,
  });
}

describe("outbox", () => {
  it("another mover claims entries a crashed mover read and persists them once", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url });
    const conv = "dm:olga:pete";
    const survivor = mover(rig, "n2", 300);
    try {
      const stream = await strandEntries(rig, conv, 30, "crashed-node");
      await survivor.start();
      await pollUntil("30 rows", async () => (await rowsOf(rig.reader, conv)).length === 30, 15_000);
      expect((await rowsOf(rig.reader, conv)).map((r) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      await pollUntil("an empty outbox", async () => (await redis.xlen(stream)) === 0, 5_000);
      expect(((await redis.xpending(stream, OUTBOX_GROUP)) as [number])[0]).toBe(0);
      expect((await rig.metrics.outboxClaimed.get()).values[0]?.value).toBe(30);
    } finally {
      await survivor.close();
      await rig.close();
    }
  });

  it("claims a crashed mover's entries while traffic never lets the stream go idle", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url });
    const stranded = "dm:olga:tess";
    const busy = "dm:olga:uma";
    const survivor = mover(rig, "n2", 300);
    let traffic = true;
    let sent = 0;
    let sender: Promise<void> = Promise.resolve();
    try {
      await strandEntries(rig, stranded, 10, "crashed-node");
      await survivor.start();
      // Traffic shape (not synchronisation): a message every 20 ms, so each blocking read (100 ms)
      // returns entries and the stream is never idle.
      sender = (async () => {
        while (traffic) {
          await rig.store.append(send(busy, sent++));
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      await pollUntil("the stranded entries in MySQL", async () => (await rowsOf(rig.reader, stranded)).length === 10, 10_000);
      expect((await rig.metrics.outboxClaimed.get()).values[0]?.value).toBe(10);
      traffic = false;
      await sender;
      await pollUntil("the busy conversation in MySQL", async () => (await rowsOf(rig.reader, busy)).length === sent, 10_000);
    } finally {
      traffic = false;
      await sender;
      await survivor.close();
      await rig.close();
    }
  });

  it("creates its consumer group again when Redis lost the stream (a restart without data)", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url });
    const conv = "dm:olga:sam";
    const stream = rig.engine.keys.outbox();
    try {
      await rig.store.append(send(conv, 0));
      await pollUntil("the first row", async () => (await rowsOf(rig.reader, conv)).length === 1, 10_000);
      // What a Redis restart without persistence leaves: no stream, no group.
      await redis.del(stream);
      for (let i = 1; i < 5; i++) await rig.store.append(send(conv, i));
      await pollUntil("the rows written after the loss", async () => (await rowsOf(rig.reader, conv)).length === 5, 10_000);
    } finally {
      await rig.close();
    }
  });

  it("a mover restarted under the same consumer name moves its own pending entries first", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url });
    const conv = "dm:olga:quinn";
    // Claims would take an hour: only the restart's own-pending read can move them.
    const restarted = mover(rig, "n3", 3_600_000);
    try {
      await strandEntries(rig, conv, 12, "n3");
      await restarted.start();
      await pollUntil("12 rows", async () => (await rowsOf(rig.reader, conv)).length === 12, 15_000);
      expect((await rig.metrics.outboxClaimed.get()).values[0]?.value ?? 0).toBe(0);
    } finally {
      await restarted.close();
      await rig.close();
    }
  });

  it("refuses sends with OVERLOADED once the outbox is over its bound, and accepts again when it drains", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url, batcher: { maxOutbox: 5, backlogPollMs: 20 } });
    const conv = "dm:olga:rita";
    const drainer = mover(rig, "n4", 3_600_000);
    try {
      await rig.mover!.close(); // the movers fall behind: nothing leaves the outbox
      let refused: SwitchboardError | null = null;
      let i = 0;
      await pollUntil("an OVERLOADED refusal", async () => {
        refused = await rig.store.append(send(conv, i)).then(
          () => null,
          (e: unknown) => e as SwitchboardError,
        );
        if (refused === null) i += 1;
        return refused !== null;
      });
      expect(refused!.code).toBe(ErrorCode.OVERLOADED);
      expect(refused!.message).toMatch(/outbox/);
      expect(i).toBeGreaterThanOrEqual(5);
      // Refused means not stored: the outbox holds exactly the accepted sends.
      expect(await redis.xlen(rig.engine.keys.outbox())).toBe(i);
      await drainer.start();
      await pollUntil("the refused send accepted after the drain", async () => {
        const r = await rig.store.append(send(conv, i)).then(
          () => true,
          () => false,
        );
        return r;
      });
      await pollUntil("every accepted send persisted", async () => (await rowsOf(rig.reader, conv)).length === i + 1, 15_000);
    } finally {
      await drainer.close();
      await rig.close();
    }
  });
});
