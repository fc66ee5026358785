// A short run of every load scenario against an in-process gateway: the tool completes, its
// counts are consistent, and it writes its reports. Small N, no timing assertions.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator, findShortfalls } from "../../load/coordinator.js";
import { parseOptions } from "../../load/options.js";
import { writeReports } from "../../load/report.js";
import type { RunResult } from "../../load/result.js";
import { EnvelopeKind } from "../../src/protocol/proto.js";
import { startTestGateway, TEST_SECRET, type TestGateway } from "../helpers/gateway.js";

let gw: TestGateway;
let outRoot: string;

beforeAll(async () => {
  gw = await startTestGateway();
  outRoot = mkdtempSync(join(tmpdir(), "sb-load-"));
});

afterAll(async () => {
  await gw?.stop();
  if (outRoot !== undefined) rmSync(outRoot, { recursive: true, force: true });
});

async function run(name: string, ...args: string[]): Promise<{ r: RunResult; dir: string }> {
  const dir = join(outRoot, name);
  const o = parseOptions([...args, "--url", gw.url, "--secret", TEST_SECRET, "--out", dir, "--server-pid", String(process.pid)]);
  const r = await Coordinator.run(o);
  await writeReports(dir, r);
  return { r, dir };
}

function expectFiles(dir: string): void {
  for (const f of ["result.json", "summary.md", "report.html"]) expect(existsSync(join(dir, f))).toBe(true);
  const html = readFileSync(join(dir, "report.html"), "utf8");
  expect(html).toContain("<svg");
  expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  expect(JSON.parse(readFileSync(join(dir, "result.json"), "utf8"))).toHaveProperty("tool", "switchboard-load");
}

function expectMessagesConsistent(r: RunResult): void {
  expect(r.aborted).toBeNull();
  expect(r.status).toBe("ok");
  const m = r.messages!;
  expect(m.sent).toBeGreaterThan(0);
  expect(m.acked).toBe(m.sent);
  expect(m.failed).toBe(0);
  expect(m.lost).toBe(0);
  expect(m.duplicates).toBe(0);
  expect(m.delivered).toBeGreaterThan(0);
}

