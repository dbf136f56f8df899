import { describe, expect, it } from "vitest";
import { importErrorReport, importSummary } from "../../../extension/src/model/import-report.js";

describe("import report", () => {
  it("gives the counts of a good import", () => {
    expect(importSummary("cases", "cases.csv", { created: 3, updated: 1, unchanged: 0, errors: [], errorCount: 0 })).toBe(
      "Imported cases from cases.csv: 3 created, 1 updated, 0 unchanged.",
    );
  });
  it("says that nothing was written when lines fail, and lists every one in line order", () => {
    const result = {
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        { line: 7, column: "dueAt", message: "no time zone | offset" },
        { line: 3, column: null, message: "unknown unit XX" },
        { line: 7, column: "code", message: "empty" },
      ],
      errorCount: 3,
    };
    expect(importSummary("tasks", "t.csv", result)).toBe(
      "Import of HpNet tasks from t.csv failed: 3 errors on 2 lines. Nothing was written; fix the file and import it again.",
    );
    const report = importErrorReport("tasks", "t.csv", result);
    const rows = report.split("\n").filter((line) => /^\| \d/.test(line));
    expect(rows).toEqual(["| 3 |  | unknown unit XX |", "| 7 | code | empty |", "| 7 | dueAt | no time zone \\| offset |"]);
  });
  it("says how many errors the file has when the server listed only the first 1,000", () => {
    const errors = Array.from({ length: 1000 }, (_, i) => ({ line: i + 2, column: "code", message: "empty" }));
    const result = { created: 0, updated: 0, unchanged: 0, errors, errorCount: 250_000 };
    expect(importSummary("cases", "big.csv", result)).toBe(
      "Import of cases from big.csv failed: 250000 errors (the first 1,000 listed). Nothing was written; fix the file and import it again.",
    );
    expect(importErrorReport("cases", "big.csv", result)).toContain("The file has 250,000 errors; the first 1,000 are listed.");
  });
});
