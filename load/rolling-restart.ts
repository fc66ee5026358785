// Rolling restart under load: starts the local cluster (src/main/cluster.ts: nginx + N gateway
// processes + persister), runs 1:1 chat through nginx with the client library (auto-reconnect
// on, goaway honoured), restarts every gateway one after another (SIGTERM -> drain -> exit ->
// start -> ready), stops the load, lets every client sync, and checks that no acked message is
// lost: not for its recipient (live or after sync), not in MySQL.
//
//   node --import tsx load/rolling-restart.ts [--nodes 3 --pairs 200 --rate 1000 --duration 60]
//
// Exit code 0 when nothing was lost, 1 otherwise.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import WebSocket from "ws";
import { SwitchboardClient, type WebSocketCtor } from "../src/client/index.js";
import { DEFAULT_MYSQL_URL, DEFAULT_REDIS_URL, startCluster, type Cluster } from "../src/main/cluster.js";
import { formatMysqlUrl, parseMysqlUrl } from "../src/persistence/mysql-url.js";
import { cleanupRun } from "./run-cleanup.js";

const USAGE = `usage: node --import tsx load/rolling-restart.ts [options]

  --nodes <n>        gateway processes (default 3)
  --pairs <n>        1:1 conversations, two clients each (default 200)
  --rate <n>         messages/s in total (default 1000)
  --duration <s>     load time (default 60); restarts begin after --warmup and must fit in it
  --warmup <s>       load before the first restart (default 5)
  --settle <s>       pause between one node being ready and the next restart (default 3)
  --port <port>      load balancer port (default 0: any free port)
  --redis <url>      default ${DEFAULT_REDIS_URL}
  --mysql <url>      server and credentials (default ${DEFAULT_MYSQL_URL}); a fresh database
                     named sbroll_<random> is used and dropped at the end
  --keep             keep the database and Redis keys
  --verbose          forward the cluster's logs
Environment for the nodes (ACK_MODE, GOAWAY_RECONNECT_MS, DRAIN_TIMEOUT_MS, ...) is passed through.
`;

