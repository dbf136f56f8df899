import { HPNET_TASK_WRITTEN_FIELDS, HpNetTask } from "../entities/hpnet-task.entity.js";
import { TASK_COLUMNS } from "./import-columns.js";
import { readTaskRow } from "./task-row.js";
import { unitOwnedImporter } from "./unit-owned-importer.js";

/** importHpNetTasks: HpNet's work items, matched on their HpNet id. */
export const hpnetTasksImporter = unitOwnedImporter({
  kind: "tasks",
  columns: TASK_COLUMNS,
  keyColumn: "external_id",
  noun: "task",
  readRow: readTaskRow,
  keyOf: (row) => row.externalId,
  table: {
    entity: HpNetTask,
    key: "externalId",
    written: HPNET_TASK_WRITTEN_FIELDS,
  },
  values: (row, unit) => ({
    externalId: row.externalId,
    title: row.title,
    unitId: unit.id,
    assignee: row.assignee,
    assignedAt: row.assignedAt,
    dueAt: row.dueAt,
    completionReportedAt: row.completionReportedAt,
    archivedAt: row.archivedAt,
    workFileCode: row.workFileCode,
    workFileCreatedAt: row.workFileCreatedAt,
  }),
});
