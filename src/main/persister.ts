// `npm run persister`: a standalone persister worker (scale these independently of gateways).
import { Redis } from "ioredis";
import { ConfigError, loadConfig } from "../config/config.js";
import { createLogger } from "../observability/logger.js";
import { Metrics } from "../observability/metrics.js";
import { MysqlRepository } from "../persistence/mysql-repository.js";
import { startPersister } from "../persistence/persister.js";
import { checkRedisEvictionPolicy, redisConnection } from "../persistence/queue.js";

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.MYSQL_URL === undefined || config.REDIS_URL === undefined)
    throw new ConfigError("the persister needs MYSQL_URL and REDIS_URL");
  const log = createLogger(config.LOG_LEVEL, config.NODE_ID ?? `persister-${process.pid}`);
  const metrics = new Metrics();
  const connection = redisConnection(config.REDIS_URL);
  const probe = new Redis(connection);
  await checkRedisEvictionPolicy(probe, log).finally(() => probe.disconnect());
  const repository = new MysqlRepository({
    url: config.MYSQL_URL,
    poolSize: config.MYSQL_POOL_SIZE,
    connectTimeoutMs: config.MYSQL_CONNECT_TIMEOUT_MS,
    onError: (err) => log.warn({ err }, "mysql"),
  });
  const persister = await startPersister({
    connection,
    queueName: config.PERSIST_QUEUE,
    prefix: config.PERSIST_PREFIX,
    writer: repository,
    concurrency: config.PERSIST_CONCURRENCY,
    bisectAfter: config.PERSIST_BISECT_AFTER,
    backoffMs: config.PERSIST_BACKOFF_MS,
    backoffMaxMs: config.PERSIST_BACKOFF_MAX_MS,
    metrics: metrics.persistence,
    log,
  });
  log.info({ queue: config.PERSIST_QUEUE, concurrency: config.PERSIST_CONCURRENCY }, "persister started");
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, "persister stopping: finishing active jobs");
    void Promise.allSettled([persister.close(), repository.close()]).then((results) => {
      for (const r of results) if (r.status === "rejected") log.error({ err: r.reason }, "persister shutdown step failed");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `persister: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
