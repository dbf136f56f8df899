import {
  ZERO_COUNTS,
  type ComplianceCounts,
  type ScopeWindow,
} from "./compliance.js";
import { isLateOrOverdue, timelinessAsOf, type CaseMoments } from "./timeliness.js";

/**
 * The contract's scope and "as of a moment" rules, row by row. The SQL aggregates in
 * server/src/services/compliance.sql.ts say the same thing in SQL; the tests hold them equal.
 */
export interface CaseForCompliance extends CaseMoments {
  apologyIssuedAt: Date | null;
}

export interface TaskForCompliance {
  assignedAt: Date;
  completionReportedAt: Date | null;
  archivedAt: Date | null;
  workFileCreatedAt: Date | null;
}

const atOrBefore = (moment: Date | null, asOf: Date): boolean =>
  moment !== null && moment.getTime() <= asOf.getTime();

export function isInWindow(moment: Date, window: ScopeWindow): boolean {
  return moment.getTime() >= window.from.getTime() && moment.getTime() < window.until.getTime();
}

export function isCaseInScope(c: CaseMoments, window: ScopeWindow): boolean {
  return isInWindow(c.dueAt, window);
}

export function isTaskInScope(t: TaskForCompliance, window: ScopeWindow, asOf: Date): boolean {
  return isInWindow(t.assignedAt, window) && atOrBefore(t.assignedAt, asOf);
}

export function isTaskReportedAsOf(t: TaskForCompliance, asOf: Date): boolean {
  return atOrBefore(t.completionReportedAt, asOf) || atOrBefore(t.archivedAt, asOf);
}

export function isTaskFiledAsOf(t: TaskForCompliance, asOf: Date): boolean {
  return atOrBefore(t.workFileCreatedAt, asOf);
}

/** The reference count of one unit's (or the board's) rows; the SQL must agree with it. */
export function countCompliance(
  cases: readonly CaseForCompliance[],
  tasks: readonly TaskForCompliance[],
  window: ScopeWindow,
  asOf: Date,
): ComplianceCounts {
  const counts = { ...ZERO_COUNTS };
  for (const c of cases) {
    if (!isCaseInScope(c, window) || !isLateOrOverdue(timelinessAsOf(c, asOf))) continue;
    counts.overdueCases += 1;
    if (atOrBefore(c.apologyIssuedAt, asOf)) counts.apologizedCases += 1;
  }
  for (const t of tasks) {
    if (!isTaskInScope(t, window, asOf)) continue;
    counts.tasks += 1;
    if (isTaskReportedAsOf(t, asOf)) counts.reportedTasks += 1;
    if (isTaskFiledAsOf(t, asOf)) counts.filedTasks += 1;
  }
  return counts;
}
