// Splits a run over worker processes. Every conversation (pair or group) lives wholly inside one
// worker, so that worker sees both the sender's ack and every member's delivery and can decide
// loss locally.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { allIpv4Loopback } from "./guard.js";
import type { WorkerPlan } from "./ipc.js";
import { LIMITS, OptionsError, type LoadOptions } from "./options.js";

/** The gateway's default SEND_RATE_PER_SEC: above it per user, RATE_LIMITED errors are expected. */
const SERVER_DEFAULT_USER_RATE = 50;
const MAX_CONNECTS_IN_FLIGHT = 2_000;
const MAX_SENDS_IN_FLIGHT = 50_000;

export interface RunPlan {
  runId: string;
  workers: WorkerPlan[];
  /** Hard wall-clock bound of the whole run (ms), after which workers are killed. */
  budgetMs: number;
  warnings: string[];
}

/** `total` split into `parts` near-equal whole numbers (the first ones get the remainder). */
export function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

export function planRun(o: LoadOptions, now = Date.now()): RunPlan {
  const runId = `lt${randomBytes(3).toString("hex")}`;
  const W = o.workers;
  const pairs = split(o.pairs, W);
  const groups = split(o.groups, W);
  const idle = split(o.idle, W);
  const warmup = split(o.warmup, W);
  const { chatRate, groupRate } = messageRates(o);
  const budgetMs = runBudgetMs(o);
  let firstGlobalUser = 0;
  const workers: WorkerPlan[] = [];
  for (let i = 0; i < W; i += 1) {
    const conns = 2 * pairs[i]! + groups[i]! * o.groupSize + idle[i]!;
    if (conns > LIMITS.perWorker) {
      throw new OptionsError(`worker ${i} would hold ${conns} connections (max ${LIMITS.perWorker}): raise --workers`);
    }
    workers.push({
      index: i,
      runId,
      urls: o.urls,
      firstGlobalUser,
      sources: sourcesFor(o, i),
      secret: o.secret,
      target: o.target,
      warmup: Math.min(warmup[i]!, idle[i]!),
      pairs: pairs[i]!,
      groups: groups[i]!,
      groupSize: o.groupSize,
      idle: idle[i]!,
      connectRate: o.connections > 0 ? (o.connectRate * conns) / o.connections : 0,
      chatRate: o.pairs > 0 ? (chatRate * pairs[i]!) / o.pairs : 0,
      groupRate: o.groups > 0 ? (groupRate * groups[i]!) / o.groups : 0,
      bodyBytes: o.bodyBytes,
      handshakeTimeoutMs: o.handshakeTimeoutMs,
      maxConnectsInFlight: o.connectsInFlight ?? MAX_CONNECTS_IN_FLIGHT,
      maxSendsInFlight: MAX_SENDS_IN_FLIGHT,
      backoffMs: o.backoffMs,
      backoffMaxMs: o.backoffMaxMs,
      deadline: now + budgetMs,
    });
    firstGlobalUser += conns;
  }
  return { runId, workers, budgetMs, warnings: warningsFor(o, workers) };
}

/** Messages/s for chat and for groups; in mixed, --group-share goes to groups when both exist. */
export function messageRates(o: LoadOptions): { chatRate: number; groupRate: number } {
  if (o.pairs === 0) return { chatRate: 0, groupRate: o.groups > 0 ? o.messageRate : 0 };
  if (o.groups === 0) return { chatRate: o.messageRate, groupRate: 0 };
  return { chatRate: o.messageRate * (1 - o.groupShare), groupRate: o.messageRate * o.groupShare };
}

/** Connect + hold/send + drain + reconnect + slack: beyond this the coordinator kills everything. */
export function runBudgetMs(o: LoadOptions): number {
  const connectSec = (o.connections + o.warmup) / o.connectRate + o.handshakeTimeoutMs / 1000 + (o.warmup > 0 ? o.settleSec + 5 : 0);
  const reconnectSec = o.drop ? o.reconnectTimeoutSec + o.handshakeTimeoutMs / 1000 : 0;
  return Math.ceil((connectSec + o.leadInSec + o.durationSec + o.drainSec + reconnectSec + 30) * 1000);
}

function sourcesFor(o: LoadOptions, worker: number): string[] {
  if (o.sources === "auto") return allIpv4Loopback(o.urls) ? [`127.0.0.${2 + (worker % 250)}`] : [];
  const mine = o.sources.filter((_, j) => j % o.workers === worker);
  return mine.length > 0 ? mine : [o.sources[worker % o.sources.length]!];
}

function warningsFor(o: LoadOptions, workers: readonly WorkerPlan[]): string[] {
  const warnings: string[] = [];
  const senders = 2 * o.pairs + o.groups * o.groupSize;
  if (senders > 0 && o.messageRate / senders > SERVER_DEFAULT_USER_RATE) {
    warnings.push(
      `${(o.messageRate / senders).toFixed(1)} messages/s per user is above the gateway's default SEND_RATE_PER_SEC (${SERVER_DEFAULT_USER_RATE}): expect RATE_LIMITED unless the server allows more`,
    );
  }
  const ports = ephemeralPorts();
  for (const w of workers) {
    const perTuple = Math.ceil((2 * w.pairs + w.groups * w.groupSize + w.idle) / Math.max(1, w.sources.length) / o.urls.length);
    if (ports !== null && perTuple > ports) {
      warnings.push(`worker ${w.index}: ~${perTuple} connections per (source, target) but only ${ports} ephemeral ports: add --sources`);
    }
  }
  return warnings;
}

function ephemeralPorts(): number | null {
  try {
    const [lo, hi] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    return lo !== undefined && hi !== undefined ? hi - lo + 1 : null;
  } catch {
    return null;
  }
}

/** Sends due `elapsedMs` into the traffic at `rate`/s when the rate rises linearly from 0 over the first `rampMs`. */
export function sendsDue(rate: number, elapsedMs: number, rampMs: number): number {
  if (elapsedMs >= rampMs) return (rate * (elapsedMs - rampMs / 2)) / 1000;
  return (rate * elapsedMs * elapsedMs) / (2 * rampMs * 1000);
}
