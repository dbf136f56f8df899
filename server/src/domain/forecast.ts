import type { ComplianceCounts } from "./compliance.js";
import { vietnamDayOf, type VietnamDay } from "./vietnam-time.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_PACE_DAYS = 7;
export const MAX_PACE_DAYS = 90;

/** What is still owed: each missing apology, report and work file counts one. */
export function outstandingOf(counts: ComplianceCounts): number {
  return (
    counts.overdueCases - counts.apologizedCases + (counts.tasks - counts.reportedTasks) + (counts.tasks - counts.filedTasks)
  );
}

export interface Forecast {
  outstanding: number;
  closedPerDay: number;
  expectedDay: VietnamDay | null;
  atRisk: boolean;
}

/**
 * The contract's UnitForecast: the pace of the last paceDays (outstanding then minus outstanding
 * now, per day, never below 0) carried forward from asOf. The day count is the contract's formula
 * as written, ceil(outstanding / closedPerDay) on the very closedPerDay the API returns, so a client
 * that checks expectedDay from the returned figures gets the same day (65 owed at 13 closed in 3 days:
 * 65 / (13 / 3) is 15.000000000000002 as doubles, so 16 days).
 */
export function forecastOf(
  now: ComplianceCounts,
  paceAgo: ComplianceCounts,
  asOf: Date,
  paceDays: number,
  deadline: VietnamDay,
): Forecast {
  const outstanding = outstandingOf(now);
  const closedInPace = Math.max(0, outstandingOf(paceAgo) - outstanding);
  const closedPerDay = closedInPace / paceDays;
  let expectedDay: VietnamDay | null = null;
  if (outstanding === 0) expectedDay = vietnamDayOf(asOf);
  else if (closedInPace > 0) {
    const days = Math.ceil(outstanding / closedPerDay);
    expectedDay = vietnamDayOf(new Date(asOf.getTime() + days * DAY_MS));
  }
  const atRisk = outstanding > 0 && (expectedDay === null || expectedDay > deadline);
  return { outstanding, closedPerDay, expectedDay, atRisk };
}

/** The moment the pace is measured from. */
export function paceStart(asOf: Date, paceDays: number): Date {
  return new Date(asOf.getTime() - paceDays * DAY_MS);
}
