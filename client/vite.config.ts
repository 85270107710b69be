import { defineConfig } from "vite";
import { precompress } from "./build/precompress.ts";

export default defineConfig({
  root: ".",
  plugins: [precompress()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  server: {
    proxy: {
      "/api": "http://localhost:2567",
      "/matchmake": { target: "http://localhost:2567" },
    },
  },
});
