// Local sessions by user: who this node holds, for delivery and presence registration.
import type { Session } from "./session.js";

export class SessionRegistry {
  private readonly byUser = new Map<string, Session[]>();
  private count = 0;

  /** Adds a session; returns the session of the same user+device it replaces, if any. */
  add(session: Session): { replaced: Session | null; userSessions: number } {
    const list = this.byUser.get(session.userId);
    if (list === undefined) {
      // Most users hold one session: an exact-size array, not an empty one grown on push.
      this.byUser.set(session.userId, [session]);
      this.count += 1;
      return { replaced: null, userSessions: 1 };
    }
    const i = indexOfDevice(list, session.deviceId);
    let replaced: Session | null = null;
    if (i >= 0) {
      replaced = list[i] ?? null;
      list[i] = session;
    } else {
      list.push(session);
      this.count += 1;
    }
    return { replaced, userSessions: list.length };
  }

  /** Removes a session if it is still the registered one; returns the user's remaining count. */
  remove(session: Session): number {
    const list = this.byUser.get(session.userId);
    if (list === undefined) return 0;
    const i = list.indexOf(session);
    if (i < 0) return list.length;
    list.splice(i, 1);
    this.count -= 1;
    if (list.length === 0) this.byUser.delete(session.userId);
    return list.length;
  }

  sessionsOf(userId: string): readonly Session[] | undefined {
    return this.byUser.get(userId);
  }

  hasDevice(userId: string, deviceId: string): boolean {
    const list = this.byUser.get(userId);
    return list !== undefined && indexOfDevice(list, deviceId) >= 0;
  }

  get size(): number {
    return this.count;
  }

  get users(): number {
    return this.byUser.size;
  }

  /** [userId, local session count] for every user held here (presence re-registration). */
  *userCounts(): IterableIterator<[string, number]> {
    for (const [userId, list] of this.byUser) yield [userId, list.length];
  }

  *all(): IterableIterator<Session> {
    for (const list of this.byUser.values()) yield* list;
  }
}

function indexOfDevice(list: readonly Session[], deviceId: string): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.deviceId === deviceId) return i;
  return -1;
}
