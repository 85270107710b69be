import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["shared/src/**/*.test.ts", "server/src/**/*.test.ts", "test/**/*.test.ts"],
    fileParallelism: !process.env.CI,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
