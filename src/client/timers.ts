// One shared timer wheel for every client in a process. The load tool runs ~20,000 clients, each
// with request deadlines, resend timers and ack debounces: a host timer per deadline would be
// 100k+ live timers. The wheel keeps deadlines in coarse buckets (doubly linked, so cancelling
// is O(1) and frees the entry at once; FIFO within a bucket) and arms a single host timer for the earliest bucket.

/** A scheduled callback; cancel() is idempotent and a no-op once it has fired. */
export interface Timer {
  cancel(): void;
}

class Entry implements Timer {
  prev: Entry | null = null;
  next: Entry | null = null;
  constructor(
    public wheel: TimerWheel | null,
    readonly tick: number,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.wheel?.unlink(this);
  }
}

export class TimerWheel {
  /** tick -> that bucket's list. */
  private readonly buckets = new Map<number, { head: Entry; tail: Entry }>();
  private count = 0;
  /** Every tick <= doneTick has run; new entries go after it. */
  private doneTick: number;
  private handle: ReturnType<typeof setTimeout> | null = null;
  private armedTick = Infinity;
  private firing = false;

  constructor(
    /** Bucket width: deadlines are rounded up to it. */
    readonly resolutionMs = 20,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.doneTick = Math.floor(clock() / resolutionMs);
  }

  /** Live (scheduled, not yet fired or cancelled) timers. */
  get size(): number {
    return this.count;
  }

  schedule(delayMs: number, fn: () => void): Timer {
    const now = this.clock();
    if (this.count === 0 && !this.firing) this.doneTick = Math.max(this.doneTick, Math.floor(now / this.resolutionMs));
    const tick = Math.max(Math.ceil((now + Math.max(0, delayMs)) / this.resolutionMs), this.doneTick + 1);
    const entry = new Entry(this, tick, fn);
    const bucket = this.buckets.get(tick);
    // Appended at the tail: same-bucket timers run in scheduling order (resends keep send order).
    if (bucket === undefined) this.buckets.set(tick, { head: entry, tail: entry });
    else {
      entry.prev = bucket.tail;
      bucket.tail.next = entry;
      bucket.tail = entry;
    }
    this.count += 1;
    if (!this.firing && tick < this.armedTick) this.arm(tick, now);
    return entry;
  }

  /** Removes an entry from its bucket (cancel, or just before it runs). */
  unlink(e: Entry): void {
    if (e.wheel === null) return;
    e.wheel = null;
    const bucket = this.buckets.get(e.tick)!;
    if (e.prev !== null) e.prev.next = e.next;
    else bucket.head = e.next!;
    if (e.next !== null) e.next.prev = e.prev;
    else bucket.tail = e.prev!;
    if (e.prev === null && e.next === null) this.buckets.delete(e.tick);
    e.prev = null;
    e.next = null;
    this.count -= 1;
    // Nothing left: drop the host timer so an idle process can exit.
    if (this.count === 0 && this.handle !== null && !this.firing) {
      clearTimeout(this.handle);
      this.handle = null;
      this.armedTick = Infinity;
    }
  }

  private arm(tick: number, now: number): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.armedTick = tick;
    this.handle = setTimeout(() => this.fire(), Math.max(0, tick * this.resolutionMs - now));
  }

  private fire(): void {
    this.handle = null;
    this.armedTick = Infinity;
    const cur = Math.floor(this.clock() / this.resolutionMs);
    const due: number[] = [];
    for (const t of this.buckets.keys()) if (t <= cur) due.push(t);
    due.sort((a, b) => a - b);
    this.doneTick = Math.max(this.doneTick, cur);
    this.firing = true;
    const failures: unknown[] = [];
    try {
      for (const t of due) {
        // Take the head each time: a callback may cancel other entries of the same bucket.
        for (let e = this.buckets.get(t)?.head; e !== undefined; e = this.buckets.get(t)?.head) {
          this.unlink(e);
          try {
            e.fn();
          } catch (err) {
            failures.push(err);
          }
        }
      }
    } finally {
      this.firing = false;
    }
    let next = Infinity;
    for (const t of this.buckets.keys()) if (t < next) next = t;
    if (next !== Infinity) this.arm(next, this.clock());
    // A throwing callback is a bug in its owner: surface it as an uncaught error, after the
    // wheel is consistent again, instead of losing it or breaking every other timer.
    for (const err of failures)
      queueMicrotask(() => {
        throw err;
      });
  }
}

/** The wheel clients share unless one is passed in. */
export const sharedTimers = new TimerWheel();
