// MYSQL_URL (mysql://user:pass@host:port/database?opt=...) to mysql2 options. Parsed here rather
// than with mysql2's `uri` so the migrator can connect without the database (to create it) and
// tests can swap the database name or port (TCP proxy) of one URL.
import type { ConnectionOptions } from "mysql2/promise";

export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function parseMysqlUrl(url: string): MysqlTarget {
  const u = new URL(url);
  if (u.protocol !== "mysql:" && u.protocol !== "mariadb:") {
    throw new Error(`MYSQL_URL must start with mysql:// (got ${u.protocol}//)`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) {
    throw new Error(`MYSQL_URL must name a database matching [A-Za-z0-9_$]{1,64} (got "${database}")`);
  }
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port === "" ? 3306 : Number(u.port),
    user: decodeURIComponent(u.username || "root"),
    password: decodeURIComponent(u.password),
    database,
  };
}

/** Rebuilds a URL from a target: tests point one URL at another database or a proxy port. */
export function formatMysqlUrl(t: MysqlTarget): string {
  const auth = t.password === "" ? encodeURIComponent(t.user) : `${encodeURIComponent(t.user)}:${encodeURIComponent(t.password)}`;
  return `mysql://${auth}@${t.host}:${t.port}/${t.database}`;
}

/** Connection options shared by every connection we open. */
export function connectionOptions(t: MysqlTarget, connectTimeoutMs: number): ConnectionOptions {
  return {
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    connectTimeout: connectTimeoutMs,
    charset: "utf8mb4_bin",
    // sent_at_ms and seq fit in 2^53; plain numbers keep StoredMessage's types.
    supportBigNumbers: true,
    bigNumberStrings: false,
    // Our session writes UTC millisecond numbers only; no DATETIME conversions depend on this.
    timezone: "Z",
  };
}
