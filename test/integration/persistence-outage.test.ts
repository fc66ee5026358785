// MySQL outages through a TCP proxy the test controls, and a poison message. Store mode keeps
// acking and drains by itself after the restore; db mode answers retryable errors in bounded time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppendInput } from "../../src/engine/types.js";
import type { StoredMessage } from "../../src/engine/types.js";
import { batchJobId, encodeBatch } from "../../src/persistence/codec.js";
import { MysqlRepository } from "../../src/persistence/mysql-repository.js";
import { formatMysqlUrl, parseMysqlUrl } from "../../src/persistence/mysql-url.js";
import { persistJobOptions } from "../../src/persistence/queue.js";
import { ErrorCode, SwitchboardError } from "../../src/protocol/codes.js";
import { countRows, createRig, createTestDatabase, makeMessages, pollUntil, rowsOf, TcpProxy } from "./persistence-harness.js";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: TcpProxy;
let proxiedUrl: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const t = parseMysqlUrl(db.url);
  proxy = new TcpProxy(t.host, t.port);
  await proxy.start();
  proxiedUrl = formatMysqlUrl({ ...t, port: proxy.port });
});
afterAll(async () => {
  await proxy?.close();
  await db?.drop();
});

function send(conversationId: string, i: number): AppendInput {
  return {
    conversationId,
    senderId: "alice",
    senderDevice: "phone",
    clientMsgId: `${conversationId}-${i}`,
    body: new Uint8Array([i & 255, (i >> 8) & 255]),
    contentType: "application/octet-stream",
    memberIds: ["alice", "bob"],
  };
}

