import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "../../../server/src/domain/calendar.js";
import { SHIPPED_PUBLIC_HOLIDAYS } from "../../../server/src/domain/public-holidays.js";
import { addDays } from "../../../server/src/domain/vietnam-time.js";

const calendar = new WorkingCalendar(SHIPPED_PUBLIC_HOLIDAYS);

/** Day-by-day count: the definition itself, to hold the arithmetic version to it. */
function slowCount(after: string, through: string): number {
  let count = 0;
  for (let day = addDays(after, 1); day <= through; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
  return count;
}

describe("the working-day calendar", () => {
  it("skips the 2024 Tết holidays and the weekend between them", () => {
    // Due Wednesday 7 Feb 2024; 8, 9, 12, 13, 14 are Tết; 10-11 a weekend; Thursday 15 works.
    expect(calendar.workingDaysAfter("2024-02-07", "2024-02-15")).toBe(1);
    expect(calendar.workingDaysAfter("2024-02-07", "2024-02-14")).toBe(0);
  });

  it("counts the make-up Saturday 4 May 2024 and skips the day it replaces", () => {
    expect(calendar.isWorkingDay("2024-05-04")).toBe(true);
    expect(calendar.isWorkingDay("2024-04-29")).toBe(false);
    // Due Friday 3 May: Saturday 4 (make-up) and Monday 6 are working days.
    expect(calendar.workingDaysAfter("2024-05-03", "2024-05-06")).toBe(2);
    expect(calendar.workingDaysAfter("2024-05-03", "2024-05-05")).toBe(1);
    // 26 April (Fri) to 6 May: 29, 30, 1 off; 2, 3, 4 (Sat), 6 work.
    expect(calendar.workingDaysAfter("2024-04-26", "2024-05-06")).toBe(4);
  });

  it("skips the 2023 Tết week, the April-May and the National Day days off", () => {
    expect(calendar.workingDaysAfter("2023-01-19", "2023-01-27")).toBe(1);
    expect(calendar.workingDaysAfter("2023-04-28", "2023-05-04")).toBe(1);
    expect(calendar.workingDaysAfter("2023-08-31", "2023-09-05")).toBe(1);
  });

  it("counts an ordinary week as five and nothing backwards", () => {
    expect(calendar.workingDaysAfter("2023-11-10", "2023-11-17")).toBe(5);
    expect(calendar.workingDaysAfter("2023-11-17", "2023-11-17")).toBe(0);
    expect(calendar.workingDaysAfter("2023-11-17", "2023-11-10")).toBe(0);
  });

  it("skips Tết 2025 and Tết 2026", () => {
    // Due Friday 24 Jan 2025: 27-31 Jan are Tết, Monday 3 Feb works.
    expect(calendar.workingDaysAfter("2025-01-24", "2025-02-03")).toBe(1);
    // Due Friday 13 Feb 2026: 16-20 Feb are Tết, Monday 23 Feb works.
    expect(calendar.workingDaysAfter("2026-02-13", "2026-02-23")).toBe(1);
    expect(calendar.addWorkingDays("2026-02-13", 1)).toBe("2026-02-23");
  });

  it("counts the 2026 make-up Saturdays, one before the day it covers", () => {
    // Due Wednesday 31 Dec 2025: 1-2 Jan off; 5-9 work; Saturday 10 Jan is a working day.
    expect(calendar.workingDaysAfter("2025-12-31", "2026-01-10")).toBe(6);
    // Due Friday 21 Aug 2026, the eve of the make-up Saturday: the Saturday already counts.
    expect(calendar.workingDaysAfter("2026-08-21", "2026-08-22")).toBe(1);
    expect(calendar.addWorkingDays("2026-08-21", 1)).toBe("2026-08-22");
    // Then 24-28 work, 31 Aug, 1 and 2 Sep off, Thursday 3 Sep works.
    expect(calendar.workingDaysAfter("2026-08-21", "2026-09-03")).toBe(7);
    expect(calendar.isWorkingDay("2026-11-24")).toBe(true);
  });

  it("agrees with the day-by-day definition over four years of ranges", () => {
    for (let start = "2022-12-20"; start < "2027-01-10"; start = addDays(start, 11)) {
      for (const span of [0, 1, 2, 6, 7, 8, 13, 40, 400]) {
        const end = addDays(start, span);
        expect(calendar.workingDaysAfter(start, end), `${start}..${end}`).toBe(slowCount(start, end));
      }
    }
  });

  it("answers a range it has counted before the same, the count being kept per calendar", () => {
    const fresh = new WorkingCalendar(SHIPPED_PUBLIC_HOLIDAYS);
    for (let round = 0; round < 2; round += 1) {
      for (let start = "2023-12-25"; start < "2024-03-01"; start = addDays(start, 3)) {
        const end = addDays(start, 17);
        expect(fresh.workingDaysAfter(start, end), `${start}..${end} round ${round}`).toBe(slowCount(start, end));
      }
    }
    // A calendar with other days keeps its own counts: 2024-02-07..15 is 1 with Tết, 6 without.
    expect(new WorkingCalendar([]).workingDaysAfter("2024-02-07", "2024-02-15")).toBe(6);
    expect(fresh.workingDaysAfter("2024-02-07", "2024-02-15")).toBe(1);
  });

  it("adds working days past holidays", () => {
    expect(calendar.addWorkingDays("2024-02-07", 1)).toBe("2024-02-15");
    expect(calendar.addWorkingDays("2024-05-03", 1)).toBe("2024-05-04");
  });
});
