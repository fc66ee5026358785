// A load worker process: holds its share of the connections, runs the commands the coordinator
// sends (connect, setup, traffic, drain, drop, close), checks every delivery, and reports counts
// and histogram buckets once a second. It exits by itself at the plan's deadline or if the
// coordinator goes away, so a crashed coordinator never leaves load running.
import { setTimeout as sleep } from "node:timers/promises";
import { mintToken } from "../src/transport/mint.js";
import { DeliveryChecker } from "./checker.js";
import { DETACHED, failureReason, pickDriver, type CloseInfo, type Connection, type ConnectionEvents, type Driver } from "./driver.js";
import { Histogram } from "./histogram.js";
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
  type PhaseDone,
  type Report,
  type WorkerMessage,
  type WorkerPlan,
} from "./ipc.js";
import { sendsDue } from "./plan.js";

const DEVICE = "load";
const TOKEN_TTL_SEC = 6 * 3600;
const REPORT_MS = 1000;
const TICK_MS = 10;
/** The drain's final sync gets at least this long (else the drain's own timeout). */
const RECOVER_MIN_MS = 2_000;
/**
 * The sender's tick: each sends what is due since the last, about SENDS_PER_TICK messages, so a
 * tick's burst stays well under a millisecond of work (a 10 ms tick at 20,000 msg/s would be a
 * burst of 200 that delays the deliveries queued behind it) without waking up more than needed.
 */
const SENDS_PER_TICK = 25;
const MIN_SEND_TICK_MS = 1;
/** How far behind schedule the sender may fall before it skips sends instead of bursting. */
const MAX_BACKLOG_SEC = 0.2;
const GROUP_CREATE_CONCURRENCY = 32;
const CLOSE_WAIT_MS = 3000;

interface Slot {
  readonly user: string;
  readonly url: string;
  readonly source: string | undefined;
  token: string | null;
  conn: Connection | null;
  /** Resolves when the current connection has closed (drop and shutdown wait on it). */
  closed: Promise<void>;
}

interface Conversation {
  readonly id: string;
  /** Connected members who may send; a pair sends alternately from each side. */
  readonly senders: readonly Slot[];
}

/** A paced message stream: `rate` messages/s round-robin over its conversations. */
interface Stream {
  readonly rate: number;
  readonly conversations: readonly Conversation[];
  count: number;
}

/** Wall-clock ms with sub-ms precision: send times travel in bodies, so every process reads the same clock. */
const TIME_ORIGIN = performance.timeOrigin;
export const nowEpochMs = (): number => TIME_ORIGIN + performance.now();

/** One slot's connection events, bound once per connection (no closure per message). */
class SlotEvents implements ConnectionEvents {
  constructor(
    private readonly worker: LoadWorker,
    private readonly slot: Slot,
    private readonly conn: Connection,
    private readonly closed: () => void,
  ) {}

  message(conversationId: string, seq: number, sentAtMs: number | null): void {
    this.worker.onDelivery(this.slot, conversationId, seq, sentAtMs);
  }

  acked(conversationId: string, seq: number, sentAtMs: number): void {
    this.worker.onAck(this.slot, conversationId, seq, sentAtMs);
  }

  sendFailed(reason: string): void {
    this.worker.onSendFailed(reason);
  }

  gapSync(): void {
    this.worker.onGapSync();
  }

  close(info: CloseInfo): void {
    this.worker.onClose(this.slot, this.conn, info);
    this.closed();
  }
}

class LoadWorker {
  private readonly slots: Slot[];
  private readonly checker = new DeliveryChecker();
  private readonly counters: Counters = zeroCounters();
  private readonly failures: Failures = emptyFailures();
  private readonly hist = Object.fromEntries(HISTOGRAMS.map((h) => [h, new Histogram()])) as Record<HistogramName, Histogram>;
  private readonly reportTimer: NodeJS.Timeout;
  private chat: Conversation[] = [];
  private groups: Conversation[] = [];
  private sendsInFlight = 0;
  /** Recipient + "\u0000" + conversation pairs of the drain's final sync while it runs: their
   * deliveries now are late ones (counted, not timed). */
  private recovering: Set<string> | null = null;
  /** The drain's verdict was reported: deliveries no longer count. */
  private drained = false;
  /** Sends made before this (epoch ms) are the lead-in's. */
  private measureFrom = 0;
  /** The lead-in's first half, over which the send rate rises to the full rate. */
  private rampMs = 0;

