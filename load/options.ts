// `npm run load -- <scenario> [options]`: argument parsing and validation. Every limit here is
// a hard cap that keeps a typo from turning into an unbounded load on a shared machine.
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEV_JWT_SECRET } from "../src/config/config.js";

export const SCENARIOS = ["storm", "chat", "group", "mixed"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Which system the clients speak to: Switchboard (src/client) or a peer from load/peers/. */
export const TARGETS = ["switchboard", "uws-relay", "socketio"] as const;
export type Target = (typeof TARGETS)[number];

export const LIMITS = {
  connections: 200_000,
  perWorker: 19_000,
  workers: 64,
  durationSec: 600,
  messageRate: 1_000_000,
  connectRate: 100_000,
  groupSize: 5_000,
  bodyBytes: 60_000,
  drainSec: 60,
} as const;

export const USAGE = `usage: npm run load -- <scenario> [options]

scenarios
  storm   ramp to --connections at --rate connects/s, hold --duration s; with --drop close them
          all and measure the reconnect storm (full-jitter exponential backoff)
  chat    --pairs 1:1 conversations, --rate messages/s in total, for --duration s
  group   --groups groups of --group-size members, --rate messages/s in total (each fans out)
  mixed   --connections in total: --pairs chat pairs, --groups groups, the rest idle;
          --rate messages/s split by --group-share

target
  --url <ws-url>          repeatable or comma list; clients round-robin over them
                          (default ws://127.0.0.1:8080/ws)
  --allow-remote          allow targets that are not loopback (127.0.0.0/8, ::1)
  --secret <s>            HS256 secret the tokens are minted with (default: the dev secret)
  --target <system>       switchboard (default) | uws-relay | socketio: the protocol the clients
                          speak (peers: load/peers/, started by npm run bench or by hand)

load shape
  --connections <n>       storm, mixed (max ${LIMITS.connections})
  --pairs <n>             chat, mixed
  --groups <n>            group, mixed;  --group-size <n> (default 10, max ${LIMITS.groupSize})
  --rate <n>              storm: connects/s; chat/group/mixed: messages/s sent
  --connect-rate <n>      connects/s while connecting (chat/group/mixed, default 1000)
  --ramp <s>              reach all connections in s seconds instead of giving a connect rate
  --duration <s>          hold (storm) or send (others) time, default 10, max ${LIMITS.durationSec}
  --drop                  storm: after the hold, drop all connections and reconnect them
  --warmup <n>            storm: first connect n connections and close them, wait --settle s, then
                          take the servers' baseline RSS: "RSS / connection (marginal)" is then
                          (RSS at the end of the hold − baseline) / connections, free of one-time
                          growth (V8's young generation, JIT code, pools) that a first burst causes
  --settle <s>            storm --warmup: wait after the warm-up round (default 3)
  --backoff-ms <n>        reconnect backoff base (default 500); --backoff-max-ms <n> (default 10000)
  --reconnect-timeout <s> give up reconnecting after s seconds (default 30)
  --size <bytes>          message body size (default 64, min 16)
  --group-share <f>       mixed: fraction of --rate sent to groups (default 0.2)
  --drain <s>             after sending, wait up to s seconds for acks and deliveries (default 5);
                          then (switchboard) a final sync asks for what is still missing: what
                          it returns is reported as late, what it cannot is a loss
  --lead-in <s>           send for s seconds before the --duration (default 0), the rate rising
                          linearly to --rate over the first half: lead-in sends are counted and
                          checked for loss like the others, but their latencies and rates are
                          reported apart (fresh worker processes run cold code)

processes
  --workers <n>           worker processes (default: enough for ${LIMITS.perWorker} connections each)
  --sources <ips>         comma list of source addresses (default: 127.0.0.<2+i> per worker when
                          targets are IPv4 loopback literals, else the OS's choice)
  --handshake-timeout <ms> default 10000
  --connects-in-flight <n> handshakes in flight per worker at most (default 2000); lower it when a
                          CPU-bound client or server would otherwise overflow the listen backlog

measure and output
  --server-pid <pid>      repeatable: sample VmRSS and CPU of a gateway process from /proc
  --metrics-url <url>     repeatable: sample a node's /metrics (process_* series)
                          (neither given: each --url's /metrics is tried)
  --out <dir>             default load-results/<scenario>-<timestamp>
  --help

exit status
  0 ok · 1 bugs (an acked message lost) · 2 usage error or refused target · 3 aborted ·
  4 incomplete (connections, reconnects or sends failed: the figures describe a smaller load)`;

const positiveInt = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);
const positiveNum = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .positive(`${name} must be greater than 0`)
    .max(max, `${name} must be at most ${max}`);

const wsUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === "ws:" || u.protocol === "wss:";
  } catch {
    return false;
  }
}, "--url must be a ws:// or wss:// URL");

const httpUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}, "--metrics-url must be an http:// or https:// URL");

const ip = z.string().refine((s) => /^(\d{1,3}\.){3}\d{1,3}$/.test(s) || s.includes(":"), "--sources must be IP addresses");

const rawSchema = z.object({
  scenario: z.enum(SCENARIOS, { error: `scenario must be one of: ${SCENARIOS.join(", ")}` }),
  urls: z.array(wsUrl).min(1),
  allowRemote: z.boolean(),
  secret: z.string().min(1, "--secret must not be empty"),
  target: z.enum(TARGETS, { error: `--target must be one of: ${TARGETS.join(", ")}` }).default("switchboard"),
  warmup: z.coerce.number().int().min(0).max(LIMITS.connections, `--warmup must be at most ${LIMITS.connections}`).default(0),
  settle: z.coerce.number().min(0).max(60, "--settle must be at most 60").default(3),
  connections: positiveInt("--connections", LIMITS.connections).optional(),
  pairs: positiveInt("--pairs", LIMITS.connections / 2).optional(),
  groups: positiveInt("--groups", LIMITS.connections / 2).optional(),
  groupSize: z.coerce
    .number()
    .int()
    .min(2, "--group-size must be at least 2")
    .max(LIMITS.groupSize, `--group-size must be at most ${LIMITS.groupSize}`)
    .default(10),
  rate: positiveNum("--rate", LIMITS.messageRate).optional(),
  connectRate: positiveNum("--connect-rate", LIMITS.connectRate).optional(),
  ramp: positiveNum("--ramp", LIMITS.durationSec).optional(),
  duration: positiveNum("--duration", LIMITS.durationSec).default(10),
  drop: z.boolean(),
  backoffMs: positiveInt("--backoff-ms", 60_000).default(500),
  backoffMaxMs: positiveInt("--backoff-max-ms", 300_000).default(10_000),
  reconnectTimeout: positiveNum("--reconnect-timeout", LIMITS.durationSec).default(30),
  size: z.coerce
    .number()
    .int()
    .min(16, "--size must be at least 16 (the body carries a timestamp)")
    .max(LIMITS.bodyBytes, `--size must be at most ${LIMITS.bodyBytes}`)
    .default(64),
  groupShare: z.coerce
    .number()
    .min(0, "--group-share must be between 0 and 1")
    .max(1, "--group-share must be between 0 and 1")
    .default(0.2),
  drain: positiveNum("--drain", LIMITS.drainSec).default(5),
  leadIn: z.coerce.number().min(0, "--lead-in must be at least 0").max(60, "--lead-in must be at most 60").default(0),
  workers: positiveInt("--workers", LIMITS.workers).optional(),
  sources: z.array(ip).optional(),
  handshakeTimeout: positiveInt("--handshake-timeout", 120_000).default(10_000),
  connectsInFlight: positiveInt("--connects-in-flight", 20_000).default(2_000),
  serverPids: z.array(positiveInt("--server-pid", 4_194_304)).default([]),
  metricsUrls: z.array(httpUrl).default([]),
  out: z.string().optional(),
});

/** Fully resolved options: every scenario's counts and rates are explicit numbers. */
export interface LoadOptions {
  scenario: Scenario;
  urls: string[];
  allowRemote: boolean;
  secret: string;
  target: Target;
  /** storm: connections opened and closed before the measured connect (0: no warm-up round). */
  warmup: number;
  settleSec: number;
  /** Total connections = 2·pairs + groups·groupSize + idle. */
  connections: number;
  pairs: number;
  groups: number;
  groupSize: number;
  idle: number;
  /** Connects/s while connecting (storm: --rate). */
  connectRate: number;
  /** Messages/s sent in total (0 for storm). */
  messageRate: number;
  groupShare: number;
  durationSec: number;
  drop: boolean;
  backoffMs: number;
  backoffMaxMs: number;
  reconnectTimeoutSec: number;
  bodyBytes: number;
  drainSec: number;
  /** Seconds of sending before the measured --duration (latencies reported apart). */
  leadInSec: number;
  workers: number;
  sources: string[] | "auto";
  handshakeTimeoutMs: number;
  connectsInFlight: number;
  serverPids: number[];
  metricsUrls: string[];
  out: string;
}

