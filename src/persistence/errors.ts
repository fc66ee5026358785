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

// Server errors that say MySQL refused the data itself: one row is bad, and bisecting the batch
// finds it (then it is dead-lettered). Every other server error is an outage that a retry can
// outlive: a full disk (ER_RECORD_FILE_FULL), a revoked grant, a statement timeout, a failover's
// read-only window. Classifying those as refusals dead-lettered every acked message they met.
const REFUSED_DATA_SQL = new Set([
  "ER_DATA_TOO_LONG",
  "ER_TRUNCATED_WRONG_VALUE",
  "ER_TRUNCATED_WRONG_VALUE_FOR_FIELD",
  "WARN_DATA_TRUNCATED",
  "ER_WARN_DATA_OUT_OF_RANGE",
  "ER_WARN_NULL_TO_NOTNULL",
  "ER_BAD_NULL_ERROR",
  "ER_INVALID_CHARACTER_STRING",
  "ER_CANNOT_CONVERT_CHARACTER",
  "ER_DUP_ENTRY",
  "ER_DUP_UNIQUE",
  "ER_NO_REFERENCED_ROW",
  "ER_NO_REFERENCED_ROW_2",
  "ER_CHECK_CONSTRAINT_VIOLATED",
  "ER_CONSTRAINT_FAILED",
  "ER_SIGNAL_EXCEPTION",
  "ER_NET_PACKET_TOO_LARGE",
]);

/** True when the failure is about reaching or running MySQL (network, pool, shutdown, locks, a
 * full disk), so the same rows may succeed later; false when MySQL refused the data itself, or a
 * non-MySQL error came from building the statement (bisect to find the row). */
export function isTransientMysqlError(err: unknown): boolean {
  if (err instanceof RepositoryError) return err.transient;
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; fatal?: unknown };
  // A fatal error kills the connection: the protocol broke, not the row.
  if (e.fatal === true) return true;
  const code = typeof e.code === "string" ? e.code : "";
  if (code.startsWith("ER_") || code.startsWith("WARN_")) return !REFUSED_DATA_SQL.has(code);
  if (code.startsWith("E")) return true; // ECONNREFUSED, ETIMEDOUT, ...
  if (code.startsWith("PROTOCOL_")) return true; // PROTOCOL_CONNECTION_LOST, PROTOCOL_SEQUENCE_TIMEOUT
  if (code === "POOL_CLOSED" || code === "POOL_ENQUEUELIMIT") return true;
  return false;
}
