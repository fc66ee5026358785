// A gateway crash loses nothing acked. Three gateway processes on the shared Redis; clients send
// on every node; node 2 is SIGKILLed mid-traffic. Recipients that were on node 2 reconnect to the
// surviving nodes (a new client with the same cursor store), everyone syncs, and then every
// recipient holds every acked message: zero lost, zero gaps, no duplicate after client-side
// dedupe by (conversation, seq). The crashed node's presence entries disappear within
// PRESENCE_TTL_MS (plus slack), as seen by a presence query on another node.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { MemoryCursorStore, type SendAck, type SwitchboardClient } from "../../src/client/index.js";
import { ClientPool, startCluster, type Cluster } from "../helpers/cluster.js";
import { waitFor } from "../helpers/wait.js";

const PRESENCE_TTL_MS = 3000;
/** Slack over the TTL for the presence check: heartbeat period, a loaded machine, polling. */
const PRESENCE_SLACK_MS = 7000;
/** Acked messages before the kill, and acked by the survivors after it. */
const BEFORE_KILL = 150;
const AFTER_KILL = 150;

let cluster: Cluster;
let pool: ClientPool;
const run = randomBytes(3).toString("hex");
const user = (name: string): string => `${name}-${run}`;
const dm = (a: string, b: string): string => (a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`);

beforeAll(async () => {
  cluster = await startCluster({
    nodes: 3,
    // The test polls presence (waitFor) far faster than a client would.
    env: {
      PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
      SEND_RATE_PER_SEC: "10000",
      SEND_BURST: "10000",
      REQUEST_RATE_PER_SEC: "10000",
      REQUEST_BURST: "10000",
    },
  });
  pool = new ClientPool((u, o) => cluster.token(u, o));
});

beforeEach(() => {
  onTestFailed(() => console.error(cluster.output()));
});

afterAll(async () => {
  await pool?.closeAll();
  await cluster?.stopAll();
});

/** What one recipient got, across all its client instances (they share `cursors`). */
class Recipient {
  readonly cursors = new MemoryCursorStore();
  /** conversation -> seq -> client_msg_id */
  readonly got = new Map<string, Map<number, string>>();
  duplicates: string[] = [];
  client!: SwitchboardClient;

  constructor(
    readonly userId: string,
    readonly conversations: string[],
  ) {}

  attach(c: SwitchboardClient): SwitchboardClient {
    this.client = c;
    c.on("message", (m) => {
      let seqs = this.got.get(m.conversationId);
      if (seqs === undefined) this.got.set(m.conversationId, (seqs = new Map()));
      // The client dedupes by (conversation, seq); across instances the shared cursor store must too.
      if (seqs.has(m.seq)) this.duplicates.push(`${m.conversationId}#${m.seq}`);
      seqs.set(m.seq, m.clientMsgId);
    });
    return c;
  }

  /** Own sends count as received (the server never pushes them back to the sending session). */
  own(ack: SendAck): void {
    let seqs = this.got.get(ack.conversationId);
    if (seqs === undefined) this.got.set(ack.conversationId, (seqs = new Map()));
    seqs.set(ack.seq, ack.clientMsgId);
  }
}

function count(rec: Recipient): number {
  let n = 0;
  for (const seqs of rec.got.values()) n += seqs.size;
  return n;
}

