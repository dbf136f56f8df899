import type { DataSource, EntityManager } from "typeorm";
import { ZERO_COUNTS, addCounts, scopeWindow, type ComplianceCounts } from "../domain/compliance.js";
import { accumulate, type DayIncrement } from "../domain/progress.js";
import { VIETNAM_OFFSET_MS, addDays, type VietnamDay } from "../domain/vietnam-time.js";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";
import type { DirectivePeriod } from "./compliance.sql.js";

/** The counts at the end of each day of a series, per unit id. */
export type UnitSeries = Map<number, { day: VietnamDay; counts: ComplianceCounts }[]>;

/**
 * SQL that names the Vietnam day ("YYYY-MM-DD") a stored UTC moment falls on, on either driver.
 * `justAfter` names the day of the moment one millisecond later: a case is overdue only once the
 * moment is strictly after its dueAt, so a dueAt of 23:59:59.999 is first overdue the next day.
 */
function dayOf(mysql: boolean, column: string, justAfter = false): string {
  if (mysql) {
    const shifted = `DATE_ADD(${column}, INTERVAL ${(VIETNAM_OFFSET_MS + (justAfter ? 1 : 0)) * 1000} MICROSECOND)`;
    return `DATE_FORMAT(${shifted}, '%Y-%m-%d')`;
  }
  return `strftime('%Y-%m-%d', ${column}, '+${VIETNAM_OFFSET_MS / 3_600_000} hours'${justAfter ? ", '+0.001 seconds'" : ""})`;
}

/**
 * Every unit's compliance counts at the end of each Vietnam day from..until, in ONE statement
 * whatever the length of the series: each row's day of entering each count (the scope rules of
 * server/src/domain/scope.ts turned into moments) is bucketed per unit and day by SQL, and the
 * buckets are accumulated here. Each branch counts its own buckets (GROUP BY inside it), so the outer
 * sum adds a few thousand bucket rows instead of grouping one row per case and task again. Entering moments, as of a moment M (M = a day's 23:59:59.999):
 * - a case in scope (dueAt in the period, whatever M) is LATE or OVERDUE iff dueAt < M and it was
 *   not resolved at or before dueAt: it enters overdueCases on the day of dueAt + 1 ms;
 * - apologizedCases on the later of that day and its apology's issuedAt day (an apology issued
 *   before dueAt counts only once the case is overdue);
 * - a task in scope (assignedAt in the period) enters tasks on its assignedAt day (scope is "at or
 *   before M");
 * - reportedTasks on the later of that day and the earlier of its report and archiving days (a
 *   report dated before the assignment counts from the assignment);
 * - filedTasks on the later of the assignedAt day and the work file's day.
 * The later of two moments falls on the later of their days, so taking the later day is exact.
 * test/server/services/progress.test.ts holds every point equal to compliance(asOf:) on both drivers.
 */