  constructor(
    private readonly plan: WorkerPlan,
    private readonly driver: Driver,
    private readonly emit: (m: WorkerMessage) => void,
  ) {
    const total = 2 * plan.pairs + plan.groups * plan.groupSize + plan.idle;
    this.slots = Array.from({ length: total }, (_, i) => ({
      user: `${plan.runId}-w${plan.index}-u${i}`,
      url: plan.urls[(plan.firstGlobalUser + i) % plan.urls.length]!,
      source: plan.sources.length > 0 ? plan.sources[i % plan.sources.length] : undefined,
      token: null,
      conn: null,
      closed: Promise.resolve(),
    }));
    this.reportTimer = setInterval(() => this.report(), REPORT_MS);
    // A first report before any load: the coordinator takes its CPU as start-up, not load.
    this.report();
  }

  private phaseStart = performance.now();
  private phaseCpuStart = cpuSeconds();

  async run(cmd: Command): Promise<void> {
    this.phaseStart = performance.now();
    this.phaseCpuStart = cpuSeconds();
    switch (cmd.type) {
      case "warmup": {
        const failed = await this.warmupRound();
        return this.done("warmup", { warmupFailed: failed });
      }
      case "plan":
        await this.connectAll();
        return this.done("connected");
      case "setup":
        await this.setup();
        return this.done("setup");
      case "traffic":
        await this.traffic(cmd.durationMs, cmd.leadInMs);
        return this.done("traffic");
      case "drain":
        return this.drain(cmd.timeoutMs);
      case "drop":
        await this.dropAndReconnect(cmd.timeoutMs);
        return this.done("drop");
      case "close":
        await this.closeAll();
        clearInterval(this.reportTimer);
        this.report();
        return this.done("close");
    }
  }

  private done(phase: Phase, extra: Pick<PhaseDone, "losses" | "warmupFailed"> = {}): void {
    this.report();
    this.emit({
      type: "phase",
      worker: this.plan.index,
      phase,
      elapsedMs: performance.now() - this.phaseStart,
      cpuSec: cpuSeconds() - this.phaseCpuStart,
      ...extra,
    });
  }

  // ---------------------------------------------------------------- connections

  /** Opens every slot at the plan's connect rate, with a bound on handshakes in flight. */
  private connectAll(): Promise<void> {
    return this.paced(this.slots.length, (slot) => this.open(slot, "handshake").then(() => undefined));
  }

  /**
   * storm --warmup: opens the first plan.warmup slots' users at the connect rate and closes them
   * again, outside every counter and histogram, so one-time server growth happens before the
   * baseline. Returns how many failed.
   */
  private async warmupRound(): Promise<number> {
    const conns: Connection[] = [];
    let failed = 0;
    await this.paced(this.plan.warmup, async (slot) => {
      slot.token ??= await mintToken(this.plan.secret, slot.user, { device: DEVICE, ttlSec: TOKEN_TTL_SEC });
      try {
        conns.push(
          await this.driver.connect({
            url: slot.url,
            token: slot.token,
            device: DEVICE,
            localAddress: slot.source,
            timeoutMs: this.plan.handshakeTimeoutMs,
          }),
        );
      } catch {
        failed += 1;
      }
    });
    const closed = conns.map((c) => new Promise<void>((resolve) => c.attach({ ...DETACHED, close: () => resolve() })));
    for (const c of conns) c.close();
    await Promise.race([Promise.all(closed), sleep(CLOSE_WAIT_MS)]);
    return failed;
  }

  /** Runs `open` on the first `count` slots at the plan's connect rate, with a bound in flight. */
  private paced(count: number, open: (slot: Slot) => Promise<void>): Promise<void> {
    const { connectRate, maxConnectsInFlight } = this.plan;
    const start = performance.now();
    let next = 0;
    let inFlight = 0;
    return new Promise<void>((resolve) => {
      const finishIfDone = (): void => {
        if (next < count || inFlight > 0) return;
        clearInterval(timer);
        resolve();
      };
      const tick = (): void => {
        const due = Math.min(count, Math.floor((connectRate * (performance.now() - start)) / 1000) + 1);
        while (next < due && inFlight < maxConnectsInFlight) {
          inFlight += 1;
          void open(this.slots[next++]!).finally(() => {
            inFlight -= 1;
            finishIfDone();
          });
        }
      };
      const timer = setInterval(tick, TICK_MS);
      tick();
      finishIfDone();
    });
  }

