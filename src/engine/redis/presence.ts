// The route table: which nodes hold which users' sessions. A hash per user {nodeId: sessions},
// a set per node of the users it registered, and a heartbeat key per node with a TTL. Lookups
// skip nodes whose heartbeat expired and delete their entries, so a crashed node's users stop
// being routed to it within one TTL without anyone cleaning up after it.
import type { Logger } from "pino";
import type { Presence } from "../types.js";
import type { Batcher } from "./batcher.js";
import type { Keys } from "./keys.js";
import { TurnWrites } from "./turn-writes.js";

export type LocalSessions = () => Iterable<[userId: string, sessions: number]>;

export interface RedisPresenceOptions {
  nodeId: string;
  presenceTtlMs: number;
  localSessions: LocalSessions;
}

/** Changes per script call at most, so one turn's burst (a drain closing thousands) stays short for Redis. */
const MAX_CHANGES_PER_CALL = 500;

export class RedisPresence implements Presence {
  private heartbeatTimer: NodeJS.Timeout | null = null;
  /** How many times this node re-registered all its sessions (after a (re)connect or a lapse). */
  resyncs = 0;
  /** This loop turn's changes (a user's count is absolute: a later change replaces an earlier one). */
  private readonly changes = new TurnWrites<number>(
    MAX_CHANGES_PER_CALL,
    (changes) => this.write(changes),
    (collect) => this.batcher.defer(collect),
  );
  /** Set by leave(): changes not yet written would put entries back after its reset. */
  private left = false;

  constructor(
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly opts: RedisPresenceOptions,
    private readonly log: Logger,
  ) {}

  // Connects and disconnects change presence one user at a time, often many in one loop turn:
  // the turn's changes go to Redis as one script call at the end of the turn, with one promise
  // for all of them, instead of two commands and three promises per change (less CPU per
  // connect, and less short-lived garbage). A count is absolute, so a later change of the same
  // user in the turn replaces an earlier one; the call is written before anything this node
  // sends in a later turn, so a sync that follows a connect still finds it registered.
  register(userId: string, sessions: number): Promise<void> {
    return this.changes.add(userId, sessions);
  }

  unregister(userId: string): Promise<void> {
    return this.changes.add(userId, 0);
  }

  private async write(changes: Map<string, number>): Promise<void> {
    if (this.left) return;
    const flat: (string | number)[] = [];
    for (const [userId, sessions] of changes) flat.push(userId, sessions);
    await this.batcher.send("sbPresenceSet", this.keys.nodeUsers(this.opts.nodeId), this.opts.nodeId, this.keys.presence(""), ...flat);
  }

  async locate(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const [userId, entries] of await this.lookup(userIds)) {
      if (entries.length > 0)
        out.set(
          userId,
          entries.map(([node]) => node),
        );
    }
    return out;
  }

  async sessionCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const [userId, entries] of await this.lookup(userIds)) {
      const total = entries.reduce((sum, [, n]) => sum + n, 0);
      if (total > 0) out.set(userId, total);
    }
    return out;
  }

  /**
   * Replaces this node's entries with its current sessions and refreshes its heartbeat: after a
   * (re)connect, unregisters sent while Redis was unreachable are lost, and a restarted Redis
   * has lost everything.
   */
  async resync(): Promise<void> {
    const flat: (string | number)[] = [];
    for (const [userId, sessions] of this.opts.localSessions()) {
      if (sessions > 0) flat.push(userId, sessions);
    }
    await this.batcher.send(
      "sbPresenceReset",
      this.keys.nodeUsers(this.opts.nodeId),
      this.keys.nodeAlive(this.opts.nodeId),
      this.opts.nodeId,
      this.keys.presence(""),
      this.opts.presenceTtlMs,
      ...flat,
    );
    this.resyncs += 1;
  }

  /** Refreshes the heartbeat every third of its TTL until stop(). */
  startHeartbeat(): void {
    if (this.heartbeatTimer !== null) return;
    this.heartbeatTimer = setInterval(() => void this.beat(), Math.max(1, Math.floor(this.opts.presenceTtlMs / 3)));
    this.heartbeatTimer.unref();
  }

  stopHeartbeat(): void {
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  /** Removes every entry of this node and its heartbeat (graceful shutdown). */
  async leave(): Promise<void> {
    this.stopHeartbeat();
    this.left = true;
    await this.batcher.send(
      "sbPresenceReset",
      this.keys.nodeUsers(this.opts.nodeId),
      this.keys.nodeAlive(this.opts.nodeId),
      this.opts.nodeId,
      this.keys.presence(""),
      this.opts.presenceTtlMs,
    );
    await this.batcher.send("del", this.keys.nodeAlive(this.opts.nodeId));
  }

  private async beat(): Promise<void> {
    try {
      const previous = await this.batcher.send<string | null>(
        "set",
        this.keys.nodeAlive(this.opts.nodeId),
        "1",
        "PX",
        this.opts.presenceTtlMs,
        "GET",
      );
      // The key had expired (a stalled loop or a long outage): other nodes may have deleted our
      // entries as stale, so put them back.
      if (previous === null) await this.resync();
    } catch (err) {
      this.log.warn({ err }, "presence heartbeat failed");
    }
  }

  private async lookup(userIds: readonly string[]): Promise<Map<string, [string, number][]>> {
    const users = [...new Set(userIds)];
    const out = new Map<string, [string, number][]>();
    if (users.length === 0) return out;
    const reply = await this.batcher.send<string[][]>(
      "sbLocate",
      users.length,
      ...users.map((u) => this.keys.presence(u)),
      this.keys.nodeAlivePrefix(),
    );
    users.forEach((userId, i) => {
      const flat = reply[i] ?? [];
      const entries: [string, number][] = [];
      for (let j = 0; j + 1 < flat.length; j += 2) entries.push([flat[j]!, Number(flat[j + 1])]);
      out.set(userId, entries);
    });
    return out;
  }
}
