// /metrics against real gateways: every family is exposed, and moves after traffic (connects,
// sends, deliveries, sync hot and cold, rate limits, errors, disconnects, the server API, node to
// node envelopes, persistence); no label value ever holds a user or conversation id.
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ServerError, SwitchboardClient, type Message } from "../../src/client/index.js";
import { frameSentAtMs } from "../../src/core/node.js";
import { CloseCode, ErrorCode } from "../../src/protocol/codes.js";
import { encodeServerFrame } from "../../src/protocol/proto.js";
import { inbox, nextEvent as next, trackedClient } from "../helpers/clients.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { waitFor } from "../helpers/wait.js";
import { deleteKeys, REDIS_URL } from "../contract/redis-fixtures.js";
import { createTestDatabase } from "./persistence-harness.js";

const KEY = "metrics-api-key-0123456789abcdef";
const run = randomBytes(3).toString("hex");
/** Distinctive ids, so a label holding one is easy to spot. */
const user = (name: string): string => `mx${name}${run}`;
const dm = (a: string, b: string): string => (a < b ? `dm:${a}:${b}` : `dm:${b}:${a}`);
const text = (m: Message): string => new TextDecoder().decode(m.body);

const clients: SwitchboardClient[] = [];
const unexpected: Error[] = [];
const idsUsed = new Set<string>();

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  expect(unexpected.splice(0).map((e) => `${e.name}: ${e.message}`)).toEqual([]);
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (enough of it for these checks). */
async function scrape(gw: TestGateway): Promise<{ samples: Sample[]; text: string }> {
  const res = await fetch(`${gw.http}/metrics`);
  expect(res.status).toBe(200);
  const body = await res.text();
  const samples: Sample[] = [];
  for (const line of body.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m === null) throw new Error(`unparsable metrics line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { samples, text: body };
}

/** Sum of a family's samples whose labels include `match`. */
function value(samples: Sample[], name: string, match: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((a, s) => a + s.value, 0);
}

async function waitMetric(gw: TestGateway, name: string, match: Record<string, string>, atLeast: number): Promise<void> {
  await waitFor(async () => value((await scrape(gw)).samples, name, match) >= atLeast, {
    what: `${name} ${JSON.stringify(match)} >= ${atLeast}`,
  });
}

/** No label value holds (or contains) a user or conversation id used by the test. */
function expectNoIdLabels(samples: Sample[]): void {
  const offending: string[] = [];
  for (const s of samples) {
    for (const v of Object.values(s.labels)) {
      for (const id of idsUsed) if (v.includes(id)) offending.push(`${s.name}{${JSON.stringify(s.labels)}}`);
    }
  }
  expect(offending).toEqual([]);
}

async function connected(gw: TestGateway, name: string, opts: { device?: string } = {}): Promise<SwitchboardClient> {
  const id = user(name);
  idsUsed.add(id);
  const c = trackedClient(clients, unexpected, { url: gw.url, token: () => gw.token(id), device: opts.device ?? "phone" });
  await c.connect();
  return c;
}

async function api(gw: TestGateway, method: string, path: string, body?: unknown, key: string | null = KEY): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers["authorization"] = `Bearer ${key}`;
  const res = await fetch(`${gw.http}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

/** A raw upgrade with a bad token: resolves once refused. */
function badUpgrade(gw: TestGateway): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${gw.url}?token=not-a-jwt`);
    ws.on("error", () => resolve());
    ws.on("unexpected-response", () => resolve());
  });
}

describe("frameSentAtMs", () => {
  it("reads sent_at_ms off an encoded message frame without decoding it", () => {
    const sentAtMs = 1_760_000_123_456;
    const frame = encodeServerFrame({
      reqId: 7,
      message: { messageId: "m", conversationId: "dm:a:b", seq: 300, senderId: "a", body: new Uint8Array(500), contentType: "x", sentAtMs },
    });
    expect(frameSentAtMs(frame)).toBe(sentAtMs);
    expect(frameSentAtMs(encodeServerFrame({ message: { messageId: "m", sentAtMs: 1 } }))).toBe(1);
    expect(frameSentAtMs(encodeServerFrame({ pong: { clientTimeMs: 5, serverTimeMs: 6 } }))).toBe(0);
    expect(frameSentAtMs(frame.subarray(0, 20))).toBe(0); // truncated: no value, no throw
  });
});

describe("one node (memory engine)", () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ API_KEY: KEY, SEND_RATE_PER_SEC: "1", SEND_BURST: "5" });
  });

  afterAll(async () => {
    await gw.stop();
  });

  it("exposes every family before any traffic", async () => {
    const { text: body } = await scrape(gw);
    for (const family of [
      "sb_connections",
      "sb_connects_total",
      "sb_disconnects_total",
      "sb_upgrade_rejects_total",
      "sb_frames_in_total",
      "sb_frames_out_total",
      "sb_errors_total",
      "sb_messages_sent_total",
      "sb_messages_delivered_total",
      "sb_send_ack_seconds",
      "sb_send_deliver_seconds",
      "sb_sync_requests_total",
      "sb_sync_messages_total",
      "sb_backpressure_pauses_total",
      "sb_slow_consumer_closes_total",
      "sb_rate_limited_total",
      "sb_envelopes_published_total",
      "sb_envelopes_received_total",
      "sb_api_requests_total",
      "sb_persist_batch_messages",
      "sb_persist_queue_backlog_jobs",
      "sb_persist_insert_seconds",
      "sb_persist_dead_letters_total",
    ]) {
      expect(body, family).toContain(`# TYPE ${family} `);
    }
  });

  it("moves after connects, sends, deliveries, sync, rate limits, errors, API calls and disconnects", async () => {
    const before = (await scrape(gw)).samples;
    const a = await connected(gw, "alice");
    const b = await connected(gw, "bob");
    const conv = dm(user("alice"), user("bob"));
    idsUsed.add(conv);
    const bInbox = inbox(b);

    for (let i = 0; i < 3; i++) await a.send(conv, `m${i}`);
    await waitFor(() => bInbox.length >= 3, { what: "bob receives 3 messages" });

    // Rate limit: carol's bucket holds 5 sends at 1/s.
    const carol = await connected(gw, "carol");
    const carolConv = dm(user("carol"), user("alice"));
    idsUsed.add(carolConv);
    // The client resends rate-limited sends later (they settle when carol closes): not awaited.
    for (let i = 0; i < 8; i++) void carol.send(carolConv, `r${i}`, { clientMsgId: `r${i}` }).catch(() => undefined);
    await waitMetric(gw, "sb_rate_limited_total", {}, 1);

    // A FORBIDDEN error: dave is not in alice and bob's DM.
    const dave = await connected(gw, "dave");
    const err = await dave.send(conv, "intrude").then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as ServerError).code).toBe(ErrorCode.FORBIDDEN);

    // Sync from scratch on a new device of bob's: 3 messages served from the (hot) store.
    const b2 = await connected(gw, "bob", { device: "laptop" });
    await waitFor(() => b2.cursor(conv) >= 3, { what: "bob's laptop synced" });

    // Server API: publish (user id in the path and body, never in a label), presence, disconnect.
    expect(await api(gw, "POST", `/v1/conversations/${conv}/messages`, { body: "api", idempotency_key: "k1" })).toBe(201);
    expect(await api(gw, "GET", `/v1/presence?user_ids=${user("alice")}`)).toBe(200);
    expect(await api(gw, "GET", `/v1/presence?user_ids=${user("alice")}`, undefined, "wrong-key-0123456789")).toBe(401);
    const closed = next(dave, "close");
    expect(await api(gw, "POST", `/v1/users/${user("dave")}/disconnect`)).toBe(202);
    expect((await closed).code).toBe(CloseCode.FORBIDDEN_CLOSE);

    await badUpgrade(gw);

    await waitFor(() => bInbox.some((m) => text(m) === "api"), { what: "API message delivered" });
    const after = (await scrape(gw)).samples;
    const delta = (name: string, match: Record<string, string> = {}): number => value(after, name, match) - value(before, name, match);

    expect(value(after, "sb_connections")).toBe(4); // alice, bob x2, carol (dave was disconnected)
    expect(delta("sb_connects_total")).toBe(5);
    expect(delta("sb_disconnects_total", { code: "4101", reason: "forbidden_close" })).toBe(1);
    const authRejects = after.filter((s) => s.name === "sb_upgrade_rejects_total" && s.labels["reason"]!.startsWith("auth_"));
    expect(authRejects.reduce((n, s) => n + s.value, 0)).toBeGreaterThanOrEqual(1);
    expect(delta("sb_frames_in_total", { type: "send" })).toBeGreaterThanOrEqual(3 + 8 + 1);
    expect(delta("sb_frames_in_total", { type: "sync" })).toBeGreaterThanOrEqual(1);
    for (const type of ["welcome", "sendAck", "message", "syncDone", "error"]) {
      expect(delta("sb_frames_out_total", { type }), type).toBeGreaterThan(0);
    }
    expect(delta("sb_messages_sent_total")).toBeGreaterThanOrEqual(3 + 5 + 1);
    // bob's 3 + api message to alice and bob (x2 devices) + the laptop's sync is not "delivered".
    expect(delta("sb_messages_delivered_total")).toBeGreaterThanOrEqual(3 + 3);
    expect(delta("sb_send_ack_seconds_count")).toBeGreaterThanOrEqual(3 + 5);
    expect(delta("sb_send_deliver_seconds_count")).toBeGreaterThanOrEqual(4);
    expect(delta("sb_sync_requests_total")).toBeGreaterThanOrEqual(5);
    expect(delta("sb_sync_messages_total", { source: "hot" })).toBeGreaterThanOrEqual(3);
    expect(delta("sb_sync_messages_total", { source: "cold" })).toBe(0); // memory engine: no cold tier
    expect(delta("sb_rate_limited_total")).toBeGreaterThanOrEqual(1);
    expect(delta("sb_errors_total", { code: "RATE_LIMITED" })).toBeGreaterThanOrEqual(1);
    expect(delta("sb_errors_total", { code: "FORBIDDEN" })).toBe(1);
    expect(delta("sb_api_requests_total", { route: "publish", status: "201" })).toBe(1);
    expect(delta("sb_api_requests_total", { route: "presence", status: "200" })).toBe(1);
    expect(delta("sb_api_requests_total", { route: "unauthorized", status: "401" })).toBe(1);
    expect(delta("sb_api_requests_total", { route: "disconnect", status: "202" })).toBe(1);
    // The memory engine's bounds, read at scrape time (not as of a periodic sweep): alice's 3,
    // carol's 5 accepted and the API's 1 are held, each with its idempotency key.
    expect(delta("sb_memory_history_messages")).toBeGreaterThanOrEqual(3 + 5 + 1);
    expect(delta("sb_memory_dedupe_keys")).toBeGreaterThanOrEqual(3 + 5 + 1);
    expect(value(after, "sb_memory_history_limit_per_conversation")).toBe(10_000);
    expect(value(after, "sb_memory_dedupe_limit")).toBeGreaterThan(990_000);
    expect(value(after, "sb_memory_dedupe_limit")).toBeLessThanOrEqual(1_000_000);

    // A client's own close is counted by its code (bounded: unknown codes are "other").
    await b2.close();
    await waitMetric(gw, "sb_disconnects_total", { code: "1000", reason: "normal" }, 1);
    expectNoIdLabels((await scrape(gw)).samples);
  });

  it("counts backpressure pauses and slow-consumer closes (labels bounded)", async () => {
    const { samples } = await scrape(gw);
    // Moving these needs a stalled reader (gateway.test.ts covers the behaviour); here: exposed, bounded.
    expect(
      samples
        .filter((s) => s.name === "sb_slow_consumer_closes_total")
        .every((s) => ["hard_limit", "pause_timeout"].includes(s.labels["reason"]!)),
    ).toBe(true);
    expect(samples.some((s) => s.name === "sb_backpressure_pauses_total")).toBe(true);
  });
});

