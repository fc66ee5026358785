// Cross-node 1:1 benchmark: 2 gateway processes on one Redis (unique key prefix), the load tool's
// `chat` scenario over both (with two --url targets the load tool puts a pair's two users on
// different nodes: slot 2k on the first URL, 2k+1 on the second), at fixed rates. Prints
// throughput, send->ack and send->deliver p50/p99, and Redis round trips per message (from the
// nodes' sb_redis_round_trips_total / sb_redis_commands_total).
//
//   npm run build && flock /tmp/sb-bench.lock node --import tsx bench/cluster.ts
//
// Env: RATES (msg/s, comma list; default 2000,5000,10000), DURATION (s, default 10), PAIRS (1000),
//      SIZE (body bytes, 64), TARGET_P99_MS (20), REFINE (bisection steps between the highest
//      passing and the lowest failing rate, default 2), WARMUP (s of unmeasured load first, 3), ENTRY (dist | tsx; default dist when
//      built), REDIS_URL (default redis://127.0.0.1:6379), KEEP (1: keep load-results dirs).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "../load/result.js";
import { startCluster, type Cluster } from "../test/helpers/cluster.js";
import { TEST_SECRET } from "../test/helpers/gateway.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const RATES = (process.env["RATES"] ?? "2000,5000,10000").split(",").map(Number);
const DURATION = env("DURATION", 10);
const PAIRS = env("PAIRS", 1000);
const SIZE = env("SIZE", 64);
const TARGET_P99_MS = env("TARGET_P99_MS", 20);
const REFINE = env("REFINE", 2);
const WARMUP = env("WARMUP", 3);
const ENTRY: "dist" | "tsx" =
  process.env["ENTRY"] === "tsx" || (process.env["ENTRY"] !== "dist" && !existsSync(join(ROOT, "dist/src/main/gateway.js")))
    ? "tsx"
    : "dist";

interface Row {
  rate: number;
  sentPerSec: number;
  deliveredPerSec: number;
  sent: number;
  acked: number;
  delivered: number;
  lost: number;
  failed: number;
  duplicates: number;
  ackP50: number | null;
  ackP99: number | null;
  deliverP50: number | null;
  deliverP99: number | null;
  roundTripsPerMsg: number;
  commandsPerMsg: number;
  envelopesPerMsg: number;
  bottleneck: boolean;
  status: string;
}

/** Sums a series over a Prometheus text exposition (all label sets). */
function series(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith(name + " ") || line.startsWith(name + "{")) sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return sum;
}

async function scrape(cluster: Cluster): Promise<Record<string, number>> {
  const names = ["sb_redis_round_trips_total", "sb_redis_commands_total", "sb_messages_sent_total", "sb_envelopes_published_total"];
  const out: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (const n of cluster.nodes) {
    const text = await (await fetch(`${n.http}/metrics`)).text();
    for (const name of names) out[name]! += series(text, name);
  }
  return out;
}

function runLoad(cluster: Cluster, rate: number, outDir: string, durationSec = DURATION): Promise<RunResult> {
  const args = [
    "--import",
    "tsx",
    "load/cli.ts",
    "chat",
    ...cluster.nodes.flatMap((n) => ["--url", n.url]),
    "--secret",
    TEST_SECRET,
    "--pairs",
    String(PAIRS),
    "--rate",
    String(rate),
    "--duration",
    String(durationSec),
    "--size",
    String(SIZE),
    "--connect-rate",
    "2000",
    "--drain",
    "5",
    ...cluster.nodes.flatMap((n) => ["--server-pid", String(n.pid)]),
    "--out",
    outDir,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("exit", (code) => {
      const file = join(outDir, "result.json");
      if (!existsSync(file)) return reject(new Error(`load tool exited ${code} without result.json:\n${err}`));
      resolve(JSON.parse(readFileSync(file, "utf8")) as RunResult);
    });
  });
}

async function measure(cluster: Cluster, rate: number, root: string): Promise<Row> {
  const before = await scrape(cluster);
  const r = await runLoad(cluster, rate, join(root, `chat-${rate}`));
  const after = await scrape(cluster);
  const d = (k: string): number => after[k]! - before[k]!;
  const m = r.messages!;
  const stored = Math.max(1, d("sb_messages_sent_total"));
  return {
    rate,
    sentPerSec: m.sentPerSec,
    deliveredPerSec: m.deliveredPerSec,
    sent: m.sent,
    acked: m.acked,
    delivered: m.delivered,
    lost: m.lost,
    failed: m.failed,
    duplicates: m.duplicates,
    ackP50: m.ackMs.p50,
    ackP99: m.ackMs.p99,
    deliverP50: m.deliverMs.p50,
    deliverP99: m.deliverMs.p99,
    // Everything the nodes sent to Redis in the run (connect-time presence, group-less setup,
    // sends, fan-out lookups and publishes, acks' cursor writes), per stored message.
    roundTripsPerMsg: d("sb_redis_round_trips_total") / stored,
    commandsPerMsg: d("sb_redis_commands_total") / stored,
    envelopesPerMsg: d("sb_envelopes_published_total") / stored,
    bottleneck: r.client.bottleneck,
    status: r.status,
  };
}

