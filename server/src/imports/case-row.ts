import type { HeaderMap } from "./header-matching.js";
import { CASE_COLUMNS } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { momentOf, readCells, textOf } from "./row-reading.js";
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
  const label = (name: string, fallback: string) => header.labels.get(name) ?? fallback;
  if (receivedAt && dueAt && dueAt < receivedAt) {
    errors.push({
      line: record.line,
      column: "due_at",
      message: `"${label("due_at", "Ngày hẹn trả")}" is before "${label("received_at", "Ngày tiếp nhận")}"; a case cannot be due before it was received.`,
    });
  }
  if (receivedAt && resolvedAt && resolvedAt < receivedAt) {
    errors.push({
      line: record.line,
      column: "resolved_at",
      message: `"${label("resolved_at", "Ngày trả kết quả")}" is before "${label("received_at", "Ngày tiếp nhận")}"; a case cannot be resolved before it was received.`,
    });
  }
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
    },
    errors,
  };
}
