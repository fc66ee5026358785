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
// Rolling upgrades: a node of an older version subscribes to its node channel only, so a batch
// sent to it reaches no subscriber. PUBLISH returns that count; on 0 the batch's envelopes are
// re-published one by one on the node channel, and the node is sent single envelopes for a while.
// Order per target node holds while the target's subscription is steady: Redis delivers one
// connection's publishes in order, fallbacks are published in the order of the batch replies, and
// single envelopes go out directly only while no batch to that node awaits its reply or waits in
// this turn. Not covered: a batch that reached the target while its subscriber was reconnecting
// is re-published after what the target got once it was back (the per-envelope publishes of
// earlier versions lost those), and a batch whose PUBLISH timed out is retried by the fan-out
// behind later envelopes. Clients order stored messages by seq either way. PUBLISH also counts
// pattern subscribers: a PSUBSCRIBE matching "<prefix>nodeb:*" (an operator's monitor) would hide
// an old node's missing subscription during a rolling upgrade (README, Operating).
import type { Broker, EnvelopeHandler } from "../types.js";
import { decodeEnvelopeBatch, encodeEnvelopeBatch } from "../../protocol/proto.js";
import type { Batcher } from "./batcher.js";
import type { Keys } from "./keys.js";
import type { Subscriber } from "./subscriber.js";

/** How long a node that did not read a batch is sent single envelopes before batches are tried again. */
export const SINGLE_ENVELOPE_MS = 30_000;
/** Envelopes and bytes per PUBLISH at most: a burst is split rather than built into one huge payload. */
const MAX_BATCH_ENVELOPES = 500;
const MAX_BATCH_BYTES = 256 * 1024;

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
  singleUntilMs: number;
  batchesInFlight: number;
}

export interface BrokerStats {
  /** PUBLISH commands carrying envelopes (batches and single envelopes). */
  publishes: number;
  /** Envelopes re-published one by one because their batch reached no subscriber. */
  envelopeFallbacks: number;
}

export class RedisBroker implements Broker {
  /** This turn's envelopes per target node; collected at the end of the turn. */
  private outgoing = new Map<string, Outgoing>();
  private readonly peers = new Map<string, Peer>();
  private readonly counters: BrokerStats = { publishes: 0, envelopeFallbacks: 0 };
  private readonly collect = (): void => this.flush();

  constructor(
    private readonly nodeId: string,
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly subscriber: Subscriber,
    private readonly now: () => number = Date.now,
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
    let out = this.outgoing.get(nodeId);
    const peer = this.peers.get(nodeId);
    if (out === undefined && peer !== undefined && peer.batchesInFlight === 0) {
      if (peer.singleUntilMs > this.now()) return this.publishSingle(nodeId, envelope).then(noop);
      // Idle and expired: as good as unknown (an old node that went away is batched to no more).
      this.peers.delete(nodeId);
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
          let failure: unknown = null;
          // One envelope's failure must not drop the rest of its batch; the subscriber logs it.
          for (const envelope of decodeEnvelopeBatch(payload)) {
            try {
              handler(envelope);
            } catch (err) {
              failure ??= err;
            }
          }
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
    let peer = this.peers.get(nodeId);
    // A lone envelope behind a batch in flight goes as a batch too: that batch may yet fall back.
    if (out.envelopes.length === 1 && (peer === undefined || peer.batchesInFlight === 0)) {
      this.publishSingle(nodeId, out.envelopes[0]!).then(() => out.resolve(), out.reject);
      return;
    }
    const payload = encodeEnvelopeBatch(out.envelopes);
    peer = this.peer(nodeId);
    peer.batchesInFlight += 1;
    this.counters.publishes += 1;
    this.batcher.send<number>("publish", this.keys.nodeBatchChannel(nodeId), toBuffer(payload)).then(
      (receivers) => {
        const p = peer;
        p.batchesInFlight -= 1;
        if (receivers > 0) {
          this.forget(nodeId, p);
          out.resolve();
          return;
        }
        // No reader of batches: a node of an older version, or none at all. Fallbacks go out here,
        // in reply order, before any later single envelope (see publish).
        this.counters.envelopeFallbacks += out.envelopes.length;
        Promise.all(out.envelopes.map((e) => this.publishSingle(nodeId, e))).then((counts) => {
          // The peer may have been forgotten meanwhile (another batch's reply): record it anew.
          if (counts.some((n) => n > 0)) this.peer(nodeId).singleUntilMs = this.now() + SINGLE_ENVELOPE_MS;
          else this.forget(nodeId, p);
          out.resolve();
        }, out.reject);
      },
      (err: unknown) => {
        peer.batchesInFlight -= 1;
        this.forget(nodeId, peer);
        out.reject(err);
      },
    );
  }

  private peer(nodeId: string): Peer {
    let peer = this.peers.get(nodeId);
    if (peer === undefined) {
      peer = { singleUntilMs: 0, batchesInFlight: 0 };
      this.peers.set(nodeId, peer);
    }
    return peer;
  }

  /** Drops a peer with nothing to remember (node ids change with every process). */
  private forget(nodeId: string, peer: Peer): void {
    if (peer.batchesInFlight === 0 && peer.singleUntilMs <= this.now() && this.peers.get(nodeId) === peer) this.peers.delete(nodeId);
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
