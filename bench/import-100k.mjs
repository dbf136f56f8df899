// Benchmark: a 100,000-row import through the command-line importer (the streaming path), timed
// and with its peak memory, on SQLite by default or on the database BENCH_DATABASE_URL names.
//   npm run bench:import                # 100,000 rows, CSV and XLSX, SQLite file in a temp dir
//   BENCH_ROWS=20000 npm run bench:import
//   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/cchc_bench npm run bench:import   (database must exist)
//   BENCH_FORMATS=csv,xlsx,graphql      graphql: the CSV as importCases(csv:) over HTTP to a server process
//                                        (peak RSS of the server read from /proc/<pid>/status, Linux)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
require("reflect-metadata");
const ExcelJS = require("exceljs");
const { openDatabase } = require("../dist/server/src/db/data-source.js");
const { parseDatabaseUrl } = require("../dist/server/src/config.js");
const { Unit } = require("../dist/server/src/entities/unit.entity.js");
const { setLogLevel } = require("../dist/server/src/log.js");

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const UNITS = ["VP", "QLĐT", "QLDN", "TNMT", "LĐ", "VPĐD", "TTXT", "TCN"];
const HEADER = ["Mã hồ sơ", "Tên thủ tục", "Người nộp", "Mã đơn vị", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả"];
const PROCEDURES = [
  "Cấp Giấy chứng nhận đăng ký đầu tư",
  "Điều chỉnh Giấy chứng nhận đăng ký đầu tư; thay đổi nhà đầu tư",
  "Cấp giấy phép lao động cho người lao động nước ngoài",
  "Đăng ký nội quy lao động",
  "Cấp giấy phép môi trường",
];
const pad = (n) => String(n).padStart(2, "0");
const vnDate = (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

/** Row i: received in 2023, due 5-20 days later, most resolved (some late), a quoted name now and then. */
function row(i) {
  const received = new Date(Date.UTC(2023, 0, 2) + (i % 330) * 86_400_000 + (i % 9) * 3_600_000);
  const due = new Date(received.getTime() + (5 + (i % 16)) * 86_400_000);
  const resolved = i % 7 === 0 ? null : new Date(due.getTime() + ((i % 11) - 4) * 86_400_000);
  return [
    `000.23.45.H23-${String(i).padStart(7, "0")}`,
    PROCEDURES[i % PROCEDURES.length],
    i % 10 === 0 ? `Công ty TNHH "Hải Đăng ${i}", chi nhánh Hải Phòng` : `Nguyễn Văn ${i}`,
    UNITS[i % UNITS.length],
    `${vnDate(received)} ${pad(received.getUTCHours())}:15`,
    vnDate(due),
    resolved === null ? "" : `${vnDate(resolved)} 10:30`,
  ];
}

const csvField = (v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function writeCsv(path) {
  const out = createWriteStream(path);
  out.write(`\uFEFF${HEADER.join(";")}\r\n`);
  for (let i = 0; i < ROWS; i += 1) {
    if (!out.write(`${row(i).map(csvField).join(";")}\r\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function writeXlsx(path) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = book.addWorksheet("Hồ sơ");
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i += 1) sheet.addRow(row(i)).commit();
  sheet.commit();
  await book.commit();
}

async function prepareDatabase(url) {
  setLogLevel("warn");
  const db = await openDatabase(parseDatabaseUrl(url));
  await db.query("DELETE FROM apologies");
  await db.query("DELETE FROM cases");
  const repository = db.getRepository(Unit);
  for (const code of UNITS) {
    if (!(await repository.existsBy({ code }))) await repository.save(repository.create({ code, name: `Đơn vị ${code}`, kind: "DEPARTMENT" }));
  }
  await db.destroy();
}

async function importOnce(url, file) {
  const child = spawn(process.execPath, ["dist/server/src/imports/import-cli.js", "cases", file, "--json", "--stats"], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const started = process.hrtime.bigint();
  const [code] = await once(child, "exit");
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = /time ([\d.]+) s, CPU ([\d.]+) s, peak memory \(RSS\) (\d+) MB/.exec(stderr);
  if (code !== 0 || !stats) throw new Error(`import failed (exit ${code}):\n${stderr}\n${stdout.slice(0, 2000)}`);
  const result = JSON.parse(stdout);
  return { import: Number(stats[1]), cpu: Number(stats[2]), wall, peakMb: Number(stats[3]), ...result, errors: result.errors.length };
}

/** The server as `npm start` runs it, on the bench database; resolves with its URL and process. */
async function startServer(url) {
  const token = "bench-admin-token-0123456789";
  const child = spawn(process.execPath, ["dist/server/src/main.js"], {
    env: { ...process.env, DATABASE_URL: url, PORT: "0", CCHC_ADMIN_TOKEN: token, CCHC_DEMO: "false", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const base = await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const match = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { base, token, child };
}

const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;

async function importOverGraphql(server, csvText) {
  const started = process.hrtime.bigint();
  const response = await fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${server.token}` },
    body: JSON.stringify({
      query: "mutation ($csv: String!) { importCases(csv: $csv) { created updated unchanged errors { line column message } } }",
      variables: { csv: csvText },
    }),
  });
  const body = await response.json();
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (!body.data) throw new Error(JSON.stringify(body.errors).slice(0, 2000));
  const result = body.data.importCases;
  if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return { ...result, wall, peakMb: Math.round(peakRssMb(server.child.pid)) };
}

const dir = mkdtempSync(join(tmpdir(), "cchc-bench-"));
const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, "bench.sqlite")}`;
try {
  const csv = join(dir, "cases.csv");
  const xlsx = join(dir, "cases.xlsx");
  await writeCsv(csv);
  const formats = process.env.BENCH_FORMATS?.split(",") ?? ["csv", "xlsx", "graphql"];
  if (formats.includes("xlsx")) await writeXlsx(xlsx);
  console.log(`${ROWS} rows; database ${url.startsWith("sqlite:") ? "SQLite (file)" : url.replace(/\/\/[^@]*@/, "//…@")}; node ${process.version}`);
  console.log("| file | size | run | created | updated | unchanged | import time | CPU time | whole process | peak RSS |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const format of formats.filter((f) => f !== "graphql")) {
    const file = format === "csv" ? csv : xlsx;
    await prepareDatabase(url);
    for (const run of ["first (all created)", "second (all unchanged)"]) {
      const r = await importOnce(url, file);
      const size = `${(statSync(file).size / 1_048_576).toFixed(1)} MB`;
      console.log(
        `| ${format} | ${size} | ${run} | ${r.created} | ${r.updated} | ${r.unchanged} | ${r.import.toFixed(1)} s | ${r.cpu.toFixed(1)} s | ${r.wall.toFixed(1)} s | ${r.peakMb} MB |`,
      );
    }
  }
  if (formats.includes("graphql")) {
    await prepareDatabase(url);
    const server = await startServer(url);
    try {
      const text = readFileSync(csv, "utf8");
      for (const run of ["first (all created)", "second (all unchanged)"]) {
        const r = await importOverGraphql(server, text);
        const size = `${(statSync(csv).size / 1_048_576).toFixed(1)} MB`;
        console.log(
          `| importCases over HTTP | ${size} | ${run} | ${r.created} | ${r.updated} | ${r.unchanged} | ${r.wall.toFixed(1)} s (request) | – | – | ${r.peakMb} MB (server) |`,
        );
      }
    } finally {
      server.child.kill();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