  /** One handshake attempt, timed from the upgrade request to the welcome frame. */
  private async open(slot: Slot, kind: "handshake" | "reconnect"): Promise<boolean> {
    slot.token ??= await mintToken(this.plan.secret, slot.user, { device: DEVICE, ttlSec: TOKEN_TTL_SEC });
    if (kind === "handshake") this.counters.connectAttempts += 1;
    else this.counters.reconnectAttempts += 1;
    const t0 = performance.now();
    try {
      const conn = await this.driver.connect({
        url: slot.url,
        token: slot.token,
        device: DEVICE,
        localAddress: slot.source,
        timeoutMs: this.plan.handshakeTimeoutMs,
      });
      this.hist[kind].record(performance.now() - t0);
      if (kind === "handshake") this.counters.connected += 1;
      else this.counters.reconnected += 1;
      this.attach(slot, conn);
      return true;
    } catch (err) {
      if (kind === "handshake") this.counters.connectFailed += 1;
      bump(this.failures[kind === "handshake" ? "connect" : "reconnect"], failureReason(err));
      return false;
    }
  }

  private attach(slot: Slot, conn: Connection): void {
    slot.conn = conn;
    this.counters.open += 1;
    let closed!: () => void;
    slot.closed = new Promise<void>((resolve) => (closed = resolve));
    conn.attach(new SlotEvents(this, slot, conn, closed));
  }

  onClose(slot: Slot, conn: Connection, info: CloseInfo): void {
    this.counters.open -= 1;
    if (slot.conn === conn) slot.conn = null;
    if (!info.local) {
      this.counters.unexpectedCloses += 1;
      bump(this.failures.disconnect, `close ${info.code}`);
      this.checker.disconnected(slot.user);
    }
  }

  onGapSync(): void {
    this.counters.gapSyncs += 1;
  }

  private async closeAll(): Promise<void> {
    const open = this.slots.filter((s) => s.conn !== null);
    for (const s of open) s.conn!.close();
    await Promise.race([Promise.all(open.map((s) => s.closed)), sleep(CLOSE_WAIT_MS)]);
  }

  /** Drops every connection, then reconnects each with full-jitter exponential backoff. */
  private async dropAndReconnect(timeoutMs: number): Promise<void> {
    const dropped = this.slots.filter((s) => s.conn !== null);
    await this.closeAll();
    const deadline = performance.now() + timeoutMs;
    await Promise.all(dropped.map((s) => this.reconnect(s, deadline)));
  }

