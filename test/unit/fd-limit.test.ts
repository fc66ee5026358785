// MAX_CONNECTIONS is capped under the open-files limit, so a node refuses (503 node_full) before
// accept() starts failing.
import { describe, expect, it } from "vitest";
import { connectionsWithin, FD_HEADROOM, softOpenFiles } from "../../src/main/fd-limit.js";

const limits = (soft: string, hard: string): string =>
  [
    "Limit                     Soft Limit           Hard Limit           Units",
    `Max open files            ${soft}                 ${hard}                files`,
  ].join("\n");

describe("open-files limit", () => {
  it("reads the soft limit of /proc/self/limits", () => {
    expect(softOpenFiles(limits("1024", "1048576"))).toBe(1024);
    expect(softOpenFiles(limits("unlimited", "unlimited"))).toBe(Infinity);
    expect(softOpenFiles("no such line")).toBe(Infinity);
  });

  it("caps MAX_CONNECTIONS to leave headroom under it, and leaves it alone when it fits", () => {
    expect(connectionsWithin(100_000, 1024)).toBe(1024 - FD_HEADROOM);
    expect(connectionsWithin(100_000, 200_000)).toBe(100_000);
    expect(connectionsWithin(100_000, Infinity)).toBe(100_000);
    expect(connectionsWithin(100_000, 100)).toBe(1);
  });
});
