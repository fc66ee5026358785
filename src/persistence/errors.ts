// Named errors of the persistence layer, each with a stable code and the underlying cause, plus the
// one classifier that decides "outage (wait and retry)" versus "the data is refused (bisect)".

export type PersistenceErrorCode =
  "MIGRATION_CHANGED" | "MIGRATION_FAILED" | "MYSQL_UNAVAILABLE" | "MYSQL_REJECTED" | "ENQUEUE_FAILED" | "SEQ_CONFLICT" | "CLOSED";

/** Base class: `code` says what failed, `cause` keeps the driver's error. */
export class PersistenceError extends Error {
  override name = "PersistenceError";
  constructor(
    readonly code: PersistenceErrorCode,
    message: string,
    opts: { cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
  }
}

/** An applied migration file changed on disk, or a migration failed to apply. */
export class MigrationError extends PersistenceError {
  override name = "MigrationError";
  constructor(
    code: "MIGRATION_CHANGED" | "MIGRATION_FAILED",
    readonly file: string,
    message: string,
    opts: { cause?: unknown } = {},
  ) {
    super(code, message, opts);
  }
}

/** MySQL could not be reached or the statement failed; `transient` says whether a retry can help. */
export class RepositoryError extends PersistenceError {
  override name = "RepositoryError";
  constructor(
    readonly transient: boolean,
    message: string,
    opts: { cause?: unknown } = {},
  ) {
    super(transient ? "MYSQL_UNAVAILABLE" : "MYSQL_REJECTED", message, opts);
  }
}

// Server errors that mean "try again later", not "this row is bad".
const TRANSIENT_SQL = new Set([
  "ER_LOCK_DEADLOCK",
  "ER_LOCK_WAIT_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_TOO_MANY_USER_CONNECTIONS",
  "ER_SERVER_SHUTDOWN",
  "ER_NORMAL_SHUTDOWN",
  "ER_QUERY_INTERRUPTED",
  "ER_CONNECTION_KILLED",
  "ER_OPTION_PREVENTS_STATEMENT", // read_only during a failover
  "ER_CLIENT_INTERACTION_TIMEOUT",
  "ER_UNKNOWN_COM_ERROR",
  "ER_NET_READ_ERROR",
  "ER_NET_READ_INTERRUPTED",
  "ER_NET_ERROR_ON_WRITE",
  "ER_NET_WRITE_INTERRUPTED",
]);

/** True when the failure is about reaching MySQL (network, pool, shutdown, locks), so the same
 * rows may succeed later; false when MySQL refused the data itself (bisect to find the row). */
export function isTransientMysqlError(err: unknown): boolean {
  if (err instanceof RepositoryError) return err.transient;
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; fatal?: unknown; errno?: unknown };
  // A fatal error kills the connection: the protocol broke, not the row.
  if (e.fatal === true) return true;
  const code = typeof e.code === "string" ? e.code : "";
  if (code.startsWith("E") && !code.startsWith("ER_")) return true; // ECONNREFUSED, ETIMEDOUT, ...
  if (code.startsWith("PROTOCOL_")) return true; // PROTOCOL_CONNECTION_LOST, PROTOCOL_SEQUENCE_TIMEOUT
  if (code === "POOL_CLOSED" || code === "POOL_ENQUEUELIMIT") return true;
  return TRANSIENT_SQL.has(code);
}
