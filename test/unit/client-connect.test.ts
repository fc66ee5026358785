// Connection attempts over a fake socket: every attempt is bounded, whatever it waits for.
import { describe, expect, it } from "vitest";
import { SwitchboardClient } from "../../src/client/client.js";
import type { TimerWheel } from "../../src/client/timers.js";
import type { CursorStore, WebSocketCtor } from "../../src/client/types.js";
import { FakeSocket, flush, ManualTimers, welcome } from "../helpers/fake-client.js";

function client(timers: ManualTimers, token: () => string | Promise<string>, cursors?: CursorStore): SwitchboardClient {
  FakeSocket.last = null;
  FakeSocket.all = [];
  return new SwitchboardClient({
    url: "ws://test/ws",
    token,
    cursors,
    WebSocket: FakeSocket as unknown as WebSocketCtor,
    timers: timers as unknown as TimerWheel,
    syncOnConnect: false,
    autoAck: false,
    requestTimeoutMs: 1000,
  });
}

describe("client connection attempts", () => {
  it("a token callback that never settles during a reconnect fails the attempt at the deadline, then reconnects", async () => {
    const timers = new ManualTimers();
    let calls = 0;
    const c = client(timers, () => (++calls === 2 ? new Promise<string>(() => {}) : "t"));
    const connected = c.connect();
    await welcome();
    await connected;
    const closes: { reason: string; willReconnect: boolean }[] = [];
    c.on("close", (ci) => closes.push(ci));
    let settled = false;
    void c.send("dm:alice:bob", "hello").finally(() => (settled = true));
    FakeSocket.last!.drop();
    timers.fire((d) => d < 1000); // the reconnect delay: the token callback hangs
    await flush();
    expect(calls).toBe(2);
    expect(timers.fire((d) => d === 1000)).toBe(1); // the attempt's deadline
    expect(closes[1]).toMatchObject({ reason: "no token (or stored cursors) within 1000 ms", willReconnect: true });
    expect(c.state).toBe("reconnecting");
    timers.fire((d) => d < 1000);
    await flush();
    expect(calls).toBe(3);
    const ws = await welcome();
    await flush();
    expect(c.state).toBe("open");
    expect(ws.sent.filter((f) => f.body === "send")).toHaveLength(1); // the outbox is resent
    expect(settled).toBe(false);
  });

  it("a first connect whose token or cursor load never settles rejects at the deadline", async () => {
    for (const hang of ["token", "cursors"] as const) {
      const timers = new ManualTimers();
      const never = new Promise<never>(() => {});
      const store: CursorStore = { load: () => never, save: () => {} };
      const c = client(timers, () => (hang === "token" ? never : "t"), hang === "cursors" ? store : undefined);
      const connected = c.connect().catch((e: unknown) => e);
      await flush();
      expect(FakeSocket.all).toHaveLength(0);
      expect(timers.fire((d) => d === 1000)).toBe(1);
      expect(await connected).toMatchObject({ message: expect.stringContaining("within 1000 ms") });
      expect(c.state).toBe("idle");
    }
  });
});
