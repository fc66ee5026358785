// Every SQL statement of the durable store, over one mysql2/promise pool. Driver errors leave this
// file as RepositoryError (transient or not, with the cause); "not found"/"exists" on groups are
// SwitchboardErrors like the engines throw, so callers keep one error vocabulary.
import mysql from "mysql2/promise";
import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from "mysql2/promise";
import type { ConversationHead, Group, StoredMessage } from "../engine/types.js";
import { ErrorCode, SwitchboardError } from "../protocol/codes.js";
import { RepositoryError, isTransientMysqlError } from "./errors.js";
import { connectionOptions, parseMysqlUrl } from "./mysql-url.js";

export interface MysqlRepositoryOptions {
  /** mysql://user:pass@host:port/database (migrated by `npm run migrate`). */
  url: string;
  /** Connections in the pool (MYSQL_POOL_SIZE). */
  poolSize: number;
  connectTimeoutMs?: number;
  /** Bound on any single statement, so a hung server turns into a (transient) error. */
  queryTimeoutMs?: number;
  /** Where errors that have no caller go (a failed session setup on a fresh connection). */
  onError?: (err: Error) => void;
  now?: () => number;
}

export interface InsertResult {
  /** Rows newly written (duplicates of earlier deliveries are not counted). */
  inserted: number;
  /** Messages MySQL holds differently: the same (conversation, seq) with another message id (the
   * seq was handed out twice, e.g. after Redis lost data). Their row was NOT written. */
  conflicts: StoredMessage[];
}

export interface CursorRow {
  userId: string;
  deviceId: string;
  conversationId: string;
  seq: number;
}

const MESSAGE_COLUMNS = "conversation_id, seq, message_id, sender_id, sender_device, client_msg_id, body, content_type, sent_at_ms";
// Strict mode makes MySQL refuse a bad row (too long, NULL) instead of truncating it: a refused row
// is found by bisection and dead-lettered, a truncated one would be silently wrong forever.
const SQL_MODE = "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO";
// Bounded memory of DM conversations whose membership rows are known written.
const KNOWN_DM_LIMIT = 100_000;

export class MysqlRepository {
  readonly pool: Pool;
  private readonly queryTimeoutMs: number;
  private readonly now: () => number;
  private readonly knownDms = new Set<string>();
  private lastFailureAt = 0;
  private lastSuccessAt = 0;

  constructor(opts: MysqlRepositoryOptions) {
    const target = parseMysqlUrl(opts.url);
    this.queryTimeoutMs = opts.queryTimeoutMs ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.pool = mysql.createPool({
      ...connectionOptions(target, opts.connectTimeoutMs ?? 2_000),
      database: target.database,
      connectionLimit: opts.poolSize,
      maxIdle: opts.poolSize,
      waitForConnections: true,
      // Without FOUND_ROWS, affectedRows of INSERT ... ON DUPLICATE KEY UPDATE seq = seq counts only
      // new rows (a no-op update counts 0): that is how duplicates and conflicts are told apart.
      flags: ["-FOUND_ROWS"],
      enableKeepAlive: true,
      // mysql2 scans every statement for placeholders even without values; the batch INSERT is
      // built escaped (~100 KB per 1,000 rows) and that scan was ~15% of a persister's CPU.
      queryFormat: (sql: string, values: unknown) =>
        values === undefined || (Array.isArray(values) && values.length === 0)
          ? sql
          : mysql.format(sql, values as Parameters<typeof mysql.format>[1]),
    });
    const onError = opts.onError ?? ((err: Error) => process.emitWarning(err));
    this.pool.pool.on("connection", (conn) => {
      conn.query(`SET SESSION sql_mode = '${SQL_MODE}'`, (err: Error | null) => {
        if (err !== null) onError(new RepositoryError(true, "could not set sql_mode on a new MySQL connection", { cause: err }));
      });
    });
  }

  /** Whether the last statement succeeded (drives fail-fast in ACK_MODE=db). */
  healthy(): boolean {
    return this.lastSuccessAt >= this.lastFailureAt;
  }

