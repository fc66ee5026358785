// What the coordinator and its worker processes say to each other over the fork IPC channel.
import type { Loss } from "./checker.js";
import type { HistogramData } from "./histogram.js";
import type { Target } from "./options.js";

/** One worker's share of the run. Users are numbered within the worker: pairs, then groups, then idle. */
export interface WorkerPlan {
  index: number;
  runId: string;
  urls: string[];
  /** Global index of this worker's user 0, so URL round-robin is global, not per worker. */
  firstGlobalUser: number;
  sources: string[];
  secret: string;
  /** Which driver the worker loads (load/driver.ts pickDriver). */
  target: Target;
  /** Connections to open and close before the measured connect (the "warmup" command). */
  warmup: number;
  pairs: number;
  groups: number;
  groupSize: number;
  idle: number;
  /** Connects/s for this worker (its share of the total). */
  connectRate: number;
  chatRate: number;
  groupRate: number;
  bodyBytes: number;
  handshakeTimeoutMs: number;
  maxConnectsInFlight: number;
  maxSendsInFlight: number;
  backoffMs: number;
  backoffMaxMs: number;
  /** The worker exits by itself past this wall-clock time (ms since epoch), whatever happens. */
  deadline: number;
}

export type Command =
  | { type: "plan"; plan: WorkerPlan }
  /** storm --warmup: open and close plan.warmup connections (uncounted); "plan" follows. */
  | { type: "warmup"; plan: WorkerPlan }
  /** Create groups and register conversations with the checker. */
  | { type: "setup" }
  /**
   * Send for leadInMs + durationMs (the rate rises linearly to the full rate over the lead-in's first
   * half); samples of sends made in the lead-in go to the leadIn* histograms.
   */
  | { type: "traffic"; durationMs: number; leadInMs: number }
  | { type: "drain"; timeoutMs: number }
  | { type: "drop"; timeoutMs: number }
  | { type: "close" };

export type Phase = "warmup" | "connected" | "setup" | "traffic" | "drain" | "drop" | "close";

export interface Counters {
  connectAttempts: number;
  connected: number;
  connectFailed: number;
  open: number;
  reconnectAttempts: number;
  reconnected: number;
  reconnectFailed: number;
  sent: number;
  /** Sends made after the lead-in: the measured window's rate is taken from these. */
  sentMeasured: number;
  acked: number;
  sendFailed: number;
  /** Sends the generator could not make on schedule (it was behind or too much was in flight). */
  skipped: number;
  delivered: number;
  /** Deliveries of sends made after the lead-in. */
  deliveredMeasured: number;
  duplicates: number;
  outOfOrder: number;
  unexpectedCloses: number;
  groupsCreated: number;
  /** Times the client synced to fill a hole in a conversation (the live push skipped or reordered seqs). */
  gapSyncs: number;
  /** Acked messages missing when the drain ended that arrived during the final sync: late, not lost. */
  recoveredBySync: number;
}

export function zeroCounters(): Counters {
  return {
    connectAttempts: 0,
    connected: 0,
    connectFailed: 0,
    open: 0,
    reconnectAttempts: 0,
    reconnected: 0,
    reconnectFailed: 0,
    sent: 0,
    sentMeasured: 0,
    acked: 0,
    sendFailed: 0,
    skipped: 0,
    delivered: 0,
    deliveredMeasured: 0,
    duplicates: 0,
    outOfOrder: 0,
    unexpectedCloses: 0,
    groupsCreated: 0,
    gapSyncs: 0,
    recoveredBySync: 0,
  };
}

/** Failure counts by reason ("http 429 ip_rate", "close 4003", "server RATE_LIMITED" …). */
export interface Failures {
  connect: Record<string, number>;
  reconnect: Record<string, number>;
  send: Record<string, number>;
  setup: Record<string, number>;
  disconnect: Record<string, number>;
}

export function emptyFailures(): Failures {
  return { connect: {}, reconnect: {}, send: {}, setup: {}, disconnect: {} };
}

export const HISTOGRAMS = ["handshake", "reconnect", "ack", "deliver", "leadInAck", "leadInDeliver"] as const;
export type HistogramName = (typeof HISTOGRAMS)[number];

export interface Report {
  type: "report";
  worker: number;
  /** Cumulative. */
  counters: Counters;
  failures: Failures;
  /** Samples since the previous report (merged by the coordinator). */
  histograms: Record<HistogramName, HistogramData>;
  /** Cumulative user+system CPU of the worker, in seconds. */
  cpuSec: number;
  /** When the report was made, on the worker's monotonic clock (ms): CPU% is taken between reports. */
  atMs: number;
  rssBytes: number;
  /** Deliveries still awaited by the checker. */
  pending: number;
}

export interface PhaseDone {
  type: "phase";
  worker: number;
  phase: Phase;
  /** How long the worker spent on the phase (the connect rate is measured from this, not from process start-up). */
  elapsedMs: number;
  /** CPU seconds the worker spent in the phase. */
  cpuSec: number;
  /** Only for drain: the checker's verdict. */
  losses?: { count: number; examples: Loss[]; unverified: number };
  /** Only for warmup: connections of the warm-up round that failed. */
  warmupFailed?: number;
}

export interface WorkerFatal {
  type: "fatal";
  worker: number;
  message: string;
}

export type WorkerMessage = Report | PhaseDone | WorkerFatal;

/** CPU seconds (user + system) this process has used. */
export function cpuSeconds(): number {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1e6;
}