  private async reconnect(slot: Slot, deadline: number): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const cap = Math.min(this.plan.backoffMaxMs, this.plan.backoffMs * 2 ** attempt);
      const wait = Math.min(Math.random() * cap, deadline - performance.now());
      if (wait < 0) break;
      await sleep(wait);
      if (await this.open(slot, "reconnect")) return;
    }
    this.counters.reconnectFailed += 1;
    bump(this.failures.reconnect, "gave up (reconnect timeout)");
  }

  // ---------------------------------------------------------------- conversations

  private async setup(): Promise<void> {
    const { pairs, groups, groupSize } = this.plan;
    for (let k = 0; k < pairs; k += 1) {
      const a = this.slots[2 * k]!;
      const b = this.slots[2 * k + 1]!;
      if (a.conn === null || b.conn === null) continue; // a failed connect leaves the pair out
      const id = a.user < b.user ? `dm:${a.user}:${b.user}` : `dm:${b.user}:${a.user}`;
      this.watch(id, [a, b]);
      this.chat.push({ id, senders: [a, b] });
    }
    const jobs = Array.from({ length: groups }, (_, g) => this.slots.slice(2 * pairs + g * groupSize, 2 * pairs + (g + 1) * groupSize));
    await mapLimit(jobs, GROUP_CREATE_CONCURRENCY, (members, g) => this.createGroup(members, g));
  }

  private async createGroup(members: readonly Slot[], g: number): Promise<void> {
    const connected = members.filter((m) => m.conn !== null);
    const owner = connected[0];
    if (owner === undefined || connected.length < 2) return;
    try {
      const id = await owner.conn!.createGroup(
        `load ${this.plan.runId} w${this.plan.index} g${g}`,
        members.map((m) => m.user),
      );
      this.counters.groupsCreated += 1;
      this.watch(id, connected);
      this.groups.push({ id, senders: connected });
    } catch (err) {
      bump(this.failures.setup, `create group: ${failureReason(err)}`);
    }
  }

  private watch(id: string, members: readonly Slot[]): void {
    for (const m of members) this.checker.watch(m.user, id);
  }

  // ---------------------------------------------------------------- traffic

  /**
   * Sends at the plan's rates for leadInMs + durationMs, on a fixed tick, never bursting past a
   * small backlog. Acks and deliveries of sends made in the lead-in are checked like the others
   * but timed into the leadIn* histograms: a fresh worker runs cold code for its first seconds.
   * The rate rises linearly over the lead-in's first half: cold code at the full rate builds a
   * backlog that a slow machine takes seconds to drain, and the measured window would time the
   * generator's own warm-up instead of the server.
   */
  private traffic(durationMs: number, leadInMs: number): Promise<void> {
    this.measureFrom = nowEpochMs() + leadInMs;
    this.rampMs = leadInMs / 2;
    durationMs += leadInMs;
    const streams: Stream[] = [
      { rate: this.plan.chatRate, conversations: this.chat, count: 0 },
      { rate: this.plan.groupRate, conversations: this.groups, count: 0 },
    ].filter((s) => s.rate > 0 && s.conversations.length > 0);
    const start = performance.now();
    return new Promise<void>((resolve) => {
      const tick = (): void => {
        const elapsed = Math.min(performance.now() - start, durationMs);
        for (const s of streams) this.sendDue(s, elapsed);
        if (elapsed >= durationMs) {
          clearInterval(timer);
          resolve();
        }
      };
      const rate = streams.reduce((sum, st) => sum + st.rate, 0);
      const tickMs = Math.min(TICK_MS, Math.max(MIN_SEND_TICK_MS, (1000 * SENDS_PER_TICK) / Math.max(1, rate)));
      const timer = setInterval(tick, tickMs);
    });
  }

  private sendDue(s: Stream, elapsedMs: number): void {
    let due = Math.floor(sendsDue(s.rate, elapsedMs, this.rampMs)) - s.count;
    const backlog = Math.max(1, Math.ceil(s.rate * MAX_BACKLOG_SEC));
    if (due > backlog) {
      // The generator fell behind (a CPU-bound client): record it instead of bursting to catch up.
      this.counters.skipped += due - backlog;
      s.count += due - backlog;
      due = backlog;
    }
    for (; due > 0; due -= 1) {
      const n = s.count++;
      const conv = s.conversations[n % s.conversations.length]!;
      const sender = conv.senders[Math.floor(n / s.conversations.length) % conv.senders.length]!;
      this.sendOne(sender, conv.id);
    }
  }

  private sendOne(slot: Slot, conversationId: string): void {
    const conn = slot.conn;
    if (conn === null || this.sendsInFlight >= this.plan.maxSendsInFlight) {
      this.counters.skipped += 1;
      return;
    }
    this.sendsInFlight += 1;
    this.counters.sent += 1;
    const now = nowEpochMs();
    if (now >= this.measureFrom) this.counters.sentMeasured += 1;
    conn.send(conversationId, now, this.plan.bodyBytes);
  }

  onAck(slot: Slot, conversationId: string, seq: number, sentAtMs: number): void {
    this.sendsInFlight -= 1;
    (sentAtMs >= this.measureFrom ? this.hist.ack : this.hist.leadInAck).record(nowEpochMs() - sentAtMs);
    this.counters.acked += 1;
    this.checker.acked(conversationId, seq, slot.user);
  }

  onSendFailed(reason: string): void {
    this.sendsInFlight -= 1;
    this.counters.sendFailed += 1;
    bump(this.failures.send, reason);
  }

  onDelivery(slot: Slot, conversationId: string, seq: number, sentAtMs: number | null): void {
    // The drain's verdict is out: later arrivals would make one delivery both unverified and delivered.
    if (this.drained) return;
    const verdict = this.checker.delivered(slot.user, conversationId, seq);
    if (verdict === "duplicate") {
      this.counters.duplicates += 1;
      return;
    }
    if (verdict === "out_of_order") this.counters.outOfOrder += 1;
    this.counters.delivered += 1;
    if (this.recovering !== null && this.recovering.has(`${slot.user}\u0000${conversationId}`)) {
      this.counters.recoveredBySync += 1;
      return;
    }
    if (sentAtMs === null) return;
    if (sentAtMs >= this.measureFrom) {
      this.counters.deliveredMeasured += 1;
      this.hist.deliver.record(nowEpochMs() - sentAtMs);
    } else this.hist.leadInDeliver.record(nowEpochMs() - sentAtMs);
  }

  /**
   * Waits (bounded) for outstanding acks and deliveries; then, where the protocol has a sync,
   * asks each recipient still missing acked messages for them (bounded too), and reports the
   * checker's verdict. What arrives meanwhile for those recipients and conversations was stored
   * and late (an overloaded server, a hole still waiting to be synced), not lost: it is counted
   * apart and untimed.
   */
  private async drain(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while ((this.sendsInFlight > 0 || this.checker.pending() > 0) && performance.now() < deadline) await sleep(TICK_MS);
    // Per recipient, not pending(): deliveries of sends still unacked can offset missing acked ones.
    const short = this.checker.shortfalls();
    const unanswered = short.size > 0 ? await this.recover(short, Math.max(RECOVER_MIN_MS, timeoutMs)) : undefined;
    this.done("drain", { losses: this.checker.losses(unanswered) });
    this.drained = true;
  }

  /**
   * Runs the final syncs; returns the recipient + "\u0000" + conversation pairs whose sync failed
   * or did not answer in time. Deliveries to those pairs meanwhile are the late ones.
   */
  private async recover(short: Map<string, string[]>, timeoutMs: number): Promise<Set<string>> {
    const unanswered = new Set<string>();
    const jobs: Promise<void>[] = [];
    const byUser = new Map(this.slots.map((s) => [s.user, s]));
    for (const [user, conversations] of short) {
      const conn = byUser.get(user)?.conn;
      if (conn?.recover === undefined) continue;
      const keys = conversations.map((c) => `${user}\u0000${c}`);
      for (const k of keys) unanswered.add(k);
      jobs.push(
        conn.recover(conversations).then(
          () => {
            for (const k of keys) unanswered.delete(k);
          },
          () => undefined,
        ),
      );
    }
    if (jobs.length === 0) return unanswered;
    this.recovering = new Set(unanswered);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(jobs), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    this.recovering = null;
    return unanswered;
  }

  // ---------------------------------------------------------------- reporting

  private report(): void {
    const histograms = {} as Report["histograms"];
    for (const name of HISTOGRAMS) {
      histograms[name] = this.hist[name].toJSON();
      this.hist[name].reset();
    }
    this.emit({
      type: "report",
      worker: this.plan.index,
      counters: { ...this.counters },
      failures: structuredClone(this.failures),
      histograms,
      cpuSec: cpuSeconds(),
      atMs: performance.now(),
      rssBytes: process.memoryUsage.rss(),
      pending: this.checker.pending(),
    });
  }
}

