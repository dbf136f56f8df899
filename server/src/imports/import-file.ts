import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { csvRecords } from "./csv-records.js";
import type { SourceRecord } from "./source-record.js";

export type FileFormat = "csv" | "xlsx";

/** The format a file name says it has; null for anything else (the caller explains). */
export function formatOfFile(path: string): FileFormat | null {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".txt") return "csv";
  if (extension === ".xlsx") return "xlsx";
  return null;
}

/** A CSV file's rows, streamed from disk (an .xlsx is read after its check: import-source.ts). */
export function csvFileRecords(path: string): AsyncIterable<SourceRecord> {
  return csvRecords(createReadStream(path, { highWaterMark: 256 * 1024 }));
}
