import { describe, expect, it } from "vitest";
import { LagMonitor } from "../../src/core/lag.js";

describe("LagMonitor", () => {
  it("measures how late each tick fires and is overloaded only past its limit", () => {
    let t = 0;
    const m = new LagMonitor(100, 500, () => t);
    m.start();
    m.stop(); // ticks are driven by hand below; start() only set the first expectation
    t = 100;
    m.tick();
    expect(m.lagMs).toBe(0);
    expect(m.overloaded).toBe(false);
    t = 800; // expected at 200: a 600 ms stall
    m.tick();
    expect(m.lagMs).toBe(600);
    expect(m.overloaded).toBe(true);
    t = 900; // the next tick is on time again
    m.tick();
    expect(m.lagMs).toBe(0);
    expect(m.overloaded).toBe(false);
  });

  it("never sheds with a limit of 0, but still measures", () => {
    let t = 0;
    const m = new LagMonitor(100, 0, () => t);
    m.start();
    m.stop();
    t = 5_000;
    m.tick();
    expect(m.lagMs).toBe(4_900);
    expect(m.overloaded).toBe(false);
  });
});