describe("MySQL outage", () => {
  it("store mode: acks continue, jobs wait, everything lands once after the restore", async () => {
    const rig = await createRig({ writerUrl: proxiedUrl, readerUrl: db.url });
    const conv = "dm:alice:bob";
    const total = 600;
    try {
      let acked = 0;
      let cutDone = false;
      const producer = (async () => {
        for (let i = 0; i < total; i++) {
          await rig.store.append(send(conv, i));
          acked += 1;
          if (acked === 150) {
            proxy.cut();
            cutDone = true;
          }
        }
      })();
      // While cut: the producer keeps getting acks and jobs pile up / fail transiently.
      await pollUntil("the cut", () => cutDone, 15_000, 5);
      await pollUntil(
        "transient failures while MySQL is cut",
        async () => (await rig.metrics.jobFailures.get()).values.some((v) => v.labels.kind === "transient" && v.value > 0),
        15_000,
      );
      await pollUntil("acks past the cut", () => acked >= 400, 15_000, 5);
      const stuck = await rig.queue.getJobCounts("wait", "delayed", "active");
      expect((stuck.wait ?? 0) + (stuck.delayed ?? 0) + (stuck.active ?? 0)).toBeGreaterThan(0);
      proxy.restore();
      await producer;
      expect(acked).toBe(total);
      await pollUntil(`${total} rows after the restore`, async () => (await countRows(rig.reader)) === total, 20_000);
      const rows = await rowsOf(rig.reader, conv);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(await rig.deadQueue.count()).toBe(0);
    } finally {
      proxy.restore();
      await rig.close();
    }
  });

  it("db mode: sends fail with a retryable UNAVAILABLE within the bound, then persist after the restore", async () => {
    const rig = await createRig({ writerUrl: proxiedUrl, readerUrl: db.url, ackMode: "db", batcher: { commitTimeoutMs: 1_000 } });
    const conv = "dm:alice:carol";
    try {
      await rig.store.append(send(conv, 0)); // warm: committed
      proxy.cut();
      const failures: SwitchboardError[] = [];
      for (let i = 1; i <= 5; i++) {
        const started = Date.now();
        const err = await rig.store.append(send(conv, i)).then(
          () => null,
          (e: unknown) => e,
        );
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(err).toBeInstanceOf(SwitchboardError);
        failures.push(err as SwitchboardError);
      }
      for (const f of failures) {
        expect(f.code).toBe(ErrorCode.UNAVAILABLE);
        expect(f.retryable).toBe(true);
      }
      proxy.restore();
      // The client retries with the same client_msg_id: answered once it is committed.
      await pollUntil(
        "a retried send to be acked",
        async () => {
          const r = await rig.store.append(send(conv, 3));
          return r.message.seq === 4;
        },
        15_000,
        100,
      );
      // The refused sends were queued anyway and drain by themselves: nothing lost, no duplicate.
      await pollUntil("6 rows", async () => (await rowsOf(rig.reader, conv)).length === 6, 15_000);
      expect((await rowsOf(rig.reader, conv)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      proxy.restore();
      await rig.close();
    }
  });

  it("refuses with OVERLOADED past the backlog bound, storing nothing", async () => {
    const rig = await createRig({ writerUrl: proxiedUrl, readerUrl: db.url, batcher: { maxBacklog: 3 }, mover: { maxMessages: 5 } });
    const conv = "dm:alice:dan";
    try {
      proxy.cut();
      let overloaded: SwitchboardError | null = null;
      let i = 0;
      await pollUntil(
        "an OVERLOADED refusal",
        async () => {
          const r = await rig.store.append(send(conv, i)).then(
            () => null,
            (e: unknown) => e as SwitchboardError,
          );
          i += 1;
          if (r !== null) overloaded = r;
          return overloaded !== null;
        },
        15_000,
        1,
      );
      expect(overloaded!.code).toBe(ErrorCode.OVERLOADED);
      expect(overloaded!.retryable).toBe(true);
      // The refused message was not stored: the hot store holds one fewer than attempted.
      expect((await rig.engine.store.read(conv, 0, 1000)).lastSeq).toBe(i - 1);
      proxy.restore();
      await pollUntil("the backlog drains", async () => (await countRows(rig.reader, `conversation_id = '${conv}'`)) === i - 1, 15_000);
    } finally {
      proxy.restore();
      await rig.close();
    }
  });
});

describe("a server-wide MySQL error", () => {
  it("is waited out like an outage (a full disk): nothing dead-lettered, every acked message written after it", async () => {
    const real = new MysqlRepository({ url: db.url, poolSize: 2 });
    // What mysql2 rejects with when InnoDB cannot extend the tablespace.
    const tableFull = (): Error =>
      Object.assign(new Error("The table 'messages' is full"), {
        code: "ER_RECORD_FILE_FULL",
        errno: 1114,
        sqlState: "HY000",
        fatal: false,
      });
    let full = true;
    let refusals = 0;
    const writer = {
      insertBatch: (messages: readonly StoredMessage[]) => {
        if (!full) return real.insertBatch(messages);
        refusals += 1;
        return Promise.reject(tableFull());
      },
    };
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url, persister: { writer } });
    const conv = "dm:olga:pete";
    try {
      for (let i = 0; i < 6; i++) await rig.store.append(send(conv, i)); // acked (store mode)
      // Past the rig's bisectAfter (2): a refusal of the data would have been bisected and dead-lettered by now.
      await pollUntil("the disk-full refusals to pile up", () => refusals >= 6, 15_000);
      full = false;
      await pollUntil("the 6 acked messages in MySQL", async () => (await rowsOf(rig.reader, conv)).length === 6, 15_000);
      expect(await rig.deadQueue.count()).toBe(0);
    } finally {
      await rig.close();
      await real.close();
    }
  });
});

describe("poison message", () => {
  it("goes to the dead-letter queue while the rest of its batch is written", async () => {
    const rig = await createRig({ writerUrl: db.url, readerUrl: db.url });
    const conv = "dm:erin:poison";
    try {
      const messages = makeMessages(conv, 1, 20, "erin");
      // 200 characters > VARCHAR(128): strict mode refuses the row (it would never be truncated).
      messages[12] = { ...messages[12]!, clientMsgId: "x".repeat(200) };
      await rig.queue.add("batch", encodeBatch(messages), { ...persistJobOptions({ backoffMs: 30 }), jobId: batchJobId(messages) });
      await pollUntil("one dead letter", async () => (await rig.deadQueue.count()) === 1, 15_000);
      await pollUntil("19 rows", async () => (await rowsOf(rig.reader, conv)).length === 19, 15_000);
      const rows = await rowsOf(rig.reader, conv);
      expect(rows.map((r) => r.seq)).toEqual(messages.filter((_, i) => i !== 12).map((m) => m.seq));
      const [dead] = await rig.deadQueue.getJobs(["wait"]);
      expect(dead?.data.reason).toBe("refused");
      expect(dead?.data.message[2]).toBe(13);
      expect(dead?.data.error).toMatch(/too long/i);
      const counter = await rig.metrics.deadLetters.get();
      expect(counter.values.find((v) => v.labels.reason === "refused")?.value).toBe(1);
    } finally {
      await rig.close();
    }
  });
});
