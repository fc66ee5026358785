// The client library against a real gateway (in-process, OS-assigned port, `ws` as WebSocket):
// delivery, multi-device, groups, idempotent retries, ordering, sync, reconnect rules.
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConnectionClosedError,
  MemoryCursorStore,
  ServerError,
  SwitchboardClient,
  type ClientOptions,
  type Message,
} from "../../src/client/index.js";
import { CloseCode, ErrorCode } from "../../src/protocol/codes.js";
import { inbox, nextEvent as next, trackedClient } from "../helpers/clients.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { waitFor } from "../helpers/wait.js";

let gw: TestGateway | null = null;
const clients: SwitchboardClient[] = [];
/** "error" events of every client: a test expecting some takes them out of here. */
const unexpected: Error[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await gw?.stop();
  gw = null;
  const errors = unexpected.splice(0);
  expect(errors.map((e) => `${e.name}: ${e.message}`)).toEqual([]);
});

async function start(env: Record<string, string> = {}): Promise<TestGateway> {
  gw = await startTestGateway(env);
  return gw;
}

function client(g: TestGateway, user: string, opts: Partial<ClientOptions> = {}): SwitchboardClient {
  return trackedClient(clients, unexpected, { url: g.url, token: () => g.token(user), ...opts });
}

async function connected(g: TestGateway, user: string, opts: Partial<ClientOptions> = {}): Promise<SwitchboardClient> {
  const c = client(g, user, opts);
  await c.connect();
  return c;
}

const text = (m: Message): string => new TextDecoder().decode(m.body);
const DM = "dm:alice:bob";

