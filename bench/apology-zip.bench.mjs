// `node bench/apology-zip.bench.mjs` (part of `npm run bench`): 1,000 apology letters as one .zip,
// built by the server's own code (dist/) twice: from plain models (the letters alone), and from an
// in-memory SQLite database through the same service the apologyLetters query calls (SQL included).
// The README's "Measured" table quotes the figures.
import "reflect-metadata";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const dist = new URL("../dist/server/src/", import.meta.url).pathname;
const { buildApologyZip } = require(`${dist}documents/archive/apology-zip.js`);
const { sampleApologyModel } = require(`${dist}documents/samples/sample-models.js`);
const { DEFAULT_LETTER_TEXTS } = require(`${dist}documents/texts/default-letter-texts.js`);
const { apologyLettersFile } = require(`${dist}documents/document.service.js`);
const { openDatabase } = require(`${dist}db/data-source.js`);
const { setLogLevel } = require(`${dist}log.js`);
const { Unit, Directive, Case, Apology } = require(`${dist}entities/index.js`);

const COUNT = Number(process.env.BENCH_LETTERS ?? 1000);
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);

function* models() {
  for (let i = 1; i <= COUNT; i += 1) yield sampleApologyModel(`H${String(i).padStart(5, "0")}`);
}

async function seeded() {
  setLogLevel("silent");
  const db = await openDatabase({ type: "sqlite", path: ":memory:" });
  const unit = await db.getRepository(Unit).save({ code: "QLĐT", name: "Phòng Quản lý Đầu tư", kind: "DEPARTMENT" });
  const directive = await db.getRepository(Directive).save({
    number: "2315/TB-BQL",
    subject: "V/v rà soát, xin lỗi hồ sơ TTHC quá hạn",
    issuedOn: "2023-11-08",
    periodStart: "2023-01-01",
    periodEnd: "2023-12-31",
    deadline: "2023-11-17",
  });
  const cases = [...models()].map((m, i) => ({
    code: m.caseCode,
    procedureName: m.procedureName,
    applicantName: m.applicantName,
    unitId: unit.id,
    receivedAt: new Date(m.receivedAt.getTime() + i * 60_000),
    dueAt: new Date(m.dueAt.getTime() + i * 60_000),
    resolvedAt: null,
  }));
  for (let i = 0; i < cases.length; i += 200) await db.getRepository(Case).insert(cases.slice(i, i + 200));
  const stored = await db.getRepository(Case).find();
  const apologies = stored.map((c) => ({ caseId: c.id, ...sampleApologyModel(c.code).apology }));
  for (let i = 0; i < apologies.length; i += 200) await db.getRepository(Apology).insert(apologies.slice(i, i + 200));
  return { db, directive };
}

await buildApologyZip([sampleApologyModel("warm-up")], DEFAULT_LETTER_TEXTS);

let started = performance.now();
const zip = await buildApologyZip(models(), DEFAULT_LETTER_TEXTS);
let seconds = (performance.now() - started) / 1000;
console.log(
  `apology letters zip, from models: ${COUNT} letters in ${seconds.toFixed(2)} s ` +
    `(${((seconds * 1000) / COUNT).toFixed(1)} ms per letter), ${mib(zip.length)} MiB`,
);

const { db, directive } = await seeded();
started = performance.now();
const file = await apologyLettersFile(db, directive, null);
seconds = (performance.now() - started) / 1000;
console.log(
  `apology letters zip, from SQLite through the service: ${COUNT} letters in ${seconds.toFixed(2)} s, ` +
    `${mib(file.content.length)} MiB (${file.fileName}), heap ${mib(process.memoryUsage().heapUsed)} MiB`,
);
await db.destroy();
