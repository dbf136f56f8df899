import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { UnitKind } from "../../../server/src/core/enums.js";
import { runImportCli } from "../../../server/src/imports/import-cli-run.js";
import { runImport } from "../../../server/src/imports/import-run.js";
import { UnreadableFileError, type SourceRecord } from "../../../server/src/imports/source-record.js";
import { bufferBytes, checkXlsxArchive } from "../../../server/src/imports/xlsx-archive-check.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { casesWorkbook, flippedSheetBytes, truncatedWorkbook, withUnlistedPart, zipWithoutSheet } from "./damaged-xlsx.js";
import { ADMIN, importDatabase } from "./import-fixtures.js";

/** Each damaged file and what its one error says. */
const DAMAGED: [string, () => Promise<Buffer>, RegExp][] = [
  ["a few bytes flipped in the sheet's deflate stream", flippedSheetBytes, /part "xl\/worksheets\/sheet1\.xml"/],
  ["cut short", truncatedWorkbook, /not a zip archive|cut short/],
  ["not a zip at all", async () => Buffer.from("code,title\n1,2\n"), /not a zip archive/],
  ["a zip holding no worksheet", zipWithoutSheet, /holds no worksheet/],
];

/** A promise that must settle within `ms`: exceljs's reader never settled on the first file before the fix. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe("damaged .xlsx files, checked whole before any lock", () => {
  it.each(DAMAGED)("refuses a workbook %s with one error on line 1", async (_name, make, message) => {
    const error = await within(3000, checkXlsxArchive(bufferBytes(await make()))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).line).toBe(1);
    expect((error as UnreadableFileError).message).toMatch(message);
  });

  it("accepts the sound workbook the damaged ones were made from", async () => {
    await expect(checkXlsxArchive(bufferBytes(await casesWorkbook()))).resolves.toMatchObject({ firstSheet: "1" });
  });
});

describe.each(testDrivers())("damaged .xlsx through the API on %s", (driver) => {
  let server: TestServer;
  const IMPORT = `mutation ($b: String!) { importCasesXlsx(contentBase64: $b) { created errors { line column message } } }`;

  beforeAll(async () => {
    server = await startTestServer(driver);
    dataOf(await server.gql(`mutation { upsertUnit(input: { code: "VP", name: "Văn phòng", kind: DEPARTMENT }) { id } }`));
  });
  afterAll(() => server?.close());

  it.each(DAMAGED)("answers a workbook %s within seconds, then serves the next write at once", async (_name, make, message) => {
    const b = (await make()).toString("base64");
    const result = dataOf(await within(5000, server.gql(IMPORT, { b }))).importCasesXlsx;
    expect(result).toEqual({ created: 0, errors: [{ line: 1, column: null, message: expect.stringMatching(message) }] });
    // Nothing is left holding the database: a write goes through at once.
    const write = await within(2000, server.gql(`mutation { upsertUnit(input: { code: "QLĐT", name: "Quản lý đầu tư", kind: DEPARTMENT }) { code } }`));
    expect(dataOf(write).upsertUnit).toEqual({ code: "QLĐT" });
    expect(await server.app.db.getRepository(Case).count()).toBe(0);
  });
});

describe.each(testDrivers())("parts stored in a workbook but not listed in its directory, on %s", (driver) => {
  let server: TestServer;
  const IMPORT = `mutation ($b: String!) { importCasesXlsx(contentBase64: $b) { created errors { line message } } }`;

  beforeAll(async () => {
    server = await startTestServer(driver);
    dataOf(await server.gql(`mutation { upsertUnit(input: { code: "VP", name: "Văn phòng", kind: DEPARTMENT }) { id } }`));
  });
  afterAll(() => server?.close());

  it("reads only the parts the check inflated: a second, unlisted sheet1.xml smuggles no row in", async () => {
    const smuggled = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="3">' +
        ["SMUGGLED-1", "P", "A", "VP", "01/11/2023", "17/11/2023"].map((v, i) => `<c r="${"ABCDEF"[i]}3" t="inlineStr"><is><t>${v}</t></is></c>`).join("") +
        "</row></sheetData></worksheet>",
    );
    const zip = await withUnlistedPart(await casesWorkbook(2), "xl/worksheets/sheet1.xml", [smuggled]);
    const result = dataOf(await within(10_000, server.gql(IMPORT, { b: zip.toString("base64") }))).importCasesXlsx;
    expect(result).toEqual({ created: 2, errors: [] });
    expect((await server.app.db.getRepository(Case).find()).map((c) => c.code).sort()).toEqual(["DMG-1", "DMG-2"]);
  });

  it("does not unpack 400 MiB of shared strings hidden behind a directory that declares a few KB", { timeout: 60_000 }, async () => {
    // A review's 7.8 MB workbook hid 3 GiB this way: the server grew to 5.4 GB and died.
    const unit = Buffer.from("<si><t>ab</t></si>".repeat(4096));
    const strings = function* () {
      yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
      for (let i = 0; i < (400 * 1024 * 1024) / unit.length; i += 1) yield unit;
      yield Buffer.from("</sst>");
    };
    const zip = await withUnlistedPart(await casesWorkbook(3), "xl/sharedStrings.xml", strings());
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const result = dataOf(await within(20_000, server.gql(IMPORT, { b: zip.toString("base64") }))).importCasesXlsx;
    expect(result.errors).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });
});

describe.each(testDrivers())("a reader that stalls on %s", (driver) => {
  const database = importDatabase(driver);

  it("is stopped by the read timeout with an error after the last line read, and the database is free again", async () => {
    async function* stalling(): AsyncGenerator<SourceRecord> {
      yield { line: 1, cells: ["code", "procedure_name", "applicant_name", "unit_code", "received_at", "due_at"] };
      yield { line: 2, cells: ["ST-1", "P", "A", "VP", "01/11/2023", "17/11/2023"] };
      await new Promise(() => undefined);
    }
    const outcome = await within(5000, runImport(database.db, "cases", stalling(), { actor: ADMIN, readTimeoutMs: 300 }));
    expect(outcome.errors).toEqual([{ line: 3, column: null, message: expect.stringMatching(/could not be read on from this line within 0\.3 s/) }]);
    await within(2000, database.db.getRepository(Unit).save({ code: "ST", name: "Stalled", kind: UnitKind.DEPARTMENT }));
    expect(await database.db.getRepository(Case).count()).toBe(0);
  });
});

describe("damaged .xlsx on the command line", () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cchc-damaged-xlsx-"));
    const db = await openDatabase({ type: "sqlite", path: join(dir, "cchc.sqlite") });
    await db.getRepository(Unit).save({ code: "VP", name: "Văn phòng", kind: UnitKind.DEPARTMENT });
    await db.destroy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(DAMAGED)("prints the one error of a workbook %s and exits 1", async (_name, make, message) => {
    const file = join(dir, "ho-so.xlsx");
    writeFileSync(file, await make());
    let stdout = "";
    const out = new Writable({ write: (chunk, _e, done) => ((stdout += String(chunk)), done()) });
    const err = new Writable({ write: (_chunk, _e, done) => done() });
    const code = await within(5000, runImportCli(["cases", file], { env: { DATABASE_URL: `sqlite:${join(dir, "cchc.sqlite")}` }, stdout: out, stderr: err }));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ho-so\.xlsx: nothing was imported; 1 problem to correct:\n {2}line 1: The file is not a readable Excel workbook/);
    expect(stdout).toMatch(message);
  });
});
