// `npm run bench`: Switchboard side by side with its peers, in one run. For each system it starts
// the servers (Switchboard from dist/, peers from load/peers/), measures memory per idle connection
// (storm with a warm-up round: marginal RSS), then ramps a 1:1 chat load to find the highest rate
// whose p99 send→deliver stays ≤ 20 ms, stops the servers, and finally prints a comparison table
// with the ratios the project targets. Loopback only; every step is a bounded load run.
//
//   npm run bench [-- --quick] [--only <system,...>] [--repeat <n>] [--no-build] [--out <dir>]
//
// Systems: switchboard-cluster (2 nodes, Redis + MySQL persistence), switchboard-memory (1 node,
// memory engine), uws-relay (bare uWebSockets.js, 1 node), socketio (Socket.IO + redis adapter, 2
// nodes). Env: REDIS_URL (redis://127.0.0.1:6379), MYSQL_URL (mysql://root@127.0.0.1:3306; a
// fresh sbbench_* database is created, migrated and dropped).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import mysql from "mysql2/promise";
import { migrate } from "../src/persistence/migrator.js";
import { formatMysqlUrl, parseMysqlUrl } from "../src/persistence/mysql-url.js";
import { Coordinator } from "./coordinator.js";
import { parseOptions, type Target } from "./options.js";
import { writeReports } from "./report.js";
import { unlinkMatching } from "./run-cleanup.js";
import type { RunResult } from "./result.js";
import { REDIS_GATEWAY_NODE_FLAGS } from "../src/main/node-flags.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SECRET = `bench-${randomBytes(16).toString("hex")}`;
const P99_BUDGET_MS = 20;

export const SYSTEMS = ["switchboard-cluster", "switchboard-memory", "uws-relay", "socketio"] as const;
export type SystemId = (typeof SYSTEMS)[number];

const LABELS: Record<SystemId, string> = {
  "switchboard-cluster": "Switchboard, 2 nodes, Redis + MySQL persistence",
  "switchboard-memory": "Switchboard, 1 node, memory engine",
  "uws-relay": "bare uWebSockets.js relay, 1 node",
  socketio: "Socket.IO + @socket.io/redis-adapter, 2 nodes",
};

interface Profile {
  pairs: number;
  chatWorkers: number;
  stepSec: number;
  /** Seconds of sending before the measured stepSec, ramping up to the step's rate (see --lead-in). */
  leadInSec: number;
  startRate: number;
  factor: number;
  bisections: number;
  maxSteps: number;
  warmStepSec: number;
  idleConnections: number;
  idleWarmup: number;
  idleWorkers: number;
  connectRate: number;
  holdSec: number;
  budgetMin: number;
}

const FULL: Profile = {
  pairs: 500,
  chatWorkers: 2,
  stepSec: 6,
  // A 1 s ramp and 1 s at the step's rate: fresh client processes warm up without a backlog.
  leadInSec: 2,
  startRate: 4000,
  factor: 1.5,
  bisections: 2,
  maxSteps: 12,
  warmStepSec: 3,
  idleConnections: 10_000,
  idleWarmup: 2_000,
  idleWorkers: 2,
  connectRate: 2_000,
  holdSec: 4,
  budgetMin: 60,
};

const QUICK: Profile = {
  pairs: 20,
  chatWorkers: 1,
  stepSec: 1.5,
  leadInSec: 0.5,
  startRate: 200,
  factor: 2,
  bisections: 0,
  maxSteps: 2,
  warmStepSec: 1,
  idleConnections: 200,
  idleWarmup: 50,
  idleWorkers: 1,
  connectRate: 1_000,
  holdSec: 1,
  budgetMin: 8,
};

export interface ChatStep {
  rate: number;
  pass: boolean;
  why: string;
  sentPerSec: number;
  deliveredPerSec: number;
  deliverP50: number | null;
  deliverP99: number | null;
  deliverP999: number | null;
  ackP99: number | null;
  /** p99 send→deliver of the lead-in (not judged). */
  leadInP99: number | null;
  lost: number;
  clientPeakWorkerCpuPct: number;
  /** The load generator's CPU per message sent while sending (µs). */
  clientCpuUsPerMessage: number | null;
  serverCpuSec: number | null;
}

