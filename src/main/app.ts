// The composition root: the only place that picks implementations (engine, verifier, server).
// `startGateway` is what `npm start` runs and what in-process tests start on port 0.
import { hostname } from "node:os";
import type { Config } from "../config/config.js";
import { GatewayNode } from "../core/node.js";
import { MemoryEngine } from "../engine/memory/memory-engine.js";
import type { Engine } from "../engine/types.js";
import { createLogger, type Logger } from "../observability/logger.js";
import { Metrics } from "../observability/metrics.js";
import { TokenVerifier } from "../transport/auth.js";
import { GatewayServer } from "../transport/server.js";
import { loadNativeUws } from "../transport/uws.js";

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
  engine?: (nodeId: string, config: Config, log: Logger) => Promise<Engine>;
  logger?: Logger;
  /** Collect Node's default process metrics (off in tests that start several gateways). */
  defaultMetrics?: boolean;
}

export async function startGateway(config: Config, deps: GatewayDeps = {}): Promise<Gateway> {
  const uws = loadNativeUws();
  const nodeId = config.NODE_ID ?? `${hostname()}-${process.pid}`;
  const log = deps.logger ?? createLogger(config.LOG_LEVEL, nodeId);
  const metrics = new Metrics({ defaults: deps.defaultMetrics ?? true });
  const engine = await (deps.engine ?? defaultEngine)(nodeId, config, log);
  const node = new GatewayNode(
    {
      nodeId,
      pingIntervalMs: config.PING_INTERVAL_MS,
      idleTimeoutMs: config.IDLE_TIMEOUT_MS,
      maxFrameBytes: config.MAX_FRAME_BYTES,
      sendRatePerSec: config.SEND_RATE_PER_SEC,
      sendBurst: config.SEND_BURST,
      maxViolations: config.MAX_VIOLATIONS,
      softBufferBytes: config.SOFT_BUFFER_BYTES,
      hardBufferBytes: config.HARD_BUFFER_BYTES,
      maxPauseMs: config.MAX_PAUSE_MS,
      maxGroupSize: config.MAX_GROUP_SIZE,
      maxSyncPage: config.MAX_SYNC_PAGE,
      defaultSyncPage: config.DEFAULT_SYNC_PAGE,
    },
    engine,
    metrics,
    log,
  );
  await node.start();
  const verifier = new TokenVerifier(config);
  const server = new GatewayServer(
    uws,
    {
      host: config.HOST,
      port: config.PORT,
      maxFrameBytes: config.MAX_FRAME_BYTES,
      hardBufferBytes: config.HARD_BUFFER_BYTES,
      maxConnections: config.MAX_CONNECTIONS,
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
    null,
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

async function defaultEngine(nodeId: string, config: Config): Promise<Engine> {
  if (config.REDIS_URL !== undefined) {
    throw new Error("REDIS_URL is set but the Redis engine is not wired in yet");
  }
  return new MemoryEngine({
    nodeId,
    historyPerConversation: config.MEMORY_HISTORY_PER_CONVERSATION,
    dedupeTtlMs: config.DEDUPE_TTL_MS,
  });
}
