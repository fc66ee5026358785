// `npm run cluster`: the docker-compose topology as local processes on loopback: migrations,
// N gateway processes, M persister processes and nginx (from the distribution, config rendered
// from deploy/nginx/switchboard.conf.template like compose's), against local Redis and MySQL.
// `startCluster()` is the same thing as a library, for end-to-end tests and load/rolling-restart.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEV_JWT_SECRET } from "../config/config.js";
import { migrate } from "../persistence/migrator.js";
import { parseMysqlUrl } from "../persistence/mysql-url.js";
import { mintToken } from "../transport/mint.js";
import { writeLocalNginxConfig } from "./nginx-config.js";
import { REDIS_GATEWAY_NODE_FLAGS } from "./node-flags.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** Running from src/ (tsx) or from dist/ (compiled): children are started the same way. */
const FROM_SOURCE = fileURLToPath(import.meta.url).endsWith(".ts");
const REPO_ROOT = resolve(HERE, FROM_SOURCE ? "../.." : "../../..");
const MIGRATIONS_DIR = join(REPO_ROOT, "migrations");

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
export const DEFAULT_MYSQL_URL = "mysql://root@127.0.0.1:3306/switchboard_cluster";
export const DEFAULT_API_KEY = "cluster-dev-api-key-0123456789";

export interface ClusterOptions {
  /** Gateway processes (default 3). */
  nodes?: number;
  /** Load balancer port on 127.0.0.1 (default 8080; 0 = a free port). */
  port?: number;
  redisUrl?: string;
  /** Its database is created and migrated first (default mysql://root@127.0.0.1:3306/switchboard_cluster). */
  mysqlUrl?: string;
  /** Persister processes (default 1). */
  persisters?: number;
  /** REDIS_PREFIX of the engine (default "sbcluster:"); the BullMQ prefix and queue derive from it. */
  redisPrefix?: string;
  /** Default: $JWT_SECRET, else the development secret `npm run token` also uses. */
  jwtSecret?: string;
  /** Default: $API_KEY, else a fixed development key. */
  apiKey?: string;
  /** Extra environment for gateways and persisters (LOG_LEVEL, DRAIN_TIMEOUT_MS, ACK_MODE...). */
  env?: Record<string, string>;
  /** NODE_ID of gateway i is `${nodeIdPrefix}${i + 1}` (default "gw-"). */
  nodeIdPrefix?: string;
  /** Where children's output lines go (default: stdout, prefixed with the child's name). */
  output?: "prefixed" | "silent" | ((name: string, line: string) => void);
  /** A child exited while nobody asked it to (the cluster keeps running; the CLI stops). */
  onUnexpectedExit?: (name: string, code: number | null, signal: NodeJS.Signals | null, tail: string[]) => void;
  /** Per child: time to become ready (default 60 s). */
  readyTimeoutMs?: number;
  /** nginx binary (default /usr/sbin/nginx when present, else `nginx` from PATH). */
  nginx?: string;
}

export interface ClusterNode {
  nodeId: string;
  /** ws://127.0.0.1:<port>/ws, straight to the node. */
  url: string;
  port: number;
  pid: number;
}

export interface ChildExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Cluster {
  /** ws://127.0.0.1:<port>/ws through nginx. */
  readonly lbUrl: string;
  /** http://127.0.0.1:<port> through nginx (/healthz, /readyz, /v1/...). */
  readonly httpUrl: string;
  /** The gateways as they are now (pids change on restart). */
  readonly nodes: ClusterNode[];
  readonly persisters: { name: string; port: number; pid: number }[];
  readonly redisUrl: string;
  readonly redisPrefix: string;
  readonly mysqlUrl: string;
  readonly jwtSecret: string;
  readonly apiKey: string;
  /** The env every gateway and persister gets (without PORT / NODE_ID). */
  readonly env: Readonly<Record<string, string>>;
  /** A token the gateways accept. */
  token(user: string, device?: string): Promise<string>;
  /** SIGTERM to gateway i (it drains) and wait for its exit. */
  stopNode(i: number): Promise<ChildExit>;
  /** Start gateway i again (same NODE_ID and port) and wait until it is ready. */
  startNode(i: number): Promise<ClusterNode>;
  /** stopNode then startNode. */
  restartNode(i: number): Promise<ClusterNode>;
  /** Gateways (drain), then persisters, then nginx. Memoized. Resolves with every exit status. */
  stop(): Promise<{ clean: boolean; exits: ChildExit[] }>;
}

