// The benches' server: the built app as a process of its own (scripts/loopback-server.mjs, what
// `npm start` runs) on 127.0.0.1 only, on the database DATABASE_URL names, with the per-token write
// and document limit off (a bench asks far more than a person may). Resolves once it serves.
// Options: `demo` loads the demo data (npm run load), `writeRateLimit` sets CCHC_WRITE_RATE_LIMIT,
// `stopGraceMs` is how long stop() lets a SIGTERM drain before SIGKILL.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

export function startBenchServer(databaseUrl, token, { demo = false, writeRateLimit = "0", stopGraceMs = 10_000 } = {}) {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (written when it stops).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(root, "scripts/loopback-server.mjs")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: databaseUrl,
      CCHC_ADMIN_TOKEN: token,
      CCHC_DEMO: demo ? "true" : "false",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      CCHC_WRITE_RATE_LIMIT: writeRateLimit,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err = (err + d).slice(-20_000)));
  const ready = new Promise((resolveBase, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolveBase(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before it was up:\n${err}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    stderr: () => err,
    /** The process's peak resident set (VmHWM), in MiB (Linux). */
    peakRssMiB: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]) / 1024,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const force = setTimeout(() => child.kill("SIGKILL"), stopGraceMs);
        child.once("exit", () => (clearTimeout(force), done()));
        child.kill("SIGTERM");
      }),
  };
}

/** POSTs one GraphQL request; throws on an error answer. */
export async function graphql(base, token, query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (response.status !== 200 || body.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}
