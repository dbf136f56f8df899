// `npm run bench`: the board query (every unit's compliance, by SQL aggregation) over a large
// year: 20 units, 100,000 cases (a third late, half of those apologised), 100,000 HpNet tasks; beside
// it the 365-day progress series (Directive.progress: one statement for the whole range), the board's
// alone and the board's with every unit's in one request (what the progress chart asks).
// Runs on a throwaway SQLite file, and on MariaDB too when CCHC_BENCH_MYSQL_URL names a server.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { seedYear } from "./support/seed-year.mjs";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const { createApp } = require("../dist/server/src/app.js");
const { setLogLevel } = require("../dist/server/src/log.js");
setLogLevel("error");

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const UNITS = 20;
const TOKEN = "bench-admin-token-0123456789";
const BOARD = `{ latestDirective { compliance { rate } units { unit { code } compliance { overdueCases apologizedCases tasks reportedTasks filedTasks rate status } } } }`;
const SERIES = `{ latestDirective { progress(from: "2023-01-01", until: "2023-12-31") { day compliance { rate status } } } }`;
const EVERY_SERIES = `{ latestDirective { board: progress(from: "2023-01-01", until: "2023-12-31") { day compliance { rate } } ${Array.from(
  { length: UNITS },
  (_, u) => `u${u + 1}: progress(unitCode: "U${u + 1}", from: "2023-01-01", until: "2023-12-31") { day compliance { rate } }`,
).join(" ")} } }`;

async function run(label, database) {
  const app = await createApp({ database, adminToken: TOKEN });
  try {
    const seeded = performance.now();
    await seedYear(app.db, { cases: CASES, tasks: TASKS, units: UNITS });
    const fillSeconds = (performance.now() - seeded) / 1000;
    const port = await app.listen(0, "127.0.0.1");
    const ask = async (query = BOARD) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ query }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    // Interleaved, so the machine's load at any moment weighs on both alike.
    const times = { board: [], series: [], every: [] };
    for (const query of [BOARD, SERIES, EVERY_SERIES]) await ask(query);
    for (let i = 0; i < 15; i += 1) {
      for (const [key, query] of [["board", BOARD], ["series", SERIES], ["every", EVERY_SERIES]]) {
        const started = performance.now();
        const body = await ask(query);
        times[key].push(performance.now() - started);
        if (key === "series" && body.data.latestDirective.progress.length !== 365) throw new Error("The series is not 365 days long");
      }
    }
    const figure = (list) => {
      list.sort((a, b) => a - b);
      return `median ${list[7].toFixed(0)} ms, best ${list[0].toFixed(0)} ms`;
    };
    console.log(
      `board query on ${label}: ${UNITS} units, ${CASES} cases, ${TASKS} tasks: ${figure(times.board)} over 15 requests ` +
        `(data loaded in ${fillSeconds.toFixed(1)} s)`,
    );
    console.log(`  365-day progress series, the board's:             ${figure(times.series)}`);
    console.log(`  365-day progress series, the board's and ${UNITS} units': ${figure(times.every)}`);
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "cchc-bench-"));
try {
  await run("SQLite", { type: "sqlite", path: join(dir, "bench.sqlite") });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.CCHC_BENCH_MYSQL_URL) {
  const mysql = require("mysql2/promise");
  const url = new URL(process.env.CCHC_BENCH_MYSQL_URL);
  const connection = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || "root", password: url.password });
  const name = `cchc_bench_${Date.now()}`;
  await connection.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
  try {
    await run("MariaDB", { type: "mysql", host: url.hostname, port: Number(url.port || 3306), user: url.username || "root", password: url.password, database: name });
  } finally {
    await connection.query(`DROP DATABASE ${name}`);
    await connection.end();
  }
}
