// Pure parts of the gateway core: ids, rate limits, the lossless push path, keepalive, config.
import { describe, expect, it } from "vitest";
import { ConfigError, DEV_JWT_SECRET, loadConfig } from "../../src/config/config.js";
import { parseConversationId, assertClientMsgId, IdGenerator } from "../../src/core/ids.js";
import { Keepalive } from "../../src/core/keepalive.js";
import { KeyedRateLimiter, TokenBucket } from "../../src/core/rate-limit.js";
import { SessionRegistry } from "../../src/core/registry.js";
import { push, Session, type Socket } from "../../src/core/session.js";
import { closeAllowsReconnect, CloseCode, ErrorCode, SwitchboardError } from "../../src/protocol/codes.js";
import { extractToken } from "../../src/transport/server.js";

class FakeSocket implements Socket {
  sent: Uint8Array[] = [];
  buffered = 0;
  ended: { code: number; reason: string } | null = null;
  pings = 0;
  result = 1;
  send(m: Uint8Array): number {
    this.sent.push(m);
    return this.result;
  }
  getBufferedAmount(): number {
    return this.buffered;
  }
  end(code: number, reason: string): void {
    this.ended = { code, reason };
  }
  ping(): number {
    this.pings += 1;
    return 1;
  }
  cork(cb: () => void): void {
    cb();
  }
}

function session(user = "alice", device = "d1", expSec = 0): { s: Session; socket: FakeSocket } {
  const s = new Session("s1", user, device, "127.0.0.1", expSec, "", 0);
  const socket = new FakeSocket();
  s.socket = socket;
  return { s, socket };
}

describe("conversation ids", () => {
  it("canonicalises DMs to sorted order and accepts groups", () => {
    expect(parseConversationId("dm:bob:alice")).toEqual({ kind: "dm", id: "dm:alice:bob", users: ["alice", "bob"] });
    expect(parseConversationId("g:team-1")).toEqual({ kind: "group", id: "g:team-1", groupId: "team-1" });
  });

  it.each(["", "dm:alice", "dm:a:b:c", "dm:al ice:bob", "g:", "x:1", `dm:${"a".repeat(65)}:b`])(
    "rejects %j with INVALID_ARGUMENT",
    (raw) => {
      expect(() => parseConversationId(raw)).toThrow(SwitchboardError);
      try {
        parseConversationId(raw);
      } catch (e) {
        expect((e as SwitchboardError).code).toBe(ErrorCode.INVALID_ARGUMENT);
      }
    },
  );

  it("bounds client_msg_id and makes unique ids", () => {
    expect(() => assertClientMsgId("")).toThrow(SwitchboardError);
    expect(() => assertClientMsgId("x".repeat(129))).toThrow(SwitchboardError);
    // Unpaired surrogates have no UTF-8 form; pairs (emoji) are fine.
    expect(() => assertClientMsgId("k\ud800")).toThrow(/well-formed/);
    expect(() => assertClientMsgId("\udc00k")).toThrow(/well-formed/);
    expect(assertClientMsgId("😀".repeat(64))).toBe("😀".repeat(64));
    const g = new IdGenerator();
    const ids = new Set(Array.from({ length: 1000 }, () => g.next()));
    expect(ids.size).toBe(1000);
  });
});