  /**
   * Writes a batch with ONE multi-row statement. Idempotent: a re-delivered batch writes nothing.
   *
   * Why `ON DUPLICATE KEY UPDATE seq = seq` rather than INSERT IGNORE: IGNORE turns every error into
   * a warning (a too-long value is truncated and written, a NULL becomes ''), so a bad row would be
   * stored corrupted instead of failing the batch. The no-op update only absorbs duplicate keys;
   * any other error still fails the statement, so the persister can bisect to the bad row.
   */
  async insertBatch(messages: readonly StoredMessage[]): Promise<InsertResult> {
    if (messages.length === 0) return { inserted: 0, conflicts: [] };
    const insertMessages = insertMessagesSql(messages);
    const newDms = this.unknownDms(messages);
    let inserted: number;
    if (newDms.length === 0) {
      // The common case: one statement in autocommit, which is a transaction of its own.
      inserted = (await this.run((c) => c.query<ResultSetHeader>({ sql: insertMessages, timeout: this.queryTimeoutMs })))[0].affectedRows;
    } else {
      inserted = await this.transaction(async (c) => {
        const [res] = await c.query<ResultSetHeader>({ sql: insertMessages, timeout: this.queryTimeoutMs });
        await this.upsertDms(c, newDms);
        return res.affectedRows;
      });
      for (const id of newDms) this.rememberDm(id);
    }
    const conflicts = inserted < messages.length ? await this.findConflicts(messages) : [];
    return { inserted, conflicts };
  }

