// The client's gap handling: the server never pushes our own message back, so a peer's reply can
// overtake our send_ack (that hole waits for the ack), and a push relayed by another node can
// arrive after a later one (that hole waits gapWaitMs for it). Only a hole still open then syncs.
import { describe, expect, it } from "vitest";
import { SwitchboardClient } from "../../src/client/client.js";
import type { TimerWheel } from "../../src/client/timers.js";
import type { Message, WebSocketCtor } from "../../src/client/types.js";
import { ServerError } from "../../src/client/errors.js";
import { ErrorCode, type ClientFrame, type IServerFrame } from "../../src/protocol/proto.js";
import { fakeClient, FakeSocket, flush, ManualTimers, welcome } from "../helpers/fake-client.js";

const DM = "dm:alice:bob";

// Below the sync retries' 250 ms floor: fire(GAP_WAIT_MS) never fires a retry.
const GAP_WAIT_MS = 240;

async function setup(resendAfterMs = 5000, syncOnConnect = false) {
  const timers = new ManualTimers();
  FakeSocket.last = null;
  const c = new SwitchboardClient({
    url: "ws://test/ws",
    token: "t",
    WebSocket: FakeSocket as unknown as WebSocketCtor,
    timers: timers as unknown as TimerWheel,
    syncOnConnect,
    autoAck: false,
    resendAfterMs,
    gapWaitMs: GAP_WAIT_MS,
  });
  const got: Message[] = [];
  c.on("message", (m) => got.push(m));
  const connected = c.connect();
  for (let i = 0; i < 10 && FakeSocket.last === null; i++) await Promise.resolve();
  const ws = FakeSocket.last!;
  ws.push({ welcome: { userId: "alice", deviceId: "phone", sessionId: "s", nodeId: "n" } });
  await connected;
  const msg = (seq: number, senderId = "bob"): IServerFrame => ({
    message: { messageId: `m${seq}`, conversationId: DM, seq, senderId, body: new Uint8Array([seq]) },
  });
  const ackFor = (i: number, seq: number): IServerFrame => {
    const send = ws.sent.filter((f) => f.body === "send")[i]!;
    return {
      reqId: send.reqId,
      sendAck: { clientMsgId: send.send!.clientMsgId, conversationId: DM, messageId: `m${seq}`, seq, sentAtMs: 1 },
    };
  };
  const syncs = () => ws.sent.filter((f) => f.body === "sync");
  return { c, ws, timers, got, msg, ackFor, syncs, seqs: () => got.map((m) => m.seq) };
}

