// The engine's one subscriber connection: node channel and group invalidations share it, so an
// invalidation published before an envelope is also handled before it (Redis keeps per-connection
// order). Subscriptions are re-issued on every reconnect and `live` says when they are in place.
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";
import { unavailable } from "./batcher.js";

export type PayloadHandler = (payload: Buffer) => void;

export class Subscriber {
  private readonly handlers = new Map<string, PayloadHandler>();
  private readonly liveListeners: ((live: boolean) => void)[] = [];
  private isLive = false;
  /** Counts resubscriptions, so tests and metrics can tell a reconnect happened. */
  resubscriptions = 0;

  constructor(
    private readonly client: Redis,
    private readonly log: Logger,
  ) {
    client.on("messageBuffer", (channel: Buffer, message: Buffer) => this.dispatch(channel, message));
    client.on("ready", () => void this.resubscribe());
    client.on("close", () => this.setLive(false));
    // Clients passed in may be connected already: no "ready" event will come for them.
    if (client.status === "ready") void this.resubscribe();
  }

  /** True while every channel is subscribed: messages published now will arrive. */
  get live(): boolean {
    return this.isLive;
  }

  /** Calls `listener` whenever the subscriptions are lost or restored; returns the remover. */
  onLiveChange(listener: (live: boolean) => void): () => void {
    this.liveListeners.push(listener);
    return () => {
      const i = this.liveListeners.indexOf(listener);
      if (i >= 0) this.liveListeners.splice(i, 1);
    };
  }

  /** Subscribes (now, and again after every reconnect) and routes the channel's payloads to `handler`. */
  async listen(channel: string, handler: PayloadHandler): Promise<void> {
    await this.listenAll([[channel, handler]]);
  }

  /** listen() for several channels in one SUBSCRIBE: none is live without the others. */
  async listenAll(channels: readonly (readonly [channel: string, handler: PayloadHandler])[]): Promise<void> {
    for (const [channel, handler] of channels) this.handlers.set(channel, handler);
    if (this.client.status !== "ready") {
      throw new SwitchboardError(ErrorCode.UNAVAILABLE, `redis subscriber is ${this.client.status}`);
    }
    try {
      await this.client.subscribe(...channels.map(([channel]) => channel));
    } catch (err) {
      throw unavailable(err);
    }
  }

  /** Resolves once subscribed, or fails with UNAVAILABLE after `timeoutMs`. */
  async whenLive(timeoutMs: number): Promise<void> {
    if (this.isLive) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        remove();
        reject(new SwitchboardError(ErrorCode.UNAVAILABLE, `redis subscriber not ready after ${timeoutMs} ms`));
      }, timeoutMs);
      const remove = this.onLiveChange((live) => {
        if (!live) return;
        clearTimeout(timer);
        remove();
        resolve();
      });
    });
  }

  private dispatch(channel: Buffer, message: Buffer): void {
    const handler = this.handlers.get(channel.toString());
    if (handler === undefined) return;
    try {
      handler(message);
    } catch (err) {
      // A throwing handler must not stop delivery of the next messages on this connection.
      this.log.error({ err, channel: channel.toString() }, "subscriber handler failed");
    }
  }

  /**
   * ioredis re-subscribes by itself too (autoResubscribe); subscribing here as well is idempotent
   * and tells us when the subscriptions are back, which the group cache depends on.
   */
  private async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()];
    try {
      if (channels.length > 0) await this.client.subscribe(...channels);
      this.resubscriptions += 1;
      this.setLive(true);
    } catch (err) {
      // The connection dropped again; its next "ready" retries.
      this.log.warn({ err }, "redis resubscribe failed");
    }
  }

  private setLive(live: boolean): void {
    if (this.isLive === live) return;
    this.isLive = live;
    for (const l of [...this.liveListeners]) l(live);
  }
}
