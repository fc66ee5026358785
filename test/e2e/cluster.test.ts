// End to end through `npm run cluster`'s topology (startCluster): nginx in front of 3 gateway
// processes, a persister process, Redis and MySQL. Clients (the client library over `ws`) spread
// over the nodes exchange 1:1 and group messages; then one node is drained under traffic: its
// clients get goaway, reconnect through nginx to the other nodes, and nothing acked is lost
// (live or after sync), in Redis or in MySQL.
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import WebSocket from "ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { SwitchboardClient, type Message, type SendAck, type WebSocketCtor } from "../../src/client/index.js";
import { startCluster, type Cluster } from "../../src/main/cluster.js";
import { formatMysqlUrl, parseMysqlUrl } from "../../src/persistence/mysql-url.js";
import { cleanupRun } from "../../load/run-cleanup.js";
import { waitFor } from "../helpers/wait.js";

const MYSQL_BASE = process.env.TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/switchboard_test";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const TAG = `sbe2e_${randomBytes(4).toString("hex")}`;
const DATABASE = TAG;
const MYSQL_URL = formatMysqlUrl({ ...parseMysqlUrl(MYSQL_BASE), database: DATABASE });

/** One connected user: what it received (deduped by the client), where it is, what it saw. */
interface Peer {
  user: string;
  client: SwitchboardClient;
  /** conversation -> seqs received via "message" events. */
  received: Map<string, Set<number>>;
  /** (conversation, seq) delivered twice by the client: must stay 0 (it dedupes). */
  duplicates: number;
  /** node_id of every welcome, in order. */
  nodes: string[];
  goaways: number;
  /** Close code and reason of every connection that ended (for failure output). */
  closes: string[];
  errors: Error[];
}

let cluster: Cluster;
const peers: Peer[] = [];
const unexpectedExits: string[] = [];
const childOutput: string[] = [];

beforeAll(async () => {
  cluster = await startCluster({
    nodes: 3,
    port: 0,
    persisters: 1,
    mysqlUrl: MYSQL_URL,
    redisUrl: REDIS_URL,
    redisPrefix: `${TAG}:`,
    output: (name, line) => {
      childOutput.push(`${name} | ${line}`);
      if (childOutput.length > 400) childOutput.shift();
    },
    env: {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      // Fast drain for the test: clients come back within ~0.1-0.3 s, waves within 1 s.
      GOAWAY_RECONNECT_MS: "200",
      DRAIN_TIMEOUT_MS: "1000",
      SEND_RATE_PER_SEC: "1000",
      SEND_BURST: "1000",
    },
    onUnexpectedExit: (name, code, signal, tail) => unexpectedExits.push(`${name} code ${code} signal ${signal}:\n${tail.join("\n")}`),
  });
}, 90_000);

afterAll(async () => {
  await Promise.all(peers.map((p) => p.client.close()));
  const stopped = await cluster?.stop();
  await cleanupRun(REDIS_URL, MYSQL_URL, TAG);
  expect(unexpectedExits).toEqual([]);
  // Every process drained and exited 0 (nginx exits 0 on SIGTERM too).
  expect(stopped?.exits.filter((e) => e.code !== 0)).toEqual([]);
}, 90_000);

beforeEach(() => {
  // The processes' logs and each peer's view explain most failures (a drain that lost a frame).
  onTestFailed(() => {
    console.error(childOutput.join("\n"));
    for (const p of peers)
      console.error(
        `${p.user}: state ${p.client.state}, nodes ${p.nodes.join(" > ")}, goaways ${p.goaways}, closes ${p.closes.join("; ")}, errors ${p.errors.map((e) => e.message).join("; ")}`,
      );
  });
});

