// `npm run bench -- --quick --only uws-relay`: the side-by-side tool starts the peer, runs the idle
// (memory) and chat measures against it, stops it, and writes its result and summary. No timing
// assertions: on a shared CI machine only the shape and the absence of losses are checked.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const out = mkdtempSync(join(tmpdir(), "sb-bench-"));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run bench (smoke)", () => {
  it("runs --quick --only uws-relay end to end", { timeout: 180_000 }, () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "load/bench.ts", "--quick", "--only", "uws-relay", "--no-build", "--out", out],
      {
        encoding: "utf8",
        timeout: 170_000,
      },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const f of ["result.json", "summary.md"]) expect(existsSync(join(out, f))).toBe(true);
    const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8")) as {
      tool: string;
      results: {
        id: string;
        error: string | null;
        memory: { connected: number; connections: number } | null;
        chat: { steps: { lost: number; sentPerSec: number }[] } | null;
      }[];
      ratios: unknown[];
    };
    expect(result.tool).toBe("switchboard-bench");
    expect(result.results).toHaveLength(1);
    const relay = result.results[0]!;
    expect(relay).toMatchObject({ id: "uws-relay", error: null });
    expect(relay.memory!.connected).toBe(relay.memory!.connections);
    expect(relay.chat!.steps.length).toBeGreaterThan(0);
    for (const s of relay.chat!.steps) {
      expect(s.lost).toBe(0);
      expect(s.sentPerSec).toBeGreaterThan(0);
    }
    expect(result.ratios).toHaveLength(3);
    expect(readFileSync(join(out, "summary.md"), "utf8")).toContain("| ratio | value | target | met |");
  });
});
