import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql realm: type-graphql and Apollo load the CommonJS build, so must the tests.
    alias: [
      { find: /^graphql$/, replacement: require.resolve("graphql") },
      // The extension's path alias for the server's domain (extension/tsconfig.json).
      { find: /^@cchc\/domain$/, replacement: fileURLToPath(new URL("server/src/domain/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/quiet-logs.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
