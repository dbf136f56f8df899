import { addDays, dayOfWeek, daysBetween, type VietnamDay } from "./vietnam-time.js";

/**
 * HOLIDAY: a weekday off (public holiday, or the day off that compensates one on a weekend).
 * MAKEUP_WORKDAY: a weekend day worked instead (ngày làm bù).
 */
export type CalendarDayKind = "HOLIDAY" | "MAKEUP_WORKDAY";

export interface CalendarDay {
  date: VietnamDay;
  kind: CalendarDayKind;
  name?: string;
}

/**
 * The working-day calendar of the public sector: Monday to Friday, minus public holidays,
 * plus official make-up working days. Counting is arithmetic over weeks plus the listed
 * exceptions, so a range of years costs as little as a range of days.
 */
export class WorkingCalendar {
  private readonly holidays: VietnamDay[];
  private readonly makeupDays: VietnamDay[];
  private readonly holidaySet: Set<VietnamDay>;
  private readonly makeupSet: Set<VietnamDay>;
  private readonly counted = new Map<string, number>();

  constructor(days: readonly CalendarDay[]) {
    this.holidays = days.filter((d) => d.kind === "HOLIDAY").map((d) => d.date);
    this.makeupDays = days.filter((d) => d.kind === "MAKEUP_WORKDAY").map((d) => d.date);
    this.holidaySet = new Set(this.holidays);
    this.makeupSet = new Set(this.makeupDays);
  }

  isWorkingDay(day: VietnamDay): boolean {
    if (this.makeupSet.has(day)) return true;
    if (this.holidaySet.has(day)) return false;
    return !isWeekend(day);
  }

  /** Working days D with after < D <= through; 0 when through is not after `after`. */
  workingDaysAfter(after: VietnamDay, through: VietnamDay): number {
    if (through <= after) return 0;
    // Rows share few (dueDay, endDay) pairs: a page of cases a few dozen, a year's report a few thousand.
    const key = `${after}/${through}`;
    let count = this.counted.get(key);
    if (count === undefined) {
      count = this.countWorkingDaysAfter(after, through);
      if (this.counted.size >= COUNTS_KEPT) this.counted.clear();
      this.counted.set(key, count);
    }
    return count;
  }

  private countWorkingDaysAfter(after: VietnamDay, through: VietnamDay): number {
    let count = weekdaysAfter(after, through);
    for (const day of this.holidays) {
      if (day > after && day <= through && !isWeekend(day) && !this.makeupSet.has(day)) count -= 1;
    }
    for (const day of this.makeupDays) {
      if (day > after && day <= through && isWeekend(day)) count += 1;
    }
    return count;
  }

  /** The day `n` working days after `day` (n >= 1), e.g. a due date counted in working days. */
  addWorkingDays(day: VietnamDay, n: number): VietnamDay {
    let current = day;
    let remaining = n;
    while (remaining > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }
}

const COUNTS_KEPT = 50_000;

function isWeekend(day: VietnamDay): boolean {
  const weekday = dayOfWeek(day);
  return weekday === 0 || weekday === 6;
}

/** Monday-to-Friday days D with after < D <= through. */
function weekdaysAfter(after: VietnamDay, through: VietnamDay): number {
  const span = daysBetween(after, through);
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * 5;
  const start = dayOfWeek(after);
  for (let i = 1; i <= span % 7; i += 1) {
    const weekday = (start + i) % 7;
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}
