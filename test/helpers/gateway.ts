// Starts a real gateway in this process on an OS-assigned port, with test-friendly settings.
import { randomBytes } from "node:crypto";
import { loadConfig, type Config } from "../../src/config/config.js";
import { startGateway, type Gateway, type GatewayDeps } from "../../src/main/app.js";
import { mintToken } from "../../src/transport/mint.js";

export const TEST_SECRET = "test-secret-0123456789-0123456789-abcdef";

export interface TestGateway extends Gateway {
  readonly config: Config;
  /** ws://127.0.0.1:<port>/ws */
  readonly url: string;
  /** http://127.0.0.1:<port> */
  readonly http: string;
  token(user: string, opts?: { device?: string; ttlSec?: number }): Promise<string>;
}

export async function startTestGateway(env: Record<string, string> = {}, deps: GatewayDeps = {}): Promise<TestGateway> {
  const config = loadConfig({
    JWT_SECRET: TEST_SECRET,
    PORT: "0",
    LOG_LEVEL: process.env["TEST_LOG_LEVEL"] ?? "silent",
    NODE_ID: `test-${randomBytes(4).toString("hex")}`,
    DRAIN_TIMEOUT_MS: "200",
    ...env,
  });
  const gw = await startGateway(config, { defaultMetrics: false, ...deps });
  return Object.assign(gw, {
    config,
    url: `ws://127.0.0.1:${gw.port}/ws`,
    http: `http://127.0.0.1:${gw.port}`,
    token: (user: string, opts: { device?: string; ttlSec?: number } = {}) => mintToken(TEST_SECRET, user, opts),
  });
}
