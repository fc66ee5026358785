// The cluster engine: shared state in Redis, node-to-node delivery over Redis pub/sub. Parts live
// in one file each (store, groups, presence, broker, subscriber, scripts), like the memory engine's
// classes; this file wires them to two connections and owns the connection lifecycle.
import type { Redis } from "ioredis";
import { pino, type Logger } from "pino";
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";
import type { Engine } from "../types.js";
import { Batcher, type BatchStats } from "./batcher.js";
import { RedisBroker, type BrokerStats } from "./broker.js";
import { createRedisClients, type RedisClientOptions } from "./clients.js";
import { RedisGroups } from "./groups.js";
import { Keys } from "./keys.js";
import { RedisPresence, type LocalSessions } from "./presence.js";
import { defineScripts } from "./scripts.js";
import { RedisStore } from "./store.js";
import { Subscriber } from "./subscriber.js";

export interface RedisEngineOptions {
  nodeId: string;
  /** Command connection; build it with createRedisClients (fail-fast options) or equivalents. */
  client: Redis;
  /** A second connection, used only for subscriptions. */
  subscriber: Redis;
  /** Namespace of every key and channel. Default "sb:". */
  prefix?: string;
  /** Hot history bound by count. Default 10,000 per conversation. */
  historyMaxPerConversation?: number;
  /** Hot history bound by age. Default 7 days. */
  historyMaxAgeMs?: number;
  /** How long a client_msg_id is remembered per sender. Default 24 h. */
  dedupeTtlMs?: number;
  /** A device's acked cursors expire this long after its last ack (0: never). Default 90 days:
   * clients that make up a device id per launch would otherwise leave a hash behind each time. */
  cursorTtlMs?: number;
  /** Heartbeat TTL: a crashed node's users stop being routed to it within this. Default 15 s. */
  presenceTtlMs?: number;
  /** This node's sessions per user; re-registered on every (re)connect. Default: none. */
  localSessions?: LocalSessions;
  /** Write every appended message to the outbox stream too (MySQL persistence, ACK_MODE=store).
   * Default false. */
  outbox?: boolean;
  /** Cached groups per node. Default 10,000. */
  groupCacheSize?: number;
  /** Commands per write (one round trip) at most. Default 1000. */
  maxBatch?: number;
  log?: Logger;
  now?: () => number;
}

export const REDIS_ENGINE_DEFAULTS = {
  prefix: "sb:",
  historyMaxPerConversation: 10_000,
  historyMaxAgeMs: 7 * 24 * 3600 * 1000,
  dedupeTtlMs: 24 * 3600 * 1000,
  cursorTtlMs: 90 * 24 * 3600 * 1000,
  presenceTtlMs: 15_000,
  groupCacheSize: 10_000,
  maxBatch: 1000,
} as const;

export class RedisEngine implements Engine {
  readonly kind = "redis" as const;
  readonly nodeId: string;
  readonly store: RedisStore;
  readonly groups: RedisGroups;
  readonly presence: RedisPresence;
  readonly broker: RedisBroker;
  readonly keys: Keys;
  private readonly client: Redis;
  private readonly subscriberClient: Redis;
  private readonly subscriber: Subscriber;
  private readonly batcher: Batcher;
  private readonly log: Logger;
  private ownsClients = false;
  private started = false;
  private closing: Promise<void> | null = null;

