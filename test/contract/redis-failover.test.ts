// Redis failures, against a private redis-server this file starts, kills and restarts on one
// port (never the shared server): fail fast while down, recover alone, re-register presence and
// re-subscribe; and losing only the subscription (CLIENT KILL TYPE pubsub).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RedisEngine } from "../../src/engine/redis/redis-engine.js";
import { ErrorCode, SwitchboardError } from "../../src/protocol/codes.js";
import type { AppendInput } from "../../src/engine/types.js";
import { rejection, uniqueId, waitFor } from "./helpers.js";
import { freePort, PrivateRedis, startEngine, uniquePrefix } from "./redis-fixtures.js";

const prefix = uniquePrefix();
let server: PrivateRedis;
const open: RedisEngine[] = [];

async function engine(options: { localSessions?: () => Iterable<[string, number]> } = {}): Promise<RedisEngine> {
  const e = await startEngine(server.url, { nodeId: uniqueId("node"), prefix, ...options });
  open.push(e);
  return e;
}

beforeAll(async () => {
  server = new PrivateRedis(await freePort());
  await server.start();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

afterAll(async () => {
  await server.kill();
});

describe("redis engine: failures", () => {
  it("re-subscribes after its subscription connection is killed", async () => {
    const [a, b] = [await engine(), await engine()];
    const received: number[] = [];
    await b.broker.subscribe((bytes) => received.push(bytes[0]!));
    const resubscriptions = b.stats().resubscriptions;

    const admin = server.connect();
    try {
      expect(await admin.call("CLIENT", "KILL", "TYPE", "pubsub")).toBeGreaterThanOrEqual(2);
    } finally {
      admin.disconnect();
    }
    // Publishes sent before the re-subscription are lost (pub/sub keeps nothing): keep
    // publishing until one arrives.
    let n = 0;
    await waitFor(
      async () => {
        await a.broker.publish(b.nodeId, new Uint8Array([++n % 256]));
        return received.length > 0;
      },
      5000,
      "delivery after re-subscription",
      50,
    );
    expect(b.stats().resubscriptions).toBeGreaterThan(resubscriptions);
    expect(b.healthy()).toBe(true);
  });

  it("fails fast while Redis is down and recovers by itself, presence and subscriptions included", async () => {
    const u = uniqueId("u");
    const down = await engine({ localSessions: () => [[u, 2]] });
    const received: number[] = [];
    await down.broker.subscribe((bytes) => received.push(bytes[0]!));
    const conv = `dm:${uniqueId("a")}:${uniqueId("b")}`;
    await down.store.append(message(conv));
    expect(down.healthy()).toBe(true);

    // A send in flight when Redis dies settles within the command timeout, stored or not.
    const inFlight = down.store.append(message(conv)).then(
      () => "stored",
      (e: unknown) => (e instanceof SwitchboardError ? ErrorCode[e.code] : String(e)),
    );
    const killedAt = performance.now();
    await server.kill();
    expect(["stored", "UNAVAILABLE"]).toContain(await inFlight);
    expect(performance.now() - killedAt).toBeLessThan(2500);
    await waitFor(() => !down.healthy(), 3000, "healthy() to turn false");
    const t0 = performance.now();
    const err = await rejection(down.store.append(message(conv)));
    expect(performance.now() - t0).toBeLessThan(100);
    expect(err).toBeInstanceOf(SwitchboardError);
    expect((err as SwitchboardError).code).toBe(ErrorCode.UNAVAILABLE);
    expect((err as SwitchboardError).retryable).toBe(true);
    for (const op of [down.groups.get("g:x"), down.presence.locate([u]), down.broker.publish("n", new Uint8Array([1]))]) {
      expect(((await rejection(op)) as SwitchboardError).code).toBe(ErrorCode.UNAVAILABLE);
    }

    await server.start();
    await waitFor(() => down.healthy(), 5000, "healthy() to turn true after restart");
    // The restarted server has no data (no persistence): the node must have re-registered.
    const peer = await engine();
    await waitFor(async () => (await peer.presence.sessionCounts([u])).get(u) === 2, 5000, "presence re-registered");
    await peer.broker.publish(down.nodeId, new Uint8Array([42]));
    await waitFor(() => received.includes(42), 5000, "delivery after restart");
    expect((await down.store.append(message(conv))).duplicate).toBe(false);
  });
});

function message(conversationId: string): AppendInput {
  return {
    conversationId,
    senderId: "a",
    senderDevice: "d",
    clientMsgId: uniqueId("m"),
    body: new Uint8Array([1]),
    contentType: "",
    memberIds: [],
  };
}
