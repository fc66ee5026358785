// A real multi-node cluster for tests and benchmarks: N gateway PROCESSES (`node --import tsx
// src/main/gateway.ts`, or the compiled dist/ entry) on one Redis, each on an OS-assigned port
// read from its "listening" log line. Every child's output is kept for failure messages; children
// still running when this process exits are SIGKILLed, and stopAll() deletes the key prefix.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";
import { SwitchboardClient, type ClientOptions } from "../../src/client/index.js";
import { mintToken } from "../../src/transport/mint.js";
import { deleteKeys } from "../contract/redis-fixtures.js";
import { TEST_SECRET } from "./gateway.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Output kept per child (the tail), for failure messages. */
const MAX_OUTPUT_CHARS = 64 * 1024;

export interface NodeExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ClusterNode {
  readonly nodeId: string;
  /** ws://127.0.0.1:<port>/ws */
  readonly url: string;
  /** http://127.0.0.1:<port> */
  readonly http: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<NodeExit>;
  readonly alive: boolean;
  /** Sends a signal (default SIGKILL: a crash) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<NodeExit>;
  /** Graceful stop (SIGTERM: drain), SIGKILL if it has not exited after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<NodeExit>;
  /** The tail of the child's stdout and stderr, interleaved as received. */
  output(): string;
}

export interface ClusterOptions {
  nodes: number;
  /** Default the shared server (REDIS_URL or redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** Default `sbtest:<random>:`. */
  prefix?: string;
  /** Extra environment for every node (overrides the defaults below). */
  env?: Record<string, string>;
  /** "tsx" (default): run the TypeScript sources; "dist": run `npm run build` output. */
  entry?: "tsx" | "dist";
  /** Node ids are `<idPrefix>-<i>`. Default `n<random>`. */
  idPrefix?: string;
  /** Deadline for each node's "listening" line. Default 30 s (tsx compiles on start). */
  startTimeoutMs?: number;
}

export interface Cluster {
  readonly nodes: ClusterNode[];
  readonly redisUrl: string;
  readonly prefix: string;
  /** Starts one more node with the cluster's settings (e.g. to replace a killed one). */
  addNode(env?: Record<string, string>): Promise<ClusterNode>;
  token(user: string, opts?: { device?: string; ttlSec?: number }): Promise<string>;
  /** Every node's output, labelled, for failure messages. */
  output(): string;
  /** Stops every node still running (SIGTERM, then SIGKILL) and deletes the prefix's keys. */
  stopAll(opts?: { keepKeys?: boolean }): Promise<void>;
}

export const DEFAULT_REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";

export function uniqueClusterPrefix(): string {
  return `sbtest:${randomBytes(5).toString("hex")}:`;
}

