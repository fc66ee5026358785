// `npm run persister`: a standalone persister worker (scale these independently of gateways).
// Serves /healthz, /readyz and /metrics on $PORT (default 8081; HOST as the gateway) with
// node:http: the persister has no WebSocket hot path. SIGTERM/SIGINT: /readyz turns 503, active
// jobs finish, the worker, queues and MySQL pool close, then the process exits 0.
import { hostname } from "node:os";
import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";
import { ConfigError, loadConfig } from "../config/config.js";
import { createLogger } from "../observability/logger.js";
import { persistenceMetrics } from "../observability/metrics.js";
import { MysqlRepository } from "../persistence/mysql-repository.js";
import { Queue } from "bullmq";
import { openBackends, startConfiguredPersister, startOutboxMover } from "../persistence/index.js";
import type { OutboxMover } from "../persistence/outbox.js";
import type { PersisterHandle } from "../persistence/persister.js";

/** The persister's own port when PORT is unset (8080 is the gateway's default). */
export const PERSISTER_DEFAULT_PORT = 8081;

interface Probe {
  ready(): boolean;
  registry: Registry;
}

function serveHttp(probe: Probe, onError: (err: unknown) => void): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { "content-type": "text/plain", allow: "GET, HEAD" }).end("method not allowed");
      return;
    }
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    } else if (path === "/readyz") {
      const ok = probe.ready();
      res.writeHead(ok ? 200 : 503, { "content-type": "text/plain" }).end(ok ? "ready" : "not ready");
    } else if (path === "/metrics") {
      probe.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": probe.registry.contentType }).end(text),
        (err: unknown) => {
          onError(err);
          res.writeHead(500, { "content-type": "text/plain" }).end("metrics collection failed");
        },
      );
    } else {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    }
  });
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: process.env.PORT || String(PERSISTER_DEFAULT_PORT) });
  if (config.MYSQL_URL === undefined || config.REDIS_URL === undefined)
    throw new ConfigError("the persister needs MYSQL_URL and REDIS_URL");
  // The hostname too: every container's persister is pid 1, and replicas would share a consumer.
  const nodeId = config.NODE_ID ?? `persister-${hostname()}-${process.pid}`;
  const log = createLogger(config.LOG_LEVEL, nodeId);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const metrics = persistenceMetrics(registry);

  let persister: PersisterHandle | null = null;
  let mover: OutboxMover | null = null;
  let queue: Queue | null = null;
  let stopping = false;
  const http = serveHttp({ registry, ready: () => !stopping && persister !== null && persister.worker.isRunning() }, (err) =>
    log.error({ err }, "metrics collection failed"),
  );
  // Listening first: /healthz answers (and /readyz says 503) while Redis and MySQL are reached.
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.PORT, config.HOST, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const address = http.address();
  const port = typeof address === "object" && address !== null ? address.port : config.PORT;
  let repository: MysqlRepository | null = null;

  const stop = (signal: string): void => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, "persister stopping: finishing active jobs");
    void (async () => {
      // Every step runs even if one fails (the mover first: what it read reaches the queue).
      const results = [
        ...(await Promise.allSettled([mover?.close()])),
        ...(await Promise.allSettled([persister?.close(), queue?.close()])),
        ...(await Promise.allSettled([repository?.close()])),
      ];
      for (const r of results) if (r.status === "rejected") log.error({ err: r.reason }, "persister shutdown step failed");
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      log.info("persister stopped");
      process.exit(results.every((r) => r.status === "fulfilled") ? 0 : 1);
    })();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  const backends = await openBackends(config, config.MYSQL_URL, config.REDIS_URL, log);
  repository = backends.repository;
  persister = await startConfiguredPersister(config, backends.connection, backends.repository, metrics, log);
  // Gateways move their outbox themselves; this mover keeps it draining while none runs.
  queue = new Queue(config.PERSIST_QUEUE, { connection: backends.connection, prefix: config.PERSIST_PREFIX });
  mover = await startOutboxMover(nodeId, config, backends.connection, queue, metrics, log);
  log.info({ queue: config.PERSIST_QUEUE, concurrency: config.PERSIST_CONCURRENCY, port, host: config.HOST }, "persister started");
}

main().catch((err: unknown) => {
  process.stderr.write(
    `persister: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