export async function progressCountsByUnit(
  db: DataSource | EntityManager,
  directive: DirectivePeriod,
  from: VietnamDay,
  until: VietnamDay,
  unitId?: number,
): Promise<UnitSeries> {
  const mysql = ("connection" in db ? db.connection : db).options.type === "mysql";
  const earlier = mysql ? "LEAST" : "MIN";
  const window = scopeWindow(directive.periodStart, directive.periodEnd);
  const caseScope = `c.dueAt >= ? AND c.dueAt < ? AND (c.resolvedAt IS NULL OR c.resolvedAt > c.dueAt)${unitId === undefined ? "" : " AND c.unitId = ?"}`;
  const taskScope = `t.assignedAt >= ? AND t.assignedAt < ?${unitId === undefined ? "" : " AND t.unitId = ?"}`;
  const scopeParams = [sqlMoment(window.from), sqlMoment(window.until), ...(unitId === undefined ? [] : [unitId])];
  const reportedAt = `${earlier}(COALESCE(t.completionReportedAt, t.archivedAt), COALESCE(t.archivedAt, t.completionReportedAt))`;
  const reportedDay = `${earlier}(COALESCE(${dayOf(mysql, "t.completionReportedAt")}, ${dayOf(mysql, "t.archivedAt")}), COALESCE(${dayOf(mysql, "t.archivedAt")}, ${dayOf(mysql, "t.completionReportedAt")}))`;
  const apologyAt = "CASE WHEN a.issuedAt > c.dueAt THEN a.issuedAt ELSE c.dueAt END";
  // SQLite stores moments as "YYYY-MM-DD HH:MM:SS.SSS" UTC text: the Vietnam day is the UTC day, or the
  // next one from 17:00 UTC (16:59:59.999 for "just after" a dueAt). Cutting the text is several times
  // faster than strftime over 200,000 rows; the day is completed here (shift 1 = the next day).
  const buckets = mysql
    ? {
        overdue: [dayOf(true, "c.dueAt", true), "0"],
        apology: [`GREATEST(${dayOf(true, "c.dueAt", true)}, ${dayOf(true, "a.issuedAt")})`, "0"],
        task: [dayOf(true, "t.assignedAt"), "0"],
        reported: [`GREATEST(${dayOf(true, "t.assignedAt")}, ${reportedDay})`, "0"],
        filed: [`GREATEST(${dayOf(true, "t.assignedAt")}, ${dayOf(true, "t.workFileCreatedAt")})`, "0"],
      }
    : {
        overdue: ["substr(c.dueAt, 1, 10)", "substr(c.dueAt, 12) >= '16:59:59.999'"],
        apology: [
          `substr(${apologyAt}, 1, 10)`,
          "CASE WHEN a.issuedAt > c.dueAt THEN substr(a.issuedAt, 12) >= '17' ELSE substr(c.dueAt, 12) >= '16:59:59.999' END",
        ],
        task: ["substr(t.assignedAt, 1, 10)", "substr(t.assignedAt, 12) >= '17'"],
        reported: [`substr(MAX(t.assignedAt, ${reportedAt}), 1, 10)`, `substr(MAX(t.assignedAt, ${reportedAt}), 12) >= '17'`],
        filed: ["substr(MAX(t.assignedAt, t.workFileCreatedAt), 1, 10)", "substr(MAX(t.assignedAt, t.workFileCreatedAt), 12) >= '17'"],
      };

  const rows: Record<string, unknown>[] = await db.query(
    `SELECT e.unitId AS unitId, e.day AS day, e.shift AS shift,
            SUM(e.o) AS overdueCases, SUM(e.a) AS apologizedCases,
            SUM(e.t) AS tasks, SUM(e.r) AS reportedTasks, SUM(e.f) AS filedTasks
       FROM (
         SELECT c.unitId AS unitId, ${buckets.overdue[0]} AS day, ${buckets.overdue[1]} AS shift, COUNT(*) AS o, 0 AS a, 0 AS t, 0 AS r, 0 AS f
           FROM cases c WHERE ${caseScope} GROUP BY 1, 2, 3
         UNION ALL
         SELECT c.unitId, ${buckets.apology[0]}, ${buckets.apology[1]}, 0, COUNT(*), 0, 0, 0
           FROM cases c JOIN apologies a ON a.caseId = c.id WHERE ${caseScope} GROUP BY 1, 2, 3
         UNION ALL
         SELECT t.unitId, ${buckets.task[0]}, ${buckets.task[1]}, 0, 0, COUNT(*), 0, 0
           FROM hpnet_tasks t WHERE ${taskScope} GROUP BY 1, 2, 3
         UNION ALL
         SELECT t.unitId, ${buckets.reported[0]}, ${buckets.reported[1]}, 0, 0, 0, COUNT(*), 0
           FROM hpnet_tasks t WHERE ${taskScope} AND (t.completionReportedAt IS NOT NULL OR t.archivedAt IS NOT NULL) GROUP BY 1, 2, 3
         UNION ALL
         SELECT t.unitId, ${buckets.filed[0]}, ${buckets.filed[1]}, 0, 0, 0, 0, COUNT(*)
           FROM hpnet_tasks t WHERE ${taskScope} AND t.workFileCreatedAt IS NOT NULL GROUP BY 1, 2, 3
       ) e
      WHERE e.day <= ?
      GROUP BY e.unitId, e.day, e.shift`,
    [...scopeParams, ...scopeParams, ...scopeParams, ...scopeParams, ...scopeParams, until],
  );

  const incrementsByUnit = new Map<number, DayIncrement[]>();
  for (const row of rows) {
    const id = Number(row.unitId);
    const increments = incrementsByUnit.get(id) ?? [];
    incrementsByUnit.set(id, increments);
    increments.push({
      day: Number(row.shift) === 1 ? addDays(String(row.day), 1) : String(row.day),
      counts: {
        overdueCases: sqlNumber(row.overdueCases),
        apologizedCases: sqlNumber(row.apologizedCases),
        tasks: sqlNumber(row.tasks),
        reportedTasks: sqlNumber(row.reportedTasks),
        filedTasks: sqlNumber(row.filedTasks),
      },
    });
  }
  const series: UnitSeries = new Map();
  for (const [id, increments] of incrementsByUnit) series.set(id, accumulate(increments, from, until));
  return series;
}

/** A unit without a row has zero counts every day. */
export function seriesOf(series: UnitSeries, unitId: number, from: VietnamDay, until: VietnamDay) {
  return series.get(unitId) ?? accumulate([], from, until);
}

/** The board: every unit's counts added day by day. */
export function boardSeries(series: UnitSeries, from: VietnamDay, until: VietnamDay) {
  return accumulate([], from, until).map((point, i) => ({
    day: point.day,
    counts: [...series.values()].reduce((sum, unitSeries) => addCounts(sum, unitSeries[i].counts), ZERO_COUNTS),
  }));
}
