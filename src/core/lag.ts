// Event-loop lag, measured by how late a periodic timer fires: the one signal that a node has
// more work than CPU, whatever the cause (traffic, GC, another process on the same cores). With
// OVERLOAD_LAG_MS set, the node refuses new sends with OVERLOADED (retryable, with a delay)
// while the lag is over it: what it accepts is answered in bounded time, acks and syncs go on.
// Off by default: refusing whole backlogs cost a saturated node three quarters of its
// throughput in a burst (README, OVERLOAD_LAG_MS).

export class LagMonitor {
  /** How late the last tick fired (ms). */
  lagMs = 0;
  private expected = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    /** 0 turns shedding off (the lag is still measured). */
    private readonly limitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Over the limit at the last tick. */
  get overloaded(): boolean {
    return this.limitMs > 0 && this.lagMs > this.limitMs;
  }

  start(): void {
    if (this.timer !== null) return;
    this.expected = this.now() + this.intervalMs;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** One timer tick (public for tests): Node schedules the next one from now. */
  tick(): void {
    const t = this.now();
    this.lagMs = Math.max(0, t - this.expected);
    this.expected = t + this.intervalMs;
  }
}
