// Runs one load test: forks the workers, walks them through the scenario's phases in lockstep,
// merges their once-a-second reports into a timeline, samples the servers, and builds the result.
// Bounded: a hard deadline (from the plan) kills everything that is still running.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import type { Loss } from "./checker.js";
import { pickDriver } from "./driver.js";
import { assertLoopbackTargets } from "./guard.js";
import { Histogram, summarize } from "./histogram.js";
import {
  emptyFailures,
  HISTOGRAMS,
  zeroCounters,
  cpuSeconds,
  type Command,
  type Counters,
  type Failures,
  type HistogramName,
  type Phase,
  type Report,
  type WorkerMessage,
} from "./ipc.js";
import type { LoadOptions } from "./options.js";
import { planRun, type RunPlan } from "./plan.js";
import { formatProgress } from "./progress.js";
import type { RunResult, ServerSummary, TimelinePoint } from "./result.js";
import { serverSources, type ServerSample, type ServerSource } from "./server-stats.js";

const TICK_MS = 1000;
const EXIT_WAIT_MS = 5000;
/** A worker above this share of one core is the bottleneck, not the server. */
const CLIENT_BOUND_PCT = 90;
const MIN_CPU_WINDOW_MS = 500;

export interface RunHooks {
  /** Receives progress output (already formatted; ends with "\n" or starts with "\r"). */
  write?: (s: string) => void;
  /** Rewrite one line with \r (a TTY) instead of printing a line every 5 s. */
  tty?: boolean;
  /** Aborts the run (Ctrl-C): workers are stopped and a partial result is still written. */
  signal?: AbortSignal;
  /** Without tty: print a progress line every this many seconds (default 5). */
  printEverySec?: number;
}

interface WorkerHandle {
  readonly index: number;
  readonly child: ChildProcess;
  latest: Report | null;
  exited: Promise<number | null>;
  /** The report CPU% is measured from (cumulative CPU s, worker clock ms) and the latest CPU%. */
  cpuAnchor: { cpuSec: number; atMs: number } | null;
  cpuPct: number;
  /** CPU spent before the first report (process start-up, tsx compiling): not load generation. */
  bootCpuSec: number | null;
}

class RunAborted extends Error {}

export class Coordinator {
  private readonly workers: WorkerHandle[] = [];
  private readonly waiters = new Map<Phase, { seen: Set<number>; resolve: () => void }>();
  private readonly totals = Object.fromEntries(HISTOGRAMS.map((h) => [h, new Histogram()])) as Record<HistogramName, Histogram>;
  private readonly tickHist = Object.fromEntries(HISTOGRAMS.map((h) => [h, new Histogram()])) as Record<HistogramName, Histogram>;
  private readonly timeline: TimelinePoint[] = [];
  private readonly phases: RunResult["phases"] = [];
  private readonly losses: { count: number; examples: Loss[]; unverified: number } = { count: 0, examples: [], unverified: 0 };
  /** Longest time any worker spent in each phase, as the workers measured it. */
  private readonly workerPhaseMs = new Map<Phase, number>();
  /** CPU seconds all workers spent in each phase. */
  private readonly workerPhaseCpuSec = new Map<Phase, number>();
  private readonly serverSamples = new Map<
    string,
    { first: ServerSample | null; last: ServerSample | null; peak: number | null; atPeakOpen: ServerSample | null }
  >();
  private readonly abort = new AbortController();
  private readonly startedAt = Date.now();
  private readonly t0 = performance.now();
  private phase = "connect";
  private failure: string | null = null;
  private lastTick = { at: performance.now(), counters: zeroCounters() };
  private peakOpen = 0;
  private peakWorkerCpuPct = 0;
  private peakWorkerRss = 0;
  private lastPrinted = 0;
  private lastOwnCpuSec = cpuSeconds();
  private prevServer = new Map<string, { at: number; cpuSec: number }>();
  /** Server samples at fixed points: baseline (after any warm-up), connect start/end, end of hold. */
  private readonly marks: Partial<Record<"baseline" | "connectStart" | "connectEnd" | "held", (ServerSample | null)[]>> = {};
  private warmupFailed = 0;

