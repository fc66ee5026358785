// A client over a fake socket and manual timers: unit tests script frame interleavings exactly.
import { SwitchboardClient } from "../../src/client/client.js";
import type { Timer, TimerWheel } from "../../src/client/timers.js";
import type { ClientOptions, Message, WebSocketCtor, WebSocketLike } from "../../src/client/types.js";
import { decodeClientFrame, encodeServerFrame, type ClientFrame, type IServerFrame } from "../../src/protocol/proto.js";

export class FakeSocket implements WebSocketLike {
  static last: FakeSocket | null = null;
  static all: FakeSocket[] = [];
  binaryType = "";
  readyState = 1;
  bufferedAmount = 0;
  protocol = "bearer";
  onopen: ((ev: never) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: never) => void) | null = null;
  readonly sent: ClientFrame[] = [];
  constructor() {
    FakeSocket.last = this;
    FakeSocket.all.push(this);
  }
  send(data: Uint8Array): void {
    this.sent.push(decodeClientFrame(data));
  }
  close(): void {
    this.readyState = 3;
  }
  push(frame: IServerFrame): void {
    this.onmessage?.({ data: encodeServerFrame(frame) });
  }
  /** The connection dies without a close frame. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
  syncs(): ClientFrame[] {
    return this.sent.filter((f) => f.body === "sync");
  }
  /** Each sync request's cursors, as [conversation, after_seq] pairs. */
  syncCursors(): [string, number][][] {
    return this.syncs().map((f) => (f.sync?.cursors ?? []).map((x) => [x.conversationId ?? "", Number(x.afterSeq)]));
  }
}

/** Timers that fire only when the test says so. */
export class ManualTimers {
  readonly pending = new Set<{ delayMs: number; fn: () => void }>();
  /** The delay of every timer ever scheduled, in order. */
  readonly scheduled: number[] = [];
  schedule(delayMs: number, fn: () => void): Timer {
    this.scheduled.push(delayMs);
    const e = { delayMs, fn };
    this.pending.add(e);
    return { cancel: () => this.pending.delete(e) };
  }
  /** Fires the pending timers whose delay matches (a delay, or a predicate); returns how many ran. */
  fire(which: number | ((delayMs: number) => boolean)): number {
    const pred = typeof which === "number" ? (d: number) => d === which : which;
    let n = 0;
    for (const e of [...this.pending]) {
      if (!pred(e.delayMs) || !this.pending.delete(e)) continue;
      n += 1;
      e.fn();
    }
    return n;
  }
  fireAll(): number {
    return this.fire(() => true);
  }
}

/** Lets promise continuations (async client paths) run. */
export async function flush(n = 20): Promise<void> {
  for (let i = 0; i < n; i += 1) await Promise.resolve();
}

/** Answers the newest socket's upgrade with a welcome (once the client has created it). */
export async function welcome(fields: { maxFrameBytes?: number } = {}): Promise<FakeSocket> {
  for (let i = 0; i < 20 && (FakeSocket.last === null || FakeSocket.last.onmessage === null); i += 1) await Promise.resolve();
  const ws = FakeSocket.last!;
  ws.push({ welcome: { userId: "alice", deviceId: "phone", sessionId: "s", nodeId: "n", ...fields } });
  return ws;
}

/** A client connected as alice over a FakeSocket: no connect sync, no auto acks unless asked. */
export async function fakeClient(opts: Partial<ClientOptions> = {}, welcomeFields: { maxFrameBytes?: number } = {}) {
  const timers = new ManualTimers();
  FakeSocket.last = null;
  FakeSocket.all = [];
  const c = new SwitchboardClient({
    url: "ws://test/ws",
    token: "t",
    WebSocket: FakeSocket as unknown as WebSocketCtor,
    timers: timers as unknown as TimerWheel,
    syncOnConnect: false,
    autoAck: false,
    gapWaitMs: 240,
    ...opts,
  });
  const got: Message[] = [];
  const errors: Error[] = [];
  c.on("message", (m) => got.push(m));
  c.on("error", (e) => errors.push(e));
  const connected = c.connect();
  const ws = await welcome(welcomeFields);
  await connected;
  const msg = (conv: string, seq: number, reqId = 0): IServerFrame => ({
    reqId,
    message: { messageId: `${conv}-m${seq}`, conversationId: conv, seq, senderId: "bob", body: new Uint8Array([seq & 255]) },
  });
  const seqs = (conv: string): number[] => got.filter((m) => m.conversationId === conv).map((m) => m.seq);
  return { c, ws, timers, got, errors, msg, seqs };
}