export class OptionsError extends Error {
  override name = "OptionsError";
}

const ARG_SPEC = {
  url: { type: "string", multiple: true },
  "allow-remote": { type: "boolean" },
  secret: { type: "string" },
  target: { type: "string" },
  warmup: { type: "string" },
  settle: { type: "string" },
  connections: { type: "string" },
  pairs: { type: "string" },
  groups: { type: "string" },
  "group-size": { type: "string" },
  rate: { type: "string" },
  "connect-rate": { type: "string" },
  ramp: { type: "string" },
  duration: { type: "string" },
  drop: { type: "boolean" },
  "backoff-ms": { type: "string" },
  "backoff-max-ms": { type: "string" },
  "reconnect-timeout": { type: "string" },
  size: { type: "string" },
  "group-share": { type: "string" },
  drain: { type: "string" },
  "lead-in": { type: "string" },
  workers: { type: "string" },
  sources: { type: "string", multiple: true },
  "handshake-timeout": { type: "string" },
  "connects-in-flight": { type: "string" },
  "server-pid": { type: "string", multiple: true },
  "metrics-url": { type: "string", multiple: true },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Thrown for --help: the CLI prints USAGE and exits 0. */
export class HelpRequested extends Error {}

const splitList = (values: string[] | undefined): string[] | undefined =>
  values
    ?.flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function parseOptions(argv: readonly string[], now = new Date()): LoadOptions {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof ARG_SPEC; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: ARG_SPEC, allowPositionals: true, strict: true });
  } catch (err) {
    throw new OptionsError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help === true) throw new HelpRequested();
  if (parsed.positionals.length !== 1) {
    throw new OptionsError(
      `expected exactly one scenario (${SCENARIOS.join(", ")}), got ${parsed.positionals.length === 0 ? "none" : parsed.positionals.join(" ")}`,
    );
  }
  const raw = rawSchema.safeParse({
    scenario: parsed.positionals[0],
    urls: splitList(v.url) ?? ["ws://127.0.0.1:8080/ws"],
    allowRemote: v["allow-remote"] ?? false,
    secret: v.secret ?? DEV_JWT_SECRET,
    target: v.target,
    warmup: v.warmup,
    settle: v.settle,
    connections: v.connections,
    pairs: v.pairs,
    groups: v.groups,
    groupSize: v["group-size"],
    rate: v.rate,
    connectRate: v["connect-rate"],
    ramp: v.ramp,
    duration: v.duration,
    drop: v.drop ?? false,
    backoffMs: v["backoff-ms"],
    backoffMaxMs: v["backoff-max-ms"],
    reconnectTimeout: v["reconnect-timeout"],
    size: v.size,
    groupShare: v["group-share"],
    drain: v.drain,
    leadIn: v["lead-in"],
    workers: v.workers,
    sources: splitList(v.sources),
    handshakeTimeout: v["handshake-timeout"],
    connectsInFlight: v["connects-in-flight"],
    serverPids: splitList(v["server-pid"]),
    metricsUrls: splitList(v["metrics-url"]),
    out: v.out,
  });
  if (!raw.success) throw new OptionsError(raw.error.issues.map((i) => i.message).join("\n"));
  return resolve(raw.data, now);
}

type Raw = z.infer<typeof rawSchema>;

