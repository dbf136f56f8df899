import { caseDateProblems } from "../domain/case-rules.js";
import type { HeaderMap } from "./header-matching.js";
import { CASE_COLUMNS } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { momentOf, readCells, textOf } from "./row-reading.js";
import { importErrorsOf } from "./rule-problem-errors.js";
import type { SourceRecord } from "./source-record.js";

/** A row of the cases file that is sound on its own; the unit's existence is the importer's check. */
export interface CaseRow {
  line: number;
  code: string;
  procedureName: string;
  applicantName: string;
  unitCode: string;
  receivedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  /** The file's header, to name its columns in the errors found against the database. */
  header: HeaderMap;
}

export interface RowReading<T> {
  row: T | null;
  errors: ImportError[];
}

export function readCaseRow(record: SourceRecord, header: HeaderMap): RowReading<CaseRow> {
  const { values, errors } = readCells(record, CASE_COLUMNS, header);
  const receivedAt = momentOf(values.received_at);
  const dueAt = momentOf(values.due_at);
  const resolvedAt = momentOf(values.resolved_at);
  errors.push(...importErrorsOf(caseDateProblems({ receivedAt, dueAt, resolvedAt }), record.line, header, CASE_COLUMNS, errors));
  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      line: record.line,
      code: textOf(values.code)!,
      procedureName: textOf(values.procedure_name)!,
      applicantName: textOf(values.applicant_name)!,
      unitCode: textOf(values.unit_code)!,
      receivedAt: receivedAt!,
      dueAt: dueAt!,
      resolvedAt,
      header,
    },
    errors,
  };
}
