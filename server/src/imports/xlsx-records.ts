import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { UnreadableFileError, type SourceRecord } from "./source-record.js";

/**
 * The rows of an .xlsx file's first sheet, streamed with exceljs's WorkbookReader (the sheet is
 * never held whole). Each row's line is its row number in the sheet; every cell becomes the text
 * the CSV reader would have produced, so one set of rules reads both. `firstSheet` is the N of the
 * part xl/worksheets/sheetN.xml that is the first tab (xlsx-first-sheet.ts, found by the archive's
 * check); without it, the first sheet part stored in the archive is read.
 */
export async function* xlsxRecords(input: string | Readable | Buffer, firstSheet: string | null = null): AsyncGenerator<SourceRecord> {
  const stream: Readable =
    typeof input === "string" ? createReadStream(input) : Buffer.isBuffer(input) ? Readable.from([input]) : input;
  // styles: "cache" gives each cell its number format, the only way to tell a date from a number.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  // Iterated by hand, not with for-await: when the consumer stops early, the rest must still be
  // read, because exceljs parks every sheet stored before the shared strings (Excel's and its own
  // order) in a temporary file and deletes it only once that sheet has been read to its end.
  const sheets = workbook[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row> | null = null;
  let sheetCount = 0;
  let lastRow = 0;
  try {
    for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) {
      sheetCount += 1;
      // exceljs names each sheet it emits by the N of its part (its typings leave `id` out).
      const part = String((sheet.value as unknown as { id?: unknown }).id);
      const wanted = firstSheet === null ? sheetCount === 1 : part === firstSheet;
      rows = sheet.value[Symbol.asyncIterator]();
      for (let row = await rows.next(); !row.done; row = await rows.next()) {
        // The first sheet only; the others are read through and dropped.
        if (!wanted) continue;
        lastRow = row.value.number;
        yield { line: row.value.number, cells: rowCells(row.value) };
      }
      rows = null;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(
      lastRow + 1,
      `The file cannot be read as an Excel workbook (.xlsx) from here on (${(error as Error).message}).`,
    );
  } finally {
    await drain(rows, sheets);
    stream.destroy();
  }
}

function rowCells(row: ExcelJS.Row): (string | null)[] {
  const cells: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(cells, (c) => c ?? null);
}

async function drain(rows: AsyncIterator<unknown> | null, sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>) {
  try {
    if (rows) while (!(await rows.next()).done);
    for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) {
      const rest = sheet.value[Symbol.asyncIterator]();
      while (!(await rest.next()).done);
    }
  } catch {
    // A broken archive was reported already (or the consumer stopped on its own account).
  }
}

/**
 * Excel keeps a date as a day count shown through a format; exceljs hands it back as a Date whose
 * UTC fields are the wall clock written in the sheet, here Vietnam time. A format without hours
 * means a day alone, which the due-date rule reads as 23:59:59.
 */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return wallClockText(value, numFmt);
  if (typeof value === "string") return unescapedText(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return unescapedText(value.richText.map((part) => part.text).join(""));
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === "number" && isDateFormat(numFmt)) {
      return wallClockText(excelSerialToDate(result), numFmt);
    }
    return result === undefined ? null : cellText(result as ExcelJS.CellValue, numFmt);
  }
  if ("text" in value) return typeof value.text === "string" ? value.text : cellText(value.text, numFmt);
  return null;
}

/**
 * OOXML writes a character XML cannot hold, such as a carriage return, as _xHHHH_ (ECMA-376
 * ST_Xstring; Excel writes "_x000D_" for the CR of text pasted from Windows), and a literal
 * "_x…_" typed in a cell with its underscore escaped as _x005F_. exceljs's streaming reader hands
 * the escapes back as they are written; read left to right, both come out as the text typed.
 */
export function unescapedText(text: string): string {
  if (!text.includes("_x")) return text;
  // A carriage return becomes a line break as the CSV reader makes it ("\r\n" and "\r" alike).
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n?/g, "\n");
}

function wallClockText(date: Date, numFmt?: string): string {
  // Sheets store fractions of a day; round away the float noise to the second a person typed.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const iso = rounded.toISOString();
  const hasTime = numFmt === undefined || /[hs]/i.test(stripLiterals(numFmt)) || iso.slice(11, 19) !== "00:00:00";
  return hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

function isDateFormat(numFmt?: string): boolean {
  return numFmt !== undefined && /[ymdhs]/i.test(stripLiterals(numFmt));
}

function stripLiterals(numFmt: string): string {
  return numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
}

function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}
