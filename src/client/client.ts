// The Switchboard client: one WebSocket, req_id correlation, an outbox resent until acked,
// ordered at-most-once delivery per conversation (Sequencer), reconnect with jittered backoff
// that honours close-code ranges and goaway, and sync from cursors on every (re)connect.
// Browser-safe: no node: imports, no Buffer; the WebSocket implementation is passed in.
import { closeAllowsReconnect, ERROR_TABLE } from "../protocol/codes.js";
import {
  decodeServerFrame,
  encodeClientFrame,
  ErrorCode,
  type IClientFrame,
  type ServerFrame,
  type switchboard,
} from "../protocol/proto.js";
import { isWellFormed } from "../protocol/text.js";
import { backoffDelay, type BackoffPolicy } from "./backoff.js";
import { Emitter } from "./emitter.js";
import { ClientClosedError, ConnectionClosedError, CursorStoreError, ProtocolError, RequestTimeoutError, ServerError } from "./errors.js";
import { Outbox, retryDelay, type OutboxEntry, type SendAck } from "./outbox.js";
import { canonicalConversationId, Sequencer, type SyncCursor } from "./sequencer.js";
import { sharedTimers, type Timer, type TimerWheel } from "./timers.js";
import type {
  ClientEvents,
  ClientOptions,
  ClientState,
  CursorStore,
  GroupResult,
  Message,
  SyncDone,
  SyncDoneEvent,
  UserPresence,
  WebSocketCtor,
  WebSocketLike,
  Welcome,
} from "./types.js";

/** WebSocket.OPEN, the same constant in browsers and `ws`. */
const OPEN = 1;
/** The server's MAX_SYNC_CONVERSATIONS: larger cursor lists are split into several requests. */
const MAX_CURSORS_PER_SYNC = 1000;
/** MAX_FRAME_BYTES's default, for a welcome that does not say. */
const DEFAULT_MAX_FRAME_BYTES = 65_536;
/**
 * A sync frame's upper bound beyond its conversation ids' UTF-8 bytes: the frame's own fields
 * (req_id, limit, all_conversations) plus, per cursor, tags, lengths and a 10-byte varint seq.
 */
const SYNC_FRAME_OVERHEAD = 64;
const SYNC_CURSOR_OVERHEAD = 20;
/** Sync pages in a row that say has_more but do not move a conversation's cursor, before giving up. */
const MAX_STALLED_PAGES = 3;
/** Re-syncs of one conversation whose hole survives a complete sync, before giving up on it. */
const MAX_GAP_RESYNCS = 2;
/**
 * Longest a hole waits for one of our own pending send_acks to fill it before syncing (capped by
 * resendAfterMs): the server never pushes our own message back, so a peer's reply can overtake it.
 */
const OWN_ACK_WAIT_MS = 1000;
/** Conversations whose last typing event typing() remembers before it starts over. */
const MAX_TYPING_ENTRIES = 1000;
/** See ClientOptions.autoAck. */
const DEFAULT_ACK_DELAY_MS = 1000;
/** Close code the client reports when the connection died without a close frame. */
const ABNORMAL = 1006;

const encoder = new TextEncoder();
const noop = (): void => {};

// client_msg_ids: a random per-process prefix (72 bits, so devices never collide) plus a counter,
// so generating one costs no random bytes.
const ID_PREFIX = (() => {
  const b = new Uint8Array(9);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
})();
let idCounter = 0;

/** INVALID_ARGUMENT for the first field that is not well-formed Unicode text, else null. */
function notWellFormed(fields: Record<string, string | undefined>): ServerError | null {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && !isWellFormed(value)) {
      return new ServerError(
        ErrorCode.INVALID_ARGUMENT,
        `${field} must be well-formed Unicode text (it holds an unpaired surrogate)`,
        false,
      );
    }
  }
  return null;
}

/** A fresh client_msg_id, unique across clients, processes and devices. */
export function newClientMsgId(): string {
  idCounter += 1;
  return `${ID_PREFIX}-${idCounter.toString(36)}`;
}

interface PendingRequest {
  readonly resolve: (frame: ServerFrame) => void;
  readonly reject: (err: Error) => void;
  readonly timer: Timer;
  /** Sync pages: the per-conversation sync_done frames so far, and who gets them at the end. */
  readonly sync: { done: SyncDone[]; resolve: (done: SyncDone[]) => void } | null;
}

/** One running sync (all its requests and pages). */
interface SyncRun {
  /** Conversations asked from past our cursor: their final page settles nothing. */
  readonly ahead: Set<string>;
  /** Conversations whose final page this run still owes (see SwitchboardClient.owed). */
  readonly owing: Set<string>;
  /** Each conversation's final sync_done, for the sync_done event. */
  readonly finals: SyncDone[];
  /** Conversations refused on their own with a code other than FORBIDDEN/NOT_FOUND. */
  readonly refused: SyncDone[];
}

interface Settings {
  url: string;
  token: ClientOptions["token"];
  device: string | undefined;
  WebSocket: WebSocketCtor;
  tokenTransport: "query" | "protocol";
  store: CursorStore | null;
  reconnect: boolean;
  backoff: BackoffPolicy;
  resendAfterMs: number;
  gapWaitMs: number;
  typingIntervalMs: number;
  /** null: no automatic acks. */
  ackDelayMs: number | null;
  syncOnConnect: boolean;
  requestTimeoutMs: number;
}