const f = (v: number | null, digits = 2): string => (v === null ? "-" : v.toFixed(digits));

function table(rows: Row[]): string {
  const head =
    "| target msg/s | sent msg/s | delivered msg/s | ack p50 / p99 ms | deliver p50 / p99 ms | Redis round trips / msg | commands / msg | cross-node envelopes / msg | lost | failed | generator-bound | status |";
  const sep = "|" + "---|".repeat(12);
  const lines = rows.map(
    (r) =>
      `| ${r.rate} | ${f(r.sentPerSec, 0)} | ${f(r.deliveredPerSec, 0)} | ${f(r.ackP50)} / ${f(r.ackP99)} | ${f(r.deliverP50)} / ${f(r.deliverP99)} | ${f(r.roundTripsPerMsg, 3)} | ${f(r.commandsPerMsg, 2)} | ${f(r.envelopesPerMsg, 2)} | ${r.lost} | ${r.failed} | ${r.bottleneck ? "yes" : "no"} | ${r.status} |`,
  );
  return [head, sep, ...lines].join("\n");
}

const meets = (r: Row): boolean =>
  r.deliverP99 !== null && r.deliverP99 <= TARGET_P99_MS && r.lost === 0 && r.failed === 0 && r.sentPerSec >= 0.95 * r.rate;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "sb-bench-cluster-"));
  process.stdout.write(
    `bench/cluster: 2 gateway processes (${ENTRY}), ${PAIRS} cross-node pairs, ${SIZE}-byte bodies, ${DURATION} s per rate\n`,
  );
  const cluster = await startCluster({
    nodes: 2,
    entry: ENTRY,
    idPrefix: "bench",
    env: {
      SEND_RATE_PER_SEC: "100000",
      SEND_BURST: "100000",
      IP_CONNECT_RATE: "100000",
      IP_CONNECT_BURST: "100000",
    },
  });
  process.stdout.write(`nodes: ${cluster.nodes.map((n) => `${n.nodeId} pid ${n.pid} ${n.url}`).join(", ")}; prefix ${cluster.prefix}\n`);
  const rows: Row[] = [];
  const stopOnSignal = (): void => void cluster.stopAll().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  try {
    const runOne = async (rate: number): Promise<Row> => {
      const row = await measure(cluster, Math.round(rate), root);
      rows.push(row);
      process.stdout.write(
        `rate ${row.rate}: sent ${f(row.sentPerSec, 0)}/s, ack p50/p99 ${f(row.ackP50)}/${f(row.ackP99)} ms, deliver p50/p99 ${f(row.deliverP50)}/${f(row.deliverP99)} ms, ${f(row.roundTripsPerMsg, 3)} round trips/msg, lost ${row.lost} ${meets(row) ? "(meets target)" : ""}\n`,
      );
      return row;
    };
    // A short unmeasured run first: JIT warm-up of the gateways and the load tool.
    if (WARMUP > 0) {
      process.stdout.write(`warm-up: ${WARMUP} s at ${Math.min(...RATES)} msg/s (not reported)\n`);
      await runLoad(cluster, Math.min(...RATES), join(root, "warmup"), WARMUP);
    }
    for (const rate of RATES) await runOne(rate);
    // Bisect between the highest passing and the lowest failing rate.
    for (let i = 0; i < REFINE; i++) {
      const pass = rows.filter(meets).map((r) => r.rate);
      const fail = rows.filter((r) => !meets(r)).map((r) => r.rate);
      if (pass.length === 0 || fail.length === 0) break;
      const lo = Math.max(...pass);
      const hi = Math.min(...fail.filter((x) => x > lo));
      if (!Number.isFinite(hi) || hi - lo < 500) break;
      await runOne(Math.round((lo + hi) / 2 / 100) * 100);
    }
  } finally {
    await cluster.stopAll();
    if (process.env["KEEP"] !== "1") rmSync(root, { recursive: true, force: true });
    else process.stdout.write(`load results kept in ${root}\n`);
  }
  rows.sort((a, b) => a.rate - b.rate);
  const best = rows.filter(meets).map((r) => r.rate);
  process.stdout.write(`\n${table(rows)}\n\n`);
  process.stdout.write(
    best.length > 0
      ? `highest rate with p99 send->deliver <= ${TARGET_P99_MS} ms (no loss, >= 95% of target sent): ${Math.max(...best)} msg/s\n`
      : `no rate met p99 send->deliver <= ${TARGET_P99_MS} ms\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/cluster: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
