import type { RowReading } from "./case-row.js";
import type { HeaderMap } from "./header-matching.js";
import { APOLOGY_COLUMNS } from "./import-columns.js";
import { momentOf, readCells, textOf } from "./row-reading.js";
import type { SourceRecord } from "./source-record.js";

/** A row of the apologies file that is sound on its own; the case rules are the importer's checks. */
export interface ApologyRow {
  line: number;
  caseCode: string;
  number: string;
  issuedAt: Date;
  reason: string;
  newDueAt: Date;
  signer: string;
  publishedAt: Date | null;
}

export function readApologyRow(record: SourceRecord, header: HeaderMap): RowReading<ApologyRow> {
  const { values, errors } = readCells(record, APOLOGY_COLUMNS, header);
  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      line: record.line,
      caseCode: textOf(values.case_code)!,
      number: textOf(values.number)!,
      issuedAt: momentOf(values.issued_at)!,
      reason: textOf(values.reason)!,
      newDueAt: momentOf(values.new_due_at)!,
      signer: textOf(values.signer)!,
      publishedAt: momentOf(values.published_at),
    },
    errors,
  };
}
