// Samples each gateway node's resident memory and CPU time, from /proc when we know its pid (exact,
// no help from the server) or from the node's Prometheus /metrics (works through any deployment).
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";

export interface ServerSample {
  rssBytes: number;
  cpuSec: number;
}

export interface ServerSource {
  label: string;
  sample(): Promise<ServerSample | null>;
}

let clockTicks: number | null = null;

/** USER_HZ for /proc/<pid>/stat times; 100 on every mainstream Linux, asked once to be sure. */
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime from /proc/<pid>/stat; the comm field may contain spaces, so split after ')'. */
export function parseProcStat(stat: string, hz: number): number {
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields after comm start at field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return (utime + stime) / hz;
}

export function parseVmRss(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

export function procSource(pid: number): ServerSource {
  return {
    label: `pid ${pid}`,
    async sample() {
      try {
        const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, "utf8"), readFile(`/proc/${pid}/stat`, "utf8")]);
        return { rssBytes: parseVmRss(status), cpuSec: parseProcStat(stat, ticksPerSecond()) };
      } catch {
        return null; // the process exited: a gap in its series, not a failed run
      }
    },
  };
}

/** The value of an unlabelled Prometheus sample, e.g. `process_cpu_seconds_total 12.5`. */
export function metricValue(text: string, name: string): number | null {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)`, "m").exec(text);
  return m ? Number(m[1]) : null;
}

export function metricsSource(url: string, label = url): ServerSource {
  return {
    label,
    async sample() {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(800) });
        if (!res.ok) return null;
        const text = await res.text();
        const rss = metricValue(text, "process_resident_memory_bytes");
        const cpu = metricValue(text, "process_cpu_seconds_total");
        return rss === null || cpu === null ? null : { rssBytes: rss, cpuSec: cpu };
      } catch {
        return null;
      }
    },
  };
}

/** ws://host:port/ws → http://host:port/metrics (the gateway serves both on one port). */
export function metricsUrlFor(wsUrl: string): string {
  const u = new URL(wsUrl);
  u.protocol = u.protocol === "wss:" ? "https:" : "http:";
  u.pathname = "/metrics";
  u.search = "";
  return u.toString();
}

export function serverSources(pids: readonly number[], metricsUrls: readonly string[], wsUrls: readonly string[]): ServerSource[] {
  if (pids.length > 0 || metricsUrls.length > 0) return [...pids.map(procSource), ...metricsUrls.map((u) => metricsSource(u))];
  // Nothing named: try each target's own /metrics (through a load balancer this samples whichever node answers).
  return [...new Set(wsUrls.map(metricsUrlFor))].map((u) => metricsSource(u, `${u} (auto)`));
}

/**
 * redis-server's user + system CPU in µs, read from /proc: `info` is the reply of INFO SERVER
 * (its process_id). For benchmarks run on the Redis host.
 */
export function redisServerCpu(info: string): () => Promise<number> {
  const source = procSource(Number(/process_id:(\d+)/.exec(info)?.[1]));
  return async () => {
    const s = await source.sample();
    if (s === null) throw new Error("redis-server's /proc entry is not readable: run this on the Redis host");
    return s.cpuSec * 1e6;
  };
}