describe("client gaps around own sends", () => {
  it("a peer message overtaking our send_ack waits for the ack: no sync, released in order", async () => {
    const { c, ws, got, msg, ackFor, syncs, seqs } = await setup();
    ws.push(msg(1));
    const sent = c.send("dm:bob:alice", "mine"); // non-canonical id: the same conversation
    ws.push(msg(3)); // the peer's reply (seq 3) overtakes our send_ack (seq 2)
    expect(seqs()).toEqual([1]);
    expect(syncs()).toEqual([]);
    ws.push(ackFor(0, 2));
    expect((await sent).seq).toBe(2);
    expect(seqs()).toEqual([1, 3]); // our own message is never delivered to us
    expect(got.every((m) => m.senderId === "bob")).toBe(true);
    expect(c.cursor(DM)).toBe(3);
    expect(syncs()).toEqual([]);
    ws.push(msg(3)); // dedupe holds
    ws.push(msg(4));
    expect(seqs()).toEqual([1, 3, 4]);
    expect(syncs()).toEqual([]);
  });

  it("a hole still open once no send is pending falls back to the gap sync", async () => {
    const { c, ws, timers, msg, ackFor, syncs, seqs } = await setup();
    ws.push(msg(1));
    void c.send(DM, "mine");
    ws.push(msg(4)); // 2 is ours, 3 is lost
    expect(syncs()).toEqual([]);
    ws.push(ackFor(0, 2));
    expect(seqs()).toEqual([1]);
    expect(syncs()).toEqual([]); // 3 may still be on its way
    timers.fire(GAP_WAIT_MS);
    expect(syncs().map((f) => (f.sync?.cursors ?? []).map((x) => [x.conversationId, Number(x.afterSeq)]))).toEqual([[[DM, 2]]]);
  });

  it("a hole waits for our ack a bounded time only, then syncs", async () => {
    const { c, ws, timers, msg, syncs } = await setup(300);
    ws.push(msg(1));
    void c.send(DM, "mine");
    ws.push(msg(3));
    expect(syncs()).toEqual([]);
    timers.fire(300); // the wait's deadline (and the send's resend deadline)
    expect(syncs().map((f) => (f.sync?.cursors ?? []).map((x) => [x.conversationId, Number(x.afterSeq)]))).toEqual([[[DM, 1]]]);
  });

  it("without pending sends, a hole waits for the missing push: filled in time, no sync", async () => {
    const { ws, timers, msg, syncs, seqs } = await setup();
    ws.push(msg(1));
    ws.push(msg(3)); // 2 is relayed by another node, 3 came first
    expect(seqs()).toEqual([1]);
    ws.push(msg(2));
    expect(seqs()).toEqual([1, 2, 3]);
    timers.fire(GAP_WAIT_MS);
    expect(syncs()).toEqual([]);
  });

  it("our own sends while a hole waits for a push do not put its sync off", async () => {
    const { c, ws, timers, msg, ackFor, syncs } = await setup();
    ws.push(msg(1));
    ws.push(msg(3)); // 2 is lost: the wait starts
    for (let i = 0; i < 5; i++) {
      const sent = c.send(DM, `mine ${i}`);
      ws.push(ackFor(i, 4 + i)); // held behind the hole
      await sent;
    }
    expect(timers.scheduled.filter((d) => d === GAP_WAIT_MS)).toHaveLength(1);
    expect(syncs()).toEqual([]);
    timers.fire(GAP_WAIT_MS);
    expect(syncs()).toHaveLength(1);
  });

  it("a hole that fills ends its wait: a later hole gets a full wait of its own", async () => {
    const { ws, timers, msg, syncs, seqs } = await setup();
    ws.push(msg(1));
    ws.push(msg(3));
    ws.push(msg(2)); // filled: the first wait is cancelled
    expect(seqs()).toEqual([1, 2, 3]);
    expect([...timers.pending].filter((t) => t.delayMs === GAP_WAIT_MS)).toHaveLength(0);
    ws.push(msg(5));
    expect([...timers.pending].filter((t) => t.delayMs === GAP_WAIT_MS)).toHaveLength(1);
    timers.fire(GAP_WAIT_MS);
    expect(syncs()).toHaveLength(1);
  });

  it("without pending sends, a hole still open after gapWaitMs syncs", async () => {
    const { ws, timers, msg, syncs, seqs } = await setup();
    ws.push(msg(1));
    ws.push(msg(3));
    ws.push(msg(4));
    expect(syncs()).toEqual([]);
    timers.fire(GAP_WAIT_MS);
    expect(syncs().map((f) => (f.sync?.cursors ?? []).map((x) => [x.conversationId, Number(x.afterSeq)]))).toEqual([[[DM, 1]]]);
    expect(seqs()).toEqual([1]);
  });
});

