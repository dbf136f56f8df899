import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { runImportCli } from "../../../server/src/imports/import-cli-run.js";
import { UnreadableFileError } from "../../../server/src/imports/source-record.js";
import { bufferBytes, checkXlsxArchive } from "../../../server/src/imports/xlsx-archive-check.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { casesWorkbook, entryData } from "./damaged-xlsx.js";
import { seedUnits } from "./import-fixtures.js";

const HEADER = "code,procedure_name,applicant_name,unit_code,received_at,due_at\n";
const RESULT = "created updated unchanged errors { line column message } errorCount";

/** A cases file whose every data row is "x": five required cells empty, and (from the second on) a repeated code. */
const xRows = (rows: number) => HEADER + "x\n".repeat(rows);
/** Errors of xRows(rows): 5 per row, plus a duplicate key on every row after the first. */
const xErrors = (rows: number) => 5 * rows + (rows - 1);

const goodRows = (rows: number, prefix = "LIM") =>
  HEADER + Array.from({ length: rows }, (_, i) => `${prefix}-${i + 1},P,A,VP,01/11/2023,17/11/2023\n`).join("");

/** The errors as the contract orders them: by line, then the format's column order. */
function expectLineOrder(errors: { line: number }[]) {
  for (let i = 1; i < errors.length; i += 1) expect(errors[i].line).toBeGreaterThanOrEqual(errors[i - 1].line);
}

/** Samples the process's heap while `work` runs: the highest figure above the one at the start, in MB. */
async function heapGrowth<T>(work: () => Promise<T>): Promise<{ value: T; growthMb: number }> {
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, growthMb: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** A small .xlsx (a few hundred KB) of the cases header and `rows` rows of "x", written as a stream. */
async function xRowsWorkbook(rows: number, dir: string): Promise<Buffer> {
  const file = join(dir, `x-${rows}.xlsx`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = book.addWorksheet("Hồ sơ");
  sheet.addRow(HEADER.trim().split(",")).commit();
  for (let i = 0; i < rows; i += 1) sheet.addRow(["x"]).commit();
  sheet.commit();
  await book.commit();
  return readFileSync(file);
}

describe.each(testDrivers())("errors capped, limits held, through the API on %s", (driver) => {
  let server: TestServer;
  let dir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedUnits(server.app.db);
    dir = mkdtempSync(join(tmpdir(), "cchc-import-limits-"));
  });
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith("CCHC_IMPORT_")) delete process.env[name];
    Object.assign(process.env, saved);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importCases = async (csv: string) =>
    dataOf(await server.gql(`mutation ($csv: String!) { importCases(csv: $csv) { ${RESULT} } }`, { csv })).importCases;
  const importCasesXlsx = async (bytes: Buffer) =>
    dataOf(await server.gql(`mutation ($b: String!) { importCasesXlsx(contentBase64: $b) { ${RESULT} } }`, { b: bytes.toString("base64") }))
      .importCasesXlsx;

  it("checks every row of 200 KB of bad rows but answers the first 1,000 errors in line order and counts them all", async () => {
    const rows = 100_000;
    const { value: result, growthMb } = await heapGrowth(() => importCases(xRows(rows)));
    expect(result.errorCount).toBe(xErrors(rows));
    expect(result.errors).toHaveLength(1000);
    expect(result.errors[0]).toEqual({ line: 2, column: "procedure_name", message: '"procedure_name" is empty; it is required.' });
    expect(result.errors[999].line).toBe(2 + Math.floor(999 / 6) + 0);
    expectLineOrder(result.errors);
    // 600,000 errors used to be kept (and sent) whole: a 58 MB answer and hundreds of MB of memory.
    // (The peak counts garbage too, so a larger file here measures the collector's timing, not the cap:
    // 150,000 rows once peaked at 226 MB on an idle CI machine. The 3 MB file below is the issue's own.)
    expect(growthMb).toBeLessThan(200);
    expect(await server.app.db.getRepository(Case).count()).toBe(0);
  }, 120_000);

  it("does the same for a small .xlsx of 300,000 bad rows", async () => {
    if (driver !== "sqlite") return; // reading the sheet is the same on both drivers; it is slow enough once
    const rows = 300_000;
    const workbook = await xRowsWorkbook(rows, dir);
    expect(workbook.length).toBeLessThan(2 * 1024 * 1024);
    const { value: result, growthMb } = await heapGrowth(() => importCasesXlsx(workbook));
    expect(result.errorCount).toBe(xErrors(rows));
    expect(result.errors).toHaveLength(1000);
    expectLineOrder(result.errors);
    expect(growthMb).toBeLessThan(200);
  }, 300_000);

  it("answers the 3 MB file of bad rows that used to kill the process, at the default limits, and goes on serving", async () => {
    if (driver !== "sqlite") return; // no row is valid, so none reaches the database: once is enough
    const rows = 1_500_000; // 3 MB of "x\n": "Invalid string length" and a dead process before the cap
    const { value: result, growthMb } = await heapGrowth(() => importCases(xRows(rows)));
    expect(result.errorCount).toBe(1);
    expect(result.errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/^The file has more than 1,000,000 data rows/) }]);
    expect(growthMb).toBeLessThan(300);
    expect(await server.app.db.getRepository(Case).count()).toBe(0);
    expect(dataOf(await server.gql("{ units { code } }")).units.length).toBeGreaterThan(0);
  }, 400_000);

  it("refuses a file of more rows than the limit whole, with one error naming it, and takes one at the limit", async () => {
    process.env.CCHC_IMPORT_MAX_ROWS = "5";
    expect(await importCases(goodRows(6))).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [{ line: 1, column: null, message: expect.stringMatching(/^The file has more than 5 data rows; an import through the API takes at most 5\./) }],
      errorCount: 1,
    });
    expect(await server.app.db.getRepository(Case).count()).toBe(0);
    expect(await importCases(goodRows(5))).toMatchObject({ created: 5, errorCount: 0 });
  });

  it("refuses CSV text over the size limit with one error naming it", async () => {
    process.env.CCHC_IMPORT_MAX_CSV_BYTES = String(1024 * 1024);
    const result = await importCases(goodRows(40_000, "BIG"));
    expect(result).toMatchObject({ created: 0, errorCount: 1 });
    expect(result.errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/^The CSV text is [\d.]+ MiB; an import through the API takes at most 1 MiB/) }]);
  });

  it("refuses an .xlsx that would unpack beyond the limit with one error naming it", async () => {
    process.env.CCHC_IMPORT_MAX_XLSX_UNPACKED_BYTES = String(8 * 1024);
    const result = await importCasesXlsx(await casesWorkbook(200));
    expect(result).toMatchObject({ created: 0, errorCount: 1 });
    expect(result.errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/^The workbook would unpack to [\d.]+ KiB; an import through the API takes workbooks of at most 8 KiB unpacked\./) }]);
  });
});

