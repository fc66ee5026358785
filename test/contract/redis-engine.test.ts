// Redis-engine behaviour beyond the contract: batching (round trips per message), the group
// cache, trimming by age, dedupe past the history window, and the presence route table's TTL.
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createRedisClients } from "../../src/engine/redis/clients.js";
import { RedisEngine, type RedisEngineOptions } from "../../src/engine/redis/redis-engine.js";
import type { AppendInput } from "../../src/engine/types.js";
import { seededRandom } from "../helpers/random.js";
import { uniqueId, waitFor } from "./helpers.js";
import { deleteKeys, REDIS_URL, startEngine, testLog, uniquePrefix } from "./redis-fixtures.js";

const prefix = uniquePrefix();
const open: RedisEngine[] = [];
const inspector = new Redis(REDIS_URL);

async function engine(options: Partial<Omit<RedisEngineOptions, "client" | "subscriber">> = {}): Promise<RedisEngine> {
  const e = await startEngine(REDIS_URL, { nodeId: uniqueId("node"), prefix, ...options });
  open.push(e);
  return e;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

afterAll(async () => {
  await deleteKeys(REDIS_URL, prefix);
  inspector.disconnect();
});

describe("redis engine: batching", () => {
  it("sends 10,000 concurrent appends in a few round trips and script calls", async () => {
    const e = await engine();
    const conversations = Array.from({ length: 100 }, (_, i) => `dm:bench${i}:peer${i}`);
    const before = e.stats();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 10_000 }, (_, i) => e.store.append(message(conversations[i % 100]!, `user${i % 100}`, `b${i}`))),
    );
    const ms = performance.now() - started;
    const after = e.stats();
    const roundTrips = after.roundTrips - before.roundTrips;
    const commands = after.commands - before.commands;
    console.log(
      `10000 appends: ${roundTrips} round trips (${(roundTrips / 10_000).toFixed(4)} per message), ` +
        `${commands} commands, ${ms.toFixed(0)} ms (${Math.round(10_000 / (ms / 1000))} appends/s)`,
    );
    expect(roundTrips).toBeLessThanOrEqual(20);
    // One script call per 128 appends of a loop turn (MAX_APPENDS_PER_CALL).
    expect(commands).toBe(Math.ceil(10_000 / 128));
    const seqs = new Map<string, number[]>();
    for (const r of results) seqs.set(r.message.conversationId, [...(seqs.get(r.message.conversationId) ?? []), r.message.seq]);
    for (const list of seqs.values()) expect(list.sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it("writes one loop turn's cursor updates as one script call", async () => {
    const e = await engine();
    const run = uniqueId("cu");
    const conv = (k: number): string => `dm:${run}${k}:peer`;
    // Cursors stop at a conversation's newest seq: 5 conversations of 200 messages each.
    await Promise.all(Array.from({ length: 1000 }, (_, i) => e.store.append(message(conv(i % 5), "peer", `m${i}`))));
    // Seqs 0..199 in a shuffled order (the highest must win, not the last), and one past the newest.
    const order = Array.from({ length: 200 }, (_, i) => i);
    const random = seededRandom(7);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const before = e.stats();
    const [past, ...written] = await Promise.all([
      e.store.setCursor(`${run}4`, "phone", conv(4), 10_000),
      ...order.map((i) => e.store.setCursor(`${run}${i % 5}`, "phone", conv(i % 5), i)),
    ]);
    const after = e.stats();
    expect(after.commands - before.commands).toBe(1);
    // Every caller gets its entry's seq, capped: the turn's highest for that device and conversation.
    expect(written[order.indexOf(7)]).toBe(197);
    expect(past).toBe(200);
    expect((await e.store.cursors(`${run}2`, "phone")).get(conv(2))).toBe(197);
    expect((await e.store.cursors(`${run}4`, "phone")).get(conv(4))).toBe(200);
  });

  it("shares one round trip between the appends, publishes, lookups, cursor and presence writes of one loop turn", async () => {
    const e = await engine();
    const before = e.stats();
    await Promise.all([
      e.store.append(message("dm:x1:y1", "x1", uniqueId("m"))),
      e.store.append(message("dm:x2:y2", "x2", uniqueId("m"))),
      e.broker.publish("nobody", new Uint8Array([1])),
      e.presence.locate(["x1", "y1"]),
      e.store.setCursor("x1", "phone", "dm:x1:y1", 1),
      e.presence.register("x1", 1),
    ]);
    expect(e.stats().roundTrips - before.roundTrips).toBe(1);
  });
});

describe("redis engine: appends of one loop turn", () => {
  it("go as one call, in call order, with retries in the same call deduped", async () => {
    const e = await engine();
    const conv = `dm:${uniqueId("ta")}:${uniqueId("tb")}`;
    const [a] = conv.slice(3).split(":") as [string];
    const id = uniqueId("m");
    const before = e.stats();
    const results = await Promise.all([
      e.store.append(message(conv, a, id)),
      e.store.append(message(conv, a, uniqueId("m"))),
      e.store.append(message(conv, a, id)),
    ]);
    expect(e.stats().commands - before.commands).toBe(1);
    expect(results.map((r) => [r.message.seq, r.duplicate])).toEqual([
      [1, false],
      [2, false],
      [1, true],
    ]);
    expect(results[2]!.message.messageId).toBe(results[0]!.message.messageId);
  });

  it("return the presence of the users to locate, as of the append", async () => {
    const [a, b] = [await engine(), await engine()];
    const [online, elsewhere, offline] = [uniqueId("on"), uniqueId("el"), uniqueId("off")];
    await a.presence.register(online, 1);
    await b.presence.register(online, 2);
    await b.presence.register(elsewhere, 1);
    const [r1, r2] = await Promise.all([
      a.store.append({ ...message(`dm:${online}:${offline}`, online, uniqueId("m")), locate: [online, offline] }),
      a.store.append({ ...message(`dm:${elsewhere}:${offline}`, elsewhere, uniqueId("m")), locate: [elsewhere, offline] }),
    ]);
    expect(r1.located?.get(online)?.slice().sort()).toEqual([a.nodeId, b.nodeId].sort());
    expect(r1.located?.has(offline)).toBe(false);
    expect(r2.located?.get(elsewhere)).toEqual([b.nodeId]);
    // Without users to locate there is nothing to report.
    expect((await a.store.append(message(`dm:${online}:${offline}`, online, uniqueId("m")))).located).toBeUndefined();
  });

  it("refuse a message too long for the packed call alone, not the turn it shares", async () => {
    const e = await engine();
    const conv = `dm:${uniqueId("pa")}:${uniqueId("pb")}`;
    const [a, b] = conv.slice(3).split(":") as [string, string];
    const crowd = Array.from({ length: 1_100 }, (_, i) => `member-${i}-${"x".repeat(50)}`);
    const [ok, tooLong] = await Promise.allSettled([
      e.store.append({ ...message(conv, a, uniqueId("m")), memberIds: [a, b] }),
      e.store.append({ ...message(conv, b, uniqueId("m")), memberIds: crowd }),
    ]);
    expect(ok).toMatchObject({ status: "fulfilled", value: { duplicate: false, message: { seq: 1 } } });
    expect(tooLong).toMatchObject({ status: "rejected", reason: { message: "member list is too long to store" } });
    expect((await e.store.read(conv, 0, 10)).lastSeq).toBe(1);
  });
});

describe("redis engine: group cache", () => {
  it("serves repeated reads from the cache and drops it on another node's change", async () => {
    const [a, b] = [await engine(), await engine()];
    const g = `g:${uniqueId("grp")}`;
    await a.groups.create({ conversationId: g, name: "n", ownerId: "ann", memberIds: ["ann"] });
    await b.groups.get(g);
    const before = b.stats();
    expect((await b.groups.get(g))?.memberIds).toEqual(["ann"]);
    const after = b.stats();
    expect(after.groupCacheHits - before.groupCacheHits).toBe(1);
    expect(after.commands).toBe(before.commands);

    await a.groups.addMembers(g, ["ben"]);
    await waitFor(async () => (await b.groups.get(g))?.memberIds.length === 2, 5000, "invalidation on b");
  });

  it("returns copies that callers cannot use to corrupt the cache", async () => {
    const e = await engine();
    const g = `g:${uniqueId("grp")}`;
    await e.groups.create({ conversationId: g, name: "n", ownerId: "ann", memberIds: ["ann"] });
    (await e.groups.get(g))!.memberIds.push("mallory");
    expect((await e.groups.get(g))!.memberIds).toEqual(["ann"]);
  });
});

describe("redis engine: history and dedupe", () => {
  it("trims history by age and expires the window of a quiet conversation", async () => {
    let now = 1_000_000;
    const e = await engine({ historyMaxAgeMs: 10_000, now: () => now });
    const conv = `dm:${uniqueId("a")}:${uniqueId("b")}`;
    for (let i = 0; i < 3; i++) await e.store.append(message(conv, "a", uniqueId("m")));
    now += 5_000;
    await e.store.append(message(conv, "a", uniqueId("m")));
    expect((await e.store.read(conv, 0, 10)).oldestSeq).toBe(1);
    now += 6_000;
    await e.store.append(message(conv, "a", uniqueId("m")));
    const read = await e.store.read(conv, 0, 10);
    expect(read).toMatchObject({ oldestSeq: 4, lastSeq: 5 });
    expect(read.messages.map((m) => m.seq)).toEqual([4, 5]);
    const ttl = await inspector.pttl(e.keys.history(conv));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
    expect(await inspector.pttl(e.keys.seq(conv))).toBe(-1);
  });

  it("answers a retry with the original ids after history dropped it", async () => {
    const e = await engine({ historyMaxPerConversation: 2, dedupeTtlMs: 60_000 });
    const conv = `dm:${uniqueId("a")}:${uniqueId("b")}`;
    const original = await e.store.append(message(conv, "a", "keep"));
    for (let i = 0; i < 5; i++) await e.store.append(message(conv, "a", uniqueId("m")));
    expect((await e.store.read(conv, 0, 10)).oldestSeq).toBe(5);
    const retry = await e.store.append(message(conv, "a", "keep"));
    expect(retry.duplicate).toBe(true);
    expect(retry.message).toEqual(original.message);
    const ttl = await inspector.pttl(e.keys.dedupe("a", `keep@${conv}`));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe("redis engine: device cursors", () => {
  it("expire CURSOR_TTL_MS after the device's last ack, so made-up device ids do not pile up", async () => {
    const e = await engine({ cursorTtlMs: 60_000 });
    const conv = `dm:${uniqueId("a")}:${uniqueId("b")}`;
    await e.store.append(message(conv, "a", uniqueId("m")));
    expect(await e.store.setCursor("a", "tab-1", conv, 1)).toBe(1);
    const ttl = await inspector.pttl(e.keys.cursors("a", "tab-1"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // 0 keeps them for good.
    const keep = await engine({ cursorTtlMs: 0 });
    expect(await keep.store.setCursor("a", "tab-2", conv, 1)).toBe(1);
    expect(await inspector.pttl(keep.keys.cursors("a", "tab-2"))).toBe(-1);
  });
});

describe("redis engine: presence route table", () => {
  it("stops routing to a crashed node within the heartbeat TTL and cleans its entries", async () => {
    const a = await engine();
    const ttl = 600;
    const clients = createRedisClients(REDIS_URL, { maxReconnectDelayMs: 200 });
    const crashed = new RedisEngine({ nodeId: uniqueId("crash"), prefix, presenceTtlMs: ttl, log: testLog, ...clients });
    open.push(crashed);
    await crashed.start(5000);
    const u = uniqueId("u");
    await crashed.presence.register(u, 1);
    expect((await a.presence.locate([u])).get(u)).toEqual([crashed.nodeId]);

    const crashedAt = Date.now();
    clients.client.disconnect();
    clients.subscriber.disconnect();
    await waitFor(async () => (await a.presence.locate([u])).size === 0, ttl + 3000, "crashed node to disappear");
    expect(Date.now() - crashedAt).toBeLessThan(ttl + 1000);
    expect(await inspector.hexists(a.keys.presence(u), crashed.nodeId)).toBe(0);
  });

  it("leaves the route table on close", async () => {
    const [a, b] = [await engine(), await engine()];
    const u = uniqueId("u");
    await b.presence.register(u, 2);
    await b.close();
    expect(await a.presence.locate([u])).toEqual(new Map());
  });

  it("registers local sessions at start and drops what a previous run of the node left", async () => {
    const a = await engine();
    const nodeId = uniqueId("node");
    const [kept, stale] = [uniqueId("kept"), uniqueId("stale")];
    const clients = createRedisClients(REDIS_URL, { maxReconnectDelayMs: 200 });
    const previous = new RedisEngine({ nodeId, prefix, log: testLog, ...clients });
    open.push(previous);
    await previous.start(5000);
    await previous.presence.register(stale, 1);
    clients.client.disconnect();
    clients.subscriber.disconnect();

    await engine({ nodeId, localSessions: () => [[kept, 3]] });
    expect(await a.presence.sessionCounts([kept, stale])).toEqual(new Map([[kept, 3]]));
  });

  it("re-registers its sessions when its heartbeat lapsed", async () => {
    const u = uniqueId("u");
    const e = await engine({ presenceTtlMs: 300, localSessions: () => [[u, 1]] });
    const resyncs = e.stats().presenceResyncs;
    // Another node saw the heartbeat gone and removed the entries as stale.
    await inspector.del(e.keys.nodeAlive(e.nodeId), e.keys.presence(u));
    await waitFor(() => e.stats().presenceResyncs > resyncs, 3000, "resync after lapse");
    expect(await e.presence.locate([u])).toEqual(new Map([[u, [e.nodeId]]]));
  });
});

function message(conversationId: string, senderId: string, clientMsgId: string): AppendInput {
  return {
    conversationId,
    senderId,
    senderDevice: "d1",
    clientMsgId: `${clientMsgId}@${conversationId}`,
    body: new TextEncoder().encode("hello"),
    contentType: "text/plain",
    memberIds: [],
  };
}
