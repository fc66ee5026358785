// The shared timer wheel: one host timer, O(1) cancel, deadlines rounded up to the resolution.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TimerWheel } from "../../src/client/timers.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("TimerWheel", () => {
  it("fires callbacks in deadline order, not before their delay", () => {
    const w = new TimerWheel(10);
    const fired: string[] = [];
    w.schedule(50, () => fired.push("50"));
    w.schedule(20, () => fired.push("20"));
    w.schedule(35, () => fired.push("35"));
    vi.advanceTimersByTime(19);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["20"]);
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(["20", "35", "50"]);
    expect(w.size).toBe(0);
  });

  it("uses a single host timer however many are scheduled, and none when empty", () => {
    const w = new TimerWheel(10);
    const timers = Array.from({ length: 1000 }, (_, i) => w.schedule(100 + i, () => {}));
    expect(vi.getTimerCount()).toBe(1);
    for (const t of timers) t.cancel();
    expect(w.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("runs same-deadline timers in scheduling order", () => {
    const w = new TimerWheel(10);
    const fired: number[] = [];
    for (let i = 0; i < 5; i++) w.schedule(25, () => fired.push(i));
    vi.advanceTimersByTime(30);
    expect(fired).toEqual([0, 1, 2, 3, 4]);
  });

  it("cancel is idempotent and a cancelled callback never runs, even when cancelled by a same-bucket callback", () => {
    const w = new TimerWheel(10);
    const fired: string[] = [];
    const a = w.schedule(30, () => fired.push("a"));
    let c: { cancel(): void } | null = null;
    w.schedule(30, () => {
      fired.push("b");
      c?.cancel();
    });
    c = w.schedule(30, () => fired.push("c"));
    w.schedule(30, () => fired.push("d"));
    a.cancel();
    a.cancel();
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(["b", "d"]);
    expect(w.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("timers scheduled from a callback run in a later tick", () => {
    const w = new TimerWheel(10);
    const fired: number[] = [];
    w.schedule(10, () => {
      fired.push(Date.now());
      w.schedule(0, () => fired.push(Date.now()));
    });
    vi.advanceTimersByTime(10);
    expect(fired).toHaveLength(1);
    vi.advanceTimersByTime(10);
    expect(fired).toHaveLength(2);
    expect(fired[1]! - fired[0]!).toBe(10);
  });

  it("a throwing callback does not stop the others and is rethrown, not lost", () => {
    const w = new TimerWheel(10);
    const fired: string[] = [];
    const thrown: unknown[] = [];
    const qm = vi.spyOn(globalThis, "queueMicrotask").mockImplementation((fn) => {
      try {
        fn();
      } catch (err) {
        thrown.push(err);
      }
    });
    w.schedule(10, () => {
      throw new Error("boom");
    });
    w.schedule(10, () => fired.push("after"));
    vi.advanceTimersByTime(10);
    qm.mockRestore();
    expect(fired).toEqual(["after"]);
    expect(thrown).toHaveLength(1);
    expect((thrown[0] as Error).message).toBe("boom");
  });

  it("fires many buckets scheduled out of order in deadline order, each on time", () => {
    const w = new TimerWheel(10);
    const start = Date.now();
    const delays = [50, 10, 40, 20, 30, 70, 60, 80, 150, 110, 90, 120, 100, 140, 130, 160];
    const fired: { d: number; late: number }[] = [];
    for (const d of delays) w.schedule(d, () => fired.push({ d, late: Date.now() - start - Math.ceil(d / 10) * 10 }));
    vi.advanceTimersByTime(200);
    expect(fired.map((f) => f.d)).toEqual([...delays].sort((a, b) => a - b));
    for (const f of fired) expect(f.late).toBe(0);
    expect(w.size).toBe(0);
  });

  it("matches a reference model under random schedules and cancels (each fires once, in its bucket, in order)", () => {
    const w = new TimerWheel(10);
    const start = Date.now();
    // A deterministic generator: the test replays the same sequence every run.
    let x = 12345;
    const rnd = (n: number): number => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % n;
    };
    const live = new Map<number, { due: number; timer: { cancel(): void } }>();
    const fired: { id: number; at: number; due: number }[] = [];
    let next = 0;
    for (let step = 0; step < 400; step += 1) {
      for (let k = rnd(8); k > 0; k -= 1) {
        const id = next++;
        const delay = rnd(2) === 0 ? rnd(2000) : rnd(60);
        // Deadlines round up to the wheel's 10 ms buckets.
        const due = Math.ceil((Date.now() + delay) / 10) * 10;
        live.set(id, {
          due,
          timer: w.schedule(delay, () => {
            fired.push({ id, at: Date.now(), due });
            live.delete(id);
          }),
        });
      }
      if (live.size > 0 && rnd(3) === 0) {
        const ids = [...live.keys()];
        const id = ids[rnd(ids.length)]!;
        live.get(id)!.timer.cancel();
        live.delete(id);
      }
      vi.advanceTimersByTime(rnd(25));
      expect(w.size).toBe(live.size);
    }
    vi.advanceTimersByTime(3000);
    expect(live.size).toBe(0);
    expect(w.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(new Set(fired.map((f) => f.id)).size).toBe(fired.length);
    for (const f of fired) {
      expect(f.at).toBeGreaterThanOrEqual(f.due);
      expect(f.at).toBeLessThan(f.due + 10);
    }
    // Deadline order overall; same deadline: scheduling order.
    for (let i = 1; i < fired.length; i += 1) {
      const a = fired[i - 1]!;
      const b = fired[i]!;
      expect(a.due < b.due || (a.due === b.due && a.id < b.id)).toBe(true);
    }
    expect(Date.now()).toBeGreaterThan(start);
  });
});

// The wheel is shared by every client of a process: a wall clock stepping back (NTP step, resume
// from sleep, a user changing the time) must not postpone reconnects, deadlines and resends.
describe("TimerWheel and a wall clock stepping backwards", () => {
  const HOUR = 3_600_000;

  it("a pending timer still fires after its delay of real time", () => {
    const w = new TimerWheel(20);
    let fired = false;
    w.schedule(100, () => (fired = true));
    vi.setSystemTime(Date.now() - HOUR);
    vi.advanceTimersByTime(100);
    expect(fired).toBe(true);
  });

  it("a timer scheduled after the step fires after its delay of real time", () => {
    const w = new TimerWheel(20);
    w.schedule(20, () => {});
    vi.advanceTimersByTime(40); // the wheel has run and is empty again
    vi.setSystemTime(Date.now() - HOUR);
    let fired = false;
    w.schedule(100, () => (fired = true));
    vi.advanceTimersByTime(100);
    expect(fired).toBe(true);
  });
});