describe("Node defaults", () => {
  it("includes event-loop lag, GC pauses and process metrics when default metrics are on", async () => {
    const gw = await startTestGateway({}, { defaultMetrics: true });
    try {
      const { text: body } = await scrape(gw);
      for (const family of [
        "nodejs_eventloop_lag_seconds",
        "nodejs_eventloop_lag_p99_seconds",
        "nodejs_gc_duration_seconds",
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
        "nodejs_heap_size_used_bytes",
      ]) {
        expect(body, family).toContain(`# TYPE ${family} `);
      }
      expect(body).toContain("# TYPE nodejs_gc_duration_seconds histogram");
    } finally {
      await gw.stop();
    }
  });
});

describe("two nodes on Redis, with MySQL persistence", () => {
  const prefix = `sbtest:metrics-${run}:`;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      API_KEY: KEY,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      MYSQL_URL: db.url,
      PERSIST_QUEUE: `metrics-${run}`,
      PERSIST_PREFIX: `sbtest-bull-${run}`,
      // A tiny hot window: older history is read from MySQL (cold).
      REDIS_HISTORY_MAX: "5",
      BATCH_MAX_MS: "5",
      OUTBOX_GATHER_MS: "5",
    };
    a = await startTestGateway(env);
    b = await startTestGateway(env);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
    await deleteKeys(REDIS_URL, prefix);
    await deleteKeys(REDIS_URL, `sbtest-bull-${run}`);
  });

  it("counts envelopes between nodes, send-to-deliver on the receiving node, persistence, and cold sync", async () => {
    const sender = await connected(a, "erin");
    const reader = await connected(b, "finn");
    const conv = dm(user("erin"), user("finn"));
    idsUsed.add(conv);
    const got = inbox(reader);
    const beforeB = (await scrape(b)).samples;
    for (let i = 0; i < 12; i++) await sender.send(conv, `p${i}`);
    await waitFor(() => got.length >= 12, { what: "finn receives 12 messages on the other node" });

    const afterA = (await scrape(a)).samples;
    const afterB = (await scrape(b)).samples;
    expect(value(afterA, "sb_envelopes_published_total", { kind: "ENVELOPE_KIND_MESSAGE" })).toBeGreaterThanOrEqual(12);
    expect(value(afterB, "sb_envelopes_received_total", { kind: "ENVELOPE_KIND_MESSAGE" })).toBeGreaterThanOrEqual(12);
    const deliverCount = value(afterB, "sb_send_deliver_seconds_count") - value(beforeB, "sb_send_deliver_seconds_count");
    expect(deliverCount).toBeGreaterThanOrEqual(12);
    // Clocks of one host: the observed latency is small and never negative.
    expect(value(afterB, "sb_send_deliver_seconds_sum") - value(beforeB, "sb_send_deliver_seconds_sum")).toBeLessThan(deliverCount * 5);

    // Persistence moved: the sending node's batcher, and the embedded persisters (either node's
    // worker may take a batch from the shared queue).
    const both = async (): Promise<Sample[]> => [...(await scrape(a)).samples, ...(await scrape(b)).samples];
    await waitFor(async () => value(await both(), "sb_persist_written_messages_total") >= 12, { what: "12 messages written to MySQL" });
    const persisted = await both();
    expect(value(persisted, "sb_persist_enqueued_messages_total")).toBeGreaterThanOrEqual(12);
    expect(value(persisted, "sb_persist_batch_messages_count")).toBeGreaterThan(0);
    expect(value(persisted, "sb_persist_insert_seconds_count")).toBeGreaterThan(0);
    expect(persisted.some((s) => s.name === "sb_persist_queue_backlog_jobs")).toBe(true);

    // A fresh device syncs 1..12: the 5 newest from Redis (hot), the rest from MySQL (cold).
    const before = (await scrape(b)).samples;
    const laptop = await connected(b, "finn", { device: "laptop" });
    await waitFor(() => laptop.cursor(conv) >= 12, { what: "laptop synced 12 messages" });
    const after = (await scrape(b)).samples;
    expect(value(after, "sb_sync_messages_total", { source: "cold" }) - value(before, "sb_sync_messages_total", { source: "cold" })).toBe(
      7,
    );
    expect(value(after, "sb_sync_messages_total", { source: "hot" }) - value(before, "sb_sync_messages_total", { source: "hot" })).toBe(5);
    expect(got.map(text)).toEqual(Array.from({ length: 12 }, (_, i) => `p${i}`));

    expectNoIdLabels([...after, ...(await scrape(a)).samples]);
  });
});
