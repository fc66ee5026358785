// One WebSocket session: identity, liveness, and the lossless outbound path. Kept small: it is
// the per-connection cost (uWS user data), so no closures, timers or child loggers per session.

/** The part of a uWS WebSocket a session writes to (a fake in unit tests). */
export interface Socket {
  send(message: Uint8Array, isBinary: boolean): number;
  getBufferedAmount(): number;
  end(code: number, reason: string): void;
  ping(): number;
  cork(cb: () => void): unknown;
}

/** uWS send() results. */
export const SEND_DROPPED = 2;

/** Per-conversation catch-up state while live push is paused. */
export interface Missed {
  /** First seq not yet written to this session. */
  next: number;
  /** Newest seq skipped while paused. */
  max: number;
}

export class Session {
  socket: Socket | null = null;
  lastSeenMs: number;
  /** Set while outbound buffer is past the soft limit or a catch-up is running. */
  pausedAtMs = 0;
  missed: Map<string, Missed> | null = null;
  /** Bytes of stored frames skipped while paused: how far behind the client is. */
  missedBytes = 0;
  catchingUp = false;
  violations = 0;
  closed = false;
  /** Keepalive wheel slot, and positions in that slot and in its expiry list (see Keepalive). */
  slot = 0;
  slotIndex = -1;
  expiryIndex = -1;

  /**
   * Acked cursors of a session whose device id the server made up (none in the upgrade or the
   * token): no later session can name that device, so they live and die with this session instead
   * of piling up in the store. null for a named device: its cursors are stored.
   */
  readonly ownCursors: Map<string, number> | null;

  constructor(
    readonly sessionId: string,
    readonly userId: string,
    readonly deviceId: string,
    readonly ip: string,
    /** Token expiry, epoch seconds. */
    readonly expSec: number,
    /** Subprotocol selected at the upgrade ("" when none). */
    readonly protocol: string,
    now: number,
    /** The server assigned deviceId: the client named none. */
    anonymousDevice = false,
  ) {
    this.lastSeenMs = now;
    this.ownCursors = anonymousDevice ? new Map() : null;
  }

  get paused(): boolean {
    return this.pausedAtMs !== 0;
  }

  /** Records a stored message this session did not get live; catch-up reads it from the store. */
  noteMissed(conversationId: string, seq: number): void {
    this.missed ??= new Map();
    const m = this.missed.get(conversationId);
    if (m === undefined) this.missed.set(conversationId, { next: seq, max: seq });
    else {
      if (seq < m.next) m.next = seq;
      if (seq > m.max) m.max = seq;
    }
  }
}

export type PushOutcome = "sent" | "paused" | "missed" | "shed" | "overflow" | "closed";

export interface BufferLimits {
  soft: number;
  hard: number;
}

/**
 * Writes one encoded frame. Stored messages are never dropped: when the session is paused they
 * are noted for catch-up; ephemeral frames are shed instead. "overflow" means buffered bytes plus
 * bytes skipped while paused passed the hard limit: the caller closes the session. Returns what happened so the caller
 * can count it and close an overflowing session.
 */
export function push(
  session: Session,
  frame: Uint8Array,
  stored: { conversationId: string; seq: number } | null,
  limits: BufferLimits,
  now: number,
): PushOutcome {
  const socket = session.socket;
  if (session.closed || socket === null) return "closed";
  if (session.paused) {
    if (stored === null) return "shed";
    session.noteMissed(stored.conversationId, stored.seq);
    session.missedBytes += frame.length;
    // Too far behind to catch up cheaply: disconnect, the client syncs on reconnect.
    if (socket.getBufferedAmount() + session.missedBytes > limits.hard) return "overflow";
    return "missed";
  }
  if (stored === null && socket.getBufferedAmount() > limits.soft) return "shed";
  const status = socket.send(frame, true);
  if (status === SEND_DROPPED) {
    // uWS refused it (its own cap): treat as missed and pause, the store still has it.
    if (stored !== null) session.noteMissed(stored.conversationId, stored.seq);
    session.pausedAtMs = now;
    return "paused";
  }
  const buffered = socket.getBufferedAmount();
  if (buffered > limits.hard) return "overflow";
  if (buffered > limits.soft) {
    session.pausedAtMs = now;
    return "paused";
  }
  return "sent";
}
