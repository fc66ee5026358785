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
  // Arrays with each session's position stored in the session (swap-remove), not Sets: a Set of
  // objects hashes every session and grows large hash tables, which showed in connect storms.
  private readonly slots: Session[][] = Array.from({ length: SLOTS }, () => []);
  /** Sessions by token expiry second. */
  private readonly expiries = new Map<number, Session[]>();
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
    const slot = this.slots[session.slot]!;
    session.slotIndex = slot.length;
    slot.push(session);
    if (session.expSec > 0) {
      let list = this.expiries.get(session.expSec);
      if (list === undefined) {
        list = [];
        this.expiries.set(session.expSec, list);
      }
      session.expiryIndex = list.length;
      list.push(session);
    }
  }

  remove(session: Session): void {
    swapRemove(this.slots[session.slot], session, "slotIndex");
    const list = this.expiries.get(session.expSec);
    if (swapRemove(list, session, "expiryIndex") && list!.length === 0) this.expiries.delete(session.expSec);
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
    // Backwards: a hook that closes the visited session swap-removes it, moving the slot's last
    // session (already visited) into its place.
    for (let i = slot.length - 1; i >= 0; i--) {
      const s = slot[i];
      if (s === undefined || s.closed || s.socket === null) continue;
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
      const list = this.expiries.get(sec);
      if (list === undefined) continue;
      // Detached first: closing a session then finds no list to remove it from.
      this.expiries.delete(sec);
      for (const s of list) if (!s.closed) this.hooks.expired(s);
    }
    this.lastExpirySec = nowSec;
  }
}

/** Removes `session` from `list` in O(1) by moving the last element into its place; `index` names
 * the session field that holds its position in that list. False when it was not there. */
function swapRemove(list: Session[] | undefined, session: Session, index: "slotIndex" | "expiryIndex"): boolean {
  const i = session[index];
  if (list === undefined || list[i] !== session) return false;
  const last = list.pop()!;
  if (last !== session) {
    list[i] = last;
    last[index] = i;
  }
  session[index] = -1;
  return true;
}