// ------------------------------------------------------------------ child processes

const TAIL_LINES = 40;

class Child {
  readonly proc: ChildProcess;
  readonly exited: Promise<ChildExit>;
  exit: ChildExit | null = null;
  /** Set before a deliberate signal: its exit is not "unexpected". */
  expected = false;
  readonly tail: string[] = [];

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    private readonly sink: (name: string, line: string) => void,
    onExit: (child: Child) => void,
  ) {
    // Own process group: a terminal's Ctrl-C reaches only the cluster process, which then stops
    // children in order (gateways drain while nginx still routes their clients elsewhere).
    this.proc = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    this.forward(this.proc.stdout!);
    this.forward(this.proc.stderr!);
    this.exited = new Promise((resolveExit) => {
      this.proc.once("error", (err) => {
        this.line(`failed to start ${command}: ${err.message}`);
        this.exit ??= { name, code: null, signal: null };
        resolveExit(this.exit);
        onExit(this);
      });
      this.proc.once("exit", (code, signal) => {
        this.exit ??= { name, code, signal };
        resolveExit(this.exit);
        onExit(this);
      });
    });
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  private forward(stream: NodeJS.ReadableStream): void {
    let buffered = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        this.line(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
      }
    });
    stream.on("end", () => {
      if (buffered !== "") this.line(buffered);
      buffered = "";
    });
  }

  private line(text: string): void {
    this.tail.push(text);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    this.sink(this.name, text);
  }

  signal(sig: NodeJS.Signals): void {
    if (this.exit !== null) return;
    try {
      this.proc.kill(sig);
    } catch {
      // already gone
    }
  }

  /** Signal, wait up to graceMs, then SIGKILL. */
  async terminate(sig: NodeJS.Signals, graceMs: number): Promise<ChildExit> {
    this.expected = true;
    this.signal(sig);
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<void>((r) => (timer = setTimeout(r, graceMs)));
    const done = await Promise.race([this.exited, forced.then(() => null)]);
    clearTimeout(timer);
    if (done !== null) return done;
    this.sink(this.name, `did not exit within ${graceMs} ms of ${sig}: SIGKILL`);
    this.signal("SIGKILL");
    return this.exited;
  }
}

/** Every child still running when this process exits is killed (sync, last resort). */
const live = new Set<Child>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const c of live) c.signal("SIGKILL");
  });
}

// ------------------------------------------------------------------ helpers

/** A port the OS considers free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolvePort(port));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const srv = net.createServer();
    srv.once("error", (err: NodeJS.ErrnoException) =>
      reject(new Error(`127.0.0.1:${port} is not available for the load balancer (${err.code ?? err.message}): pick another --port`)),
    );
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolveFree()));
  });
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers 2xx; fails early if `child` exits, or at the deadline. */
async function waitHttpReady(url: string, child: Child | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child?.exit != null) {
      const e = child.exit;
      throw new Error(
        `${child.name} exited (code ${e.code}, signal ${e.signal}) before ${url} was ready; its last output:\n  ${child.tail.join("\n  ")}`,
      );
    }
    if (await httpOk(url)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${url} not ready after ${timeoutMs} ms${child === null ? "" : `; ${child.name}'s last output:\n  ${child.tail.join("\n  ")}`}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function entryArgs(script: "gateway" | "persister"): string[] {
  const flags = script === "gateway" ? REDIS_GATEWAY_NODE_FLAGS : [];
  return FROM_SOURCE ? [...flags, "--import", "tsx", join(HERE, `${script}.ts`)] : [...flags, join(HERE, `${script}.js`)];
}

function nginxBinary(explicit?: string): string {
  if (explicit !== undefined) return explicit;
  return existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
}

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };

/** pino JSON lines as "time LEVEL msg {fields}"; other lines as they are. */
function humanLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    const { time, level, msg, node: _node, pid: _pid, hostname: _host, ...rest } = o;
    const t = typeof time === "string" ? time.slice(11, 23) : "";
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : "";
    return `${t} ${LEVELS[level as number] ?? String(level)} ${typeof msg === "string" ? msg : ""}${extra}`;
  } catch {
    return line;
  }
}

function sinkFor(output: ClusterOptions["output"]): (name: string, line: string) => void {
  if (typeof output === "function") return output;
  if (output === "silent") return () => {};
  const width = 12;
  return (name, line) => process.stdout.write(`${name.padEnd(width)}| ${humanLine(line)}\n`);
}

