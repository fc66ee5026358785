// The Redis batcher's end of turn, with a stand-in connection: every collector runs and the
// turn's write goes out even when one collector throws.
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { Batcher } from "../../src/engine/redis/batcher.js";

describe("Batcher end of turn", () => {
  it("runs every collector and uncorks even when one throws, then reports the failure", () => {
    const events: string[] = [];
    const client = {
      status: "ready",
      stream: { cork: () => events.push("cork"), uncork: () => events.push("uncork") },
      ping: () => Promise.resolve("PONG"),
    };
    const batcher = new Batcher(client as unknown as Redis);
    batcher.defer(() => {
      throw new Error("collector failed");
    });
    batcher.defer(() => {
      events.push("second collector");
      void batcher.send("ping");
    });
    // The end of the turn, run now rather than from its setImmediate (which then finds nothing to do).
    const endOfTurn = (batcher as unknown as { endOfTurn: () => void }).endOfTurn;
    expect(endOfTurn).toThrow("collector failed");
    expect(events).toEqual(["second collector", "cork", "uncork"]);
    expect(batcher.stats()).toEqual({ roundTrips: 1, commands: 1 });
  });

  it("hands a collector's failure to onCollectorError instead of throwing from the end of the turn", () => {
    const client = { status: "ready", stream: { cork: () => undefined, uncork: () => undefined } };
    const reported: unknown[] = [];
    const batcher = new Batcher(client as unknown as Redis, 1000, (err) => reported.push(err));
    let ran = false;
    batcher.defer(() => {
      throw new Error("collector failed");
    });
    batcher.defer(() => {
      ran = true;
    });
    (batcher as unknown as { endOfTurn: () => void }).endOfTurn();
    expect(ran).toBe(true);
    expect(reported.map((e) => (e as Error).message)).toEqual(["collector failed"]);
  });
});
