import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "../../../server/src/domain/calendar.js";
import { SHIPPED_PUBLIC_HOLIDAYS } from "../../../server/src/domain/public-holidays.js";
import { timelinessAsOf, workingDaysLate } from "../../../server/src/domain/timeliness.js";

const calendar = new WorkingCalendar(SHIPPED_PUBLIC_HOLIDAYS);
const at = (iso: string) => new Date(iso);
const due = at("2023-11-17T16:30:00+07:00");

describe("timeliness as of a moment", () => {
  it("is ON_TIME when resolved exactly at dueAt and LATE one second later", () => {
    expect(timelinessAsOf({ dueAt: due, resolvedAt: due }, at("2024-01-01T00:00:00Z"))).toBe("ON_TIME");
    expect(timelinessAsOf({ dueAt: due, resolvedAt: at("2023-11-17T16:30:01+07:00") }, at("2024-01-01T00:00:00Z"))).toBe("LATE");
  });

  it("is EARLY on a Vietnam day before the due day, ON_TIME earlier on the due day", () => {
    expect(timelinessAsOf({ dueAt: due, resolvedAt: at("2023-11-16T23:59:59+07:00") }, at("2024-01-01T00:00:00Z"))).toBe("EARLY");
    expect(timelinessAsOf({ dueAt: due, resolvedAt: at("2023-11-17T00:00:00+07:00") }, at("2024-01-01T00:00:00Z"))).toBe("ON_TIME");
    // 2023-11-16T17:30Z is already 17 November in Vietnam: same day, so ON_TIME, not EARLY.
    expect(timelinessAsOf({ dueAt: due, resolvedAt: at("2023-11-16T17:30:00Z") }, at("2024-01-01T00:00:00Z"))).toBe("ON_TIME");
  });

  it("is IN_PROGRESS at dueAt and OVERDUE one second after", () => {
    expect(timelinessAsOf({ dueAt: due, resolvedAt: null }, due)).toBe("IN_PROGRESS");
    expect(timelinessAsOf({ dueAt: due, resolvedAt: null }, at("2023-11-17T16:30:01+07:00"))).toBe("OVERDUE");
  });

  it("treats a resolution dated after the moment as not yet happened", () => {
    const lateCase = { dueAt: due, resolvedAt: at("2023-11-20T10:00:00+07:00") };
    expect(timelinessAsOf(lateCase, at("2023-11-18T00:00:00+07:00"))).toBe("OVERDUE");
    expect(timelinessAsOf(lateCase, at("2023-11-15T00:00:00+07:00"))).toBe("IN_PROGRESS");
    expect(timelinessAsOf(lateCase, at("2023-11-20T10:00:00+07:00"))).toBe("LATE");
    const earlyCase = { dueAt: due, resolvedAt: at("2023-11-10T10:00:00+07:00") };
    expect(timelinessAsOf(earlyCase, at("2023-11-09T10:00:00+07:00"))).toBe("IN_PROGRESS");
  });
});

describe("working days late", () => {
  it("counts working days after the due day up to the resolution's day", () => {
    // Due Friday 17 Nov; resolved Monday 20 Nov: Saturday and Sunday do not count.
    const c = { dueAt: due, resolvedAt: at("2023-11-20T08:00:00+07:00") };
    expect(workingDaysLate(c, at("2024-01-01T00:00:00Z"), calendar)).toBe(1);
  });

  it("is 0 when late within the due day itself", () => {
    const c = { dueAt: due, resolvedAt: at("2023-11-17T23:59:59+07:00") };
    expect(timelinessAsOf(c, at("2024-01-01T00:00:00Z"))).toBe("LATE");
    expect(workingDaysLate(c, at("2024-01-01T00:00:00Z"), calendar)).toBe(0);
  });

  it("counts up to the moment's day while unresolved", () => {
    const c = { dueAt: due, resolvedAt: null };
    expect(workingDaysLate(c, at("2023-11-23T12:00:00+07:00"), calendar)).toBe(4);
    // 2023-11-22T17:00Z is already Thursday 23 November in Vietnam.
    expect(workingDaysLate(c, at("2023-11-22T17:00:00Z"), calendar)).toBe(4);
    expect(workingDaysLate(c, at("2023-11-22T16:59:59Z"), calendar)).toBe(3);
  });

  it("is 0 unless LATE or OVERDUE", () => {
    expect(workingDaysLate({ dueAt: due, resolvedAt: due }, at("2024-01-01T00:00:00Z"), calendar)).toBe(0);
    expect(workingDaysLate({ dueAt: due, resolvedAt: null }, due, calendar)).toBe(0);
  });

  it("skips Tết 2024 and counts the make-up Saturday", () => {
    const tet = { dueAt: at("2024-02-07T16:30:00+07:00"), resolvedAt: at("2024-02-15T09:00:00+07:00") };
    expect(workingDaysLate(tet, at("2024-03-01T00:00:00Z"), calendar)).toBe(1);
    const makeup = { dueAt: at("2024-05-03T16:30:00+07:00"), resolvedAt: at("2024-05-06T09:00:00+07:00") };
    expect(workingDaysLate(makeup, at("2024-06-01T00:00:00Z"), calendar)).toBe(2);
  });
});