function resolve(r: Raw, now: Date): LoadOptions {
  const shape = scenarioShape(r);
  const connections = 2 * shape.pairs + shape.groups * r.groupSize + shape.idle;
  if (connections > LIMITS.connections) throw new OptionsError(`${connections} connections in total: at most ${LIMITS.connections}`);
  const connectRate = resolveConnectRate(r, connections);
  const workers = r.workers ?? Math.max(1, Math.ceil(connections / LIMITS.perWorker));
  if (r.groupSize > LIMITS.perWorker)
    throw new OptionsError(`--group-size must be at most ${LIMITS.perWorker}: a group lives in one worker`);
  if (Math.ceil(connections / workers) > LIMITS.perWorker) {
    throw new OptionsError(
      `${connections} connections over ${workers} workers is more than ${LIMITS.perWorker} per worker (the open-files limit is 20,000): use --workers ${Math.ceil(connections / LIMITS.perWorker)} or more`,
    );
  }
  if (r.backoffMaxMs < r.backoffMs) throw new OptionsError("--backoff-max-ms must be at least --backoff-ms");
  const stamp = now.toISOString().replace(/[:.]/g, "-").replace(/Z$/, "");
  return {
    scenario: r.scenario,
    urls: r.urls,
    allowRemote: r.allowRemote,
    secret: r.secret,
    target: r.target,
    warmup: r.warmup,
    settleSec: r.settle,
    connections,
    pairs: shape.pairs,
    groups: shape.groups,
    groupSize: r.groupSize,
    idle: shape.idle,
    connectRate,
    messageRate: r.scenario === "storm" ? 0 : (r.rate ?? 100),
    groupShare: r.scenario === "mixed" ? r.groupShare : r.scenario === "group" ? 1 : 0,
    durationSec: r.duration,
    drop: r.drop,
    backoffMs: r.backoffMs,
    backoffMaxMs: r.backoffMaxMs,
    reconnectTimeoutSec: r.reconnectTimeout,
    bodyBytes: r.size,
    drainSec: r.drain,
    leadInSec: r.scenario === "storm" ? 0 : r.leadIn,
    workers,
    sources: r.sources ?? "auto",
    handshakeTimeoutMs: r.handshakeTimeout,
    connectsInFlight: r.connectsInFlight,
    serverPids: r.serverPids,
    metricsUrls: r.metricsUrls,
    out: r.out ?? `load-results/${r.scenario}-${stamp}`,
  };
}

/** Which counts a scenario takes, with defaults, refusing options that would be silently ignored. */
function scenarioShape(r: Raw): { pairs: number; groups: number; idle: number } {
  const reject = (flag: string, why: string): never => {
    throw new OptionsError(`${flag} does not apply to ${r.scenario}: ${why}`);
  };
  if (r.drop && r.scenario !== "storm") reject("--drop", "only storm drops connections");
  if (r.warmup > 0 && r.scenario !== "storm") reject("--warmup", "only storm measures memory per connection");
  if (r.leadIn > 0 && r.scenario === "storm") reject("--lead-in", "storm sends no messages");
  if (r.warmup > (r.connections ?? 1000)) reject("--warmup", "it must not exceed --connections (the warm-up reuses their users)");
  switch (r.scenario) {
    case "storm":
      if (r.pairs !== undefined) reject("--pairs", "storm connections are idle");
      if (r.groups !== undefined) reject("--groups", "storm connections are idle");
      if (r.connectRate !== undefined) reject("--connect-rate", "storm's --rate is its connect rate");
      return { pairs: 0, groups: 0, idle: r.connections ?? 1000 };
    case "chat":
      if (r.connections !== undefined) reject("--connections", "chat opens 2 × --pairs");
      if (r.groups !== undefined) reject("--groups", "use the group or mixed scenario");
      return { pairs: r.pairs ?? 100, groups: 0, idle: 0 };
    case "group":
      if (r.connections !== undefined) reject("--connections", "group opens --groups × --group-size");
      if (r.pairs !== undefined) reject("--pairs", "use the chat or mixed scenario");
      return { pairs: 0, groups: r.groups ?? 10, idle: 0 };
    case "mixed": {
      const connections = r.connections ?? 1000;
      const pairs = r.pairs ?? Math.floor((connections * 0.4) / 2);
      const groups = r.groups ?? Math.floor((connections * 0.2) / r.groupSize);
      const idle = connections - 2 * pairs - groups * r.groupSize;
      if (idle < 0)
        throw new OptionsError(
          `mixed: 2 × --pairs + --groups × --group-size = ${connections - idle} is more than --connections ${connections}`,
        );
      if (pairs === 0 && groups === 0) throw new OptionsError("mixed: needs at least one pair or group (raise --connections)");
      return { pairs, groups, idle };
    }
  }
}

function resolveConnectRate(r: Raw, connections: number): number {
  const given = r.scenario === "storm" ? r.rate : r.connectRate;
  const flag = r.scenario === "storm" ? "--rate" : "--connect-rate";
  if (given !== undefined && r.ramp !== undefined) throw new OptionsError(`give ${flag} or --ramp, not both`);
  if (r.ramp !== undefined) return connections / r.ramp;
  return given ?? (r.scenario === "storm" ? 500 : 1000);
}
