import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xlsxBufferSource } from "../../../server/src/imports/import-source.js";
import { UnreadableFileError, type SourceRecord } from "../../../server/src/imports/source-record.js";

/** The records as an import reads them: the archive checked whole, then its checked parts read. */
async function* recordsOf(input: Buffer): AsyncGenerator<SourceRecord> {
  const source = xlsxBufferSource(input);
  await source.check();
  yield* source.records();
}

async function all(input: Buffer): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of recordsOf(input)) records.push(record);
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

/** A small workbook's parts, to replace some of them by hand-written XML. */
async function workbookParts(): Promise<Record<string, Uint8Array>> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Hồ sơ").addRow(["x"]);
  return unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
}

describe("xlsx records", () => {
  it("reads the first sheet's rows with their row numbers, dates as Vietnam wall-clock text", async () => {
    expect(await all(await workbook())).toEqual([
      { line: 1, cells: ["Mã hồ sơ", "Ngày hẹn trả", "Ngày tiếp nhận", "Số", "Ghi chú"] },
      { line: 2, cells: ["12345", "2023-11-17", "2023-11-01T08:15:30", "2", "Công ty Hải Đăng"] },
      { line: 4, cells: ["H-02", null, "17/11/2023 16:30"] },
    ]);
  });

  it("reads the cells exceljs's streaming reader misread: ISO dates, rich and phonetic text, rows without r, prefixes, 1904", async () => {
    // Each of these imported silently wrong before (a review's files from openpyxl, SheetJS and Excel).
    const sheetXml = (rows: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    const parts = await workbookParts();
    parts["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<si><t>Lê</t><rPh sb="0" eb="1"><t>PH2</t></rPh></si>` +
        `<si><r><t xml:space="preserve">Nguyễn </t></r><r><rPr><b/></rPr><t>Văn An</t></r></si></sst>`,
    );
    parts["xl/worksheets/sheet1.xml"] = strToU8(
      sheetXml(
        `<row r="1"><c r="A1" t="d"><v>2023-11-01</v></c><c r="B1" t="d"><v>2023-11-01T08:15:00</v></c><c r="C1" s="1"><v>45231</v></c></row>` +
          `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><r><t xml:space="preserve">Công ty </t></r><r><rPr><b/></rPr><t>Hải Đăng</t></r></is></c></row>` +
          `<row><c t="inlineStr"><is><t>no r</t></is></c><c><v>7</v></c><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c></row>` +
          `<row r="9"><c r="C9" t="str"><f>A1&amp;"x"</f><v>ax</v></c></row>`,
      ),
    );
    // Style 1 is the built-in day format 14, the one Excel gives a date typed in a cell.
    parts["xl/styles.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    );
    expect(await all(Buffer.from(zipSync(parts)))).toEqual([
      { line: 1, cells: ["2023-11-01", "2023-11-01T08:15:00", "2023-11-01"] },
      { line: 2, cells: ["Lê", "Nguyễn Văn An", "Công ty Hải Đăng"] },
      // An error is no value: its cell is empty, and the error stands beside it for the columns that read it.
      { line: 3, cells: ["no r", "7", "TRUE"], cellErrors: [undefined, undefined, undefined, "#REF!"] },
      { line: 9, cells: [null, null, "ax"] },
    ]);
    // A workbook that counts from 1904, its sheet written with the x: prefix as the Open XML SDK does.
    parts["xl/workbook.xml"] = strToU8(strFromU8(parts["xl/workbook.xml"]).replace("<workbookPr", '<workbookPr date1904="1"'));
    parts["xl/worksheets/sheet1.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>43769</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    expect(strFromU8(parts["xl/workbook.xml"])).toContain('date1904="1"');
    expect(await all(Buffer.from(zipSync(parts)))).toEqual([{ line: 1, cells: ["2023-11-01"] }]);
  });

  it("refuses a cell past column XFD, or rows out of order, from that row on", async () => {
    const parts = await workbookParts();
    const sheet = (rows: string) =>
      strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    for (const [rows, line, message] of [
      [`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="XFE2"><v>1</v></c></row>`, 2, /past Excel's last column/],
      [`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>`, 2, /not a column and a row/],
      [`<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>`, 6, /row numbered "3" after row 5/],
      [`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></row>`, 2, /cannot be read/],
    ] as const) {
      parts["xl/worksheets/sheet1.xml"] = sheet(rows);
      const read: number[] = [];
      const error = await (async () => {
        for await (const record of recordsOf(Buffer.from(zipSync(parts)))) read.push(record.line);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableFileError);
      expect((error as UnreadableFileError).message).toMatch(message);
      expect((error as UnreadableFileError).line).toBe(line);
      // The rows before it were read first.
      expect(read).toEqual([rows.startsWith('<row r="5"') ? 5 : 1]);
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
    const records = await all(Buffer.from(zipSync(parts)));
    expect(records.map((r) => r.cells)).toEqual([
      ["code", "applicant_name"],
      ["C-1", "Công ty A\nChi nhánh B"],
      ["C-2", "gõ _x0041_ như thế"],
    ]);
  });

  it("keeps every Vietnamese letter of a large sheet whole, wherever the inflated chunks split it", { timeout: 60_000 }, async () => {
    // exceljs's streaming reader decoded each chunk apart: 39 rows of the 100,000-row bench file came out with U+FFFD.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Hồ sơ");
    const name = (i: number) => `Nguyễn Văn Đức ${i}, Công ty Cổ phần Hải Đăng`;
    for (let i = 1; i <= 30_000; i += 1) sheet.addRow([`HS-${i}`, name(i)]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    let rows = 0;
    for await (const record of recordsOf(file)) {
      rows += 1;
      expect(record.cells).toEqual([`HS-${record.line}`, name(record.line)]);
    }
    expect(rows).toBe(30_000);
  });

  it("refuses a file that is not a workbook", async () => {
    const error = await all(Buffer.from("code,title\n1,2\n")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).message).toMatch(/Excel workbook/);
  });
});