export interface SystemResult {
  id: SystemId;
  label: string;
  nodes: number;
  attempt: number;
  error: string | null;
  chat: { maxRate: number | null; p99AtMax: number | null; steps: ChatStep[] } | null;
  memory: {
    connections: number;
    connected: number;
    failed: number;
    rssPerConnectionBytes: number | null;
    naiveRssPerConnectionBytes: number | null;
    method: string;
    cpuSecPer10kConnects: number | null;
    connectsPerSec: number;
    handshakeP99: number | null;
  } | null;
}

interface Running {
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

// ---------------------------------------------------------------- processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a !== null ? a.port : 0));
    });
  });
}

/** A compiled file under dist/ when it is at least as new as its source; else the source via tsx. */
function script(tsPath: string): string[] {
  const js = join(ROOT, "dist", tsPath.replace(/\.ts$/, ".js"));
  const ts = join(ROOT, tsPath);
  if (existsSync(js) && statSync(js).mtimeMs >= statSync(ts).mtimeMs) return [js];
  return ["--import", "tsx", ts];
}

const children = new Set<ChildProcess>();

async function startProcess(args: string[], env: Record<string, string>, readyUrl: string, name: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let tail = "";
  const keep = (b: Buffer): void => {
    tail = (tail + b.toString()).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.once("exit", () => children.delete(child));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}: ${tail.trim().slice(-1500)}`);
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(500) });
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stopProcess(child);
  throw new Error(`${name} not ready at ${readyUrl} within 30 s: ${tail.trim().slice(-1500)}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  if (await Promise.race([exited.then(() => true), sleep(8_000).then(() => false)])) return;
  child.kill("SIGKILL");
  await exited;
}

const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const MYSQL_BASE = process.env["MYSQL_URL"] ?? "mysql://root@127.0.0.1:3306/switchboard";

/** --env KEY=VALUE: extra settings for every Switchboard gateway of the run (tuning experiments). */
const extraGatewayEnv: Record<string, string> = {};

const gatewayEnv = (port: number, nodeId: string): Record<string, string> => ({
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: String(port),
  NODE_ID: nodeId,
  LOG_LEVEL: "warn",
  JWT_SECRET: SECRET,
  // The load users send far above a human's rate and connect from a few addresses.
  SEND_RATE_PER_SEC: "1000000",
  SEND_BURST: "1000000",
  IP_CONNECT_RATE: "100000",
  IP_CONNECT_BURST: "100000",
  IP_MAX_CONNECTIONS: "100000",
  MAX_CONNECTIONS: "100000",
  ...extraGatewayEnv,
});

async function startGateways(n: number, tag: string, extra: Record<string, string>): Promise<Running> {
  const procs: ChildProcess[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < n; i += 1) {
      const port = await freePort();
      procs.push(
        await startProcess(
          [...(extra["REDIS_URL"] !== undefined ? REDIS_GATEWAY_NODE_FLAGS : []), ...script("src/main/gateway.ts")],
          { ...gatewayEnv(port, `${tag}-${i}`), ...extra },
          `http://127.0.0.1:${port}/readyz`,
          `gateway ${tag}-${i}`,
        ),
      );
      urls.push(`ws://127.0.0.1:${port}/ws`);
    }
  } catch (err) {
    await Promise.all(procs.map(stopProcess));
    throw err;
  }
  return { urls, pids: procs.map((p) => p.pid!), stop: async () => void (await Promise.all(procs.map(stopProcess))) };
}

async function startPeers(file: string, n: number, extraArgs: string[], env: Record<string, string>): Promise<Running> {
  const procs: ChildProcess[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < n; i += 1) {
      const port = await freePort();
      procs.push(
        await startProcess(
          [...script(file), "--port", String(port), ...extraArgs],
          env,
          `http://127.0.0.1:${port}/healthz`,
          `${file} #${i}`,
        ),
      );
      urls.push(`ws://127.0.0.1:${port}/ws`);
    }
  } catch (err) {
    await Promise.all(procs.map(stopProcess));
    throw err;
  }
  return { urls, pids: procs.map((p) => p.pid!), stop: async () => void (await Promise.all(procs.map(stopProcess))) };
}

