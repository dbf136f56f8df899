import type { ScopeWindow } from "./compliance.js";
import { isTaskFiledAsOf, isTaskInScope, isTaskReportedAsOf, type TaskForCompliance } from "./scope.js";

/**
 * Thống kê công việc trên HpNet: one person's tasks within one unit, by the scope rules of
 * scope.ts. server/src/services/assignee-stats.sql.ts says the same in one GROUP BY statement;
 * test/server/services/assignee-stats.test.ts holds the two equal on random data, on both drivers.
 */
export interface AssigneeCounts {
  unitId: number;
  /** Trimmed, NFC as stored; null = no assignee. */
  assignee: string | null;
  tasks: number;
  reportedTasks: number;
  filedTasks: number;
}

export interface TaskOfAssignee extends TaskForCompliance {
  unitId: number;
  assignee: string | null;
}

/** (tasks - reportedTasks) + (tasks - filedTasks), as the contract defines AssigneeStats.outstanding. */
export function assigneeOutstanding(c: Pick<AssigneeCounts, "tasks" | "reportedTasks" | "filedTasks">): number {
  return c.tasks - c.reportedTasks + (c.tasks - c.filedTasks);
}

/** The row-by-row reference: every (unit, assignee) with at least one task in scope as of the moment. */
export function countByAssignee(tasks: readonly TaskOfAssignee[], window: ScopeWindow, asOf: Date): AssigneeCounts[] {
  const groups = new Map<string, AssigneeCounts>();
  for (const t of tasks) {
    if (!isTaskInScope(t, window, asOf)) continue;
    const key = JSON.stringify([t.unitId, t.assignee]);
    let group = groups.get(key);
    if (!group) {
      group = { unitId: t.unitId, assignee: t.assignee, tasks: 0, reportedTasks: 0, filedTasks: 0 };
      groups.set(key, group);
    }
    group.tasks += 1;
    if (isTaskReportedAsOf(t, asOf)) group.reportedTasks += 1;
    if (isTaskFiledAsOf(t, asOf)) group.filedTasks += 1;
  }
  return [...groups.values()];
}

/** The contract's order within a unit: assignee in code points, the tasks with no assignee last. */
export function compareAssignees(a: string | null, b: string | null, compareCodePoints: (x: string, y: string) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareCodePoints(a, b);
}