function settingsOf(o: ClientOptions): Settings {
  const ctor = o.WebSocket ?? (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
  if (ctor === undefined)
    throw new TypeError("no WebSocket implementation: pass options.WebSocket (in Node: the `ws` package's WebSocket)");
  const autoAck = o.autoAck ?? true;
  return {
    url: o.url,
    token: o.token,
    device: o.device,
    WebSocket: ctor,
    tokenTransport: o.tokenTransport ?? "protocol",
    store: o.cursors ?? null,
    reconnect: o.reconnect?.enabled ?? true,
    backoff: { minDelayMs: o.reconnect?.minDelayMs ?? 250, maxDelayMs: o.reconnect?.maxDelayMs ?? 30_000 },
    resendAfterMs: o.resendAfterMs ?? 5000,
    gapWaitMs: o.gapWaitMs ?? 250,
    typingIntervalMs: o.typingIntervalMs ?? 2000,
    ackDelayMs: autoAck === false ? null : autoAck === true ? DEFAULT_ACK_DELAY_MS : autoAck.delayMs,
    syncOnConnect: o.syncOnConnect ?? true,
    requestTimeoutMs: o.requestTimeoutMs ?? 10_000,
  };
}

export class SwitchboardClient extends Emitter<ClientEvents> {
  private readonly cfg: Settings;
  private readonly timers: TimerWheel;
  private readonly sequencer: Sequencer<Message>;
  private readonly outbox = new Outbox();
  /** Non-send requests awaiting their reply, by req_id. */
  private readonly requests = new Map<number, PendingRequest>();
  /** Sends on the wire on this connection, by the req_id of their latest transmission. */
  private readonly sendsByReq = new Map<number, OutboxEntry>();
  private ws: WebSocketLike | null = null;
  private _state: ClientState = "idle";
  private _welcome: Welcome | null = null;
  private lastReqId = 0;
  /** Failed attempts since the last welcome: the backoff exponent. */
  private failures = 0;
  /** Connect deadline, reconnect delay or close-handshake deadline (one at a time). */
  private phaseTimer: Timer | null = null;
  /** After a goaway: no reconnect before this time (performance.now(): immune to wall-clock steps). */
  private notBefore = 0;
  /** A welcome arrived since connect() was called: from then on, disconnects reconnect. */
  private established = false;
  private lastSocketError = "";
  private connectWaiters: { resolve: (w: Welcome) => void; reject: (e: Error) => void }[] = [];
  private closePromise: Promise<void> | null = null;
  /** Why the client is "closed": what later calls reject with. */
  private closedError: ConnectionClosedError | null = null;
  private resolveClose: (() => void) | null = null;
  private cursorsLoaded = false;
  /**
   * Conversations whose final page a running sync still owes, and would settle them (count of
   * syncs): a hole there waits for that page. Once it has come, a new hole is handled at once.
   */
  private readonly owed = new Map<string, number>();
  /** Conversations whose hole survived a complete sync, with the re-syncs spent on it. */
  private readonly gapResyncs = new Map<string, number>();
  /** Conversations whose hole waits before a sync: for our own pending send_ack(s) (`own`), or
   * for a push in flight. */
  private readonly gapWaits = new Map<string, { timer: Timer; own: boolean }>();
  /**
   * Background syncs waiting to retry after a retryable failure, one per conversation ("" for the
   * connect sync): a conversation never has two retry chains. Cancelled when the connection ends.
   */
  private readonly syncRetries = new Map<string, Timer>();
  /** When this client last sent a typing event, per conversation (see typing). */
  private readonly typingSentAt = new Map<string, number>();
  /** Conversations whose cursor moved since the last ack was sent. */
  private readonly ackDirty = new Set<string>();
  private ackTimer: Timer | null = null;

  constructor(options: ClientOptions) {
    super();
    this.cfg = settingsOf(options);
    this.timers = options.timers ?? sharedTimers;
    this.sequencer = new Sequencer<Message>({
      deliver: (m) => this.emit("message", m),
      advanced: (c, seq) => this.onAdvance(c, seq),
    });
  }

  get state(): ClientState {
    return this._state;
  }

  get welcome(): Welcome | null {
    return this._welcome;
  }

  /** The current socket, for tests that must reach it (e.g. to drop the connection). */
  get socket(): WebSocketLike | null {
    return this.ws;
  }

  /** This client's last contiguous seq received in a conversation. */
  cursor(conversationId: string): number {
    return this.sequencer.cursor(canonicalConversationId(conversationId));
  }

  /** Sends not yet acknowledged. */
  get pendingSends(): number {
    return this.outbox.size;
  }

  // ------------------------------------------------------------------ connection

  /**
   * Opens the connection; resolves on the welcome. The first attempt failing rejects (the state
   * returns to "idle"); once welcomed, disconnects reconnect by themselves.
   */
  connect(): Promise<Welcome> {
    if (this._state === "closed") return Promise.reject(this.closedError ?? new ClientClosedError());
    if (this._state === "open" && this._welcome !== null) return Promise.resolve(this._welcome);
    const p = new Promise<Welcome>((resolve, reject) => this.connectWaiters.push({ resolve, reject }));
    if (this._state === "idle") {
      this._state = "connecting";
      void this.openSocket();
    }
    return p;
  }

  /** Closes for good: pending requests and unacknowledged sends reject, nothing reconnects. */
  close(): Promise<void> {
    if (this.closePromise !== null) return this.closePromise;
    this.closePromise = new Promise<void>((resolve) => (this.resolveClose = resolve));
    if (this._state === "closed") {
      this.resolveClose?.();
      return this.closePromise;
    }
    // Acks first, so the server's cursor for this device is as fresh as ours.
    this.flushAcks();
    const ws = this.ws;
    if (ws === null) {
      this.finish(1000, "client closed");
      return this.closePromise;
    }
    this.cancelPhaseTimer();
    // Bounded: a peer that never answers the close handshake must not hang close().
    this.phaseTimer = this.timers.schedule(this.cfg.requestTimeoutMs, () => {
      this.phaseTimer = null;
      if (this.ws === ws) this.onSocketClose(ws, ABNORMAL, "close handshake timed out");
    });
    ws.close(1000, "client closed");
    return this.closePromise;
  }

  private async openSocket(): Promise<void> {
    // One deadline for the whole attempt, armed before the token callback and the cursor load: one
    // that never settles (a fetch() without a timeout) would otherwise stall reconnecting for good.
    let expired = false;
    this.cancelPhaseTimer();
    this.phaseTimer = this.timers.schedule(this.cfg.requestTimeoutMs, () => {
      this.phaseTimer = null;
      if (this._welcome !== null) return;
      expired = true;
      const ws = this.ws;
      if (ws !== null) {
        this.detach(ws);
        ws.close();
      }
      const what = ws === null ? "no token (or stored cursors)" : "no welcome";
      this.onSocketClose(ws, ABNORMAL, `${what} within ${this.cfg.requestTimeoutMs} ms`);
    });
    let ws: WebSocketLike;
    try {
      if (!this.cursorsLoaded) await this.loadCursors();
      const token = typeof this.cfg.token === "function" ? await this.cfg.token() : this.cfg.token;
      // The deadline passed (a later attempt owns the connection), or close() ran meanwhile.
      if (expired || this.closePromise !== null || this._state === "closed") return;
      const url = new URL(this.cfg.url);
      if (this.cfg.device !== undefined) url.searchParams.set("device", this.cfg.device);
      if (this.cfg.tokenTransport === "query") url.searchParams.set("token", token);
      ws =
        this.cfg.tokenTransport === "protocol"
          ? new this.cfg.WebSocket(url.toString(), ["bearer", token])
          : new this.cfg.WebSocket(url.toString());
    } catch (err) {
      if (expired) return;
      // A token callback or constructor failure counts as a failed attempt (its message is the close reason).
      this.onSocketClose(null, ABNORMAL, `could not open the connection: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    ws.onmessage = (ev: { data: unknown }) => {
      if (this.ws === ws) this.onData(ev.data);
    };
    ws.onclose = (ev: { code: number; reason: string }) => {
      if (this.ws === ws) this.onSocketClose(ws, ev.code, ev.reason);
    };
    // Browsers give no detail here; `ws` gives e.g. "Unexpected server response: 401". The close
    // event always follows, so this only keeps the message for it.
    ws.onerror = (ev: { message?: string; error?: unknown }) => {
      if (this.ws === ws) this.lastSocketError = ev.message ?? (ev.error instanceof Error ? ev.error.message : "socket error");
    };
  }

  private async loadCursors(): Promise<void> {
    const store = this.cfg.store;
    this.cursorsLoaded = true;
    if (store === null) return;
    try {
      this.sequencer.load(await store.load());
    } catch (err) {
      // Connecting without stored cursors only costs re-delivery of what was already seen.
      this.report(new CursorStoreError("loading cursors failed: syncing from the start", { cause: err }));
    }
  }

  /** Handlers stay set (to no-ops): `ws` throws on an 'error' event with no listener. */
  private detach(ws: WebSocketLike): void {
    ws.onmessage = noop;
    ws.onclose = noop;
    ws.onerror = noop;
    ws.onopen = noop;
  }

  private onWelcome(w: Welcome): void {
    this.cancelPhaseTimer();
    this._welcome = w;
    this._state = "open";
    this.failures = 0;
    this.notBefore = 0;
    this.established = true;
    this.emit("open", w);
    for (const waiter of this.connectWaiters.splice(0)) waiter.resolve(w);
    for (const entry of this.outbox.values()) this.transmit(entry);
    this.flushAcks();
    if (this.cfg.syncOnConnect) {
      this.backgroundSync("connect", this.sequencer.cursors(), true);
    } else {
      for (const c of this.sequencer.gapped())
        this.backgroundSync("gap", [{ conversationId: c, afterSeq: this.sequencer.cursor(c) }], false);
    }
  }

  private onSocketClose(ws: WebSocketLike | null, code: number, reasonIn: string): void {
    if (ws !== null) this.detach(ws);
    this.ws = null;
    this._welcome = null;
    this.cancelPhaseTimer();
    const reason = reasonIn !== "" ? reasonIn : this.lastSocketError;
    this.lastSocketError = "";
    this.abortInflight(new ConnectionClosedError(code, reason));
    if (this.closePromise !== null) {
      this.finish(code, reason);
      return;
    }
    if (!this.established) {
      // The first attempt failed: tell the caller instead of retrying a config that may be wrong.
      this._state = "idle";
      const err = new ConnectionClosedError(code, reason);
      for (const waiter of this.connectWaiters.splice(0)) waiter.reject(err);
      this.emit("close", { code, reason, willReconnect: false, retryInMs: 0 });
      return;
    }
    if (!this.cfg.reconnect || !closeAllowsReconnect(code)) {
      this.finish(code, reason);
      return;
    }
    const delay = Math.max(backoffDelay(this.failures, this.cfg.backoff), this.notBefore - performance.now());
    this.failures += 1;
    this._state = "reconnecting";
    this.phaseTimer = this.timers.schedule(delay, () => {
      this.phaseTimer = null;
      void this.openSocket();
    });
    this.emit("close", { code, reason, willReconnect: true, retryInMs: delay });
  }

  /** Rejects what cannot survive this connection; sends stay in the outbox for the next one. */
  private abortInflight(err: ConnectionClosedError): void {
    for (const [, p] of this.requests) {
      p.timer.cancel();
      p.reject(err);
    }
    this.requests.clear();
    for (const entry of this.outbox.values()) {
      entry.timer?.cancel();
      entry.timer = null;
      entry.reqId = 0;
    }
    this.sendsByReq.clear();
    this.owed.clear();
    // The reconnect's sync (or gap sync) covers holes that were waiting for a send_ack.
    for (const w of this.gapWaits.values()) w.timer.cancel();
    this.gapWaits.clear();
    for (const t of this.syncRetries.values()) t.cancel();
    this.syncRetries.clear();
  }

  /** The final state: nothing reconnects, everything pending rejects. */
  private finish(code: number, reason: string): void {
    this._state = "closed";
    this.cancelPhaseTimer();
    this.ackTimer?.cancel();
    this.ackTimer = null;
    const err = this.closePromise !== null ? new ClientClosedError() : new ConnectionClosedError(code, reason);
    this.closedError = err;
    this.outbox.failAll(err);
    for (const waiter of this.connectWaiters.splice(0)) waiter.reject(err);
    this.emit("close", { code, reason, willReconnect: false, retryInMs: 0 });
    this.resolveClose?.();
  }

  private cancelPhaseTimer(): void {
    this.phaseTimer?.cancel();
    this.phaseTimer = null;
  }

  // ------------------------------------------------------------------ inbound

  private onData(data: unknown): void {
    let bytes: Uint8Array;
    if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else {
      this.report(new ProtocolError(`unexpected ${typeof data} frame: the server sends binary protobuf frames only`));
      return;
    }
    let frame: ServerFrame;
    try {
      frame = decodeServerFrame(bytes);
    } catch (err) {
      this.report(new ProtocolError(`undecodable ServerFrame: ${(err as Error).message}`, { cause: err }));
      return;
    }
    this.onFrame(frame);
  }

  // Decoded frames carry proto3 defaults on their prototypes: a present body's fields are set.
  // Dispatch reads the oneof's fields directly, hottest first: the generated `body` getter walks
  // Object.keys(frame) on every call. Decoding leaves at most one of them set (its setter deletes
  // the others), so this is the same answer.
  private onFrame(f: ServerFrame): void {
    if (f.message != null) this.onMessage(f.message as Message);
    else if (f.sendAck != null) this.onSendAck(f.reqId, f.sendAck as SendAck);
    else if (f.syncDone != null) this.onSyncDone(f.reqId, f.syncDone as SyncDone);
    else if (f.welcome != null) this.onWelcome(f.welcome as Welcome);
    else if (f.error != null) this.onError(f);
    else if (f.typing != null) this.emit("typing", f.typing as ClientEvents["typing"]);
    else if (f.groupResult != null) {
      if (f.reqId === 0) this.onGroupPush(f.groupResult as GroupResult);
      else this.settleRequest(f);
    } else if (f.goaway != null) {
      const g = f.goaway as switchboard.v1.GoAway;
      this.notBefore = performance.now() + g.reconnectAfterMs;
      this.emit("goaway", { reason: g.reason, reconnectAfterMs: g.reconnectAfterMs });
    } else if (f.presenceResult != null || f.pong != null || f.ackResult != null) this.settleRequest(f);
    // Otherwise a body added to the proto after this client was built: newer servers stay compatible.
  }

  private onGroupPush(g: GroupResult): void {
    this.checkMembership(g);
    this.emit("group", g);
  }

  /** A group result without this user: it left or was removed, so nothing there is ours to track. */
  private checkMembership(g: GroupResult): void {
    const me = this._welcome?.userId;
    if (me !== undefined && !g.memberIds.includes(me)) this.forget(g.conversationId);
  }

  /**
   * Stops tracking a conversation this user can no longer read: its cursor would be named in every
   * later sync (refused there), a pending ack would come back as FORBIDDEN, a hole never fills.
   */
  private forget(conversationId: string): void {
    this.sequencer.forget(conversationId);
    this.ackDirty.delete(conversationId);
    this.gapResyncs.delete(conversationId);
    this.gapWaits.get(conversationId)?.timer.cancel();
    this.gapWaits.delete(conversationId);
    this.syncRetries.get(conversationId)?.cancel();
    this.syncRetries.delete(conversationId);
  }

  private settleRequest(f: ServerFrame): void {
    const p = this.requests.get(f.reqId);
    // No entry: the request timed out or its connection ended; the late reply has no reader.
    if (p === undefined) return;
    this.requests.delete(f.reqId);
    p.timer.cancel();
    p.resolve(f);
  }

  private onMessage(m: Message): void {
    if (this.sequencer.offer(m) === "gap") this.onGap(m.conversationId);
  }

  private onGap(conversationId: string): void {
    // A running sync of this conversation fills or resolves the hole when its final page lands.
    if ((this.owed.size > 0 && this.owed.has(conversationId)) || this._state !== "open") return;
    if (this.gapWaits.has(conversationId)) return;
    // A hole is almost always a message on its way, not a lost one: our own unacked send (its
    // send_ack fills it), or a push that another node relays while its sender's later message
    // reached us first. Wait for it, bounded, before syncing: in a cluster a sync per such hole
    // costs both sides far more than the wait, which ends as soon as the hole fills.
    if (this.outbox.hasPendingIn(conversationId)) this.waitForGap(conversationId, Math.min(this.cfg.resendAfterMs, OWN_ACK_WAIT_MS), true);
    else this.waitForGap(conversationId, this.cfg.gapWaitMs, false);
  }

  private waitForGap(conversationId: string, delayMs: number, own: boolean): void {
    if (delayMs <= 0) {
      this.syncGap(conversationId);
      return;
    }
    const timer = this.timers.schedule(delayMs, () => {
      this.gapWaits.delete(conversationId);
      this.syncGap(conversationId);
    });
    this.gapWaits.set(conversationId, { timer, own });
  }

  /** Syncs a conversation's hole, unless it is gone or a sync already covers it. */
  private syncGap(conversationId: string): void {
    if (!this.sequencer.hasGap(conversationId) || this.owed.has(conversationId) || this._state !== "open") return;
    this.backgroundSync("gap", [{ conversationId, afterSeq: this.sequencer.cursor(conversationId) }], false);
  }

  /**
   * A send in the conversation was acked or failed: a hole waiting for our acks is done waiting
   * once it is filled or no send there is pending any more (then it waits like any other hole).
   * A hole already waiting for a push keeps its deadline: our own sends do not put it off.
   */
  private ownAckSettled(conversationId: string): void {
    if (this.gapWaits.size === 0) return;
    const wait = this.gapWaits.get(conversationId);
    if (wait === undefined || !wait.own) return;
    const gap = this.sequencer.hasGap(conversationId);
    if (gap && this.outbox.hasPendingIn(conversationId)) return;
    wait.timer.cancel();
    this.gapWaits.delete(conversationId);
    if (gap) this.waitForGap(conversationId, this.cfg.gapWaitMs, false);
  }

  private onAdvance(conversationId: string, seq: number): void {
    if (this.gapResyncs.size > 0) this.gapResyncs.delete(conversationId);
    if (this.gapWaits.size > 0 && !this.sequencer.hasGap(conversationId)) {
      // The hole filled: its wait is over (a new hole gets a full wait of its own).
      this.gapWaits.get(conversationId)?.timer.cancel();
      this.gapWaits.delete(conversationId);
    }
    const store = this.cfg.store;
    if (store !== null) {
      try {
        const r = store.save(conversationId, seq);
        if (r !== undefined)
          r.then(undefined, (err: unknown) =>
            this.report(new CursorStoreError(`saving cursor of ${conversationId} failed`, { cause: err })),
          );
      } catch (err) {
        this.report(new CursorStoreError(`saving cursor of ${conversationId} failed`, { cause: err }));
      }
    }
    if (this.cfg.ackDelayMs === null) return;
    this.ackDirty.add(conversationId);
    this.ackTimer ??= this.timers.schedule(this.cfg.ackDelayMs, () => {
      this.ackTimer = null;
      this.flushAcks();
    });
  }

  /** Sends one cumulative ack per conversation whose cursor moved; offline they wait for open. */
  private flushAcks(): void {
    if (this.ackDirty.size === 0 || this._state !== "open") return;
    this.ackTimer?.cancel();
    this.ackTimer = null;
    for (const c of this.ackDirty) this.write({ ack: { conversationId: c, seq: this.sequencer.cursor(c) } });
    this.ackDirty.clear();
  }

  private onError(f: ServerFrame): void {
    const e = f.error as switchboard.v1.Error;
    const err = new ServerError(e.code, e.message, e.retryable, e.retryAfterMs, e.clientMsgId);
    if (f.reqId !== 0) {
      const p = this.requests.get(f.reqId);
      if (p !== undefined) {
        this.requests.delete(f.reqId);
        p.timer.cancel();
        p.reject(err);
        return;
      }
    }
    const entry =
      (f.reqId !== 0 ? this.sendsByReq.get(f.reqId) : undefined) ?? (e.clientMsgId !== "" ? this.outbox.get(e.clientMsgId) : undefined);
    if (entry !== undefined) {
      this.onSendError(entry, err);
      return;
    }
    this.report(err);
  }

  /** Errors that answer nothing pending: listeners get them; with none, the console does. */
  private report(err: Error): void {
    if (!this.emit("error", err)) console.warn(`switchboard client: ${err.name}: ${err.message}`);
  }

  // ------------------------------------------------------------------ sending

  /**
   * Sends a message. It stays in the outbox, resent after resendAfterMs and on every reconnect,
   * until a send_ack resolves it; retryable errors back off and retry; others reject with
   * ServerError. Sending the same clientMsgId while it is in flight returns the same promise.
   */
  send(conversationId: string, body: Uint8Array | string, opts: { contentType?: string; clientMsgId?: string } = {}): Promise<SendAck> {
    if (this._state === "closed" || this.closePromise !== null) return Promise.reject(this.closedError ?? new ClientClosedError());
    // An unpaired surrogate has no UTF-8 form: the server would refuse the frame without a req_id,
    // the send would be resent until the server closed the connection for protocol violations.
    const badText = notWellFormed({ client_msg_id: opts.clientMsgId, content_type: opts.contentType });
    if (badText !== null) return Promise.reject(badText);
    const bytes = typeof body === "string" ? encoder.encode(body) : body;
    const { entry, existing } = this.outbox.add(opts.clientMsgId ?? newClientMsgId(), conversationId, bytes, opts.contentType ?? "");
    if (!existing && this._state === "open") this.transmit(entry);
    return entry.promise;
  }

  private transmit(entry: OutboxEntry): void {
    entry.timer?.cancel();
    entry.timer = null;
    if (entry.reqId !== 0) this.sendsByReq.delete(entry.reqId);
    entry.reqId = this.nextReqId();
    const frame = encodeClientFrame({
      reqId: entry.reqId,
      send: { clientMsgId: entry.clientMsgId, conversationId: entry.conversationId, body: entry.body, contentType: entry.contentType },
    });
    const max = this._welcome?.maxFrameBytes ?? 0;
    if (max > 0 && frame.byteLength > max) {
      // The server would refuse it with a req_id-less error: fail it here, with the same code.
      entry.reqId = 0;
      this.outbox.fail(
        entry.clientMsgId,
        new ServerError(
          ErrorCode.FRAME_TOO_LARGE,
          `send of ${frame.byteLength} bytes is over the ${max}-byte frame limit`,
          false,
          0,
          entry.clientMsgId,
        ),
      );
      this.ownAckSettled(entry.canonicalId);
      return;
    }
    this.sendsByReq.set(entry.reqId, entry);
    this.ws!.send(frame);
    entry.timer = this.timers.schedule(this.cfg.resendAfterMs, () => {
      entry.timer = null;
      if (this._state === "open" && this.outbox.get(entry.clientMsgId) === entry) this.transmit(entry);
    });
  }

  private onSendAck(reqId: number, ack: SendAck): void {
    const entry = this.sendsByReq.get(reqId) ?? this.outbox.get(ack.clientMsgId);
    if (entry !== undefined) {
      this.sendsByReq.delete(entry.reqId);
      this.outbox.settle(entry.clientMsgId, ack);
    }
    // Our own message is never pushed back to this session: count its seq as received here,
    // or the next message in the conversation would look like a gap. A late ack for a send
    // already settled (an earlier transmission's) is still a seq we have.
    const r = this.sequencer.markOwn(ack.conversationId, ack.seq);
    if (r === "gap") this.onGap(ack.conversationId);
    else this.ownAckSettled(ack.conversationId);
  }

  private onSendError(entry: OutboxEntry, err: ServerError): void {
    this.sendsByReq.delete(entry.reqId);
    entry.reqId = 0;
    entry.timer?.cancel();
    entry.timer = null;
    entry.errors += 1;
    const delay = retryDelay(err, entry.errors, this.cfg.backoff);
    if (delay === null) {
      this.outbox.fail(entry.clientMsgId, err);
      this.ownAckSettled(entry.canonicalId);
      return;
    }
    entry.timer = this.timers.schedule(delay, () => {
      entry.timer = null;
      // Offline: the reconnect resends every outbox entry anyway.
      if (this._state === "open" && this.outbox.get(entry.clientMsgId) === entry) this.transmit(entry);
    });
  }

  /** Writes raw bytes on the socket, bypassing every codec. For tests and tools only. */
  sendRaw(bytes: Uint8Array): void {
    const ws = this.ws;
    if (ws === null || ws.readyState !== OPEN) throw new ConnectionClosedError(0, "not connected");
    ws.send(bytes);
  }

  private write(frame: IClientFrame): void {
    this.ws!.send(encodeClientFrame(frame));
  }

  private nextReqId(): number {
    // uint32 on the wire; 0 means "no reply wanted", and ids still awaiting a reply are skipped.
    do {
      this.lastReqId = (this.lastReqId + 1) >>> 0;
    } while (this.lastReqId === 0 || this.requests.has(this.lastReqId) || this.sendsByReq.has(this.lastReqId));
    return this.lastReqId;
  }

  // ------------------------------------------------------------------ requests

  /** Sends a request frame; resolves with the reply frame (rejects on error frame, timeout, close). */
  private request(what: string, frame: IClientFrame): Promise<ServerFrame> {
    return new Promise<ServerFrame>((resolve, reject) => this.issue(what, frame, resolve, reject, null));
  }

  /** One sync request (page): resolves with its per-conversation sync_done frames. */
  private syncRequest(frame: IClientFrame): Promise<SyncDone[]> {
    return new Promise<SyncDone[]>((resolve, reject) => this.issue("sync", frame, noop, reject, { done: [], resolve }));
  }

  private issue(
    what: string,
    frame: IClientFrame,
    resolve: (f: ServerFrame) => void,
    reject: (err: Error) => void,
    sync: PendingRequest["sync"],
  ): void {
    if (this._state !== "open" || this.ws === null) {
      reject(new ConnectionClosedError(0, `not connected (${this._state})`));
      return;
    }
    const reqId = this.nextReqId();
    const timer = this.timers.schedule(this.cfg.requestTimeoutMs, () => {
      this.requests.delete(reqId);
      reject(new RequestTimeoutError(what, this.cfg.requestTimeoutMs));
    });
    this.requests.set(reqId, { resolve, reject, timer, sync });
    frame.reqId = reqId;
    this.write(frame);
  }

  /** Cumulative ack: every message of the conversation with seq <= `seq` was received. */
  ack(conversationId: string, seq: number): void {
    if (this._state !== "open") throw new ConnectionClosedError(0, `not connected (${this._state})`);
    this.write({ ack: { conversationId, seq } });
  }

  /**
   * Ephemeral "typing" signal to the conversation's other sessions; dropped while offline. Call it
   * freely (on every keystroke): at most one event per conversation goes out every
   * typingIntervalMs, as the server sheds a user's typing events past a few a second.
   */
  typing(conversationId: string): void {
    if (this._state !== "open") return;
    const now = performance.now();
    if (now - (this.typingSentAt.get(conversationId) ?? -Infinity) < this.cfg.typingIntervalMs) return;
    // Entries older than the interval are no longer needed: bounded by recent conversations.
    if (this.typingSentAt.size >= MAX_TYPING_ENTRIES) this.typingSentAt.clear();
    this.typingSentAt.set(conversationId, now);
    this.write({ typing: { conversationId } });
  }

  async presence(userIds: string[]): Promise<UserPresence[]> {
    const f = await this.request("presence", { presence: { userIds } });
    return f.presenceResult!.users as UserPresence[];
  }

  createGroup(name: string, memberIds: string[]): Promise<GroupResult> {
    const badText = notWellFormed({ name });
    if (badText !== null) return Promise.reject(badText);
    return this.groupRequest("create_group", { createGroup: { name, memberIds } });
  }

  addMembers(conversationId: string, userIds: string[]): Promise<GroupResult> {
    return this.groupRequest("add_members", { addMembers: { conversationId, userIds } });
  }

  removeMembers(conversationId: string, userIds: string[]): Promise<GroupResult> {
    return this.groupRequest("remove_members", { removeMembers: { conversationId, userIds } });
  }

  leaveGroup(conversationId: string): Promise<GroupResult> {
    return this.groupRequest("leave_group", { leaveGroup: { conversationId } });
  }

  private async groupRequest(what: string, frame: IClientFrame): Promise<GroupResult> {
    const f = await this.request(what, frame);
    const g = f.groupResult as GroupResult;
    this.checkMembership(g);
    return g;
  }

  /** Round trip time in ms of a ping. */
  async ping(): Promise<number> {
    const start = performance.now();
    await this.request("ping", { ping: { clientTimeMs: Date.now() } });
    return performance.now() - start;
  }

  // ------------------------------------------------------------------ sync

  /**
   * Fetches missed messages (delivered as "message" events, deduped and in order), following
   * has_more pages until done. With no cursors: every conversation from this client's cursors,
   * plus (allConversations, default true then) the ones it does not know yet.
   */
  async sync(cursors?: SyncCursor[], opts: { limit?: number; allConversations?: boolean } = {}): Promise<void> {
    const list =
      cursors?.map((c) => ({ conversationId: canonicalConversationId(c.conversationId), afterSeq: c.afterSeq })) ??
      this.sequencer.cursors();
    try {
      await this.runSync("request", list, opts.allConversations ?? cursors === undefined, opts.limit ?? 0);
    } catch (err) {
      // Nothing retries a caller's sync: holes it was to settle get the usual handling.
      this.resumeGaps(list);
      throw err;
    }
  }

  private backgroundSync(source: "connect" | "gap", cursors: SyncCursor[], all: boolean, failures = 0): void {
    const ws = this.ws;
    this.runSync(source, cursors, all, 0, failures).catch((err: unknown) => {
      // The connection dropped mid-sync: the reconnect syncs again from the cursors.
      if (err instanceof ConnectionClosedError || this.ws !== ws) return;
      // A retryable refusal (store briefly unreachable, node overloaded) or no answer in time:
      // try again, with backoff, while this connection lasts. Given up, messages held behind a
      // hole would stay held until the next reconnect: later pushes past it start no sync.
      const delay = syncRetryDelay(err, failures + 1, this.cfg.backoff);
      // Reported once per chain (and when it gives up), not on every attempt of a long outage.
      if (failures === 0 || delay === null) this.report(err instanceof Error ? err : new Error(String(err)));
      if (delay === null) {
        // A gap sync given up stays given up (resuming would retry it without backoff).
        if (source === "connect") this.resumeGaps(cursors);
        return;
      }
      if (source === "connect")
        this.retrySync("", delay, ws, () => this.backgroundSync("connect", this.sequencer.cursors(), all, failures + 1));
      else for (const { conversationId } of cursors) this.retryGap(conversationId, delay, ws, failures + 1);
    });
  }

  /** Re-syncs a conversation's hole after `delay`, if it is still open then (see backgroundSync). */
  private retryGap(conversationId: string, delay: number, ws: WebSocketLike | null, failures: number): void {
    this.retrySync(conversationId, delay, ws, () => {
      if (!this.sequencer.hasGap(conversationId)) return;
      // A sync already covers it: wait for that one instead of asking twice (it may fail too).
      if (this.owed.has(conversationId)) this.retryGap(conversationId, delay, ws, failures);
      else this.backgroundSync("gap", [{ conversationId, afterSeq: this.sequencer.cursor(conversationId) }], false, failures);
    });
  }

  private retrySync(key: string, delay: number, ws: WebSocketLike | null, run: () => void): void {
    if (this.syncRetries.has(key)) return;
    this.syncRetries.set(
      key,
      this.timers.schedule(delay, () => {
        this.syncRetries.delete(key);
        if (this.ws === ws && this._state === "open") run();
      }),
    );
  }

  private async runSync(source: SyncDoneEvent["source"], cursors: SyncCursor[], all: boolean, limit: number, failures = 0): Promise<void> {
    const run: SyncRun = { ahead: new Set(), owing: new Set(), finals: [], refused: [] };
    for (const { conversationId: c, afterSeq } of cursors) {
      // A final page may release held messages only if the request started at or below our
      // cursor; a caller asking from further ahead did not get what lies between.
      if (afterSeq > this.sequencer.cursor(c)) run.ahead.add(c);
      else if (!run.owing.has(c)) {
        run.owing.add(c);
        this.owed.set(c, (this.owed.get(c) ?? 0) + 1);
      }
    }
    try {
      const chunks = this.syncChunks(cursors);
      for (let i = 0; i < chunks.length; i += 1) {
        // all_conversations on the last chunk only: it adds what no chunk names.
        await this.syncPages(chunks[i]!, all && i === chunks.length - 1, limit, run);
      }
    } finally {
      for (const c of run.owing) this.paid(c, run);
    }
    for (const d of run.refused) this.retryRefused(d, failures);
    this.emit("sync_done", { source, conversations: run.finals });
    this.resumeGaps(cursors);
  }

  /** A run's final page for `c` came (or the run ended): holes there no longer wait for it. */
  private paid(c: string, run: SyncRun): void {
    if (!run.owing.delete(c)) return;
    const n = (this.owed.get(c) ?? 1) - 1;
    if (n <= 0) this.owed.delete(c);
    else this.owed.set(c, n);
  }

  /**
   * After a sync: a hole that opened while it covered the conversation was left to it, but its
   * final page may have come first, or started ahead of the hole, or never came (the sync failed).
   * Such a hole gets the usual handling unless something else already takes care of it.
   */
  private resumeGaps(cursors: SyncCursor[]): void {
    if (this._state !== "open") return;
    for (const { conversationId: c } of cursors)
      if (this.sequencer.hasGap(c) && !this.gapWaits.has(c) && !this.syncRetries.has(c)) this.onGap(c);
  }

  /** A conversation the server refused within a sync: retried like a failed gap sync, or reported. */
  private retryRefused(d: SyncDone, failures: number): void {
    const code = d.error;
    const err = new ServerError(code, `sync of ${d.conversationId} refused`, ERROR_TABLE[code]?.retryable ?? false);
    const delay = syncRetryDelay(err, failures + 1, this.cfg.backoff);
    if (failures === 0 || delay === null) this.report(err);
    if (delay === null || this._state !== "open") return;
    const id = d.conversationId;
    this.retrySync(id, delay, this.ws, () =>
      this.backgroundSync("gap", [{ conversationId: id, afterSeq: this.sequencer.cursor(id) }], false, failures + 1),
    );
  }

  /**
   * Splits cursors into requests the server takes: at most MAX_CURSORS_PER_SYNC each, and frames
   * of at most half the welcome's max_frame_bytes (long ids would otherwise pass the limit: the
   * server refuses such a frame, counts a protocol violation, and enough of them close the session).
   */
  private syncChunks(cursors: SyncCursor[]): SyncCursor[][] {
    const maxFrame = this._welcome?.maxFrameBytes || DEFAULT_MAX_FRAME_BYTES;
    const budget = Math.floor(maxFrame / 2) - SYNC_FRAME_OVERHEAD;
    const chunks: SyncCursor[][] = [];
    let chunk: SyncCursor[] = [];
    let bytes = 0;
    for (const c of cursors) {
      const size = encoder.encode(c.conversationId).byteLength + SYNC_CURSOR_OVERHEAD;
      if (chunk.length > 0 && (chunk.length >= MAX_CURSORS_PER_SYNC || bytes + size > budget)) {
        chunks.push(chunk);
        chunk = [];
        bytes = 0;
      }
      chunk.push(c);
      bytes += size;
    }
    chunks.push(chunk);
    return chunks;
  }

  private async syncPages(cursors: SyncCursor[], all: boolean, limit: number, run: SyncRun): Promise<void> {
    let page = cursors;
    let first = true;
    /** Consecutive pages per conversation that said has_more but moved nothing. */
    const stalls = new Map<string, number>();
    while (first || page.length > 0) {
      const asked = new Map(page.map((c) => [c.conversationId, c.afterSeq]));
      const done = await this.syncRequest({ sync: { cursors: page, limit, allConversations: first && all } });
      first = false;
      const next: SyncCursor[] = [];
      for (const d of done) {
        if (d.error !== ErrorCode.ERROR_CODE_UNSPECIFIED) {
          // Refused on its own (the rest of the request was answered): no longer readable, or try later.
          run.finals.push(d);
          this.paid(d.conversationId, run);
          if (d.error === ErrorCode.FORBIDDEN || d.error === ErrorCode.NOT_FOUND) this.forget(d.conversationId);
          else run.refused.push(d);
          continue;
        }
        // oldest_seq past up_to_seq + 1: the server no longer holds what lies between (an older
        // server says so with an empty page): go on from there; the final page marks them gone.
        const from = d.hasMore && d.oldestSeq > d.upToSeq + 1 ? d.oldestSeq - 1 : d.upToSeq;
        if (d.hasMore && !this.stalled(d, from, asked, stalls)) next.push({ conversationId: d.conversationId, afterSeq: from });
        else {
          run.finals.push(d);
          this.paid(d.conversationId, run);
          if (!run.ahead.has(d.conversationId)) this.settleGap(d.conversationId, d.upToSeq);
        }
      }
      page = next;
    }
  }

  /**
   * A page that read the conversation (last_seq set; a page stopped by the server's backpressure
   * has none) and still did not move its cursor: after MAX_STALLED_PAGES in a row, asking again
   * would only loop, so the page counts as final.
   */
  private stalled(d: SyncDone, from: number, asked: Map<string, number>, stalls: Map<string, number>): boolean {
    const before = asked.get(d.conversationId);
    if (d.lastSeq === 0 || before === undefined || from > before) {
      stalls.delete(d.conversationId);
      return false;
    }
    const n = (stalls.get(d.conversationId) ?? 0) + 1;
    stalls.set(d.conversationId, n);
    if (n < MAX_STALLED_PAGES) return false;
    this.report(new ProtocolError(`${d.conversationId}: ${n} sync pages from seq ${from} made no progress; sync of it ended`));
    return true;
  }

  /** A conversation's sync is complete through `upTo`: release held messages, re-sync if needed. */
  private settleGap(conversationId: string, upTo: number): void {
    this.sequencer.resolveThrough(conversationId, upTo);
    if (!this.sequencer.hasGap(conversationId)) return;
    // The hole is above what the server had when it read: those messages were stored after, and
    // their pushes are on the way or a re-sync finds them. A hole that survives re-syncs is not
    // coming back: release what waits behind it rather than hold it forever.
    const spent = this.gapResyncs.get(conversationId) ?? 0;
    if (spent >= MAX_GAP_RESYNCS) {
      const first = this.sequencer.firstHeld(conversationId);
      this.gapResyncs.delete(conversationId);
      this.report(
        new ProtocolError(`${conversationId}: seqs ${this.sequencer.cursor(conversationId) + 1}-${first - 1} never arrived; skipped`),
      );
      this.sequencer.resolveThrough(conversationId, first - 1);
      return;
    }
    this.gapResyncs.set(conversationId, spent + 1);
    if (this._state === "open") {
      this.backgroundSync("gap", [{ conversationId, afterSeq: this.sequencer.cursor(conversationId) }], false);
    }
  }

  private onSyncDone(reqId: number, d: SyncDone): void {
    const p = this.requests.get(reqId);
    if (p === undefined || p.sync === null) return;
    if (d.conversationId !== "") {
      p.sync.done.push(d);
      return;
    }
    // The empty conversation id closes the request: hand over the collected per-conversation frames.
    this.requests.delete(reqId);
    p.timer.cancel();
    p.sync.resolve(p.sync.done);
  }
}

/**
 * When to retry a background sync after its `failures`-th failure, or null to give up (see
 * retryDelay): the backoff's minimum plus the jittered backoff, as the jitter alone may say 0 ms
 * and a timed-out sync may still be running on the server.
 */
function syncRetryDelay(err: unknown, failures: number, policy: BackoffPolicy): number | null {
  let delay: number | null = null;
  if (err instanceof ServerError) delay = retryDelay(err, failures, policy);
  else if (err instanceof RequestTimeoutError) delay = backoffDelay(failures - 1, policy);
  return delay === null ? null : policy.minDelayMs + delay;
}