/** Deletes every Redis key under `prefix` (the run's own namespace). */
async function dropRedisPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    await unlinkMatching(r, `${prefix}*`);
  } finally {
    r.disconnect();
  }
}

async function startSystem(id: SystemId): Promise<Running> {
  const tag = `sbb${randomBytes(3).toString("hex")}`;
  switch (id) {
    case "switchboard-memory":
      return startGateways(1, `${tag}-mem`, {});
    case "uws-relay":
      return startPeers("load/peers/uws-relay.ts", 1, [], {});
    case "socketio": {
      const r = await startPeers("load/peers/socketio-server.ts", 2, ["--key", `${tag}-sio`], { REDIS_URL, NODE_ENV: "production" });
      return r;
    }
    case "switchboard-cluster": {
      const database = `sbbench_${randomBytes(5).toString("hex")}`;
      const url = formatMysqlUrl({ ...parseMysqlUrl(MYSQL_BASE), database });
      await migrate({ url, dir: join(ROOT, "migrations") });
      const prefix = `${tag}:`;
      const cleanup = async (): Promise<void> => {
        const t = parseMysqlUrl(url);
        const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
        try {
          await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
        } finally {
          await c.end();
        }
        await dropRedisPrefix(prefix);
        await dropRedisPrefix(`${tag}-bull`);
      };
      let r: Running;
      try {
        r = await startGateways(2, tag, {
          REDIS_URL,
          MYSQL_URL: url,
          REDIS_PREFIX: prefix,
          PERSIST_QUEUE: `${tag}-persist`,
          PERSIST_PREFIX: `${tag}-bull`,
        });
      } catch (err) {
        await cleanup().catch(() => undefined);
        throw err;
      }
      return { ...r, stop: async () => void (await r.stop(), await cleanup().catch((e: unknown) => log(`cleanup: ${String(e)}`))) };
    }
  }
}

const TARGET: Record<SystemId, Target> = {
  "switchboard-cluster": "switchboard",
  "switchboard-memory": "switchboard",
  "uws-relay": "uws-relay",
  socketio: "socketio",
};

// ---------------------------------------------------------------- measures

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

async function loadRun(id: SystemId, sys: Running, args: string[], out: string, label: string, keep: boolean): Promise<RunResult> {
  const o = parseOptions([
    ...args,
    "--target",
    TARGET[id],
    "--url",
    sys.urls.join(","),
    "--secret",
    SECRET,
    "--out",
    out,
    ...sys.pids.flatMap((p) => ["--server-pid", String(p)]),
  ]);
  const r = await Coordinator.run(o, { write: (s) => process.stdout.write(`  ${label} ${s.replace(/^\r/, "")}`), printEverySec: 1 });
  if (keep) await writeReports(out, r);
  return r;
}

async function measureMemory(id: SystemId, sys: Running, p: Profile, dir: string): Promise<NonNullable<SystemResult["memory"]>> {
  const r = await loadRun(
    id,
    sys,
    [
      "storm",
      "--connections",
      String(p.idleConnections),
      "--rate",
      String(p.connectRate),
      "--warmup",
      String(p.idleWarmup),
      "--settle",
      "3",
      "--duration",
      String(p.holdSec),
      "--workers",
      String(p.idleWorkers),
    ],
    join(dir, "memory"),
    `[${id} idle]`,
    true,
  );
  const naive = r.server.reduce<number | null>(
    (s, n) => (s === null || n.rssStartBytes === null || n.rssPeakBytes === null ? null : s + (n.rssPeakBytes - n.rssStartBytes)),
    0,
  );
  const cs = r.connections.server;
  return {
    connections: p.idleConnections,
    connected: r.connections.connected,
    failed: r.connections.failed,
    rssPerConnectionBytes: cs.rssPerConnectionMarginalBytes,
    naiveRssPerConnectionBytes: naive === null ? null : Math.round(naive / Math.max(1, r.connections.peakOpen)),
    method: cs.rssMethod,
    cpuSecPer10kConnects: cs.cpuSecPer10kConnects,
    connectsPerSec: r.connections.connectsPerSec,
    handshakeP99: r.connections.handshakeMs.p99,
  };
}