describe("a workbook that lies about its size", () => {
  it("is refused as damaged as soon as a part unpacks past what its directory declares", async () => {
    const zip = Buffer.from(await casesWorkbook(2000));
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    // The central directory's entry for the sheet: declare 100 bytes unpacked.
    for (let at = zip.indexOf(name); at !== -1; at = zip.indexOf(name, at + 1)) {
      if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(100, at - 46 + 24);
    }
    expect(entryData(zip, "xl/worksheets/sheet1.xml").length).toBeGreaterThan(100);
    const error = await checkXlsxArchive(bufferBytes(zip), 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as Error).message).toMatch(/part "xl\/worksheets\/sheet1\.xml" is longer than its directory says/);
  });
});

describe("the command line with more than 1,000 errors", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cchc-import-cap-cli-"));
    env = { DATABASE_URL: `sqlite:${join(dir, "cchc.sqlite")}` };
    const db = await openDatabase({ type: "sqlite", path: join(dir, "cchc.sqlite") });
    await seedUnits(db);
    await db.destroy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the first 1,000 and the total, and --json gives errorCount", async () => {
    const file = join(dir, "x.csv");
    writeFileSync(file, xRows(400));
    let stdout = "";
    const out = new Writable({ write: (chunk, _e, done) => ((stdout += String(chunk)), done()) });
    const err = new Writable({ write: (_chunk, _e, done) => done() });
    expect(await runImportCli(["cases", file], { env, stdout: out, stderr: err })).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`x.csv: nothing was imported; ${xErrors(400).toLocaleString("en-US")} problems to correct (the first 1,000 listed):`);
    expect(lines).toHaveLength(1 + 1000);
    stdout = "";
    expect(await runImportCli(["cases", file, "--json"], { env, stdout: out, stderr: err })).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.errorCount).toBe(xErrors(400));
    expect(json.errors).toHaveLength(1000);
  });
});