describe("client: connect and deliver", () => {
  it("connects with the bearer subprotocol or the query token and gets a welcome", async () => {
    const g = await start();
    const a = client(g, "alice");
    const opened = next(a, "open");
    const w = await a.connect();
    expect(w.userId).toBe("alice");
    expect(w.deviceId).toBe("phone");
    expect(w.nodeId).toBe(g.nodeId);
    expect((await opened).sessionId).toBe(w.sessionId);
    expect(a.state).toBe("open");
    expect(a.socket?.protocol).toBe("bearer");

    const b = await connected(g, "bob", { tokenTransport: "query", device: "tablet" });
    expect(b.welcome?.userId).toBe("bob");
    expect(b.welcome?.deviceId).toBe("tablet");
    expect(await b.ping()).toBeGreaterThanOrEqual(0);
  });

  it("rejects the first connect when the token is refused, without retrying", async () => {
    const g = await start();
    const c = client(g, "alice", { token: "not-a-jwt" });
    const closed = next(c, "close");
    await expect(c.connect()).rejects.toBeInstanceOf(ConnectionClosedError);
    expect((await closed).willReconnect).toBe(false);
    expect(c.state).toBe("idle");
  });

  it("delivers 1:1 messages with send_ack, in the canonical conversation", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const b = await connected(g, "bob");
    const got = inbox(b);
    const ack = await a.send("dm:bob:alice", "hello", { contentType: "text/plain" });
    expect(ack.conversationId).toBe(DM);
    expect(ack.seq).toBe(1);
    expect(ack.duplicate).toBe(false);
    await waitFor(() => got.length === 1, { what: "bob's message" });
    expect(got[0]!.senderId).toBe("alice");
    expect(got[0]!.senderDevice).toBe("phone");
    expect(got[0]!.clientMsgId).toBe(ack.clientMsgId);
    expect(got[0]!.contentType).toBe("text/plain");
    expect(text(got[0]!)).toBe("hello");
    expect(b.cursor(DM)).toBe(1);
    // The sender's own cursor covers its send, so bob's reply is not a gap for alice.
    expect(a.cursor(DM)).toBe(1);
    const aliceGot = inbox(a);
    await b.send(DM, "hi back");
    await waitFor(() => aliceGot.length === 1, { what: "alice's message" });
    expect(aliceGot.map((m) => m.seq)).toEqual([2]);
  });

  it("multi-device: the sender's other device receives, the sending device gets send_ack only", async () => {
    const g = await start();
    const phone = await connected(g, "alice", { device: "phone" });
    const laptop = await connected(g, "alice", { device: "laptop" });
    const b = await connected(g, "bob");
    const [onPhone, onLaptop, onBob] = [inbox(phone), inbox(laptop), inbox(b)];
    const ack = await phone.send(DM, "from my phone");
    await waitFor(() => onLaptop.length === 1 && onBob.length === 1, { what: "laptop and bob" });
    expect(onLaptop[0]!.seq).toBe(ack.seq);
    expect(onLaptop[0]!.senderDevice).toBe("phone");
    // Any push to the phone would have been written before this round trip's reply.
    await phone.ping();
    expect(onPhone).toEqual([]);
  });

  it("group: create, then every member's sessions receive a send", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const b1 = await connected(g, "bob", { device: "phone" });
    const b2 = await connected(g, "bob", { device: "laptop" });
    const c = await connected(g, "carol");
    const pushed = next(c, "group");
    const group = await a.createGroup("team", ["bob", "carol"]);
    expect(group.ownerId).toBe("alice");
    expect([...group.memberIds].sort()).toEqual(["alice", "bob", "carol"]);
    expect((await pushed).conversationId).toBe(group.conversationId);
    const boxes = [inbox(b1), inbox(b2), inbox(c)];
    const onSender = inbox(a);
    const ack = await a.send(group.conversationId, "hello team");
    await waitFor(() => boxes.every((x) => x.length === 1), { what: "every member session" });
    for (const box of boxes) expect(box[0]!.seq).toBe(ack.seq);
    await a.ping();
    expect(onSender).toEqual([]);

    const removed = await a.removeMembers(group.conversationId, ["carol"]);
    expect([...removed.memberIds].sort()).toEqual(["alice", "bob"]);
    await expect(c.send(group.conversationId, "still here?")).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN, retryable: false });
    const added = await a.addMembers(group.conversationId, ["dave"]);
    expect(added.memberIds).toContain("dave");
    const b2Told = next(b2, "group", (x) => !x.memberIds.includes("bob"));
    const left = await b1.leaveGroup(group.conversationId);
    expect(left.memberIds).not.toContain("bob");
    await b2Told;
  });

  it("idempotent retry: the same clientMsgId gets the same seq, duplicate: true, and one delivery", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const b = await connected(g, "bob");
    const got = inbox(b);
    const first = await a.send(DM, "once", { clientMsgId: "fixed-1" });
    const again = await a.send(DM, "once", { clientMsgId: "fixed-1" });
    expect(again.seq).toBe(first.seq);
    expect(again.messageId).toBe(first.messageId);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    const later = await a.send(DM, "next");
    await waitFor(() => got.some((m) => m.seq === later.seq), { what: "the next message" });
    expect(got.map((m) => m.clientMsgId)).toEqual(["fixed-1", later.clientMsgId]);
  });

  it("keeps the order of 200 rapid sends", async () => {
    const g = await start({ SEND_BURST: "1000" });
    const a = await connected(g, "alice");
    const b = await connected(g, "bob");
    const got = inbox(b);
    const acks = await Promise.all(Array.from({ length: 200 }, (_, i) => a.send(DM, `m${i}`)));
    expect(acks.map((x) => x.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await waitFor(() => got.length === 200, { what: "200 messages" });
    expect(got.map((m) => m.seq)).toEqual(acks.map((x) => x.seq));
    expect(got.map(text)).toEqual(Array.from({ length: 200 }, (_, i) => `m${i}`));
  });

  it("typing is delivered live and never returned by sync", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const b = await connected(g, "bob");
    const typed = next(b, "typing");
    a.typing(DM);
    const t = await typed;
    expect(t).toMatchObject({ conversationId: DM, userId: "alice", deviceId: "phone" });
    const got = inbox(b);
    let typingAgain = 0;
    b.on("typing", () => (typingAgain += 1));
    await b.sync([{ conversationId: DM, afterSeq: 0 }]);
    expect(got).toEqual([]);
    expect(typingAgain).toBe(0);
  });

  it("rejects non-retryable send errors with ServerError", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const err = await a.send("g:nope", "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ code: ErrorCode.NOT_FOUND, retryable: false });
    expect(a.pendingSends).toBe(0);
    await expect(a.presence(["not a valid id"])).rejects.toMatchObject({ code: ErrorCode.INVALID_ARGUMENT });
  });

  it("refuses text with an unpaired surrogate locally and stays usable", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    await expect(a.send("dm:alice:bob", "x", { contentType: "text/\ud800" })).rejects.toMatchObject({
      code: ErrorCode.INVALID_ARGUMENT,
      message: expect.stringMatching(/^content_type must be well-formed/),
    });
    await expect(a.send("dm:alice:bob", "x", { clientMsgId: "\udc00" })).rejects.toMatchObject({ code: ErrorCode.INVALID_ARGUMENT });
    await expect(a.createGroup("team\ud83d", [])).rejects.toMatchObject({ code: ErrorCode.INVALID_ARGUMENT });
    expect(a.pendingSends).toBe(0);
    expect((await a.send("dm:alice:bob", "still fine")).seq).toBe(1);
    expect(a.state).toBe("open");
  });

  it("retries RATE_LIMITED sends after retry_after_ms until they are acked", async () => {
    const g = await start({ SEND_RATE_PER_SEC: "20", SEND_BURST: "1" });
    const a = await connected(g, "alice");
    const b = await connected(g, "bob");
    const got = inbox(b);
    const acks = await Promise.all([a.send(DM, "1"), a.send(DM, "2"), a.send(DM, "3")]);
    expect(new Set(acks.map((x) => x.seq))).toEqual(new Set([1, 2, 3]));
    await waitFor(() => got.length === 3, { what: "3 messages" });
    expect(got.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("presence reports online users", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    await connected(g, "bob");
    const users = await a.presence(["bob", "nobody"]);
    expect(users.map((u) => [u.userId, u.online])).toEqual([
      ["bob", true],
      ["nobody", false],
    ]);
  });
});