function judge(r: RunResult, rate: number): { pass: boolean; why: string } {
  const m = r.messages;
  if (r.aborted !== null) return { pass: false, why: `aborted: ${r.aborted}` };
  if (m === null) return { pass: false, why: "no messages" };
  if (m.lost > 0) return { pass: false, why: `${m.lost} lost` };
  // The worker spreads the rate over the pairs that connected: a step with refused connections
  // could meet the rate and the p99 with less load per connection than asked.
  if (r.connections.failed > 0) return { pass: false, why: `${r.connections.failed} connections failed` };
  if (r.disconnects.unexpected > 0) return { pass: false, why: `${r.disconnects.unexpected} unexpected disconnects` };
  if (m.failed > 0) return { pass: false, why: `${m.failed} sends failed` };
  if (m.unacked > 0) return { pass: false, why: `${m.unacked} unacked` };
  if (m.skipped > m.sent * 0.005) return { pass: false, why: `generator behind: ${m.skipped} sends skipped` };
  if (m.sentPerSec < rate * 0.95) return { pass: false, why: `sent only ${Math.round(m.sentPerSec)}/s` };
  const p99 = m.deliverMs.p99;
  if (p99 === null || p99 > P99_BUDGET_MS) return { pass: false, why: `p99 ${p99?.toFixed(1) ?? "–"} ms > ${P99_BUDGET_MS} ms` };
  return { pass: true, why: "ok" };
}

async function chatStep(id: SystemId, sys: Running, p: Profile, rate: number, sec: number, dir: string): Promise<ChatStep> {
  const r = await loadRun(
    id,
    sys,
    [
      "chat",
      "--pairs",
      String(p.pairs),
      "--rate",
      String(rate),
      "--duration",
      String(sec),
      "--lead-in",
      String(p.leadInSec),
      "--workers",
      String(p.chatWorkers),
      "--connect-rate",
      String(p.connectRate),
      "--drain",
      "5",
    ],
    join(dir, `chat-${rate}`),
    `[${id} ${rate}/s]`,
    true,
  );
  const m = r.messages;
  const verdict = judge(r, rate);
  const serverCpu = r.server.reduce<number | null>((s, n) => (s === null || n.cpuSec === null ? null : s + n.cpuSec), 0);
  const step: ChatStep = {
    rate,
    ...verdict,
    sentPerSec: m?.sentPerSec ?? 0,
    deliveredPerSec: m?.deliveredPerSec ?? 0,
    deliverP50: m?.deliverMs.p50 ?? null,
    deliverP99: m?.deliverMs.p99 ?? null,
    deliverP999: m?.deliverMs.p999 ?? null,
    ackP99: m?.ackMs.p99 ?? null,
    leadInP99: m?.leadIn?.deliverMs.p99 ?? null,
    lost: m?.lost ?? 0,
    clientPeakWorkerCpuPct: r.client.peakWorkerCpuPct,
    clientCpuUsPerMessage: r.client.cpuUsPerMessage,
    serverCpuSec: serverCpu,
  };
  log(
    `  => ${id} ${rate}/s: ${step.pass ? "PASS" : "FAIL"} (${step.why}); delivered ${Math.round(step.deliveredPerSec)}/s, p50 ${fmt(step.deliverP50)} p99 ${fmt(step.deliverP99)} ms`,
  );
  return step;
}

