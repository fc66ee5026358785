// Every setting, its default, and one parse step that fails at boot naming the bad variable.
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");
const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

/** The dev-only secret `npm start` and `npm run token` share when JWT_SECRET is unset. */
export const DEV_JWT_SECRET = "switchboard-dev-secret-do-not-use-in-production";

const fields = z.object({
  NODE_ENV: z.string().default("development"),
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  HOST: z.string().default("127.0.0.1"),
  PORT: int(8080, 0, 65535),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  // Engine: memory unless REDIS_URL is set.
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().default("sb:"),
  /** Hot history in Redis, per conversation: by count and by age (older reads go to MySQL). */
  REDIS_HISTORY_MAX: int(10_000, 1),
  REDIS_HISTORY_MAX_AGE_MS: int(7 * 24 * 3600 * 1000, 1000),
  /** A crashed node's sessions stop being routed to within this. */
  PRESENCE_TTL_MS: int(15_000, 1000),
  MYSQL_URL: z.string().url().optional(),
  ACK_MODE: z.enum(["store", "db"]).default("store"),

  // Auth.
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters").optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_ALGORITHMS: list.optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  API_KEY: z.string().min(16, "API_KEY must be at least 16 characters").optional(),
  ORIGIN_ALLOWLIST: list.default([]),
  TRUST_PROXY: bool.default(false),
  AUTH_TIMEOUT_MS: int(5_000, 100),

  // Connection limits.
  MAX_CONNECTIONS: int(100_000, 1),
  IP_MAX_CONNECTIONS: int(25_000, 1),
  IP_CONNECT_RATE: int(2_000, 1),
  IP_CONNECT_BURST: int(4_000, 1),
  MAX_DEVICES_PER_USER: int(10, 1),

  // Keepalive.
  PING_INTERVAL_MS: int(30_000, 50),
  IDLE_TIMEOUT_MS: int(90_000, 100),

  // Inbound limits.
  MAX_FRAME_BYTES: int(64 * 1024, 256, 16 * 1024 * 1024),
  SEND_RATE_PER_SEC: int(50, 1),
  SEND_BURST: int(200, 1),
  /** Typing events fan out to every session of the conversation: a per-user bound, excess shed. */
  TYPING_RATE_PER_SEC: int(5, 1),
  TYPING_BURST: int(10, 1),
  /** Presence and group requests each read or write the store: a per-user bound. */
  REQUEST_RATE_PER_SEC: int(20, 1),
  REQUEST_BURST: int(100, 1),
  MAX_VIOLATIONS: int(10, 1),
  /** Event-loop lag (ms, sampled every 100 ms) past which sends get OVERLOADED; 0 = never (the
   * default: a saturated node then answers slower instead of refusing, see README). */
  OVERLOAD_LAG_MS: int(0, 0),

  // Outbound backpressure.
  SOFT_BUFFER_BYTES: int(256 * 1024, 1024),
  HARD_BUFFER_BYTES: int(4 * 1024 * 1024, 2048),
  MAX_PAUSE_MS: int(60_000, 100),

  // Conversations and sync.
  MAX_GROUP_SIZE: int(5_000, 2),
  MAX_SYNC_PAGE: int(500, 1, 10_000),
  DEFAULT_SYNC_PAGE: int(100, 1, 10_000),
  MEMORY_HISTORY_PER_CONVERSATION: int(10_000, 1),
  /** Memory engine: all history held, in bytes (estimated); the least recently active conversations lose their oldest messages first. */
  MEMORY_HISTORY_MAX_BYTES: int(512 * 1024 * 1024, 1024 * 1024),
  DEDUPE_TTL_MS: int(24 * 3600 * 1000, 1000),
  /** A device's acked cursors are dropped this long after its last ack (Redis TTL, MySQL sweep; 0: never). */
  CURSOR_TTL_MS: int(90 * 24 * 3600 * 1000, 0),
  /**
   * Memory engine: client_msg_ids remembered at most (oldest forgotten first, before the TTL);
   * about 120 B each once used. The upper bound keeps DedupeIndex's typed arrays within V8's limits.
   */
  MEMORY_DEDUPE_MAX: int(1_000_000, 1_000, 50_000_000),
  MEMORY_DEVICE_CURSORS_MAX: int(100_000, 100),

  // Persistence (MYSQL_URL set): batcher -> BullMQ -> persister -> MySQL.
  /** A batch is enqueued at this many messages or BATCH_MAX_MS after its first, whichever first
   * (ACK_MODE=db; there a batch also ships early while a commit slot is free). */
  BATCH_MAX_MESSAGES: int(500, 1, 10_000),
  BATCH_MAX_MS: int(20, 1, 60_000),
  MYSQL_POOL_SIZE: int(8, 1, 512),
  MYSQL_CONNECT_TIMEOUT_MS: int(2_000, 100),
  PERSIST_QUEUE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .default("sb-persist"),
  /** BullMQ key prefix (Redis key namespace of the persistence queues). */
  PERSIST_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .default("sb-bull"),
  PERSIST_CONCURRENCY: int(4, 1, 256),
  /** Past this many jobs waiting (incl. retries in backoff), sends are refused with OVERLOADED. */
  PERSIST_MAX_BACKLOG: int(20_000, 1),
  /** ACK_MODE=store: messages in the Redis outbox (stored, not yet in a job) past which sends get
   * OVERLOADED: bounds Redis memory when appends outrun the movers. */
  PERSIST_MAX_OUTBOX: int(200_000, 1),
  /** Attempts per job before BullMQ parks it as failed (alerted); large: MySQL outages are waited out. */
  PERSIST_ATTEMPTS: int(1_000_000, 1),
  PERSIST_BACKOFF_MS: int(250, 1),
  PERSIST_BACKOFF_MAX_MS: int(30_000, 1),
  /** Attempts failing with a data error (not an outage) before the batch is bisected. */
  PERSIST_BISECT_AFTER: int(3, 1),
  /** Run a persister worker inside the gateway process (also enables the direct commit path). */
  EMBEDDED_PERSISTER: bool.default(true),
  /** ACK_MODE=db: the bound on waiting for the MySQL commit before a retryable UNAVAILABLE. */
  DB_ACK_TIMEOUT_MS: int(5_000, 10),
  /** ACK_MODE=db: "direct" writes the batch from this process (embedded persister) and falls back
   * to the queue on failure; "queue-events" waits for a worker's BullMQ completion event. */
  DB_ACK_PATH: z.enum(["direct", "queue-events"]).default("direct"),
  /** ACK_MODE=db group commit: durable batches committing at once. While one is free, a batch
   * ships at the end of the event-loop turn (ack ≈ one commit); while all are busy, messages
   * gather into the next batch. 0 = plain BATCH_MAX_MESSAGES / BATCH_MAX_MS batching. */
  DB_ACK_MAX_INFLIGHT: int(2, 0, 256),
  /** ACK_MODE=store: outbox entries a mover read but did not enqueue (it crashed) are taken over
   * by another mover after this long. */
  OUTBOX_CLAIM_IDLE_MS: int(30_000, 1_000),
  /** ACK_MODE=store: after a read that did not fill a job, a mover gathers this long. A job costs
   * about the same whatever its size (BullMQ's scripts, one INSERT, XACK/XDEL): 100 ms instead of
   * 20 cut a 2-node cluster's gateway CPU by about 15 % at 2,000 msg/s. Acks do not wait for it;
   * MySQL trails Redis by about this much. */
  OUTBOX_GATHER_MS: int(100, 0, 60_000),

  // Shutdown.
  DRAIN_TIMEOUT_MS: int(10_000, 0),
  GOAWAY_RECONNECT_MS: int(2_000, 0),
});

