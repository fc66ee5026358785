// A gateway on the Redis engine delivers to recipients connected to the same node from its own
// registry: when the route to another node keeps failing (its publish, then the presence lookups
// of the retries), the local recipient still gets the message, and gets it once: the fan-out's
// retries are for remote nodes only.
import WebSocket from "ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Redis } from "ioredis";
import { SwitchboardClient } from "../../src/client/index.js";
import { ErrorCode, SwitchboardError } from "../../src/protocol/codes.js";
import { deleteKeys, REDIS_URL, uniquePrefix } from "../contract/redis-fixtures.js";
import { inbox } from "../helpers/clients.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { waitFor } from "../helpers/wait.js";

const prefix = uniquePrefix();
let gw: TestGateway;
const clients: SwitchboardClient[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ REDIS_URL, REDIS_PREFIX: prefix, SEND_RATE_PER_SEC: "1000", SEND_BURST: "1000" });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await gw?.stop();
  await deleteKeys(REDIS_URL, prefix);
});

async function connect(user: string): Promise<SwitchboardClient> {
  const c = new SwitchboardClient({ url: gw.url, token: await gw.token(user), WebSocket, device: "phone", syncOnConnect: false });
  clients.push(c);
  await c.connect();
  return c;
}

const failures = async (): Promise<number> => (await gw.metrics.fanoutFailures.get()).values[0]?.value ?? 0;
/** Frames the node pushed to sessions (the client would hide a second copy: it dedupes by seq). */
const pushed = async (): Promise<number> => (await gw.metrics.messagesDelivered.get()).values[0]?.value ?? 0;

it("delivers to local recipients once while the route to another node fails, and retries only for remote nodes", async () => {
  const [alice, bob] = [await connect("ld-alice"), await connect("ld-bob")];
  const got = inbox(bob);
  // bob also has a session on a live node "ghost" (as far as presence says), whose channel fails.
  const redis = new Redis(REDIS_URL);
  await redis.hset(`${prefix}p:ld-bob`, "ghost", "1");
  await redis.set(`${prefix}n:ghost:alive`, "1", "PX", 60_000);
  redis.disconnect();
  const { presence, broker } = gw.engine;
  const [realLocate, realPublish] = [presence.locate.bind(presence), broker.publish.bind(broker)];
  let lookups = 0;
  let ghostPublishes = 0;
  presence.locate = async () => {
    lookups += 1;
    throw new Error("presence lookup failed (test)");
  };
  broker.publish = async (nodeId, envelope) => {
    if (nodeId !== "ghost") return realPublish(nodeId, envelope);
    ghostPublishes += 1;
    throw new Error("publish failed (test)");
  };
  try {
    const before = await failures();
    const pushedBefore = await pushed();
    const ack = await alice.send("dm:ld-alice:ld-bob", "while the route to ghost fails");
    await waitFor(() => got.length === 1, { timeoutMs: 5_000, what: "bob, on the sender's node, gets the message" });
    expect(got[0]!.seq).toBe(ack.seq);
    // The first attempt published to ghost (presence came with the append); the retry looks again...
    await waitFor(async () => ghostPublishes >= 1 && lookups >= 1 && (await failures()) >= before + 2, {
      timeoutMs: 5_000,
      what: "a failed publish and a failed lookup",
    });
    // ...without pushing the message to bob again: the retries are for remote nodes only.
    expect((await pushed()) - pushedBefore).toBe(1);
  } finally {
    presence.locate = realLocate;
    broker.publish = realPublish;
  }
  const ack2 = await alice.send("dm:ld-alice:ld-bob", "after");
  await waitFor(() => got.length >= 2, { timeoutMs: 5_000, what: "the next message" });
  expect(got.map((m) => m.seq)).toEqual([ack2.seq - 1, ack2.seq]);
});

it("fans out the retry of a send whose append was stored but answered with an error (a lost reply)", async () => {
  const [carol, dave] = [await connect("ld-carol"), await connect("ld-dave")];
  const got = inbox(dave);
  const store = gw.engine.store;
  const realAppend = store.append.bind(store);
  let failed = 0;
  store.append = async (input) => {
    const result = await realAppend(input);
    if (failed > 0) return result;
    failed += 1;
    // Stored in Redis, but the node never learns it: what a command timeout or a dropped
    // connection does to the reply.
    throw new SwitchboardError(ErrorCode.UNAVAILABLE, "append reply lost (test)");
  };
  try {
    // The client retries the refused send; the store answers it as a duplicate of the first.
    const ack = await carol.send("dm:ld-carol:ld-dave", "stored, reply lost");
    expect(failed).toBe(1);
    expect(ack.duplicate).toBe(false);
    await waitFor(() => got.length === 1, { timeoutMs: 5_000, what: "dave gets the message live" });
    expect(got[0]!.seq).toBe(ack.seq);
  } finally {
    store.append = realAppend;
  }
});
