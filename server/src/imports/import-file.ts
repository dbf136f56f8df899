import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { csvRecords } from "./csv-records.js";
import type { SourceRecord } from "./source-record.js";
import { xlsxRecords } from "./xlsx-records.js";

export type FileFormat = "csv" | "xlsx";

/** The format a file name says it has; null for anything else (the caller explains). */
export function formatOfFile(path: string): FileFormat | null {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".txt") return "csv";
  if (extension === ".xlsx") return "xlsx";
  return null;
}

/** A file's rows, streamed from disk in either format; `firstSheet` as the .xlsx check found it (xlsx-first-sheet.ts). */
export function recordsOfFile(path: string, format: FileFormat, firstSheet: string | null = null): AsyncIterable<SourceRecord> {
  return format === "csv" ? csvRecords(createReadStream(path, { highWaterMark: 256 * 1024 })) : xlsxRecords(path, firstSheet);
}
