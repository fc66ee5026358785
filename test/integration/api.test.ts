// The server API (/v1/*) against a real gateway: API-key auth, validation, groups and membership
// enforcement, publishing as a user and as the system (idempotent), presence, disconnect.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ServerError, SwitchboardClient, type Message } from "../../src/client/index.js";
import { CloseCode, ErrorCode } from "../../src/protocol/codes.js";
import { inbox, nextEvent as next, trackedClient } from "../helpers/clients.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";
import { waitFor } from "../helpers/wait.js";

const KEY = "test-api-key-0123456789abcdef";

let gw: TestGateway;
const clients: SwitchboardClient[] = [];
/** "error" events of every client: none are expected. */
const unexpected: Error[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ API_KEY: KEY });
});

afterAll(async () => {
  await gw.stop();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  expect(unexpected.splice(0).map((e) => `${e.name}: ${e.message}`)).toEqual([]);
});

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  opts: { key?: string | null; raw?: string; base?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = opts.key === undefined ? KEY : opts.key;
  if (key !== null) headers["authorization"] = `Bearer ${key}`;
  const res = await fetch(`${opts.base ?? gw.http}${path}`, {
    method,
    headers,
    body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, body: await res.json() };
}

async function connected(user: string, device = "phone"): Promise<SwitchboardClient> {
  const c = trackedClient(clients, unexpected, { url: gw.url, token: () => gw.token(user), device });
  await c.connect();
  return c;
}

const text = (m: Message): string => new TextDecoder().decode(m.body);

async function sendError(c: SwitchboardClient, conv: string, body: string): Promise<ErrorCode> {
  const err = await c.send(conv, body).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServerError);
  return (err as ServerError).code;
}

const ENDPOINTS: [string, string, unknown][] = [
  ["POST", "/v1/groups", { owner_id: "alice", name: "x", member_ids: [] }],
  ["GET", "/v1/groups/g:none", undefined],
  ["POST", "/v1/groups/g:none/members", { user_ids: ["bob"] }],
  ["DELETE", "/v1/groups/g:none/members", { user_ids: ["bob"] }],
  ["POST", "/v1/conversations/dm:alice:bob/messages", { body: "hi", idempotency_key: "k" }],
  ["GET", "/v1/presence?user_ids=alice", undefined],
  ["POST", "/v1/users/alice/disconnect", undefined],
];

describe("server API auth", () => {
  it("answers 401 UNAUTHORIZED on every endpoint without a key or with a wrong one", async () => {
    for (const [method, path, body] of ENDPOINTS) {
      for (const key of [null, "wrong-key-0123456789abcdef", `${KEY}x`, KEY.slice(0, -1)]) {
        const r = await call(method, path, body, { key });
        expect(r.status, `${method} ${path} key=${key}`).toBe(401);
        expect(r.body.error.code).toBe("UNAUTHORIZED");
        expect(r.body.error.message).toMatch(/Bearer/);
      }
    }
    // A non-Bearer scheme is refused too.
    const res = await fetch(`${gw.http}/v1/presence?user_ids=a`, { headers: { authorization: `Basic ${KEY}` } });
    expect(res.status).toBe(401);
  });

  it("answers 503 on every endpoint, saying to set API_KEY, when API_KEY is unset", async () => {
    const off = await startTestGateway();
    try {
      for (const [method, path, body] of ENDPOINTS) {
        const r = await call(method, path, body, { base: off.http });
        expect(r.status, `${method} ${path}`).toBe(503);
        expect(r.body.error.message).toMatch(/API_KEY/);
        expect(r.body.error.retryable).toBe(false);
      }
    } finally {
      await off.stop();
    }
  });

  it("accepts the key on every endpoint (authorized calls reach the route)", async () => {
    for (const [method, path, body] of ENDPOINTS) {
      const r = await call(method, path, body);
      expect([200, 201, 202, 404], `${method} ${path}: ${JSON.stringify(r.body)}`).toContain(r.status);
    }
  });
});

