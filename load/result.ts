// The shape of result.json (also what summary.md and report.html are rendered from).
import type { Loss } from "./checker.js";
import type { Percentiles } from "./histogram.js";

export interface TimelinePoint {
  /** Seconds since the run started. */
  t: number;
  phase: string;
  open: number;
  connectsPerSec: number;
  sentPerSec: number;
  ackedPerSec: number;
  deliveredPerSec: number;
  handshakeP50: number | null;
  handshakeP99: number | null;
  ackP50: number | null;
  ackP99: number | null;
  deliverP50: number | null;
  deliverP99: number | null;
  /** Load generator CPU (all workers + coordinator), percent of one core. */
  clientCpuPct: number;
  server: { label: string; rssBytes: number | null; cpuPct: number | null }[];
}

export interface ServerSummary {
  label: string;
  rssStartBytes: number | null;
  rssPeakBytes: number | null;
  rssEndBytes: number | null;
  cpuSec: number | null;
  /** (RSS at peak connections − RSS at start) / peak connections; null without samples. */
  rssPerConnectionBytes: number | null;
}

export interface RunResult {
  tool: "switchboard-load";
  version: 1;
  runId: string;
  scenario: string;
  /**
   * ok: the load ran as asked and no guarantee broke; incomplete: it did not run as asked
   * (connections or reconnects failed, sends failed or went unacked: see `shortfalls`), so its
   * figures describe a smaller load; bugs: a broken guarantee (loss); aborted: the run stopped.
   */
  status: "ok" | "incomplete" | "bugs" | "aborted";
  aborted: string | null;
  /** Why the status is "incomplete" (also in warnings); empty otherwise. */
  shortfalls: string[];
  startedAt: string;
  durationSec: number;
  driver: string;
  options: Record<string, unknown>;
  phases: { name: string; startSec: number; endSec: number }[];
  connections: {
    target: number;
    connected: number;
    failed: number;
    peakOpen: number;
    connectPhaseSec: number;
    connectsPerSec: number;
    handshakeMs: Percentiles;
    failures: Record<string, number>;
    /** Server-side cost of connecting, all sampled nodes summed (needs --server-pid or /metrics). */
    server: {
      /** Server CPU seconds between the start and the end of the connect phase alone. */
      connectCpuSec: number | null;
      cpuSecPer10kConnects: number | null;
      rssBaselineBytes: number | null;
      /** storm: RSS at the end of the hold, every connection open. */
      rssHeldBytes: number | null;
      /** (rssHeld − rssBaseline) / peak open connections; see rssMethod. */
      rssPerConnectionMarginalBytes: number | null;
      rssMethod: string;
      warmupFailed: number;
    };
  };
  reconnect: {
    dropped: number;
    reconnected: number;
    gaveUp: number;
    attempts: number;
    durationSec: number;
    connectsPerSec: number;
    handshakeMs: Percentiles;
    failures: Record<string, number>;
  } | null;
  messages: {
    targetRate: number;
    sent: number;
    acked: number;
    failed: number;
    skipped: number;
    unacked: number;
    delivered: number;
    lost: number;
    lossExamples: Loss[];
    duplicates: number;
    outOfOrder: number;
    /** Sends made after the lead-in, per second of the measured window (without --lead-in: all of them). */
    sentPerSec: number;
    /** Deliveries of those sends, per second of the measured window. */
    deliveredPerSec: number;
    /** Sends made after the lead-in (all of them without --lead-in). */
    ackMs: Percentiles;
    deliverMs: Percentiles;
    /** --lead-in: the first seconds of sending, counted and checked but timed apart from ackMs/deliverMs. */
    leadIn: { sec: number; ackMs: Percentiles; deliverMs: Percentiles } | null;
    failures: Record<string, number>;
    setupFailures: Record<string, number>;
    groupsCreated: number;
    gapSyncs: number;
    /** Acked deliveries missing when the drain ended whose final sync failed or never answered: not proven lost, not delivered. */
    unverified: number;
    /** Acked messages missing when the drain ended that arrived during the final sync (late, not lost). */
    recoveredBySync: number;
  } | null;
  disconnects: { unexpected: number; byReason: Record<string, number> };
  server: ServerSummary[];
  client: {
    workers: number;
    cpuSec: number;
    peakWorkerCpuPct: number;
    coordinatorCpuSec: number;
    peakRssBytes: number;
    /** Workers' CPU seconds during the traffic phase (null for storm). */
    trafficCpuSec: number | null;
    /** trafficCpuSec per message sent, in µs: the generator's own cost of a message (send, ack, deliveries, checks). */
    cpuUsPerMessage: number | null;
    /** True when the generator itself limited the run (a worker near 100% CPU or skipped sends). */
    bottleneck: boolean;
  };
  bugs: string[];
  warnings: string[];
  timeline: TimelinePoint[];
}
