// `npm run load -- <scenario> [options]`. Exit codes: 0 ok, 1 bugs found (e.g. lost messages),
// 2 usage error or refused target, 3 the run aborted (worker crash, time limit, Ctrl-C),
// 4 incomplete (connections or sends failed: the figures describe a smaller load than asked).
import { Coordinator } from "./coordinator.js";
import { RemoteTargetError } from "./guard.js";
import { HelpRequested, OptionsError, parseOptions, USAGE } from "./options.js";
import { renderSummary, writeReports } from "./report.js";

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (err instanceof HelpRequested) {
      process.stdout.write(USAGE + "\n");
      return 0;
    }
    if (err instanceof OptionsError) {
      process.stderr.write(`load: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  const controller = new AbortController();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts += 1;
    // First Ctrl-C: stop and still write what was measured; second: leave now.
    if (interrupts > 1) process.exit(130);
    controller.abort();
  });
  let result;
  try {
    result = await Coordinator.run(options, {
      write: (s) => process.stdout.write(s),
      tty: process.stdout.isTTY === true,
      signal: controller.signal,
    });
  } catch (err) {
    if (err instanceof RemoteTargetError || err instanceof OptionsError) {
      process.stderr.write(`load: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const files = await writeReports(options.out, result);
  process.stdout.write(`\n${renderSummary(result)}\nwrote ${files.join(", ")}\n`);
  if (result.status === "aborted") return 3;
  if (result.status === "bugs") return 1;
  return result.status === "incomplete" ? 4 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(3);
  },
);
