import type { DataSource } from "typeorm";
import { compareAssignees, type AssigneeCounts } from "../domain/assignee-stats.js";
import { scopeWindow } from "../domain/compliance.js";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";
import type { UnitKind } from "../core/enums.js";
import { compareCodePoints } from "../domain/code-order.js";
import type { DirectivePeriod } from "./compliance.sql.js";

export interface AssigneeStatsRow extends AssigneeCounts {
  unit: { id: number; code: string; name: string; kind: UnitKind };
}

/**
 * The directive's HpNet tasks in scope as of a moment, counted per (unit, assignee) in one
 * aggregate statement whatever the number of people; the WHERE and CASE clauses are those of
 * complianceCountsByUnit (compliance.sql.ts), so a unit's people add up to its Compliance.
 * Ordered as the contract says: unit code (binary), then assignee in code points, null last.
 */
export async function assigneeStats(
  db: DataSource,
  directive: DirectivePeriod,
  asOf: Date,
  unitId?: number,
): Promise<AssigneeStatsRow[]> {
  const window = scopeWindow(directive.periodStart, directive.periodEnd);
  const moment = sqlMoment(asOf);
  // The database's Vietnamese collation is case-insensitive: grouping by it would merge "An" and
  // "AN" into one person. Stored assignees are trimmed, so utf8mb4_bin's space padding changes nothing.
  const assignee = db.options.type === "mysql" ? "t.assignee COLLATE utf8mb4_bin" : "t.assignee";
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT t.unitId AS unitId, u.code AS unitCode, u.name AS unitName, u.kind AS unitKind,
            ${assignee} AS assignee,
            COUNT(*) AS tasks,
            SUM(CASE WHEN t.completionReportedAt <= ? OR t.archivedAt <= ? THEN 1 ELSE 0 END) AS reportedTasks,
            SUM(CASE WHEN t.workFileCreatedAt <= ? THEN 1 ELSE 0 END) AS filedTasks
       FROM hpnet_tasks t
       JOIN units u ON u.id = t.unitId
      WHERE t.assignedAt >= ? AND t.assignedAt < ?
        AND t.assignedAt <= ?
        ${unitId === undefined ? "" : "AND t.unitId = ?"}
      GROUP BY t.unitId, u.code, u.name, u.kind, ${assignee}`,
    [moment, moment, moment, sqlMoment(window.from), sqlMoment(window.until), moment, ...(unitId === undefined ? [] : [unitId])],
  );
  return rows
    .map((row) => ({
      unitId: Number(row.unitId),
      unit: {
        id: Number(row.unitId),
        code: String(row.unitCode),
        name: String(row.unitName),
        kind: row.unitKind as UnitKind,
      },
      assignee: row.assignee === null ? null : String(row.assignee),
      tasks: sqlNumber(row.tasks),
      reportedTasks: sqlNumber(row.reportedTasks),
      filedTasks: sqlNumber(row.filedTasks),
    }))
    .sort(
      (a, b) => compareCodePoints(a.unit.code, b.unit.code) || compareAssignees(a.assignee, b.assignee, compareCodePoints),
    );
}
