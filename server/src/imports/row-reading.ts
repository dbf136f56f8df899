import type { HeaderMap } from "./header-matching.js";
import type { ImportColumn } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { parseMoment } from "./moment-parsing.js";
import { cleanCell, type SourceRecord } from "./source-record.js";

export type CellValue = string | Date | null;

export interface ReadCells {
  /** Every column of the format by its English name; absent columns and blank or unreadable cells are null. */
  values: Record<string, CellValue>;
  errors: ImportError[];
}

/** Reads one row's cells by the format: required cells present, moments real, text within its length. */
export function readCells(record: SourceRecord, columns: readonly ImportColumn[], header: HeaderMap): ReadCells {
  const values: Record<string, CellValue> = {};
  const errors: ImportError[] = [];
  for (const column of columns) {
    values[column.name] = null;
    const position = header.positions.get(column.name);
    const text = position === undefined ? null : cleanCell(record.cells[position]);
    const label = header.labels.get(column.name) ?? column.vietnamese;
    const fail = (message: string) => errors.push({ line: record.line, column: column.name, message });
    const excelError = position === undefined ? undefined : record.cellErrors?.[position];
    if (excelError !== undefined) {
      fail(`"${label}" holds Excel's error ${excelError}, from a formula that failed: enter the value itself, or correct the formula.`);
      continue;
    }
    if (text === null) {
      if (column.required) fail(`"${label}" is empty; it is required.`);
      continue;
    }
    if (column.type === "text") {
      const length = [...text].length;
      if (column.maxLength !== undefined && length > column.maxLength) {
        fail(`"${label}" is ${length} characters long; at most ${column.maxLength} fit.`);
        continue;
      }
      values[column.name] = text;
      continue;
    }
    const reading = parseMoment(text, column.type === "due-moment" ? "end-of-day" : "start-of-day");
    if (reading.ok) values[column.name] = reading.moment;
    else fail(`"${label}": ${reading.message}`);
  }
  return { values, errors };
}

/** A moment-valued cell; readCells put a Date there or nothing. */
export const momentOf = (value: CellValue): Date | null => (value instanceof Date ? value : null);
export const textOf = (value: CellValue): string | null => (typeof value === "string" ? value : null);