async function connectPeer(user: string): Promise<Peer> {
  const client = new SwitchboardClient({
    url: cluster.lbUrl,
    token: () => cluster.token(user, "phone"),
    WebSocket: WebSocket as unknown as WebSocketCtor,
    reconnect: { minDelayMs: 50, maxDelayMs: 500 },
    resendAfterMs: 2000,
  });
  const peer: Peer = { user, client, received: new Map(), duplicates: 0, nodes: [], goaways: 0, closes: [], errors: [] };
  client.on("message", (m: Message) => {
    let seqs = peer.received.get(m.conversationId);
    if (seqs === undefined) peer.received.set(m.conversationId, (seqs = new Set()));
    if (seqs.has(m.seq)) peer.duplicates += 1;
    seqs.add(m.seq);
  });
  client.on("open", (w) => peer.nodes.push(w.nodeId));
  client.on("goaway", () => (peer.goaways += 1));
  client.on("close", (c) => peer.closes.push(`${c.code} ${c.reason}`));
  client.on("error", (e) => peer.errors.push(e));
  await client.connect();
  peers.push(peer);
  return peer;
}

const dm = (a: string, b: string): string => `dm:${[a, b].sort().join(":")}`;
const has = (p: Peer, conversationId: string, seq: number): boolean => p.received.get(conversationId)?.has(seq) === true;
const currentNode = (p: Peer): string => p.nodes[p.nodes.length - 1]!;

