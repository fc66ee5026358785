// The composition root: the only place that picks implementations (engine, verifier, server).
// `startGateway` is what `npm start` runs and what in-process tests start on port 0.
import { hostname } from "node:os";
import type { Config } from "../config/config.js";
import { createApiHandler } from "../api/handler.js";
import { GatewayNode } from "../core/node.js";
import { MemoryEngine } from "../engine/memory/memory-engine.js";
import { RedisEngine } from "../engine/redis/redis-engine.js";
import { startPersistence } from "../persistence/index.js";
import type { Engine } from "../engine/types.js";
import { createLogger, type Logger } from "../observability/logger.js";
import { Metrics } from "../observability/metrics.js";
import { registerRedisMetrics } from "../observability/redis-metrics.js";
import { TokenVerifier } from "../transport/auth.js";
import { GatewayServer } from "../transport/server.js";
import { loadNativeUws } from "../transport/uws.js";
import { connectionsWithin, currentSoftOpenFiles } from "./fd-limit.js";

export interface Gateway {
  readonly nodeId: string;
  readonly port: number;
  readonly node: GatewayNode;
  readonly server: GatewayServer;
  readonly metrics: Metrics;
  readonly engine: Engine;
  readonly log: Logger;
  /** Drains (goaway, close in waves), closes the engine. Memoized: safe to call twice. */
  stop(): Promise<void>;
}

export interface GatewayDeps {
  /** Build the engine (tests inject one); defaults from config. */
  engine?: (nodeId: string, config: Config, log: Logger, metrics: Metrics, localSessions: LocalSessions) => Promise<Engine>;
  logger?: Logger;
  /** Collect Node's default process metrics (off in tests that start several gateways). */
  defaultMetrics?: boolean;
}

export async function startGateway(config: Config, deps: GatewayDeps = {}): Promise<Gateway> {
  const uws = loadNativeUws();
  const nodeId = config.NODE_ID ?? `${hostname()}-${process.pid}`;
  const log = deps.logger ?? createLogger(config.LOG_LEVEL, nodeId);
  const metrics = new Metrics({ defaults: deps.defaultMetrics ?? true });
  // The engine re-registers this node's sessions after a Redis reconnect; the node exists only later.
  let nodeRef: GatewayNode | null = null;
  const localSessions: LocalSessions = () => (nodeRef === null ? [] : nodeRef.registry.userCounts());
  const engine = await (deps.engine ?? defaultEngine)(nodeId, config, log, metrics, localSessions);
  const node = new GatewayNode(
    {
      nodeId,
      pingIntervalMs: config.PING_INTERVAL_MS,
      idleTimeoutMs: config.IDLE_TIMEOUT_MS,
      maxFrameBytes: config.MAX_FRAME_BYTES,
      sendRatePerSec: config.SEND_RATE_PER_SEC,
      sendBurst: config.SEND_BURST,
      typingRatePerSec: config.TYPING_RATE_PER_SEC,
      typingBurst: config.TYPING_BURST,
      requestRatePerSec: config.REQUEST_RATE_PER_SEC,
      requestBurst: config.REQUEST_BURST,
      maxViolations: config.MAX_VIOLATIONS,
      softBufferBytes: config.SOFT_BUFFER_BYTES,
      hardBufferBytes: config.HARD_BUFFER_BYTES,
      maxPauseMs: config.MAX_PAUSE_MS,
      maxGroupSize: config.MAX_GROUP_SIZE,
      maxSyncPage: config.MAX_SYNC_PAGE,
      defaultSyncPage: config.DEFAULT_SYNC_PAGE,
      overloadLagMs: config.OVERLOAD_LAG_MS,
    },
    engine,
    metrics,
    log,
  );
  nodeRef = node;
  await node.start();
  const verifier = new TokenVerifier(config);
  const softFiles = currentSoftOpenFiles();
  const maxConnections = connectionsWithin(config.MAX_CONNECTIONS, softFiles);
  if (maxConnections < config.MAX_CONNECTIONS) {
    // A cap in the tens of thousands is the host's limit doing its job; a small one is a shell's
    // default limit that will refuse real load.
    log[maxConnections < 10_000 ? "warn" : "info"](
      { configured: config.MAX_CONNECTIONS, openFilesLimit: softFiles, maxConnections },
      "the open-files limit caps MAX_CONNECTIONS: raise it (ulimit -n, compose ulimits.nofile) to hold more sockets",
    );
  }
  const server = new GatewayServer(
    uws,
    {
      host: config.HOST,
      port: config.PORT,
      maxFrameBytes: config.MAX_FRAME_BYTES,
      hardBufferBytes: config.HARD_BUFFER_BYTES,
      maxConnections,
      ipMaxConnections: config.IP_MAX_CONNECTIONS,
      ipConnectRate: config.IP_CONNECT_RATE,
      ipConnectBurst: config.IP_CONNECT_BURST,
      maxDevicesPerUser: config.MAX_DEVICES_PER_USER,
      authTimeoutMs: config.AUTH_TIMEOUT_MS,
      originAllowlist: config.ORIGIN_ALLOWLIST,
      trustProxy: config.TRUST_PROXY,
    },
    node,
    verifier,
    metrics,
    log,
    () => engine.healthy(),
    createApiHandler({ apiKey: config.API_KEY, node, metrics, log }),
  );
  const port = await server.listen();
  log.info({ port, host: config.HOST, engine: engine.kind }, "listening");

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Every step runs even if an earlier one fails (CONVENTIONS #7).
      server.draining = true;
      const steps: [string, () => Promise<void> | void][] = [
        ["stop listening", () => server.stopListening()],
        ["go away", () => node.goAway("node shutting down", config.GOAWAY_RECONNECT_MS, config.DRAIN_TIMEOUT_MS)],
        ["finish fan-outs", () => node.settleFanouts(5_000)],
        ["stop timers", () => node.stop()],
        ["close engine", () => engine.close()],
      ];
      for (const [name, step] of steps) {
        try {
          await step();
        } catch (err) {
          log.error({ err, step: name }, "shutdown step failed");
        }
      }
      log.info("stopped");
    })();
    return stopping;
  };
  return { nodeId, port, node, server, metrics, engine, log, stop };
}

