// `npm run bench`: every figure of the README's "Measured" table that is a ratio or a rate, in one run,
// as a table on stdout and one JSON document (last line of stdout, and bench/results/latest.json).
// For each database (a SQLite file; MariaDB when reachable; the Galera cluster when named) and each size
// (cases; tasks = min(cases, 100,000): a year's HpNet tasks do not grow with the citizens' cases):
//   board   the board query over HTTP (20 units' compliance + the board's) beside the same two aggregate
//           statements (services/compliance.sql.ts) run in this process through the same driver;
//   page    the first 500-case page of the directive over HTTP (unit, timeliness, working days late,
//           apology) beside its raw SELECT (and, apart, the page's COUNT(*) for totalCount);
//   series  the board's 365-day progress series over HTTP beside one board query over HTTP (and the
//           series' one statement run directly);
// then, per database, importCases of BENCH_IMPORT_ROWS (100,000) CSV rows over HTTP into an empty
// database (rows per second, the server's peak RSS), and the documents (bench/documents.bench.mjs, its
// JSON line) at BENCH_DOCUMENT_CASES (100,000) cases.
// Each server is the built app as a process of its own (scripts/loopback-server.mjs) on 127.0.0.1.
// Times: BENCH_WARMUP (3) rounds, then BENCH_REPS rounds (15; 7 at 1,000,000 cases), the kinds interleaved
// within each round so the machine's load weighs on all alike; median and best of each.
//   npm run bench
//   BENCH_SIZES=10000,100000 npm run bench            (default 10000,100000,1000000; none: no size)
//   BENCH_DATABASES=sqlite,mariadb,cluster            (default: all that are present)
//   CCHC_BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306  (the default; "off" skips MariaDB)
//   CCHC_BENCH_CLUSTER_URL=mysql://root@127.0.0.1:3307  (the cluster's proxy or a node; off unless set)
//   BENCH_IMPORT_ROWS=0, BENCH_DOCUMENT_CASES=0       skip the import, the documents
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { startBenchServer, graphql } from "./support/bench-server.mjs";
import { seedYear } from "./support/seed-year.mjs";
import { mysqlVersion, throwawayDatabase } from "./support/throwaway-database.mjs";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const root = resolve(import.meta.dirname, "..");
const { openDatabase } = require("../dist/server/src/db/data-source.js");
const { complianceCountsByUnit, boardCounts } = require("../dist/server/src/services/compliance.sql.js");
const { progressCountsByUnit } = require("../dist/server/src/services/progress.sql.js");
const { scopeWindow } = require("../dist/server/src/domain/compliance.js");
const { sqlMoment } = require("../dist/server/src/db/sql-moment.js");
const { setLogLevel } = require("../dist/server/src/log.js");
setLogLevel("error");

const TOKEN = "bench-run-token-0123456789abcdef";
// BENCH_SIZES=none measures no size (the import and the documents only).
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").filter((n) => /^\d+$/.test(n.trim())).map(Number);
const TASKS_CAP = Number(process.env.BENCH_TASKS_CAP ?? 100_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const DOCUMENT_CASES = Number(process.env.BENCH_DOCUMENT_CASES ?? 100_000);
const GOAL = 1.5;
const PERIOD = { periodStart: "2023-01-01", periodEnd: "2023-12-31" };

const BOARD = `{ latestDirective { compliance { rate } units { unit { code } compliance { overdueCases apologizedCases tasks reportedTasks filedTasks rate status } } } }`;
const BOARD_TOTALS = `{ latestDirective { compliance { overdueCases apologizedCases tasks reportedTasks filedTasks } } }`;
const PAGE = `query($d: ID) { cases(filter: { directiveId: $d }, first: 500) { totalCount edges { node { code dueAt resolvedAt unit { code name } timeliness workingDaysLate apology { number } } } } }`;
const SERIES = `{ latestDirective { progress(from: "2023-01-01", until: "2023-12-31") { day compliance { rate status } } } }`;

const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const figure = (list) => ({ medianMs: round(median(list)), bestMs: round(Math.min(...list)), n: list.length });
const round = (ms, places = 1) => Math.round(ms * 10 ** places) / 10 ** places;
const ratio = (a, b) => Math.round((a.medianMs / b.medianMs) * 100) / 100;

/** The database's own driver, outside the server: the same statements as the server's services. */
function rawDriver(database) {
  if (database.config.type === "sqlite") {
    const Database = require("better-sqlite3");
    const sqlite = new Database(database.path, { readonly: true });
    const statements = new Map();
    const prepared = (sql) => statements.get(sql) ?? statements.set(sql, sqlite.prepare(sql)).get(sql);
    return { options: { type: "sqlite" }, query: async (sql, params = []) => prepared(sql).all(params), close: async () => sqlite.close() };
  }
  // A pool as the server's (10 connections), so statements the service runs at once run at once here too.
  const mysql = require("mysql2/promise");
  const pool = mysql.createPool({ ...database.connection, connectionLimit: 10, timezone: "Z" });
  return {
    options: { type: "mysql" },
    query: async (sql, params = []) => (await pool.query(sql, params))[0],
    close: async () => pool.end(),
  };
}

async function timeRounds(reps, kinds) {
  const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  for (let round = -WARMUP; round < reps; round += 1) {
    for (const [kind, run] of Object.entries(kinds)) {
      const started = performance.now();
      await run();
      if (round >= 0) times[kind].push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, list]) => [k, figure(list)]));
}

