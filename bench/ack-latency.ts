// send -> send_ack latency through a REAL gateway (compiled dist/, Redis engine + MySQL persistence)
// for each ack mode, driven by the project's load tool (`npm run load -- chat`).
//   node --import tsx bench/ack-latency.ts
// Per run: a fresh MySQL database (migrated by the compiled `migrate` entry), a unique Redis key
// prefix, BullMQ prefix and queue; the gateway (`dist/src/main/gateway.js`) with ACK_MODE=store|db
// and either its embedded persister or EMBEDDED_PERSISTER=false plus a separate
// `dist/src/main/persister.js` process. Prints send_ack p50/p99/p999 per run, the batch size and
// the insert latency (from the gateway's / persister's /metrics), and the DB ack path latency.
// Env: RATE (5000 msg/s), SECONDS (20, after LEAD_IN: 2 s timed apart), PAIRS (200), SIZE (64 bytes), WORKERS (1), RUNS (comma list of
//      store-embedded, store-external, db-embedded, db-external; default all four), SKIP_BUILD=1,
//      MYSQL_URL (base), REDIS_URL, OUT (load-tool reports; default /tmp/sb-ack-latency),
//      GATEWAY_NODE_ARGS (node flags for the gateway on top of src/main/node-flags.ts, e.g.
//      "--cpu-prof --cpu-prof-dir=/tmp/p").
// Every other variable of this environment is passed to the gateway and persister, so gateway
// knobs can be compared directly: e.g. DB_ACK_MAX_INFLIGHT=0 BATCH_MAX_MS=20 node ... .
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import mysql from "mysql2/promise";
import type { RunResult } from "../load/result.js";
import { unlinkMatching } from "../load/run-cleanup.js";
import { formatMysqlUrl, parseMysqlUrl } from "../src/persistence/mysql-url.js";
import { REDIS_GATEWAY_NODE_FLAGS } from "../src/main/node-flags.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const RATE = env("RATE", 5000);
const SECONDS = env("SECONDS", 20);
const PAIRS = env("PAIRS", 200);
/** A first load run, not measured: JIT, connection setup and Redis/MySQL pools warm up. */
const WARMUP = env("WARMUP", 5);
/** Seconds of sending at RATE before the measured SECONDS: the load tool's fresh processes run
 * cold code and bunch their first sends. Checked for loss like the rest, timed apart (--lead-in). */
const LEAD_IN = env("LEAD_IN", 2);
const SIZE = env("SIZE", 64);
/** Load-tool worker processes (clients are split between them). */
const WORKERS = env("WORKERS", 1);
const RUNS = (process.env.RUNS ?? "store-embedded,store-external,db-embedded,db-external").split(",").map((s) => s.trim());
const MYSQL_BASE = process.env.MYSQL_URL ?? "mysql://root@127.0.0.1:3306/switchboard";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const OUT = process.env.OUT ?? "/tmp/sb-ack-latency";
const GATEWAY_NODE_ARGS = (process.env.GATEWAY_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a !== null ? a.port : 0));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// --- Prometheus text: histograms by name (label sets other than `le` summed) ----------------------

interface Hist {
  buckets: Map<number, number>;
  sum: number;
  count: number;
}

async function scrape(port: number | null): Promise<Map<string, Hist>> {
  const out = new Map<string, Hist>();
  if (port === null) return out;
  let text = "";
  try {
    const r = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (r.ok) text = await r.text();
  } catch {
    return out;
  }
  const get = (name: string): Hist => {
    let h = out.get(name);
    if (h === undefined) out.set(name, (h = { buckets: new Map(), sum: 0, count: 0 }));
    return h;
  };
  for (const line of text.split("\n")) {
    const m = /^(sb_persist_\w+?|sb_send_ack_seconds)_(bucket|sum|count)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m === null) continue;
    const h = get(m[1]!);
    const v = Number(m[4]);
    if (m[2] === "sum") h.sum += v;
    else if (m[2] === "count") h.count += v;
    else {
      const le = /le="([^"]+)"/.exec(m[3] ?? "");
      if (le !== null) {
        const bound = le[1] === "+Inf" ? Infinity : Number(le[1]);
        h.buckets.set(bound, (h.buckets.get(bound) ?? 0) + v);
      }
    }
  }
  return out;
}

function delta(a: Hist | undefined, b: Hist | undefined): Hist | undefined {
  if (b === undefined) return undefined;
  const buckets = new Map<number, number>();
  for (const [k, v] of b.buckets) buckets.set(k, v - (a?.buckets.get(k) ?? 0));
  return { buckets, sum: b.sum - (a?.sum ?? 0), count: b.count - (a?.count ?? 0) };
}

