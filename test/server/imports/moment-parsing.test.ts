import { describe, expect, it } from "vitest";
import { fromVietnamWallClock } from "../../../server/src/domain/vietnam-time.js";
import { parseMoment } from "../../../server/src/imports/moment-parsing.js";

const read = (text: string, dayAlone: "start-of-day" | "end-of-day" = "start-of-day") => {
  const reading = parseMoment(text, dayAlone);
  return reading.ok ? reading.moment.toISOString() : `error: ${reading.message}`;
};

describe("moments in the import formats", () => {
  it("reads ISO-8601 with an offset, with Z, and without an offset as Vietnam time", () => {
    expect(read("2023-11-17T16:30:00+07:00")).toBe("2023-11-17T09:30:00.000Z");
    expect(read("2023-11-17T09:30:00Z")).toBe("2023-11-17T09:30:00.000Z");
    expect(read("2023-11-17T16:30:00")).toBe("2023-11-17T09:30:00.000Z");
    expect(read("2023-11-17T16:30")).toBe("2023-11-17T09:30:00.000Z");
    expect(read("2023-11-17T16:30:00.250+0700")).toBe("2023-11-17T09:30:00.250Z");
    expect(read("2023-11-17T16:30:00.1239Z")).toBe("2023-11-17T16:30:00.123Z");
    expect(read("2023-11-17T02:00:00-05:00")).toBe("2023-11-17T07:00:00.000Z");
  });

  it("reads dd/MM/yyyy with and without a time in Vietnam time", () => {
    expect(read("17/11/2023 16:30")).toBe("2023-11-17T09:30:00.000Z");
    expect(read("17/11/2023 16:30:15")).toBe("2023-11-17T09:30:15.000Z");
    expect(read("01/01/2024 00:30")).toBe("2023-12-31T17:30:00.000Z");
    expect(read("7/1/2024")).toBe("2024-01-06T17:00:00.000Z");
  });

  it("reads a day alone as 00:00, or 23:59:59 for due dates", () => {
    expect(read("17/11/2023")).toBe("2023-11-16T17:00:00.000Z");
    expect(read("17/11/2023", "end-of-day")).toBe("2023-11-17T16:59:59.000Z");
    expect(read("2023-11-17", "end-of-day")).toBe("2023-11-17T16:59:59.000Z");
    expect(read("2023-11-17")).toBe("2023-11-16T17:00:00.000Z");
    // A time written out is kept as written, even midnight, even for a due date.
    expect(read("17/11/2023 00:00", "end-of-day")).toBe("2023-11-16T17:00:00.000Z");
  });

  it("agrees with the domain's Vietnam wall clock at every hour of a day, twice (cached)", () => {
    for (const round of [1, 2]) {
      for (let hour = 0; hour < 24; hour += 1) {
        const expected = fromVietnamWallClock("2024-02-29", hour, 59, 58).toISOString();
        expect(read(`29/02/2024 ${hour}:59:58`), `round ${round}`).toBe(expected);
        expect(read(`2024-02-29T${String(hour).padStart(2, "0")}:59:58`)).toBe(expected);
      }
    }
  });

  it("refuses days and times that do not exist", () => {
    expect(read("31/02/2023")).toBe('error: "31/02/2023" is not a date that exists.');
    expect(read("29/02/2023")).toMatch(/not a date that exists/);
    expect(read("29/02/2024")).toBe("2024-02-28T17:00:00.000Z");
    expect(read("2023-13-01")).toMatch(/not a date that exists/);
    expect(read("00/01/2023")).toMatch(/not a date that exists/);
    expect(read("17/11/2023 24:00")).toMatch(/not a time of day that exists/);
    expect(read("17/11/2023 10:60")).toMatch(/not a time of day that exists/);
    expect(read("2023-11-17T10:00:00+25:00")).toMatch(/offset that does not exist/);
  });

  it("refuses what is not a moment, naming the forms it accepts", () => {
    expect(read("17-11-2023")).toMatch(/is not a date; write dd\/MM\/yyyy/);
    expect(read("11/17/2023 4:30 PM")).toMatch(/is not a date/);
    expect(read("hôm qua")).toMatch(/is not a date/);
    expect(read("0017-11-17")).toMatch(/out of range/);
  });
});
