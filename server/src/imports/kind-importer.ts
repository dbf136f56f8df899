import type { RowReading } from "./case-row.js";
import type { HeaderMap } from "./header-matching.js";
import type { ImportColumn, ImportKind } from "./import-columns.js";
import type { ImportCounts, ImportError } from "./import-result.js";
import type { ImportSession } from "./import-session.js";
import type { SourceRecord } from "./source-record.js";

/** What a batch of rows would do, found by reading the database; written only if the whole file is sound. */
export interface BatchPlan {
  errors: ImportError[];
  counts: ImportCounts;
  write(): Promise<void>;
}

/** One import format's rules: reading a row, its key, and checking and writing a batch. */
export interface KindImporter<Row> {
  readonly kind: ImportKind;
  readonly columns: readonly ImportColumn[];
  /** The key column's English name: rows are matched on it, and it may appear once per file. */
  readonly keyColumn: string;
  /** What one row is, in messages: "case", "apology", "task". */
  readonly noun: string;
  readRow(record: SourceRecord, header: HeaderMap): RowReading<Row>;
  keyOf(row: Row): string;
  planBatch(rows: readonly Row[], session: ImportSession): Promise<BatchPlan>;
}
