// Migrations against real MariaDB: up from empty, idempotent re-run, a changed applied file refused.
import { cp, mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { MigrationError } from "../../src/persistence/errors.js";
import { migrate } from "../../src/persistence/migrator.js";
import { formatMysqlUrl, parseMysqlUrl } from "../../src/persistence/mysql-url.js";
import { MIGRATIONS, MYSQL_BASE, unique } from "./persistence-harness.js";

const db = unique("sbtest");
const url = formatMysqlUrl({ ...parseMysqlUrl(MYSQL_BASE), database: db });
const t = parseMysqlUrl(url);

async function query<T>(sql: string): Promise<T> {
  const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password, database: db });
  try {
    return (await c.query(sql))[0] as T;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
  await c.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await c.end();
});

describe("migrations", () => {
  let dir = "";

  it("apply from an empty server (creating the database) and record checksums", async () => {
    dir = await mkdtemp(join(tmpdir(), "sb-migrations-"));
    await cp(MIGRATIONS, dir, { recursive: true });
    const first = await migrate({ url, dir });
    expect(first.applied).toEqual(["001_init.sql", "002_client_msg_id_not_unique.sql", "003_device_cursor_age.sql"]);
    const tables = (await query<{ t: string }[]>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = '${db}'`)).map(
      (r) => r.t,
    );
    expect(tables.sort()).toEqual(["conversation_members", "conversations", "device_cursors", "messages", "schema_migrations"]);
    const rows = await query<{ version: number; checksum: string }[]>("SELECT version, checksum FROM schema_migrations");
    expect(rows).toHaveLength(3);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    // 002: no unique (sender_id, client_msg_id) left; the engines own dedupe (DEDUPE_TTL_MS).
    const keys = await query<{ k: string }[]>(
      `SELECT DISTINCT index_name AS k FROM information_schema.statistics WHERE table_schema = '${db}' AND table_name = 'messages'`,
    );
    expect(keys.map((r) => r.k)).toEqual(["PRIMARY"]);
  });

  it("re-running is a no-op", async () => {
    const again = await migrate({ url, dir });
    expect(again).toEqual({ applied: [], skipped: ["001_init.sql", "002_client_msg_id_not_unique.sql", "003_device_cursor_age.sql"] });
    expect(await query<unknown[]>("SELECT * FROM schema_migrations")).toHaveLength(3);
    // 002 and 003 applied again over their own result (a run that died before recording them) do not fail.
    await query("DELETE FROM schema_migrations WHERE version IN (2, 3)");
    expect((await migrate({ url, dir })).applied).toEqual(["002_client_msg_id_not_unique.sql", "003_device_cursor_age.sql"]);
    const cols = await query<{ c: string }[]>(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = '${db}' AND table_name = 'device_cursors' ORDER BY ordinal_position`,
    );
    expect(cols.map((r) => r.c)).toEqual(["user_id", "device_id", "conversation_id", "seq", "updated_at_ms"]);
  });

  it("applies a new file and refuses an applied file that changed, naming it", async () => {
    await writeFile(join(dir, "999_extra.sql"), "CREATE TABLE IF NOT EXISTS extra_probe (id INT PRIMARY KEY) ENGINE=InnoDB;\n");
    expect((await migrate({ url, dir })).applied).toEqual(["999_extra.sql"]);

    const f = join(dir, "001_init.sql");
    await writeFile(f, `${await readFile(f, "utf8")}\n-- an edit after the fact\n`);
    const err = await migrate({ url, dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).code).toBe("MIGRATION_CHANGED");
    expect((err as MigrationError).file).toBe("001_init.sql");
    expect((err as Error).message).toContain("001_init.sql");
    await rm(dir, { recursive: true, force: true });
  });
});
