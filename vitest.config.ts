import { defineConfig } from "vitest/config";

// Integration tests start real gateways, Redis and MariaDB clients: on a 2-core machine running
// files one at a time keeps them deterministic. Each file uses its own key prefix / database.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "load/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
    globalSetup: ["test/global-setup.ts"],
  },
});
