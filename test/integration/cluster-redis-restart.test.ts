// Redis dies and comes back under two gateway PROCESSES, on a private redis-server this file
// starts on a free port (never the shared one). While it is down: sends get a retryable
// UNAVAILABLE at once, /readyz says 503, the processes stay up. Once it is back on the same port,
// with no restart of any gateway: /readyz 200, presence re-registered (the new Redis is empty),
// cross-node delivery works, and a client that kept its connection sends again.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import type { Message, SwitchboardClient } from "../../src/client/index.js";
import { ErrorCode } from "../../src/protocol/codes.js";
import { freePort, PrivateRedis } from "../contract/redis-fixtures.js";
import { ClientPool, httpStatus, startCluster, type Cluster } from "../helpers/cluster.js";
import { RawConnection } from "../helpers/raw.js";
import { waitFor } from "../helpers/wait.js";

let redis: PrivateRedis;
let cluster: Cluster;
let pool: ClientPool;
const raws: RawConnection[] = [];
const run = randomBytes(3).toString("hex");
const user = (name: string): string => `${name}-${run}`;
const dm = (a: string, b: string): string => (a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`);

beforeAll(async () => {
  redis = new PrivateRedis(await freePort());
  await redis.start();
  // Presence is polled in wait loops far faster than a client would: no request limit.
  cluster = await startCluster({
    nodes: 2,
    redisUrl: redis.url,
    env: { PRESENCE_TTL_MS: "3000", REQUEST_RATE_PER_SEC: "10000", REQUEST_BURST: "10000" },
  });
  pool = new ClientPool((u, o) => cluster.token(u, o));
});

beforeEach(() => {
  onTestFailed(() => console.error(cluster.output()));
});

afterAll(async () => {
  await pool?.closeAll();
  for (const r of raws.splice(0)) r.close();
  // The private server goes away whole: no keys to clean up.
  await cluster?.stopAll({ keepKeys: true });
  await redis?.kill();
});

function inbox(c: SwitchboardClient): Message[] {
  const got: Message[] = [];
  c.on("message", (m) => got.push(m));
  return got;
}

describe("cluster: Redis restart under running gateway processes", () => {
  it("answers retryable errors while Redis is down and recovers by itself once it is back", async () => {
    const [n0, n1] = [cluster.nodes[0]!, cluster.nodes[1]!];
    const [alice, bob, carol, dave] = [user("alice"), user("bob"), user("carol"), user("dave")];
    const a = await pool.connect(n0.url, alice);
    const b = await pool.connect(n1.url, bob);
    const c = await pool.connect(n1.url, carol);
    const [bIn, cIn, aIn] = [inbox(b), inbox(c), inbox(a)];
    await waitFor(async () => (await a.presence([bob, carol])).every((p) => p.online), { timeoutMs: 10_000, what: "bob, carol routable" });
    const before = await a.send(dm(alice, bob), "before the outage");
    await waitFor(() => bIn.some((m) => m.seq === before.seq), { timeoutMs: 10_000, what: "delivery before the outage" });
    const raw = await RawConnection.open(`${n0.url}?token=${await cluster.token(user("raw"))}`);
    raws.push(raw);
    await raw.next((f) => f.body === "welcome", 10_000);
    for (const n of [n0, n1]) expect(await httpStatus(`${n.http}/readyz`)).toBe(200);

    // ---- Redis down.
    await redis.kill();
    for (const n of [n0, n1]) {
      await waitFor(async () => (await httpStatus(`${n.http}/readyz`)) === 503, { timeoutMs: 10_000, what: `${n.nodeId} /readyz 503` });
    }
    // A send is answered at once with a retryable UNAVAILABLE (well within the client's resend timer).
    raw.send({ reqId: 7, send: { clientMsgId: `outage-${run}`, conversationId: dm(user("raw"), alice), body: new Uint8Array([1]) } });
    const err = await raw.next((f) => f.body === "error" && f.reqId === 7, 3000, "the send's error");
    expect(err.error).toMatchObject({ code: ErrorCode.UNAVAILABLE, retryable: true, clientMsgId: `outage-${run}` });
    // A client that keeps its connection: its send waits in the outbox, retried with backoff.
    const pending = a.send(dm(alice, carol), "sent during the outage");
    // A client connecting during the outage (auth needs no Redis): registered once Redis is back.
    const d = await pool.connect(n1.url, dave);
    // The processes stay up and alive.
    for (const n of [n0, n1]) {
      expect(n.alive).toBe(true);
      expect(await httpStatus(`${n.http}/healthz`)).toBe(200);
    }
    expect(a.state).toBe("open");

    // ---- Redis back, empty (no persistence), same port. Nothing restarts the gateways.
    await redis.start();
    for (const n of [n0, n1]) {
      await waitFor(async () => (await httpStatus(`${n.http}/readyz`)) === 200, { timeoutMs: 20_000, what: `${n.nodeId} /readyz 200` });
    }
    // Presence re-registered by node 1 (the new Redis had none of it), seen from node 0.
    await waitFor(async () => (await a.presence([bob, carol, dave])).every((p) => p.online), {
      timeoutMs: 15_000,
      what: "node 1's sessions re-registered",
    });
    // The send that waited through the outage is acked. Its live push may have missed carol: the
    // retry can be stored before node 1 has re-registered carol in the (empty) new Redis. Acked
    // means stored, so carol recovers it by sync (a client syncs on its next gap or reconnect).
    const late = await pending;
    expect(late.duplicate).toBe(false);
    await c.sync([{ conversationId: dm(alice, carol), afterSeq: 0 }]);
    await waitFor(() => cIn.some((m) => m.clientMsgId === late.clientMsgId), { timeoutMs: 10_000, what: "carol has the late send" });
    // Cross-node delivery both ways, on conversations the new Redis has no seqs for yet.
    const toDave = await a.send(dm(alice, dave), "hello dave");
    const dIn = inbox(d);
    const fromDave = await d.send(dm(alice, dave), "hello alice");
    expect(fromDave.seq).toBe(toDave.seq + 1);
    await waitFor(() => aIn.some((m) => m.clientMsgId === fromDave.clientMsgId), { timeoutMs: 10_000, what: "alice gets dave's reply" });
    await d.sync([{ conversationId: dm(alice, dave), afterSeq: 0 }]);
    expect(dIn.some((m) => m.seq === toDave.seq) || d.cursor(dm(alice, dave)) >= toDave.seq).toBe(true);
    // The raw connection, kept through the outage, is served again too.
    raw.send({ reqId: 8, send: { clientMsgId: `after-${run}`, conversationId: dm(user("raw"), alice), body: new Uint8Array([2]) } });
    const ack = await raw.next((f) => (f.body === "sendAck" || f.body === "error") && f.reqId === 8, 10_000, "the send's reply");
    expect(ack.body).toBe("sendAck");
    for (const n of [n0, n1]) expect(n.alive).toBe(true);
    expect(b.state).toBe("open");
  });
});
