import { describe, expect, it } from "vitest";
import {
  addDays,
  endOfVietnamDay,
  fromVietnamWallClock,
  isVietnamDay,
  startOfVietnamDay,
  vietnamDayOf,
  vietnamWallClock,
  vietnamWallClockText,
} from "../../../server/src/domain/vietnam-time.js";

describe("Vietnam time (UTC+7, no daylight saving)", () => {
  it("puts 2023-12-31T23:00:00Z on 1 January 2024 in Hai Phong", () => {
    expect(vietnamDayOf(new Date("2023-12-31T23:00:00Z"))).toBe("2024-01-01");
    expect(vietnamDayOf(new Date("2023-12-31T16:59:59.999Z"))).toBe("2023-12-31");
    expect(vietnamDayOf(new Date("2023-12-31T17:00:00Z"))).toBe("2024-01-01");
  });

  it("names the same day as the wall clock's text, before 1970 and after, each time it is asked", () => {
    const hour = 60 * 60 * 1000;
    for (const start of [Date.parse("1969-12-30T00:00:00Z"), Date.parse("2023-12-30T00:00:00Z")]) {
      for (let ms = start - 1; ms < start + 72 * hour; ms += hour / 2) {
        for (const moment of [new Date(ms), new Date(ms + 1)]) {
          expect(vietnamDayOf(moment)).toBe(vietnamWallClockText(moment).slice(0, 10));
          expect(vietnamDayOf(moment)).toBe(vietnamWallClockText(moment).slice(0, 10));
        }
      }
    }
    expect(() => vietnamDayOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("starts and ends a Vietnam day at 17:00 UTC of the day before", () => {
    expect(startOfVietnamDay("2023-11-17").toISOString()).toBe("2023-11-16T17:00:00.000Z");
    expect(endOfVietnamDay("2023-11-17").toISOString()).toBe("2023-11-17T16:59:59.000Z");
    expect(fromVietnamWallClock("2023-11-17", 16, 30).toISOString()).toBe("2023-11-17T09:30:00.000Z");
  });

  it("adds days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
  });

  it("knows which days exist", () => {
    expect(isVietnamDay("2024-02-29")).toBe(true);
    expect(isVietnamDay("2023-02-29")).toBe(false);
    expect(isVietnamDay("2023-02-31")).toBe(false);
    expect(isVietnamDay("2023-13-01")).toBe(false);
    expect(isVietnamDay("2023-1-01")).toBe(false);
  });

  it("reads a moment on the Vietnam wall clock, across the day boundary", () => {
    expect(vietnamWallClockText(new Date("2023-12-31T17:00:00.250Z"))).toBe("2024-01-01T00:00:00.250");
    expect(vietnamWallClockText(new Date("2023-11-17T09:30:00+07:00"))).toBe("2023-11-17T09:30:00.000");
    expect(vietnamWallClock(new Date("2023-11-17T02:30:00Z")).getUTCHours()).toBe(9);
  });
});