describe("server API routing and validation", () => {
  it("answers 404 for unknown routes and 405 for a wrong method", async () => {
    const unknown = await call("GET", "/v1/nothing");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
    const wrong = await call("PUT", "/v1/groups");
    expect(wrong.status).toBe(405);
    expect(wrong.body.error.message).toMatch(/POST/);
    expect((await call("GET", "/v1/users/alice/disconnect")).status).toBe(405);
  });

  it("answers 400 INVALID_ARGUMENT naming the field for bad bodies", async () => {
    const cases: [string, string, unknown, RegExp][] = [
      ["POST", "/v1/groups", {}, /owner_id/],
      ["POST", "/v1/groups", { owner_id: "bad id!", name: "x" }, /owner_id/],
      ["POST", "/v1/groups", { owner_id: "a", name: "x", extra: 1 }, /extra/],
      ["POST", "/v1/groups/g:x/members", { user_ids: [] }, /user_ids/],
      ["POST", "/v1/conversations/dm:a:b/messages", { body: "x" }, /idempotency_key/],
      ["POST", "/v1/conversations/dm:a:b/messages", { body: "x", body_base64: "eA==", idempotency_key: "k" }, /exactly one/],
      ["POST", "/v1/conversations/dm:a:b/messages", { body_base64: "***", idempotency_key: "k" }, /body_base64/],
      ["POST", "/v1/conversations/nope/messages", { body: "x", idempotency_key: "k" }, /conversation_id/],
      ["POST", "/v1/conversations/dm:a:b/messages", { body: "x", idempotency_key: "k\ud800" }, /idempotency_key: must be well-formed/],
      ["POST", "/v1/conversations/dm:a:b/messages", { body: "x", idempotency_key: "k", content_type: "\udc00" }, /content_type/],
      ["POST", "/v1/groups", { owner_id: "a", name: "team\ud83d" }, /name: must be well-formed/],
      ["GET", "/v1/presence", undefined, /user_ids/],
      ["POST", "/v1/users/bad%20id/disconnect", undefined, /user id/],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await call(method, path, body);
      expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body.error.code).toBe("INVALID_ARGUMENT");
      expect(r.body.error.retryable).toBe(false);
      expect(r.body.error.message).toMatch(field);
    }
    const bad = await call("POST", "/v1/groups", undefined, { raw: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/JSON/);
  });

  it("answers 413 FRAME_TOO_LARGE for a body over the frame limit", async () => {
    const r = await call("POST", "/v1/conversations/dm:a:b/messages", {
      body: "x".repeat(gw.config.MAX_FRAME_BYTES),
      idempotency_key: "big",
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("FRAME_TOO_LARGE");
  });
});

describe("groups", () => {
  it("creates, reads, adds and removes members, and sends follow the membership", async () => {
    const [ann, ben, cat] = await Promise.all([connected("ann"), connected("ben"), connected("cat")]);
    const created = await call("POST", "/v1/groups", { owner_id: "ann", name: "Team", member_ids: ["ben"], group_id: "team1" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ conversation_id: "g:team1", name: "Team", owner_id: "ann", member_ids: ["ann", "ben"] });
    expect((await call("GET", "/v1/groups/g:team1")).body).toEqual(created.body);
    expect((await call("GET", "/v1/groups/team1")).body).toEqual(created.body); // prefix optional
    expect((await call("GET", "/v1/groups/g%3Ateam1")).status).toBe(200);

    // Same id again: 409 CONFLICT.
    const dup = await call("POST", "/v1/groups", { owner_id: "ann", name: "Team", group_id: "team1" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("CONFLICT");

    expect(await sendError(cat, "g:team1", "let me in")).toBe(ErrorCode.FORBIDDEN);
    const added = await call("POST", "/v1/groups/g:team1/members", { user_ids: ["cat"] });
    expect(added.status).toBe(200);
    expect(added.body.member_ids).toEqual(["ann", "ben", "cat"]);
    const annInbox = inbox(ann);
    await cat.send("g:team1", "hello team");
    await waitFor(() => annInbox.some((m) => text(m) === "hello team"), { what: "ann receives cat's message" });

    const removed = await call("DELETE", "/v1/groups/g:team1/members", { user_ids: ["ben"] });
    expect(removed.status).toBe(200);
    expect(removed.body.member_ids).toEqual(["ann", "cat"]);
    expect(await sendError(ben, "g:team1", "still here?")).toBe(ErrorCode.FORBIDDEN);

    // The owner is removed by leaving, not by the API: FORBIDDEN (403).
    const owner = await call("DELETE", "/v1/groups/g:team1/members", { user_ids: ["ann"] });
    expect(owner.status).toBe(403);
    expect(owner.body.error.code).toBe("FORBIDDEN");
  });

  it("answers 404 NOT_FOUND for missing groups", async () => {
    for (const [method, path, body] of [
      ["GET", "/v1/groups/g:missing", undefined],
      ["POST", "/v1/groups/g:missing/members", { user_ids: ["x"] }],
      ["DELETE", "/v1/groups/g:missing/members", { user_ids: ["x"] }],
      ["POST", "/v1/conversations/g:missing/messages", { body: "x", idempotency_key: "k" }],
    ] as const) {
      const r = await call(method, path, body);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("generates a group id when none is given", async () => {
    const r = await call("POST", "/v1/groups", { owner_id: "ann", name: "auto", member_ids: ["ben", "ben"] });
    expect(r.status).toBe(201);
    expect(r.body.conversation_id).toMatch(/^g:.+/);
    expect(r.body.member_ids).toEqual(["ann", "ben"]);
  });
});

describe("publish", () => {
  it("publishes as a user: stored, delivered to the other member and to the sender's own devices", async () => {
    const [dan, eve] = await Promise.all([connected("dan"), connected("eve")]);
    const danInbox = inbox(dan);
    const eveInbox = inbox(eve);
    const r = await call("POST", "/v1/conversations/dm:eve:dan/messages", {
      sender_id: "dan",
      body: "from the backend",
      content_type: "text/plain",
      idempotency_key: "pub-1",
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ conversation_id: "dm:dan:eve", seq: 1, duplicate: false });
    expect(typeof r.body.message_id).toBe("string");
    expect(r.body.sent_at_ms).toBeGreaterThan(0);
    const got = await waitFor(() => eveInbox.find((m) => text(m) === "from the backend"), { what: "eve receives it" });
    expect(got).toMatchObject({ senderId: "dan", senderDevice: "api", contentType: "text/plain", clientMsgId: "pub-1" });
    expect(Number(got.seq)).toBe(1);
    await waitFor(() => danInbox.some((m) => text(m) === "from the backend"), { what: "dan's own device receives it" });
  });

  it("publishes as the system into a group and a DM without membership, base64 bodies too", async () => {
    const [fay, gus] = await Promise.all([connected("fay"), connected("gus")]);
    const fayInbox = inbox(fay);
    const gusInbox = inbox(gus);
    await call("POST", "/v1/groups", { owner_id: "fay", name: "news", member_ids: ["gus"], group_id: "news" });
    const r = await call("POST", "/v1/conversations/g:news/messages", {
      body_base64: Buffer.from("announcement").toString("base64"),
      idempotency_key: "sys-1",
    });
    expect(r.status).toBe(201);
    for (const box of [fayInbox, gusInbox]) {
      const m = await waitFor(() => box.find((x) => text(x) === "announcement"), { what: "system message delivered" });
      expect(m.senderId).toBe("system");
    }
    const dm = await call("POST", "/v1/conversations/dm:fay:gus/messages", { body: "system dm", idempotency_key: "sys-2" });
    expect(dm.status).toBe(201);
    await waitFor(() => gusInbox.some((m) => text(m) === "system dm" && m.senderId === "system"), { what: "system DM delivered" });
  });

  it("enforces membership for users: 403 FORBIDDEN", async () => {
    await call("POST", "/v1/groups", { owner_id: "hal", name: "private", group_id: "private" });
    const g = await call("POST", "/v1/conversations/g:private/messages", { sender_id: "ivy", body: "x", idempotency_key: "k1" });
    expect(g.status).toBe(403);
    expect(g.body.error.code).toBe("FORBIDDEN");
    const dm = await call("POST", "/v1/conversations/dm:hal:jon/messages", { sender_id: "ivy", body: "x", idempotency_key: "k2" });
    expect(dm.status).toBe(403);
  });

  it("is idempotent by idempotency_key: same seq, duplicate true, delivered once", async () => {
    const kim = await connected("kim");
    const kimInbox = inbox(kim);
    const req = { sender_id: "lou", body: "once", idempotency_key: "idem-1" };
    const first = await call("POST", "/v1/conversations/dm:kim:lou/messages", req);
    const second = await call("POST", "/v1/conversations/dm:kim:lou/messages", req);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    expect(second.body.duplicate).toBe(true);
    expect(second.body.seq).toBe(first.body.seq);
    expect(second.body.message_id).toBe(first.body.message_id);
    // A later message is delivered after anything the retry could have caused: then count.
    const marker = await call("POST", "/v1/conversations/dm:kim:lou/messages", {
      sender_id: "lou",
      body: "marker",
      idempotency_key: "idem-2",
    });
    expect(marker.body.seq).toBe(first.body.seq + 1);
    await waitFor(() => kimInbox.some((m) => text(m) === "marker"), { what: "marker delivered" });
    expect(kimInbox.filter((m) => text(m) === "once")).toHaveLength(1);
    // The system's keys are its own: the same key as the system is a new message.
    const asSystem = await call("POST", "/v1/conversations/dm:kim:lou/messages", { body: "once", idempotency_key: "idem-1" });
    expect(asSystem.body.duplicate).toBe(false);
  });

  it("dedupes an API publish against a client send with the same client_msg_id", async () => {
    const mia = await connected("mia");
    const ack = await mia.send("dm:mia:ned", "from the app", { clientMsgId: "shared-key-1" });
    const r = await call("POST", "/v1/conversations/dm:mia:ned/messages", {
      sender_id: "mia",
      body: "from the app",
      idempotency_key: "shared-key-1",
    });
    expect(r.body.duplicate).toBe(true);
    expect(r.body.seq).toBe(Number(ack.seq));
  });
});

describe("presence and disconnect", () => {
  it("reports presence of users across their sessions", async () => {
    await connected("ola", "phone");
    await connected("ola", "laptop");
    await connected("pat");
    const want = [
      { user_id: "ola", online: true, sessions: 2 },
      { user_id: "pat", online: true, sessions: 1 },
      { user_id: "quinn", online: false, sessions: 0 },
    ];
    const r = await waitFor(
      async () => {
        const got = await call("GET", "/v1/presence?user_ids=ola,pat,quinn");
        return JSON.stringify(got.body) === JSON.stringify(want) ? got : null;
      },
      { what: "presence of ola, pat, quinn" },
    );
    expect(r.status).toBe(200);
  });

  it("disconnects every session of a user with FORBIDDEN_CLOSE (4101); the client does not reconnect", async () => {
    const phone = await connected("rex", "phone");
    const laptop = await connected("rex", "laptop");
    const other = await connected("sam");
    const closes = [next(phone, "close"), next(laptop, "close")];
    const r = await call("POST", "/v1/users/rex/disconnect");
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ user_id: "rex" });
    for (const info of await Promise.all(closes)) {
      expect(info.code).toBe(CloseCode.FORBIDDEN_CLOSE);
      expect(info.willReconnect).toBe(false);
    }
    expect(phone.state).toBe("closed");
    expect(laptop.state).toBe("closed");
    expect(other.state).toBe("open");
    const want = [
      { user_id: "rex", online: false, sessions: 0 },
      { user_id: "sam", online: true, sessions: 1 },
    ];
    await waitFor(async () => JSON.stringify((await call("GET", "/v1/presence?user_ids=rex,sam")).body) === JSON.stringify(want), {
      what: "rex offline",
    });
  });
});
