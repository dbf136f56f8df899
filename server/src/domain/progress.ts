import { ZERO_COUNTS, addCounts, type ComplianceCounts } from "./compliance.js";
import { addDays, daysBetween, startOfVietnamDay, type VietnamDay } from "./vietnam-time.js";

/** The contract's limit on one progress series (from and until inclusive). */
export const MAX_PROGRESS_DAYS = 400;
/** The days a series may cover: the import formats' years (a day past 9999-12-31 cannot even be named). */
export const PROGRESS_DAYS = { first: "1900-01-01", last: "2999-12-31" } as const;

/** The moment a day's point is judged at: 23:59:59.999 Vietnam time of that day. */
export function endOfDayMoment(day: VietnamDay): Date {
  return new Date(startOfVietnamDay(addDays(day, 1)).getTime() - 1);
}

/** Every Vietnam day from `from` to `until`, both inclusive. */
export function daysOf(from: VietnamDay, until: VietnamDay): VietnamDay[] {
  const days: VietnamDay[] = [];
  for (let day = from; day <= until; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Days in from..until inclusive (0 or less when until is before from). */
export function seriesLength(from: VietnamDay, until: VietnamDay): number {
  return daysBetween(from, until) + 1;
}

/**
 * What entered the counts on one Vietnam day: each row enters a count once, at a known moment
 * (a case is overdue from just after its dueAt, apologised from the later of that and its apology, a
 * task counts from its assignedAt, ...), and never leaves it, because a count as of a moment only
 * looks at moments at or before it. The counts at the end of day D are therefore the sum of what
 * entered on every day up to D.
 */
export interface DayIncrement {
  day: VietnamDay;
  counts: ComplianceCounts;
}

/** The counts at the end of each day of from..until, from the increments (in any order). */
export function accumulate(
  increments: readonly DayIncrement[],
  from: VietnamDay,
  until: VietnamDay,
): { day: VietnamDay; counts: ComplianceCounts }[] {
  const byDay = new Map<VietnamDay, ComplianceCounts>();
  let running: ComplianceCounts = { ...ZERO_COUNTS };
  for (const increment of increments) {
    if (increment.day > until) continue;
    if (increment.day < from) {
      running = addCounts(running, increment.counts);
      continue;
    }
    byDay.set(increment.day, addCounts(byDay.get(increment.day) ?? ZERO_COUNTS, increment.counts));
  }
  return daysOf(from, until).map((day) => {
    const entered = byDay.get(day);
    if (entered) running = addCounts(running, entered);
    return { day, counts: running };
  });
}
