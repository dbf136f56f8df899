import { publicationProblems } from "../domain/apology-rules.js";
import type { RowReading } from "./case-row.js";
import type { HeaderMap } from "./header-matching.js";
import { APOLOGY_COLUMNS } from "./import-columns.js";
import { momentOf, readCells, textOf } from "./row-reading.js";
import { importErrorsOf } from "./rule-problem-errors.js";
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
  /** The file's header, to name its columns in the errors found against the database. */
  header: HeaderMap;
}

export function readApologyRow(record: SourceRecord, header: HeaderMap): RowReading<ApologyRow> {
  const { values, errors } = readCells(record, APOLOGY_COLUMNS, header);
  const number = textOf(values.number);
  const issuedAt = momentOf(values.issued_at);
  const publishedAt = momentOf(values.published_at);
  if (number !== null && issuedAt !== null && publishedAt !== null) {
    errors.push(...importErrorsOf(publicationProblems({ number, issuedAt }, publishedAt), record.line, header, APOLOGY_COLUMNS, errors));
  }
  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      line: record.line,
      caseCode: textOf(values.case_code)!,
      number: number!,
      issuedAt: issuedAt!,
      reason: textOf(values.reason)!,
      newDueAt: momentOf(values.new_due_at)!,
      signer: textOf(values.signer)!,
      publishedAt,
      header,
    },
    errors,
  };
}
