// Outage or refused data: the persister retries the first and bisects + dead-letters the second,
// so a server-wide condition classified as refused data would dead-letter every acked message.
import { describe, expect, it } from "vitest";
import { isTransientMysqlError, RepositoryError } from "../../src/persistence/errors.js";

const sqlError = (code: string, errno: number): Error => Object.assign(new Error(code), { code, errno, sqlState: "HY000", fatal: false });

describe("isTransientMysqlError", () => {
  it("retries server-wide conditions: full disk, revoked grant, statement timeout, read-only, locks", () => {
    for (const [code, errno] of [
      ["ER_RECORD_FILE_FULL", 1114],
      ["ER_DISK_FULL", 1021],
      ["ER_TABLEACCESS_DENIED_ERROR", 1142],
      ["ER_STATEMENT_TIMEOUT", 1969],
      ["ER_OPTION_PREVENTS_STATEMENT", 1290],
      ["ER_LOCK_DEADLOCK", 1213],
      ["ER_NO_SUCH_TABLE", 1146],
    ] as const)
      expect(isTransientMysqlError(sqlError(code, errno)), code).toBe(true);
  });

  it("bisects what MySQL refuses about a row", () => {
    for (const [code, errno] of [
      ["ER_DATA_TOO_LONG", 1406],
      ["ER_TRUNCATED_WRONG_VALUE_FOR_FIELD", 1366],
      ["ER_BAD_NULL_ERROR", 1048],
      ["ER_NET_PACKET_TOO_LARGE", 1153],
    ] as const)
      expect(isTransientMysqlError(sqlError(code, errno)), code).toBe(false);
  });

  it("retries network, protocol and pool failures; bisects errors that are not MySQL's", () => {
    expect(isTransientMysqlError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isTransientMysqlError(Object.assign(new Error("lost"), { code: "PROTOCOL_CONNECTION_LOST", fatal: true }))).toBe(true);
    expect(isTransientMysqlError(Object.assign(new Error("closed"), { code: "POOL_CLOSED" }))).toBe(true);
    expect(isTransientMysqlError(new RangeError("a message the statement builder choked on"))).toBe(false);
    expect(isTransientMysqlError(new RepositoryError(true, "unavailable"))).toBe(true);
    expect(isTransientMysqlError(new RepositoryError(false, "refused"))).toBe(false);
  });
});
