import { HpNetTask } from "../entities/hpnet-task.entity.js";
import { sameValue, selectByKeys, upsertRows } from "./batched-upsert.js";
import { TASK_COLUMNS } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { unknownUnitMessage, type ImportSession } from "./import-session.js";
import type { BatchPlan, KindImporter } from "./kind-importer.js";
import { readTaskRow, type TaskRow } from "./task-row.js";

const WRITTEN = [
  "title",
  "unitId",
  "assignee",
  "assignedAt",
  "dueAt",
  "completionReportedAt",
  "archivedAt",
  "workFileCode",
  "workFileCreatedAt",
] as const;

/** importHpNetTasks: HpNet's work items, matched on their HpNet id. */
export const hpnetTasksImporter: KindImporter<TaskRow> = {
  kind: "tasks",
  columns: TASK_COLUMNS,
  keyColumn: "external_id",
  noun: "task",
  readRow: readTaskRow,
  keyOf: (row) => row.externalId,

  async planBatch(rows: readonly TaskRow[], session: ImportSession): Promise<BatchPlan> {
    const keys = rows.map((r) => r.externalId);
    const stored = await selectByKeys(session.manager, HpNetTask, ["externalId", ...WRITTEN], "externalId", keys);
    const byExternalId = new Map(stored.map((t) => [t.externalId, t]));
    const errors: ImportError[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const writes: Partial<HpNetTask>[] = [];
    for (const row of rows) {
      const unit = session.unitByCode(row.unitCode);
      const existing = byExternalId.get(row.externalId);
      const rowErrors: ImportError[] = [];
      if (!unit) {
        rowErrors.push({
          line: row.line,
          column: "unit_code",
          message: unknownUnitMessage(row.unitCode),
        });
      } else if (!session.mayWrite(unit.id)) {
        rowErrors.push({
          line: row.line,
          column: "unit_code",
          message: `You may import only your own unit's tasks (unit ${session.ownUnitCode()}); this row is for unit ${unit.code}.`,
        });
      }
      if (existing && !session.mayWrite(existing.unitId)) {
        rowErrors.push({
          line: row.line,
          column: "external_id",
          message: `Task "${row.externalId}" belongs to unit ${session.unitCodeOf(existing.unitId)}; you may import only your own unit's tasks (unit ${session.ownUnitCode()}).`,
        });
      }
      if (rowErrors.length > 0 || !unit) {
        errors.push(...rowErrors);
        continue;
      }
      const values: Partial<HpNetTask> = {
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
      };
      if (!existing) {
        counts.created += 1;
        writes.push(values);
      } else if (WRITTEN.some((field) => !sameValue(existing[field], values[field]))) {
        counts.updated += 1;
        writes.push(values);
      } else {
        counts.unchanged += 1;
      }
    }
    return {
      errors,
      counts,
      write: () => upsertRows(session.manager, HpNetTask, writes, ["externalId", ...WRITTEN], "externalId"),
    };
  },
};
