// Three gateway PROCESSES on the shared Redis (unique key prefix): what a cluster adds over one
// node. Cross-node 1:1 and group delivery, presence answered across nodes, dedupe when the retry
// lands on another node, seq order under concurrent senders on different nodes, typing relayed
// but never stored, and a membership change on one node enforced on another (cache invalidation).
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { ErrorCode, ServerError, type ClientEvents, type Message, type SendAck, type SwitchboardClient } from "../../src/client/index.js";
import { inbox, nextEvent as nextClientEvent } from "../helpers/clients.js";
import { ClientPool, startCluster, type Cluster } from "../helpers/cluster.js";
import { RawConnection } from "../helpers/raw.js";
import { waitFor } from "../helpers/wait.js";

let cluster: Cluster;
let pool: ClientPool;
const raws: RawConnection[] = [];
const run = randomBytes(3).toString("hex");
/** A user id unique to this run (the prefix is unique too; this keeps failure output readable). */
const user = (name: string): string => `${name}-${run}`;
const dm = (a: string, b: string): string => (a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`);
const text = (m: Message): string => new TextDecoder().decode(m.body);

beforeAll(async () => {
  // Presence is polled in wait loops far faster than a client would: no request limit either.
  cluster = await startCluster({
    nodes: 3,
    env: { SEND_RATE_PER_SEC: "10000", SEND_BURST: "10000", REQUEST_RATE_PER_SEC: "10000", REQUEST_BURST: "10000" },
  });
  pool = new ClientPool((u, o) => cluster.token(u, o));
});

beforeEach(() => {
  // The nodes' logs explain most failures (a crash, a Redis error): print them with the failure.
  onTestFailed(() => console.error(cluster.output()));
});

afterEach(async () => {
  await pool.closeAll();
  for (const r of raws.splice(0)) r.close();
  // No node died during the test (a crash would show in its output).
  expect(cluster.nodes.filter((n) => !n.alive).map((n) => `${n.nodeId} exited:\n${n.output().slice(-4000)}`)).toEqual([]);
  const errors = pool.errors.splice(0);
  expect(errors.map((e) => `${e.user}: ${e.error.name}: ${e.error.message}`)).toEqual([]);
});

afterAll(async () => {
  await pool?.closeAll();
  await cluster?.stopAll();
});

const node = (i: number) => cluster.nodes[i]!;

/** The next event of a kind (matching `pred`); cluster hops get 10 s. */
const nextEvent = <K extends keyof ClientEvents>(
  c: SwitchboardClient,
  event: K,
  pred?: (v: ClientEvents[K]) => boolean,
): Promise<ClientEvents[K]> => nextClientEvent(c, event, pred, 10_000);

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("cluster: 3 gateway processes on one Redis", () => {
  it("starts distinct nodes, each reporting itself in the welcome", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const c = await pool.connect(node(i).url, user(`w${i}`));
      ids.add(c.welcome!.nodeId);
      expect(c.welcome!.nodeId).toBe(node(i).nodeId);
    }
    expect(ids.size).toBe(3);
  });

  it("exposes the Redis engine's round trips and commands on /metrics", async () => {
    const text = await (await fetch(`${node(0).http}/metrics`)).text();
    const value = (name: string): number =>
      Number(/^(\S+) (\S+)$/m.exec(text.split("\n").find((l) => l.startsWith(`${name} `)) ?? "")?.[2]);
    // Start-up alone (subscribe, presence registration, heartbeats) went through the batcher.
    expect(value("sb_redis_round_trips_total")).toBeGreaterThan(0);
    expect(value("sb_redis_commands_total")).toBeGreaterThanOrEqual(value("sb_redis_round_trips_total"));
    expect(value("sb_redis_presence_resyncs_total")).toBeGreaterThanOrEqual(1);
  });

  it("delivers 1:1 across nodes, both ways, and to the sender's other device on a third node", async () => {
    const [alice, bob] = [user("alice"), user("bob")];
    const conv = dm(alice, bob);
    const a = await pool.connect(node(0).url, alice, { device: "phone" });
    const aLaptop = await pool.connect(node(2).url, alice, { device: "laptop" });
    const b = await pool.connect(node(1).url, bob);
    const [aIn, aLaptopIn, bIn] = [inbox(a), inbox(aLaptop), inbox(b)];

    const ack1 = await a.send(conv, "hi bob");
    await waitFor(() => bIn.length === 1 && aLaptopIn.length === 1, { timeoutMs: 10_000, what: "bob and alice's laptop get it" });
    expect(bIn[0]).toMatchObject({ conversationId: conv, seq: ack1.seq, senderId: alice, senderDevice: "phone" });
    expect(text(bIn[0]!)).toBe("hi bob");
    expect(aLaptopIn[0]!.seq).toBe(ack1.seq);

    const ack2 = await b.send(conv, "hi alice");
    expect(ack2.seq).toBe(ack1.seq + 1);
    await waitFor(() => aIn.length === 1 && aLaptopIn.length === 2, { timeoutMs: 10_000, what: "alice's devices get the reply" });
    expect(text(aIn[0]!)).toBe("hi alice");
    expect(aIn[0]!.seq).toBe(ack2.seq);
    // The sender's own session never gets its own message pushed back.
    expect(bIn.length).toBe(1);
  });

  it("fans a group message out to members on every node", async () => {
    const [owner, m1, m2] = [user("gown"), user("gm1"), user("gm2")];
    const o = await pool.connect(node(0).url, owner);
    const c1 = await pool.connect(node(1).url, m1);
    const c2 = await pool.connect(node(2).url, m2);
    const pushes = [nextEvent(c1, "group"), nextEvent(c2, "group")];
    const g = await o.createGroup("cross-node", [m1, m2]);
    for (const p of await Promise.all(pushes)) expect(p.conversationId).toBe(g.conversationId);
    const [oIn, in1, in2] = [inbox(o), inbox(c1), inbox(c2)];

    const ack = await o.send(g.conversationId, "to all");
    await waitFor(() => in1.length === 1 && in2.length === 1, { timeoutMs: 10_000, what: "members on nodes 1 and 2" });
    for (const m of [in1[0]!, in2[0]!]) expect(m).toMatchObject({ seq: ack.seq, senderId: owner, conversationId: g.conversationId });

    const ack2 = await c2.send(g.conversationId, "from node 2");
    await waitFor(() => oIn.length === 1 && in1.length === 2, { timeoutMs: 10_000, what: "owner and member 1" });
    expect(oIn[0]!.seq).toBe(ack2.seq);
    expect(in1[1]!.seq).toBe(ack2.seq);
    expect(in2.length).toBe(1);
  });

  it("answers presence across nodes and follows connects and disconnects on other nodes", async () => {
    const [asker, target] = [user("asker"), user("target")];
    const q = await pool.connect(node(0).url, asker);
    const sessions = async (): Promise<number> => (await q.presence([target]))[0]!.sessions;
    expect(await sessions()).toBe(0);

    const t1 = await pool.connect(node(1).url, target, { device: "phone" });
    await waitFor(async () => (await sessions()) === 1, { timeoutMs: 10_000, what: "1 session seen from node 0" });
    const t2 = await pool.connect(node(2).url, target, { device: "laptop" });
    await waitFor(async () => (await sessions()) === 2, { timeoutMs: 10_000, what: "2 sessions on 2 nodes seen from node 0" });
    const [p] = await q.presence([target]);
    expect(p).toMatchObject({ userId: target, online: true, sessions: 2 });

    await t1.close();
    await waitFor(async () => (await sessions()) === 1, { timeoutMs: 10_000, what: "node 1's session gone" });
    await t2.close();
    await waitFor(async () => (await q.presence([target]))[0]!.online === false, { timeoutMs: 10_000, what: "offline" });
  });

  it("dedupes a retry that lands on another node: same seq, duplicate=true, delivered once", async () => {
    const [sender, rcpt] = [user("dsend"), user("drcpt")];
    const conv = dm(sender, rcpt);
    // The recipient on the wire (no client-side dedupe): it must see exactly one copy.
    const r = await RawConnection.open(`${node(2).url}?token=${await cluster.token(rcpt)}`);
    raws.push(r);
    await r.next((f) => f.body === "welcome", 10_000);
    // Wait until the recipient is routable from node 0.
    const probe = await pool.connect(node(0).url, user("dprobe"));
    await waitFor(async () => (await probe.presence([rcpt]))[0]!.online, { timeoutMs: 10_000, what: "recipient registered" });

    const clientMsgId = `retry-${run}`;
    const first = await pool.connect(node(0).url, sender);
    const ack1 = await first.send(conv, "once", { clientMsgId });
    expect(ack1.duplicate).toBe(false);
    // The device lost the ack (as far as it knows), reconnects to another node and retries.
    await first.close();
    const second = await pool.connect(node(1).url, sender);
    const ack2 = await second.send(conv, "once", { clientMsgId });
    expect(ack2).toMatchObject({ seq: ack1.seq, messageId: ack1.messageId, duplicate: true, conversationId: conv });

    // A marker sent after the retry, through the same node: anything the retry fanned out is ahead of it.
    const marker = await second.send(conv, "marker");
    expect(marker.seq).toBe(ack1.seq + 1);
    await r.next((f) => f.body === "message" && f.message!.seq === marker.seq, 10_000, "the marker");
    const copies = r.frames.filter((f) => f.body === "message" && f.message!.clientMsgId === clientMsgId);
    expect(copies.length).toBe(1);
    expect(copies[0]!.message!.seq).toBe(ack1.seq);
  });

  it("keeps seq order for every member under concurrent senders on different nodes (no gaps)", async () => {
    const PER_SENDER = 150;
    const senders = [0, 1, 2].map((i) => user(`os${i}`));
    const readers = [0, 1, 2].map((i) => user(`or${i}`));
    const owner = await pool.connect(node(0).url, senders[0]!);
    const g = await owner.createGroup("order", [...senders.slice(1), ...readers]);
    const sc = [owner, await pool.connect(node(1).url, senders[1]!), await pool.connect(node(2).url, senders[2]!)];
    const rc = await Promise.all(readers.map((u, i) => pool.connect(node(i).url, u)));
    // Everyone routable before the burst (presence registration is asynchronous to the welcome).
    await waitFor(async () => (await owner.presence([...senders, ...readers])).every((p) => p.online), {
      timeoutMs: 10_000,
      what: "all members online",
    });
    const inboxes = [...sc, ...rc].map(inbox);

    // All senders at once, interleaved, each on its own node.
    const acks: SendAck[][] = [[], [], []];
    const sends: Promise<void>[] = [];
    for (let k = 0; k < PER_SENDER; k++) {
      sc.forEach((c, i) => sends.push(c.send(g.conversationId, `s${i}-${k}`).then((a) => void acks[i]!.push(a))));
    }
    await Promise.all(sends);
    const total = 3 * PER_SENDER;
    const allSeqs = acks.flat().map((a) => a.seq);
    expect(new Set(allSeqs).size).toBe(total);
    expect(Math.min(...allSeqs)).toBe(1);
    expect(Math.max(...allSeqs)).toBe(total);

    const expected = (i: number): number => (i < 3 ? total - PER_SENDER : total);
    await waitFor(() => inboxes.every((box, i) => box.length === expected(i)), {
      timeoutMs: 20_000,
      what: `every member's messages (${inboxes.map((b) => b.length).join(",")})`,
    });
    inboxes.forEach((box, i) => {
      const seqs = box.map((m) => m.seq);
      for (let j = 1; j < seqs.length; j++) expect(seqs[j]!).toBeGreaterThan(seqs[j - 1]!);
      // Received plus own acks = exactly 1..total: no gap, no duplicate.
      const own = i < 3 ? acks[i]!.map((a) => a.seq) : [];
      const union = [...seqs, ...own].sort((x, y) => x - y);
      expect(union).toEqual(Array.from({ length: total }, (_, j) => j + 1));
      // The body matches what its sender sent with that seq.
      for (const m of box) {
        const s = Number(text(m).slice(1, text(m).indexOf("-")));
        expect(acks[s]!.some((a) => a.seq === m.seq && a.clientMsgId === m.clientMsgId)).toBe(true);
      }
    });
  });

  it("relays typing across nodes without storing it", async () => {
    const [a, b] = [user("ta"), user("tb")];
    const conv = dm(a, b);
    const ca = await pool.connect(node(0).url, a);
    const cb = await pool.connect(node(1).url, b);
    await waitFor(async () => (await ca.presence([b]))[0]!.online, { timeoutMs: 10_000, what: "b routable" });
    const typing = nextEvent(cb, "typing");
    ca.typing(conv);
    expect(await typing).toMatchObject({ conversationId: conv, userId: a });
    // Nothing stored: the first message of the conversation still gets seq 1, and a full sync
    // from 0 returns that message only.
    const ack = await ca.send(conv, "after typing");
    expect(ack.seq).toBe(1);
    const fresh = await pool.connect(node(2).url, b, { device: "tablet" });
    const got = inbox(fresh);
    await fresh.sync([{ conversationId: conv, afterSeq: 0 }]);
    expect(got.map((m) => [m.seq, text(m)])).toEqual([[1, "after typing"]]);
  });

  it("enforces on node B a membership change made on node A", async () => {
    const [owner, x, y] = [user("mo"), user("mx"), user("my")];
    const o = await pool.connect(node(0).url, owner);
    const cx = await pool.connect(node(1).url, x);
    const cy = await pool.connect(node(2).url, y);
    const g = await o.createGroup("members", [x]);
    const conv = g.conversationId;
    // Warm both other nodes' group caches: x may send, y may not.
    await cx.send(conv, "x is in");
    const refused = await rejection(cy.send(conv, "y is not in"));
    expect(refused).toBeInstanceOf(ServerError);
    expect((refused as ServerError).code).toBe(ErrorCode.FORBIDDEN);

    // Removed on node 0: node 1 refuses x's next send once x has been told.
    const xTold = nextEvent(cx, "group", (p) => p.conversationId === conv && !p.memberIds.includes(x));
    await o.removeMembers(conv, [x]);
    await xTold;
    const err = await rejection(cx.send(conv, "x after removal"));
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).code).toBe(ErrorCode.FORBIDDEN);

    // Added on node 0: node 2 accepts y's send and delivers to y.
    const yTold = nextEvent(cy, "group", (p) => p.conversationId === conv && p.memberIds.includes(y));
    await o.addMembers(conv, [y]);
    await yTold;
    const yIn = inbox(cy);
    const ack = await cy.send(conv, "y is in now");
    expect(ack.seq).toBeGreaterThan(0);
    const fromOwner = await o.send(conv, "welcome y");
    await waitFor(() => yIn.some((m) => m.seq === fromOwner.seq), { timeoutMs: 10_000, what: "y receives group traffic" });

    // x, no longer a member, receives nothing more of the conversation on node 1.
    const xIn = inbox(cx);
    const marker = await o.send(conv, "x must not see this");
    await waitFor(() => yIn.some((m) => m.seq === marker.seq), { timeoutMs: 10_000, what: "y receives the marker" });
    expect(xIn.length).toBe(0);
  });
});
