import type { DataSource, EntityManager } from "typeorm";
import {
  ZERO_COUNTS,
  addCounts,
  scopeWindow,
  type ComplianceCounts,
} from "../domain/compliance.js";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";

export interface DirectivePeriod {
  periodStart: string;
  periodEnd: string;
}

/**
 * The compliance counts of every unit under a directive as of a moment, in two aggregate
 * statements (cases, tasks) whatever the number of units and rows. The WHERE and CASE clauses
 * are the SQL form of server/src/domain/scope.ts; test/server/services/compliance-sql.test.ts holds the
 * two equal on random data, on both drivers.
 */
export async function complianceCountsByUnit(
  db: DataSource | EntityManager,
  directive: DirectivePeriod,
  asOf: Date,
): Promise<Map<number, ComplianceCounts>> {
  const window = scopeWindow(directive.periodStart, directive.periodEnd);
  const from = sqlMoment(window.from);
  const until = sqlMoment(window.until);
  const moment = sqlMoment(asOf);

  // LATE or OVERDUE as of the moment <=> dueAt < moment and not resolved at or before dueAt
  // (a resolution after the moment leaves the case unresolved then, hence still overdue).
  // The two statements are independent: on MariaDB they run at once on two pooled connections
  // (better-sqlite3 runs them one after the other whatever is asked).
  const [caseRows, taskRows]: Record<string, unknown>[][] = await Promise.all([
    db.query(
      `SELECT c.unitId AS unitId,
              COUNT(*) AS overdueCases,
              SUM(CASE WHEN a.issuedAt <= ? THEN 1 ELSE 0 END) AS apologizedCases
         FROM cases c
         LEFT JOIN apologies a ON a.caseId = c.id
        WHERE c.dueAt >= ? AND c.dueAt < ?
          AND c.dueAt < ?
          AND (c.resolvedAt IS NULL OR c.resolvedAt > c.dueAt)
        GROUP BY c.unitId`,
      [moment, from, until, moment],
    ),
    db.query(
      `SELECT t.unitId AS unitId,
              COUNT(*) AS tasks,
              SUM(CASE WHEN t.completionReportedAt <= ? OR t.archivedAt <= ? THEN 1 ELSE 0 END) AS reportedTasks,
              SUM(CASE WHEN t.workFileCreatedAt <= ? THEN 1 ELSE 0 END) AS filedTasks
         FROM hpnet_tasks t
        WHERE t.assignedAt >= ? AND t.assignedAt < ?
          AND t.assignedAt <= ?
        GROUP BY t.unitId`,
      [moment, moment, moment, from, until, moment],
    ),
  ]);

  const byUnit = new Map<number, ComplianceCounts>();
  const entry = (unitId: unknown): ComplianceCounts => {
    const id = Number(unitId);
    let counts = byUnit.get(id);
    if (!counts) {
      counts = { ...ZERO_COUNTS };
      byUnit.set(id, counts);
    }
    return counts;
  };
  for (const row of caseRows) {
    const counts = entry(row.unitId);
    counts.overdueCases = sqlNumber(row.overdueCases);
    counts.apologizedCases = sqlNumber(row.apologizedCases);
  }
  for (const row of taskRows) {
    const counts = entry(row.unitId);
    counts.tasks = sqlNumber(row.tasks);
    counts.reportedTasks = sqlNumber(row.reportedTasks);
    counts.filedTasks = sqlNumber(row.filedTasks);
  }
  return byUnit;
}

export function countsOf(byUnit: Map<number, ComplianceCounts>, unitId: number): ComplianceCounts {
  return byUnit.get(unitId) ?? { ...ZERO_COUNTS };
}

/** The board: every unit together. */
export function boardCounts(byUnit: Map<number, ComplianceCounts>): ComplianceCounts {
  let total = { ...ZERO_COUNTS };
  for (const counts of byUnit.values()) total = addCounts(total, counts);
  return total;
}
