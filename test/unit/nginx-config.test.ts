// The nginx LB config: rendered text, nginx's own syntax check, a real proxy round trip, and the
// freshness of the committed docker-compose config.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nginxArgs, renderNginxConfig, writeLocalNginxConfig } from "../../src/main/nginx-config.js";

function findNginx(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"];
  return dirs.map((d) => join(d, "nginx")).find((p) => existsSync(p));
}

const nginx = findNginx();
// CI installs nginx (.ci/run): there a missing binary is a failure, elsewhere a skip.
const needNginx = nginx !== undefined || process.env.CI === "true";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "sb-nginx-"));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const base = {
  listen: "127.0.0.1:18080",
  upstreams: ["10.0.0.1:8080", "gw-2.internal:9000"],
  pidFile: "/tmp/x/nginx.pid",
  errorLog: "/tmp/x/error.log",
  accessLog: "/tmp/x/access.log",
  tempDir: "/tmp/x/temp",
};

describe("renderNginxConfig", () => {
  const conf = renderNginxConfig(base);

  it("raises the workers' open-files limit and keeps tokens in query strings out of the access log", () => {
    expect(conf).toContain("worker_rlimit_nofile 9216;");
    expect(conf).toMatch(/log_format switchboard [^;]*"\$request_method \$uri \$server_protocol"/);
    expect(conf).not.toMatch(/log_format[^;]*\$request[ "]/);
  });

  it("balances WebSockets over every upstream with least_conn, with no passive down-marking", () => {
    expect(conf).toMatch(/upstream switchboard_gateways \{[^}]*least_conn;/);
    expect(conf).toContain("server 10.0.0.1:8080 max_fails=0;");
    expect(conf).toContain("server gw-2.internal:9000 max_fails=0;");
    expect(conf).toContain("listen 127.0.0.1:18080");
  });

  it("forwards the upgrade handshake and keeps sockets open", () => {
    expect(conf).toContain("proxy_http_version 1.1;");
    expect(conf).toContain("proxy_set_header Upgrade $http_upgrade;");
    expect(conf).toContain("proxy_set_header Connection $connection_upgrade;");
    expect(conf).toMatch(/map \$http_upgrade \$connection_upgrade \{\s*default upgrade;/);
    expect(conf).toMatch(/proxy_read_timeout \d{4,}s;/);
  });

  it("keeps pid, logs and temp files where it is told, with no placeholder or daemon directive left", () => {
    expect(conf).toContain("pid /tmp/x/nginx.pid;");
    expect(conf).toContain("error_log /tmp/x/error.log");
    expect(conf).toContain("access_log /tmp/x/access.log switchboard;");
    expect(conf).toContain("proxy_temp_path /tmp/x/temp/proxy;");
    expect(conf).toContain("client_body_temp_path /tmp/x/temp/client_body;");
    expect(conf).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(conf).not.toMatch(/^\s*(daemon|user)\s/m);
    expect(renderNginxConfig({ ...base, accessLog: "off" })).toContain("access_log off;");
  });

  it("refuses values that would break nginx syntax, and empty upstream lists", () => {
    expect(() => renderNginxConfig({ ...base, upstreams: [] })).toThrow(/at least one upstream/);
    expect(() => renderNginxConfig({ ...base, upstreams: ["a:1; include /etc/passwd"] })).toThrow(/upstream/);
    expect(() => renderNginxConfig({ ...base, pidFile: "/tmp/with space/pid" })).toThrow(/pidFile/);
    expect(() => renderNginxConfig({ ...base, workerConnections: 0 })).toThrow(/workerConnections/);
  });

  it("runs nginx in the foreground without the daemon", () => {
    expect(nginxArgs("/p", "/p/nginx.conf")).toEqual(["-p", "/p", "-c", "/p/nginx.conf", "-e", "stderr", "-g", "daemon off;"]);
  });
});

describe.runIf(needNginx)("with the nginx binary", () => {
  it("is accepted by `nginx -t`", () => {
    expect(nginx, "nginx is not installed (apt-get install nginx-light)").toBeDefined();
    const dir = tempDir();
    const local = writeLocalNginxConfig(dir, { listen: "127.0.0.1:18080", upstreams: ["127.0.0.1:18081", "127.0.0.1:18082"] });
    const out = execFileSync(nginx!, ["-t", ...local.args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toBe(""); // nginx -t reports on stderr; throwing above means it failed
  });

  it("proxies HTTP and upgrade requests to the upstreams, least connections first", async () => {
    const dir = tempDir();
    const servers: Server[] = [];
    const seen: { port: number; upgrade?: string; connection?: string; xff?: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const s = createServer((req, res) => {
        const port = (s.address() as AddressInfo).port;
        seen.push({
          port,
          upgrade: req.headers.upgrade,
          connection: req.headers.connection,
          xff: req.headers["x-forwarded-for"] as string,
        });
        res.end(String(port));
      });
      await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
      servers.push(s);
    }
    const ports = servers.map((s) => (s.address() as AddressInfo).port);
    const lbPort = await freePort();
    const local = writeLocalNginxConfig(dir, { listen: `127.0.0.1:${lbPort}`, upstreams: ports.map((p) => `127.0.0.1:${p}`) });
    const proc = spawn(nginx!, local.args, { stdio: ["ignore", "ignore", "pipe"] });
    try {
      await waitFor(async () => (await get(lbPort, "/nginx-health")).body === "ok\n", proc, local.errorLog);
      const a = await get(lbPort, "/healthz");
      const b = await get(lbPort, "/healthz");
      expect(new Set([a.body, b.body])).toEqual(new Set(ports.map(String)));
      await get(lbPort, "/ws?token=x", { Upgrade: "websocket", Connection: "Upgrade" });
      const ws = seen.at(-1)!;
      expect(ws.upgrade).toBe("websocket");
      expect(ws.connection).toBe("upgrade");
      expect(ws.xff).toBe("127.0.0.1");
      // A client's own X-Forwarded-For is kept, the address nginx saw appended last (what the
      // gateway reads with TRUST_PROXY).
      await get(lbPort, "/ws", { Upgrade: "websocket", Connection: "Upgrade", "X-Forwarded-For": "10.9.9.9" });
      expect(seen.at(-1)!.xff).toBe("10.9.9.9, 127.0.0.1");
      // Metrics are for Prometheus, which scrapes the gateways directly.
      const before = seen.length;
      expect((await get(lbPort, "/metrics")).status).toBe(404);
      expect(seen.length).toBe(before);
    } finally {
      proc.kill("SIGQUIT");
      await new Promise((resolve) => (proc.exitCode === null ? proc.once("exit", resolve) : resolve(null)));
      for (const s of servers) s.close();
    }
    expect(existsSync(local.pidFile)).toBe(false); // graceful stop removes the pid file
  });
});

describe("deploy/nginx/compose.conf", () => {
  it("is the current rendering of the template (else run `npx tsx scripts/render-nginx.ts`)", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/render-nginx.ts", "--check"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out).toContain("up to date");
    expect(readFileSync("deploy/nginx/compose.conf", "utf8")).toContain("server gateway:8080 ");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitFor(check: () => Promise<boolean>, proc: ChildProcess, errorLog: string): Promise<void> {
  let stderr = "";
  proc.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const deadline = Date.now() + 5_000;
  for (;;) {
    if (proc.exitCode !== null) {
      const log = existsSync(errorLog) ? readFileSync(errorLog, "utf8") : "";
      throw new Error(`nginx exited with ${proc.exitCode}: ${stderr}${log}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`nginx did not answer within 5 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