  private constructor(
    private readonly o: LoadOptions,
    private readonly plan: RunPlan,
    private readonly sources: ServerSource[],
    private readonly driverName: string,
    private readonly hooks: RunHooks,
  ) {}

  static async run(o: LoadOptions, hooks: RunHooks = {}): Promise<RunResult> {
    await assertLoopbackTargets(o.urls, o.allowRemote);
    const plan = planRun(o);
    const driver = await pickDriver(o.target);
    const c = new Coordinator(o, plan, serverSources(o.serverPids, o.metricsUrls, o.urls), driver.name, hooks);
    return c.execute();
  }

  private async execute(): Promise<RunResult> {
    const deadline = setTimeout(
      () => this.fail(`hard time limit of ${Math.round(this.plan.budgetMs / 1000)} s reached`),
      this.plan.budgetMs,
    );
    const onAbort = (): void => this.fail("interrupted");
    this.hooks.signal?.addEventListener("abort", onAbort);
    for (const w of this.plan.warnings) this.write(`warning: ${w}\n`);
    await this.sampleServers(0);
    const ticker = setInterval(() => void this.tick(), TICK_MS);
    try {
      this.spawnWorkers();
      if (this.o.scenario === "storm" && this.o.warmup > 0) {
        await this.phaseStep("warmup", "warmup", (w) => ({ type: "warmup", plan: this.plan.workers[w]! }));
        await this.hold("settle", this.o.settleSec * 1000);
      }
      this.marks.baseline = await this.snapshot();
      this.marks.connectStart = this.marks.baseline;
      await this.phaseStep("connect", "connected", (w) => ({ type: "plan", plan: this.plan.workers[w]! }));
      this.marks.connectEnd = await this.snapshot();
      if (this.o.scenario === "storm") await this.storm();
      else await this.messaging();
      await this.phaseStep("close", "close", () => ({ type: "close" }));
    } catch (err) {
      if (!(err instanceof RunAborted)) this.failure ??= err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(deadline);
      clearInterval(ticker);
      this.hooks.signal?.removeEventListener("abort", onAbort);
      await this.stopWorkers();
      await this.tick();
      if (this.hooks.tty === true) this.write("\n");
    }
    return this.result();
  }

  private async storm(): Promise<void> {
    await this.hold("hold", this.o.durationSec * 1000);
    this.marks.held = await this.snapshot();
    if (!this.o.drop) return;
    const timeoutMs = this.o.reconnectTimeoutSec * 1000;
    await this.phaseStep("drop+reconnect", "drop", () => ({ type: "drop", timeoutMs }));
  }

  private async messaging(): Promise<void> {
    await this.phaseStep("setup", "setup", () => ({ type: "setup" }));
    await this.phaseStep("traffic", "traffic", () => ({
      type: "traffic",
      durationMs: this.o.durationSec * 1000,
      leadInMs: this.o.leadInSec * 1000,
    }));
    await this.phaseStep("drain", "drain", () => ({ type: "drain", timeoutMs: this.o.drainSec * 1000 }));
  }

  /** Sends every worker its command and waits until all report the phase done (or the run fails). */
  private async phaseStep(name: string, done: Phase, command: (worker: number) => Command): Promise<void> {
    const start = this.elapsedSec();
    this.phase = name;
    const finished = new Promise<void>((resolve) => this.waiters.set(done, { seen: new Set(), resolve }));
    for (const w of this.workers) w.child.send(command(w.index));
    await this.untilAborted(finished);
    this.phases.push({ name, startSec: start, endSec: this.elapsedSec() });
  }

