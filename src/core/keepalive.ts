// Pings, idle timeout, token expiry and pause bounds for every session, with two timers per
// node instead of one per socket: sessions sit in SLOTS buckets, one bucket is visited per tick,
// so each session is pinged once per ping interval and the work is spread evenly.
import type { Session } from "./session.js";

const SLOTS = 10;

export interface KeepaliveHooks {
  /** Nothing heard for the idle timeout. */
  idle(session: Session): void;
  /** The token's exp has passed. */
  expired(session: Session): void;
  /** Visited once per ping interval after the ping (pause bounds, stuck catch-ups). */
  visit(session: Session, now: number): void;
}

export class Keepalive {
  private readonly slots: Set<Session>[] = Array.from({ length: SLOTS }, () => new Set());
  /** Sessions by token expiry second. */
  private readonly expiries = new Map<number, Set<Session>>();
  private next = 0;
  private cursor = 0;
  private lastExpirySec: number;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly expiryTimer: NodeJS.Timeout;

  constructor(
    private readonly pingIntervalMs: number,
    private readonly idleTimeoutMs: number,
    private readonly hooks: KeepaliveHooks,
    private readonly now: () => number = Date.now,
  ) {
    this.lastExpirySec = Math.floor(now() / 1000);
    this.pingTimer = setInterval(() => this.tick(), Math.max(5, Math.floor(pingIntervalMs / SLOTS)));
    this.expiryTimer = setInterval(() => this.expire(), 1000);
  }

  add(session: Session): void {
    session.slot = this.next;
    this.next = (this.next + 1) % SLOTS;
    this.slots[session.slot]?.add(session);
    if (session.expSec > 0) {
      let set = this.expiries.get(session.expSec);
      if (set === undefined) {
        set = new Set();
        this.expiries.set(session.expSec, set);
      }
      set.add(session);
    }
  }

  remove(session: Session): void {
    this.slots[session.slot]?.delete(session);
    const set = this.expiries.get(session.expSec);
    if (set !== undefined) {
      set.delete(session);
      if (set.size === 0) this.expiries.delete(session.expSec);
    }
  }

  stop(): void {
    clearInterval(this.pingTimer);
    clearInterval(this.expiryTimer);
  }

  /** Visits one slot: close idle sessions, ping the others. */
  tick(): void {
    const slot = this.slots[this.cursor];
    this.cursor = (this.cursor + 1) % SLOTS;
    if (slot === undefined) return;
    const now = this.now();
    for (const s of slot) {
      if (s.closed || s.socket === null) continue;
      if (now - s.lastSeenMs > this.idleTimeoutMs) {
        this.hooks.idle(s);
        continue;
      }
      s.socket.ping();
      this.hooks.visit(s, now);
    }
  }

  /** Closes sessions whose token expired since the last run. */
  expire(): void {
    const nowSec = Math.floor(this.now() / 1000);
    for (let sec = this.lastExpirySec; sec <= nowSec; sec++) {
      const set = this.expiries.get(sec);
      if (set === undefined) continue;
      this.expiries.delete(sec);
      for (const s of set) if (!s.closed) this.hooks.expired(s);
    }
    this.lastExpirySec = nowSec;
  }
}
