// Redis for tests: the shared server (REDIS_URL, default 127.0.0.1:6379) with a unique key prefix
// per file, and private redis-server processes for tests that kill and restart Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { pino } from "pino";
import { RedisEngine, type RedisEngineOptions } from "../../src/engine/redis/redis-engine.js";
import { uniqueId, waitFor } from "./helpers.js";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export const testLog = pino({ level: process.env.LOG_LEVEL ?? "silent" });

export function uniquePrefix(): string {
  return `sbtest:${uniqueId("p")}:`;
}

/** A started engine with its own connections (closed by engine.close()). */
export async function startEngine(
  url: string,
  options: Omit<RedisEngineOptions, "client" | "subscriber">,
  clientOptions: { maxReconnectDelayMs?: number } = {},
): Promise<RedisEngine> {
  const engine = RedisEngine.fromUrl(url, { log: testLog, ...options }, { maxReconnectDelayMs: 200, ...clientOptions });
  try {
    await engine.start(5000);
  } catch (err) {
    await engine.close();
    throw err;
  }
  return engine;
}

/** Deletes every key under `prefix` (SCAN, not KEYS, so a shared server is not blocked). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url);
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A throwaway redis-server on `port`, without persistence. */
export class PrivateRedis {
  private proc: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const proc = spawn("redis-server", ["--port", String(this.port), "--save", "", "--appendonly", "no", "--daemonize", "no"], {
      stdio: "ignore",
    });
    this.proc = proc;
    let exited = false;
    proc.once("exit", () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`redis-server on port ${this.port} exited at start`);
        return this.ping();
      },
      5000,
      `redis-server on port ${this.port}`,
    );
  }

  /** Kills the server (no shutdown: like a crash) and waits for it to exit. */
  async kill(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (proc === null || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill("SIGKILL");
    });
  }

  /** A plain connection for test-side commands (CLIENT KILL, inspection). */
  connect(): Redis {
    return new Redis(this.url, { maxRetriesPerRequest: 1 });
  }

  private async ping(): Promise<boolean> {
    const redis = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on("error", () => undefined);
    try {
      await redis.connect();
      return (await redis.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  }
}
