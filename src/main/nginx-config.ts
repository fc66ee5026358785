// Renders deploy/nginx/switchboard.conf.template, the one nginx config of the project: the
// committed docker-compose config (scripts/render-nginx.ts) and the local cluster's LB both come
// from it. The local config runs unprivileged: `nginx ${nginxArgs(prefix, conf, errorLog)}`.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const TEMPLATE_RELATIVE_PATH = "deploy/nginx/switchboard.conf.template";

export interface NginxConfigOptions {
  /** `listen` argument: a port ("8080") or "address:port" ("127.0.0.1:18080"). */
  listen: string | number;
  /** Gateway addresses, "host:port" each; at least one. */
  upstreams: string[];
  pidFile: string;
  /** A file path, or "stderr". */
  errorLog: string;
  /** A file path, "/dev/stdout", or "off". */
  accessLog: string;
  /** Existing directory under which nginx creates its body/proxy temp directories. */
  tempDir: string;
  /** Default "auto". */
  workerProcesses?: number | "auto";
  /** Default 8192; each proxied WebSocket uses two. */
  workerConnections?: number;
  /** Open files a worker may hold (worker_rlimit_nofile). Default: workerConnections + 1024, so
   * the connections never run into the inherited limit first. */
  workerRlimitNofile?: number;
  /** Template location; default: found by walking up from this module (works from src/ and dist/). */
  templatePath?: string;
}

/** Finds the template from this module's directory upwards (src/main and dist/src/main both work). */
export function findTemplate(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, TEMPLATE_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`nginx template ${TEMPLATE_RELATIVE_PATH} not found above ${from}`);
  }
}

// Values are pasted into nginx syntax unquoted: refuse anything that could end or open a directive.
const SAFE = /^[A-Za-z0-9_.:/@[\]-]+$/;

function checked(name: string, value: string): string {
  if (!SAFE.test(value)) throw new Error(`nginx config: ${name} ${JSON.stringify(value)} contains characters nginx would misparse`);
  return value;
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`nginx config: ${name} must be a positive integer, got ${value}`);
  return value;
}

/** Returns the nginx.conf text for the given listen address, upstreams and file locations. */
export function renderNginxConfig(opts: NginxConfigOptions): string {
  if (opts.upstreams.length === 0) throw new Error("nginx config: at least one upstream is required");
  const upstreams = opts.upstreams.map((u) => checked("upstream", u));
  const tempDir = checked("tempDir", opts.tempDir.replace(/\/+$/, "") || "/");
  const workers = opts.workerProcesses ?? "auto";
  const values: Record<string, string> = {
    LISTEN: checked("listen", String(opts.listen)),
    PID_FILE: checked("pidFile", opts.pidFile),
    ERROR_LOG: checked("errorLog", opts.errorLog),
    ACCESS_LOG: opts.accessLog === "off" ? "off" : `${checked("accessLog", opts.accessLog)} switchboard`,
    TEMP_DIR: tempDir,
    WORKER_PROCESSES: workers === "auto" ? "auto" : String(positiveInt("workerProcesses", workers)),
    WORKER_CONNECTIONS: String(positiveInt("workerConnections", opts.workerConnections ?? 8192)),
    WORKER_RLIMIT_NOFILE: String(positiveInt("workerRlimitNofile", opts.workerRlimitNofile ?? (opts.workerConnections ?? 8192) + 1024)),
  };

  const template = readFileSync(opts.templatePath ?? findTemplate(), "utf8").split("\n");
  // The template's leading comment block documents the placeholders: replace it with a notice.
  let start = 0;
  while (start < template.length && (template[start]!.startsWith("#") || template[start]!.trim() === "")) start++;
  const out = [`# Rendered from ${TEMPLATE_RELATIVE_PATH} by src/main/nginx-config.ts: edit the template, not this file.`, ""];
  for (const line of template.slice(start)) {
    if (line.trimStart().startsWith("#")) {
      out.push(line); // comments are copied verbatim, placeholders included
    } else if (line.includes("{{UPSTREAM}}")) {
      for (const u of upstreams) out.push(line.replaceAll("{{UPSTREAM}}", u));
    } else {
      out.push(
        line.replace(/\{\{([A-Z_]+)\}\}/g, (_whole, key: string) => {
          const v = values[key];
          if (v === undefined) throw new Error(`nginx config: unknown placeholder {{${key}}} in template line: ${line.trim()}`);
          return v;
        }),
      );
    }
  }
  return out.join("\n");
}

/**
 * Command-line arguments for an unprivileged, foreground nginx using a rendered config:
 * `-p` sets the prefix (relative paths resolve inside it), `-e` moves the startup error log
 * away from the compiled-in /var/log path, `-g 'daemon off;'` keeps it a child process.
 */
export function nginxArgs(prefixDir: string, confFile: string, errorLog = "stderr"): string[] {
  return ["-p", prefixDir, "-c", confFile, "-e", errorLog, "-g", "daemon off;"];
}

export interface LocalNginx {
  confFile: string;
  pidFile: string;
  errorLog: string;
  accessLog: string;
  /** `spawn("nginx", args)`: foreground, unprivileged, everything inside the prefix directory. */
  args: string[];
}

/**
 * Writes `<prefixDir>/nginx.conf` (pid, logs and temp files all inside prefixDir, which must exist)
 * for a local load balancer. The directory is made world-traversable so that nginx workers, which
 * drop to `nobody` when the master runs as root (CI), can reach their temp directories.
 */
export function writeLocalNginxConfig(
  prefixDir: string,
  opts: Pick<NginxConfigOptions, "listen" | "upstreams" | "workerProcesses" | "workerConnections"> & { accessLog?: boolean },
): LocalNginx {
  const tempDir = join(prefixDir, "temp");
  mkdirSync(tempDir, { recursive: true });
  chmodSync(prefixDir, 0o755);
  const files = {
    confFile: join(prefixDir, "nginx.conf"),
    pidFile: join(prefixDir, "nginx.pid"),
    errorLog: join(prefixDir, "error.log"),
    accessLog: opts.accessLog === true ? join(prefixDir, "access.log") : "off",
  };
  const text = renderNginxConfig({
    listen: opts.listen,
    upstreams: opts.upstreams,
    workerProcesses: opts.workerProcesses ?? 1,
    workerConnections: opts.workerConnections ?? 8192,
    pidFile: files.pidFile,
    errorLog: files.errorLog,
    accessLog: files.accessLog,
    tempDir,
  });
  writeFileSync(files.confFile, text);
  return { ...files, args: nginxArgs(prefixDir, files.confFile, files.errorLog) };
}
