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

const moment = (ms) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");
const YEAR_START = Date.parse("2022-12-31T17:00:00Z");
const YEAR_MS = 365 * 86_400_000;

async function fill(db) {
  await db.transaction(async (m) => {
    for (let u = 1; u <= UNITS; u += 1) await m.query("INSERT INTO units (code, name, kind) VALUES (?, ?, ?)", [`U${u}`, `Đơn vị ${u}`, "DEPARTMENT"]);
    await m.query(
      "INSERT INTO directives (number, subject, issuedOn, periodStart, periodEnd, deadline) VALUES (?, ?, ?, ?, ?, ?)",
      ["1/TB-BQL", "Bench", "2023-11-08", "2023-01-01", "2023-12-31", "2023-11-17"],
    );
    const rows = async (count, build, sql, width) => {
      for (let start = 0; start < count; start += 500) {
        const values = [];
        const n = Math.min(500, count - start);
        for (let i = start; i < start + n; i += 1) values.push(...build(i));
        await m.query(`${sql} VALUES ${Array(n).fill(`(${Array(width).fill("?").join(", ")})`).join(", ")}`, values);
      }
    };
    await rows(CASES, (i) => {
      const due = YEAR_START + ((i * 7919) % YEAR_MS);
      const resolved = i % 3 === 0 ? due + 86_400_000 : due - 3_600_000;
      return [`C${i}`, "Thủ tục", "Người nộp", 1 + (i % UNITS), moment(due - 10 * 86_400_000), moment(due), moment(resolved)];
    }, "INSERT INTO cases (code, procedureName, applicantName, unitId, receivedAt, dueAt, resolvedAt)", 7);
    const lateIds = await m.query("SELECT id, dueAt FROM cases WHERE resolvedAt > dueAt");
    const apologised = lateIds.filter((_, i) => i % 2 === 0);
    await rows(apologised.length, (i) => [apologised[i].id, `${i}/PXL`, moment(YEAR_START + 300 * 86_400_000), "Lý do", moment(YEAR_START + 364 * 86_400_000), "Người ký"],
      "INSERT INTO apologies (caseId, number, issuedAt, reason, newDueAt, signer)", 6);
    await rows(TASKS, (i) => {
      const assigned = YEAR_START + ((i * 104_729) % YEAR_MS);
      return [`T${i}`, "Việc", 1 + (i % UNITS), moment(assigned), i % 4 ? moment(assigned + 86_400_000) : null, i % 5 ? moment(assigned + 2 * 86_400_000) : null, i % 5 ? "01.VP" : null];
    }, "INSERT INTO hpnet_tasks (externalId, title, unitId, assignedAt, completionReportedAt, workFileCreatedAt, workFileCode)", 7);
  });
}

async function run(label, database) {
  const app = await createApp({ database, adminToken: TOKEN });
  try {
    const seeded = performance.now();
    await fill(app.db);
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
