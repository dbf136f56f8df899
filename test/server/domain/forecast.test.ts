import { describe, expect, it } from "vitest";
import type { ComplianceCounts } from "../../../server/src/domain/compliance.js";
import { forecastOf } from "../../../server/src/domain/forecast.js";

/** Counts whose outstanding (missing apologies, then missing reports, then missing work files) is `owed`. */
function owing(owed: number): ComplianceCounts {
  return { overdueCases: owed, apologizedCases: 0, tasks: 0, reportedTasks: 0, filedTasks: 0 };
}

const asOf = new Date("2026-11-20T03:00:00Z"); // 20/11 10:00 in Hai Phong

describe("forecastOf (the contract's UnitForecast)", () => {
  it("is done today when nothing is owed, and never at risk", () => {
    expect(forecastOf(owing(0), owing(4), asOf, 7, "2026-11-30")).toEqual({
      outstanding: 0,
      closedPerDay: 4 / 7,
      expectedDay: "2026-11-20",
      atRisk: false,
    });
  });

  it("has no expected day, and is at risk, when nothing was closed in the pace window (or more became owed)", () => {
    expect(forecastOf(owing(5), owing(5), asOf, 7, "2026-12-31")).toMatchObject({ closedPerDay: 0, expectedDay: null, atRisk: true });
    expect(forecastOf(owing(5), owing(2), asOf, 7, "2026-12-31")).toMatchObject({ closedPerDay: 0, expectedDay: null, atRisk: true });
  });

  it("carries the pace forward: 6 owed at 2 a day is three days on", () => {
    expect(forecastOf(owing(6), owing(20), asOf, 7, "2026-11-23")).toEqual({
      outstanding: 6,
      closedPerDay: 2,
      expectedDay: "2026-11-23",
      atRisk: false,
    });
    expect(forecastOf(owing(6), owing(20), asOf, 7, "2026-11-22").atRisk).toBe(true);
  });

  it("computes ceil(outstanding / closedPerDay) on the closedPerDay it returns, as the contract writes it", () => {
    // 65 owed, 13 closed in 3 days: 65 / (13 / 3) is 15.000000000000002 in doubles, so 16 days, as a
    // client checking expectedDay from the returned closedPerDay computes it.
    const f = forecastOf(owing(65), owing(78), asOf, 3, "2026-12-31");
    expect(f.closedPerDay).toBe(13 / 3);
    expect(f.expectedDay).toBe("2026-12-06");
    expect(f.expectedDay).toBe(new Date(asOf.getTime() + Math.ceil(65 / f.closedPerDay) * 86_400_000).toISOString().slice(0, 10));
  });
});
