// The one-line live status. Pure, so it is easy to keep short and to test.
import type { Counters } from "./ipc.js";
import type { LoadOptions } from "./options.js";
import type { TimelinePoint } from "./result.js";

export function fmtCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

export function fmtMs(v: number | null): string {
  if (v === null) return "-";
  return v >= 100 ? `${Math.round(v)}ms` : `${v.toFixed(v >= 10 ? 1 : 2)}ms`;
}

export function formatProgress(p: TimelinePoint, c: Counters, o: LoadOptions, lost: number): string {
  const parts = [
    `[${p.t.toFixed(0).padStart(3)}s ${p.phase}]`,
    `conns ${fmtCount(p.open)}/${fmtCount(o.connections)} +${fmtCount(p.connectsPerSec)}/s`,
  ];
  const failed = c.connectFailed + c.reconnectFailed;
  if (failed > 0) parts.push(`failed ${fmtCount(failed)}`);
  if (p.handshakeP99 !== null) parts.push(`hs p99 ${fmtMs(p.handshakeP99)}`);
  if (o.scenario !== "storm") {
    parts.push(`sent ${fmtCount(p.sentPerSec)}/s deliv ${fmtCount(p.deliveredPerSec)}/s`);
    parts.push(`ack p99 ${fmtMs(p.ackP99)} deliv p99 ${fmtMs(p.deliverP99)}`);
    if (c.sendFailed > 0) parts.push(`send err ${fmtCount(c.sendFailed)}`);
    if (lost > 0) parts.push(`LOST ${lost}`);
  }
  parts.push(`cpu load ${Math.round(p.clientCpuPct)}%`);
  const srv = p.server.filter((s) => s.cpuPct !== null);
  if (srv.length > 0) parts.push(`srv ${srv.map((s) => `${Math.round(s.cpuPct!)}%`).join("/")}`);
  return parts.join(" | ");
}