/** Geometric ramp until a step fails, then bisection between the last pass and the first fail. */
async function rampChat(id: SystemId, sys: Running, p: Profile, dir: string, deadline: number): Promise<NonNullable<SystemResult["chat"]>> {
  const steps: ChatStep[] = [];
  if (p.warmStepSec > 0) {
    log(`  ${id}: warm-up chat step (not counted)`);
    await chatStep(id, sys, p, Math.round(p.startRate / 2), p.warmStepSec, join(dir, "warm"));
  }
  let best: ChatStep | null = null;
  let failAt: number | null = null;
  let rate = p.startRate;
  while (steps.length < p.maxSteps && Date.now() < deadline) {
    const s = await chatStep(id, sys, p, rate, p.stepSec, dir);
    steps.push(s);
    if (!s.pass) {
      failAt = rate;
      break;
    }
    best = s;
    rate = Math.round(rate * p.factor);
  }
  for (let i = 0; i < p.bisections && failAt !== null && Date.now() < deadline; i += 1) {
    const lo = best?.rate ?? 0;
    const mid = Math.round((lo + failAt) / 2 / 100) * 100;
    if (mid <= lo || mid >= failAt) break;
    const s = await chatStep(id, sys, p, mid, p.stepSec, dir);
    steps.push(s);
    if (s.pass) best = s;
    else failAt = mid;
  }
  return { maxRate: best?.rate ?? null, p99AtMax: best?.deliverP99 ?? null, steps };
}

async function benchSystem(id: SystemId, p: Profile, dir: string, attempt: number, deadline: number): Promise<SystemResult> {
  const res: SystemResult = {
    id,
    label: LABELS[id],
    nodes: id === "switchboard-cluster" || id === "socketio" ? 2 : 1,
    attempt,
    error: null,
    chat: null,
    memory: null,
  };
  log(`\n== ${LABELS[id]} (attempt ${attempt})`);
  let sys: Running;
  try {
    sys = await startSystem(id);
  } catch (err) {
    res.error = `start failed: ${(err as Error).message}`;
    log(`  ${res.error}`);
    return res;
  }
  log(`  started: ${sys.urls.join(", ")} (pids ${sys.pids.join(", ")})`);
  try {
    const mem = await measureMemory(id, sys, p, dir);
    res.memory = mem;
    log(
      `  => ${id} idle: ${mem.connected}/${mem.connections} connected, ${kib(mem.rssPerConnectionBytes)} KiB/connection marginal (naive ${kib(mem.naiveRssPerConnectionBytes)}), ${fmt(mem.cpuSecPer10kConnects, 2)} CPU-s per 10k connects`,
    );
    res.chat = await rampChat(id, sys, p, dir, deadline);
  } catch (err) {
    res.error = (err as Error).stack ?? String(err);
    log(`  ${id} failed: ${res.error}`);
  } finally {
    await sys.stop();
  }
  return res;
}

/** Of several attempts, the one with the highest chat rate (memory: the lowest per connection). */
function best(attempts: SystemResult[]): SystemResult {
  const ok = attempts.filter((a) => a.error === null);
  if (ok.length === 0) return attempts[attempts.length - 1]!;
  const byRate = [...ok].sort((a, b) => (b.chat?.maxRate ?? -1) - (a.chat?.maxRate ?? -1))[0]!;
  const byMem = [...ok].sort((a, b) => (a.memory?.rssPerConnectionBytes ?? Infinity) - (b.memory?.rssPerConnectionBytes ?? Infinity))[0]!;
  return { ...byRate, memory: byMem.memory };
}

// ---------------------------------------------------------------- output

const fmt = (v: number | null | undefined, d = 1): string => (v === null || v === undefined ? "–" : v.toFixed(d));
const kib = (b: number | null | undefined): string => (b === null || b === undefined ? "–" : (b / 1024).toFixed(2));

export interface Ratio {
  name: string;
  value: number | null;
  target: string;
  met: boolean | null;
}

