import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// Only for `npm run test:e2e` (test/e2e/run-e2e.mjs starts the server and code-server first);
// the default `npm test` never picks these files up (they end in .e2e.ts, not .test.ts).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: require.resolve("graphql") },
      // The extension's path alias for the server's domain (extension/tsconfig.json).
      { find: /^@cchc\/domain$/, replacement: fileURLToPath(new URL("../../server/src/domain/index.ts", import.meta.url)) },
    ],
  },
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/e2e/**/*.e2e.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