describe("client gap syncs that fail", () => {
  const cursorsOf = (f: ClientFrame) => (f.sync?.cursors ?? []).map((x) => [x.conversationId, Number(x.afterSeq)]);
  type Rig = Awaited<ReturnType<typeof setup>>;
  /** Opens a hole (2 missing) and lets its wait run out: the gap sync goes out. */
  const openHole = ({ ws, timers, msg }: Rig): void => {
    ws.push(msg(1));
    ws.push(msg(3));
    timers.fire(GAP_WAIT_MS);
  };
  /**
   * Answers sync request `reqId` with an error, then lets the rejection reach the client's catch
   * (a few microtask turns, bounded) until it schedules a timer. Returns the timers scheduled since.
   */
  const refuse = async ({ ws, timers }: Rig, reqId: number, code: ErrorCode, retryable: boolean): Promise<number[]> => {
    const before = timers.scheduled.length;
    ws.push({ reqId, error: { code, message: "refused", retryable, retryAfterMs: 0 } });
    for (let i = 0; i < 10 && timers.scheduled.length === before; i++) await Promise.resolve();
    return timers.scheduled.slice(before);
  };

  it("retries a gap sync refused with a retryable error, with backoff, and then releases what was held", async () => {
    const rig = await setup();
    const { c, ws, timers, msg, syncs, seqs } = rig;
    const errors: Error[] = [];
    c.on("error", (e) => errors.push(e));
    openHole(rig);
    expect(syncs()).toHaveLength(1);
    const [retry] = await refuse(rig, syncs()[0]!.reqId, ErrorCode.UNAVAILABLE, true);
    expect(errors.map((e) => (e as ServerError).code)).toEqual([ErrorCode.UNAVAILABLE]);
    // Later pushes past the open hole start no sync of their own: only the retry does.
    ws.push(msg(4));
    expect(syncs()).toHaveLength(1);
    // Never sooner than the backoff's minimum (250 ms by default), whatever the jitter says.
    expect(retry).toBeGreaterThanOrEqual(250);
    timers.fire(retry!);
    expect(syncs()).toHaveLength(2);
    expect(cursorsOf(syncs()[1]!)).toEqual([[DM, 1]]);
    const reqId = syncs()[1]!.reqId;
    ws.push({ reqId, message: msg(2).message! });
    ws.push({ reqId, syncDone: { conversationId: DM, upToSeq: 2, hasMore: false, lastSeq: 4, oldestSeq: 1 } });
    ws.push({ reqId, syncDone: { conversationId: "" } });
    expect(seqs()).toEqual([1, 2, 3, 4]);
  });

  it("keeps one retry chain per conversation, resumes from the cursor it has by then, and reports an outage once", async () => {
    const rig = await setup();
    const { c, ws, timers, msg, syncs, seqs } = rig;
    const errors: Error[] = [];
    c.on("error", (e) => errors.push(e));
    openHole(rig);
    const [firstRetry] = await refuse(rig, syncs()[0]!.reqId, ErrorCode.UNAVAILABLE, true);
    // The hole fills by itself, then a new one opens and its own sync fails too.
    ws.push(msg(2));
    ws.push(msg(5));
    expect(seqs()).toEqual([1, 2, 3]);
    timers.fire(GAP_WAIT_MS);
    expect(syncs()).toHaveLength(2);
    expect(await refuse(rig, syncs()[1]!.reqId, ErrorCode.UNAVAILABLE, true)).toEqual([]); // the first chain's timer still covers it
    timers.fire(firstRetry!);
    expect(syncs()).toHaveLength(3);
    expect(cursorsOf(syncs()[2]!)).toEqual([[DM, 3]]);
    expect(await refuse(rig, syncs()[2]!.reqId, ErrorCode.UNAVAILABLE, true)).toHaveLength(1);
    // Two chains started (one failure reported each); the chain's own later failure is not.
    expect(errors).toHaveLength(2);
  });

  it("retries the connect sync, all conversations included", async () => {
    const rig = await setup(5000, true);
    const { c, timers, syncs } = rig;
    c.on("error", () => undefined);
    expect(syncs()).toHaveLength(1);
    expect(syncs()[0]!.sync!.allConversations).toBe(true);
    const [retry] = await refuse(rig, syncs()[0]!.reqId, ErrorCode.OVERLOADED, true);
    timers.fire(retry!);
    expect(syncs()).toHaveLength(2);
    expect(syncs()[1]!.sync!.allConversations).toBe(true);
  });

  it("does not retry a sync refused for good", async () => {
    const rig = await setup();
    const { c, syncs } = rig;
    c.on("error", () => undefined);
    openHole(rig);
    expect(await refuse(rig, syncs()[0]!.reqId, ErrorCode.FORBIDDEN, false)).toEqual([]);
    expect(syncs()).toHaveLength(1);
  });

  it("drops a waiting retry when the connection ends (the reconnect syncs anyway)", async () => {
    const rig = await setup();
    const { c, ws, timers, syncs } = rig;
    c.on("error", () => undefined);
    openHole(rig);
    const before = new Set(timers.pending);
    await refuse(rig, syncs()[0]!.reqId, ErrorCode.OVERLOADED, true);
    const retry = [...timers.pending].filter((t) => !before.has(t));
    expect(retry).toHaveLength(1);
    ws.onclose?.({ code: 1006, reason: "" });
    expect(timers.pending.has(retry[0]!)).toBe(false);
  });
});