/**
 * After the seed (one writeset of a million rows), until every node has applied it: a causal read
 * (wsrep_sync_wait) on a node still applying waits up to Galera's causal read timeout (30 s) and then
 * fails with 1205, and the board's first request met that at 1,000,000 cases. Through the proxy the
 * connections go round robin over the nodes, so six reads in a row that did not time out cover all three.
 */
async function settleCluster(database) {
  const mysql = require("mysql2/promise");
  const started = performance.now();
  for (let settled = 0, tries = 0; settled < 6; tries += 1) {
    if (tries > 200) throw new Error("the cluster did not apply the seed within 200 causal reads");
    const connection = await mysql.createConnection(database.connection);
    try {
      await connection.query("SET SESSION wsrep_sync_wait = 1");
      await connection.query("SELECT COUNT(*) FROM hpnet_tasks");
      settled += 1;
    } catch (error) {
      if (error.errno !== 1205) throw error;
      settled = 0;
    } finally {
      await connection.end();
    }
  }
  console.log(`(cluster: every node applied the seed ${((performance.now() - started) / 1000).toFixed(1)} s after it was committed)`);
}

async function measureSize(target, cases) {
  const tasks = Math.min(cases, TASKS_CAP);
  const reps = Number(process.env.BENCH_REPS ?? (cases >= 1_000_000 ? 7 : 15));
  const database = await throwawayDatabase(target.serverUrl);
  try {
    const seedStarted = performance.now();
    const db = await openDatabase(database.config);
    const seeded = await seedYear(db, { cases, tasks });
    await db.destroy();
    if (target.name === "cluster") await settleCluster(database);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const server = startBenchServer(database.url, TOKEN);
    const raw = rawDriver(database);
    try {
      const base = await server.ready;
      const directiveId = (await graphql(base, TOKEN, `{ latestDirective { id } }`)).latestDirective.id;
      // The HTTP answer and the direct statements must agree before their times are compared.
      const totals = (await graphql(base, TOKEN, BOARD_TOTALS)).latestDirective.compliance;
      const direct = boardCounts(await complianceCountsByUnit(raw, PERIOD, new Date()));
      if (Object.keys(totals).some((k) => direct[k] !== totals[k])) {
        throw new Error(`the board over HTTP ${JSON.stringify(totals)} differs from the statements run directly ${JSON.stringify(direct)}`);
      }
      const window = scopeWindow(PERIOD.periodStart, PERIOD.periodEnd);
      const pageParams = [sqlMoment(window.from), sqlMoment(window.until)];
      const pageSql = "SELECT c.* FROM cases c WHERE c.dueAt >= ? AND c.dueAt < ? ORDER BY c.dueAt ASC, c.code ASC LIMIT 501";
      const countSql = "SELECT COUNT(*) AS total FROM cases c WHERE c.dueAt >= ? AND c.dueAt < ?";
      const times = await timeRounds(reps, {
        // The floor of any request: HTTP, authentication, Apollo's pipeline, no resolver, no statement.
        floorHttp: () => graphql(base, TOKEN, "{ __typename }"),
        boardHttp: () => graphql(base, TOKEN, BOARD),
        boardRaw: () => complianceCountsByUnit(raw, PERIOD, new Date()),
        pageHttp: async () => {
          const page = (await graphql(base, TOKEN, PAGE, { d: directiveId })).cases;
          if (page.edges.length !== Math.min(500, page.totalCount)) throw new Error("a short page");
        },
        pageRaw: async () => {
          if ((await raw.query(pageSql, pageParams)).length !== Math.min(501, cases)) throw new Error("a short raw page");
        },
        pageCountRaw: () => raw.query(countSql, pageParams),
        seriesHttp: async () => {
          if ((await graphql(base, TOKEN, SERIES)).latestDirective.progress.length !== 365) throw new Error("the series is not 365 days");
        },
        seriesRaw: () => progressCountsByUnit(raw, PERIOD, "2023-01-01", "2023-12-31"),
      });
      return {
        ...seeded,
        seedSeconds: round(seedSeconds),
        reps,
        floor: times.floorHttp,
        board: { http: times.boardHttp, statements: times.boardRaw, ratio: ratio(times.boardHttp, times.boardRaw) },
        page: { http: times.pageHttp, select: times.pageRaw, count: times.pageCountRaw, ratio: ratio(times.pageHttp, times.pageRaw) },
        series: { http: times.seriesHttp, statement: times.seriesRaw, board: times.boardHttp, ratio: ratio(times.seriesHttp, times.boardHttp) },
        serverPeakRssMiB: Math.round(server.peakRssMiB()),
      };
    } catch (error) {
      throw new Error(`${error.message}\n(server's log, last lines:)\n${server.stderr().slice(-3000)}`);
    } finally {
      await raw.close();
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

function importCsv(rows, units) {
  const iso = (ms) => new Date(ms).toISOString();
  const DAY = 86_400_000;
  const lines = ["code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at"];
  const start = Date.parse("2023-01-02T02:00:00Z");
  for (let i = 0; i < rows; i += 1) {
    const received = start + (i % 330) * DAY;
    const due = received + (5 + (i % 10)) * DAY;
    const resolved = i % 5 === 0 ? "" : iso(due + ((i % 7) - 3) * DAY);
    const name = i % 10 === 0 ? `"Công ty TNHH Hải Đăng ${i}, chi nhánh Hải Phòng"` : `Nguyễn Văn ${i}`;
    lines.push(`IMP-${String(i).padStart(7, "0")},Cấp giấy phép lao động,${name},U${1 + (i % units)},${iso(received)},${iso(due)},${resolved}`);
  }
  return lines.join("\n");
}

async function measureImport(target) {
  const database = await throwawayDatabase(target.serverUrl);
  try {
    const db = await openDatabase(database.config);
    await seedYear(db, { cases: 0, tasks: 0 });
    await db.destroy();
    const server = startBenchServer(database.url, TOKEN);
    try {
      const base = await server.ready;
      const csv = importCsv(IMPORT_ROWS, 20);
      const started = performance.now();
      const result = (await graphql(base, TOKEN, `mutation($csv: String!) { importCases(csv: $csv) { created updated unchanged errorCount } }`, { csv })).importCases;
      const seconds = (performance.now() - started) / 1000;
      if (result.created !== IMPORT_ROWS || result.errorCount !== 0) throw new Error(`import: ${JSON.stringify(result)}`);
      return { rows: IMPORT_ROWS, csvMiB: round(Buffer.byteLength(csv) / 1_048_576), seconds: round(seconds, 2), rowsPerSecond: Math.round(IMPORT_ROWS / seconds), serverPeakRssMiB: Math.round(server.peakRssMiB()) };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

/** bench/documents.bench.mjs as it runs alone (its env, its last JSON line): one code for both. */
function measureDocuments(target) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, "bench/documents.bench.mjs")], {
      cwd: root,
      env: {
        ...process.env,
        BENCH_CASES: String(DOCUMENT_CASES),
        BENCH_TASKS: String(Math.min(DOCUMENT_CASES, TASKS_CAP)),
        ...(target.serverUrl ? { BENCH_DATABASE_URL: target.serverUrl } : {}),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.once("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        done(JSON.parse(last).results);
      } catch (error) {
        fail(new Error(`documents.bench.mjs: ${error.message}\n${out.slice(-2000)}`));
      }
    });
  });
}

async function targets() {
  const wanted = process.env.BENCH_DATABASES?.split(",");
  const list = [];
  if (!wanted || wanted.includes("sqlite")) list.push({ name: "sqlite", label: "SQLite (file)", serverUrl: null });
  const mysqlUrl = process.env.CCHC_BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";
  if ((!wanted || wanted.includes("mariadb")) && mysqlUrl !== "off") {
    const version = await mysqlVersion(mysqlUrl);
    if (version) list.push({ name: "mariadb", label: version, serverUrl: mysqlUrl });
    else console.log(`(MariaDB: nothing answers at ${mysqlUrl.replace(/\/\/[^@]*@/, "//…@")}; skipped)`);
  }
  const clusterUrl = process.env.CCHC_BENCH_CLUSTER_URL;
  if ((!wanted || wanted.includes("cluster")) && clusterUrl) {
    const version = await mysqlVersion(clusterUrl);
    if (version) list.push({ name: "cluster", label: `Galera cluster (${version})`, serverUrl: clusterUrl });
    else console.log(`(cluster: nothing answers at ${clusterUrl.replace(/\/\/[^@]*@/, "//…@")}; skipped)`);
  }
  return list;
}

const ms = (f) => `${f.medianMs.toFixed(f.medianMs < 10 ? 1 : 0)} (${f.bestMs.toFixed(f.bestMs < 10 ? 1 : 0)})`;
const flag = (r) => `${r.toFixed(2)}×${r > GOAL ? " over" : ""}`;

const report = {
  bench: "run",
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, loadAverageAtStart: loadavg().map((l) => round(l, 2)) },
  goal: `board over HTTP under ${GOAL}× its statements run directly`,
  databases: [],
};
console.log(`npm run bench: ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}; times in ms, median (best)`);
console.log("| database | cases | tasks | { __typename } HTTP | board HTTP | its 2 statements | ratio | 500-case page HTTP | its SELECT | (COUNT) | ratio | 365-day series HTTP | (its statement) | ÷ board | seeded |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
let exitCode = 0;
for (const target of await targets()) {
  const entry = { database: target.label, sizes: [], import: null, documents: null };
  report.databases.push(entry);
  for (const cases of SIZES) {
    try {
      const r = await measureSize(target, cases);
      entry.sizes.push(r);
      if (r.board.ratio > GOAL) exitCode = 1;
      console.log(
        `| ${target.label} | ${cases.toLocaleString("en")} | ${r.tasks.toLocaleString("en")} | ${ms(r.floor)} | ${ms(r.board.http)} | ${ms(r.board.statements)} | ${flag(r.board.ratio)} | ` +
          `${ms(r.page.http)} | ${ms(r.page.select)} | ${ms(r.page.count)} | ${r.page.ratio.toFixed(2)}× | ${ms(r.series.http)} | ${ms(r.series.statement)} | ${r.series.ratio.toFixed(2)}× | ${r.seedSeconds} s |`,
      );
    } catch (error) {
      exitCode = 2;
      entry.sizes.push({ cases, error: error.message });
      console.log(`| ${target.label} | ${cases.toLocaleString("en")} | failed: ${error.message.split("\n")[0]} |`);
    }
  }
  if (IMPORT_ROWS > 0) {
    try {
      entry.import = await measureImport(target);
    } catch (error) {
      exitCode = 2;
      entry.import = { error: error.message };
    }
  }
  if (DOCUMENT_CASES > 0) {
    try {
      entry.documents = await measureDocuments(target);
    } catch (error) {
      exitCode = 2;
      entry.documents = { error: error.message };
    }
  }
}
console.log("");
for (const entry of report.databases) {
  const i = entry.import;
  if (i) console.log(i.error ? `${entry.database}: import failed: ${i.error}` : `${entry.database}: importCases over HTTP, ${i.rows.toLocaleString("en")} rows (${i.csvMiB} MiB CSV) into an empty database: ${i.seconds} s = ${i.rowsPerSecond.toLocaleString("en")} rows/s, server peak RSS ${i.serverPeakRssMiB} MiB`);
  const d = entry.documents;
  if (Array.isArray(d)) {
    for (const doc of d) console.log(`${entry.database}: ${doc.document}, ${doc.cases.toLocaleString("en")} cases: ${doc.seconds.toFixed(2)} s, ${doc.bytes >= 1_048_576 ? `${(doc.bytes / 1_048_576).toFixed(1)} MiB` : `${(doc.bytes / 1024).toFixed(1)} KiB`}, server peak RSS ${doc.peakRssMiB.toFixed(0)} MiB`);
  } else if (d?.error) console.log(`${entry.database}: documents failed: ${d.error}`);
}
report.finishedAt = new Date().toISOString();
report.machine.loadAverageAtEnd = loadavg().map((l) => round(l, 2));
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/latest.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report));
process.exit(exitCode);
