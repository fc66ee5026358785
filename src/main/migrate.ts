// `npm run migrate`: creates the database named by MYSQL_URL if missing and applies migrations/.
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../config/config.js";
import { MigrationError } from "../persistence/errors.js";
import { migrate } from "../persistence/migrator.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.MYSQL_URL === undefined) throw new ConfigError("MYSQL_URL is required, e.g. mysql://root@127.0.0.1:3306/switchboard");
  const result = await migrate({
    url: config.MYSQL_URL,
    dir: process.env.MIGRATIONS_DIR ?? MIGRATIONS_DIR,
    connectTimeoutMs: config.MYSQL_CONNECT_TIMEOUT_MS,
    log: (msg) => process.stdout.write(`migrate: ${msg}\n`),
  });
  process.stdout.write(`migrate: ${result.applied.length} applied, ${result.skipped.length} already applied\n`);
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof MigrationError;
  process.stderr.write(`migrate: ${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
