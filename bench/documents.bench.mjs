// `node bench/documents.bench.mjs` (in `npm run bench`): every document of a large year streamed
// over GET /documents/… from a server process of its own per document, timed, with that server's
// peak RSS (VmHWM from /proc). BENCH_CASES (100,000) cases, a third of them late, half of those
// apologised; BENCH_TASKS (100,000) HpNet tasks (bench/support/seed-year.mjs). SQLite file by default; BENCH_DATABASE_URL=
// mysql://root@127.0.0.1:3306 runs it on MariaDB (a throwaway database, dropped after).
// Prints a table and, last, one JSON line.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { seedYear } from "./support/seed-year.mjs";
import { throwawayDatabase } from "./support/throwaway-database.mjs";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const { openDatabase } = require("../dist/server/src/db/data-source.js");
const { setLogLevel } = require("../dist/server/src/log.js");
setLogLevel("error");

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const UNITS = 20;
const TOKEN = "bench-documents-token-0123456789";

async function fill(db) {
  const { apologies } = await seedYear(db, { cases: CASES, tasks: TASKS, units: UNITS });
  return { apologies };
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
    ["reminder letter (.docx)", `/documents/reminder-letter?directiveId=1&asOf=${asOf}`],
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

// BENCH_DATABASE_URL names a MariaDB/MySQL server: a throwaway database on it; otherwise a SQLite file.
const database = await throwawayDatabase(process.env.BENCH_DATABASE_URL, "cchc_bench_docs");
const results = [];
try {
  const label = database.config.type === "sqlite" ? "SQLite" : "MariaDB";
  results.push(...(await run(label, database.config, await openDatabase(database.config))));
} finally {
  await database.drop();
}
console.log(JSON.stringify({ bench: "documents", results }));
