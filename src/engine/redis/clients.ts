// Builds the two ioredis connections the engine needs, configured to fail fast and reconnect by
// themselves. Only composition roots (and tests) call this; the engine takes clients.
import { Redis, type RedisOptions } from "ioredis";

export interface RedisClientOptions {
  /** Upper bound of the reconnect backoff. */
  maxReconnectDelayMs?: number;
  /** A command with no reply within this time fails (UNAVAILABLE) instead of waiting. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Shown in CLIENT LIST, e.g. the node id. */
  name?: string;
}

export interface RedisClients {
  /** Commands and scripts. */
  client: Redis;
  /** Subscriptions only: a subscribed connection cannot run other commands. */
  subscriber: Redis;
}

/** Exponential backoff from 50 ms, capped, with jitter so nodes do not reconnect in step. */
export function cappedBackoff(maxDelayMs: number): (times: number) => number {
  return (times) => Math.min(50 * 2 ** Math.min(times - 1, 16), maxDelayMs) + Math.floor(Math.random() * 50);
}

export function redisOptions(opts: RedisClientOptions = {}): RedisOptions {
  return {
    // Fail fast while disconnected: a send must get a retryable error, not wait in a queue.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: opts.commandTimeoutMs ?? 2000,
    connectTimeout: opts.connectTimeoutMs ?? 2000,
    retryStrategy: cappedBackoff(opts.maxReconnectDelayMs ?? 2000),
    ...(opts.name === undefined ? {} : { connectionName: opts.name }),
  };
}

export function createRedisClients(url: string, opts: RedisClientOptions = {}): RedisClients {
  const options = redisOptions(opts);
  return { client: new Redis(url, options), subscriber: new Redis(url, options) };
}
