// Node-to-node delivery over Redis pub/sub: one channel per node, binary payloads, published
// through the batcher (so a fan-out shares the round trip of the appends of its loop turn).
import type { Broker, EnvelopeHandler } from "../types.js";
import type { Batcher } from "./batcher.js";
import type { Keys } from "./keys.js";
import type { Subscriber } from "./subscriber.js";

export class RedisBroker implements Broker {
  constructor(
    private readonly nodeId: string,
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly subscriber: Subscriber,
  ) {}

  async publish(nodeId: string, envelope: Uint8Array): Promise<void> {
    const bytes = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
    await this.batcher.send<number>("publish", this.keys.nodeChannel(nodeId), bytes);
  }

  async subscribe(handler: EnvelopeHandler): Promise<void> {
    await this.subscriber.listen(this.keys.nodeChannel(this.nodeId), handler);
  }
}
