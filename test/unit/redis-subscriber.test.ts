// The subscriber's connection use, with a stand-in client: channels registered together go out in
// one SUBSCRIBE, so none of them is live without the others.
import type { Redis } from "ioredis";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Subscriber } from "../../src/engine/redis/subscriber.js";

describe("Subscriber.listenAll", () => {
  it("subscribes every channel in one SUBSCRIBE", async () => {
    const calls: string[][] = [];
    const client = {
      status: "ready",
      on: () => client,
      subscribe: async (...channels: string[]) => {
        calls.push(channels);
        return channels.length;
      },
    };
    const subscriber = new Subscriber(client as unknown as Redis, pino({ level: "silent" }));
    calls.length = 0; // the constructor's resubscribe of nothing
    await subscriber.listenAll([
      ["a", () => undefined],
      ["b", () => undefined],
    ]);
    expect(calls).toEqual([["a", "b"]]);
  });
});