type LocalSessions = () => Iterable<[string, number]>;

/** memory (default) | redis (REDIS_URL) | redis + MySQL persistence (REDIS_URL and MYSQL_URL). */
async function defaultEngine(nodeId: string, config: Config, log: Logger, metrics: Metrics, localSessions: LocalSessions): Promise<Engine> {
  if (config.REDIS_URL === undefined) {
    if (config.MYSQL_URL !== undefined)
      throw new Error("MYSQL_URL needs REDIS_URL too: batches travel to MySQL through BullMQ queues in Redis");
    return new MemoryEngine({
      nodeId,
      historyPerConversation: config.MEMORY_HISTORY_PER_CONVERSATION,
      historyMaxBytes: config.MEMORY_HISTORY_MAX_BYTES,
      dedupeTtlMs: config.DEDUPE_TTL_MS,
      dedupeMaxEntries: config.MEMORY_DEDUPE_MAX,
      deviceCursorsMax: config.MEMORY_DEVICE_CURSORS_MAX,
    });
  }
  const redis = RedisEngine.fromUrl(config.REDIS_URL, {
    nodeId,
    prefix: config.REDIS_PREFIX,
    historyMaxPerConversation: config.REDIS_HISTORY_MAX,
    historyMaxAgeMs: config.REDIS_HISTORY_MAX_AGE_MS,
    cursorTtlMs: config.CURSOR_TTL_MS,
    dedupeTtlMs: config.DEDUPE_TTL_MS,
    presenceTtlMs: config.PRESENCE_TTL_MS,
    // ACK_MODE=store acks on the append alone: the append must queue the message for MySQL itself.
    outbox: config.MYSQL_URL !== undefined && config.ACK_MODE === "store",
    localSessions,
    log,
  });
  try {
    await redis.start();
  } catch (err) {
    await redis.close();
    throw new Error(`cannot reach Redis at REDIS_URL: ${(err as Error).message}`, { cause: err });
  }
  registerRedisMetrics(metrics.registry, redis);
  if (config.MYSQL_URL === undefined) return redis;
  const persistence = await startPersistence(nodeId, config, redis, log, metrics.persistence);
  const appends = trackAppends(persistence.store);
  // The persistent store and groups decorate Redis's; everything else is the Redis engine's.
  return {
    kind: redis.kind,
    nodeId,
    store: appends.store,
    groups: persistence.groups,
    presence: redis.presence,
    broker: redis.broker,
    healthy: () => redis.healthy(),
    close: async () => {
      // Sends of sockets the drain just closed may be between Redis and the batcher: closing the
      // batcher under them would leave a message stored in Redis but never queued for MySQL.
      await appends.settled(5_000);
      await persistence.close().catch((err: unknown) => log.error({ err }, "persistence close failed"));
      await redis.close();
    },
  };
}

/** The store with its in-flight appends counted, and a bounded wait for them to settle. */
function trackAppends<S extends Engine["store"]>(store: S): { store: S; settled(timeoutMs: number): Promise<void> } {
  const inflight = new Set<Promise<unknown>>();
  const append = (input: Parameters<Engine["store"]["append"]>[0]): ReturnType<Engine["store"]["append"]> => {
    const p = store.append(input);
    inflight.add(p);
    const forget = (): void => void inflight.delete(p);
    p.then(forget, forget);
    return p;
  };
  // Methods bound once (the send path reads them per message).
  const bound = new Map<PropertyKey, unknown>([["append", append]]);
  const tracked = new Proxy(store, {
    get(target, prop) {
      const cached = bound.get(prop);
      if (cached !== undefined) return cached;
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== "function") return v;
      const fn = (v as (...a: unknown[]) => unknown).bind(target);
      bound.set(prop, fn);
      return fn;
    },
  });
  return {
    store: tracked,
    async settled(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)));
      await Promise.race([Promise.allSettled([...inflight]), deadline]);
      clearTimeout(timer);
    },
  };
}
