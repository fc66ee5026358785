// `npm start`: one gateway node. Memory engine unless REDIS_URL is set.
import { ConfigError, loadConfig } from "../config/config.js";
import { NativeUwsError } from "../transport/uws.js";
import { startGateway } from "./app.js";

/** How long a drained node stays up before it exits (see onSignal). */
const EXIT_LINGER_MS = 500;
/** Past DRAIN_TIMEOUT_MS, what the rest of the stop may take (fan-outs and appends in flight are
 * bounded at 5 s each) before the node exits anyway, rather than wait for the orchestrator's kill. */
const STOP_MARGIN_MS = 8_000;

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
  let drained = false;
  const onSignal = (signal: string): void => {
    signals += 1;
    if (signals > 1) {
      // During the linger the drain is done: exiting now is still a clean stop.
      if (drained) process.exit(0);
      gw.log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    gw.log.info({ signal }, "draining");
    setTimeout(() => {
      gw.log.error(
        { budgetMs: config.DRAIN_TIMEOUT_MS + STOP_MARGIN_MS },
        "stop overran its budget (Redis or MySQL unresponsive?): exiting",
      );
      process.exit(1);
    }, config.DRAIN_TIMEOUT_MS + STOP_MARGIN_MS).unref();
    // The drain's last frames (goaway, close) may still be on their way through a proxy, and the
    // clients' close replies on theirs: exiting at once resets sockets that hold unread client
    // data, and a reset can discard what the proxy had not forwarded yet.
    void gw.stop().then(() => {
      drained = true;
      setTimeout(() => process.exit(0), EXIT_LINGER_MS);
    });
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
