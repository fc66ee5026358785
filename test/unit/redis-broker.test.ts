// The broker's ordering rules, with a batcher whose replies the test releases one by one: what a
// node of an older version (it reads the node channel only) receives must stay in publish order
// whatever the replies' timing.
import { describe, expect, it } from "vitest";
import type { Batcher } from "../../src/engine/redis/batcher.js";
import { RedisBroker } from "../../src/engine/redis/broker.js";
import { Keys } from "../../src/engine/redis/keys.js";
import type { Subscriber } from "../../src/engine/redis/subscriber.js";
import { decodeEnvelope, decodeEnvelopeBatch, encodeEnvelope, encodeEnvelopeBatch, EnvelopeKind } from "../../src/protocol/proto.js";

interface Sent {
  channel: string;
  payload: Buffer;
  reply(receivers: number): Promise<void>;
  /** Fails the command (a timeout, a lost connection). */
  fail(err: Error): Promise<void>;
}

/** Lets the broker's reply handler (and what it publishes) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** Records PUBLISH commands in write order (Redis's delivery order); the test answers them. */
class FakeBatcher {
  readonly sent: Sent[] = [];
  private collectors: (() => void)[] = [];

  send<T>(command: string, channel: string, payload: Buffer): Promise<T> {
    expect(command).toBe("publish");
    return new Promise<T>((resolve, reject) => {
      this.sent.push({
        channel,
        payload,
        reply: async (n) => {
          resolve(n as T);
          await settle();
        },
        fail: async (err) => {
          reject(err);
          await settle();
        },
      });
    });
  }

  defer(collect: () => void): void {
    this.collectors.push(collect);
  }

  /** The end of a loop turn. */
  endTurn(): void {
    const c = this.collectors;
    this.collectors = [];
    for (const f of c) f();
  }

  /** The i-th PUBLISH written. */
  at(i: number): Sent {
    const s = this.sent[i];
    if (s === undefined) throw new Error(`no publish #${i}`);
    return s;
  }
}

const keys = new Keys("t:");
const TARGET = "old-node";

function envelope(seq: number): Uint8Array {
  return encodeEnvelope({
    userIds: ["u"],
    frame: new Uint8Array([1]),
    kind: EnvelopeKind.ENVELOPE_KIND_MESSAGE,
    conversationId: "dm:a:b",
    seq,
  });
}

function setup(): { b: RedisBroker; fake: FakeBatcher; legacySeqs: () => number[] } {
  const fake = new FakeBatcher();
  const b = new RedisBroker("sender", fake as unknown as Batcher, keys, {} as Subscriber);
  // What a node that reads only its node channel gets, in Redis's order.
  const legacySeqs = (): number[] =>
    fake.sent.filter((s) => s.channel === keys.nodeChannel(TARGET)).map((s) => decodeEnvelope(s.payload).seq);
  return { b, fake, legacySeqs };
}

const isBatch = (s: Sent): boolean => s.channel === keys.nodeBatchChannel(TARGET);

/** Publishes these seqs to TARGET in the current turn. */
function publishAll(b: RedisBroker, seqs: number[]): void {
  for (const s of seqs) void b.publish(TARGET, envelope(s));
}

/** Answers every batch written from #from on with 0 receivers: the target reads single envelopes. */
async function refuseBatches(fake: FakeBatcher, from: number): Promise<void> {
  for (let i = from; i < fake.sent.length; i++) if (isBatch(fake.sent[i]!)) await fake.at(i).reply(0);
}

