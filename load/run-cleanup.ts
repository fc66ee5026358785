// Removes what a cluster run tagged `tag` left behind: its MySQL database (named `tag`) and its
// Redis keys (`<tag>:*` and the BullMQ queue's `<tag>-bull:*`). Used by load/rolling-restart.ts
// and the end-to-end test.
import { Redis } from "ioredis";
import mysql from "mysql2/promise";
import { parseMysqlUrl } from "../src/persistence/mysql-url.js";

/** Unlinks every key matching `pattern` (SCAN in pages of 1,000). */
export async function unlinkMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== "0");
}

export async function cleanupRun(redisUrl: string, mysqlUrl: string, tag: string): Promise<void> {
  const t = parseMysqlUrl(mysqlUrl);
  const c = await mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
  await c.query(`DROP DATABASE IF EXISTS \`${tag}\``).finally(() => c.end());
  const r = new Redis(redisUrl);
  try {
    for (const pattern of [`${tag}:*`, `${tag}-bull:*`]) await unlinkMatching(r, pattern);
  } finally {
    r.disconnect();
  }
}