// ------------------------------------------------------------------ the cluster

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  installExitHook();
  const nodeCount = opts.nodes ?? 3;
  const persisterCount = opts.persisters ?? 1;
  if (!Number.isInteger(nodeCount) || nodeCount < 1) throw new Error(`--nodes must be a positive integer, got ${nodeCount}`);
  if (!Number.isInteger(persisterCount) || persisterCount < 0) throw new Error(`--persisters must be 0 or more, got ${persisterCount}`);
  const redisUrl = opts.redisUrl ?? DEFAULT_REDIS_URL;
  const mysqlUrl = opts.mysqlUrl ?? DEFAULT_MYSQL_URL;
  parseMysqlUrl(mysqlUrl); // fail early, naming the problem
  const redisPrefix = opts.redisPrefix ?? "sbcluster:";
  const tag = redisPrefix.replace(/[^A-Za-z0-9_.-]/g, "") || "sbcluster";
  const jwtSecret = opts.jwtSecret ?? process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  const apiKey = opts.apiKey ?? process.env.API_KEY ?? DEFAULT_API_KEY;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const sink = sinkFor(opts.output);
  const nodeIdPrefix = opts.nodeIdPrefix ?? "gw-";

  const env: Record<string, string> = {
    HOST: "127.0.0.1",
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    MYSQL_URL: mysqlUrl,
    PERSIST_PREFIX: `${tag}-bull`,
    PERSIST_QUEUE: `${tag}-persist`,
    JWT_SECRET: jwtSecret,
    API_KEY: apiKey,
    // As in docker-compose.yml: persisters write the batches; nginx is the only client-facing hop.
    EMBEDDED_PERSISTER: "false",
    DB_ACK_PATH: "queue-events",
    TRUST_PROXY: "true",
    ...opts.env,
  };
  const baseEnv = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, ...env };
    // Never inherit an identity or port meant for something else.
    delete e.NODE_ID;
    delete e.PORT;
    return e;
  };

  const dir = mkdtempSync(join(tmpdir(), "sb-cluster-"));
  let stopping: Promise<{ clean: boolean; exits: ChildExit[] }> | null = null;
  const onExit = (child: Child): void => {
    live.delete(child);
    if (child.expected || stopping !== null) return;
    const e = child.exit!;
    sink(child.name, `exited unexpectedly (code ${e.code}, signal ${e.signal})`);
    opts.onUnexpectedExit?.(child.name, e.code, e.signal, [...child.tail]);
  };
  const launch = (name: string, command: string, args: string[], childEnv: NodeJS.ProcessEnv): Child => {
    const c = new Child(name, command, args, childEnv, sink, onExit);
    live.add(c);
    return c;
  };

  interface NodeSlot {
    nodeId: string;
    port: number;
    child: Child | null;
  }
  const slots: NodeSlot[] = [];
  const persisterSlots: { name: string; port: number; child: Child }[] = [];
  let nginx: Child | null = null;

  const startGatewayProcess = (slot: NodeSlot): Child => {
    slot.child = launch(slot.nodeId, process.execPath, entryArgs("gateway"), {
      ...baseEnv(),
      NODE_ID: slot.nodeId,
      PORT: String(slot.port),
    });
    return slot.child;
  };

  const stopAll = async (): Promise<{ clean: boolean; exits: ChildExit[] }> => {
    const drainMs = Number(baseEnv().DRAIN_TIMEOUT_MS || 10_000);
    const exits: ChildExit[] = [];
    // Gateways drain (goaway, waves, flush) while nginx still routes their clients elsewhere.
    const gw = await Promise.all(slots.map((s) => (s.child === null ? null : s.child.terminate("SIGTERM", drainMs + 15_000))));
    const ps = await Promise.all(persisterSlots.map((p) => p.child.terminate("SIGTERM", 20_000)));
    const ng = nginx === null ? null : await nginx.terminate("SIGTERM", 5_000);
    for (const e of [...gw, ...ps, ng]) if (e !== null) exits.push(e);
    rmSync(dir, { recursive: true, force: true });
    // nginx reports SIGTERM as exit 0; gateways and persisters exit 0 after draining.
    return { clean: exits.every((e) => e.code === 0), exits };
  };
  const stop = (): Promise<{ clean: boolean; exits: ChildExit[] }> => (stopping ??= stopAll());

  try {
    const lbPort = opts.port === 0 ? await freePort() : (opts.port ?? 8080);
    await assertPortFree(lbPort);

    sink("migrate", `applying ${MIGRATIONS_DIR} to ${redactUrl(mysqlUrl)}`);
    const result = await migrate({ url: mysqlUrl, dir: MIGRATIONS_DIR, log: (msg) => sink("migrate", msg) });
    sink("migrate", `${result.applied.length} applied, ${result.skipped.length} already applied`);

    const taken = new Set<number>([lbPort]);
    const pick = async (): Promise<number> => {
      for (;;) {
        const p = await freePort();
        if (!taken.has(p)) {
          taken.add(p);
          return p;
        }
      }
    };
    for (let i = 0; i < persisterCount; i++) {
      const name = `persister-${i + 1}`;
      const port = await pick();
      const child = launch(name, process.execPath, entryArgs("persister"), { ...baseEnv(), NODE_ID: name, PORT: String(port) });
      persisterSlots.push({ name, port, child });
    }
    for (let i = 0; i < nodeCount; i++) {
      const slot: NodeSlot = { nodeId: `${nodeIdPrefix}${i + 1}`, port: await pick(), child: null };
      slots.push(slot);
      startGatewayProcess(slot);
    }
    await Promise.all([
      ...persisterSlots.map((p) => waitHttpReady(`http://127.0.0.1:${p.port}/readyz`, p.child, readyTimeoutMs)),
      ...slots.map((s) => waitHttpReady(`http://127.0.0.1:${s.port}/readyz`, s.child, readyTimeoutMs)),
    ]);

    const conf = writeLocalNginxConfig(dir, {
      listen: `127.0.0.1:${lbPort}`,
      upstreams: slots.map((s) => `127.0.0.1:${s.port}`),
    });
    nginx = launch("nginx", nginxBinary(opts.nginx), conf.args, process.env);
    await waitHttpReady(`http://127.0.0.1:${lbPort}/nginx-health`, nginx, readyTimeoutMs).catch((err: unknown) => {
      const log = existsSync(conf.errorLog) ? readFileSync(conf.errorLog, "utf8").trim() : "";
      throw new Error(`${(err as Error).message}${log === "" ? "" : `\nnginx error log:\n${log}`}`);
    });
    await waitHttpReady(`http://127.0.0.1:${lbPort}/readyz`, nginx, readyTimeoutMs);

    const nodeView = (s: NodeSlot): ClusterNode => ({
      nodeId: s.nodeId,
      url: `ws://127.0.0.1:${s.port}/ws`,
      port: s.port,
      pid: s.child?.pid ?? -1,
    });
    const slotAt = (i: number): NodeSlot => {
      const s = slots[i];
      if (s === undefined) throw new Error(`no gateway ${i}: the cluster has ${slots.length} (0-based)`);
      return s;
    };
    const stopNode = async (i: number): Promise<ChildExit> => {
      const s = slotAt(i);
      if (s.child === null || s.child.exit !== null) throw new Error(`gateway ${s.nodeId} is not running`);
      const drainMs = Number(baseEnv().DRAIN_TIMEOUT_MS || 10_000);
      const exit = await s.child.terminate("SIGTERM", drainMs + 15_000);
      s.child = null;
      return exit;
    };
    const startNode = async (i: number): Promise<ClusterNode> => {
      const s = slotAt(i);
      if (s.child !== null && s.child.exit === null) throw new Error(`gateway ${s.nodeId} is already running`);
      if (stopping !== null) throw new Error("the cluster is stopping");
      const child = startGatewayProcess(s);
      await waitHttpReady(`http://127.0.0.1:${s.port}/readyz`, child, readyTimeoutMs);
      return nodeView(s);
    };

    return {
      lbUrl: `ws://127.0.0.1:${lbPort}/ws`,
      httpUrl: `http://127.0.0.1:${lbPort}`,
      get nodes() {
        return slots.map(nodeView);
      },
      get persisters() {
        return persisterSlots.map((p) => ({ name: p.name, port: p.port, pid: p.child.pid }));
      },
      redisUrl,
      redisPrefix,
      mysqlUrl,
      jwtSecret,
      apiKey,
      env,
      token: (user, device) => mintToken(jwtSecret, user, { device, ttlSec: 24 * 3600 }),
      stopNode,
      startNode,
      restartNode: async (i) => {
        await stopNode(i);
        return startNode(i);
      },
      stop,
    };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

// ------------------------------------------------------------------ CLI

const USAGE = `usage: npm run cluster -- [options]

Starts the docker-compose topology as local processes on 127.0.0.1: migrations, N gateways,
the persister(s) and nginx (config rendered from deploy/nginx/switchboard.conf.template).
Ctrl-C (or SIGTERM) stops everything: gateways drain first, then persisters, then nginx.

options
  --nodes <n>         gateway processes (default 3)
  --port <port>       load balancer port (default 8080; 0 = any free port)
  --redis <url>       Redis (default ${DEFAULT_REDIS_URL})
  --mysql <url>       MySQL; its database is created and migrated first
                      (default ${DEFAULT_MYSQL_URL})
  --persisters <n>    persister processes (default 1)
  --prefix <p>        Redis key prefix of the cluster (default sbcluster:)
  --help

environment
  JWT_SECRET, API_KEY   shared by every node (default: the development secret / key)
  LOG_LEVEL, ACK_MODE, DRAIN_TIMEOUT_MS, GOAWAY_RECONNECT_MS, ...   passed to every node
`;

async function cli(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        nodes: { type: "string" },
        port: { type: "string" },
        redis: { type: "string" },
        mysql: { type: "string" },
        persisters: { type: "string" },
        prefix: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`cluster: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  const int = (name: string, v: string | undefined, def: number): number => {
    if (v === undefined) return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      process.stderr.write(`cluster: --${name} must be a non-negative integer, got ${JSON.stringify(v)}\n`);
      process.exit(2);
    }
    return n;
  };

  let shuttingDown = false;
  let cluster: Cluster | null = null;
  const shutdown = (why: string, code: number): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stdout.write(`\ncluster: ${why}: stopping (gateways drain first)...\n`);
    const c = cluster;
    if (c === null) process.exit(code); // startCluster's own failure path cleans up
    void c.stop().then(
      ({ clean, exits }) => {
        const bad = exits.filter((e) => e.code !== 0);
        if (bad.length > 0)
          process.stdout.write(`cluster: not clean: ${bad.map((e) => `${e.name} code ${e.code} signal ${e.signal}`).join(", ")}\n`);
        process.stdout.write("cluster: stopped\n");
        process.exit(code !== 0 ? code : clean ? 0 : 1);
      },
      (err: unknown) => {
        process.stderr.write(`cluster: stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  let signals = 0;
  const onSignal = (sig: string): void => {
    signals += 1;
    if (signals > 1) {
      process.stderr.write(`cluster: second ${sig}: killing everything\n`);
      process.exit(1); // the exit hook SIGKILLs the children
    }
    shutdown(sig, 0);
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));

  const started = Date.now();
  cluster = await startCluster({
    nodes: int("nodes", values.nodes, 3),
    port: int("port", values.port, 8080),
    redisUrl: values.redis,
    mysqlUrl: values.mysql,
    persisters: int("persisters", values.persisters, 1),
    redisPrefix: values.prefix,
    onUnexpectedExit: (name, code, signal) => shutdown(`${name} exited unexpectedly (code ${code}, signal ${signal})`, 1),
  });
  if (shuttingDown) return;
  const c = cluster;
  const devSecret = c.jwtSecret === DEV_JWT_SECRET;
  const lines = [
    "",
    `Switchboard cluster up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${c.nodes.length} gateways, ${c.persisters.length} persister(s), nginx`,
    `  load balancer:  ${c.lbUrl}   (${c.httpUrl}/healthz, /readyz, /metrics, /v1/...)`,
    "  gateways:",
    ...c.nodes.map((n) => `    ${n.nodeId.padEnd(10)} ${n.url.padEnd(28)} pid ${n.pid}   metrics http://127.0.0.1:${n.port}/metrics`),
    ...c.persisters.map((p) => `  ${p.name.padEnd(12)} http://127.0.0.1:${p.port}/metrics   pid ${p.pid}`),
    `  redis:  ${c.redisUrl} (prefix ${c.redisPrefix})    mysql: ${redactUrl(c.mysqlUrl)}`,
    `  token:  ${devSecret ? "" : "JWT_SECRET=<the same secret> "}npm run token -- alice [device]`,
    `  connect: ${c.lbUrl}?token=<token>   (or Authorization: Bearer <token>)`,
    `  server API: curl -H 'Authorization: Bearer ${c.apiKey}' ${c.httpUrl}/v1/...`,
    "  Ctrl-C stops everything.",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`cluster: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