export const configSchema = fields
  .transform((c) => {
    // Outside production a fixed dev secret lets `npm start` + `npm run token` work with no setup.
    const devSecret = c.JWT_SECRET === undefined && c.JWT_PUBLIC_KEY === undefined && c.NODE_ENV !== "production";
    return { ...c, JWT_SECRET: devSecret ? DEV_JWT_SECRET : c.JWT_SECRET, usingDevSecret: devSecret };
  })
  .superRefine((c, ctx) => {
    if (c.JWT_SECRET === undefined && c.JWT_PUBLIC_KEY === undefined) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "set JWT_SECRET (HS256) or JWT_PUBLIC_KEY (PEM, RS256/ES256/EdDSA)" });
    }
    // The development secret is in the repository: anyone could sign tokens with it.
    if (c.NODE_ENV === "production" && c.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_SECRET"],
        message: "the development secret is public: set your own (openssl rand -hex 32)",
      });
    }
    // Without MySQL there is no commit to wait for: "db" would ack on Redis alone.
    if (c.ACK_MODE === "db" && (c.MYSQL_URL === undefined || c.REDIS_URL === undefined)) {
      ctx.addIssue({ code: "custom", path: ["ACK_MODE"], message: "db acks after the MySQL commit: it needs MYSQL_URL and REDIS_URL" });
    }
    if (c.HARD_BUFFER_BYTES <= c.SOFT_BUFFER_BYTES) {
      ctx.addIssue({ code: "custom", path: ["HARD_BUFFER_BYTES"], message: "must be larger than SOFT_BUFFER_BYTES" });
    }
    if (c.IDLE_TIMEOUT_MS <= c.PING_INTERVAL_MS) {
      ctx.addIssue({ code: "custom", path: ["IDLE_TIMEOUT_MS"], message: "must be larger than PING_INTERVAL_MS" });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** A boot-time configuration error; its message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses settings from an env-like record; unset and empty values take their defaults. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(fields.shape);
  const input: Record<string, string> = {};
  for (const key of known) {
    const v = env[key];
    if (v !== undefined && v !== "") input[key] = v;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
