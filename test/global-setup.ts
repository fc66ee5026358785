// Fails fast, with the fix, when the generated protobuf code is stale or services are missing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): void {
  const dir = mkdtempSync(join(tmpdir(), "sb-proto-"));
  execFileSync("scripts/gen-proto.sh", [dir], { stdio: "pipe" });
  for (const f of ["switchboard.js", "switchboard.d.ts"]) {
    if (readFileSync(join(dir, f), "utf8") !== readFileSync(join("src/protocol/gen", f), "utf8")) {
      throw new Error(`src/protocol/gen/${f} is stale: run \`npm run proto\` and commit the result`);
    }
  }
}
