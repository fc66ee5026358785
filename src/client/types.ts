// Public types of the client: options, events, the WebSocket it needs, cursor persistence.
import type { switchboard } from "../protocol/proto.js";
import type { ServerError } from "./errors.js";
import type { TimerWheel } from "./timers.js";

export type Welcome = switchboard.v1.Welcome;
export type Message = switchboard.v1.Message;
export type SyncDone = switchboard.v1.SyncDone;
export type UserPresence = switchboard.v1.UserPresence;
export type TypingEvent = switchboard.v1.TypingEvent;
export type GroupResult = switchboard.v1.GroupResult;
export type { SendAck } from "./outbox.js";
export type { SyncCursor } from "./sequencer.js";

/**
 * The WebSocket surface the client uses: the browser's WebSocket and the `ws` package's both fit.
 * Handler parameters are typed `never` so either implementation's event types are accepted; the
 * client reads only `data`, `code`, `reason` and `message` from events.
 */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  readonly bufferedAmount: number;
  readonly protocol: string;
  onopen: ((ev: never) => void) | null;
  onmessage: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
  onerror: ((ev: never) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketCtor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/**
 * Per-conversation "last contiguous seq received", kept across client instances (a restart, a
 * new tab). load() runs once, before the first connect; save() runs on every cursor move, so a
 * persistent store should batch its writes. A rejected save is reported as an "error" event.
 */
export interface CursorStore {
  load(): Iterable<readonly [string, number]> | Promise<Iterable<readonly [string, number]>>;
  save(conversationId: string, seq: number): void | Promise<void>;
}

/** A CursorStore in memory: shared between client instances of one process (tests, tools). */
export class MemoryCursorStore implements CursorStore {
  private readonly map = new Map<string, number>();

  load(): Iterable<readonly [string, number]> {
    return [...this.map];
  }

  save(conversationId: string, seq: number): void {
    if (seq > (this.map.get(conversationId) ?? 0)) this.map.set(conversationId, seq);
  }

  get(conversationId: string): number | undefined {
    return this.map.get(conversationId);
  }
}

export interface ReconnectOptions {
  enabled?: boolean;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** ws://host:port/ws */
  url: string;
  /** The JWT, or a function giving one; called on every (re)connect. */
  token: string | (() => string | Promise<string>);
  /** Sent as ?device= (otherwise the token's `device` claim, or a random one, names the device). */
  device?: string;
  /** Default globalThis.WebSocket; in Node pass the `ws` package's WebSocket. */
  WebSocket?: WebSocketCtor;
  /** "protocol" (default): Sec-WebSocket-Protocol: bearer, <token> (works in browsers); "query": ?token= */
  tokenTransport?: "query" | "protocol";
  /** Default: cursors live only in this client. */
  cursors?: CursorStore;
  /** Jittered exponential backoff (full jitter), default enabled, 250 ms -> 30 s. */
  reconnect?: ReconnectOptions;
  /** Resend an unacknowledged send after this long (default 5000); all are resent on reconnect. */
  resendAfterMs?: number;
  /**
   * How long a hole in a conversation's seqs may stay open before the client syncs it (default
   * 250 ms; 0 syncs at once). Messages past the hole are held meanwhile; the wait ends when the
   * missing message arrives, which is the usual case (a push relayed by another node).
   */
  gapWaitMs?: number;
  /**
   * typing() sends at most one event per conversation this often (default 2000 ms): apps call it
   * on every keystroke, and the server sheds a user's typing events past TYPING_RATE_PER_SEC.
   */
  typingIntervalMs?: number;
  /**
   * Cumulative ack of received messages, debounced (default true, 1000 ms). An ack only moves the
   * device's cursor on the server (where an `all_conversations` sync of a device that lost its own
   * cursors starts), so a second's delay costs little. At 200 ms, a chat receiving 10 messages a
   * second sent an ack frame (a write here, a read and a cursor update on the gateway) for every
   * two or three of them; at 1000 ms, one for every ten. A client that dies without close() loses
   * at most this much acking: its device gets those messages again in an `all_conversations` sync.
   */
  autoAck?: boolean | { delayMs: number };
  /** On every (re)connect, sync all conversations from the stored cursors (default true). */
  syncOnConnect?: boolean;
  /** Deadline for replies, and for each connection attempt: token, stored cursors, welcome (default 10000). */
  requestTimeoutMs?: number;
  /** The timer wheel to use (default: one shared by all clients of the process). For tests/tools. */
  timers?: TimerWheel;
}

export type ClientState = "idle" | "connecting" | "open" | "reconnecting" | "closed";

export interface CloseInfo {
  code: number;
  reason: string;
  willReconnect: boolean;
  /** Delay before the next attempt (0 when not reconnecting). */
  retryInMs: number;
}

export interface GoAwayInfo {
  reason: string;
  reconnectAfterMs: number;
}

/** One finished sync (all pages): why it ran and each conversation's final sync_done (`error` set: refused on its own). */
export interface SyncDoneEvent {
  source: "connect" | "gap" | "request";
  conversations: SyncDone[];
}

export interface ClientEvents {
  /** At most once per (conversation, seq), in seq order per conversation. */
  message: Message;
  typing: TypingEvent;
  /** group_result pushes: membership changes of groups this user is (or was) in. */
  group: GroupResult;
  open: Welcome;
  close: CloseInfo;
  goaway: GoAwayInfo;
  /** Unsolicited server errors (ServerError) and the client's own background failures. */
  error: ServerError | Error;
  sync_done: SyncDoneEvent;
}