describe("token buckets", () => {
  it("allows a burst, then refills at the rate and says how long to wait", () => {
    const b = new TokenBucket(10, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(100);
    expect(b.take(100)).toBe(0);
    expect(b.isFull(1000)).toBe(true);
  });

  it("keys buckets and forgets full ones on sweep", () => {
    const l = new KeyedRateLimiter(1, 1);
    expect(l.take("a", 0)).toBe(0);
    expect(l.take("a", 0)).toBeGreaterThan(0);
    expect(l.take("b", 0)).toBe(0);
    l.sweep(10_000);
    expect(l.size).toBe(0);
  });
});

describe("push: the lossless outbound path", () => {
  const limits = { soft: 100, hard: 1000 };
  const frame = new Uint8Array(60);
  const stored = (seq: number) => ({ conversationId: "dm:alice:bob", seq });

  it("sends while under the soft limit", () => {
    const { s, socket } = session();
    expect(push(s, frame, stored(1), limits, 1)).toBe("sent");
    expect(socket.sent).toHaveLength(1);
  });

  it("pauses past the soft limit, then notes stored frames instead of sending them", () => {
    const { s, socket } = session();
    socket.buffered = 150;
    expect(push(s, frame, stored(1), limits, 5)).toBe("paused");
    expect(s.paused).toBe(true);
    expect(push(s, frame, stored(2), limits, 6)).toBe("missed");
    expect(push(s, frame, stored(3), limits, 7)).toBe("missed");
    expect(socket.sent).toHaveLength(1);
    expect(s.missed?.get("dm:alice:bob")).toEqual({ next: 2, max: 3 });
    expect(s.missedBytes).toBe(120);
  });

  it("sheds ephemeral frames when paused or over the soft limit, never stored ones", () => {
    const { s, socket } = session();
    socket.buffered = 150;
    expect(push(s, frame, null, limits, 1)).toBe("shed");
    expect(socket.sent).toHaveLength(0);
    s.pausedAtMs = 1;
    expect(push(s, frame, null, limits, 1)).toBe("shed");
  });

  it("reports overflow past the hard limit, counting bytes skipped while paused", () => {
    const { s, socket } = session();
    socket.buffered = 1200;
    expect(push(s, frame, stored(1), limits, 1)).toBe("overflow");
    const b = session();
    b.s.pausedAtMs = 1;
    b.socket.buffered = 950;
    expect(push(b.s, frame, stored(1), limits, 1)).toBe("overflow");
  });

  it("treats a frame uWS dropped as missed and pauses", () => {
    const { s, socket } = session();
    socket.result = 2;
    expect(push(s, frame, stored(4), limits, 9)).toBe("paused");
    expect(s.missed?.get("dm:alice:bob")).toEqual({ next: 4, max: 4 });
  });

  it("writes nothing to a closed session", () => {
    const { s, socket } = session();
    s.closed = true;
    expect(push(s, frame, stored(1), limits, 1)).toBe("closed");
    expect(socket.sent).toHaveLength(0);
  });
});

describe("session registry", () => {
  it("replaces the same user+device and counts users' sessions", () => {
    const r = new SessionRegistry();
    const a = new Session("1", "alice", "phone", "ip", 0, "", 0);
    const b = new Session("2", "alice", "laptop", "ip", 0, "", 0);
    const a2 = new Session("3", "alice", "phone", "ip", 0, "", 0);
    expect(r.add(a)).toEqual({ replaced: null, userSessions: 1 });
    expect(r.add(b).userSessions).toBe(2);
    expect(r.add(a2)).toEqual({ replaced: a, userSessions: 2 });
    expect(r.remove(a)).toBe(2); // already replaced: a no-op
    expect(r.size).toBe(2);
    expect([...r.userCounts()]).toEqual([["alice", 2]]);
    expect(r.remove(a2)).toBe(1);
    expect(r.remove(b)).toBe(0);
    expect(r.users).toBe(0);
  });
});

describe("keepalive", () => {
  it("pings live sessions once per interval, closes idle ones and expired tokens", () => {
    let now = 100_000;
    const idle: string[] = [];
    const expired: string[] = [];
    const k = new Keepalive(
      1000,
      3000,
      { idle: (s) => idle.push(s.sessionId), expired: (s) => expired.push(s.sessionId), visit: () => {} },
      () => now,
    );
    try {
      const live = session("alice", "d1", Math.floor(now / 1000) + 5);
      const silent = session("bob", "d1");
      live.s.lastSeenMs = now;
      silent.s.lastSeenMs = now;
      k.add(live.s);
      k.add(silent.s);
      for (let i = 0; i < 10; i++) k.tick();
      expect(live.socket.pings).toBe(1);
      expect(silent.socket.pings).toBe(1);
      now += 3500;
      live.s.lastSeenMs = now;
      for (let i = 0; i < 10; i++) k.tick();
      expect(idle).toEqual([silent.s.sessionId]);
      now += 2000;
      k.expire();
      expect(expired).toEqual([live.s.sessionId]);
    } finally {
      k.stop();
    }
  });
});

describe("config and codes", () => {
  it("names every bad variable and keeps defaults", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ SOFT_BUFFER_BYTES: "9000000" })).toThrow(/HARD_BUFFER_BYTES/);
    // Production refuses the public development secret, and a db ack mode with nothing to commit to.
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development secret is public/);
    expect(() => loadConfig({ ACK_MODE: "db", REDIS_URL: "redis://r:6379" })).toThrow(/ACK_MODE/);
    expect(loadConfig({ ACK_MODE: "db", REDIS_URL: "redis://r:6379", MYSQL_URL: "mysql://u@m:3306/d" }).ACK_MODE).toBe("db");
    const c = loadConfig({});
    expect(c.JWT_SECRET).toBe(DEV_JWT_SECRET);
    expect(c.PORT).toBe(8080);
    expect(c.PING_INTERVAL_MS).toBe(30_000);
    expect(c.IDLE_TIMEOUT_MS).toBe(90_000);
    expect(c.MAX_FRAME_BYTES).toBe(65_536);
  });

  it("splits close codes into reconnect and fix-first ranges", () => {
    expect(closeAllowsReconnect(CloseCode.GOING_AWAY)).toBe(true);
    expect(closeAllowsReconnect(CloseCode.SLOW_CONSUMER)).toBe(true);
    expect(closeAllowsReconnect(CloseCode.PROTOCOL_VIOLATION)).toBe(false);
    expect(closeAllowsReconnect(CloseCode.SESSION_REPLACED)).toBe(false);
    expect(new SwitchboardError(ErrorCode.RATE_LIMITED, "x").retryable).toBe(true);
    expect(new SwitchboardError(ErrorCode.FORBIDDEN, "x").httpStatus).toBe(403);
  });

  it("extracts the token from header, bearer subprotocol or query", () => {
    expect(extractToken("Bearer abc", "", "q")).toEqual({ token: "abc", protocol: "" });
    expect(extractToken("", "bearer, tok", "q")).toEqual({ token: "tok", protocol: "bearer" });
    expect(extractToken("", "chat", "q")).toEqual({ token: "q", protocol: "" });
    expect(extractToken("", "", "")).toEqual({ token: "", protocol: "" });
  });
});