describe("client: acks", () => {
  const ackFrames = async (g: TestGateway): Promise<number> => {
    const text = await (await fetch(`${g.http}/metrics`)).text();
    return Number(/^sb_frames_in_total\{type="ack"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };
  const serverCursor = async (g: TestGateway): Promise<number> => (await g.engine.store.cursors("bob", "phone")).get(DM) ?? 0;

  it("acks a burst of 20 messages with one cumulative ack per client, after the debounce", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const b = await connected(g, "bob");
    const got = inbox(b);
    const before = await ackFrames(g);
    await Promise.all(Array.from({ length: 20 }, (_, i) => a.send(DM, `m${i}`)));
    await waitFor(() => got.length === 20, { what: "20 messages delivered" });
    await waitFor(async () => (await serverCursor(g)) === 20, { what: "bob's server-side cursor at 20" });
    // One cumulative ack per client and debounce window (alice's cursor covers her own sends): 2,
    // or up to 4 if the burst straddled a window on a slow machine; never one per message.
    expect((await ackFrames(g)) - before).toBeGreaterThanOrEqual(2);
    expect((await ackFrames(g)) - before).toBeLessThanOrEqual(4);
  });

  it("sends a pending ack when the client closes, before the debounce ends", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const b = await connected(g, "bob", { autoAck: { delayMs: 60_000 } });
    const got = inbox(b);
    await a.send(DM, "one");
    await a.send(DM, "two");
    await waitFor(() => got.length === 2, { what: "2 messages delivered" });
    expect(await serverCursor(g)).toBe(0);
    await b.close();
    await waitFor(async () => (await serverCursor(g)) === 2, { what: "bob's server-side cursor at 2" });
  });
});

