import type { WorkingCalendar } from "./calendar.js";
import { vietnamDayOf } from "./vietnam-time.js";

export type Timeliness = "EARLY" | "ON_TIME" | "LATE" | "IN_PROGRESS" | "OVERDUE";

export interface CaseMoments {
  dueAt: Date;
  resolvedAt: Date | null;
}

/** The resolution as it stood at the moment: one dated after it has not happened yet. */
export function resolutionAsOf(c: CaseMoments, asOf: Date): Date | null {
  return c.resolvedAt !== null && c.resolvedAt.getTime() <= asOf.getTime() ? c.resolvedAt : null;
}

export function timelinessAsOf(c: CaseMoments, asOf: Date): Timeliness {
  const resolvedAt = resolutionAsOf(c, asOf);
  if (resolvedAt === null) return asOf.getTime() > c.dueAt.getTime() ? "OVERDUE" : "IN_PROGRESS";
  return storedResolutionTimeliness(c.dueAt, resolvedAt);
}

/** How a resolution compares with the promise, whatever the moment of looking. */
export function storedResolutionTimeliness(dueAt: Date, resolvedAt: Date): "EARLY" | "ON_TIME" | "LATE" {
  if (resolvedAt.getTime() > dueAt.getTime()) return "LATE";
  return vietnamDayOf(resolvedAt) < vietnamDayOf(dueAt) ? "EARLY" : "ON_TIME";
}

export function isLateOrOverdue(t: Timeliness): boolean {
  return t === "LATE" || t === "OVERDUE";
}

/**
 * Working days D with dueDay < D <= endDay, endDay being the resolution's Vietnam day or, while
 * unresolved, the moment's; 0 unless LATE or OVERDUE.
 */
export function workingDaysLate(c: CaseMoments, asOf: Date, calendar: WorkingCalendar): number {
  const timeliness = timelinessAsOf(c, asOf);
  if (!isLateOrOverdue(timeliness)) return 0;
  const end = timeliness === "LATE" ? (c.resolvedAt as Date) : asOf;
  return calendar.workingDaysAfter(vietnamDayOf(c.dueAt), vietnamDayOf(end));
}
