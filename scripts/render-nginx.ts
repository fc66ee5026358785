// Regenerates deploy/nginx/compose.conf from deploy/nginx/switchboard.conf.template.
//   npx tsx scripts/render-nginx.ts          write the file
//   npx tsx scripts/render-nginx.ts --check  exit 1 if the committed file is stale
// In compose, nginx resolves the service name `gateway` once at startup through Docker's DNS and
// gets one address per replica (Debian's nginx 1.22 has no `resolve` parameter for upstream
// servers), so after scaling or recreating gateways: `docker compose exec nginx nginx -s reload`
// (a restart would drop every open WebSocket).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderNginxConfig } from "../src/main/nginx-config.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "deploy/nginx/compose.conf");

// Paths of the official nginx image (nginx:*-bookworm): logs to the container's stdout/stderr.
const text = renderNginxConfig({
  listen: 8080,
  upstreams: ["gateway:8080"],
  pidFile: "/var/run/nginx.pid",
  errorLog: "/dev/stderr",
  accessLog: "/dev/stdout",
  tempDir: "/var/cache/nginx",
  workerProcesses: "auto",
  // Two per WebSocket; the nginx service's nofile ulimit (200,000) is the ceiling.
  workerConnections: 65536,
  workerRlimitNofile: 200000,
});

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error("deploy/nginx/compose.conf is stale: run `npx tsx scripts/render-nginx.ts` and commit the result");
    process.exit(1);
  }
  console.log("deploy/nginx/compose.conf is up to date");
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
