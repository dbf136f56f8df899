import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { postGraphql } from "./post-graphql.js";
import { ADMIN_TOKEN, type GraphQLResponse } from "./test-server.js";

const root = resolve(__dirname, "../..");

/** The server as a process of its own (built dist/, as `npm start` runs it), on a free port of 127.0.0.1. */
export interface LoopbackServer {
  url: string;
  child: ChildProcess;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, timeoutMs?: number): Promise<GraphQLResponse<T>>;
  /** Its stderr so far (the JSON log lines). */
  log(): string;
  /** SIGKILL: no shutdown, no rollback by the process itself. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after a while. */
  stop(): Promise<void>;
}

/**
 * Starts scripts/loopback-server.mjs on the database of `databaseUrl` with the tests' admin token. Needs the
 * build (`npm test` builds first; alone: `npx tsc -p tsconfig.json`).
 */
export async function startLoopbackServer(databaseUrl: string, env: Record<string, string> = {}): Promise<LoopbackServer> {
  if (!existsSync(join(root, "dist/server/src/app.js"))) throw new Error("dist/ is missing: run `npx tsc -p tsconfig.json` (npm test builds it).");
  const child = spawn(process.execPath, [join(root, "scripts/loopback-server.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CCHC_ADMIN_TOKEN: ADMIN_TOKEN, CCHC_DEMO: "false", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-50_000)));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${stderr}`)), 60_000);
    child.stdout!.on("data", (d) => {
      stdout += d;
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal ?? code}) before it served:\n${stderr}`));
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    child,
    log: () => stderr,
    gql: (query, variables, timeoutMs = 120_000) => postGraphql(url, ADMIN_TOKEN, query, variables, timeoutMs),
    async kill() {
      if (!gone()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
