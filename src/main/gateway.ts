// `npm start`: one gateway node. Memory engine unless REDIS_URL is set.
import { ConfigError, loadConfig } from "../config/config.js";
import { NativeUwsError } from "../transport/uws.js";
import { startGateway } from "./app.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const gw = await startGateway(config);
  if (config.usingDevSecret) {
    gw.log.warn(
      "JWT_SECRET is unset: using the built-in development secret. Never do this in production (NODE_ENV=production refuses it).",
    );
  }
  const host = config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST;
  process.stdout.write(
    `\nSwitchboard ${gw.nodeId} listening on ws://${host}:${gw.port}/ws (engine: ${gw.engine.kind})\n` +
      `  get a token:  npm run token -- alice [device]\n` +
      `  connect:      ws://${host}:${gw.port}/ws?token=<token>   (or Authorization: Bearer <token>)\n` +
      `  health:       http://${host}:${gw.port}/healthz   metrics: http://${host}:${gw.port}/metrics\n\n`,
  );
  let signals = 0;
  const onSignal = (signal: string): void => {
    signals += 1;
    if (signals > 1) {
      gw.log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    gw.log.info({ signal }, "draining");
    void gw.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof NativeUwsError) {
    process.stderr.write(`switchboard: ${err.message}\n`);
  } else {
    process.stderr.write(`switchboard: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