describe("cluster: kill -9 one of 3 gateway processes while clients send", () => {
  it("loses no acked message: recipients reconnect to survivors, sync, and have every seq exactly once", async () => {
    const [n0, n1, n2] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const s = [user("s0"), user("s1"), user("s2")] as const;
    const r = [user("r0"), user("r1"), user("r2a"), user("r2b")] as const;

    // Group of everyone but s2 as a recipient (s2 only sends, from the node that dies).
    const owner = pool.create(n0.url, s[0]);
    await owner.connect();
    const group = (await owner.createGroup("crash", [s[1], s[2], ...r])).conversationId;
    const convs = {
      g: group,
      s0r2a: dm(s[0], r[2]),
      s1r2b: dm(s[1], r[3]),
      s2r0: dm(s[2], r[0]),
      s0r1: dm(s[0], r[1]),
    };
    const recipients = [
      new Recipient(s[0], [convs.g, convs.s0r2a, convs.s0r1]),
      new Recipient(s[1], [convs.g, convs.s1r2b]),
      new Recipient(r[0], [convs.g, convs.s2r0]),
      new Recipient(r[1], [convs.g, convs.s0r1]),
      new Recipient(r[2], [convs.g, convs.s0r2a]),
      new Recipient(r[3], [convs.g, convs.s1r2b]),
    ];
    const byUser = new Map(recipients.map((x) => [x.userId, x]));
    // s0 is the owner client already made; the others connect with their cursor stores.
    await owner.close();
    const homes: [string, string][] = [
      [s[0], n0.url],
      [s[1], n1.url],
      [r[0], n0.url],
      [r[1], n1.url],
      [r[2], n2.url],
      [r[3], n2.url],
    ];
    for (const [u, url] of homes) {
      const rec = byUser.get(u)!;
      await rec.attach(pool.create(url, u, { cursors: rec.cursors })).connect();
    }
    const s2 = await pool.connect(n2.url, s[2]);
    const probe = byUser.get(r[0])!.client;
    await waitFor(async () => (await probe.presence([...s, ...r])).every((p) => p.online), {
      timeoutMs: 15_000,
      what: "every client routable",
    });

    // Closed-loop senders, two lanes each: send, await the ack, send the next.
    const senderOf = (i: number): string => s[i]!;
    const acked: SendAck[] = [];
    let survivorsAcked = 0;
    let stop = false;
    const senders: { client: SwitchboardClient; convs: string[]; survivor: boolean }[] = [
      { client: byUser.get(s[0])!.client, convs: [convs.g, convs.s0r2a, convs.s0r1], survivor: true },
      { client: byUser.get(s[1])!.client, convs: [convs.g, convs.s1r2b], survivor: true },
      { client: s2, convs: [convs.g, convs.s2r0], survivor: false },
    ];
    const lanes = senders.flatMap((snd, i) =>
      [0, 1].map(async (lane) => {
        for (let k = 0; !stop; k++) {
          const conv = snd.convs[(k + lane) % snd.convs.length]!;
          let ack: SendAck;
          try {
            ack = await snd.client.send(conv, `s${i}-l${lane}-${k}`);
          } catch {
            // Only s2's sends fail (its node died, its client was closed): they were never acked.
            if (snd.survivor) throw new Error(`a survivor's send failed: s${i}`);
            return;
          }
          acked.push(ack);
          byUser.get(senderOf(i))?.own(ack);
          if (snd.survivor) survivorsAcked += 1;
        }
      }),
    );
    const sending = Promise.all(lanes);

    await waitFor(() => acked.length >= BEFORE_KILL, { timeoutMs: 20_000, what: `${BEFORE_KILL} acks before the kill` });
    const killedAt = performance.now();
    const exit = await n2.kill("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");
    // s2's client would retry its dead node forever: close it (its unacked sends reject).
    await s2.close();
    const survivorsAtKill = survivorsAcked;
    await waitFor(() => survivorsAcked >= survivorsAtKill + AFTER_KILL, {
      timeoutMs: 20_000,
      what: `${AFTER_KILL} more acks from the survivors after the kill`,
    });
    stop = true;
    await sending;

    // The crashed node's entries disappear within the TTL (+ slack), seen from node 0.
    const gone = [r[2], r[3], s[2]];
    await waitFor(async () => (await probe.presence(gone)).every((p) => !p.online), {
      timeoutMs: PRESENCE_TTL_MS + PRESENCE_SLACK_MS,
      what: "node 2's presence entries to expire",
    });
    const expiredAfterMs = performance.now() - killedAt;
    expect(expiredAfterMs).toBeLessThan(PRESENCE_TTL_MS + PRESENCE_SLACK_MS);
    // Users on the surviving nodes are still online.
    expect((await probe.presence([r[0], r[1], s[0], s[1]])).every((p) => p.online)).toBe(true);

    // Node 2's recipients reconnect to the survivors with their cursor stores (new clients).
    const heldBefore = new Map<string, number>();
    for (const [u, url] of [
      [r[2], n0.url],
      [r[3], n1.url],
    ] as const) {
      const rec = byUser.get(u)!;
      await rec.client.close();
      heldBefore.set(u, count(rec));
      await rec.attach(pool.create(url, u, { cursors: rec.cursors })).connect();
    }
    // Everyone syncs (a message acked by node 2 may have died with it before its fan-out).
    for (const rec of recipients) await rec.client.sync();

    // Every acked message is at its recipients, under its seq.
    const head = new Map<string, number>();
    for (const a of acked) head.set(a.conversationId, Math.max(head.get(a.conversationId) ?? 0, a.seq));
    const problems: string[] = [];
    for (const rec of recipients) {
      problems.push(...rec.duplicates.map((d) => `${rec.userId}: duplicate ${d}`));
      for (const conv of rec.conversations) {
        const got = rec.got.get(conv) ?? new Map<number, string>();
        const max = Math.max(head.get(conv) ?? 0, ...got.keys());
        for (let seq = 1; seq <= max; seq++) if (!got.has(seq)) problems.push(`${rec.userId}: ${conv} missing seq ${seq} (gap or loss)`);
        for (const a of acked) {
          if (a.conversationId !== conv) continue;
          const id = got.get(a.seq);
          if (id !== a.clientMsgId) problems.push(`${rec.userId}: ${conv}#${a.seq} is ${id ?? "missing"}, acked as ${a.clientMsgId}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // Node 2's recipients did catch up through the survivors (what was sent after the kill).
    for (const u of [r[2], r[3]]) expect(count(byUser.get(u)!)).toBeGreaterThan(heldBefore.get(u)!);
    // The test did exercise the crash: traffic on every conversation, before and after.
    expect(acked.length).toBeGreaterThanOrEqual(BEFORE_KILL + AFTER_KILL);
    for (const conv of Object.values(convs)) expect(head.get(conv) ?? 0).toBeGreaterThan(0);
    // Client-side errors: none but what closing s2 and the old node-2 clients may cause.
    expect(pool.errors.map((e) => `${e.user}: ${e.error.name}: ${e.error.message}`)).toEqual([]);
    expect(n0.alive && n1.alive).toBe(true);
  });
});