describe("RedisBroker ordering", () => {
  it("frames a turn's envelopes for a node as one batch, and sends a lone envelope as it is", () => {
    const { b, fake } = setup();
    for (const s of [1, 2, 3]) void b.publish(TARGET, envelope(s));
    void b.publish("other", envelope(4));
    fake.endTurn();
    expect(fake.sent.map((s) => s.channel)).toEqual([keys.nodeBatchChannel(TARGET), keys.nodeChannel("other")]);
    expect(decodeEnvelopeBatch(fake.sent[0]!.payload).map((e) => decodeEnvelope(e).seq)).toEqual([1, 2, 3]);
  });

  it("sends a lone envelope as a batch while a batch to the same node awaits its reply", async () => {
    const { b, fake, legacySeqs } = setup();
    void b.publish(TARGET, envelope(1));
    void b.publish(TARGET, envelope(2));
    fake.endTurn();
    void b.publish(TARGET, envelope(3));
    fake.endTurn();
    expect(fake.sent.map(isBatch)).toEqual([true, true]);
    await fake.at(0).reply(0); // fallback 1, 2
    await fake.at(1).reply(0); // fallback 3
    expect(legacySeqs()).toEqual([1, 2, 3]);
  });

  it("keeps batching while a batch is in flight, even once the node is known to read single envelopes", async () => {
    const { b, fake, legacySeqs } = setup();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #0 batch [1, 2]
    await fake.at(0).reply(0); // #1, #2: fallbacks 1, 2
    publishAll(b, [3, 4]);
    fake.endTurn(); // #3 batch [3, 4], in flight
    await fake.at(1).reply(1);
    await fake.at(2).reply(1); // now known as a single-envelope reader
    publishAll(b, [5]);
    fake.endTurn();
    await refuseBatches(fake, 3);
    expect(legacySeqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it("adds to this turn's batch rather than overtake it when the node turns out to read single envelopes mid-turn", async () => {
    const { b, fake, legacySeqs } = setup();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #0 batch [1, 2]
    await fake.at(0).reply(0); // #1, #2: fallbacks 1, 2
    publishAll(b, [3, 4]); // waiting in this turn's batch
    await fake.at(1).reply(1);
    await fake.at(2).reply(1); // single-envelope reader, mid-turn
    publishAll(b, [5]);
    fake.endTurn();
    await refuseBatches(fake, 3);
    expect(legacySeqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it("sends single envelopes directly to a known single-envelope reader with nothing in flight", async () => {
    const { b, fake, legacySeqs } = setup();
    publishAll(b, [1, 2]);
    fake.endTurn();
    await fake.at(0).reply(0);
    await fake.at(1).reply(1);
    await fake.at(2).reply(1);
    publishAll(b, [3, 4]);
    expect(fake.sent.slice(3).map(isBatch)).toEqual([false, false]);
    expect(legacySeqs()).toEqual([1, 2, 3, 4]);
  });

  it("keeps a node with a batch still in flight when another batch to it fails", async () => {
    const { b, fake, legacySeqs } = setup();
    const first = Promise.all([b.publish(TARGET, envelope(1)), b.publish(TARGET, envelope(2))]);
    fake.endTurn(); // #0 batch [1, 2]
    publishAll(b, [3, 4]);
    fake.endTurn(); // #1 batch [3, 4]
    await fake.at(0).fail(new Error("command timed out"));
    await expect(first).rejects.toThrow("command timed out");
    publishAll(b, [5]); // #1 may yet fall back: 5 must not overtake it
    fake.endTurn();
    await refuseBatches(fake, 1);
    expect(legacySeqs()).toEqual([3, 4, 5]);
  });

  it("remembers a single-envelope reader learnt from a fallback that completed after the node was forgotten", async () => {
    const { b, fake } = setup();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #0
    const second = Promise.all([b.publish(TARGET, envelope(3)), b.publish(TARGET, envelope(4))]);
    fake.endTurn(); // #1
    await fake.at(0).reply(0); // #2, #3: fallbacks 1, 2
    await fake.at(1).fail(new Error("command timed out")); // nothing in flight: forgotten
    await expect(second).rejects.toThrow("command timed out");
    await fake.at(2).reply(1);
    await fake.at(3).reply(1); // the fallbacks reached it: it reads single envelopes
    const before = fake.sent.length;
    publishAll(b, [5, 6]);
    fake.endTurn();
    expect(fake.sent.slice(before).map(isBatch)).toEqual([false, false]);
  });

  it("splits a turn past 500 envelopes or 256 KiB into several PUBLISHes, in order", () => {
    const { b, fake } = setup();
    for (let s = 1; s <= 501; s++) void b.publish(TARGET, envelope(s));
    const big = (seq: number): Uint8Array =>
      encodeEnvelope({
        userIds: ["u"],
        frame: new Uint8Array(100_000),
        kind: EnvelopeKind.ENVELOPE_KIND_MESSAGE,
        conversationId: "dm:a:b",
        seq,
      });
    for (let s = 502; s <= 504; s++) void b.publish("big", big(s));
    fake.endTurn();
    const seqs = (i: number): number[] => decodeEnvelopeBatch(fake.at(i).payload).map((e) => decodeEnvelope(e).seq);
    // Full batches go out at once; the rest at the end of the turn, as batches too (the full
    // ones are in flight).
    expect(fake.sent.map((s) => s.channel)).toEqual([
      keys.nodeBatchChannel(TARGET),
      keys.nodeBatchChannel("big"),
      keys.nodeBatchChannel(TARGET),
      keys.nodeBatchChannel("big"),
    ]);
    expect(seqs(0)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(seqs(1)).toEqual([502, 503]);
    expect(seqs(2)).toEqual([501]);
    expect(seqs(3)).toEqual([504]);
  });

  it("after a failed batch, sends a lone envelope as it is again", async () => {
    const fake = new FakeBatcher();
    let fail = true;
    const batcher = {
      send: (c: string, ch: string, p: Buffer) => (fail ? Promise.reject(new Error("redis down")) : fake.send(c, ch, p)),
      defer: (c: () => void) => fake.defer(c),
    };
    const b = new RedisBroker("sender", batcher as unknown as Batcher, keys, {} as Subscriber);
    const p = Promise.all([b.publish(TARGET, envelope(1)), b.publish(TARGET, envelope(2))]);
    fake.endTurn();
    await expect(p).rejects.toThrow("redis down");
    fail = false;
    void b.publish(TARGET, envelope(3));
    fake.endTurn();
    expect(fake.sent.map((s) => s.channel)).toEqual([keys.nodeChannel(TARGET)]);
  });

  it("hands every envelope of a received batch to the handler even when one throws", async () => {
    const handlers = new Map<string, (payload: Buffer) => void>();
    let calls = 0;
    const subscriber = {
      // Both channels in one call: one SUBSCRIBE, so neither is live without the other.
      listenAll: async (list: [string, (payload: Buffer) => void][]) => {
        calls += 1;
        for (const [channel, h] of list) handlers.set(channel, h);
      },
    };
    const b = new RedisBroker("me", new FakeBatcher() as unknown as Batcher, keys, subscriber as unknown as Subscriber);
    const got: number[] = [];
    await b.subscribe((bytes) => {
      const seq = decodeEnvelope(bytes).seq;
      got.push(seq);
      if (seq === 2) throw new Error("bad envelope");
    });
    const batch = Buffer.from(encodeEnvelopeBatch([envelope(1), envelope(2), envelope(3)]));
    expect(() => handlers.get(keys.nodeBatchChannel("me"))!(batch)).toThrow("bad envelope");
    expect(got).toEqual([1, 2, 3]);
    expect([...handlers.keys()]).toEqual([keys.nodeChannel("me"), keys.nodeBatchChannel("me")]);
    expect(calls).toBe(1);
  });

  it("rejects the callers of a batch whose PUBLISH fails", async () => {
    const fake = new FakeBatcher();
    const failing = { ...fake, send: () => Promise.reject(new Error("redis down")), defer: (c: () => void) => fake.defer(c) };
    const b = new RedisBroker("sender", failing as unknown as Batcher, keys, {} as Subscriber);
    const p = Promise.all([b.publish(TARGET, envelope(1)), b.publish(TARGET, envelope(2))]);
    fake.endTurn();
    await expect(p).rejects.toThrow("redis down");
  });
});