export function ratios(results: SystemResult[]): Ratio[] {
  const get = (id: SystemId): SystemResult | undefined => results.find((r) => r.id === id);
  const rate = (id: SystemId): number | null => get(id)?.chat?.maxRate ?? null;
  const mem = (id: SystemId): number | null => get(id)?.memory?.rssPerConnectionBytes ?? null;
  const div = (a: number | null, b: number | null): number | null => (a === null || b === null || b <= 0 ? null : a / b);
  const r1 = div(rate("switchboard-cluster"), rate("socketio"));
  const r2 = div(mem("switchboard-cluster"), mem("socketio"));
  const r3 = div(rate("switchboard-memory"), rate("uws-relay"));
  return [
    {
      name: "chat rate at p99 ≤ 20 ms: Switchboard 2 nodes (Redis + persistence) / Socket.IO 2 nodes",
      value: r1,
      target: "≥ 3",
      met: r1 === null ? null : r1 >= 3,
    },
    {
      name: "memory per connection: Switchboard 2 nodes / Socket.IO 2 nodes",
      value: r2,
      target: "≤ 0.2 (1/5)",
      met: r2 === null ? null : r2 <= 0.2,
    },
    {
      name: "chat rate at p99 ≤ 20 ms: Switchboard 1 node memory / bare uWS relay",
      value: r3,
      target: "≥ 0.6",
      met: r3 === null ? null : r3 >= 0.6,
    },
  ];
}

