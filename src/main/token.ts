// `npm run token -- <user> [device] [--ttl 3600]`: mints a development JWT signed with JWT_SECRET
// (or the built-in dev secret outside production), for trying the gateway by hand.
import { loadConfig } from "../config/config.js";
import { isValidUserId } from "../core/ids.js";
import { mintToken } from "../transport/mint.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ttlAt = args.indexOf("--ttl");
  const ttl = ttlAt >= 0 ? Number(args.splice(ttlAt, 2)[1]) : 24 * 3600;
  const [user, device] = args;
  if (user === undefined || !isValidUserId(user) || !Number.isInteger(ttl) || ttl <= 0) {
    process.stderr.write("usage: npm run token -- <user> [device] [--ttl seconds]   (user: [A-Za-z0-9_.@-]{1,64})\n");
    process.exit(2);
  }
  const config = loadConfig();
  if (config.JWT_SECRET === undefined) {
    process.stderr.write("npm run token signs with JWT_SECRET (HS256); with JWT_PUBLIC_KEY, mint tokens with your private key.\n");
    process.exit(2);
  }
  process.stdout.write(
    (await mintToken(config.JWT_SECRET, user, { device, ttlSec: ttl, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE })) + "\n",
  );
}

void main();
