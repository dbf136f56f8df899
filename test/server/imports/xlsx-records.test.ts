import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { xlsxBufferSource } from "../../../server/src/imports/import-source.js";
import { UnreadableFileError, type SourceRecord } from "../../../server/src/imports/source-record.js";
import { xlsxRecords } from "../../../server/src/imports/xlsx-records.js";

async function all(input: Buffer): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of xlsxRecords(input)) records.push(record);
  return records;
}

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Hồ sơ");
  sheet.addRow(["Mã hồ sơ", "Ngày hẹn trả", "Ngày tiếp nhận", "Số", "Ghi chú"]);
  // Excel keeps wall-clock time; exceljs writes a Date's UTC fields as that wall clock.
  const row = sheet.addRow([
    12345,
    new Date(Date.UTC(2023, 10, 17)),
    new Date(Date.UTC(2023, 10, 1, 8, 15, 30)),
    { formula: "1+1", result: 2 },
    { richText: [{ text: "Công ty " }, { font: { bold: true }, text: "Hải Đăng" }] },
  ]);
  row.getCell(2).numFmt = "dd/mm/yyyy";
  row.getCell(3).numFmt = "dd/mm/yyyy hh:mm:ss";
  sheet.addRow([]);
  sheet.getCell("A4").value = "H-02";
  sheet.getCell("C4").value = "17/11/2023 16:30";
  book.addWorksheet("Other").addRow(["not read"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("xlsx records", () => {
  it("reads the first sheet's rows with their row numbers, dates as Vietnam wall-clock text", async () => {
    expect(await all(await workbook())).toEqual([
      { line: 1, cells: ["Mã hồ sơ", "Ngày hẹn trả", "Ngày tiếp nhận", "Số", "Ghi chú"] },
      { line: 2, cells: ["12345", "2023-11-17", "2023-11-01T08:15:30", "2", "Công ty Hải Đăng"] },
      { line: 4, cells: ["H-02", null, "17/11/2023 16:30"] },
    ]);
  });

  it("leaves no temporary file behind, read whole or dropped after its first rows", async () => {
    // exceljs parks sheets stored before the shared strings in temporary files (under TMPDIR).
    const previous = process.env.TMPDIR;
    const dir = mkdtempSync(join(tmpdir(), "cchc-xlsx-tmp-"));
    process.env.TMPDIR = dir;
    try {
      const file = await workbook();
      expect(await all(file)).toHaveLength(3);
      for await (const record of xlsxRecords(file)) if (record.line >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      // Assigning undefined would store the text "undefined" (process.env holds strings only).
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads Excel's _xHHHH_ escapes as the text typed: a pasted carriage return, a literal _x…_", async () => {
    // Excel writes the CR of text pasted from Windows as _x000D_; a review found it stored as those seven characters.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hồ sơ");
    sheet.addRow(["code", "applicant_name"]);
    sheet.addRow(["C-1", "Công ty AQQCRQQChi nhánh B"]);
    sheet.addRow(["C-2", "gõ QQUSQQ0041_ như thế"]);
    const parts = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
    const strings = strFromU8(parts["xl/sharedStrings.xml"]);
    expect(strings).toContain("QQCRQQ");
    parts["xl/sharedStrings.xml"] = strToU8(strings.replace("QQCRQQ", "_x000D_\n").replace("QQUSQQ", "_x005F_x"));
    // Read as an import reads it: checked, then rebuilt of the checked parts (xlsx-checked-stream.ts).
    const source = xlsxBufferSource(Buffer.from(zipSync(parts)));
    await source.check();
    const records: SourceRecord[] = [];
    for await (const record of source.records()) records.push(record);
    expect(records.map((r) => r.cells)).toEqual([
      ["code", "applicant_name"],
      ["C-1", "Công ty A\nChi nhánh B"],
      ["C-2", "gõ _x0041_ như thế"],
    ]);
  });

  it("refuses a file that is not a workbook", async () => {
    const error = await all(Buffer.from("code,title\n1,2\n")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).message).toMatch(/Excel workbook/);
  });
});
