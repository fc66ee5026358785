// Server behaviour at the protocol edge: auth at the upgrade, limits, malformed input,
// backpressure, keepalive and shutdown, against a real gateway on an OS-assigned port.
import { generateKeyPairSync } from "node:crypto";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_CURSORS_MAX } from "../../src/core/node.js";
import { CloseCode, ErrorCode } from "../../src/protocol/codes.js";
import type { ServerFrame } from "../../src/protocol/proto.js";
import { mintToken } from "../../src/transport/mint.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { RawConnection, UpgradeRefused } from "../helpers/raw.js";
import { waitFor } from "../helpers/wait.js";

let gw: TestGateway | null = null;
const conns: RawConnection[] = [];

afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  await gw?.stop();
  gw = null;
});

async function start(env: Record<string, string> = {}): Promise<TestGateway> {
  gw = await startTestGateway(env);
  return gw;
}

async function connect(
  g: TestGateway,
  user: string,
  opts: { device?: string; autoPong?: boolean; ttlSec?: number } = {},
): Promise<RawConnection> {
  const token = await g.token(user, { ttlSec: opts.ttlSec ?? 3600 });
  const query = opts.device !== undefined ? `?device=${opts.device}` : "";
  const c = await RawConnection.open(g.url + query, { headers: { authorization: `Bearer ${token}` }, autoPong: opts.autoPong ?? true });
  conns.push(c);
  await c.next((f) => f.body === "welcome", 5000, "welcome");
  return c;
}

async function refused(p: Promise<unknown>): Promise<UpgradeRefused> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UpgradeRefused) return err;
    throw err;
  }
  throw new Error("upgrade was accepted");
}

const isError = (code: ErrorCode) => (f: ServerFrame) => f.body === "error" && f.error?.code === code;
const body = (n: number) => new Uint8Array(n).fill(120);

/** A series' total over its label sets; `labels` (e.g. 'code="4003"') keeps only the sets that have it. */
async function metric(g: TestGateway, name: string, labels?: string): Promise<number> {
  const text = await g.metrics.registry.metrics();
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(name + " ") && !line.startsWith(name + "{")) continue;
    if (labels !== undefined && !line.slice(0, line.indexOf("}")).includes(labels)) continue;
    total += Number(line.split(" ").pop());
  }
  return total;
}

/**
 * A slow consumer's close frame waits behind the backlog uWS holds for it, and after end() uWS
 * gives the socket only until its next 4-second timer tick (0–4 s) before it drops it, close frame
 * and all: a client still not reading by then sees 1006. Measured here: read on 2 s after the
 * close, 4003; 3.5 s or later, 1006. A test that reads on at once still loses that race when the
 * tick falls in the few ms in between, so the close code is checked where it is decided, on the
 * server, and the client may see either (both are in its reconnect range).
 */
async function expectSlowConsumerClose(g: TestGateway, c: RawConnection): Promise<void> {
  expect(await metric(g, "sb_disconnects_total", `code="${CloseCode.SLOW_CONSUMER}"`)).toBe(1);
  expect([CloseCode.SLOW_CONSUMER, 1006]).toContain((await c.closed).code);
}

