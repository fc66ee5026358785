import { describe, expect, it } from "vitest";
import { DEV_JWT_SECRET } from "../../src/config/config.js";
import { HelpRequested, OptionsError, parseOptions } from "../../load/options.js";
import { planRun, sendsDue, split } from "../../load/plan.js";

const NOW = new Date("2026-01-02T03:04:05.678Z");
const parse = (...argv: string[]) => parseOptions(argv, NOW);
const error = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (err) {
    expect(err).toBeInstanceOf(OptionsError);
    return (err as Error).message;
  }
  throw new Error("expected an OptionsError");
};

describe("load options", () => {
  it("parses a storm with defaults", () => {
    const o = parse("storm", "--connections", "2000", "--rate", "400", "--drop");
    expect(o).toMatchObject({
      scenario: "storm",
      connections: 2000,
      idle: 2000,
      connectRate: 400,
      messageRate: 0,
      drop: true,
      workers: 1,
      secret: DEV_JWT_SECRET,
    });
    expect(o.urls).toEqual(["ws://127.0.0.1:8080/ws"]);
    expect(o.out).toBe("load-results/storm-2026-01-02T03-04-05-678");
  });

  it("takes repeated and comma-separated URLs, sources, pids and --ramp", () => {
    const o = parse(
      "chat",
      "--url",
      "ws://127.0.0.1:1/ws,ws://127.0.0.1:2/ws",
      "--url",
      "ws://127.0.0.1:3/ws",
      "--pairs",
      "100",
      "--ramp",
      "2",
      "--sources",
      "127.0.0.2,127.0.0.3",
      "--server-pid",
      "10",
      "--server-pid",
      "11",
    );
    expect(o.urls).toHaveLength(3);
    expect(o.connections).toBe(200);
    expect(o.connectRate).toBe(100);
    expect(o.sources).toEqual(["127.0.0.2", "127.0.0.3"]);
    expect(o.serverPids).toEqual([10, 11]);
  });

  it("splits mixed into pairs, groups and idle", () => {
    const o = parse("mixed", "--connections", "1000", "--group-size", "20");
    expect(o.pairs * 2 + o.groups * 20 + o.idle).toBe(1000);
    expect(o.pairs).toBe(200);
    expect(o.groups).toBe(10);
  });

  it("picks enough workers for the per-process connection cap", () => {
    expect(parse("storm", "--connections", "100000").workers).toBe(6);
    expect(error("storm", "--connections", "100000", "--workers", "2")).toMatch(/more than 19000 per worker .* use --workers 6/);
  });

  it("rejects bad input with a clear message", () => {
    expect(error()).toMatch(/expected exactly one scenario/);
    expect(error("flood")).toMatch(/scenario must be one of: storm, chat, group, mixed/);
    expect(error("storm", "--connections", "abc")).toMatch(/--connections must be a number/);
    expect(error("storm", "--connections", "0")).toMatch(/--connections must be at least 1/);
    expect(error("storm", "--connections", "300000")).toMatch(/--connections must be at most 200000/);
    expect(error("chat", "--duration", "9999")).toMatch(/--duration must be at most 600/);
    expect(error("chat", "--url", "http://127.0.0.1/ws")).toMatch(/--url must be a ws:\/\/ or wss:\/\/ URL/);
    expect(error("chat", "--drop")).toMatch(/--drop does not apply to chat/);
    expect(error("storm", "--pairs", "3")).toMatch(/--pairs does not apply to storm/);
    expect(error("storm", "--rate", "10", "--ramp", "5")).toMatch(/give --rate or --ramp, not both/);
    expect(error("chat", "--size", "4")).toMatch(/--size must be at least 16/);
    expect(error("mixed", "--connections", "10", "--pairs", "10")).toMatch(/more than --connections 10/);
    expect(error("storm", "--bogus")).toMatch(/Unknown option '--bogus'/);
  });

  it("takes a lead-in for messaging scenarios only, and budgets time for it", () => {
    const o = parse("chat", "--pairs", "10", "--duration", "6", "--lead-in", "1.5");
    expect(o.leadInSec).toBe(1.5);
    expect(parse("chat").leadInSec).toBe(0);
    expect(planRun(o).budgetMs - planRun(parse("chat", "--pairs", "10", "--duration", "6")).budgetMs).toBe(1500);
    expect(error("storm", "--lead-in", "1")).toMatch(/--lead-in does not apply to storm/);
    expect(error("chat", "--lead-in=-1")).toMatch(/--lead-in must be at least 0/);
    expect(error("chat", "--lead-in", "61")).toMatch(/--lead-in must be at most 60/);
  });

  it("--help is not an error", () => {
    expect(() => parse("--help")).toThrow(HelpRequested);
  });
});

describe("run plan", () => {
  it("splits evenly and keeps every conversation inside one worker", () => {
    expect(split(10, 3)).toEqual([4, 3, 3]);
    const o = parse("mixed", "--connections", "1000", "--workers", "3", "--rate", "300", "--url", "ws://127.0.0.1:9/ws");
    const plan = planRun(o);
    const conns = plan.workers.map((w) => 2 * w.pairs + w.groups * w.groupSize + w.idle);
    expect(conns.reduce((a, b) => a + b)).toBe(1000);
    expect(plan.workers.reduce((s, w) => s + w.chatRate + w.groupRate, 0)).toBeCloseTo(300, 6);
    expect(plan.workers.map((w) => w.firstGlobalUser)).toEqual([0, conns[0], conns[0]! + conns[1]!]);
    // IPv4 loopback targets: one 127.0.0.x source per worker.
    expect(plan.workers.map((w) => w.sources)).toEqual([["127.0.0.2"], ["127.0.0.3"], ["127.0.0.4"]]);
  });

  it("warns when the per-user send rate is above the gateway default", () => {
    const plan = planRun(parse("chat", "--pairs", "1", "--rate", "1000"));
    expect(plan.warnings.join("\n")).toMatch(/above the gateway's default SEND_RATE_PER_SEC/);
  });

  it("ramps the lead-in's rate linearly over its first half, then sends at the full rate", () => {
    // 1,000/s with a 2 s ramp: half the rate's count over the ramp, then 1 per ms.
    expect(sendsDue(1000, 0, 2000)).toBe(0);
    expect(sendsDue(1000, 1000, 2000)).toBe(250);
    expect(sendsDue(1000, 2000, 2000)).toBe(1000);
    expect(sendsDue(1000, 3000, 2000)).toBe(2000);
    // Continuous at the ramp's end, and monotonic.
    expect(sendsDue(1000, 1999.999, 2000)).toBeCloseTo(1000, 2);
    let prev = -1;
    for (let t = 0; t <= 5000; t += 7) {
      const n = sendsDue(1000, t, 2000);
      expect(n).toBeGreaterThanOrEqual(prev);
      prev = n;
    }
    // No lead-in: the full rate from the start.
    expect(sendsDue(500, 4000, 0)).toBe(2000);
  });
});
