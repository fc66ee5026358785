// One shared timer wheel for every client in a process. The load tool runs ~20,000 clients, each
// with request deadlines, resend timers and ack debounces: a host timer per deadline would be
// 100k+ live timers. The wheel keeps deadlines in coarse buckets (doubly linked, so cancelling
// is O(1) and frees the entry at once; FIFO within a bucket) and arms a single host timer for the earliest bucket.
// A min-heap of bucket ticks finds the due and the next buckets without scanning every bucket
// (a load worker holds hundreds, one per 20 ms of resend deadlines, and fires 50 times a second);
// an entry points at its bucket, so cancelling one (every acked send does) is no lookup.

/** A scheduled callback; cancel() is idempotent and a no-op once it has fired. */
export interface Timer {
  cancel(): void;
}

/** The entries due in one tick, in scheduling order (empty once all were cancelled or run). */
interface Bucket {
  head: Entry | null;
  tail: Entry | null;
}

class Entry implements Timer {
  prev: Entry | null = null;
  next: Entry | null = null;
  constructor(
    public wheel: TimerWheel | null,
    readonly bucket: Bucket,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.wheel?.unlink(this);
  }
}

export class TimerWheel {
  /**
   * tick -> that bucket. A bucket stays (possibly empty) until its tick is reached, so each tick
   * enters the heap once however often its bucket empties and refills.
   */
  private readonly buckets = new Map<number, Bucket>();
  /** Min-heap of the ticks in `buckets`: the due and the next buckets without a scan. */
  private readonly ticks: number[] = [];
  private count = 0;
  /** Every tick <= doneTick has run; new entries go after it. */
  private doneTick: number;
  private handle: ReturnType<typeof setTimeout> | null = null;
  private armedTick = Infinity;
  private firing = false;

  constructor(
    /** Bucket width: deadlines are rounded up to it. */
    readonly resolutionMs = 20,
    // Monotonic: a wall clock stepping back (NTP, resume from sleep) would stall every timer by the step.
    private readonly clock: () => number = () => performance.now(),
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
    let bucket = this.buckets.get(tick);
    if (bucket === undefined) {
      bucket = { head: null, tail: null };
      this.buckets.set(tick, bucket);
      heapPush(this.ticks, tick);
    }
    const entry = new Entry(this, bucket, fn);
    // Appended at the tail: same-bucket timers run in scheduling order (resends keep send order).
    if (bucket.tail === null) bucket.head = entry;
    else {
      entry.prev = bucket.tail;
      bucket.tail.next = entry;
    }
    bucket.tail = entry;
    this.count += 1;
    if (!this.firing && tick < this.armedTick) this.arm(tick, now);
    return entry;
  }

  /** Removes an entry from its bucket (cancel, or just before it runs). */
  unlink(e: Entry): void {
    if (e.wheel === null) return;
    e.wheel = null;
    const bucket = e.bucket;
    if (e.prev !== null) e.prev.next = e.next;
    else bucket.head = e.next;
    if (e.next !== null) e.next.prev = e.prev;
    else bucket.tail = e.prev;
    e.prev = null;
    e.next = null;
    this.count -= 1;
    // Nothing left: drop the host timer so an idle process can exit (and the empty buckets).
    if (this.count === 0 && !this.firing) this.clear();
  }

  private clear(): void {
    this.buckets.clear();
    this.ticks.length = 0;
    if (this.handle !== null) {
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
    this.doneTick = Math.max(this.doneTick, cur);
    this.firing = true;
    const failures: unknown[] = [];
    try {
      // Ticks come off the heap in order; callbacks schedule only past doneTick (= cur), so every
      // bucket they create is after the ones being run.
      while (this.ticks.length > 0 && this.ticks[0]! <= cur) {
        const t = heapPop(this.ticks);
        const bucket = this.buckets.get(t)!;
        this.buckets.delete(t);
        // Take the head each time: a callback may cancel other entries of the same bucket.
        for (let e = bucket.head; e !== null; e = bucket.head) {
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
    // Buckets emptied by cancels are dropped as they come to the front.
    while (this.ticks.length > 0 && this.buckets.get(this.ticks[0]!)!.head === null) this.buckets.delete(heapPop(this.ticks));
    if (this.count === 0) this.clear();
    else this.arm(this.ticks[0]!, this.clock());
    // A throwing callback is a bug in its owner: surface it as an uncaught error, after the
    // wheel is consistent again, instead of losing it or breaking every other timer.
    for (const err of failures)
      queueMicrotask(() => {
        throw err;
      });
  }
}

function heapPush(heap: number[], v: number): void {
  let i = heap.length;
  heap.push(v);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= v) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = v;
}

function heapPop(heap: number[]): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  const n = heap.length;
  if (n > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && heap[r]! < heap[l]! ? r : l;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
  }
  return top;
}

/** The wheel clients share unless one is passed in. */
export const sharedTimers = new TimerWheel();
