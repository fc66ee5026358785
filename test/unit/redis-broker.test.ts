// The broker's rules, with a batcher whose replies the test releases one by one and a clock it
// moves: when a node gets batches, and that what a node of an older version (it reads the node
// channel only) receives stays in publish order whatever the replies' timing.
import { describe, expect, it } from "vitest";
import type { Batcher } from "../../src/engine/redis/batcher.js";
import { PROBE_MS, RedisBroker } from "../../src/engine/redis/broker.js";
import { Keys } from "../../src/engine/redis/keys.js";
import type { Subscriber } from "../../src/engine/redis/subscriber.js";
import { decodeEnvelope, decodeEnvelopeBatch, encodeEnvelope, encodeEnvelopeBatch, EnvelopeKind } from "../../src/protocol/proto.js";

/** A command the test answers. */
interface Pending<R> {
  reply(value: R): Promise<void>;
  fail(err: Error): Promise<void>;
}

interface Sent extends Pending<number> {
  channel: string;
  payload: Buffer;
}

/** Lets the broker's reply handlers (and what they publish) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function pending<R>(resolve: (v: R) => void, reject: (e: Error) => void): Pending<R> {
  return {
    reply: async (v) => {
      resolve(v);
      await settle();
    },
    fail: async (e) => {
      reject(e);
      await settle();
    },
  };
}

/** Records PUBLISH commands in write order (Redis's delivery order) and NUMSUB probes apart. */
class FakeBatcher {
  readonly sent: Sent[] = [];
  readonly probes: Pending<[string, number]>[] = [];
  private collectors: (() => void)[] = [];