/** Children of this process still running: killed if the test process exits without stopAll. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const c of running) {
      try {
        c.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  });
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  installExitHook();
  const redisUrl = opts.redisUrl ?? DEFAULT_REDIS_URL;
  const prefix = opts.prefix ?? uniqueClusterPrefix();
  const idPrefix = opts.idPrefix ?? `n${randomBytes(3).toString("hex")}`;
  const nodes: ClusterNode[] = [];
  let counter = 0;
  const addNode = async (env: Record<string, string> = {}): Promise<ClusterNode> => {
    const nodeId = `${idPrefix}-${counter++}`;
    const node = await spawnNode(nodeId, {
      entry: opts.entry ?? "tsx",
      startTimeoutMs: opts.startTimeoutMs ?? 30_000,
      env: {
        PORT: "0",
        HOST: "127.0.0.1",
        NODE_ID: nodeId,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        JWT_SECRET: TEST_SECRET,
        LOG_LEVEL: "info",
        DRAIN_TIMEOUT_MS: "200",
        ...opts.env,
        ...env,
      },
    });
    nodes.push(node);
    return node;
  };
  const output = (): string => nodes.map((n) => `----- ${n.nodeId} (pid ${n.pid}) -----\n${n.output()}`).join("\n");
  try {
    // One at a time: on a 2-core machine parallel tsx start-ups only slow each other down.
    for (let i = 0; i < opts.nodes; i++) await addNode();
  } catch (err) {
    await Promise.all(nodes.map((n) => n.kill("SIGKILL")));
    await deleteKeys(redisUrl, prefix).catch(() => 0);
    throw new Error(`${(err as Error).message}\n${output()}`, { cause: err });
  }
  return {
    nodes,
    redisUrl,
    prefix,
    addNode,
    token: (user, o = {}) => mintToken(TEST_SECRET, user, o),
    output,
    async stopAll(o = {}) {
      await Promise.all(nodes.map((n) => n.stop()));
      if (o.keepKeys !== true) await deleteKeys(redisUrl, prefix).catch(() => 0);
    },
  };
}

interface SpawnOptions {
  entry: "tsx" | "dist";
  env: Record<string, string>;
  startTimeoutMs: number;
}

async function spawnNode(nodeId: string, o: SpawnOptions): Promise<ClusterNode> {
  const args = o.entry === "dist" ? ["dist/src/main/gateway.js"] : ["--import", "tsx", "src/main/gateway.ts"];
  // The parent's environment minus anything that would change what the node does.
  const base = { ...process.env };
  for (const k of Object.keys(base)) {
    if (/^(REDIS_|MYSQL_|NODE_ID$|PORT$|API_KEY$|ACK_MODE$|PERSIST_|JWT_)/.test(k)) delete base[k];
  }
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...base, ...o.env }, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let out = "";
  const append = (s: string): void => {
    out += s;
    if (out.length > MAX_OUTPUT_CHARS * 2) out = out.slice(-MAX_OUTPUT_CHARS);
  };
  let exit: NodeExit | null = null;
  const exited = new Promise<NodeExit>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      exit = { code, signal };
      resolve(exit);
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered: string | null = "";
    const timer = setTimeout(() => fail(`no "listening" line within ${o.startTimeoutMs} ms`), o.startTimeoutMs);
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`gateway ${nodeId}: ${why}\n${out.slice(-8000)}`));
    };
    child.stdout!.setEncoding("utf8");
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", append);
    child.stdout!.on("data", (chunk: string) => {
      append(chunk);
      if (buffered === null) return;
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const p = listeningPort(line);
        if (p !== null) {
          clearTimeout(timer);
          buffered = null;
          resolve(p);
          return;
        }
      }
    });
    void exited.then((e) => {
      if (buffered !== null) fail(`exited at start (code ${e.code}, signal ${e.signal})`);
    });
  });
  const kill = async (signal: NodeJS.Signals = "SIGKILL"): Promise<NodeExit> => {
    if (exit === null) child.kill(signal);
    return exited;
  };
  return {
    nodeId,
    port,
    url: `ws://127.0.0.1:${port}/ws`,
    http: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    exited,
    get alive() {
      return exit === null;
    },
    kill,
    async stop(timeoutMs = 10_000) {
      if (exit !== null) return exit;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const e = await exited;
      clearTimeout(timer);
      return e;
    },
    output: () => out,
  };
}

function listeningPort(line: string): number | null {
  if (!line.startsWith("{")) return null;
  try {
    const j = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return j.msg === "listening" && typeof j.port === "number" ? j.port : null;
  } catch {
    return null;
  }
}

/** GET a node's HTTP path; the status code (0 when the node does not answer). */
export async function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Clients of one test file: built with `ws`, short backoffs, their "error" events collected, and
 * all closed by closeAll().
 */
export class ClientPool {
  readonly clients: SwitchboardClient[] = [];
  /** Every "error" event, labelled with the user. */
  readonly errors: { user: string; error: Error }[] = [];

  constructor(private readonly token: (user: string, opts?: { device?: string }) => Promise<string>) {}

  create(url: string, user: string, opts: Partial<ClientOptions> = {}): SwitchboardClient {
    const device = opts.device ?? "d1";
    const c = new SwitchboardClient({
      url,
      token: () => this.token(user, { device }),
      WebSocket,
      device,
      reconnect: { minDelayMs: 50, maxDelayMs: 500 },
      ...opts,
    });
    c.on("error", (error) => this.errors.push({ user, error }));
    this.clients.push(c);
    return c;
  }

  async connect(url: string, user: string, opts: Partial<ClientOptions> = {}): Promise<SwitchboardClient> {
    const c = this.create(url, user, opts);
    await c.connect();
    return c;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.close().catch(() => undefined)));
  }
}
