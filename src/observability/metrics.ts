// Prometheus metrics. Labels are bounded enums only (frame types, close codes, reasons):
// never a user, conversation or session id. One registry per node so tests can run several.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type LabelValues } from "prom-client";
import type { HistorySnapshot } from "../engine/types.js";
import { CloseCode } from "../protocol/proto.js";

const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 10, 50, 100, 250, 500, 1000, 2000, 5000];
/** Send to deliver crosses Redis and may wait on catch-up: a longer tail than send to ack. */
const DELIVER_BUCKETS = [...LATENCY_BUCKETS, 5, 10, 30];

/** The oneof names of ServerFrame: the bounded `type` label of sb_frames_out_total. */
export const SERVER_FRAME_TYPES = [
  "welcome",
  "sendAck",
  "message",
  "syncDone",
  "presenceResult",
  "typing",
  "groupResult",
  "error",
  "pong",
  "goaway",
  "ackResult",
] as const;
export type ServerFrameType = (typeof SERVER_FRAME_TYPES)[number];

/** WebSocket close codes other than ours (RFC 6455) that are worth telling apart. */
const WS_CLOSE_REASONS: Record<number, string> = {
  1000: "normal",
  1001: "client_going_away",
  1005: "no_status",
  1006: "abnormal",
  1009: "too_large",
  1011: "server_error",
};

/**
 * The bounded {code, reason} labels of a close code: ours (4000-4199) and the RFC ones above by
 * name; any other code a client chooses is "other", so a client cannot create series.
 */
export function closeLabels(code: number): { code: string; reason: string } {
  const ours = CloseCode[code] as string | undefined;
  if (ours !== undefined && code !== 0) return { code: String(code), reason: ours.toLowerCase() };
  const ws = WS_CLOSE_REASONS[code];
  if (ws !== undefined) return { code: String(code), reason: ws };
  return { code: "other", reason: "other" };
}

/**
 * A counter increment on the hot path: inc() adds to a field, and the prom-client counter receives
 * the sum when it is collected (before every scrape), so /metrics stays exact. prom-client's own
 * inc() allocates and hashes the label set on every call, which showed in connect-storm profiles.
 */
export class Tally {
  private pending = 0;
  private touched = false;

  constructor(
    private readonly counter: Counter<string>,
    private readonly labels: LabelValues<string> | null,
  ) {}

  inc(by = 1): void {
    this.pending += by;
    this.touched = true;
  }

  /** Hands the pending sum to prom-client (an inc of 0 still creates the series, as before). */
  flush(): void {
    if (!this.touched) return;
    if (this.labels === null) this.counter.inc(this.pending);
    else this.counter.inc(this.labels, this.pending);
    this.pending = 0;
    this.touched = false;
  }
}

interface HotValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/**
 * A histogram without labels for the per-message path: observe() counts in its own array, and the
 * registry reads it at every scrape, in the exposition of prom-client's Histogram (same series,
 * cumulative buckets, +Inf, _sum, _count). prom-client's observe() builds a closure, a label
 * object and a label hash per call: in a memory-engine run at 8,000 msg/s, removing the two
 * observations per message saved 7-8 % of the gateway's CPU, an upper bound for what this saves.
 */
export class HotHistogram {
  readonly type = "histogram";
  readonly aggregator = "sum";
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;
  /** False after reset() until the next observation: prom-client's Histogram then has no series. */
  private present = true;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly upperBounds: readonly number[],
    registry: Registry,
  ) {
    this.counts = new Float64Array(upperBounds.length);
    // The registry takes any metric with name, help, type and get(); its typing lists its own classes.
    registry.registerMetric(this as unknown as Histogram);
  }

  observe(value: number): void {
    // prom-client throws here; on the message path a bad duration is dropped instead.
    if (!Number.isFinite(value)) return;
    const bounds = this.upperBounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]!) {
        this.counts[i]! += 1;
        break;
      }
    }
    this.sum += value;
    this.count += 1;
    this.present = true;
  }

  /** What the registry formats (prom-client's typings say `type` is an enum; at run time it is this string). */
  get(): { name: string; help: string; type: "histogram"; values: HotValue[]; aggregator: "sum" } {
    const bucket = `${this.name}_bucket`;
    const values: HotValue[] = [];
    if (this.present) {
      let acc = 0;
      for (let i = 0; i < this.upperBounds.length; i++) {
        acc += this.counts[i]!;
        values.push({ labels: { le: this.upperBounds[i]! }, value: acc, metricName: bucket });
      }
      values.push(
        { labels: { le: "+Inf" }, value: this.count, metricName: bucket },
        { labels: {}, value: this.sum, metricName: `${this.name}_sum` },
        { labels: {}, value: this.count, metricName: `${this.name}_count` },
      );
    }
    return { name: this.name, help: this.help, type: "histogram", values, aggregator: "sum" };
  }

  /** Registry.resetMetrics() calls this. */
  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.count = 0;
    this.present = false;
  }
}