describe("cluster end to end (nginx + 3 gateway processes + persister)", () => {
  it("spreads clients over the 3 nodes; 1:1 and group messages cross nodes", async () => {
    // least_conn: consecutive connections land on the node with the fewest.
    for (let i = 0; i < 6; i++) await connectPeer(`u${i}`);
    const nodeIds = new Set(peers.map(currentNode));
    expect(nodeIds).toEqual(new Set(cluster.nodes.map((n) => n.nodeId)));

    // 1:1: each peer writes to the next peer (in connection order) that sits on another node.
    const partner = (i: number): Peer => {
      for (let k = 1; k < peers.length; k++) {
        const q = peers[(i + k) % peers.length]!;
        if (currentNode(q) !== currentNode(peers[i]!)) return q;
      }
      throw new Error("all peers on one node");
    };
    const acks = await Promise.all(peers.map((p, i) => p.client.send(dm(p.user, partner(i).user), `hello from ${p.user}`)));
    for (const [i, ack] of acks.entries()) {
      const to = partner(i);
      await waitFor(() => has(to, ack.conversationId, ack.seq), {
        timeoutMs: 5000,
        what: `${to.user} receiving ${ack.conversationId}#${ack.seq}`,
      });
    }

    // A group with everybody: one message from each member reaches every other member.
    const group = await peers[0]!.client.createGroup(
      "all",
      peers.map((p) => p.user),
    );
    const groupAcks = await Promise.all(peers.map((p) => p.client.send(group.conversationId, `to all from ${p.user}`)));
    expect(new Set(groupAcks.map((a) => a.seq)).size).toBe(6);
    for (const p of peers) {
      await waitFor(() => groupAcks.every((a, i) => peers[i] === p || has(p, group.conversationId, a.seq)), {
        timeoutMs: 5000,
        what: `${p.user} receiving the group messages`,
      });
    }
    expect(peers.map((p) => p.duplicates)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("drains a node under traffic: goaway, reconnect via nginx to another node, nothing acked lost", async () => {
    expect(peers.length).toBe(6);
    const group = await peers[0]!.client.createGroup(
      "drain",
      peers.map((p) => p.user),
    );
    const acked: { ack: SendAck; from: Peer; to: Peer[] }[] = [];
    const failures: Error[] = [];
    const pending = new Set<Promise<unknown>>();
    let sending = true;
    let turn = 0;
    const send = (): void => {
      // Round robin over senders; every 4th message goes to the group, the rest 1:1.
      const i = turn++ % peers.length;
      const from = peers[i]!;
      const toGroup = turn % 4 === 0;
      const to = toGroup ? peers.filter((p) => p !== from) : [peers[(i + 1) % peers.length]!];
      const conversation = toGroup ? group.conversationId : dm(from.user, to[0]!.user);
      const p = from.client.send(conversation, `m${turn}`).then(
        (ack) => void acked.push({ ack, from, to }),
        (err: unknown) => void failures.push(err as Error),
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
    };
    // Traffic shape (not synchronisation): ~6 messages every 10 ms, across all peers.
    const traffic = setInterval(() => {
      if (sending) for (let k = 0; k < 6; k++) send();
    }, 10);

    try {
      await waitFor(() => acked.length >= 200, { timeoutMs: 10_000, what: "200 acks before the drain" });
      const victim = cluster.nodes.findIndex((n) => n.nodeId === currentNode(peers[0]!));
      const victimId = cluster.nodes[victim]!.nodeId;
      const onVictim = peers.filter((p) => currentNode(p) === victimId);
      expect(onVictim.length).toBeGreaterThan(0);
      const opensBefore = new Map(onVictim.map((p) => [p, p.nodes.length]));

      const exit = await cluster.stopNode(victim);
      expect(exit.code).toBe(0); // drained and exited cleanly

      for (const p of onVictim) {
        // The node's exit can reach this process before the frames it sent on the way out
        // (goaway, then close) are read: wait for the goaway, bounded.
        await waitFor(() => p.goaways > 0, { timeoutMs: 10_000, what: `${p.user} to get the goaway` });
        await waitFor(() => p.nodes.length > opensBefore.get(p)!, { timeoutMs: 10_000, what: `${p.user} reconnecting` });
        expect(currentNode(p)).not.toBe(victimId); // through nginx, to a live node
      }
      // Traffic keeps flowing after the move: the moved clients get acks on their new nodes.
      const after = acked.length;
      await waitFor(() => acked.length >= after + 200, { timeoutMs: 10_000, what: "200 more acks after the drain" });
    } finally {
      sending = false;
      clearInterval(traffic);
    }
    // Every send settles: acked (possibly after a resend on the new node), none rejected.
    await waitFor(() => pending.size === 0, { timeoutMs: 15_000, what: "every send settled" });
    expect(failures.map((e) => e.message)).toEqual([]);

    // Catch up what was in flight around the drain, then compare: every acked message reached
    // every recipient, exactly once after the client's dedupe.
    await Promise.all(peers.map((p) => p.client.sync()));
    const lost = acked.flatMap(({ ack, to }) =>
      to.filter((p) => !has(p, ack.conversationId, ack.seq)).map((p) => `${p.user}:${ack.conversationId}#${ack.seq}`),
    );
    expect(lost).toEqual([]);
    expect(peers.map((p) => p.duplicates)).toEqual([0, 0, 0, 0, 0, 0]);
    // One message per (conversation, seq): resends after the drain were deduped by the server.
    const keys = new Set(acked.map(({ ack }) => `${ack.conversationId}#${ack.seq}`));
    expect(keys.size).toBe(acked.length);

    // The drained node flushed its batches: every acked message reaches MySQL via the persister.
    const t = parseMysqlUrl(MYSQL_URL);
    const db = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password, database: t.database });
    try {
      let missing: string[] = [];
      await waitFor(
        async () => {
          const [rows] = await db.query<mysql.RowDataPacket[]>("SELECT conversation_id AS c, seq AS s FROM messages");
          const stored = new Set(rows.map((r) => `${String(r.c)}#${String(r.s)}`));
          missing = [...keys].filter((k) => !stored.has(k));
          return missing.length === 0;
        },
        { timeoutMs: 15_000, what: "every acked message in MySQL" },
      ).catch(() => undefined);
      expect(missing).toEqual([]);
    } finally {
      await db.end();
    }

    // The node comes back on the same port and id, and nginx routes to it again.
    const back = await cluster.startNode(cluster.nodes.findIndex((n) => n.pid === -1));
    expect(back.pid).toBeGreaterThan(0);
    const late = await connectPeer("late");
    expect(late.nodes.length).toBe(1);
    expect(peers.flatMap((p) => p.errors.map((e) => `${p.user}: ${e.message}`))).toEqual([]);
  }, 60_000);
});
