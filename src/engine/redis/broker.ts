// Node-to-node delivery over Redis pub/sub, published through the batcher (so a fan-out shares
// the round trip of the appends of its loop turn).
//
// What one node routes to another in one event-loop turn goes out as one PUBLISH: an
// EnvelopeBatch on the target's batch channel. Each PUBLISH costs ioredis a command (and the
// receiving node a message event); at 10 envelopes per turn, batching measured 20.4 -> 15 µs of
// CPU per envelope for sender and receiver together and 3.5 -> 2.2 µs for Redis
// (bench/publish-batch.ts). A lone envelope still goes out as a plain Envelope on the node
// channel, which every version reads.
//
// Rolling upgrades: a node of an older version subscribes to its node channel only. So a node is
// sent batches only once `PUBSUB NUMSUB` has shown a subscriber on its batch channel (asked again
// about every PROBE_MS while it is published to); until then it gets plain envelopes. NUMSUB counts
// channel subscribers only, unlike PUBLISH's reply, which also counts pattern subscribers (an
// operator's PSUBSCRIBE would otherwise pass for the node). Should a batch still reach no
// subscriber (the node went back to an older version, or away, since the last answer), its
// envelopes are re-published one by one on the node channel and the node is asked again later.
// Order per target node holds while the target's subscription is steady: Redis delivers one
// connection's publishes in order, fallbacks are published in the order of the batch replies, and
// single envelopes go out directly only while no batch to that node awaits its reply or waits in
// this turn. Not covered: a batch that reached the target while its subscriber was reconnecting
// is re-published after what the target got once it was back (the per-envelope publishes of
// earlier versions lost those), and a batch whose PUBLISH timed out is retried by the fan-out
// behind later envelopes. Clients order stored messages by seq either way.
import type { Broker, EnvelopeHandler } from "../types.js";
import { decodeEnvelopeBatch, encodeEnvelopeBatch } from "../../protocol/proto.js";
import { callEach, type Batcher } from "./batcher.js";
import type { Keys } from "./keys.js";
import type { Subscriber } from "./subscriber.js";

/** How long a NUMSUB answer holds: a node found reading batches is asked again after this. */
export const PROBE_MS = 30_000;
/** Envelopes and bytes per PUBLISH at most: a burst is split rather than built into one huge payload. */
const MAX_BATCH_ENVELOPES = 500;
const MAX_BATCH_BYTES = 256 * 1024;
/** Peers not published to for this long are forgotten (node ids change with every process). */
const PEER_IDLE_MS = 5 * 60_000;

/** One PUBLISH in the making, and the callers waiting for it. */
class Outgoing {
  readonly envelopes: Uint8Array[] = [];
  bytes = 0;
  resolve!: () => void;
  reject!: (err: unknown) => void;
  readonly done = new Promise<void>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** Per target node: whether it reads batches, and batches to it still awaiting their reply. */
interface Peer {
  /** Until then the node is known to subscribe to its batch channel. */
  batchUntilMs: number;
  /** No NUMSUB before then (one is in flight, or the last is recent). */
  probeAfterMs: number;
  batchesInFlight: number;
  /** Batches held back while the node is not known to read batches and batches to it are in
   * flight: they go out envelope by envelope once those are answered (after any fallbacks). */
  waiting: Outgoing[];
  lastUsedMs: number;
}

export interface BrokerStats {
  /** PUBLISH commands carrying envelopes (batches and single envelopes). */
  publishes: number;
  /** Envelopes re-published one by one because their batch reached no subscriber. */
  envelopeFallbacks: number;
  /** PUBSUB NUMSUB answers about a node's batch channel. */
  probes: number;
}

export class RedisBroker implements Broker {
  /** This turn's envelopes per target node; collected at the end of the turn. */
  private outgoing = new Map<string, Outgoing>();
  private readonly peers = new Map<string, Peer>();
  private readonly counters: BrokerStats = { publishes: 0, envelopeFallbacks: 0, probes: 0 };
  private readonly collect = (): void => this.flush();