/** A counter's label children as tallies, one per label value, made on first use. */
export class TallyChildren<K> {
  private readonly cache = new Map<K, Tally>();

  constructor(
    private readonly counter: Counter<string>,
    private readonly labelsOf: (value: K) => LabelValues<string>,
  ) {}

  get(value: K): Tally {
    let t = this.cache.get(value);
    if (t === undefined) {
      t = new Tally(this.counter, this.labelsOf(value));
      this.cache.set(value, t);
    }
    return t;
  }

  flush(): void {
    for (const t of this.cache.values()) t.flush();
  }
}

/** Persistence metrics (batcher, queue, persister). A separate factory so the persister process,
 * which has no gateway Metrics, registers the same names on its own registry. */
export function persistenceMetrics(registry: Registry) {
  const registers = [registry];
  return {
    batchSize: new Histogram({ name: "sb_persist_batch_messages", help: "Messages per enqueued batch", buckets: BATCH_BUCKETS, registers }),
    insertLatency: new Histogram({
      name: "sb_persist_insert_seconds",
      help: "One batch INSERT ... commit in MySQL",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    backlog: new Gauge({ name: "sb_persist_queue_backlog_jobs", help: "Persist jobs waiting or in retry backoff", registers }),
    deadLetters: new Counter({
      name: "sb_persist_dead_letters_total",
      help: "Messages moved to the dead-letter queue by reason",
      labelNames: ["reason"],
      registers,
    }),
    enqueued: new Counter({ name: "sb_persist_enqueued_messages_total", help: "Messages enqueued for MySQL", registers }),
    outboxLength: new Gauge({
      name: "sb_persist_outbox_messages",
      help: "ACK_MODE=store: acked messages in the Redis outbox not yet in a persist job (last count seen by this process)",
      registers,
    }),
    outboxClaimed: new Counter({
      name: "sb_persist_outbox_claimed_total",
      help: "Outbox entries taken over from a mover that read them but never enqueued them (it crashed or stalled)",
      registers,
    }),
    written: new Counter({ name: "sb_persist_written_messages_total", help: "Messages committed to MySQL (new rows)", registers }),
    rejected: new Counter({
      name: "sb_persist_rejected_total",
      help: "Persistence admissions refused by reason (overloaded, unavailable)",
      labelNames: ["reason"],
      registers,
    }),
    jobFailures: new Counter({
      name: "sb_persist_job_failures_total",
      help: "Failed persist attempts by kind (transient = MySQL unreachable, data = rejected rows)",
      labelNames: ["kind"],
      registers,
    }),
    dbAckLatency: new Histogram({
      name: "sb_persist_db_ack_seconds",
      help: "ACK_MODE=db: add to MySQL commit seen by the gateway",
      labelNames: ["path"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}

export type PersistenceMetrics = ReturnType<typeof persistenceMetrics>;

export class Metrics {
  readonly registry = new Registry();

  /** Open sessions: the node counts them here, the sb_connections gauge reads it when collected. */
  openSessions = 0;
  readonly connections = new Gauge({
    name: "sb_connections",
    help: "Open WebSocket sessions",
    registers: [this.registry],
    collect: (): void => this.connections.set(this.openSessions),
  });
  readonly connects = new Counter({
    name: "sb_connects_total",
    help: "Accepted WebSocket upgrades",
    registers: [this.registry],
    collect: (): void => this.connectsTally.flush(),
  });
  readonly disconnects = new Counter({
    name: "sb_disconnects_total",
    help: "Closed sessions by close code and its reason (see closeLabels: bounded)",
    labelNames: ["code", "reason"],
    registers: [this.registry],
    collect: (): void => this.disconnectsBy.flush(),
  });
  readonly upgradeRejects = new Counter({
    name: "sb_upgrade_rejects_total",
    help: "Rejected upgrades by reason (auth failures, limits, draining)",
    labelNames: ["reason"],
    registers: [this.registry],
    collect: (): void => this.upgradeRejectsBy.flush(),
  });
  readonly framesIn = new Counter({
    name: "sb_frames_in_total",
    help: "Client frames by type",
    labelNames: ["type"],
    registers: [this.registry],
    collect: (): void => this.framesInBy.flush(),
  });
  readonly framesOut = new Counter({
    name: "sb_frames_out_total",
    help: "Server frames written by type",
    labelNames: ["type"],
    registers: [this.registry],
    collect: (): void => this.framesOutBy.flush(),
  });
  readonly errors = new Counter({
    name: "sb_errors_total",
    help: "Error frames sent by code",
    labelNames: ["code"],
    registers: [this.registry],
  });
  readonly messagesSent = new Counter({
    name: "sb_messages_sent_total",
    help: "Messages accepted and stored (not duplicates)",
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: "sb_messages_duplicate_total",
    help: "Sends answered from dedupe",
    registers: [this.registry],
  });
  readonly messagesDelivered = new Counter({
    name: "sb_messages_delivered_total",
    help: "Message frames written to local sockets (live and catch-up)",
    registers: [this.registry],
  });
  readonly sendDeliverLatency = new HotHistogram(
    "sb_send_deliver_seconds",
    "Message sent_at_ms (stored) to its frame written to a recipient socket, once per routed batch",
    DELIVER_BUCKETS,
    this.registry,
  );
  readonly sendAckLatency = new HotHistogram("sb_send_ack_seconds", "Frame received to send_ack written", LATENCY_BUCKETS, this.registry);
  readonly syncRequests = new Counter({ name: "sb_sync_requests_total", help: "Sync requests", registers: [this.registry] });
  readonly syncMessages = new Counter({
    name: "sb_sync_messages_total",
    help: "Messages served by sync, by tier (hot = memory/Redis, cold = MySQL)",
    labelNames: ["source"],
    registers: [this.registry],
  });
  readonly backpressurePauses = new Counter({
    name: "sb_backpressure_pauses_total",
    help: "Live push paused past SOFT_BUFFER_BYTES",
    registers: [this.registry],
  });
  readonly skippedWhilePaused = new Counter({
    name: "sb_backpressure_skipped_total",
    help: "Live pushes skipped for paused sessions (re-sent from the store on catch-up)",
    registers: [this.registry],
  });
  readonly fanoutFailures = new Counter({
    name: "sb_fanout_failures_total",
    help: "Fan-out attempts of stored messages that failed (retried with backoff)",
    registers: [this.registry],
  });
  readonly catchUpMessages = new Counter({
    name: "sb_catchup_messages_total",
    help: "Messages re-sent from the store after a pause",
    registers: [this.registry],
  });
  readonly shedEphemeral = new Counter({
    name: "sb_ephemeral_shed_total",
    help: "Typing/presence events dropped for paused sessions",
    registers: [this.registry],
  });
  readonly requestsRateLimited = new Counter({
    name: "sb_requests_rate_limited_total",
    help: "Presence and group requests refused by the per-user REQUEST_RATE_PER_SEC",
    labelNames: ["type"],
    registers: [this.registry],
  });
  readonly typingShed = new Counter({
    name: "sb_typing_shed_total",
    help: "Typing events dropped because their user sent them faster than TYPING_RATE_PER_SEC",
    registers: [this.registry],
  });
  readonly slowConsumerCloses = new Counter({
    name: "sb_slow_consumer_closes_total",
    help: "Sessions closed as slow consumers",
    labelNames: ["reason"],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: "sb_rate_limited_total",
    help: "Sends refused by the per-user rate limit",
    registers: [this.registry],
  });
  readonly sessionCursorsDropped = new Counter({
    name: "sb_session_cursors_dropped_total",
    help: "Acks of an unnamed device not remembered: its session already holds SESSION_CURSORS_MAX conversations' cursors",
    registers: [this.registry],
  });
  readonly unsureSendsDropped = new Counter({
    name: "sb_unsure_sends_dropped_total",
    help: "Failed appends forgotten before their retry (10,000 remembered): such a retry, if stored after all, is not fanned out",
    registers: [this.registry],
  });
  readonly protocolViolations = new Counter({
    name: "sb_protocol_violations_total",
    help: "Malformed or oversized frames",
    labelNames: ["kind"],
    registers: [this.registry],
  });
  /** Set by the node when its engine holds bounded history (the memory engine): read at scrape
   * time, so the history and dedupe gauges are current, not as of the last sweep. */
  historySource: (() => HistorySnapshot) | null = null;
  /** A gauge of the engine's bounded history, set from historySource at each scrape. */
  private historyGauge(name: string, help: string, field: keyof HistorySnapshot): Gauge {
    const gauge: Gauge = new Gauge({
      name,
      help,
      registers: [this.registry],
      collect: (): void => {
        const h = this.historySource?.();
        if (h !== undefined) gauge.set(h[field]);
      },
    });
    return gauge;
  }
  readonly historyMessages = this.historyGauge(
    "sb_memory_history_messages",
    "Messages held by the memory engine's bounded history",
    "messages",
  );
  readonly historyTrimmed = this.historyGauge(
    "sb_memory_history_trimmed",
    "Messages dropped from the memory engine's history by its bound",
    "trimmed",
  );
  readonly historyLimit = this.historyGauge(
    "sb_memory_history_limit_per_conversation",
    "MEMORY_HISTORY_PER_CONVERSATION",
    "limitPerConversation",
  );
  readonly historyBytes = this.historyGauge(
    "sb_memory_history_bytes",
    "Bytes of history the memory engine holds, as counted against MEMORY_HISTORY_MAX_BYTES",
    "bytes",
  );
  readonly historyLimitBytes = this.historyGauge("sb_memory_history_limit_bytes", "MEMORY_HISTORY_MAX_BYTES", "limitBytes");
  readonly dedupeKeys = this.historyGauge(
    "sb_memory_dedupe_keys",
    "client_msg_ids the memory engine remembers for idempotent retries",
    "dedupeKeys",
  );
  readonly dedupeEvicted = this.historyGauge(
    "sb_memory_dedupe_evicted",
    "client_msg_ids forgotten before DEDUPE_TTL_MS because MEMORY_DEDUPE_MAX was reached",
    "dedupeEvicted",
  );
  readonly dedupeLimit = this.historyGauge("sb_memory_dedupe_limit", "MEMORY_DEDUPE_MAX", "dedupeLimit");
  readonly deviceCursorSets = this.historyGauge(
    "sb_memory_device_cursors",
    "Devices whose acked cursors the memory engine keeps",
    "deviceCursors",
  );
  readonly deviceCursorsEvicted = this.historyGauge(
    "sb_memory_device_cursors_evicted",
    "Devices whose cursors the memory engine forgot because MEMORY_DEVICE_CURSORS_MAX was reached",
    "deviceCursorsEvicted",
  );
  readonly deviceCursorsLimit = this.historyGauge("sb_memory_device_cursors_limit", "MEMORY_DEVICE_CURSORS_MAX", "deviceCursorsLimit");
  readonly overloadShed = new Counter({
    name: "sb_overload_shed_total",
    help: "Sends refused with OVERLOADED because the event loop lagged past OVERLOAD_LAG_MS",
    registers: [this.registry],
  });
  /** Set by the node: how late its lag timer fired last (ms). */
  lagMs: () => number = () => 0;
  readonly eventLoopLag: Gauge = new Gauge({
    name: "sb_event_loop_lag_seconds",
    help: "How late the node's 100 ms lag timer fired last; sends are shed past OVERLOAD_LAG_MS",
    registers: [this.registry],
    collect: (): void => this.eventLoopLag.set(this.lagMs() / 1000),
  });
  readonly envelopesOut = new Counter({
    name: "sb_envelopes_published_total",
    help: "Envelopes published to other nodes",
    labelNames: ["kind"],
    registers: [this.registry],
  });
  readonly envelopesIn = new Counter({
    name: "sb_envelopes_received_total",
    help: "Envelopes received on this node's channel",
    labelNames: ["kind"],
    registers: [this.registry],
  });

  readonly apiRequests = new Counter({
    name: "sb_api_requests_total",
    help: "Server API requests by route and HTTP status",
    labelNames: ["route", "status"],
    registers: [this.registry],
  });

  readonly persistence: PersistenceMetrics = persistenceMetrics(this.registry);

  // Hot-path increments (see Tally).
  readonly connectsTally = new Tally(this.connects, null);
  readonly framesInBy = new TallyChildren(this.framesIn, (type: string) => ({ type }));
  readonly framesOutBy = new TallyChildren(this.framesOut, (type: ServerFrameType) => ({ type }));
  readonly disconnectsBy = new TallyChildren(this.disconnects, (code: number) => closeLabels(code));
  readonly upgradeRejectsBy = new TallyChildren(this.upgradeRejects, (reason: string) => ({ reason }));
  readonly syncHot = this.syncMessages.labels("hot");
  readonly syncCold = this.syncMessages.labels("cold");

  constructor(opts: { defaults?: boolean } = {}) {
    if (opts.defaults !== false) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }
}
