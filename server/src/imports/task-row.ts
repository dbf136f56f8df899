import { workFileProblems } from "../domain/task-rules.js";
import type { RowReading } from "./case-row.js";
import type { HeaderMap } from "./header-matching.js";
import { TASK_COLUMNS } from "./import-columns.js";
import { momentOf, readCells, textOf } from "./row-reading.js";
import { importErrorsOf } from "./rule-problem-errors.js";
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
  // The API (upsertHpNetTask) refuses a date without a code too: the import may not store what the API would refuse.
  errors.push(...importErrorsOf(workFileProblems(workFileCode, workFileCreatedAt), record.line, header, TASK_COLUMNS, errors));
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
