// What the producer (batcher) and the consumer (persister) must agree on: queue names, job
// options, the retry backoff, Redis connection options, and the Redis eviction check.
import type { JobsOptions, RedisOptions } from "bullmq";
import type { Logger } from "pino";

/** Backoff type stamped on jobs; workers resolve it with `cappedExponentialBackoff`. */
export const BACKOFF_TYPE = "sb-capped-exponential";

export interface PersistJobOptions {
  /** Attempts before BullMQ parks the job as failed (alerted, kept). Large by default: an outage
   * is waited out, it must never turn into a drop. */
  attempts: number;
  /** First retry delay; doubles per attempt up to the worker's cap. */
  backoffMs: number;
  /** Completed jobs kept (ids of recent batches stay known, so a re-enqueue is a no-op). */
  keepCompleted: number;
}

export function persistJobOptions(o: Partial<PersistJobOptions> = {}): JobsOptions {
  const opts: PersistJobOptions = { attempts: 1_000_000, backoffMs: 250, keepCompleted: 1_000, ...o };
  return {
    attempts: opts.attempts,
    backoff: { type: BACKOFF_TYPE, delay: opts.backoffMs },
    removeOnComplete: { count: opts.keepCompleted },
    // Failed jobs are never removed automatically: they are the evidence and the data.
    removeOnFail: false,
  };
}

/** delay * 2^(attempt-1), capped, with ±20% jitter so retries of many jobs do not align. */
export function cappedExponentialBackoff(baseMs: number, capMs: number): (attemptsMade: number) => number {
  return (attemptsMade) => {
    const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  };
}

export function deadLetterQueueName(queueName: string): string {
  return `${queueName}-dead`;
}

/** REDIS_URL (redis://[user:pass@]host:port[/db]) as BullMQ connection options. */
export function redisConnection(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port === "" ? 6379 : Number(u.port),
    username: u.username === "" ? undefined : decodeURIComponent(u.username),
    password: u.password === "" ? undefined : decodeURIComponent(u.password),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries per request for them.
    maxRetriesPerRequest: null,
  };
}

/** Minimal client surface for the check (ioredis `Redis` satisfies it). */
export interface ConfigGetClient {
  config(subcommand: "GET", parameter: string): Promise<unknown>;
}

/**
 * BullMQ keeps jobs as ordinary keys: under any eviction policy but `noeviction`, Redis may delete
 * a waiting batch when memory fills, i.e. silently lose acked messages. Checked at boot; returns
 * the policy (or null when CONFIG is not allowed, e.g. some managed Redis).
 */
export async function checkRedisEvictionPolicy(client: ConfigGetClient, log: Logger): Promise<string | null> {
  let policy: string | null;
  try {
    const reply = await client.config("GET", "maxmemory-policy");
    const arr = Array.isArray(reply) ? reply : [];
    policy = typeof arr[1] === "string" ? arr[1] : null;
  } catch (err) {
    log.warn({ err }, "could not read Redis maxmemory-policy (CONFIG GET refused?): make sure it is noeviction");
    return null;
  }
  if (policy !== "noeviction") {
    log.error(
      { policy },
      "!!! Redis maxmemory-policy is not 'noeviction': under memory pressure Redis may EVICT queued persist " +
        "jobs, losing acked messages. Set `maxmemory-policy noeviction` on this Redis. !!!",
    );
  }
  return policy;
}