  /** Messages with seq > afterSeq, ascending, at most `limit`. */
  async readRange(conversationId: string, afterSeq: number, limit: number): Promise<StoredMessage[]> {
    const [rows] = await this.run((c) =>
      c.query<RowDataPacket[]>(
        {
          sql: `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
          timeout: this.queryTimeoutMs,
        },
        [conversationId, afterSeq, limit],
      ),
    );
    return rows.map(toMessage);
  }

  /** The conversation's newest persisted seq (0 when none). */
  async lastSeq(conversationId: string): Promise<number> {
    const [rows] = await this.run((c) =>
      c.query<RowDataPacket[]>("SELECT COALESCE(MAX(seq), 0) AS last FROM messages WHERE conversation_id = ?", [conversationId]),
    );
    return Number(rows[0]?.last ?? 0);
  }

  /** Conversations the user is a member of (groups and DMs), with their newest persisted seq. */
  async conversationsOf(userId: string): Promise<ConversationHead[]> {
    const [rows] = await this.run((c) =>
      c.query<RowDataPacket[]>(
        `SELECT m.conversation_id AS id,
                COALESCE((SELECT MAX(x.seq) FROM messages x WHERE x.conversation_id = m.conversation_id), 0) AS last_seq
           FROM conversation_members m WHERE m.user_id = ?`,
        [userId],
      ),
    );
    return rows.map((r) => ({ conversationId: String(r.id), lastSeq: Number(r.last_seq) }));
  }

  /** Creates a group; CONFLICT when the id exists. */
  async createGroup(group: Group): Promise<void> {
    const at = this.now();
    await this.transaction(async (c) => {
      try {
        await c.query("INSERT INTO conversations (id, kind, name, owner_id, created_at_ms) VALUES (?, 'group', ?, ?, ?)", [
          group.conversationId,
          group.name,
          group.ownerId,
          at,
        ]);
      } catch (err) {
        if ((err as { code?: string }).code === "ER_DUP_ENTRY") {
          throw new SwitchboardError(ErrorCode.CONFLICT, `group ${group.conversationId} already exists`, { cause: err });
        }
        throw err;
      }
      await this.insertMembers(c, group.conversationId, group.memberIds, at);
    });
  }

  /** Creates the group or overwrites name/owner and adds missing members (cache repair, imports). */
  async upsertGroup(group: Group): Promise<void> {
    const at = this.now();
    await this.transaction(async (c) => {
      await c.query(
        `INSERT INTO conversations (id, kind, name, owner_id, created_at_ms) VALUES (?, 'group', ?, ?, ?)
         ON DUPLICATE KEY UPDATE name = VALUES(name), owner_id = VALUES(owner_id)`,
        [group.conversationId, group.name, group.ownerId, at],
      );
      await this.insertMembers(c, group.conversationId, group.memberIds, at);
    });
  }

  async loadGroup(conversationId: string): Promise<Group | null> {
    return this.run((c) => this.selectGroup(c, conversationId));
  }

  /** Adds members in the given order after the existing ones; NOT_FOUND when no such group. */
  async addMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    return this.transaction(async (c) => {
      await this.lockGroup(c, conversationId);
      await this.insertMembers(c, conversationId, userIds, this.now());
      return this.requireGroup(c, conversationId);
    });
  }

  /** Removes members; an owner who leaves hands the group to the longest-standing member. */
  async removeMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    return this.transaction(async (c) => {
      const owner = await this.lockGroup(c, conversationId);
      if (userIds.length > 0) {
        await c.query("DELETE FROM conversation_members WHERE conversation_id = ? AND user_id IN (?)", [conversationId, userIds]);
      }
      if (userIds.includes(owner)) {
        const [next] = await c.query<RowDataPacket[]>(
          "SELECT user_id FROM conversation_members WHERE conversation_id = ? ORDER BY join_id LIMIT 1",
          [conversationId],
        );
        // No one left: the owner stays recorded (as the engines do) so the group keeps a name to show.
        if (next[0] !== undefined) await c.query("UPDATE conversations SET owner_id = ? WHERE id = ?", [next[0].user_id, conversationId]);
      }
      return this.requireGroup(c, conversationId);
    });
  }

  /** Cumulative cursors in one statement; GREATEST keeps them from moving backwards when
   * writes from two gateways (or a late retry) arrive out of order. VALUES() rather than the
   * MySQL 8.0.19+ row alias because MariaDB has no row alias; MySQL 8 still accepts it. */
  async upsertCursors(rows: readonly CursorRow[]): Promise<void> {
    if (rows.length === 0) return;
    const at = this.now();
    const values = rows.map((r) => [r.userId, r.deviceId, r.conversationId, r.seq, at]);
    await this.run((c) =>
      c.query(
        "INSERT INTO device_cursors (user_id, device_id, conversation_id, seq, updated_at_ms) VALUES ? " +
          "ON DUPLICATE KEY UPDATE seq = GREATEST(seq, VALUES(seq)), updated_at_ms = VALUES(updated_at_ms)",
        [values],
      ),
    );
  }

  /** Deletes cursors last written before `beforeMs`, at most `limit` rows; returns how many. */
  async deleteCursorsBefore(beforeMs: number, limit: number): Promise<number> {
    const [res] = await this.run((c) =>
      c.query<ResultSetHeader>("DELETE FROM device_cursors WHERE updated_at_ms < ? LIMIT ?", [beforeMs, limit]),
    );
    return res.affectedRows;
  }

  async cursors(userId: string, deviceId: string): Promise<Map<string, number>> {
    const [rows] = await this.run((c) =>
      c.query<RowDataPacket[]>("SELECT conversation_id, seq FROM device_cursors WHERE user_id = ? AND device_id = ?", [userId, deviceId]),
    );
    return new Map(rows.map((r) => [String(r.conversation_id), Number(r.seq)]));
  }

  async ping(): Promise<void> {
    await this.run((c) => c.query("SELECT 1"));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  // --- internals -------------------------------------------------------------------------------

  /** Runs on the pool (no explicit connection), translating driver errors. */
  private async run<T>(fn: (pool: Pool) => Promise<T>): Promise<T> {
    try {
      const out = await fn(this.pool);
      this.lastSuccessAt = performance.now();
      return out;
    } catch (err) {
      throw this.translate(err);
    }
  }

  /** BEGIN ... COMMIT on one connection; rolls back and translates on any error. */
  /** InnoDB rolls a deadlock victim back whole: running it again is the documented answer. */
  private async transaction<T>(fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactionOnce(fn);
      } catch (err) {
        if (attempt >= DEADLOCK_ATTEMPTS || !isLockConflict(err)) throw err;
      }
    }
  }

  private async transactionOnce<T>(fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    let conn: PoolConnection;
    try {
      conn = await this.pool.getConnection();
    } catch (err) {
      throw this.translate(err);
    }
    let destroyed = false;
    try {
      await conn.beginTransaction();
      const out = await fn(conn);
      await conn.commit();
      this.lastSuccessAt = performance.now();
      return out;
    } catch (err) {
      try {
        await conn.rollback();
      } catch (rollbackErr) {
        // The connection is unusable (usually already lost): destroy it rather than pool it, and
        // report the original error, which says why.
        destroyed = true;
        conn.destroy();
        throw this.translate(err, rollbackErr);
      }
      throw this.translate(err);
    } finally {
      if (!destroyed) conn.release();
    }
  }

  private translate(err: unknown, rollbackErr?: unknown): Error {
    if (err instanceof SwitchboardError || err instanceof RepositoryError) return err;
    const transient = isTransientMysqlError(err);
    // Lock conflicts are contention between our own writers, not an outage: no fail-fast for them.
    if (transient && !isLockConflict(err)) this.lastFailureAt = performance.now();
    const msg = err instanceof Error ? err.message : String(err);
    const suffix = rollbackErr === undefined ? "" : ` (rollback also failed: ${String(rollbackErr)})`;
    return new RepositoryError(transient, `${transient ? "MySQL unavailable" : "MySQL refused the statement"}: ${msg}${suffix}`, {
      cause: err,
    });
  }

  private unknownDms(messages: readonly StoredMessage[]): string[] {
    const out = new Set<string>();
    for (const m of messages) {
      if (m.conversationId.startsWith("dm:") && !this.knownDms.has(m.conversationId)) out.add(m.conversationId);
    }
    return [...out];
  }

  private rememberDm(id: string): void {
    if (this.knownDms.size >= KNOWN_DM_LIMIT) this.knownDms.clear(); // forgetting only costs a no-op upsert
    this.knownDms.add(id);
  }

  /** DM membership is implied by the id (dm:<a>:<b>); writing it lets conversationsOf find DMs. */
  private async upsertDms(c: PoolConnection, ids: readonly string[]): Promise<void> {
    const at = this.now();
    const members: (string | number)[][] = [];
    // Rows in one order in every transaction: concurrent batches then wait instead of deadlocking.
    ids = [...ids].sort();
    for (const id of ids) {
      const [, a, b] = id.split(":");
      if (a !== undefined) members.push([id, a, at]);
      if (b !== undefined && b !== a) members.push([id, b, at]);
    }
    await c.query("INSERT INTO conversations (id, kind, created_at_ms) VALUES ? ON DUPLICATE KEY UPDATE id = id", [
      ids.map((id) => [id, "dm", at]),
    ]);
    if (members.length > 0) {
      await c.query(
        "INSERT INTO conversation_members (conversation_id, user_id, joined_at_ms) VALUES ? ON DUPLICATE KEY UPDATE user_id = user_id",
        [members],
      );
    }
  }

  /** Finds batch messages MySQL holds differently (see InsertResult.conflicts). Runs only when a
   * batch inserted fewer rows than it carried: re-deliveries, or a real seq / dedupe collision. */
  private async findConflicts(messages: readonly StoredMessage[]): Promise<StoredMessage[]> {
    const keys = messages.map((m) => [m.conversationId, m.seq]);
    const [rows] = await this.run((c) =>
      c.query<RowDataPacket[]>("SELECT conversation_id, seq, message_id FROM messages WHERE (conversation_id, seq) IN (?)", [keys]),
    );
    const stored = new Map(rows.map((r) => [`${String(r.conversation_id)}\u0000${Number(r.seq)}`, String(r.message_id)]));
    return messages.filter((m) => stored.get(`${m.conversationId}\u0000${m.seq}`) !== m.messageId);
  }

  private async insertMembers(c: PoolConnection, conversationId: string, userIds: readonly string[], at: number): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    // Multi-row insert: AUTO_INCREMENT hands out ascending join_ids in row order. Existing members
    // keep their join_id (the no-op update), so they "stay where they are".
    await c.query(
      "INSERT INTO conversation_members (conversation_id, user_id, joined_at_ms) VALUES ? ON DUPLICATE KEY UPDATE user_id = user_id",
      [unique.map((u) => [conversationId, u, at])],
    );
  }

  /** Locks the group row for the membership change; returns its owner. */
  private async lockGroup(c: PoolConnection, conversationId: string): Promise<string> {
    const [rows] = await c.query<RowDataPacket[]>("SELECT owner_id FROM conversations WHERE id = ? AND kind = 'group' FOR UPDATE", [
      conversationId,
    ]);
    if (rows[0] === undefined) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conversationId}`);
    return String(rows[0].owner_id);
  }

  private async requireGroup(c: PoolConnection, conversationId: string): Promise<Group> {
    const g = await this.selectGroup(c, conversationId);
    if (g === null) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conversationId}`);
    return g;
  }

  private async selectGroup(c: Pool | PoolConnection, conversationId: string): Promise<Group | null> {
    const [conv] = await c.query<RowDataPacket[]>("SELECT name, owner_id FROM conversations WHERE id = ? AND kind = 'group'", [
      conversationId,
    ]);
    const row = conv[0];
    if (row === undefined) return null;
    const [members] = await c.query<RowDataPacket[]>(
      "SELECT user_id FROM conversation_members WHERE conversation_id = ? ORDER BY join_id",
      [conversationId],
    );
    return { conversationId, name: String(row.name), ownerId: String(row.owner_id), memberIds: members.map((m) => String(m.user_id)) };
  }
}

// Identifiers by the protocol's rules (and the usual content types) need no escaping: quoting them
// is enough. Anything else goes through mysql2's escape, exactly as `VALUES ?` would.
const NEEDS_NO_ESCAPE = /^[A-Za-z0-9_.@:/+ -]*$/;

function sqlString(s: string): string {
  return NEEDS_NO_ESCAPE.test(s) ? `'${s}'` : mysql.escape(s);
}

function sqlNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : mysql.escape(n);
}

/**
 * The batch's multi-row INSERT as one SQL string, built directly rather than through mysql2's
 * generic `format` of a `VALUES ?` array (which type-checks and regex-escapes every value: twice
 * the CPU on the persister's hot path). Same literals mysql2 would write (bodies as X'hex'). Rows
 * are in primary-key order, so InnoDB appends along each conversation's range and concurrent
 * batches take their row locks in one order.
 */
export function insertMessagesSql(messages: readonly StoredMessage[]): string {
  const sorted = [...messages].sort((a, b) =>
    a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : a.seq - b.seq,
  );
  let sql = `INSERT INTO messages (${MESSAGE_COLUMNS}) VALUES `;
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    const body = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength).toString("hex");
    sql +=
      `${i === 0 ? "" : ","}(${sqlString(m.conversationId)},${sqlNumber(m.seq)},${sqlString(m.messageId)},` +
      `${sqlString(m.senderId)},${sqlString(m.senderDevice)},${sqlString(m.clientMsgId)},X'${body}',` +
      `${sqlString(m.contentType)},${sqlNumber(m.sentAtMs)})`;
  }
  return `${sql} ON DUPLICATE KEY UPDATE seq = seq`;
}

const DEADLOCK_ATTEMPTS = 3;

function isLockConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "ER_LOCK_DEADLOCK" || code === "ER_LOCK_WAIT_TIMEOUT";
}

function toMessage(r: RowDataPacket): StoredMessage {
  const body = r.body as Buffer;
  return {
    messageId: String(r.message_id),
    conversationId: String(r.conversation_id),
    seq: Number(r.seq),
    senderId: String(r.sender_id),
    senderDevice: String(r.sender_device),
    clientMsgId: String(r.client_msg_id),
    // A plain Uint8Array view (no copy), the type the engines return.
    body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    contentType: String(r.content_type),
    sentAtMs: Number(r.sent_at_ms),
  };
}
