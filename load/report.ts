// Writes a run's outputs: result.json (everything), summary.md (the table a PR or BENCHMARKS.md
// quotes) and report.html (self-contained: inline CSS and SVG, no scripts, fonts or CDNs).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Percentiles } from "./histogram.js";
import { fmtCount } from "./progress.js";
import type { RunResult, TimelinePoint } from "./result.js";

export async function writeReports(dir: string, r: RunResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ["result.json", JSON.stringify(r, null, 2) + "\n"],
    ["summary.md", renderSummary(r)],
    ["report.html", renderHtml(r)],
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}

// ---------------------------------------------------------------- Markdown

const ms = (v: number | null): string => (v === null ? "–" : `${v.toFixed(2)} ms`);
const pctRow = (name: string, p: Percentiles): string =>
  `| ${name} | ${ms(p.p50)} | ${ms(p.p99)} | ${ms(p.p999)} | ${ms(p.max)} | ${p.count} |`;
const mib = (b: number | null): string => (b === null ? "–" : `${(b / 1048576).toFixed(1)} MiB`);
const reasons = (t: Record<string, number>): string =>
  Object.entries(t)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ") || "none";

export function renderSummary(r: RunResult): string {
  const c = r.connections;
  const lines = [
    `# Switchboard load: ${r.scenario} (${r.runId})`,
    "",
    `Status: **${r.status.toUpperCase()}**${r.aborted !== null ? ` (${r.aborted})` : ""} · started ${r.startedAt} · ${r.durationSec.toFixed(1)} s · ${r.client.workers} worker(s) · driver: ${r.driver}`,
    "",
    ...r.bugs.map((b) => `> **BUG** ${b}`),
    ...(r.bugs.length > 0 ? [""] : []),
    "| measure | value |",
    "|---|---|",
    `| connections (target / connected / failed) | ${c.target} / ${c.connected} / ${c.failed} |`,
    `| peak open | ${c.peakOpen} |`,
    `| connects/s achieved | ${c.connectsPerSec.toFixed(0)} (over ${c.connectPhaseSec.toFixed(1)} s) |`,
    `| connect failures | ${reasons(c.failures)} |`,
  ];
  const cs = c.server;
  if (cs.connectCpuSec !== null)
    lines.push(
      `| server CPU, connect phase alone | ${cs.connectCpuSec.toFixed(2)} s (${cs.cpuSecPer10kConnects?.toFixed(2) ?? "–"} CPU-s per 10k connects) |`,
    );
  if (cs.rssPerConnectionMarginalBytes !== null)
    lines.push(`| server RSS / connection (marginal) | ${(cs.rssPerConnectionMarginalBytes / 1024).toFixed(2)} KiB: ${cs.rssMethod} |`);
  if (cs.warmupFailed > 0) lines.push(`| warm-up connects failed | ${cs.warmupFailed} |`);
  if (r.reconnect !== null) {
    const x = r.reconnect;
    lines.push(
      `| reconnect (reconnected / gave up / attempts) | ${x.reconnected} / ${x.gaveUp} / ${x.attempts} |`,
      `| reconnect storm | ${x.durationSec.toFixed(1)} s, ${x.connectsPerSec.toFixed(0)} connects/s |`,
      `| reconnect failures | ${reasons(x.failures)} |`,
    );
  }
  const m = r.messages;
  if (m !== null) {
    lines.push(
      `| messages sent / acked / failed / unacked | ${m.sent} / ${m.acked} / ${m.failed} / ${m.unacked} |`,
      `| rate target / sent / delivered | ${m.targetRate}/s / ${m.sentPerSec.toFixed(0)}/s / ${m.deliveredPerSec.toFixed(0)}/s |`,
      `| delivered / **lost** / duplicates / out of order | ${m.delivered} / **${m.lost}** / ${m.duplicates} / ${m.outOfOrder} |`,
      `| send failures | ${reasons(m.failures)} |`,
      `| client gap syncs (holes repaired by sync) | ${m.gapSyncs} |`,
      `| late: missing when the drain ended, arrived during the final sync | ${m.recoveredBySync} |`,
      `| unverified: missing, and the final sync failed or did not answer in time | ${m.unverified} |`,
    );
    if (m.groupsCreated > 0 || Object.keys(m.setupFailures).length > 0)
      lines.push(`| groups created / setup failures | ${m.groupsCreated} / ${reasons(m.setupFailures)} |`);
  }
  lines.push(`| unexpected disconnects | ${r.disconnects.unexpected} (${reasons(r.disconnects.byReason)}) |`);
  lines.push(
    `| load generator CPU | ${r.client.cpuSec.toFixed(1)} s, peak ${r.client.peakWorkerCpuPct.toFixed(0)}% of a core per worker${r.client.bottleneck ? " (**client-bound**)" : ""}${r.client.cpuUsPerMessage !== null ? `; ${r.client.cpuUsPerMessage.toFixed(1)} µs per message sent while sending` : ""} |`,
  );
  lines.push("", "| latency | p50 | p99 | p99.9 | max | samples |", "|---|---|---|---|---|---|", pctRow("handshake", c.handshakeMs));
  if (r.reconnect !== null) lines.push(pctRow("reconnect handshake", r.reconnect.handshakeMs));
  if (m !== null) {
    const after = m.leadIn !== null ? ` (after the ${m.leadIn.sec} s lead-in)` : "";
    lines.push(pctRow(`send → ack${after}`, m.ackMs), pctRow(`send → deliver${after}`, m.deliverMs));
    if (m.leadIn !== null)
      lines.push(pctRow(`send → ack, lead-in (${m.leadIn.sec} s)`, m.leadIn.ackMs), pctRow(`send → deliver, lead-in`, m.leadIn.deliverMs));
  }
  if (r.server.length > 0) {
    lines.push("", "| server node | RSS start | RSS peak | RSS end | CPU s | RSS / connection |", "|---|---|---|---|---|---|");
    for (const s of r.server) {
      const per = s.rssPerConnectionBytes === null ? "–" : `${(s.rssPerConnectionBytes / 1024).toFixed(1)} KiB`;
      lines.push(
        `| ${s.label} | ${mib(s.rssStartBytes)} | ${mib(s.rssPeakBytes)} | ${mib(s.rssEndBytes)} | ${s.cpuSec === null ? "–" : s.cpuSec.toFixed(1)} | ${per} |`,
      );
    }
  }
  if (r.warnings.length > 0) lines.push("", ...r.warnings.map((w) => `- ${w}`));
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------- HTML + SVG

interface Series {
  name: string;
  color: string;
  values: (number | null)[];
}

const esc = (s: string): string => s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2"];

/** A line chart over the timeline's seconds; null values break the line. */
export function lineChart(title: string, unit: string, times: readonly number[], series: readonly Series[]): string {
  const W = 760;
  const H = 240;
  const L = 64;
  const R = 16;
  const T = 28;
  const B = 40;
  const maxT = Math.max(1, ...times);
  const maxV = niceCeil(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const x = (t: number): number => L + (t / maxT) * (W - L - R);
  const y = (v: number): number => H - B - (v / maxV) * (H - T - B);
  const out = [
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">`,
    `<text x="${L}" y="18" class="t">${esc(title)}</text>`,
  ];
  for (let i = 0; i <= 4; i += 1) {
    const v = (maxV * i) / 4;
    out.push(
      `<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" class="g"/>`,
      `<text x="${L - 6}" y="${y(v) + 4}" class="a" text-anchor="end">${fmtAxis(v)}</text>`,
    );
    const t = (maxT * i) / 4;
    out.push(`<text x="${x(t)}" y="${H - B + 16}" class="a" text-anchor="middle">${t.toFixed(0)} s</text>`);
  }
  out.push(
    `<text x="12" y="${T + (H - T - B) / 2}" class="a" transform="rotate(-90 12 ${T + (H - T - B) / 2})" text-anchor="middle">${esc(unit)}</text>`,
  );
  series.forEach((s, i) => {
    for (const run of segments(times, s.values)) {
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="1.8" points="${run.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}"/>`,
      );
    }
    const lx = L + i * 170;
    out.push(
      `<rect x="${lx}" y="${H - 14}" width="10" height="10" fill="${s.color}"/>`,
      `<text x="${lx + 14}" y="${H - 5}" class="a">${esc(s.name)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}

function segments(times: readonly number[], values: readonly (number | null)[]): [number, number][][] {
  const runs: [number, number][][] = [];
  let cur: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (cur.length > 0) runs.push(cur);
      cur = [];
    } else cur.push([times[i]!, v]);
  });
  if (cur.length > 0) runs.push(cur);
  // A single point would be invisible as a polyline: draw it as a tiny segment.
  return runs.map((r) => (r.length === 1 ? [r[0]!, [r[0]![0] + 0.01, r[0]![1]]] : r));
}

function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function fmtAxis(v: number): string {
  return v >= 1000 ? fmtCount(v) : Number.isInteger(v) ? String(v) : v.toFixed(v < 1 ? 2 : 1);
}

export function renderHtml(r: RunResult): string {
  const tl = r.timeline;
  const times = tl.map((p) => p.t);
  const col = (f: (p: TimelinePoint) => number | null): (number | null)[] => tl.map(f);
  const charts = [
    lineChart("Open connections", "connections", times, [{ name: "open", color: COLORS[0]!, values: col((p) => p.open) }]),
    lineChart("Connects per second", "connects/s", times, [
      { name: "connects/s", color: COLORS[1]!, values: col((p) => p.connectsPerSec) },
    ]),
    lineChart("Handshake latency", "ms", times, [
      { name: "p50", color: COLORS[0]!, values: col((p) => p.handshakeP50) },
      { name: "p99", color: COLORS[1]!, values: col((p) => p.handshakeP99) },
    ]),
  ];
  if (r.messages !== null) {
    charts.push(
      lineChart("Throughput", "messages/s", times, [
        { name: "sent/s", color: COLORS[0]!, values: col((p) => p.sentPerSec) },
        { name: "acked/s", color: COLORS[2]!, values: col((p) => p.ackedPerSec) },
        { name: "delivered/s", color: COLORS[3]!, values: col((p) => p.deliveredPerSec) },
      ]),
      lineChart("Latency percentiles", "ms", times, [
        { name: "ack p50", color: COLORS[0]!, values: col((p) => p.ackP50) },
        { name: "ack p99", color: COLORS[2]!, values: col((p) => p.ackP99) },
        { name: "deliver p50", color: COLORS[3]!, values: col((p) => p.deliverP50) },
        { name: "deliver p99", color: COLORS[1]!, values: col((p) => p.deliverP99) },
      ]),
    );
  }
  charts.push(
    lineChart("CPU", "% of one core", times, [
      { name: "load generator", color: COLORS[4]!, values: col((p) => p.clientCpuPct) },
      ...r.server.map((s, i) => ({
        name: s.label.slice(0, 24),
        color: COLORS[i % COLORS.length]!,
        values: col((p) => p.server[i]?.cpuPct ?? null),
      })),
    ]),
  );
  if (r.server.length > 0) {
    charts.push(
      lineChart(
        "Server RSS",
        "MiB",
        times,
        r.server.map((s, i) => ({
          name: s.label.slice(0, 24),
          color: COLORS[i % COLORS.length]!,
          values: col((p) => (p.server[i]?.rssBytes != null ? p.server[i]!.rssBytes! / 1048576 : null)),
        })),
      ),
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Switchboard load: ${esc(r.scenario)} ${esc(r.runId)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:820px;color:#111}
table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
.bug{background:#fee2e2;border:1px solid #dc2626;padding:8px;margin:8px 0}
svg{display:block;margin:18px 0}.t{font-weight:600;font-size:14px}.a{font-size:11px;fill:#444}.g{stroke:#e5e7eb}
</style></head><body>
${markdownToHtml(renderSummary(r))}
${charts.join("\n")}
</body></html>
`;
}

/** Just enough Markdown for renderSummary's output: headings, tables, quotes, bullets, bold. */
function markdownToHtml(md: string): string {
  const inline = (s: string): string => esc(s).replace(/\*\*(.+?)\*\*/g, "<b>$1</b>");
  const out: string[] = [];
  let table: string[][] | null = null;
  const flush = (): void => {
    if (table === null) return;
    const [head, , ...rows] = table;
    out.push(
      `<table><tr>${head!.map((h) => `<th>${inline(h)}</th>`).join("")}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("")}</table>`,
    );
    table = null;
  };
  for (const line of md.split("\n")) {
    if (line.startsWith("|")) {
      (table ??= []).push(
        line
          .slice(1, -1)
          .split(" | ")
          .map((c) => c.trim()),
      );
      continue;
    }
    flush();
    if (line.startsWith("# ")) out.push(`<h1>${inline(line.slice(2))}</h1>`);
    else if (line.startsWith("> ")) out.push(`<div class="bug">${inline(line.slice(2))}</div>`);
    else if (line.startsWith("- ")) out.push(`<p>• ${inline(line.slice(2))}</p>`);
    else if (line.trim() !== "") out.push(`<p>${inline(line)}</p>`);
  }
  flush();
  return out.join("\n");
}
