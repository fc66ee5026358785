import { describe, expect, it } from "vitest";
import { assertLoopbackTargets, isLoopbackAddress, RemoteTargetError } from "../../load/guard.js";

const fakeDns = (table: Record<string, string[]>) => async (host: string) => {
  const a = table[host];
  if (a === undefined) throw new Error("ENOTFOUND");
  return a;
};

describe("loopback guard", () => {
  it("recognises loopback addresses", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ["10.0.0.1", "128.0.0.1", "::2", "fe80::1", "0.0.0.0"]) expect(isLoopbackAddress(a)).toBe(false);
  });

  it("accepts loopback literals and names that resolve only to loopback", async () => {
    const dns = fakeDns({ localhost: ["127.0.0.1", "::1"] });
    await expect(
      assertLoopbackTargets(["ws://127.0.0.5:8080/ws", "ws://[::1]:8080/ws", "ws://localhost:1/ws"], false, dns),
    ).resolves.toBeUndefined();
  });

  it("refuses remote targets, mixed resolutions and unresolvable names", async () => {
    const dns = fakeDns({ "gw.example.com": ["203.0.113.7"], sneaky: ["127.0.0.1", "198.51.100.1"] });
    await expect(assertLoopbackTargets(["ws://10.1.2.3/ws"], false, dns)).rejects.toThrow(
      /10\.1\.2\.3, which is not loopback .* --allow-remote/,
    );
    await expect(assertLoopbackTargets(["ws://gw.example.com/ws"], false, dns)).rejects.toThrow(RemoteTargetError);
    await expect(assertLoopbackTargets(["ws://sneaky/ws"], false, dns)).rejects.toThrow(/not loopback/);
    await expect(assertLoopbackTargets(["ws://nowhere/ws"], false, dns)).rejects.toThrow(/cannot resolve nowhere/);
  });

  it("lets --allow-remote through without resolving", async () => {
    await expect(assertLoopbackTargets(["ws://gw.example.com/ws"], true, fakeDns({}))).resolves.toBeUndefined();
  });
});
