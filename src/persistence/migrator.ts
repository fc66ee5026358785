// Applies migrations/NNN_name.sql in order, once each, recording version + sha256 in
// schema_migrations. Re-running is a no-op; an applied file whose content changed is refused
// (editing history silently would leave databases that differ while claiming the same version).
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import mysql from "mysql2/promise";
import type { Connection, RowDataPacket } from "mysql2/promise";
import { MigrationError } from "./errors.js";
import { connectionOptions, parseMysqlUrl } from "./mysql-url.js";

export interface MigratorOptions {
  /** mysql://user:pass@host:port/database; the database is created when missing. */
  url: string;
  /** Folder holding NNN_name.sql files. */
  dir: string;
  connectTimeoutMs?: number;
  /** How long to wait for another migrator holding the lock (two deploys at once). */
  lockTimeoutSec?: number;
  log?: (msg: string) => void;
}

export interface MigrationFile {
  version: number;
  name: string;
  checksum: string;
  sql: string;
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

const FILE = /^(\d{3,})_([A-Za-z0-9_-]+)\.sql$/;
const LOCK = "switchboard_schema_migrations";

/** Reads and orders the migration files; duplicate version numbers are an error. */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".sql")).sort();
  const files: MigrationFile[] = [];
  const seen = new Map<number, string>();
  for (const name of names) {
    const m = FILE.exec(name);
    if (m === null) throw new MigrationError("MIGRATION_FAILED", name, `${name}: migration files must be named NNN_name.sql`);
    const version = Number(m[1]);
    const other = seen.get(version);
    if (other !== undefined) throw new MigrationError("MIGRATION_FAILED", name, `${name} and ${other} share version ${version}`);
    seen.set(version, name);
    // CRLF -> LF before hashing: a checkout with autocrlf must not look like an edited migration.
    const sql = (await readFile(join(dir, name), "utf8")).replace(/\r\n/g, "\n");
    files.push({ version, name, checksum: createHash("sha256").update(sql).digest("hex"), sql });
  }
  return files.sort((a, b) => a.version - b.version);
}

/** Creates the database if missing, then applies pending migrations under a named lock. */
export async function migrate(opts: MigratorOptions): Promise<MigrateResult> {
  const log = opts.log ?? (() => undefined);
  const target = parseMysqlUrl(opts.url);
  const files = await readMigrations(opts.dir);
  // multipleStatements only on this short-lived connection: a migration file is a script, while
  // the repository's pool never accepts stacked statements.
  const conn = await mysql.createConnection({ ...connectionOptions(target, opts.connectTimeoutMs ?? 5_000), multipleStatements: true });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await conn.query(`USE \`${target.database}\``);
    const applied = await withLock(conn, opts.lockTimeoutSec ?? 60, () => applyPending(conn, files, log));
    return { applied, skipped: files.map((f) => f.name).filter((n) => !applied.includes(n)) };
  } finally {
    await conn.end();
  }
}

async function withLock<T>(conn: Connection, timeoutSec: number, fn: () => Promise<T>): Promise<T> {
  const [rows] = await conn.query<RowDataPacket[]>("SELECT GET_LOCK(?, ?) AS got", [LOCK, timeoutSec]);
  if (rows[0]?.got !== 1) {
    throw new MigrationError("MIGRATION_FAILED", "(lock)", `another migrator held ${LOCK} for ${timeoutSec}s`);
  }
  try {
    return await fn();
  } finally {
    await conn.query("SELECT RELEASE_LOCK(?)", [LOCK]);
  }
}

async function appliedVersions(conn: Connection): Promise<Map<number, { name: string; checksum: string }>> {
  const [rows] = await conn.query<RowDataPacket[]>("SELECT version, name, checksum FROM schema_migrations ORDER BY version");
  return new Map(rows.map((r) => [Number(r.version), { name: String(r.name), checksum: String(r.checksum) }]));
}

/** Applies what is missing; returns the names applied now. */
async function applyPending(conn: Connection, files: MigrationFile[], log: (msg: string) => void): Promise<string[]> {
  await conn.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INT UNSIGNED NOT NULL PRIMARY KEY,
       name VARCHAR(255) NOT NULL,
       checksum CHAR(64) CHARACTER SET ascii NOT NULL,
       applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
     ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  );
  const done = await appliedVersions(conn);
  // Verify every applied file first: refuse before changing anything.
  for (const f of files) {
    const prior = done.get(f.version);
    if (prior !== undefined && prior.checksum !== f.checksum) {
      throw new MigrationError(
        "MIGRATION_CHANGED",
        f.name,
        `migration ${f.name} was applied with checksum ${prior.checksum.slice(0, 12)}… but the file now hashes to ` +
          `${f.checksum.slice(0, 12)}…: applied migrations are immutable, add a new NNN_*.sql file instead`,
      );
    }
  }
  for (const [version, prior] of done) {
    if (!files.some((f) => f.version === version)) log(`warning: applied migration ${prior.name} has no file in this build`);
  }
  const now: string[] = [];
  for (const f of files) {
    if (done.has(f.version)) continue;
    log(`applying ${f.name}`);
    try {
      // The transaction makes DML-only files and the bookkeeping row atomic. DDL (CREATE/ALTER)
      // commits implicitly in MySQL and MariaDB, so for DDL files it does not: those files are
      // written to be re-runnable (IF NOT EXISTS), and the row is only recorded after they succeed.
      await conn.beginTransaction();
      await conn.query(f.sql);
      await conn.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)", [f.version, f.name, f.checksum]);
      await conn.commit();
      now.push(f.name);
    } catch (err) {
      await conn.rollback().catch((rollbackErr: unknown) => log(`rollback after ${f.name} failed: ${String(rollbackErr)}`));
      throw new MigrationError("MIGRATION_FAILED", f.name, `migration ${f.name} failed: ${(err as Error).message}`, { cause: err });
    }
  }
  return now;
}
