// Node-to-node envelopes over real Redis: a loop turn's envelopes for one node go out as one
// PUBLISH, in order; a node that only reads single envelopes (an older version, simulated by a
// plain subscriber on its node channel) still gets every envelope, in order.
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Batcher } from "../../src/engine/redis/batcher.js";
import { RedisBroker, SINGLE_ENVELOPE_MS } from "../../src/engine/redis/broker.js";
import { Keys } from "../../src/engine/redis/keys.js";
import type { RedisEngine } from "../../src/engine/redis/redis-engine.js";
import { Subscriber } from "../../src/engine/redis/subscriber.js";
import { decodeEnvelope, encodeEnvelope, EnvelopeKind } from "../../src/protocol/proto.js";
import { latch, uniqueId, waitFor } from "./helpers.js";
import { deleteKeys, REDIS_URL, startEngine, testLog, uniquePrefix } from "./redis-fixtures.js";

const prefix = uniquePrefix();
const keys = new Keys(prefix);
const engines: RedisEngine[] = [];
const clients: Redis[] = [];

function envelope(seq: number): Uint8Array {
  return encodeEnvelope({
    userIds: ["u1"],
    frame: new Uint8Array([seq % 256]),
    kind: EnvelopeKind.ENVELOPE_KIND_MESSAGE,
    conversationId: "dm:a:b",
    seq,
  });
}

async function engine(): Promise<RedisEngine> {
  const e = await startEngine(REDIS_URL, { nodeId: uniqueId("node"), prefix });
  engines.push(e);
  return e;
}

async function redis(): Promise<Redis> {
  const c = new Redis(REDIS_URL);
  clients.push(c);
  await c.ping();
  return c;
}

/** A node of an older version: subscribed to its node channel only. Collects the seqs it gets. */
async function legacyNode(nodeId: string): Promise<number[]> {
  const sub = await redis();
  const seqs: number[] = [];
  sub.on("messageBuffer", (_channel: Buffer, message: Buffer) => seqs.push(decodeEnvelope(message).seq));
  await sub.subscribe(keys.nodeChannel(nodeId));
  return seqs;
}

/** A broker of its own (with a clock the test moves), on fresh connections. */
async function broker(now: () => number = Date.now): Promise<RedisBroker> {
  const client = await redis();
  return new RedisBroker(uniqueId("sender"), new Batcher(client), keys, new Subscriber(await redis(), testLog), now);
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  for (const c of clients.splice(0)) c.disconnect();
});

afterAll(async () => {
  await deleteKeys(REDIS_URL, prefix);
});

describe("redis broker", () => {
  it("sends one loop turn's envelopes for a node as one PUBLISH, delivered in order", async () => {
    const [sender, receiver] = [await engine(), await engine()];
    const got: number[] = [];
    const all = latch<void>(5000, "200 envelopes");
    await receiver.broker.subscribe((bytes) => {
      got.push(decodeEnvelope(bytes).seq);
      if (got.length === 200) all.resolve();
    });
    const before = sender.stats();
    await Promise.all(Array.from({ length: 200 }, (_, i) => sender.broker.publish(receiver.nodeId, envelope(i + 1))));
    await all.promise;
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const after = sender.stats();
    expect(after.publishes - before.publishes).toBe(1);
    expect(after.envelopeFallbacks - before.envelopeFallbacks).toBe(0);
  });

  it("sends a lone envelope as a plain Envelope on the node channel", async () => {
    const sender = await engine();
    const target = uniqueId("old");
    const seqs = await legacyNode(target);
    await sender.broker.publish(target, envelope(7));
    await waitFor(() => seqs.length === 1, 5000, "the envelope");
    expect(seqs).toEqual([7]);
    expect(sender.stats().envelopeFallbacks).toBe(0);
  });

  it("re-publishes a batch one by one to a node that reads only single envelopes, in order, then sends it singles", async () => {
    const sender = await engine();
    const target = uniqueId("old");
    const seqs = await legacyNode(target);
    let seq = 0;
    const turn = (n: number): Promise<void[]> =>
      Promise.all(Array.from({ length: n }, () => sender.broker.publish(target, envelope(++seq))));
    // Several turns in flight before the first reply: their fallbacks must keep the order.
    await Promise.all([turn(5), new Promise((r) => setImmediate(r)).then(() => turn(3)), turn(1)]);
    await waitFor(() => seqs.length === seq, 5000, "the fallback envelopes");
    expect(seqs).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    const fallbacks = sender.stats().envelopeFallbacks;
    expect(fallbacks).toBeGreaterThanOrEqual(5);

    // Known now as a single-envelope reader: no more batches, so no more fallbacks.
    const before = sender.stats();
    await turn(10);
    await waitFor(() => seqs.length === seq, 5000, "the single envelopes");
    expect(seqs).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    expect(sender.stats().envelopeFallbacks).toBe(fallbacks);
    expect(sender.stats().publishes - before.publishes).toBe(10);
  });

  it("tries batches again once the single-envelope period is over (the node may have been upgraded)", async () => {
    let now = 1_000_000;
    const b = await broker(() => now);
    const target = uniqueId("node");
    const seqs = await legacyNode(target);
    const turn = (from: number, n: number): Promise<void[]> =>
      Promise.all(Array.from({ length: n }, (_, i) => b.publish(target, envelope(from + i))));
    await turn(1, 4);
    expect(b.stats().envelopeFallbacks).toBe(4);
    await turn(5, 4);
    expect(b.stats().envelopeFallbacks).toBe(4);

    // Upgraded: it reads batches now.
    const batches = await redis();
    const batched: number[] = [];
    batches.on("messageBuffer", () => batched.push(1));
    await batches.subscribe(keys.nodeBatchChannel(target));
    now += SINGLE_ENVELOPE_MS + 1;
    await turn(9, 4);
    expect(b.stats().envelopeFallbacks).toBe(4);
    await waitFor(() => batched.length === 1 && seqs.length === 8, 5000, "one batch, and the 8 single envelopes");
  });

  it("resolves a batch for a node nobody listens to (a node gone), and keeps trying batches", async () => {
    const b = await broker();
    const target = uniqueId("gone");
    await Promise.all([1, 2, 3].map((s) => b.publish(target, envelope(s))));
    await Promise.all([4, 5].map((s) => b.publish(target, envelope(s))));
    // Nobody got the fallbacks either, so the node is not taken for an old one: both turns batched.
    expect(b.stats()).toEqual({ publishes: 2 + 5, envelopeFallbacks: 5 });
  });
});
