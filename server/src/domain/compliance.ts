import { addDays, startOfVietnamDay, type VietnamDay } from "./vietnam-time.js";

export type ComplianceStatus = "COMPLIANT" | "IN_PROGRESS" | "NON_COMPLIANT";

/** What SQL counts per unit; everything else of a Compliance derives from these. */
export interface ComplianceCounts {
  overdueCases: number;
  apologizedCases: number;
  tasks: number;
  reportedTasks: number;
  filedTasks: number;
}

export interface ComplianceFigures extends ComplianceCounts {
  apologyRate: number;
  reportRate: number;
  fileRate: number;
  rate: number;
  status: ComplianceStatus;
}

export const ZERO_COUNTS: ComplianceCounts = Object.freeze({
  overdueCases: 0,
  apologizedCases: 0,
  tasks: 0,
  reportedTasks: 0,
  filedTasks: 0,
});

/** A directive's period as UTC bounds: from the start of its first day to the start of the day after its last. */
export interface ScopeWindow {
  from: Date;
  until: Date;
}

export function scopeWindow(periodStart: VietnamDay, periodEnd: VietnamDay): ScopeWindow {
  return { from: startOfVietnamDay(periodStart), until: startOfVietnamDay(addDays(periodEnd, 1)) };
}

/** The whole deadline day counts: past it from 00:00 of the next Vietnam day. */
export function isPastDeadline(asOf: Date, deadline: VietnamDay): boolean {
  return asOf.getTime() >= deadlineEndMs(deadline);
}

// A board judges every unit against the same deadline: the day's arithmetic (parse, check, add a
// day, format) is done once per deadline text, not once per row. A pure function of the text;
// bounded as vietnam-time.ts's day texts are.
const DEADLINE_ENDS_KEPT = 1_000;
const deadlineEnds = new Map<VietnamDay, number>();

function deadlineEndMs(deadline: VietnamDay): number {
  let end = deadlineEnds.get(deadline);
  if (end === undefined) {
    end = startOfVietnamDay(addDays(deadline, 1)).getTime();
    if (deadlineEnds.size >= DEADLINE_ENDS_KEPT) deadlineEnds.clear();
    deadlineEnds.set(deadline, end);
  }
  return end;
}

export function complianceFigures(
  counts: ComplianceCounts,
  asOf: Date,
  deadline: VietnamDay,
): ComplianceFigures {
  const owed = counts.overdueCases + 2 * counts.tasks;
  const done = counts.apologizedCases + counts.reportedTasks + counts.filedTasks;
  const rate = ratio(done, owed);
  let status: ComplianceStatus = "COMPLIANT";
  if (rate < 1) status = isPastDeadline(asOf, deadline) ? "NON_COMPLIANT" : "IN_PROGRESS";
  // Written out, not `{ ...counts, … }`: V8 (Node 20) builds a spread followed by more properties
  // through its slow path, about 10 µs a call here, and a board makes one per unit.
  return {
    overdueCases: counts.overdueCases,
    apologizedCases: counts.apologizedCases,
    tasks: counts.tasks,
    reportedTasks: counts.reportedTasks,
    filedTasks: counts.filedTasks,
    apologyRate: ratio(counts.apologizedCases, counts.overdueCases),
    reportRate: ratio(counts.reportedTasks, counts.tasks),
    fileRate: ratio(counts.filedTasks, counts.tasks),
    rate,
    status,
  };
}

export function addCounts(a: ComplianceCounts, b: ComplianceCounts): ComplianceCounts {
  return {
    overdueCases: a.overdueCases + b.overdueCases,
    apologizedCases: a.apologizedCases + b.apologizedCases,
    tasks: a.tasks + b.tasks,
    reportedTasks: a.reportedTasks + b.reportedTasks,
    filedTasks: a.filedTasks + b.filedTasks,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