  send<T>(command: string, ...args: (string | Buffer)[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (command === "pubsub") {
        expect(args[0]).toBe("NUMSUB");
        this.probes.push(pending((n: [string, number]) => resolve(n as T), reject));
        return;
      }
      expect(command).toBe("publish");
      this.sent.push({ channel: args[0] as string, payload: args[1] as Buffer, ...pending((n: number) => resolve(n as T), reject) });
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

  /** Answers the latest probe: `subscribers` on the batch channel. */
  async answerProbe(subscribers: number): Promise<void> {
    const p = this.probes[this.probes.length - 1];
    if (p === undefined) throw new Error("no probe");
    await p.reply([keys.nodeBatchChannel(TARGET), subscribers]);
  }
}

const keys = new Keys("t:");
const TARGET = "target";

function envelope(seq: number): Uint8Array {
  return encodeEnvelope({
    userIds: ["u"],
    frame: new Uint8Array([1]),
    kind: EnvelopeKind.ENVELOPE_KIND_MESSAGE,
    conversationId: "dm:a:b",
    seq,
  });
}

interface Setup {
  b: RedisBroker;
  fake: FakeBatcher;
  clock: { now: number };
  /** What a node that reads only its node channel gets, in Redis's order. */
  legacySeqs: () => number[];
}

function setup(): Setup {
  const fake = new FakeBatcher();
  const clock = { now: 1_000_000 };
  const b = new RedisBroker("sender", fake as unknown as Batcher, keys, {} as Subscriber, () => clock.now);
  const legacySeqs = (): number[] =>
    fake.sent.filter((s) => s.channel === keys.nodeChannel(TARGET)).map((s) => decodeEnvelope(s.payload).seq);
  return { b, fake, clock, legacySeqs };
}

/** A target found reading batches: its first envelope (seq 0) went plain, then NUMSUB said 1. */
async function confirmed(): Promise<Setup> {
  const s = setup();
  void s.b.publish(TARGET, envelope(0));
  await s.fake.answerProbe(1);
  await s.fake.at(0).reply(1);
  return s;
}

const isBatch = (s: Sent): boolean => s.channel === keys.nodeBatchChannel(TARGET);
const batchSeqs = (s: Sent): number[] => decodeEnvelopeBatch(s.payload).map((e) => decodeEnvelope(e).seq);

/** Publishes these seqs to TARGET in the current turn. */
function publishAll(b: RedisBroker, seqs: number[]): void {
  for (const s of seqs) void b.publish(TARGET, envelope(s));
}

/** Answers every batch written from #from on with 0 receivers: the target went back to plain envelopes. */
async function refuseBatches(fake: FakeBatcher, from: number): Promise<void> {
  for (let i = from; i < fake.sent.length; i++) if (isBatch(fake.sent[i]!)) await fake.at(i).reply(0);
}

describe("RedisBroker: which nodes get batches", () => {
  it("sends plain envelopes until NUMSUB shows a reader of the batch channel, then one batch per turn", async () => {
    const { b, fake } = setup();
    publishAll(b, [1, 2]);
    fake.endTurn();
    expect(fake.sent.map(isBatch)).toEqual([false, false]);
    expect(fake.probes).toHaveLength(1);
    await fake.answerProbe(1);
    publishAll(b, [3, 4, 5]);
    void b.publish("other", envelope(9));
    fake.endTurn();
    // "other" is not known to read batches: its envelope went out at once, plain.
    expect(fake.sent.slice(2).map((s) => s.channel)).toEqual([keys.nodeChannel("other"), keys.nodeBatchChannel(TARGET)]);
    expect(batchSeqs(fake.at(3))).toEqual([3, 4, 5]);
    await fake.at(3).reply(1);
    publishAll(b, [6]); // alone in its turn, nothing in flight: a plain envelope
    fake.endTurn();
    expect(fake.sent.slice(4).map(isBatch)).toEqual([false]);
  });

  it("never batches to a node with no reader of its batch channel (an old node), and asks again after PROBE_MS", async () => {
    const { b, fake, clock, legacySeqs } = setup();
    publishAll(b, [1]);
    await fake.answerProbe(0);
    publishAll(b, [2, 3, 4]);
    fake.endTurn();
    expect(fake.sent.some(isBatch)).toBe(false);
    expect(legacySeqs()).toEqual([1, 2, 3, 4]);
    expect(fake.probes).toHaveLength(1);
    clock.now += PROBE_MS;
    publishAll(b, [5]);
    expect(fake.probes).toHaveLength(2);
    expect(b.stats().envelopeFallbacks).toBe(0);
  });

  it("asks a busy node again before its answer runs out, and keeps batching meanwhile", async () => {
    const { b, fake, clock } = await confirmed();
    clock.now += PROBE_MS - PROBE_MS / 6;
    publishAll(b, [1, 2]);
    fake.endTurn();
    expect(fake.probes).toHaveLength(2);
    expect(isBatch(fake.sent[fake.sent.length - 1]!)).toBe(true);
    await fake.answerProbe(1);
    clock.now += PROBE_MS / 2; // past the first answer, within the second
    publishAll(b, [3, 4]);
    fake.endTurn();
    expect(isBatch(fake.sent[fake.sent.length - 1]!)).toBe(true);
  });

  it("asks again a second after a probe fails (Redis down, or an ACL without PUBSUB)", async () => {
    const { b, fake, clock } = setup();
    publishAll(b, [1]);
    await fake.probes[0]!.fail(new Error("NOPERM"));
    publishAll(b, [2]);
    expect(fake.probes).toHaveLength(1);
    clock.now += 1000;
    publishAll(b, [3]);
    expect(fake.probes).toHaveLength(2);
    expect(fake.sent.some(isBatch)).toBe(false);
  });

  it("stops batching when a new answer says the node no longer reads batches", async () => {
    const { b, fake, clock } = await confirmed();
    clock.now += PROBE_MS - PROBE_MS / 6;
    publishAll(b, [1]);
    await fake.answerProbe(0);
    publishAll(b, [2, 3]);
    fake.endTurn();
    expect(fake.sent.some(isBatch)).toBe(false);
  });

  it("after a batch reached no subscriber, asks again only PROBE_MS later", async () => {
    const { b, fake, clock } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn();
    await refuseBatches(fake, 0);
    clock.now += PROBE_MS * 0.9; // past the confirmed node's early re-ask, within PROBE_MS of the refusal
    publishAll(b, [3]);
    expect(fake.probes).toHaveLength(1);
    clock.now += PROBE_MS * 0.1;
    publishAll(b, [4]);
    expect(fake.probes).toHaveLength(2);
  });
});

describe("RedisBroker ordering", () => {
  it("re-publishes a batch that reached no subscriber envelope by envelope, then sends plain envelopes", async () => {
    const { b, fake, legacySeqs } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn();
    await refuseBatches(fake, 0); // the node went back to an older version
    publishAll(b, [3]);
    expect(legacySeqs()).toEqual([0, 1, 2, 3]);
    expect(b.stats().envelopeFallbacks).toBe(2);
  });

  it("sends a lone envelope as a batch while a batch to the same node awaits its reply", async () => {
    const { b, fake, legacySeqs } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn();
    publishAll(b, [3]);
    fake.endTurn();
    expect(fake.sent.slice(1).map(isBatch)).toEqual([true, true]);
    await refuseBatches(fake, 0);
    expect(legacySeqs()).toEqual([0, 1, 2, 3]);
  });

  it("keeps batching while a batch is in flight, even once the node no longer reads batches", async () => {
    const { b, fake, legacySeqs } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #1
    publishAll(b, [3, 4]);
    fake.endTurn(); // #2, in flight
    await fake.at(1).reply(0); // fallbacks 1, 2; plain envelopes from now on
    publishAll(b, [5]); // but #2 may yet fall back: 5 must not overtake it
    fake.endTurn();
    await refuseBatches(fake, 2);
    expect(legacySeqs()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("adds to this turn's batch rather than overtake it when the node turns out not to read batches mid-turn", async () => {
    const { b, fake, legacySeqs } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #1
    publishAll(b, [3, 4]); // waiting in this turn's batch
    await fake.at(1).reply(0); // fallbacks 1, 2, mid-turn
    publishAll(b, [5]);
    fake.endTurn();
    await refuseBatches(fake, 2);
    expect(legacySeqs()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("holds back, rather than batch, what a node that stopped reading batches gets behind batches in flight", async () => {
    const { b, fake, legacySeqs } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #1
    publishAll(b, [3, 4]);
    fake.endTurn(); // #2
    await fake.at(1).reply(0); // the node went away from batches: fallbacks 1, 2
    publishAll(b, [5, 6]);
    fake.endTurn(); // #2 is in flight: 5, 6 wait
    publishAll(b, [7]);
    fake.endTurn();
    expect(fake.sent.filter(isBatch)).toHaveLength(2);
    await fake.at(2).reply(0); // fallbacks 3, 4, then what waited
    expect(legacySeqs()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(b.stats().envelopeFallbacks).toBe(4);
  });

  it("does not forget a node with a batch in flight when idle peers are dropped", async () => {
    const { b, fake, clock, legacySeqs } = await confirmed();
    publishAll(b, [1, 2]);
    fake.endTurn(); // #1, in flight
    clock.now += 10 * 60_000;
    for (let i = 0; i < 70; i++) void b.publish(`n${i}`, envelope(100 + i)); // the peer table fills up
    publishAll(b, [3]);
    fake.endTurn(); // waits behind #1
    await refuseBatches(fake, 1);
    expect(legacySeqs()).toEqual([0, 1, 2, 3]);
  });

  it("keeps a node with a batch still in flight when another batch to it fails", async () => {
    const { b, fake, legacySeqs } = await confirmed();
    const first = Promise.all([b.publish(TARGET, envelope(1)), b.publish(TARGET, envelope(2))]);
    fake.endTurn(); // #1
    publishAll(b, [3, 4]);
    fake.endTurn(); // #2
    await fake.at(1).fail(new Error("command timed out"));
    await expect(first).rejects.toThrow("command timed out");
    publishAll(b, [5]); // #2 may yet fall back: 5 must not overtake it
    fake.endTurn();
    await refuseBatches(fake, 2);
    expect(legacySeqs()).toEqual([0, 3, 4, 5]);
  });

  it("after a failed batch, sends a lone envelope as it is again", async () => {
    const { b, fake } = await confirmed();
    const p = Promise.all([b.publish(TARGET, envelope(1)), b.publish(TARGET, envelope(2))]);
    fake.endTurn();
    await fake.at(1).fail(new Error("redis down"));
    await expect(p).rejects.toThrow("redis down");
    publishAll(b, [3]);
    fake.endTurn();
    expect(fake.sent.slice(2).map(isBatch)).toEqual([false]);
  });

  it("splits a turn past 500 envelopes or 256 KiB into several PUBLISHes, in order", async () => {
    const { b, fake } = await confirmed();
    void b.publish("big", envelope(0));
    await fake.answerProbe(1);
    await fake.at(1).reply(1);
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
    // Full batches go out at once; the rest at the end of the turn, as batches too (the full
    // ones are in flight).
    const sent = fake.sent.slice(2);
    expect(sent.map((s) => s.channel)).toEqual([
      keys.nodeBatchChannel(TARGET),
      keys.nodeBatchChannel("big"),
      keys.nodeBatchChannel(TARGET),
      keys.nodeBatchChannel("big"),
    ]);
    expect(batchSeqs(sent[0]!)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(sent.slice(1).map(batchSeqs)).toEqual([[502, 503], [501], [504]]);
  });

  it("rejects the callers of a batch whose PUBLISH fails", async () => {
    const { b, fake } = await confirmed();
    const p = Promise.all([b.publish(TARGET, envelope(1)), b.publish(TARGET, envelope(2))]);
    fake.endTurn();
    await fake.at(1).fail(new Error("redis down"));
    await expect(p).rejects.toThrow("redis down");
  });
});

describe("RedisBroker receiving", () => {
  it("subscribes both channels in one call and hands every envelope of a batch to the handler even when one throws", async () => {
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
});