describe("npm run load (smoke)", () => {
  it("storm: connects, holds, drops and reconnects everything", async () => {
    const { r, dir } = await run(
      "storm",
      "storm",
      "--connections",
      "20",
      "--rate",
      "200",
      "--duration",
      "1",
      "--drop",
      "--backoff-ms",
      "50",
      "--backoff-max-ms",
      "200",
      "--reconnect-timeout",
      "10",
    );
    expect(r.aborted).toBeNull();
    expect(r.connections).toMatchObject({ target: 20, connected: 20, failed: 0, peakOpen: 20 });
    expect(r.connections.handshakeMs.count).toBe(20);
    expect(r.reconnect).toMatchObject({ reconnected: 20, gaveUp: 0 });
    expect(r.messages).toBeNull();
    expect(r.server[0]?.rssPeakBytes).toBeGreaterThan(0);
    expectFiles(dir);
  });

  it("chat: every send acked and delivered once, lead-in sends timed apart", async () => {
    const { r, dir } = await run("chat", "chat", "--pairs", "10", "--rate", "100", "--duration", "2", "--lead-in", "0.5", "--workers", "2");
    expect(r.connections).toMatchObject({ target: 20, connected: 20, failed: 0 });
    expectMessagesConsistent(r);
    // Each chat message has exactly one recipient.
    expect(r.messages!.delivered).toBe(r.messages!.acked);
    // Every ack and delivery is timed once: in the lead-in's histograms or in the measured ones.
    const m = r.messages!;
    expect(m.leadIn).not.toBeNull();
    expect(m.leadIn!.ackMs.count).toBeGreaterThan(0);
    expect(m.ackMs.count).toBeGreaterThan(0);
    expect(m.leadIn!.ackMs.count + m.ackMs.count).toBe(m.acked);
    expect(m.leadIn!.deliverMs.count + m.deliverMs.count).toBe(m.delivered);
    // The lead-in ramps up over its first half: 0.75 of the 50 sends a constant rate would make.
    expect(m.leadIn!.ackMs.count).toBeLessThanOrEqual(40);
    expect(r.client.cpuUsPerMessage).toBeGreaterThan(0);
    expectFiles(dir);
    // What makes a run "incomplete", on this run's real result shape.
    expect(findShortfalls(r)).toEqual([]);
    const lostServer = { ...r, disconnects: { unexpected: 20, byReason: { "close 1006": 20 } } };
    expect(findShortfalls(lostServer)).toEqual(["20 connections closed unexpectedly (close 1006: 20)"]);
    const noGroups = { ...r, messages: { ...m, setupFailures: { GROUP_FULL: 3 } } };
    expect(findShortfalls(noGroups)).toEqual(["3 setup requests failed (GROUP_FULL: 3)"]);
    const behind = { ...r, messages: { ...m, skipped: 7 } };
    expect(findShortfalls(behind)).toEqual([expect.stringMatching(/^7 sends were skipped/)]);
  });

  it("chat: acked messages whose pushes never came are fetched by the drain's final sync: late, not lost", async () => {
    // 50 messages, 10 per conversation, senders alternating: the pushes of the last round (the
    // last 5 messages) are dropped; the store keeps them. Their recipients send nothing after
    // them, so no hole shows: only the drain's final sync can fetch them.
    const node = gw.node as unknown as { receive(userIds: readonly string[], routed: { kind: EnvelopeKind }): void };
    const receive = node.receive;
    let pushed = 0;
    node.receive = function (userIds, routed) {
      if (routed.kind === EnvelopeKind.ENVELOPE_KIND_MESSAGE && ++pushed > 45) return;
      receive.call(this, userIds, routed);
    };
    try {
      const { r } = await run("chat-late", "chat", "--pairs", "5", "--rate", "50", "--duration", "1", "--drain", "0.5", "--workers", "1");
      const m = r.messages!;
      expect(m.acked).toBe(m.sent);
      expect(m.lost).toBe(0);
      expect(m.delivered).toBe(m.acked);
      expect(m.recoveredBySync).toBeGreaterThan(0);
      expect(r.warnings.join("\n")).toContain("late, not lost");
    } finally {
      node.receive = receive;
    }
  });

  it("group: fan-out reaches every other member", async () => {
    const { r, dir } = await run("group", "group", "--groups", "4", "--group-size", "5", "--rate", "40", "--duration", "2");
    expect(r.connections).toMatchObject({ target: 20, connected: 20, failed: 0 });
    expect(r.messages!.groupsCreated).toBe(4);
    expectMessagesConsistent(r);
    expect(r.messages!.delivered).toBe(r.messages!.acked * 4);
    expectFiles(dir);
  });

  it("mixed: idle, chat and group traffic together", async () => {
    const { r, dir } = await run(
      "mixed",
      "mixed",
      "--connections",
      "30",
      "--pairs",
      "5",
      "--groups",
      "2",
      "--group-size",
      "5",
      "--rate",
      "60",
      "--duration",
      "2",
    );
    expect(r.connections).toMatchObject({ target: 30, connected: 30, failed: 0 });
    expectMessagesConsistent(r);
    expectFiles(dir);
  });

  it("a run whose connections fail is incomplete, not ok, and says why", async () => {
    // A port that was free a moment ago: nothing listens, every connect is refused.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, "127.0.0.1", () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const dir = join(outRoot, "refused");
    const o = parseOptions(["chat", "--pairs", "2", "--rate", "10", "--duration", "1", "--url", `ws://127.0.0.1:${port}/ws`, "--out", dir]);
    const r = await Coordinator.run(o);
    expect(r.aborted).toBeNull();
    expect(r.connections).toMatchObject({ target: 4, connected: 0, failed: 4 });
    expect(r.status).toBe("incomplete");
    expect(r.shortfalls).toEqual([expect.stringMatching(/^4 of 4 connections failed \(.*ECONNREFUSED: 4\)$/)]);
    expect(r.warnings).toContain(r.shortfalls[0]);
  });
});
