import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: [
      "shared/src/**/*.test.ts",
      "server/src/**/*.test.ts",
      "client/src/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    // One file at a time in CI: timing-sensitive server and browser tests do not compete for the two cores.
    fileParallelism: !process.env.CI,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