  constructor(
    private readonly nodeId: string,
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly subscriber: Subscriber,
    /** Milliseconds on a monotonic clock: a wall-clock jump must not stop the probes. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  publish(nodeId: string, envelope: Uint8Array): Promise<void> {
    try {
      return this.enqueue(nodeId, envelope);
    } catch (err) {
      // Callers attach their handlers to the promise: nothing may escape synchronously.
      return Promise.reject(err);
    }
  }

  private enqueue(nodeId: string, envelope: Uint8Array): Promise<void> {
    const now = this.now();
    let out = this.outgoing.get(nodeId);
    const peer = this.peer(nodeId, now);
    if (peer.probeAfterMs <= now) this.probe(nodeId, peer, now);
    // Plain envelopes until the node is known to read batches; never past a batch that may fall back.
    if (out === undefined && peer.batchesInFlight === 0 && peer.batchUntilMs <= now) {
      // (Nothing waits either: batches wait only while others are in flight.)
      return this.publishSingle(nodeId, envelope).then(noop);
    }
    if (out === undefined || out.envelopes.length >= MAX_BATCH_ENVELOPES || out.bytes + envelope.length > MAX_BATCH_BYTES) {
      // A full batch goes out now; the rest of the turn starts another (publishes stay in order).
      if (out !== undefined) this.send(nodeId, out);
      else if (this.outgoing.size === 0) this.batcher.defer(this.collect);
      out = new Outgoing();
      this.outgoing.set(nodeId, out);
    }
    out.envelopes.push(envelope);
    out.bytes += envelope.length;
    return out.done;
  }

  async subscribe(handler: EnvelopeHandler): Promise<void> {
    await this.subscriber.listenAll([
      [this.keys.nodeChannel(this.nodeId), handler],
      [
        this.keys.nodeBatchChannel(this.nodeId),
        (payload) => {
          // One envelope's failure must not drop the rest of its batch; the subscriber logs it.
          const failure = callEach(decodeEnvelopeBatch(payload), handler);
          if (failure !== null) throw failure;
        },
      ],
    ]);
  }

  stats(): BrokerStats {
    return { ...this.counters };
  }

  /** End of turn: one PUBLISH per target node. Settles its callers; never throws. */
  private flush(): void {
    const outgoing = this.outgoing;
    this.outgoing = new Map();
    for (const [nodeId, out] of outgoing) {
      try {
        this.send(nodeId, out);
      } catch (err) {
        out.reject(err);
      }
    }
  }

  private send(nodeId: string, out: Outgoing): void {
    const now = this.now();
    const peer = this.peer(nodeId, now);
    // Not known to read batches (any more), behind batches that may yet fall back: neither a batch
    // (it would likely fall back too) nor singles now (they would overtake those fallbacks).
    if (peer.waiting.length > 0 || (peer.batchesInFlight > 0 && peer.batchUntilMs <= now)) {
      peer.waiting.push(out);
      return;
    }
    // Plain when alone or no longer known to read batches, with nothing in flight to overtake (a
    // lone envelope behind a batch in flight goes as a batch: that batch may yet fall back).
    if (peer.batchesInFlight === 0 && (out.envelopes.length === 1 || peer.batchUntilMs <= now)) {
      this.sendSingles(nodeId, out);
      return;
    }
    const payload = encodeEnvelopeBatch(out.envelopes);
    peer.batchesInFlight += 1;
    this.counters.publishes += 1;
    this.batcher.send<number>("publish", this.keys.nodeBatchChannel(nodeId), toBuffer(payload)).then(
      (receivers) => {
        peer.batchesInFlight -= 1;
        if (receivers > 0) out.resolve();
        else {
          // No reader of batches any more: plain envelopes from now on (the fallbacks go out here,
          // in reply order, before any later single envelope), and the node is asked again later.
          peer.batchUntilMs = 0;
          peer.probeAfterMs = this.now() + PROBE_MS;
          this.counters.envelopeFallbacks += out.envelopes.length;
          this.sendSingles(nodeId, out);
        }
        this.release(nodeId, peer);
      },
      (err: unknown) => {
        peer.batchesInFlight -= 1;
        out.reject(err);
        this.release(nodeId, peer);
      },
    );
  }

  /** Once no batch to the node is in flight, what waited goes out envelope by envelope, in order. */
  private release(nodeId: string, peer: Peer): void {
    if (peer.batchesInFlight > 0 || peer.waiting.length === 0) return;
    const waiting = peer.waiting;
    peer.waiting = [];
    for (const out of waiting) this.sendSingles(nodeId, out);
  }

  private sendSingles(nodeId: string, out: Outgoing): void {
    Promise.all(out.envelopes.map((e) => this.publishSingle(nodeId, e))).then(() => out.resolve(), out.reject);
  }

  /** Asks whether the node subscribes to its batch channel (PUBSUB NUMSUB counts no patterns). */
  private probe(nodeId: string, peer: Peer, now: number): void {
    peer.probeAfterMs = now + PROBE_MS;
    this.batcher.send<[string, number]>("pubsub", "NUMSUB", this.keys.nodeBatchChannel(nodeId)).then(
      (reply) => {
        this.counters.probes += 1;
        if (Number(reply[1]) > 0) {
          // Asked again a little before the answer runs out, so a busy peer stays on batches.
          const at = this.now();
          peer.batchUntilMs = at + PROBE_MS;
          peer.probeAfterMs = at + PROBE_MS - PROBE_MS / 6;
        } else peer.batchUntilMs = 0;
      },
      () => {
        // Redis unreachable (the publishes fail too) or the command refused (an ACL without
        // PUBSUB): plain envelopes meanwhile, asked again a second later.
        peer.probeAfterMs = this.now() + 1000;
      },
    );
  }

  private peer(nodeId: string, now: number): Peer {
    let peer = this.peers.get(nodeId);
    if (peer === undefined) {
      if (this.peers.size >= 64) this.forgetIdle(now);
      peer = { batchUntilMs: 0, probeAfterMs: 0, batchesInFlight: 0, waiting: [], lastUsedMs: now };
      this.peers.set(nodeId, peer);
    }
    peer.lastUsedMs = now;
    return peer;
  }

  /** Drops peers not published to for a while, with nothing in flight. */
  private forgetIdle(now: number): void {
    for (const [nodeId, peer] of this.peers) {
      if (peer.batchesInFlight === 0 && now - peer.lastUsedMs > PEER_IDLE_MS) this.peers.delete(nodeId);
    }
  }

  private publishSingle(nodeId: string, envelope: Uint8Array): Promise<number> {
    this.counters.publishes += 1;
    return this.batcher.send<number>("publish", this.keys.nodeChannel(nodeId), toBuffer(envelope));
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function noop(): void {}
