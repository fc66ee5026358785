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
});