interface Options {
  nodes: number;
  pairs: number;
  rate: number;
  durationS: number;
  warmupS: number;
  settleS: number;
  port: number;
  redisUrl: string;
  mysqlUrl: string;
  keep: boolean;
  verbose: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      nodes: { type: "string" },
      pairs: { type: "string" },
      rate: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      settle: { type: "string" },
      port: { type: "string" },
      redis: { type: "string" },
      mysql: { type: "string" },
      keep: { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const num = (name: string, v: string | undefined, def: number, min: number): number => {
    const n = v === undefined ? def : Number(v);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number >= ${min}, got ${JSON.stringify(v)}`);
    return n;
  };
  return {
    nodes: num("nodes", values.nodes, 3, 1),
    pairs: num("pairs", values.pairs, 200, 1),
    rate: num("rate", values.rate, 1000, 1),
    durationS: num("duration", values.duration, 60, 1),
    warmupS: num("warmup", values.warmup, 5, 0),
    settleS: num("settle", values.settle, 3, 0),
    port: num("port", values.port, 0, 0),
    redisUrl: values.redis ?? DEFAULT_REDIS_URL,
    mysqlUrl: values.mysql ?? DEFAULT_MYSQL_URL,
    keep: values.keep === true,
    verbose: values.verbose === true,
  };
}

/** One client of a pair. */
interface Peer {
  user: string;
  client: SwitchboardClient;
  partner: Peer | null;
  conversation: string;
  /** seqs received in `conversation` from the partner (client-side deduped deliveries). */
  received: Set<number>;
  /** seqs of this peer's own sends, from their send_acks. */
  acked: Set<number>;
  receivedLive: number;
  duplicates: number;
  /** When the last disconnect (that will reconnect) happened; null while connected. */
  downSince: number | null;
  reconnects: number;
  goaways: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const fmtMs = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const tag = `sbroll_${randomBytes(4).toString("hex")}`;
  const mysqlUrl = formatMysqlUrl({ ...parseMysqlUrl(o.mysqlUrl), database: tag });
  const out = (line: string): void => void process.stdout.write(line + "\n");
  const t0 = Date.now();
  const clock = (): string => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`;

  out(`rolling restart: ${o.nodes} nodes, ${o.pairs} pairs (${o.pairs * 2} clients), ${o.rate} msg/s for ${o.durationS} s`);
  const childExits: string[] = [];
  const cluster: Cluster = await startCluster({
    nodes: o.nodes,
    port: o.port,
    redisUrl: o.redisUrl,
    mysqlUrl,
    redisPrefix: `${tag}:`,
    nodeIdPrefix: "gw-",
    output: o.verbose ? "prefixed" : "silent",
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // One source address (127.0.0.1 behind nginx) for every client: no per-IP limit must bite.
      IP_CONNECT_RATE: process.env.IP_CONNECT_RATE ?? "100000",
      IP_CONNECT_BURST: process.env.IP_CONNECT_BURST ?? "100000",
    },
    onUnexpectedExit: (name, code, signal, tail) => {
      childExits.push(name);
      out(`${clock()} !! ${name} exited unexpectedly (code ${code}, signal ${signal})\n${tail.join("\n")}`);
    },
  });
  out(`${clock()} cluster up: ${cluster.lbUrl}  nodes ${cluster.nodes.map((n) => `${n.nodeId}(pid ${n.pid})`).join(" ")}`);

  // ------------------------------------------------------------------ clients
  const peers: Peer[] = [];
  const errors: string[] = [];
  const reconnectMs: number[] = [];
  const nodeOf = new Map<Peer, string>();
  /** "code reason" of every close the clients saw: why reconnects failed, if they did. */
  const closeReasons = new Map<string, number>();
  const topReasons = (): string =>
    [...closeReasons]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([r, n]) => `${n}x "${r}"`)
      .join(", ");
  const mkPeer = (user: string, conversation: string): Peer => {
    const client = new SwitchboardClient({
      url: cluster.lbUrl,
      token: () => cluster.token(user, "load"),
      WebSocket: WebSocket as unknown as WebSocketCtor,
      reconnect: { minDelayMs: 100, maxDelayMs: 5_000 },
    });
    const p: Peer = {
      user,
      client,
      partner: null,
      conversation,
      received: new Set(),
      acked: new Set(),
      receivedLive: 0,
      duplicates: 0,
      downSince: null,
      reconnects: 0,
      goaways: 0,
    };
    client.on("message", (m) => {
      if (m.conversationId !== p.conversation || m.senderId === p.user) return;
      if (p.received.has(m.seq)) p.duplicates += 1;
      else p.received.add(m.seq);
      if (syncing === false) p.receivedLive += 1;
    });
    client.on("open", (w) => {
      nodeOf.set(p, w.nodeId);
      if (p.downSince !== null) {
        reconnectMs.push(Date.now() - p.downSince);
        p.reconnects += 1;
        p.downSince = null;
      }
    });
    client.on("close", (c) => {
      if (c.willReconnect && p.downSince === null) p.downSince = Date.now();
      const why = `${c.code} ${c.reason}`.slice(0, 80);
      closeReasons.set(why, (closeReasons.get(why) ?? 0) + 1);
    });
    client.on("goaway", () => (p.goaways += 1));
    client.on("error", (e) => {
      if (errors.length < 20) errors.push(`${user}: ${e.name}: ${e.message}`);
    });
    return p;
  };
  for (let i = 0; i < o.pairs; i++) {
    const a = `r${i}a`;
    const b = `r${i}b`;
    const conversation = `dm:${[a, b].sort().join(":")}`;
    const pa = mkPeer(a, conversation);
    const pb = mkPeer(b, conversation);
    pa.partner = pb;
    pb.partner = pa;
    peers.push(pa, pb);
  }
  let syncing = false;
  await pool(peers, 50, async (p) => void (await p.client.connect()));
  out(`${clock()} ${peers.length} clients connected through nginx`);