describe("client typing", () => {
  it("sends at most one typing event per conversation per typingIntervalMs", async () => {
    const { c, ws } = await setup();
    const typings = () => ws.sent.filter((f) => f.body === "typing").map((f) => f.typing!.conversationId);
    for (let i = 0; i < 5; i++) c.typing(DM);
    c.typing("g:team");
    expect(typings()).toEqual([DM, "g:team"]);
  });
});

// A hole that opens while a sync covers its conversation is left to that sync's final page, but
// only while that page is still owed and would settle the hole; otherwise it is handled as usual.
describe("client holes that open while a sync covers the conversation", () => {
  const A = "dm:alice:bob";
  const B = "g:team";

  it("after the conversation's final page of a still-running connect sync: the hole is synced", async () => {
    const r = await fakeClient({ syncOnConnect: true });
    const { ws, timers, msg, seqs } = r;
    const s0 = ws.syncs()[0]!;
    ws.push(msg(A, 1, s0.reqId));
    ws.push(msg(B, 1, s0.reqId));
    ws.push({ reqId: s0.reqId, syncDone: { conversationId: A, upToSeq: 1, lastSeq: 1 } });
    ws.push({ reqId: s0.reqId, syncDone: { conversationId: B, upToSeq: 1, lastSeq: 1 } });
    ws.push({ reqId: s0.reqId, syncDone: { conversationId: "" } });
    await flush();
    // Reconnect: the connect sync names A and B; A is complete on page 1, B has more.
    ws.drop();
    timers.fireAll(); // the reconnect delay
    const ws2 = await welcome();
    await flush();
    const s1 = ws2.syncs()[0]!;
    ws2.push(msg(B, 2, s1.reqId));
    ws2.push({ reqId: s1.reqId, syncDone: { conversationId: A, upToSeq: 1, lastSeq: 1 } });
    ws2.push({ reqId: s1.reqId, syncDone: { conversationId: B, upToSeq: 2, hasMore: true, lastSeq: 500 } });
    ws2.push({ reqId: s1.reqId, syncDone: { conversationId: "" } });
    await flush();
    expect(ws2.syncCursors()).toEqual([
      [
        [A, 1],
        [B, 1],
      ],
      [[B, 2]],
    ]);
    ws2.push(msg(A, 3)); // 2's push was lost; the sync that covered A is past A
    expect(seqs(A)).toEqual([1]);
    expect(timers.fire((d) => d === GAP_WAIT_MS)).toBe(1);
    expect(ws2.syncCursors()[2]).toEqual([[A, 1]]);
  });

  it("after a sync() asked from ahead of the cursor: the hole it leaves is synced", async () => {
    const { c, ws, timers, msg, seqs } = await fakeClient();
    ws.push(msg(A, 1));
    const done = c.sync([{ conversationId: A, afterSeq: 5 }]);
    const s = ws.syncs()[0]!;
    ws.push(msg(A, 6, s.reqId));
    ws.push(msg(A, 7, s.reqId));
    ws.push({ reqId: s.reqId, syncDone: { conversationId: A, upToSeq: 7, lastSeq: 7 } });
    ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
    await done;
    expect(seqs(A)).toEqual([1]); // 6 and 7 wait behind 2..5
    expect(timers.fire((d) => d === GAP_WAIT_MS)).toBe(1);
    expect(ws.syncCursors()[1]).toEqual([[A, 1]]);
  });

  it("while a sync() that then fails covers the conversation: the hole is synced once it failed", async () => {
    const { c, ws, timers, msg, seqs } = await fakeClient();
    ws.push(msg(A, 1));
    const done = c.sync([{ conversationId: A, afterSeq: 1 }]).catch((e: unknown) => e);
    const s = ws.syncs()[0]!;
    ws.push(msg(A, 3)); // left to the sync's final page
    expect(timers.fire((d) => d === GAP_WAIT_MS)).toBe(0);
    ws.push({ reqId: s.reqId, error: { code: ErrorCode.UNAVAILABLE, message: "backend down", retryable: true } });
    expect(await done).toBeInstanceOf(ServerError);
    expect(seqs(A)).toEqual([1]);
    expect(timers.fire((d) => d === GAP_WAIT_MS)).toBe(1);
    expect(ws.syncCursors()[1]).toEqual([[A, 1]]);
  });
});