  private async hold(name: string, ms: number): Promise<void> {
    const start = this.elapsedSec();
    this.phase = name;
    await this.untilAborted(sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined));
    this.phases.push({ name, startSec: start, endSec: this.elapsedSec() });
  }

  private untilAborted<T>(p: Promise<T>): Promise<T> {
    if (this.abort.signal.aborted) return Promise.reject(new RunAborted());
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new RunAborted());
      this.abort.signal.addEventListener("abort", onAbort, { once: true });
      p.then(
        (v) => {
          this.abort.signal.removeEventListener("abort", onAbort);
          if (this.abort.signal.aborted) reject(new RunAborted());
          else resolve(v);
        },
        (e: unknown) => reject(e),
      );
    });
  }

  private fail(why: string): void {
    this.failure ??= why;
    this.abort.abort();
  }

  // ---------------------------------------------------------------- workers

  private spawnWorkers(): void {
    // Compiled (dist/), the workers run compiled too: no TypeScript loader in the measuring processes.
    const compiled = import.meta.url.endsWith(".js");
    const workerPath = fileURLToPath(new URL(compiled ? "./worker.js" : "./worker.ts", import.meta.url));
    for (const p of this.plan.workers) {
      const child = fork(workerPath, [], {
        // LOAD_WORKER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the generator itself.
        execArgv: [
          ...(compiled ? [] : ["--import", "tsx"]),
          ...(process.env["LOAD_WORKER_NODE_ARGS"]?.split(" ").filter((a) => a !== "") ?? []),
        ],
        env: { ...process.env, SWITCHBOARD_LOAD_WORKER: "1" },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        serialization: "advanced",
      });
      const handle: WorkerHandle = {
        index: p.index,
        child,
        latest: null,
        cpuAnchor: null,
        cpuPct: 0,
        bootCpuSec: null,
        exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
      };
      child.on("message", (m: WorkerMessage) => this.onMessage(handle, m));
      void handle.exited.then((code) => {
        if (this.phase !== "close" || code !== 0) {
          if (!this.abort.signal.aborted && code !== 0) this.fail(`worker ${p.index} exited with code ${code}`);
        }
      });
      this.workers.push(handle);
    }
  }

  private onMessage(w: WorkerHandle, m: WorkerMessage): void {
    switch (m.type) {
      case "report":
        if (w.bootCpuSec === null) w.bootCpuSec = m.cpuSec;
        // CPU% over the worker's own report interval (at least MIN_CPU_WINDOW_MS): reports and
        // coordinator ticks drift apart, so a tick may see zero or two reports of a worker.
        if (w.cpuAnchor === null) w.cpuAnchor = { cpuSec: m.cpuSec, atMs: m.atMs };
        else if (m.atMs - w.cpuAnchor.atMs >= MIN_CPU_WINDOW_MS) {
          w.cpuPct = ((m.cpuSec - w.cpuAnchor.cpuSec) / ((m.atMs - w.cpuAnchor.atMs) / 1000)) * 100;
          this.peakWorkerCpuPct = Math.max(this.peakWorkerCpuPct, w.cpuPct);
          w.cpuAnchor = { cpuSec: m.cpuSec, atMs: m.atMs };
        }
        w.latest = m;
        for (const name of HISTOGRAMS) {
          this.totals[name].merge(m.histograms[name]);
          this.tickHist[name].merge(m.histograms[name]);
        }
        this.peakWorkerRss = Math.max(this.peakWorkerRss, m.rssBytes);
        return;
      case "phase": {
        this.warmupFailed += m.warmupFailed ?? 0;
        if (m.losses !== undefined) {
          this.losses.count += m.losses.count;
          this.losses.unverified += m.losses.unverified;
          this.losses.examples.push(...m.losses.examples.slice(0, Math.max(0, 20 - this.losses.examples.length)));
        }
        this.workerPhaseMs.set(m.phase, Math.max(this.workerPhaseMs.get(m.phase) ?? 0, m.elapsedMs));
        this.workerPhaseCpuSec.set(m.phase, (this.workerPhaseCpuSec.get(m.phase) ?? 0) + m.cpuSec);
        const waiter = this.waiters.get(m.phase);
        waiter?.seen.add(m.worker);
        if (waiter !== undefined && waiter.seen.size === this.workers.length) waiter.resolve();
        return;
      }
      case "fatal":
        this.fail(`worker ${m.worker} failed: ${m.message}`);
        return;
    }
  }

  /** Waits (bounded) for workers to exit after close; kills what is left (only our own children). */
  private async stopWorkers(): Promise<void> {
    const all = Promise.all(this.workers.map((w) => w.exited));
    const timedOut = await Promise.race([all.then(() => false), sleep(EXIT_WAIT_MS).then(() => true)]);
    if (!timedOut) return;
    for (const w of this.workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await all;
  }

  // ---------------------------------------------------------------- sampling

  private counters(): Counters {
    const sum = zeroCounters();
    for (const w of this.workers) {
      if (w.latest === null) continue;
      for (const k of Object.keys(sum) as (keyof Counters)[]) sum[k] += w.latest.counters[k];
    }
    return sum;
  }

  private failures(): Failures {
    const sum = emptyFailures();
    for (const w of this.workers) {
      if (w.latest === null) continue;
      for (const kind of Object.keys(sum) as (keyof Failures)[]) {
        for (const [reason, n] of Object.entries(w.latest.failures[kind])) sum[kind][reason] = (sum[kind][reason] ?? 0) + n;
      }
    }
    return sum;
  }

  private async tick(): Promise<void> {
    const now = performance.now();
    const dt = Math.max(0.001, (now - this.lastTick.at) / 1000);
    const c = this.counters();
    const prev = this.lastTick.counters;
    const rate = (k: keyof Counters): number => Math.max(0, (c[k] - prev[k]) / dt);
    const clientCpuPct = this.clientCpuPct(dt);
    const t = this.elapsedSec();
    const server = await this.sampleServers(c.open);
    const pct = (h: Histogram, q: number): number | null => (h.count > 0 ? round(h.percentile(q)) : null);
    // The timeline shows the lead-in's latencies too (the summary leaves them out).
    const acks = new Histogram().merge(this.tickHist.ack).merge(this.tickHist.leadInAck);
    const deliveries = new Histogram().merge(this.tickHist.deliver).merge(this.tickHist.leadInDeliver);
    const point: TimelinePoint = {
      t,
      phase: this.phase,
      open: c.open,
      connectsPerSec: round(rate("connected") + rate("reconnected")),
      sentPerSec: round(rate("sent")),
      ackedPerSec: round(rate("acked")),
      deliveredPerSec: round(rate("delivered")),
      handshakeP50: pct(this.mergedHandshakes(), 0.5),
      handshakeP99: pct(this.mergedHandshakes(), 0.99),
      ackP50: pct(acks, 0.5),
      ackP99: pct(acks, 0.99),
      deliverP50: pct(deliveries, 0.5),
      deliverP99: pct(deliveries, 0.99),
      clientCpuPct: round(clientCpuPct),
      server,
    };
    for (const h of HISTOGRAMS) this.tickHist[h].reset();
    this.timeline.push(point);
    this.lastTick = { at: now, counters: c };
    this.peakOpen = Math.max(this.peakOpen, c.open);
    this.progress(point, c);
  }

  private mergedHandshakes(): Histogram {
    return new Histogram().merge(this.tickHist.handshake).merge(this.tickHist.reconnect);
  }

  private clientCpuPct(dt: number): number {
    const ownSec = cpuSeconds();
    let total = ((ownSec - this.lastOwnCpuSec) / dt) * 100;
    this.lastOwnCpuSec = ownSec;
    for (const w of this.workers) total += w.cpuPct;
    return total;
  }

  /** One sample of every server, outside the timeline. */
  private snapshot(): Promise<(ServerSample | null)[]> {
    return Promise.all(this.sources.map((s) => s.sample()));
  }

  /** Server CPU of the connect phase alone, and marginal RSS per held connection (storm). */
  private connectMeasures(connected: number): RunResult["connections"]["server"] {
    const sum = (xs: (number | null)[]): number | null =>
      xs.some((x) => x === null) || xs.length === 0 ? null : xs.reduce<number>((a, b) => a + b!, 0);
    const { connectStart, connectEnd, baseline, held } = this.marks;
    const cpu =
      connectStart !== undefined && connectEnd !== undefined
        ? sum(this.sources.map((_, i) => (connectStart[i] && connectEnd[i] ? connectEnd[i]!.cpuSec - connectStart[i]!.cpuSec : null)))
        : null;
    const rssBase = baseline !== undefined ? sum(baseline.map((s) => s?.rssBytes ?? null)) : null;
    const rssHeld = held !== undefined ? sum(held.map((s) => s?.rssBytes ?? null)) : null;
    const open = this.peakOpen;
    return {
      connectCpuSec: cpu === null ? null : round(cpu),
      cpuSecPer10kConnects: cpu === null || connected === 0 ? null : round((cpu / connected) * 10_000),
      rssBaselineBytes: rssBase,
      rssHeldBytes: rssHeld,
      rssPerConnectionMarginalBytes: rssBase !== null && rssHeld !== null && open > 0 ? Math.round((rssHeld - rssBase) / open) : null,
      rssMethod:
        this.o.warmup > 0
          ? `(RSS at the end of the hold − RSS after a warm-up round of ${this.o.warmup} connections and ${this.o.settleSec} s settle) / connections, all nodes summed`
          : "(RSS at the end of the hold − RSS before connecting) / connections, all nodes summed (no --warmup: includes one-time growth)",
      warmupFailed: this.warmupFailed,
    };
  }

  private async sampleServers(open: number): Promise<TimelinePoint["server"]> {
    const samples = await Promise.all(this.sources.map((s) => s.sample()));
    const now = performance.now();
    return this.sources.map((src, i) => {
      const s = samples[i] ?? null;
      const rec = this.serverSamples.get(src.label) ?? { first: null, last: null, peak: null, atPeakOpen: null };
      let cpuPct: number | null = null;
      if (s !== null) {
        rec.first ??= s;
        rec.last = s;
        rec.peak = Math.max(rec.peak ?? 0, s.rssBytes);
        if (open > 0 && open >= this.peakOpen) rec.atPeakOpen = s;
        const prev = this.prevServer.get(src.label);
        if (prev !== undefined) cpuPct = round(((s.cpuSec - prev.cpuSec) / Math.max(0.001, (now - prev.at) / 1000)) * 100);
        this.prevServer.set(src.label, { at: now, cpuSec: s.cpuSec });
      }
      this.serverSamples.set(src.label, rec);
      return { label: src.label, rssBytes: s?.rssBytes ?? null, cpuPct };
    });
  }

  private progress(p: TimelinePoint, c: Counters): void {
    const line = formatProgress(p, c, this.o, this.losses.count);
    if (this.hooks.tty === true) this.write(`\r\x1b[2K${line}`);
    else if (p.t - this.lastPrinted >= (this.hooks.printEverySec ?? 5)) {
      this.lastPrinted = p.t;
      this.write(`${line}\n`);
    }
  }

  private write(s: string): void {
    this.hooks.write?.(s);
  }

  private elapsedSec(): number {
    return round((performance.now() - this.t0) / 1000);
  }

  // ---------------------------------------------------------------- result

  private result(): RunResult {
    const c = this.counters();
    const f = this.failures();
    const connectSec = (this.workerPhaseMs.get("connected") ?? 0) / 1000;
    const result: RunResult = {
      tool: "switchboard-load",
      version: 1,
      runId: this.plan.runId,
      scenario: this.o.scenario,
      status: "ok",
      aborted: this.failure,
      shortfalls: [],
      startedAt: new Date(this.startedAt).toISOString(),
      durationSec: this.elapsedSec(),
      driver: this.driverName,
      options: { ...this.o, secret: "(redacted)" },
      phases: this.phases,
      connections: {
        target: this.o.connections,
        connected: c.connected,
        failed: c.connectFailed,
        peakOpen: this.peakOpen,
        connectPhaseSec: round(connectSec),
        connectsPerSec: round(c.connected / Math.max(0.001, connectSec)),
        handshakeMs: summarize(this.totals.handshake),
        failures: f.connect,
        server: this.connectMeasures(c.connected),
      },
      reconnect: this.reconnectSummary(c, f),
      messages: this.messageSummary(c, f),
      disconnects: { unexpected: c.unexpectedCloses, byReason: f.disconnect },
      server: this.serverSummaries(),
      client: {
        workers: this.workers.length,
        cpuSec: round(this.workers.reduce((s, w) => s + (w.latest?.cpuSec ?? 0) - (w.bootCpuSec ?? 0), 0)),
        peakWorkerCpuPct: round(this.peakWorkerCpuPct),
        coordinatorCpuSec: round(cpuSeconds()),
        peakRssBytes: this.peakWorkerRss,
        trafficCpuSec: this.workerPhaseCpuSec.has("traffic") ? round(this.workerPhaseCpuSec.get("traffic")!) : null,
        cpuUsPerMessage:
          this.workerPhaseCpuSec.has("traffic") && c.sent > 0 ? round((this.workerPhaseCpuSec.get("traffic")! / c.sent) * 1e6) : null,
        bottleneck: this.peakWorkerCpuPct >= CLIENT_BOUND_PCT || c.skipped > 0,
      },
      bugs: [],
      warnings: [...this.plan.warnings],
      timeline: this.timeline,
    };
    for (const srv of result.server) {
      if (srv.rssPerConnectionBytes !== null && srv.rssPerConnectionBytes <= 0) {
        srv.rssPerConnectionBytes = null;
        result.warnings.push(
          `${srv.label}: RSS did not grow with the connections (memory freed from earlier load): restart the node for a per-connection figure`,
        );
      }
    }
    const marginal = result.connections.server;
    if (marginal.rssPerConnectionMarginalBytes !== null && marginal.rssPerConnectionMarginalBytes <= 0) {
      // A server that keeps almost nothing per connection (the bare relay) can shed more heap
      // between baseline and hold than the connections add: no meaningful figure, not a negative one.
      result.warnings.push(
        `marginal RSS per connection was ${marginal.rssPerConnectionMarginalBytes} bytes (the servers' RSS fell between baseline and hold): not reported`,
      );
      marginal.rssPerConnectionMarginalBytes = null;
    }
    result.bugs = findBugs(result);
    result.warnings.push(...findNotes(result));
    if (result.client.bottleneck) {
      result.warnings.push(
        `the load generator was a bottleneck (peak worker CPU ${Math.round(result.client.peakWorkerCpuPct)}% of a core${c.skipped > 0 ? `, ${c.skipped} sends skipped` : ""}): add --workers or lower the rate`,
      );
    }
    result.shortfalls = findShortfalls(result);
    result.warnings.push(...result.shortfalls);
    result.status =
      this.failure !== null ? "aborted" : result.bugs.length > 0 ? "bugs" : result.shortfalls.length > 0 ? "incomplete" : "ok";
    return result;
  }

  private reconnectSummary(c: Counters, f: Failures): RunResult["reconnect"] {
    if (!this.o.drop) return null;
    const sec = (this.workerPhaseMs.get("drop") ?? 0) / 1000;
    return {
      dropped: c.reconnected + c.reconnectFailed,
      reconnected: c.reconnected,
      gaveUp: c.reconnectFailed,
      attempts: c.reconnectAttempts,
      durationSec: round(sec),
      connectsPerSec: round(c.reconnected / Math.max(0.001, sec)),
      handshakeMs: summarize(this.totals.reconnect),
      failures: f.reconnect,
    };
  }

  private messageSummary(c: Counters, f: Failures): RunResult["messages"] {
    if (this.o.scenario === "storm") return null;
    // The rates are the measured window's: the lead-in (which ramps up) is left out.
    const trafficSec = (this.workerPhaseMs.get("traffic") ?? (this.o.leadInSec + this.o.durationSec) * 1000) / 1000;
    const sec = Math.max(0.001, trafficSec - this.o.leadInSec);
    return {
      targetRate: this.o.messageRate,
      sent: c.sent,
      acked: c.acked,
      failed: c.sendFailed,
      skipped: c.skipped,
      unacked: Math.max(0, c.sent - c.acked - c.sendFailed),
      delivered: c.delivered,
      lost: this.losses.count,
      lossExamples: this.losses.examples,
      unverified: this.losses.unverified,
      duplicates: c.duplicates,
      outOfOrder: c.outOfOrder,
      sentPerSec: round(c.sentMeasured / sec),
      deliveredPerSec: round(c.deliveredMeasured / sec),
      ackMs: summarize(this.totals.ack),
      deliverMs: summarize(this.totals.deliver),
      leadIn:
        this.o.leadInSec > 0
          ? { sec: this.o.leadInSec, ackMs: summarize(this.totals.leadInAck), deliverMs: summarize(this.totals.leadInDeliver) }
          : null,
      failures: f.send,
      setupFailures: f.setup,
      groupsCreated: c.groupsCreated,
      gapSyncs: c.gapSyncs,
      recoveredBySync: c.recoveredBySync,
    };
  }

  private serverSummaries(): ServerSummary[] {
    return this.sources.map((src) => {
      const r = this.serverSamples.get(src.label);
      const first = r?.first ?? null;
      const last = r?.last ?? null;
      const atPeak = r?.atPeakOpen ?? null;
      return {
        label: src.label,
        rssStartBytes: first?.rssBytes ?? null,
        rssPeakBytes: r?.peak ?? null,
        rssEndBytes: last?.rssBytes ?? null,
        cpuSec: first !== null && last !== null ? round(last.cpuSec - first.cpuSec) : null,
        rssPerConnectionBytes:
          first !== null && atPeak !== null && this.peakOpen > 0
            ? Math.round((atPeak.rssBytes - first.rssBytes) / (this.peakOpen / Math.max(1, this.sources.length)))
            : null,
      };
    });
  }
}

