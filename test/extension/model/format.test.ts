import { describe, expect, it } from "vitest";
import {
  complianceLines,
  deadlineText,
  isPastDeadline,
  needsWarning,
  percent,
  statusBarText,
  vietnamDateTime,
} from "../../../extension/src/model/format.js";
import { complianceAt } from "../fixtures/compliance.js";
import { percentText } from "../../../server/src/documents/letters/vietnamese-format.js";

const compliance = complianceAt;

describe("percent", () => {
  it("never reads 100% for anything short of done", () => {
    expect(percent(0.996)).toBe("99.6%");
    expect(percent(0.9996)).toBe("99.9%");
    expect(percent(1)).toBe("100%");
    expect(percent(0)).toBe("0%");
  });
  it("is not fooled by float noise", () => {
    expect(percent(0.29)).toBe("29%");
    expect(percent(0.57)).toBe("57%");
    expect(percent(16 / 28)).toBe("57.1%");
  });
  it("shows the figure the server's letters and reports show, but for the decimal mark", () => {
    // A review saw 0.6996 as "69%" in the tree and "70%" in the exported report.
    for (const rate of [0, 0.0004, 0.0005, 0.29, 0.57, 16 / 28, 0.6996, 0.9949, 0.9995, 0.99999, 1, ...Array.from({ length: 200 }, (_, i) => i / 199)]) {
      expect(percent(rate), String(rate)).toBe(percentText(rate).replace(",", "."));
    }
  });
});

describe("deadline in Vietnam days", () => {
  const deadline = "2023-11-17";
  it("counts the whole deadline day, in Vietnam time", () => {
    // 16:59Z on the 17th is 23:59 in Hai Phong: still the deadline day.
    expect(deadlineText(deadline, new Date("2023-11-17T16:59:59Z"))).toBe("due today");
    expect(isPastDeadline(deadline, new Date("2023-11-17T16:59:59Z"))).toBe(false);
    // 17:00Z is 00:00 on the 18th in Hai Phong: past.
    expect(deadlineText(deadline, new Date("2023-11-17T17:00:00Z"))).toBe("1 day past deadline");
    expect(isPastDeadline(deadline, new Date("2023-11-17T17:00:00Z"))).toBe(true);
  });
  it("says days left before it", () => {
    expect(deadlineText(deadline, new Date("2023-11-14T03:00:00Z"))).toBe("3 days left");
    // 20:00Z on the 15th is already the 16th in Vietnam.
    expect(deadlineText(deadline, new Date("2023-11-15T20:00:00Z"))).toBe("1 day left");
    expect(deadlineText(deadline, new Date("2023-11-30T03:00:00Z"))).toBe("13 days past deadline");
  });
});

describe("status bar", () => {
  const before = new Date("2023-11-14T03:00:00Z");
  const after = new Date("2023-11-20T03:00:00Z");
  it("shows the board's rate and the days left", () => {
    expect(statusBarText({ compliance: compliance(0.63), deadline: "2023-11-17" }, before)).toBe("CCHC 63% · 3 days left");
  });
  it("drops the deadline once everything is done", () => {
    expect(statusBarText({ compliance: compliance(1, "COMPLIANT"), deadline: "2023-11-17" }, after)).toBe("CCHC 100%");
  });
  it("warns only past the deadline below 100%", () => {
    expect(needsWarning({ compliance: compliance(0.63), deadline: "2023-11-17" }, before)).toBe(false);
    expect(needsWarning({ compliance: compliance(0.63, "NON_COMPLIANT"), deadline: "2023-11-17" }, after)).toBe(true);
    expect(needsWarning({ compliance: compliance(1, "COMPLIANT"), deadline: "2023-11-17" }, after)).toBe(false);
  });
});

describe("tooltip figures", () => {
  it("lists each obligation with its counts", () => {
    expect(complianceLines(compliance(0.57))).toEqual([
      "Rate: 57% (in progress)",
      "Apologies: 5 of 8 late cases (62.5%)",
      "Tasks reported or archived: 7 of 10 (70%)",
      "Tasks with a work file: 4 of 10 (40%)",
    ]);
  });
  it("shows moments in Vietnam wall-clock time", () => {
    expect(vietnamDateTime("2023-11-17T09:30:00.000Z")).toBe("2023-11-17 16:30");
    expect(vietnamDateTime("2023-12-31T23:00:00Z")).toBe("2024-01-01 06:00");
    expect(vietnamDateTime(null)).toBe("–");
  });
});
