/**
 * Vietnam time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving. Moments are stored in UTC;
 * days are judged in Vietnam time. A "day" here is always the string "YYYY-MM-DD" of a Vietnam day,
 * which sorts and compares correctly as text.
 */
export type VietnamDay = string;

/** For SQL that must name a Vietnam day itself; code in TypeScript calls the functions below. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The moment as a Date whose UTC fields (getUTCHours, toISOString, …) read the Vietnam wall clock:
 * the one place the +7 h shift is made, for text shown to people and for formats without a zone
 * (an Excel cell). Never store or compare the result as a moment.
 */
export function vietnamWallClock(moment: Date): Date {
  return new Date(moment.getTime() + VIETNAM_OFFSET_MS);
}

/** "YYYY-MM-DDTHH:mm:ss.sss", the moment's Vietnam wall-clock time (no zone suffix). */
export function vietnamWallClockText(moment: Date): string {
  return vietnamWallClock(moment).toISOString().slice(0, 23);
}

/** The Vietnam calendar day a moment falls on. */
export function vietnamDayOf(moment: Date): VietnamDay {
  // Days since 1970-01-01 in Vietnam; each day's text is written once (a page of cases asks a few
  // thousand times for a few dozen days). An invalid Date throws, as toISOString does.
  const dayNumber = Math.floor((moment.getTime() + VIETNAM_OFFSET_MS) / DAY_MS);
  let text = dayTexts.get(dayNumber);
  if (text === undefined) {
    text = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    if (dayTexts.size >= DAY_TEXTS_KEPT) dayTexts.clear();
    dayTexts.set(dayNumber, text);
  }
  return text;
}

const DAY_TEXTS_KEPT = 20_000;
const dayTexts = new Map<number, VietnamDay>();

/** 00:00:00.000 Vietnam time of the day, as a UTC moment. */
export function startOfVietnamDay(day: VietnamDay): Date {
  return new Date(utcMidnight(day) - VIETNAM_OFFSET_MS);
}

/** 23:59:59 Vietnam time of the day: what a due date written without a time means. */
export function endOfVietnamDay(day: VietnamDay): Date {
  return new Date(startOfVietnamDay(addDays(day, 1)).getTime() - 1000);
}

/** A Vietnam wall-clock time (as written on a Vietnamese form) to its UTC moment. */
export function fromVietnamWallClock(
  day: VietnamDay,
  hours = 0,
  minutes = 0,
  seconds = 0,
): Date {
  return new Date(startOfVietnamDay(day).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

export function addDays(day: VietnamDay, days: number): VietnamDay {
  return new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: VietnamDay, to: VietnamDay): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(day: VietnamDay): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** True for a "YYYY-MM-DD" string naming a day that exists (2023-02-29 does not). */
export function isVietnamDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

function utcMidnight(day: VietnamDay): number {
  if (!isVietnamDay(day)) throw new Error(`Not a calendar day in YYYY-MM-DD form: "${day}"`);
  return Date.parse(`${day}T00:00:00.000Z`);
}