/** Acked messages that never reached a member that stayed connected: the guarantee says never. */
export function findBugs(r: RunResult): string[] {
  const m = r.messages;
  if (m === null || m.lost === 0) return [];
  const ex = m.lossExamples
    .slice(0, 3)
    .map((l) => `${l.conversationId}#${l.seq} -> ${l.recipient}`)
    .join(", ");
  return [`LOSS: ${m.lost} acked message deliveries never reached a member that stayed connected (e.g. ${ex})`];
}

/**
 * What the run was asked to do and did not: its figures then describe a smaller load than the
 * options say. Not bugs: an overloaded or unreachable server refuses connections and sends.
 */
export function findShortfalls(r: RunResult): string[] {
  const out: string[] = [];
  const c = r.connections;
  if (c.failed > 0) out.push(`${c.failed} of ${c.target} connections failed (${topReasons(c.failures)})`);
  if (c.server.warmupFailed > 0) out.push(`${c.server.warmupFailed} warm-up connections failed`);
  if (r.reconnect !== null && r.reconnect.gaveUp > 0)
    out.push(`${r.reconnect.gaveUp} of ${r.reconnect.dropped} dropped connections did not reconnect`);
  if (r.disconnects.unexpected > 0)
    out.push(`${r.disconnects.unexpected} connections closed unexpectedly (${topReasons(r.disconnects.byReason)})`);
  const m = r.messages;
  if (m === null) return out;
  const setup = Object.values(m.setupFailures).reduce((a, b) => a + b, 0);
  if (setup > 0) out.push(`${setup} setup requests failed (${topReasons(m.setupFailures)})`);
  if (m.failed > 0) out.push(`${m.failed} of ${m.sent} sends failed`);
  if (m.unacked > 0) out.push(`${m.unacked} of ${m.sent} sends had no ack when the drain ended`);
  if (m.skipped > 0) out.push(`${m.skipped} sends were skipped (the generator fell behind, or their connections were down)`);
  return out;
}

/** "reason: n, …" for the three most frequent reasons. */
function topReasons(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([reason, n]) => `${reason}: ${n}`)
    .join(", ");
}

/** Allowed by at-least-once delivery or worth a look, but not a broken guarantee on their own. */
export function findNotes(r: RunResult): string[] {
  const m = r.messages;
  const notes: string[] = [];
  if (m === null) return notes;
  if (m.outOfOrder > 0) notes.push(`${m.outOfOrder} deliveries arrived below a seq already delivered in their conversation (out of order)`);
  if (m.duplicates > 0) notes.push(`${m.duplicates} duplicate deliveries (at-least-once: the tool dedupes by (conversation, seq))`);
  if (m.unverified > 0)
    notes.push(
      `${m.unverified} acked deliveries were neither received nor checked: the final sync failed or got no answer in time (an overloaded server); not counted as lost`,
    );
  if (m.recoveredBySync > 0)
    notes.push(`${m.recoveredBySync} acked messages had not arrived when the drain ended and came during the final sync (late, not lost)`);
  return notes;
}

export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