function bump(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

// ---------------------------------------------------------------- process entry

function main(): void {
  if (process.send === undefined) {
    process.stderr.write("load/worker.ts runs as a child of load/cli.ts (npm run load), not on its own\n");
    process.exit(2);
  }
  // The last send's callback tells when the channel has flushed, so disconnecting loses nothing.
  let flushed = Promise.resolve();
  const emit = (m: WorkerMessage): void => {
    if (!process.connected) return;
    flushed = new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
  };
  let worker: LoadWorker | null = null;
  let index = -1;
  let queue = Promise.resolve();
  // Commands run one after another, in the order the coordinator sent them.
  process.on("message", (cmd: Command) => {
    queue = queue
      .then(async () => {
        if ((cmd.type === "plan" || cmd.type === "warmup") && worker === null) {
          index = cmd.plan.index;
          setTimeout(() => process.exit(3), Math.max(0, cmd.plan.deadline - Date.now())).unref();
          worker = new LoadWorker(cmd.plan, await pickDriver(cmd.plan.target), emit);
        }
        if (worker === null) throw new Error(`command ${cmd.type} before plan`);
        await worker.run(cmd);
        if (cmd.type === "close") {
          await flushed;
          process.disconnect();
        }
      })
      .catch(async (err: unknown) => {
        emit({ type: "fatal", worker: index, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        process.exitCode = 1;
        await flushed;
        process.disconnect();
      });
  });
  // The coordinator is gone (exited or crashed): stop generating load at once.
  process.on("disconnect", () => process.exit(process.exitCode ?? 0));
}

if (process.env["SWITCHBOARD_LOAD_WORKER"] === "1") main();
