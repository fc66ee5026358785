// The client's outbox and its retry policy, and the reconnect backoff.
import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/client/backoff.js";
import { Outbox, retryDelay, type SendAck } from "../../src/client/outbox.js";
import { ErrorCode } from "../../src/protocol/proto.js";

const policy = { minDelayMs: 100, maxDelayMs: 1000 };
const ack = (clientMsgId: string, seq: number): SendAck => ({
  clientMsgId,
  conversationId: "c",
  messageId: "m",
  seq,
  sentAtMs: 0,
  duplicate: false,
});

describe("backoffDelay", () => {
  it("is full jitter under a cap doubling from min to max", () => {
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(199);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(799);
    expect(backoffDelay(4, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(500, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it("spreads attempts across the whole window", () => {
    const delays = Array.from({ length: 2000 }, () => backoffDelay(10, policy));
    expect(Math.min(...delays)).toBeLessThan(100);
    expect(Math.max(...delays)).toBeGreaterThan(900);
    expect(delays.every((d) => d >= 0 && d < 1000)).toBe(true);
  });
});

describe("Outbox", () => {
  it("keeps entries in insertion order until settled", async () => {
    const o = new Outbox();
    const a = o.add("a", "c", new Uint8Array([1]), "").entry;
    o.add("b", "c", new Uint8Array([2]), "");
    o.add("c", "c", new Uint8Array([3]), "");
    expect([...o.values()].map((e) => e.clientMsgId)).toEqual(["a", "b", "c"]);
    expect(o.settle("a", ack("a", 1))).toBe(true);
    expect(o.settle("a", ack("a", 1))).toBe(false);
    await expect(a.promise).resolves.toMatchObject({ seq: 1 });
    expect([...o.values()].map((e) => e.clientMsgId)).toEqual(["b", "c"]);
    expect(o.size).toBe(2);
  });

  it("joins a send of an id already in flight", () => {
    const o = new Outbox();
    const first = o.add("x", "c", new Uint8Array(), "");
    const again = o.add("x", "c", new Uint8Array(), "");
    expect(first.existing).toBe(false);
    expect(again.existing).toBe(true);
    expect(again.entry).toBe(first.entry);
    expect(o.size).toBe(1);
  });

  it("fails one or all, cancelling their timers", async () => {
    const o = new Outbox();
    const a = o.add("a", "c", new Uint8Array(), "").entry;
    const b = o.add("b", "c", new Uint8Array(), "").entry;
    let cancelled = 0;
    a.timer = { cancel: () => (cancelled += 1) };
    const err = new Error("nope");
    expect(o.fail("a", err)).toBe(true);
    await expect(a.promise).rejects.toBe(err);
    expect(cancelled).toBe(1);
    o.failAll(err);
    await expect(b.promise).rejects.toBe(err);
    expect(o.size).toBe(0);
  });
});

describe("retryDelay", () => {
  const err = (code: ErrorCode, retryable: boolean, retryAfterMs = 0) => ({ code, retryable, retryAfterMs });

  it("gives up on non-retryable errors", () => {
    expect(retryDelay(err(ErrorCode.FORBIDDEN, false), 1, policy)).toBeNull();
    expect(retryDelay(err(ErrorCode.INVALID_ARGUMENT, false), 1, policy)).toBeNull();
  });

  it("waits at least retry_after_ms for RATE_LIMITED", () => {
    expect(retryDelay(err(ErrorCode.RATE_LIMITED, true, 700), 1, policy, () => 0)).toBe(700);
    expect(retryDelay(err(ErrorCode.RATE_LIMITED, true, 10), 4, policy, () => 0.999)).toBe(799);
  });

  it("backs off UNAVAILABLE and OVERLOADED without limit, INTERNAL once", () => {
    expect(retryDelay(err(ErrorCode.UNAVAILABLE, true), 1, policy, () => 0.5)).toBe(50);
    expect(retryDelay(err(ErrorCode.OVERLOADED, true), 30, policy, () => 0.5)).toBe(500);
    expect(retryDelay(err(ErrorCode.INTERNAL, true), 1, policy, () => 0.5)).toBe(50);
    expect(retryDelay(err(ErrorCode.INTERNAL, true), 2, policy, () => 0.5)).toBeNull();
  });
});