describe("auth at the upgrade", () => {
  it("accepts a token from the Authorization header, the bearer subprotocol, or the query", async () => {
    const g = await start();
    const token = await g.token("alice");
    const viaHeader = await RawConnection.open(g.url, { headers: { authorization: `Bearer ${token}` } });
    const viaProtocol = await RawConnection.open(g.url, { protocols: ["bearer", token] });
    const viaQuery = await RawConnection.open(`${g.url}?token=${token}&device=tablet`);
    conns.push(viaHeader, viaProtocol, viaQuery);
    expect(viaProtocol.ws.protocol).toBe("bearer");
    const w = await viaQuery.next((f) => f.body === "welcome");
    expect(w.welcome?.userId).toBe("alice");
    expect(w.welcome?.deviceId).toBe("tablet");
    expect(w.welcome?.nodeId).toBe(g.nodeId);
    await viaHeader.next((f) => f.body === "welcome");
  });

  it("rejects missing, badly signed, alg:none and expired tokens with 401 before upgrading", async () => {
    const g = await start();
    const missing = await refused(RawConnection.open(g.url));
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).reason).toBe("missing");

    const forged = await mintToken("another-secret-another-secret-another", "alice");
    const badSig = await refused(RawConnection.open(`${g.url}?token=${forged}`));
    expect(badSig.status).toBe(401);
    expect(JSON.parse(badSig.body).reason).toBe("bad_signature");

    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const none = `${enc({ alg: "none", typ: "JWT" })}.${enc({ sub: "alice", exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    const algNone = await refused(RawConnection.open(`${g.url}?token=${none}`));
    expect(algNone.status).toBe(401);
    expect(["bad_algorithm", "malformed"]).toContain(JSON.parse(algNone.body).reason);

    const expiredToken = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("alice")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(g.config.JWT_SECRET!));
    const expired = await refused(RawConnection.open(`${g.url}?token=${expiredToken}`));
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.body).reason).toBe("expired");

    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("alice")
      .sign(new TextEncoder().encode(g.config.JWT_SECRET!));
    expect((await refused(RawConnection.open(`${g.url}?token=${noExp}`))).status).toBe(401);
    expect(await metric(g, "sb_upgrade_rejects_total")).toBeGreaterThanOrEqual(5);
  });

  it("verifies EdDSA tokens against JWT_PUBLIC_KEY and refuses an HS256 token made with that key", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    gw = await startTestGateway({ JWT_SECRET: "", JWT_PUBLIC_KEY: pem });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const good = await new SignJWT({}).setProtectedHeader({ alg: "EdDSA" }).setSubject("carol").setExpirationTime(exp).sign(privateKey);
    const c = await RawConnection.open(`${gw.url}?token=${good}`);
    conns.push(c);
    expect((await c.next((f) => f.body === "welcome")).welcome?.userId).toBe("carol");
    // Algorithm confusion: the public key used as an HMAC secret must not verify.
    const confused = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("carol")
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(pem));
    expect((await refused(RawConnection.open(`${gw.url}?token=${confused}`))).status).toBe(401);
  });

  it("closes the socket with TOKEN_EXPIRED (reconnect range) when the token expires", async () => {
    const g = await start();
    const c = await connect(g, "alice", { ttlSec: 2 });
    const { code } = await waitFor(() => (c.closeCode === null ? null : { code: c.closeCode }), { timeoutMs: 5000, what: "expiry close" });
    expect(code).toBe(CloseCode.TOKEN_EXPIRED);
    expect(code).toBeLessThan(4100);
  });

  it("enforces the Origin allowlist, per-IP connection count, and the per-user device cap", async () => {
    const g = await start({ ORIGIN_ALLOWLIST: "https://app.example", IP_MAX_CONNECTIONS: "3", MAX_DEVICES_PER_USER: "2" });
    const token = await g.token("alice");
    const badOrigin = await refused(
      RawConnection.open(g.url, { headers: { authorization: `Bearer ${token}`, origin: "https://evil.example" } }),
    );
    expect(badOrigin.status).toBe(403);
    const open = (device: string) =>
      RawConnection.open(`${g.url}?device=${device}`, { headers: { authorization: `Bearer ${token}`, origin: "https://app.example" } });
    conns.push(await open("d1"), await open("d2"));
    expect((await refused(open("d3"))).status).toBe(429); // device cap
    // The same device again replaces the old session (which is told not to come back).
    const again = await open("d1");
    conns.push(again);
    const first = conns[0]!;
    const closed = await first.closed;
    expect(closed.code).toBe(CloseCode.SESSION_REPLACED);
    await waitFor(() => g.node.registry.size === 2, { what: "replaced session gone" });
    const bob = await g.token("bob");
    conns.push(await RawConnection.open(g.url, { headers: { authorization: `Bearer ${bob}`, origin: "https://app.example" } }));
    const ipFull = await refused(RawConnection.open(g.url, { headers: { authorization: `Bearer ${bob}`, origin: "https://app.example" } }));
    expect(ipFull.status).toBe(429);
  });
});

describe("auth details", () => {
  const sign = (g: TestGateway, claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(g.config.JWT_SECRET!));

  it("expires a token whose exp is fractional (a valid NumericDate) with TOKEN_EXPIRED", async () => {
    const g = await start();
    const token = await sign(g, { sub: "frac", exp: Date.now() / 1000 + 1.5 });
    const c = await RawConnection.open(g.url, { headers: { authorization: `Bearer ${token}` } });
    conns.push(c);
    const { code } = await waitFor(() => (c.closeCode === null ? null : { code: c.closeCode }), { timeoutMs: 5000, what: "expiry close" });
    expect(code).toBe(CloseCode.TOKEN_EXPIRED);
  });

  it("refuses a token whose sub is not a string (401 bad_subject)", async () => {
    const g = await start();
    const token = await sign(g, { sub: 42, exp: Math.floor(Date.now() / 1000) + 600 });
    const r = await refused(RawConnection.open(g.url, { headers: { authorization: `Bearer ${token}` } }));
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).reason).toBe("bad_subject");
  });

  it("behind a proxy (TRUST_PROXY) counts the address the proxy appended to X-Forwarded-For, not one the client wrote", async () => {
    const g = await start({ TRUST_PROXY: "true", IP_MAX_CONNECTIONS: "1" });
    const open = async (user: string, xff: string) =>
      RawConnection.open(g.url, { headers: { authorization: `Bearer ${await g.token(user)}`, "x-forwarded-for": xff } });
    // nginx appends the address it saw to whatever the client sent.
    conns.push(await open("xa", "10.9.9.1, 203.0.113.9"));
    expect((await refused(open("xa", "10.9.9.2, 203.0.113.9"))).status).toBe(429);
    // Nor can a client use up another address's slots by naming it.
    conns.push(await open("xb", "192.0.2.10, 198.51.100.66"));
    conns.push(await open("xc", "192.0.2.10"));
  });
});

describe("inbound limits and malformed input", () => {
  it("answers a malformed protobuf frame with BAD_FRAME and closes after repeated abuse", async () => {
    const g = await start({ MAX_VIOLATIONS: "3" });
    const c = await connect(g, "alice");
    c.sendBytes(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]));
    await c.next(isError(ErrorCode.BAD_FRAME));
    c.send({ reqId: 7 }); // no body
    const unknown = await c.next(isError(ErrorCode.UNKNOWN_FRAME));
    expect(unknown.reqId).toBe(7);
    c.sendBytes("text frame");
    const { code } = await c.closed;
    expect(code).toBe(CloseCode.PROTOCOL_VIOLATION);
  });

  it("refuses frames over MAX_FRAME_BYTES with FRAME_TOO_LARGE; uWS drops far larger ones (1006)", async () => {
    const g = await start({ MAX_FRAME_BYTES: "1024" });
    const c = await connect(g, "alice");
    c.send({ reqId: 1, send: { clientMsgId: "big", conversationId: "dm:alice:bob", body: body(1500) } });
    const err = await c.next(isError(ErrorCode.FRAME_TOO_LARGE));
    expect(err.error?.retryable).toBe(false);
    c.send({ reqId: 2, send: { clientMsgId: "ok", conversationId: "dm:alice:bob", body: body(100) } });
    await c.next((f) => f.body === "sendAck");
    // Over twice the limit uWS cuts the connection without reading the frame.
    c.sendBytes(body(5000));
    expect((await c.closed).code).toBe(1006);
  });

  it("sheds sends with a retryable OVERLOADED while the event loop lags past OVERLOAD_LAG_MS, then accepts again", async () => {
    const g = await start({ OVERLOAD_LAG_MS: "200" });
    const c = await connect(g, "alice");
    const send = (i: number) => c.send({ reqId: i, send: { clientMsgId: `o${i}`, conversationId: "dm:alice:bob", body: body(10) } });
    // Stall this process (the gateway runs in it) for 600 ms with the send already on its socket:
    // the lag timer fires late before the frame is read.
    send(1);
    const until = performance.now() + 600;
    while (performance.now() < until);
    const shed = await c.next(isError(ErrorCode.OVERLOADED));
    expect(shed.error?.retryable).toBe(true);
    expect(shed.error?.retryAfterMs).toBeGreaterThan(0);
    expect(shed.error?.clientMsgId).toBe("o1");
    expect(await metric(g, "sb_overload_shed_total")).toBe(1);
    // The lag timer is on time again within a tick or two: the retry is accepted.
    await waitFor(async () => (await metric(g, "sb_event_loop_lag_seconds")) < 0.1, { what: "the lag to fall" });
    send(2);
    expect((await c.next((f) => f.body === "sendAck")).sendAck?.clientMsgId).toBe("o2");
  });

  it("rate-limits sends per user with a retryable RATE_LIMITED error carrying retry_after_ms", async () => {
    const g = await start({ SEND_RATE_PER_SEC: "5", SEND_BURST: "5" });
    const c = await connect(g, "alice");
    for (let i = 0; i < 12; i++) c.send({ reqId: i + 1, send: { clientMsgId: `m${i}`, conversationId: "dm:alice:bob", body: body(10) } });
    const limited = await c.next(isError(ErrorCode.RATE_LIMITED));
    expect(limited.error?.retryable).toBe(true);
    expect(limited.error?.retryAfterMs).toBeGreaterThan(0);
    expect(limited.error?.clientMsgId).toMatch(/^m\d+$/);
    await waitFor(() => c.count((f) => f.body === "sendAck") + c.count(isError(ErrorCode.RATE_LIMITED)) === 12, { what: "all answered" });
    expect(c.count((f) => f.body === "sendAck")).toBeLessThanOrEqual(6);
    expect(await metric(g, "sb_rate_limited_total")).toBeGreaterThanOrEqual(6);
  });

  it("refuses presence and group requests past a user's REQUEST_RATE_PER_SEC with a retryable RATE_LIMITED", async () => {
    const g = await start({ REQUEST_RATE_PER_SEC: "1", REQUEST_BURST: "2" });
    // Two of alice's devices share her budget; bob has his own.
    const phone = await connect(g, "alice", { device: "phone" });
    const laptop = await connect(g, "alice", { device: "laptop" });
    const bob = await connect(g, "bob");
    const answered = (c: RawConnection, reqId: number) => c.next((f) => f.reqId === reqId);
    for (let i = 1; i <= 3; i++) {
      phone.send({ reqId: i, presence: { userIds: ["bob"] } });
      laptop.send({ reqId: i, createGroup: { name: `g${i}`, memberIds: ["alice", "bob"] } });
    }
    const replies = [];
    for (let i = 1; i <= 3; i++) for (const c of [phone, laptop]) replies.push(await answered(c, i));
    const limited = replies.filter((f) => f.body === "error");
    // The burst of 2 (and a token refilled if the six took over a second); every refusal answers its own request.
    expect(limited.length).toBeGreaterThanOrEqual(3);
    for (const e of limited) {
      expect(e.error?.code).toBe(ErrorCode.RATE_LIMITED);
      expect(e.error?.retryable).toBe(true);
      expect(e.error?.retryAfterMs).toBeGreaterThan(0);
    }
    expect(replies.filter((f) => f.body !== "error").every((f) => f.body === "presenceResult" || f.body === "groupResult")).toBe(true);
    expect(await metric(g, "sb_requests_rate_limited_total")).toBe(limited.length);
    // bob's budget is his own.
    bob.send({ reqId: 1, presence: { userIds: ["alice"] } });
    expect((await answered(bob, 1)).body).toBe("presenceResult");
  });

  it("sheds typing events past a user's TYPING_RATE_PER_SEC, counting them", async () => {
    const g = await start({ TYPING_RATE_PER_SEC: "1", TYPING_BURST: "3" });
    const bob = await connect(g, "bob");
    // Two of alice's devices share her budget: the limit is per user, not per session.
    const phone = await connect(g, "alice", { device: "phone" });
    const laptop = await connect(g, "alice", { device: "laptop" });
    for (let i = 0; i < 15; i++) for (const a of [phone, laptop]) a.send({ typing: { conversationId: "dm:alice:bob" } });
    // Frames are handled in order: once the pings are answered, every typing frame was.
    for (const a of [phone, laptop]) a.send({ reqId: 1, ping: { clientTimeMs: 1 } });
    for (const a of [phone, laptop]) await a.next((f) => f.body === "pong");
    const shed = await metric(g, "sb_typing_shed_total");
    // All but the burst of 3 (and a token refilled if the 30 frames took over a second).
    expect(shed).toBeGreaterThanOrEqual(26);
    await waitFor(() => bob.count((f) => f.body === "typing") === 30 - shed, { what: "the typing events not shed" });
  });

  it("answers invalid conversation ids and non-members with typed errors", async () => {
    const g = await start();
    const c = await connect(g, "alice");
    c.send({ reqId: 1, send: { clientMsgId: "a", conversationId: "nope", body: body(1) } });
    expect((await c.next(isError(ErrorCode.INVALID_ARGUMENT))).reqId).toBe(1);
    c.send({ reqId: 2, send: { clientMsgId: "b", conversationId: "dm:bob:carol", body: body(1) } });
    expect((await c.next(isError(ErrorCode.FORBIDDEN))).reqId).toBe(2);
    c.send({ reqId: 3, send: { clientMsgId: "c", conversationId: "g:missing", body: body(1) } });
    expect((await c.next(isError(ErrorCode.NOT_FOUND))).reqId).toBe(3);
  });
});

describe("sync", () => {
  it("stops a page of large messages at the soft limit with has_more, instead of closing the reader as a slow consumer", async () => {
    const g = await start({ SOFT_BUFFER_BYTES: "65536", HARD_BUFFER_BYTES: "1048576" });
    // A default page (100) of 60 KB messages is 6 MB: far past the hard limit if written whole.
    for (let i = 0; i < 100; i++)
      await g.node.publish({
        senderId: "alice",
        senderDevice: "phone",
        system: false,
        conversationId: "dm:alice:bob",
        body: body(60_000),
        contentType: "",
        clientMsgId: `big${i}`,
        excludeSession: "",
      });
    const bob = await connect(g, "bob");
    bob.pauseReading();
    bob.send({ reqId: 5, sync: { cursors: [{ conversationId: "dm:alice:bob", afterSeq: 0 }] } });
    // The node took the request while bob was not reading: the page meets a full socket.
    await waitFor(async () => (await metric(g, "sb_sync_requests_total")) === 1, { what: "the sync request handled" });
    bob.resumeReading();
    const done = await bob.next(
      (f) => f.body === "syncDone" && f.reqId === 5 && f.syncDone?.conversationId === "dm:alice:bob",
      10_000,
      "sync_done",
    );
    const got = bob.frames.filter((f) => f.body === "message").map((f) => f.message!.seq);
    expect(done.syncDone).toMatchObject({ hasMore: true, upToSeq: got.length });
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => i + 1));
    expect(got.length).toBeLessThan(100);
    expect(bob.closeCode).toBeNull();
  });

  it("answers a conversation whose history after the cursor is all gone with up_to_seq = last_seq and no has_more", async () => {
    // 1 MiB of memory history: 24 frames of 60 KB elsewhere evict the DM entirely.
    const g = await start({ MEMORY_HISTORY_MAX_BYTES: String(1024 * 1024), SEND_BURST: "1000" });
    const bob = await connect(g, "bob");
    const sends = [...Array<string>(3).fill("dm:alice:bob"), ...Array<string>(24).fill("dm:bob:carol")];
    for (const [i, conversationId] of sends.entries()) {
      bob.send({ reqId: i + 1, send: { clientMsgId: `m${i}`, conversationId, body: body(i < 3 ? 1 : 60_000) } });
      await bob.next((f) => f.body === "sendAck" && f.reqId === i + 1);
    }
    const alice = await connect(g, "alice");
    alice.send({ reqId: 1, sync: { cursors: [{ conversationId: "dm:alice:bob", afterSeq: 1 }] } });
    await alice.next((f) => f.body === "syncDone" && f.syncDone!.conversationId === "");
    const done = alice.frames.filter((f) => f.body === "syncDone" && f.syncDone!.conversationId !== "").map((f) => f.syncDone!);
    expect(done.map((d) => [d.conversationId, d.upToSeq, d.hasMore, d.lastSeq, d.oldestSeq])).toEqual([["dm:alice:bob", 3, false, 3, 4]]);
  });
  it("refuses a conversation the user cannot read on its own (sync_done with error), answering the others", async () => {
    const g = await start();
    const alice = await connect(g, "alice");
    const bob = await connect(g, "bob");
    bob.send({ reqId: 1, send: { clientMsgId: "m1", conversationId: "dm:alice:bob", body: body(1) } });
    await bob.next((f) => f.body === "sendAck" && f.reqId === 1);
    bob.send({ reqId: 2, createGroup: { name: "team", memberIds: [] } });
    const group = (await bob.next((f) => f.body === "groupResult" && f.reqId === 2)).groupResult!.conversationId;
    alice.send({
      reqId: 1,
      sync: {
        cursors: [
          { conversationId: group, afterSeq: 0 },
          { conversationId: "dm:bob:carol", afterSeq: 0 },
          { conversationId: "g:missing", afterSeq: 3 },
          { conversationId: "dm:alice:bob", afterSeq: 0 },
        ],
      },
    });
    await alice.next((f) => f.body === "syncDone" && f.syncDone!.conversationId === "");
    const answered = alice.frames.filter((f) => f.reqId === 1);
    expect(answered.filter((f) => f.body === "error")).toEqual([]);
    expect(answered.filter((f) => f.body === "message").map((f) => [f.message!.conversationId, f.message!.seq])).toEqual([
      ["dm:alice:bob", 1],
    ]);
    const done = answered.filter((f) => f.body === "syncDone").map((f) => f.syncDone!);
    expect(done.map((d) => [d.conversationId, d.upToSeq, d.hasMore, d.error])).toEqual([
      [group, 0, false, ErrorCode.FORBIDDEN],
      ["dm:bob:carol", 0, false, ErrorCode.FORBIDDEN],
      ["g:missing", 3, false, ErrorCode.NOT_FOUND],
      ["dm:alice:bob", 1, false, ErrorCode.ERROR_CODE_UNSPECIFIED],
      ["", 0, false, ErrorCode.ERROR_CODE_UNSPECIFIED],
    ]);
  });
});

describe("device cursors", () => {
  it("keeps the acked cursors of a device the client did not name in its session only; a named device's go to the store", async () => {
    const g = await start();
    const alice = await connect(g, "alice", { device: "phone" });
    const anon = await connect(g, "bob");
    const tablet = await connect(g, "bob", { device: "tablet" });
    const anonDevice = String((await anon.next((f) => f.body === "welcome")).welcome!.deviceId);
    expect(anonDevice).toMatch(/^anon-/);
    const sendOne = (id: string) => alice.send({ reqId: 1, send: { clientMsgId: id, conversationId: "dm:alice:bob", body: body(8) } });
    sendOne("m1");
    sendOne("m2");
    for (const c of [anon, tablet]) await waitFor(() => c.count((f) => f.body === "message") === 2, { what: "both messages" });

    // Cursors stop at the conversation's newest seq (2); one without messages gets none.
    const acked = (c: RawConnection, reqId: number) => c.next((f) => f.body === "ackResult" && f.reqId === reqId);
    anon.send({ reqId: 2, ack: { conversationId: "dm:alice:bob", seq: 99 } });
    anon.send({ reqId: 3, ack: { conversationId: "dm:bob:ghost", seq: 5 } });
    tablet.send({ reqId: 2, ack: { conversationId: "dm:alice:bob", seq: 99 } });
    tablet.send({ reqId: 3, ack: { conversationId: "dm:bob:ghost", seq: 5 } });
    for (const c of [anon, tablet]) {
      expect((await acked(c, 2)).ackResult!.seq).toBe(2);
      expect((await acked(c, 3)).ackResult!.seq).toBe(0);
    }

    // The session's own cursor drives its all-conversations sync: seq 3 is all it has not acked.
    sendOne("m3");
    await waitFor(() => anon.count((f) => f.body === "message") === 3, { what: "the third message" });
    anon.send({ reqId: 4, sync: { allConversations: true } });
    await anon.next((f) => f.body === "syncDone" && f.reqId === 4 && f.syncDone!.conversationId === "");
    const synced = anon.frames.filter((f) => f.body === "message" && f.reqId === 4).map((f) => f.message!.seq);
    expect(synced).toEqual([3]);

    expect(await g.engine.store.cursors("bob", anonDevice)).toEqual(new Map());
    expect(await g.engine.store.cursors("bob", "tablet")).toEqual(new Map([["dm:alice:bob", 2]]));
  });

  it("bounds the conversations an unnamed device's session remembers cursors for", async () => {
    const g = await start({ SEND_RATE_PER_SEC: "100000", SEND_BURST: "100000" });
    const anon = await connect(g, "bob");
    // Only conversations with messages count, but anyone can start a DM with anyone.
    const n = SESSION_CURSORS_MAX + 1;
    for (let i = 0; i < n; i++) anon.send({ reqId: i + 1, send: { clientMsgId: `m${i}`, conversationId: `dm:bob:u${i}`, body: body(1) } });
    await waitFor(() => anon.count((f) => f.body === "sendAck") === n, { timeoutMs: 20_000, what: "every DM started" });
    for (let i = 0; i < n; i++) anon.send({ reqId: n + i + 1, ack: { conversationId: `dm:bob:u${i}`, seq: 1 } });
    await anon.next((f) => f.body === "ackResult" && f.reqId === 2 * n, 20_000, "the last ack");
    expect(await metric(g, "sb_session_cursors_dropped_total")).toBe(1);
  });
});

describe("backpressure", () => {
  it("pauses live push for a slow reader and catches it up from the store with no gap", async () => {
    const g = await start({
      SOFT_BUFFER_BYTES: "65536",
      HARD_BUFFER_BYTES: "268435456",
      SEND_RATE_PER_SEC: "100000",
      SEND_BURST: "100000",
    });
    const reader = await connect(g, "bob");
    const sender = await connect(g, "alice");
    reader.pauseReading();
    // Send in rounds until the server had to skip live pushes (kernel buffers absorb the first MBs).
    let total = 0;
    while ((await metric(g, "sb_backpressure_skipped_total")) < 50) {
      if (total >= 4000) throw new Error("no backpressure after 4000 messages of 32 KiB");
      for (let i = 0; i < 100; i++, total++)
        sender.send({ reqId: total + 1, send: { clientMsgId: `m${total}`, conversationId: "dm:alice:bob", body: body(32 * 1024) } });
      await waitFor(() => sender.count((f) => f.body === "sendAck") === total, { timeoutMs: 20_000, what: "round acked" });
    }
    expect(await metric(g, "sb_backpressure_pauses_total")).toBeGreaterThanOrEqual(1);
    reader.resumeReading();
    await waitFor(() => reader.count((f) => f.body === "message") >= total, { timeoutMs: 20_000, what: "reader caught up" });
    const seqs = reader.frames.filter((f) => f.body === "message").map((f) => f.message!.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await metric(g, "sb_catchup_messages_total")).toBeGreaterThan(0);
    expect(reader.closeCode).toBeNull();
  });

  it("disconnects a reader that falls past the hard limit with SLOW_CONSUMER", async () => {
    const g = await start({ SOFT_BUFFER_BYTES: "65536", HARD_BUFFER_BYTES: "1048576", SEND_RATE_PER_SEC: "100000", SEND_BURST: "100000" });
    const reader = await connect(g, "bob");
    const sender = await connect(g, "alice");
    reader.pauseReading();
    for (let i = 0; i < 400; i++)
      sender.send({ reqId: i + 1, send: { clientMsgId: `m${i}`, conversationId: "dm:alice:bob", body: body(32 * 1024) } });
    await waitFor(async () => (await metric(g, "sb_slow_consumer_closes_total")) >= 1, { timeoutMs: 20_000, what: "slow consumer close" });
    reader.resumeReading();
    await expectSlowConsumerClose(g, reader);
    // The sender was never slowed down by it.
    await waitFor(() => sender.count((f) => f.body === "sendAck") === 400, { timeoutMs: 20_000, what: "sender acked" });
  });
});

describe("backpressure across a user's devices", () => {
  it("keeps delivering to a user's healthy device when another device is closed as a slow consumer", async () => {
    const g = await start({ SOFT_BUFFER_BYTES: "65536", HARD_BUFFER_BYTES: "1048576", SEND_RATE_PER_SEC: "100000", SEND_BURST: "100000" });
    // Registration order matters: the slow device comes first in bob's session list.
    const slow = await connect(g, "bob", { device: "slow" });
    const healthy = await connect(g, "bob", { device: "healthy" });
    const sender = await connect(g, "alice");
    slow.pauseReading();
    const total = 400;
    for (let i = 0; i < total; i++)
      sender.send({ reqId: i + 1, send: { clientMsgId: `m${i}`, conversationId: "dm:alice:bob", body: body(32 * 1024) } });
    await waitFor(async () => (await metric(g, "sb_slow_consumer_closes_total")) >= 1, { timeoutMs: 20_000, what: "slow device closed" });
    // Read on at once: the healthy device's 13 MB can take seconds on a loaded machine.
    slow.resumeReading();
    await waitFor(() => healthy.count((f) => f.body === "message") >= total, { timeoutMs: 20_000, what: "healthy device got everything" });
    const seqs = healthy.frames.filter((f) => f.body === "message").map((f) => f.message!.seq);
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    await expectSlowConsumerClose(g, slow);
  });
});

describe("keepalive and shutdown", () => {
  it("pings, answers client pings with pong, and closes a silent connection with IDLE_TIMEOUT", async () => {
    const g = await start({ PING_INTERVAL_MS: "100", IDLE_TIMEOUT_MS: "400" });
    const live = await connect(g, "alice");
    live.send({ reqId: 9, ping: { clientTimeMs: 123 } });
    const pong = await live.next((f) => f.body === "pong");
    expect(pong.reqId).toBe(9);
    expect(pong.pong?.clientTimeMs).toBe(123);
    let pings = 0;
    live.ws.on("ping", () => (pings += 1));
    const silent = await connect(g, "bob", { autoPong: false });
    const { code } = await silent.closed;
    expect(code).toBe(CloseCode.IDLE_TIMEOUT);
    // The connection that answers pings stays open through the same period.
    expect(pings).toBeGreaterThan(0);
    expect(live.closeCode).toBeNull();
  });

  it("on stop: readyz turns 503, clients get goaway then GOING_AWAY, new upgrades are refused", async () => {
    const g = await start();
    const c = await connect(g, "alice");
    expect((await fetch(`${g.http}/readyz`)).status).toBe(200);
    expect((await fetch(`${g.http}/healthz`)).status).toBe(200);
    g.server.draining = true;
    expect((await fetch(`${g.http}/readyz`)).status).toBe(503);
    const token = await g.token("bob");
    expect((await refused(RawConnection.open(`${g.url}?token=${token}`))).status).toBe(503);
    await g.stop();
    const goaway = await c.next((f) => f.body === "goaway");
    expect(goaway.goaway?.reconnectAfterMs).toBeGreaterThan(0);
    expect((await c.closed).code).toBe(CloseCode.GOING_AWAY);
    gw = null;
  });
});
