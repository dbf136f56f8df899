// The benches' server: the built app as a process of its own (scripts/loopback-server.mjs, what
// `npm start` runs) on 127.0.0.1 only, on the database DATABASE_URL names, with the per-token write
// and document limit off (a bench asks far more than a person may). Resolves once it serves.
// Options: `demo` loads the demo data (npm run load), `writeRateLimit` sets CCHC_WRITE_RATE_LIMIT,
// `stopGraceMs` is how long stop() lets a SIGTERM drain before SIGKILL.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
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

// One kept-alive connection per server, as a client that talks to the API all day holds one.
// node:http rather than fetch: undici's own work per request (about 0.8 ms on this machine's two
// cores, measured beside a bare node:http server) would be counted as the server's.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** POSTs one GraphQL request; throws on an error answer. */
export function graphql(base, token, query, variables) {
  const body = Buffer.from(JSON.stringify({ query, variables }), "utf8");
  const url = new URL("/graphql", base);
  return new Promise((resolveData, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": body.length, authorization: `Bearer ${token}` },
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          let answer;
          try {
            answer = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            return reject(new Error(`HTTP ${response.statusCode}: not JSON: ${Buffer.concat(chunks).toString("utf8").slice(0, 500)}`));
          }
          if (response.statusCode !== 200 || answer.errors) {
            return reject(new Error(`HTTP ${response.statusCode}: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`));
          }
          resolveData(answer.data);
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