  // ------------------------------------------------------------------ load
  let sent = 0;
  let ackedCount = 0;
  let failed = 0;
  const failures: string[] = [];
  let sending = true;
  let turn = 0;
  const tickMs = 10;
  let credit = 0;
  const loadTimer = setInterval(() => {
    if (!sending) return;
    credit += (o.rate * tickMs) / 1000;
    for (; credit >= 1; credit -= 1) {
      const p = peers[turn++ % peers.length]!;
      sent += 1;
      p.client.send(p.conversation, `m${sent}`).then(
        (ack) => {
          p.acked.add(ack.seq);
          ackedCount += 1;
        },
        (err: unknown) => {
          failed += 1;
          if (failures.length < 20) failures.push(`${p.user}: ${(err as Error).message}`);
        },
      );
    }
  }, tickMs);

  let phase = "warmup";
  let restarts = 0;
  let lastAcked = 0;
  const delivered = (): number => peers.reduce((n, p) => n + p.received.size, 0);
  const progress = setInterval(() => {
    const open = peers.filter((p) => p.client.state === "open").length;
    const perNode = new Map<string, number>();
    for (const p of peers) if (p.client.state === "open") perNode.set(nodeOf.get(p)!, (perNode.get(nodeOf.get(p)!) ?? 0) + 1);
    const spread = [...perNode]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([n, c]) => `${n}:${c}`)
      .join(" ");
    out(
      `${clock()} ${phase.padEnd(18)} sent ${sent}  acked ${ackedCount} (+${ackedCount - lastAcked}/s)  delivered ${delivered()}  ` +
        `open ${open}/${peers.length} [${spread}]  pending ${peers.reduce((n, p) => n + p.client.pendingSends, 0)}  restarts ${restarts}/${o.nodes}`,
    );
    lastAcked = ackedCount;
  }, 1000);

  const restartTimes: { nodeId: string; stopMs: number; startMs: number; exitCode: number | null }[] = [];
  let ok: boolean;
  try {
    const loadEnd = Date.now() + o.durationS * 1000;
    await new Promise((r) => setTimeout(r, o.warmupS * 1000)); // load shape: warm up before restarting
    for (let i = 0; i < o.nodes; i++) {
      const nodeId = cluster.nodes[i]!.nodeId;
      phase = `restart ${nodeId}`;
      out(`${clock()} -> SIGTERM ${nodeId} (pid ${cluster.nodes[i]!.pid})`);
      const s0 = Date.now();
      const exit = await cluster.stopNode(i);
      const s1 = Date.now();
      out(`${clock()} <- ${nodeId} exited with code ${exit.code} after ${fmtMs(s1 - s0)}; starting it again`);
      const back = await cluster.startNode(i);
      const s2 = Date.now();
      restarts += 1;
      restartTimes.push({ nodeId, stopMs: s1 - s0, startMs: s2 - s1, exitCode: exit.code });
      out(`${clock()} <- ${nodeId} ready again (pid ${back.pid}) after ${fmtMs(s2 - s1)}`);
      if (childExits.length > 0) throw new Error(`unexpected exits: ${childExits.join(", ")}`);
      phase = "settle";
      if (i < o.nodes - 1) await new Promise((r) => setTimeout(r, o.settleS * 1000));
    }
    phase = "load";
    const rest = loadEnd - Date.now();
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    else out(`${clock()} note: the restarts took ${fmtMs(-rest)} longer than --duration`);
    sending = false;
    clearInterval(loadTimer);
    phase = "waiting for acks";
    try {
      await waitUntil("every send acked", () => peers.every((p) => p.client.pendingSends === 0), 60_000);
      await waitUntil("every client connected", () => peers.every((p) => p.client.state === "open"), 30_000);
    } catch (err) {
      out(`${clock()} closes seen by the clients: ${topReasons()}`);
      throw err;
    }

    // ------------------------------------------------------------------ verify
    phase = "sync";
    syncing = true;
    await pool(peers, 50, (p) => p.client.sync([{ conversationId: p.conversation, afterSeq: 0 }]));
    phase = "checking MySQL";
    const ackedTotal = peers.reduce((n, p) => n + p.acked.size, 0);
    let lost = 0;
    const lostSamples: string[] = [];
    let deliveredAcked = 0;
    for (const p of peers) {
      // Every acked send of p must have reached its partner (live, or by the sync just done).
      for (const seq of p.acked) {
        if (p.partner!.received.has(seq)) deliveredAcked += 1;
        else {
          lost += 1;
          if (lostSamples.length < 10) lostSamples.push(`${p.conversation}#${seq}`);
        }
      }
    }
    const duplicates = peers.reduce((n, p) => n + p.duplicates, 0);
    const live = peers.reduce((n, p) => n + p.receivedLive, 0);

    // MySQL: the persister has every acked message (drained nodes flushed their batches).
    const t = parseMysqlUrl(mysqlUrl);
    const db = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password, database: t.database });
    let missingInDb = -1;
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [rows] = await db.query<mysql.RowDataPacket[]>("SELECT conversation_id AS c, seq AS s FROM messages");
        const stored = new Set(rows.map((r) => `${String(r.c)}#${String(r.s)}`));
        missingInDb = 0;
        for (const p of peers) for (const seq of p.acked) if (!stored.has(`${p.conversation}#${seq}`)) missingInDb += 1;
        if (missingInDb === 0 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      await db.end();
    }
    clearInterval(progress);

    const sorted = [...reconnectMs].sort((a, b) => a - b);
    const goaways = peers.reduce((n, p) => n + p.goaways, 0);
    out("");
    out("rolling restart result");
    out(`  command        node --import tsx load/rolling-restart.ts ${process.argv.slice(2).join(" ")}`);
    out(`  cluster        ${o.nodes} gateways + 1 persister + nginx, ${peers.length} clients, ${o.rate} msg/s for ${o.durationS} s`);
    for (const r of restartTimes)
      out(`  restart        ${r.nodeId}: drained+exited (code ${r.exitCode}) in ${fmtMs(r.stopMs)}, ready again in ${fmtMs(r.startMs)}`);
    out(`  sent           ${sent} (send() calls; ${failed} rejected)`);
    out(`  acked          ${ackedTotal} distinct (conversation, seq) (${ackedCount} send_acks)`);
    out(
      `  delivered      ${deliveredAcked} of the acked to their recipient (${live} before the final sync, ${deliveredAcked - Math.min(live, deliveredAcked)} by it)`,
    );
    out(`  lost           ${lost}${lostSamples.length > 0 ? `  e.g. ${lostSamples.join(" ")}` : ""}`);
    out(`  duplicates     ${duplicates} after the client's dedupe`);
    out(`  in MySQL       ${missingInDb === 0 ? "all acked messages" : `${missingInDb} acked messages MISSING`}`);
    out(`  goaways        ${goaways} received; ${reconnectMs.length} reconnects`);
    out(`  closes         ${topReasons()}`);
    out(
      `  reconnect      close -> next welcome: p50 ${fmtMs(percentile(sorted, 0.5))}  p99 ${fmtMs(percentile(sorted, 0.99))}  ` +
        `max ${fmtMs(sorted[sorted.length - 1] ?? 0)}  (includes the goaway's jittered reconnect_after_ms)`,
    );
    if (errors.length > 0) out(`  client errors  ${errors.slice(0, 5).join(" | ")}`);
    if (failures.length > 0) out(`  send failures  ${failures.slice(0, 5).join(" | ")}`);
    ok = lost === 0 && missingInDb === 0 && failed === 0 && duplicates === 0 && childExits.length === 0;
    out(`  verdict        ${ok ? "OK: nothing acked was lost" : "FAILED"}`);
  } finally {
    sending = false;
    clearInterval(loadTimer);
    clearInterval(progress);
    await pool(peers, 100, (p) => p.client.close());
    const stopped = await cluster.stop();
    if (!stopped.clean) out(`cluster stop not clean: ${JSON.stringify(stopped.exits)}`);
    if (!o.keep) await cleanupRun(o.redisUrl, mysqlUrl, tag);
  }
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(`rolling-restart: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
