// Node-to-node envelopes over real Redis: a loop turn's envelopes for one node go out as one
// PUBLISH, in order, once that node is known to read batches; a node that only reads single
// envelopes (an older version, simulated by a plain subscriber on its node channel) gets every
// envelope, in order, even while a pattern subscriber would make a batch PUBLISH count a receiver.
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Batcher } from "../../src/engine/redis/batcher.js";
import { PROBE_MS, RedisBroker } from "../../src/engine/redis/broker.js";
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

/** Publishes seqs from..to in one loop turn. */
function turn(b: { publish(nodeId: string, e: Uint8Array): Promise<void> }, nodeId: string, from: number, to: number): Promise<void[]> {
  return Promise.all(Array.from({ length: to - from + 1 }, (_, i) => b.publish(nodeId, envelope(from + i))));
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  // QUIT, awaited: a pattern subscription left open would count as a receiver in the next test.
  await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
});

afterAll(async () => {
  await deleteKeys(REDIS_URL, prefix);
});

describe("redis broker", () => {
  it("sends one loop turn's envelopes for a node that reads batches as one PUBLISH, delivered in order", async () => {
    const [sender, receiver] = [await engine(), await engine()];
    const got: number[] = [];
    const all = latch<void>(5000, "201 envelopes");
    await receiver.broker.subscribe((bytes) => {
      got.push(decodeEnvelope(bytes).seq);
      if (got.length === 201) all.resolve();
    });
    // The first envelope goes out plain, with the NUMSUB probe ahead of it on the connection.
    await sender.broker.publish(receiver.nodeId, envelope(0));
    const before = sender.stats();
    await turn(sender.broker, receiver.nodeId, 1, 200);
    await all.promise;
    expect(got).toEqual(range(0, 200));
    const after = sender.stats();
    expect(after.publishes - before.publishes).toBe(1);
    expect(after.envelopeFallbacks).toBe(0);
    expect(after.probes).toBe(1);
  });

  it("sends a node of an older version plain envelopes only, in order, even under a pattern subscriber", async () => {
    const sender = await engine();
    const target = uniqueId("old");
    const seqs = await legacyNode(target);
    // An operator's monitor: PUBLISH to the target's batch channel would count it as a receiver.
    const monitor = await redis();
    await monitor.psubscribe(`${prefix}nodeb:*`);
    await turn(sender.broker, target, 1, 5);
    await turn(sender.broker, target, 6, 10);
    await waitFor(() => seqs.length === 10, 5000, "10 envelopes");
    expect(seqs).toEqual(range(1, 10));
    expect(sender.stats()).toMatchObject({ publishes: 10, envelopeFallbacks: 0, probes: 1 });
    await monitor.punsubscribe();
  });

  it("starts batching to an upgraded node once asked again", async () => {
    let now = 1_000_000;
    const b = await broker(() => now);
    const target = uniqueId("node");
    const seqs = await legacyNode(target);
    await turn(b, target, 1, 4);
    expect(b.stats()).toMatchObject({ publishes: 4, probes: 1 });

    // Upgraded: it reads batches now.
    const batches = await redis();
    const batched: number[] = [];
    batches.on("messageBuffer", () => batched.push(1));
    await batches.subscribe(keys.nodeBatchChannel(target));
    now += PROBE_MS;
    await turn(b, target, 5, 8); // plain, and the new answer
    await turn(b, target, 9, 12); // one batch
    expect(b.stats()).toMatchObject({ publishes: 4 + 4 + 1, probes: 2, envelopeFallbacks: 0 });
    await waitFor(() => batched.length === 1 && seqs.length === 8, 5000, "one batch, and the 8 plain envelopes");
  });

  it("re-publishes one by one a batch that reached no subscriber (a node gone back to an older version)", async () => {
    const [sender, receiver] = [await engine(), await engine()];
    const inspector = await redis();
    await receiver.broker.subscribe(() => undefined);
    await sender.broker.publish(receiver.nodeId, envelope(0)); // now known to read batches
    const seqs = await legacyNode(receiver.nodeId);
    await receiver.close(); // its subscriptions go; the "old" subscriber stays
    engines.splice(engines.indexOf(receiver), 1);
    const numsub = async (): Promise<number> => Number((await inspector.pubsub("NUMSUB", keys.nodeBatchChannel(receiver.nodeId)))[1]);
    await waitFor(async () => (await numsub()) === 0, 5000, "the batch subscription gone");
    await turn(sender.broker, receiver.nodeId, 1, 3);
    await turn(sender.broker, receiver.nodeId, 4, 5); // plain now
    await waitFor(() => seqs.length === 5, 5000, "5 envelopes");
    expect(seqs).toEqual(range(1, 5));
    expect(sender.stats().envelopeFallbacks).toBe(3);
  });
});