describe("client: sync", () => {
  it("after a disconnect, a new client with the same cursor store receives exactly what it missed", async () => {
    const g = await start({ SEND_BURST: "1000" });
    const store = new MemoryCursorStore();
    const a = await connected(g, "alice");
    const b1 = await connected(g, "bob", { cursors: store });
    const first = inbox(b1);
    for (let i = 0; i < 3; i++) await a.send(DM, `early ${i}`);
    await waitFor(() => first.length === 3, { what: "the first 3" });
    await b1.close();
    expect(store.get(DM)).toBe(3);

    for (let i = 0; i < 50; i++) await a.send(DM, `missed ${i}`);
    const b2 = client(g, "bob", { cursors: store });
    const got = inbox(b2);
    const synced = next(b2, "sync_done", (e) => e.source === "connect");
    await b2.connect();
    await synced;
    expect(got.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 4));
    expect(got.map(text)).toEqual(Array.from({ length: 50 }, (_, i) => `missed ${i}`));
    expect(store.get(DM)).toBe(53);
  });

  it("follows has_more pages", async () => {
    const g = await start({ SEND_BURST: "1000", DEFAULT_SYNC_PAGE: "7" });
    const a = await connected(g, "alice");
    for (let i = 0; i < 30; i++) await a.send(DM, `m${i}`);
    const b = await connected(g, "bob", { syncOnConnect: false });
    const got = inbox(b);
    const done = next(b, "sync_done");
    await b.sync();
    expect(got.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await done).conversations.map((d) => [d.conversationId, d.upToSeq, d.hasMore])).toEqual([[DM, 30, false]]);
  });

  it("a live message past a gap is held, the gap synced, and all released in order", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    for (let i = 0; i < 3; i++) await a.send(DM, `before ${i}`);
    const b = await connected(g, "bob", { syncOnConnect: false });
    const got = inbox(b);
    const gapSync = next(b, "sync_done", (e) => e.source === "gap");
    await a.send(DM, "live");
    await gapSync;
    expect(got.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(got.map(text)).toEqual(["before 0", "before 1", "before 2", "live"]);
  });

  it("a connect sync of 1000 conversations with long ids fits the server's frame limit", async () => {
    const g = await start();
    const me = "0d6f7a52-5c47-4f0e-9a57-3f0c2b5b9e11"; // 36-character ids, as many apps use
    const store = new MemoryCursorStore();
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const peer = `${i.toString(16).padStart(8, "0")}-5c47-4f0e-9a57-3f0c2b5b9e11`;
      ids.push(me < peer ? `dm:${me}:${peer}` : `dm:${peer}:${me}`);
    }
    for (const id of ids) store.save(id, 1);
    // 1000 such cursors encode to ~84 KB, over the default 64 KiB MAX_FRAME_BYTES.
    const c = client(g, me, { cursors: store });
    const synced = next(c, "sync_done", (e) => e.source === "connect", 10_000);
    await c.connect();
    const done = await synced;
    expect(done.conversations.map((d) => d.conversationId).sort()).toEqual([...ids].sort());
    expect(c.state).toBe("open");
  });

  it("skips seqs the server no longer holds (trimmed history) instead of waiting forever", async () => {
    const g = await start({ MEMORY_HISTORY_PER_CONVERSATION: "5" });
    const a = await connected(g, "alice");
    for (let i = 0; i < 10; i++) await a.send(DM, `m${i}`);
    const b = await connected(g, "bob", { syncOnConnect: false });
    const got = inbox(b);
    const gapSync = next(b, "sync_done", (e) => e.source === "gap");
    await a.send(DM, "m10");
    await gapSync;
    expect(got.map((m) => m.seq)).toEqual([7, 8, 9, 10, 11]);
    expect(b.cursor(DM)).toBe(11);
  });

  it("syncs a conversation whose whole history after the cursor is gone (evicted) instead of looping", async () => {
    const g = await start({ MEMORY_HISTORY_MAX_BYTES: String(1024 * 1024), SEND_BURST: "1000" });
    const store = new MemoryCursorStore();
    const a1 = await connected(g, "alice", { cursors: store });
    const b = await connected(g, "bob");
    const first = inbox(a1);
    await b.send(DM, "one");
    await waitFor(() => first.length === 1, { what: "alice gets seq 1" });
    await a1.close();
    expect(store.get(DM)).toBe(1);
    // While alice is away: two more in the DM, then enough traffic elsewhere to evict it entirely.
    await b.send(DM, "two");
    await b.send(DM, "three");
    const big = new Uint8Array(60_000);
    for (let i = 0; i < 24; i++) await b.send("dm:bob:carol", big);

    const a = await connected(g, "alice", { cursors: store, syncOnConnect: false });
    const done = next(a, "sync_done");
    void a.sync([{ conversationId: DM, afterSeq: 1 }]);
    expect((await done).conversations.map((d) => [d.conversationId, d.upToSeq, d.hasMore])).toEqual([[DM, 3, false]]);
    expect(a.cursor(DM)).toBe(3);
  });
});