  constructor(options: RedisEngineOptions) {
    const opts = { ...REDIS_ENGINE_DEFAULTS, ...options };
    this.nodeId = opts.nodeId;
    this.client = opts.client;
    this.subscriberClient = opts.subscriber;
    this.log = opts.log ?? pino({ level: "warn" });
    this.keys = new Keys(opts.prefix);
    defineScripts(this.client);
    this.batcher = new Batcher(this.client, opts.maxBatch, (err) =>
      this.log.error({ err }, "redis batcher: an end-of-turn collector threw; its callers may not be answered"),
    );
    this.subscriber = new Subscriber(this.subscriberClient, this.log);
    this.store = new RedisStore(this.batcher, this.keys, {
      historyMaxPerConversation: opts.historyMaxPerConversation,
      historyMaxAgeMs: opts.historyMaxAgeMs,
      dedupeTtlMs: opts.dedupeTtlMs,
      cursorTtlMs: opts.cursorTtlMs,
      outbox: opts.outbox ?? false,
      now: opts.now ?? Date.now,
    });
    this.groups = new RedisGroups(this.batcher, this.keys, this.subscriber, opts.groupCacheSize);
    this.presence = new RedisPresence(
      this.batcher,
      this.keys,
      { nodeId: opts.nodeId, presenceTtlMs: opts.presenceTtlMs, localSessions: opts.localSessions ?? (() => []) },
      this.log,
    );
    this.broker = new RedisBroker(opts.nodeId, this.batcher, this.keys, this.subscriber);
    this.watch();
  }

  /** Builds its own connections from a URL (and closes them in close()). */
  static fromUrl(
    url: string,
    options: Omit<RedisEngineOptions, "client" | "subscriber">,
    clientOptions: RedisClientOptions = {},
  ): RedisEngine {
    const clients = createRedisClients(url, { name: options.nodeId, ...clientOptions });
    const engine = new RedisEngine({ ...options, ...clients });
    engine.ownsClients = true;
    return engine;
  }

  /**
   * Waits for both connections, subscribes to group invalidations, registers this node's
   * sessions and starts the heartbeat. Fails with UNAVAILABLE after `timeoutMs`.
   */
  async start(timeoutMs = 10_000): Promise<void> {
    await waitReady(this.client, timeoutMs);
    await waitReady(this.subscriberClient, timeoutMs);
    await this.groups.start();
    await this.subscriber.whenLive(timeoutMs);
    await this.presence.resync();
    this.presence.startHeartbeat();
    this.started = true;
  }

  /** Commands and round trips sent so far: round trips per message = roundTrips / appends. */
  stats(): BatchStats &
    BrokerStats & { groupCacheHits: number; groupCacheMisses: number; presenceResyncs: number; resubscriptions: number } {
    return {
      ...this.batcher.stats(),
      ...this.broker.stats(),
      groupCacheHits: this.groups.hits,
      groupCacheMisses: this.groups.misses,
      presenceResyncs: this.presence.resyncs,
      resubscriptions: this.subscriber.resubscriptions,
    };
  }

  healthy(): boolean {
    return this.client.status === "ready" && this.subscriber.live;
  }

  /** Leaves the route table (so no node routes to us), then closes owned connections. Memoized. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.presence.stopHeartbeat();
    try {
      if (this.started && this.client.status === "ready") await this.presence.leave();
    } catch (err) {
      // Our entries then expire with the heartbeat; closing must go on.
      this.log.warn({ err }, "presence leave failed on close");
    }
    if (!this.ownsClients) return;
    await Promise.allSettled([this.client.quit(), this.subscriberClient.quit()]);
  }

  /** Re-registers presence after every reconnect of the command connection; logs connection errors. */
  private watch(): void {
    this.client.on("ready", () => {
      if (!this.started || this.closing !== null) return;
      this.presence.resync().catch((err: unknown) => this.log.warn({ err }, "presence resync after reconnect failed"));
    });
    for (const [name, c] of [
      ["command", this.client],
      ["subscriber", this.subscriberClient],
    ] as const) {
      c.on("error", (err: Error) => this.log.warn({ err: err.message, connection: name }, "redis connection error"));
      c.on("close", () => this.log.info({ connection: name }, "redis connection closed"));
    }
  }
}

function waitReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new SwitchboardError(ErrorCode.UNAVAILABLE, `redis not ready after ${timeoutMs} ms (${client.status})`));
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", onReady);
  });
}
