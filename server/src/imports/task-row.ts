import type { RowReading } from "./case-row.js";
import type { HeaderMap } from "./header-matching.js";
import { TASK_COLUMNS } from "./import-columns.js";
import { momentOf, readCells, textOf } from "./row-reading.js";
import type { SourceRecord } from "./source-record.js";

/** A row of the HpNet tasks file that is sound on its own; the unit's existence is the importer's check. */
export interface TaskRow {
  line: number;
  externalId: string;
  title: string;
  unitCode: string;
  assignee: string | null;
  assignedAt: Date;
  dueAt: Date | null;
  completionReportedAt: Date | null;
  archivedAt: Date | null;
  workFileCode: string | null;
  workFileCreatedAt: Date | null;
}

export function readTaskRow(record: SourceRecord, header: HeaderMap): RowReading<TaskRow> {
  const { values, errors } = readCells(record, TASK_COLUMNS, header);
  const workFileCode = textOf(values.work_file_code);
  const workFileCreatedAt = momentOf(values.work_file_created_at);
  const label = (name: string, fallback: string) => header.labels.get(name) ?? fallback;
  const codeLabel = label("work_file_code", "Ký hiệu hồ sơ");
  const createdLabel = label("work_file_created_at", "Ngày lập hồ sơ");
  // The format requires the date with a code; the API (upsertHpNetTask) also refuses a date without
  // a code, and the import may not store what the API would refuse.
  if (workFileCode !== null && workFileCreatedAt === null && !hasError(errors, "work_file_created_at")) {
    errors.push({
      line: record.line,
      column: "work_file_created_at",
      message: `"${createdLabel}" is empty but "${codeLabel}" is given; a work file needs the date it was created.`,
    });
  }
  if (workFileCode === null && workFileCreatedAt !== null && !hasError(errors, "work_file_code")) {
    errors.push({
      line: record.line,
      column: "work_file_code",
      message: `"${codeLabel}" is empty but "${createdLabel}" is given; a work file needs its code.`,
    });
  }
  if (errors.length > 0) return { row: null, errors };
  return {
    row: {
      line: record.line,
      externalId: textOf(values.external_id)!,
      title: textOf(values.title)!,
      unitCode: textOf(values.unit_code)!,
      assignee: textOf(values.assignee),
      assignedAt: momentOf(values.assigned_at)!,
      dueAt: momentOf(values.due_at),
      completionReportedAt: momentOf(values.completion_reported_at),
      archivedAt: momentOf(values.archived_at),
      workFileCode,
      workFileCreatedAt,
    },
    errors,
  };
}

function hasError(errors: readonly { column: string | null }[], column: string): boolean {
  return errors.some((e) => e.column === column);
}