function describe(h: Hist | undefined, unit: "ms" | "msgs"): string {
  if (h === undefined || h.count === 0) return "n/a";
  const scale = unit === "ms" ? 1000 : 1;
  const les = [...h.buckets.keys()].sort((x, y) => x - y);
  const q = (p: number): string => {
    const le = les.find((l) => h.buckets.get(l)! >= p * h.count);
    return le === undefined || le === Infinity ? "> top" : `≤${le * scale}`;
  };
  return `mean ${((h.sum * scale) / h.count).toFixed(unit === "ms" ? 2 : 0)}, p50 ${q(0.5)}, p99 ${q(0.99)} ${unit} (n=${h.count})`;
}

// --- one run ---------------------------------------------------------------------------------------

interface Row {
  run: string;
  sent: number;
  acked: number;
  failed: number;
  lost: number;
  p50: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  leadInP99: number | null;
  batch: string;
  insert: string;
  dbAck: string;
  serverAck: string;
}

async function oneRun(run: string): Promise<Row> {
  // "redis-only": the same gateway without MYSQL_URL (no persistence): the control for the tail.
  const [mode, placement] = run.split("-") as ["store" | "db" | "redis", "embedded" | "external" | "only"];
  const id = randomBytes(4).toString("hex");
  const dbName = `sback_${id}`;
  const mysqlUrl = formatMysqlUrl({ ...parseMysqlUrl(MYSQL_BASE), database: dbName });
  const base = parseMysqlUrl(MYSQL_BASE);
  const admin = await mysql.createConnection({ host: base.host, port: base.port, user: base.user, password: base.password });
  await admin.query(`CREATE DATABASE \`${dbName}\``);
  const children: ChildProcess[] = [];
  const redisPrefix = `sback-${id}:`;
  const bullPrefix = `sback-bull-${id}`;
  try {
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "development",
      MYSQL_URL: mode === "redis" ? undefined : mysqlUrl,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      PERSIST_PREFIX: bullPrefix,
      PERSIST_QUEUE: `persist-${id}`,
      ACK_MODE: mode === "redis" ? "store" : mode,
      // dist/ has no copy of migrations/ (the Docker image symlinks it): point at the source tree.
      MIGRATIONS_DIR: join(ROOT, "migrations"),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      HOST: "127.0.0.1",
      // The load tool's pairs each send RATE/PAIRS/2 msg/s per user: keep the per-user limiter out.
      SEND_RATE_PER_SEC: "1000000",
      SEND_BURST: "1000000",
    };
    if (mode !== "redis")
      execFileSync(process.execPath, ["dist/src/main/migrate.js"], { cwd: ROOT, env: common, stdio: ["ignore", "ignore", "inherit"] });

    let persisterPort: number | null = null;
    if (placement === "external") {
      persisterPort = await freePort();
      const p = spawn(process.execPath, ["dist/src/main/persister.js"], {
        cwd: ROOT,
        env: { ...common, PORT: String(persisterPort), NODE_ID: `ackp-${id}` },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(p);
      await waitReady(`http://127.0.0.1:${persisterPort}/readyz`, p).catch(async () => {
        // A persister entry without HTTP (older build): give it a moment to connect instead.
        if (p.exitCode !== null) throw new Error("persister exited");
        persisterPort = null;
        await new Promise((r) => setTimeout(r, 2_000));
      });
    }
    const port = await freePort();
    const gw = spawn(process.execPath, [...REDIS_GATEWAY_NODE_FLAGS, ...GATEWAY_NODE_ARGS, "dist/src/main/gateway.js"], {
      cwd: ROOT,
      env: { ...common, PORT: String(port), NODE_ID: `ackgw-${id}`, EMBEDDED_PERSISTER: placement === "embedded" ? "true" : "false" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(gw);
    await waitReady(`http://127.0.0.1:${port}/readyz`, gw);

    const loadArgs = (seconds: number, out: string, leadIn: number): string[] => [
      "--import",
      "tsx",
      "load/cli.ts",
      "chat",
      "--url",
      `ws://127.0.0.1:${port}/ws`,
      "--pairs",
      String(PAIRS),
      "--rate",
      String(RATE),
      "--duration",
      String(seconds),
      "--size",
      String(SIZE),
      "--workers",
      String(WORKERS),
      "--server-pid",
      String(gw.pid),
      "--out",
      out,
      ...(leadIn > 0 ? ["--lead-in", String(leadIn)] : []),
    ];
    const runLoad = async (seconds: number, out: string, leadIn = 0): Promise<number | null> => {
      const load = spawn(process.execPath, loadArgs(seconds, out, leadIn), {
        cwd: ROOT,
        env: process.env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      return new Promise<number | null>((r) => load.once("exit", r));
    };
    if (WARMUP > 0) await runLoad(WARMUP, join(OUT, `${run}-${id}-warmup`));
    const before = await scrape(port);
    const beforeP = await scrape(persisterPort);
    const out = join(OUT, `${run}-${id}`);
    const code = await runLoad(SECONDS, out, LEAD_IN);
    const after = await scrape(port);
    const afterP = await scrape(persisterPort);
    const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8")) as RunResult;
    if (result.messages === null) throw new Error(`load tool (exit ${code}) reported no messages; see ${out}`);
    const m = result.messages;
    const insertSrc = placement === "external" ? [beforeP, afterP] : [before, after];
    const ins = delta(insertSrc[0]!.get("sb_persist_insert_seconds"), insertSrc[1]!.get("sb_persist_insert_seconds"));
    const insGw = delta(before.get("sb_persist_insert_seconds"), after.get("sb_persist_insert_seconds"));
    return {
      run,
      sent: m.sent,
      acked: m.acked,
      failed: m.failed,
      lost: m.lost,
      p50: m.ackMs.p50,
      p99: m.ackMs.p99,
      p999: m.ackMs.p999,
      max: m.ackMs.max,
      leadInP99: m.leadIn?.ackMs.p99 ?? null,
      batch: describe(delta(before.get("sb_persist_batch_messages"), after.get("sb_persist_batch_messages")), "msgs"),
      // Direct db commits are written by the gateway itself even with an external persister.
      insert:
        placement === "external" && (insGw?.count ?? 0) > 0
          ? `${describe(ins, "ms")}; gateway direct: ${describe(insGw, "ms")}`
          : describe(ins, "ms"),
      dbAck: describe(delta(before.get("sb_persist_db_ack_seconds"), after.get("sb_persist_db_ack_seconds")), "ms"),
      serverAck: describe(delta(before.get("sb_send_ack_seconds"), after.get("sb_send_ack_seconds")), "ms"),
    };
  } finally {
    for (const c of children.reverse()) await stop(c);
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
    const redis = new Redis(REDIS_URL);
    for (const pattern of [`${redisPrefix}*`, `${bullPrefix}:*`]) await unlinkMatching(redis, pattern);
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  if (process.env.SKIP_BUILD !== "1") execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  const admin = parseMysqlUrl(MYSQL_BASE);
  const c = await mysql.createConnection({ host: admin.host, port: admin.port, user: admin.user, password: admin.password });
  const [vars] = await c.query(
    "SHOW VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin', 'version')",
  );
  await c.end();
  const settings = (vars as { Variable_name: string; Value: string }[]).map((v) => `${v.Variable_name}=${v.Value}`).join(" ");
  const rows: Row[] = [];
  for (const run of RUNS) {
    process.stdout.write(`running ${run} (${RATE} msg/s, ${SECONDS} s, ${PAIRS} pairs)...\n`);
    const row = await oneRun(run);
    rows.push(row);
    process.stdout.write(
      `  send_ack p50 ${row.p50} ms, p99 ${row.p99} ms, p999 ${row.p999} ms, max ${row.max} ms (lead-in p99 ${row.leadInP99} ms); ` +
        `sent ${row.sent}, acked ${row.acked}, failed ${row.failed}, lost ${row.lost}\n` +
        `  batch ${row.batch}\n  insert ${row.insert}\n  db-ack wait ${row.dbAck}\n  server-side send_ack ${row.serverAck}\n`,
    );
  }
  const knobs = [
    "BATCH_MAX_MESSAGES",
    "BATCH_MAX_MS",
    "OUTBOX_GATHER_MS",
    "DB_ACK_MAX_INFLIGHT",
    "OUTBOX_CLAIM_IDLE_MS",
    "DB_ACK_PATH",
    "MYSQL_POOL_SIZE",
    "PERSIST_CONCURRENCY",
  ]
    .filter((k) => process.env[k] !== undefined)
    .map((k) => `${k}=${process.env[k]}`)
    .join(" ");
  process.stdout.write(
    `\nMariaDB: ${settings}; gateway knobs: ${knobs || "defaults"}; the gateway-side columns (batch, insert, db-ack wait, ` +
      `server-side send_ack) span the lead-in and the measured seconds\n` +
      `| run | send_ack p50 | p99 | p999 | max | lead-in p99 (${LEAD_IN} s) | sent / acked / failed / lost | batch (msgs) | insert+commit | db-ack wait | server-side send_ack |\n` +
      `|---|---|---|---|---|---|---|---|---|---|---|\n` +
      rows
        .map(
          (r) =>
            `| ${r.run} | ${r.p50} ms | ${r.p99} ms | ${r.p999} ms | ${r.max} ms | ${r.leadInP99} ms | ${r.sent} / ${r.acked} / ${r.failed} / ${r.lost} | ${r.batch} | ${r.insert} | ${r.dbAck} | ${r.serverAck} |`,
        )
        .join("\n") +
      "\n",
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`ack-latency: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