export function renderBench(
  results: SystemResult[],
  meta: { startedAt: string; quick: boolean; repeat: number; profile: Profile; gatewayEnv: Record<string, string> },
): string {
  const p = meta.profile;
  const lines = [
    `# Switchboard bench (${meta.startedAt})`,
    "",
    `${meta.quick ? "**--quick (smoke: figures are not meaningful)** · " : ""}machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version} · best of ${meta.repeat} attempt(s) per system`,
    "",
    ...(Object.keys(meta.gatewayEnv).length > 0
      ? [
          `Switchboard gateways ran with extra settings: ${Object.entries(meta.gatewayEnv)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")}`,
          "",
        ]
      : []),
    `Chat: ${p.pairs} pairs (${2 * p.pairs} connections, ${p.chatWorkers} client processes), ${p.stepSec} s steps (after a ${p.leadInSec} s lead-in whose rate rises to the step's over its first half, checked for loss but timed apart: each step starts fresh client processes) from ${p.startRate}/s ×${p.factor}, then ${p.bisections} bisections; a step passes with p99 send→deliver ≤ ${P99_BUDGET_MS} ms, 0 lost, 0 failed, 0 unacked, ≥ 95% of the rate sent.`,
    `Memory: ${p.idleConnections} idle connections (${p.idleWorkers} client processes, ${p.connectRate}/s); RSS per connection is marginal: (RSS with all connected, after a ${p.holdSec} s hold − RSS after a warm-up round of ${p.idleWarmup} connections opened and closed and 3 s settle) / connections, summed over the system's nodes. The warm-up absorbs one-time growth (V8's young generation, JIT code, pools) that makes (RSS_N − RSS_0)/N overstate the first burst.`,
    "",
    "| system | nodes | max chat rate, p99 ≤ 20 ms | p99 at that rate | RSS / idle connection (marginal) | naive (peak − start) | CPU-s per 10k connects | connects/s | error |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${r.nodes} | ${r.chat?.maxRate === null || r.chat === null ? "–" : `${r.chat.maxRate}/s`} | ${fmt(r.chat?.p99AtMax, 2)} ms | ${kib(r.memory?.rssPerConnectionBytes)} KiB | ${kib(r.memory?.naiveRssPerConnectionBytes)} KiB | ${fmt(r.memory?.cpuSecPer10kConnects, 2)} | ${fmt(r.memory?.connectsPerSec, 0)} | ${r.error === null ? "" : r.error.split("\n")[0]!.slice(0, 120)} |`,
    );
  }
  lines.push("", "| ratio | value | target | met |", "|---|---|---|---|");
  for (const x of ratios(results))
    lines.push(
      `| ${x.name} | ${x.value === null ? "–" : x.value.toFixed(2)} | ${x.target} | ${x.met === null ? "–" : x.met ? "yes" : "**no**"} |`,
    );
  lines.push(
    "",
    "## Chat steps",
    "",
    "| system | rate | result | sent/s | delivered/s | p50 | p99 | p99.9 | ack p99 | lead-in p99 | peak client worker CPU | client µs/msg | server CPU s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const r of results) {
    for (const s of r.chat?.steps ?? []) {
      lines.push(
        `| ${r.id} | ${s.rate} | ${s.pass ? "pass" : `fail: ${s.why}`} | ${Math.round(s.sentPerSec)} | ${Math.round(s.deliveredPerSec)} | ${fmt(s.deliverP50, 2)} | ${fmt(s.deliverP99, 2)} | ${fmt(s.deliverP999, 2)} | ${fmt(s.ackP99, 2)} | ${fmt(s.leadInP99, 2)} | ${Math.round(s.clientPeakWorkerCpuPct)}% | ${fmt(s.clientCpuUsPerMessage)} | ${fmt(s.serverCpuSec)} |`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      only: { type: "string", multiple: true },
      repeat: { type: "string" },
      "no-build": { type: "boolean" },
      env: { type: "string", multiple: true },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) {
    log(
      `usage: npm run bench -- [--quick] [--only ${SYSTEMS.join("|")}[,...]] [--repeat <n>] [--no-build] [--env KEY=VALUE …] [--out <dir>]\n` +
        "  --env sets a variable for every Switchboard gateway (after the bench's own), e.g. --env BATCH_MAX_MS=2",
    );
    return 0;
  }
  const only = (values.only ?? [])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const s of only)
    if (!(SYSTEMS as readonly string[]).includes(s)) throw new Error(`--only: unknown system ${s} (${SYSTEMS.join(", ")})`);
  const systems = only.length > 0 ? SYSTEMS.filter((s) => only.includes(s)) : [...SYSTEMS];
  for (const kv of values.env ?? []) {
    const eq = kv.indexOf("=");
    if (eq <= 0) throw new Error(`--env expects KEY=VALUE, got ${kv}`);
    extraGatewayEnv[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const repeat = Math.max(1, Math.min(5, Number(values.repeat ?? 1) || 1));
  const quick = values.quick === true;
  const p = quick ? QUICK : FULL;
  const startedAt = new Date().toISOString();
  const dir = values.out ?? join("load-results", `bench-${startedAt.replace(/[:.]/g, "-").replace(/Z$/, "")}`);
  const deadline = Date.now() + p.budgetMin * 60_000 * repeat;

  if (values["no-build"] !== true && systems.some((s) => s.startsWith("switchboard"))) {
    log("building dist/ (npm run build) …");
    const b = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
    if (b.status !== 0) throw new Error("npm run build failed: fix the build or pass --no-build to use the current dist/");
  }
  const all: SystemResult[] = [];
  const results: SystemResult[] = [];
  for (const id of systems) {
    const attempts: SystemResult[] = [];
    for (let a = 1; a <= repeat && Date.now() < deadline; a += 1)
      attempts.push(await benchSystem(id, p, join(dir, `${id}-${a}`), a, deadline));
    all.push(...attempts);
    results.push(best(attempts));
  }
  const meta = { startedAt, quick, repeat, profile: p, gatewayEnv: extraGatewayEnv };
  const summary = renderBench(results, meta);
  await mkdir(dir, { recursive: true });
  const result = {
    tool: "switchboard-bench",
    version: 1,
    ...meta,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version },
    results,
    ratios: ratios(results),
    attempts: all,
  };
  await writeFile(join(dir, "result.json"), JSON.stringify(result, null, 2) + "\n");
  await writeFile(join(dir, "summary.md"), summary);
  log(`\n${summary}\nwrote ${join(dir, "result.json")}, ${join(dir, "summary.md")}`);
  return results.some((r) => r.error !== null) ? 1 : 0;
}

async function shutdown(): Promise<void> {
  await Promise.all([...children].map(stopProcess));
}

process.on("SIGINT", () => void shutdown().finally(() => process.exit(130)));
process.on("SIGTERM", () => void shutdown().finally(() => process.exit(143)));

main().then(
  async (code) => {
    await shutdown();
    process.exit(code);
  },
  async (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    await shutdown();
    process.exit(2);
  },
);
