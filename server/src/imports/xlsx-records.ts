import { SHOWN_CHARACTERS } from "./shown-text.js";
import { UnreadableFileError, type SourceRecord } from "./source-record.js";
import type { ByteSource, CheckedPart, XlsxLayout } from "./xlsx-archive-check.js";
import { partNamed, readPartXml } from "./xlsx-part-xml.js";
import { sharedStrings } from "./xlsx-shared-strings.js";
import { cellFormats } from "./xlsx-styles.js";
import { cellText, type RawCell } from "./xlsx-text.js";

/**
 * The rows of an .xlsx file's first sheet, streamed. Only the parts the archive's check inflated
 * are read, each from where the check found its bytes (`layout`, xlsx-archive-check.ts): a part
 * stored in the file but not listed in its directory is never seen. The shared strings and the
 * styles are read first, then the first tab's worksheet row by row (never held whole). Each
 * row's line is its row number in the sheet; each cell becomes the text the CSV reader would
 * have produced (xlsx-text.ts), so one set of rules reads both formats.
 *
 * Read here with a SAX parser rather than exceljs's streaming reader, which stored an ISO date
 * cell (t="d") as 1905, kept only the last run of inline rich text, put a phonetic guide in place
 * of the text, left _x000D_ escapes as they are, refused rows without an `r`, and read the parts
 * in the file's order rather than its directory's.
 */
export async function* xlsxRecords(openBytes: () => Promise<ByteSource>, layout: XlsxLayout): AsyncGenerator<SourceRecord> {
  const bytes = await openBytes();
  let lastRow = 0;
  try {
    const sheet = firstSheetPart(layout);
    if (!sheet) throw new UnreadableFileError(1, "The file is not a readable Excel workbook (.xlsx): it holds no worksheet.");
    const strings = await sharedStrings(bytes, partNamed(layout.parts, "xl/sharedStrings.xml"));
    const formats = await cellFormats(bytes, partNamed(layout.parts, "xl/styles.xml"));
    const rows = sheetRows(strings, formats, layout.date1904);
    for await (const record of readPartXml(bytes, sheet, rows.handlers, rows.completed)) {
      lastRow = record.line;
      yield record;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(
      lastRow + 1,
      `The file cannot be read as an Excel workbook (.xlsx) from here on (${(error as Error).message.slice(0, 4 * SHOWN_CHARACTERS)}).`,
    );
  } finally {
    await bytes.close?.();
  }
}

/** The first tab's worksheet, or else the first worksheet part in the archive's directory. */
function firstSheetPart(layout: XlsxLayout): CheckedPart | undefined {
  const named = layout.firstSheetPath === null ? undefined : partNamed(layout.parts, layout.firstSheetPath);
  return named ?? layout.parts.find((part) => /^xl\/worksheets\/[^/]+\.xml$/i.test(part.name));
}

/** Excel's last column, XFD: a reference past it is damage (or a file made to allocate). */
const MAX_COLUMNS = 16_384;

/**
 * The SAX handlers that turn a worksheet's <row>/<c> elements into records. A row or cell without
 * its `r` reference follows the one before it, as ECMA-376 allows.
 */
function sheetRows(strings: readonly string[], formats: readonly (string | undefined)[], date1904: boolean) {
  let done: SourceRecord[] = [];
  let row: { line: number; cells: (string | null)[]; cellErrors: (string | undefined)[] } | null = null;
  let previousRow = 0;
  let nextColumn = 0;
  let cell: (RawCell & { column: number }) | null = null;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let phoneticDepth = 0;
  const handlers = {
    open(name: string, attributes: Record<string, string>) {
      if (name === "row") {
        const line = attributes.r === undefined ? previousRow + 1 : Number(attributes.r);
        if (!Number.isSafeInteger(line) || line <= previousRow) {
          throw new UnreadableFileError(previousRow + 1, `${UNREADABLE} (a row numbered "${String(attributes.r).slice(0, 20)}" after row ${previousRow}).`);
        }
        row = { line, cells: [], cellErrors: [] };
        nextColumn = 0;
      } else if (name === "c" && row) {
        const column = attributes.r === undefined ? nextColumn : columnIndex(attributes.r, row.line);
        if (column >= MAX_COLUMNS) throw new UnreadableFileError(row.line, `${UNREADABLE} (a cell past Excel's last column, XFD).`);
        const style = attributes.s === undefined ? 0 : Number(attributes.s);
        cell = { column, type: attributes.t ?? "n", value: "", inline: "", format: formats[style] };
      } else if (cell) {
        if (name === "v") inValue = true;
        else if (name === "is") inInline = true;
        else if (name === "rPh") phoneticDepth += 1;
        else if (name === "t") inText = true;
      }
    },
    close(name: string) {
      if (name === "row" && row) {
        const cells = Array.from(row.cells, (c) => c ?? null);
        done.push(row.cellErrors.length === 0 ? { line: row.line, cells } : { line: row.line, cells, cellErrors: row.cellErrors });
        previousRow = row.line;
        row = null;
      } else if (name === "c" && cell && row) {
        const text = cellText(cell, strings, date1904);
        if (text !== null) row.cells[cell.column] = text;
        if (cell.type === "e" && cell.value !== "") row.cellErrors[cell.column] = cell.value.slice(0, 20);
        nextColumn = cell.column + 1;
        cell = null;
      } else if (name === "v") inValue = false;
      else if (name === "is") inInline = false;
      else if (name === "rPh") phoneticDepth -= 1;
      else if (name === "t") inText = false;
    },
    text(text: string) {
      if (!cell) return;
      if (inValue) cell.value += text;
      else if (inInline && inText && phoneticDepth === 0) cell.inline += text;
    },
  };
  const completed = () => {
    const rows = done;
    done = [];
    return rows;
  };
  return { handlers, completed };
}

const UNREADABLE = "The file cannot be read as an Excel workbook (.xlsx) from this row on";

/** The 0-based column of a reference such as "AB12" (27). */
function columnIndex(reference: string, line: number): number {
  const letters = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(reference)?.[1];
  if (letters === undefined) throw new UnreadableFileError(line, `${UNREADABLE} (a cell reference "${reference.slice(0, 20)}" that is not a column and a row).`);
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}