describe("client: sync after leaving a group", () => {
  /** carol's client; its reconnects wait until `release()` lets the token through. */
  function gatedCarol(g: TestGateway) {
    let gate: Promise<void> = Promise.resolve();
    let open = (): void => {};
    const c = client(g, "carol", { token: () => gate.then(() => g.token("carol")), reconnect: { minDelayMs: 10, maxDelayMs: 20 } });
    const hold = (): void => {
      gate = new Promise((r) => (open = r));
    };
    return { c, hold, release: () => open() };
  }

  for (const how of ["leaves", "is removed while offline"] as const) {
    it(`a member who ${how} still gets what was sent to her elsewhere while she was offline`, async () => {
      const g = await start();
      const alice = await connected(g, "alice");
      const bob = await connected(g, "bob");
      const { c: carol, hold, release } = gatedCarol(g);
      await carol.connect();
      const got = inbox(carol);
      const group = await alice.createGroup("team", ["carol"]);
      const ack = await alice.send(group.conversationId, "hi team");
      await waitFor(() => got.some((m) => m.seq === ack.seq), { what: "carol gets the group message" });
      if (how === "leaves") await carol.leaveGroup(group.conversationId);

      hold();
      const reopened = next(carol, "open");
      (carol.socket as unknown as WebSocket).terminate();
      await waitFor(() => carol.state === "reconnecting", { what: "carol reconnecting" });
      if (how === "is removed while offline") await alice.removeMembers(group.conversationId, ["carol"]);
      const dm = await bob.send("dm:bob:carol", "while you were away");
      const synced = next(carol, "sync_done", (e) => e.source === "connect");
      release();
      await reopened;
      const done = await synced;
      expect(got.filter((m) => m.conversationId === "dm:bob:carol").map((m) => m.seq)).toEqual([dm.seq]);
      const refused = done.conversations.filter((d) => d.error !== ErrorCode.ERROR_CODE_UNSPECIFIED);
      expect(refused.map((d) => [d.conversationId, d.error])).toEqual(
        how === "leaves" ? [] : [[group.conversationId, ErrorCode.FORBIDDEN]],
      );
      expect(carol.cursor(group.conversationId)).toBe(0); // forgotten: no later sync names it
      // Her debounced ack of the group message, sent on reconnect, may be refused (reqless FORBIDDEN).
      const ackRefusal = (e: Error) =>
        e instanceof ServerError && e.code === ErrorCode.FORBIDDEN && e.message.includes(group.conversationId);
      if (how === "is removed while offline") unexpected.splice(0, unexpected.length, ...unexpected.filter((e) => !ackRefusal(e)));
    });
  }
});

