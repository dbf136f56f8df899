// `node bench/documents.bench.mjs` (in `npm run bench`): every document of a large year streamed
// over GET /documents/… from a server process of its own per document, timed, with that server's
// peak RSS (VmHWM from /proc). BENCH_CASES (100,000) cases, a third of them late, half of those
// apologised; BENCH_TASKS (100,000) HpNet tasks. SQLite file by default; BENCH_DATABASE_URL=
// mysql://root@127.0.0.1:3306 runs it on MariaDB (a throwaway database, dropped after).
// Prints a table and, last, one JSON line.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const { openDatabase } = require("../dist/server/src/db/data-source.js");
const { setLogLevel } = require("../dist/server/src/log.js");
setLogLevel("error");

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const UNITS = 20;
const TOKEN = "bench-documents-token-0123456789";
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
      return [`C${i}`, "Cấp giấy chứng nhận đăng ký đầu tư", "Công ty TNHH Người nộp", 1 + (i % UNITS), moment(due - 10 * 86_400_000), moment(due), moment(resolved)];
    }, "INSERT INTO cases (code, procedureName, applicantName, unitId, receivedAt, dueAt, resolvedAt)", 7);
    const late = await m.query("SELECT id FROM cases WHERE resolvedAt > dueAt");
    const apologised = late.filter((_, i) => i % 2 === 0);
    await rows(apologised.length, (i) => [apologised[i].id, `${i}/PXL`, moment(YEAR_START + 300 * 86_400_000), "Chờ ý kiến thẩm định", moment(YEAR_START + 364 * 86_400_000), "Người ký"],
      "INSERT INTO apologies (caseId, number, issuedAt, reason, newDueAt, signer)", 6);
    await rows(TASKS, (i) => {
      const assigned = YEAR_START + ((i * 104_729) % YEAR_MS);
      return [`T${i}`, "Báo cáo tiến độ", 1 + (i % UNITS), `Cán bộ ${i % 50}`, moment(assigned), i % 4 ? moment(assigned + 86_400_000) : null, i % 5 ? moment(assigned + 2 * 86_400_000) : null, i % 5 ? "01.VP" : null];
    }, "INSERT INTO hpnet_tasks (externalId, title, unitId, assignee, assignedAt, completionReportedAt, workFileCreatedAt, workFileCode)", 8);
  });
  return { apologies: Math.ceil((await db.query("SELECT COUNT(*) AS n FROM apologies"))[0].n) };
}

function startServer(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL("./document-server.mjs", import.meta.url).pathname, JSON.stringify(config), TOKEN], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.on("error", reject);
    child.stdout.once("data", (data) => resolve({ child, port: JSON.parse(String(data)).port }));
  });
}

const peakRss = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) * 1024;

async function measure(config, path) {
  const { child, port } = await startServer(config);
  try {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    return { seconds: (performance.now() - started) / 1000, bytes, peakRssMiB: peakRss(child.pid) / 1024 / 1024 };
  } finally {
    child.kill();
  }
}

async function run(label, config, db) {
  const seeded = performance.now();
  const { apologies } = await fill(db);
  const fillSeconds = (performance.now() - seeded) / 1000;
  await db.destroy();
  const asOf = "2023-11-14T16:30:00%2B07:00";
  const documents = [
    ["apology letters zip (every apology)", `/documents/apology-letters?directiveId=1`],
    ["report XLSX", `/documents/compliance-report?directiveId=1&format=XLSX&asOf=${asOf}`],
    ["report Markdown", `/documents/compliance-report?directiveId=1&format=MARKDOWN&asOf=${asOf}`],
    ["report CSV", `/documents/compliance-report?directiveId=1&format=CSV&asOf=${asOf}`],
  ];
  const results = [];
  for (const [name, path] of documents) {
    const r = await measure(config, path);
    results.push({ database: label, document: name, cases: CASES, tasks: TASKS, letters: apologies, ...r });
    console.log(
      `${label.padEnd(8)} ${name.padEnd(36)} ${r.seconds.toFixed(2).padStart(7)} s ${(r.bytes / 1024 / 1024).toFixed(1).padStart(8)} MiB` +
        `  server peak RSS ${r.peakRssMiB.toFixed(0)} MiB`,
    );
  }
  console.log(`(${label}: ${CASES} cases, ${TASKS} tasks, ${apologies} apologies loaded in ${fillSeconds.toFixed(1)} s)`);
  return results;
}

const results = [];
if (process.env.BENCH_DATABASE_URL) {
  const mysql = require("mysql2/promise");
  const url = new URL(process.env.BENCH_DATABASE_URL);
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username || "root", password: url.password });
  const name = `cchc_bench_docs_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
  try {
    const config = { type: "mysql", host: url.hostname, port: Number(url.port || 3306), user: url.username || "root", password: url.password, database: name };
    results.push(...(await run("MariaDB", config, await openDatabase(config))));
  } finally {
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), "cchc-bench-docs-"));
  try {
    const config = { type: "sqlite", path: join(dir, "bench.sqlite") };
    results.push(...(await run("SQLite", config, await openDatabase(config))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(JSON.stringify({ bench: "documents", results }));