describe("client: reconnect", () => {
  it("goaway: reconnects to the same URL by itself, no earlier than reconnect_after_ms, and resends the outbox", async () => {
    const g = await start();
    let tokens = 0;
    const a = await connected(g, "alice", { token: () => ((tokens += 1), g.token("alice")) });
    const b = await connected(g, "bob");
    const got = inbox(b);
    const before = a.welcome!.sessionId;
    const goaway = next(a, "goaway");
    const closed = next(a, "close");
    const reopened = next(a, "open");
    const bReopened = next(b, "open");
    void g.node.goAway("test restart", 100, 0);
    const ga = await goaway;
    const c = await closed;
    const closedAt = Date.now();
    expect(c).toMatchObject({ code: CloseCode.GOING_AWAY, willReconnect: true });
    expect(c.retryInMs).toBeGreaterThanOrEqual(ga.reconnectAfterMs - 50);
    // Sent while disconnected: kept in the outbox and sent after the reconnect.
    const sent = a.send(DM, "through the restart");
    expect(a.state).toBe("reconnecting");
    const w = await reopened;
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(ga.reconnectAfterMs - 60);
    expect(w.sessionId).not.toBe(before);
    expect(tokens).toBe(2); // the token callback runs on every (re)connect
    await bReopened;
    const ack = await sent;
    await waitFor(() => got.some((m) => m.seq === ack.seq), { what: "the message sent across the restart" });
    expect(got.filter((m) => m.seq === ack.seq)).toHaveLength(1);
  });

  it("a 4100-range close (disconnected by the server API) does not reconnect", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const closed = next(a, "close");
    const session = g.node.registry.sessionsOf("alice")![0]!;
    g.node.close(session, CloseCode.FORBIDDEN_CLOSE);
    const c = await closed;
    expect(c).toMatchObject({ code: CloseCode.FORBIDDEN_CLOSE, willReconnect: false, retryInMs: 0 });
    expect(a.state).toBe("closed");
    await expect(a.send(DM, "x")).rejects.toMatchObject({ name: "ConnectionClosedError", closeCode: CloseCode.FORBIDDEN_CLOSE });
    await expect(a.connect()).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(g.node.registry.sessionsOf("alice")).toBeUndefined();
  });

  it("SESSION_REPLACED: the replaced client stops instead of fighting the new one", async () => {
    const g = await start();
    const old = await connected(g, "alice", { device: "phone" });
    const closed = next(old, "close");
    const replacement = await connected(g, "alice", { device: "phone" });
    expect(await closed).toMatchObject({ code: CloseCode.SESSION_REPLACED, willReconnect: false });
    expect(old.state).toBe("closed");
    expect(replacement.state).toBe("open");
    expect(await replacement.presence(["alice"])).toMatchObject([{ userId: "alice", online: true, sessions: 1 }]);
  });

  it("a dropped connection rejects pending requests, keeps sends, reconnects and delivers each once", async () => {
    const g = await start();
    const a = await connected(g, "alice", { reconnect: { minDelayMs: 10, maxDelayMs: 50 } });
    const b = await connected(g, "bob");
    const got = inbox(b);
    const closed = next(a, "close");
    const reopened = next(a, "open");
    const presence = a.presence(["bob"]);
    const sends = [a.send(DM, "one"), a.send(DM, "two")];
    (a.socket as unknown as WebSocket).terminate();
    await expect(presence).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(await closed).toMatchObject({ code: 1006, willReconnect: true });
    await reopened;
    const acks = await Promise.all(sends);
    await waitFor(() => got.length === 2, { what: "both messages" });
    expect(got.map((m) => m.seq)).toEqual(acks.map((x) => x.seq));
  });

  it("close() stops everything: no reconnect, pending sends reject", async () => {
    const g = await start();
    const a = await connected(g, "alice");
    const closed = next(a, "close");
    await a.close();
    expect(await closed).toMatchObject({ code: 1000, willReconnect: false });
    expect(a.state).toBe("closed");
    await expect(a.send(DM, "late")).rejects.toBeInstanceOf(ConnectionClosedError);
    await waitFor(() => g.node.registry.sessionsOf("alice") === undefined, { what: "the server to drop the session" });
  });
});
