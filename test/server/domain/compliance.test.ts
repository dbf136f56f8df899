import { describe, expect, it } from "vitest";
import { complianceFigures, isPastDeadline, scopeWindow } from "../../../server/src/domain/compliance.js";
import { countCompliance, isCaseInScope, isTaskInScope } from "../../../server/src/domain/scope.js";

const at = (iso: string) => new Date(iso);
const window2023 = scopeWindow("2023-01-01", "2023-12-31");
const window2024 = scopeWindow("2024-01-01", "2024-12-31");

describe("the deadline", () => {
  it("counts the whole deadline day: past it only from 00:00 of the next Vietnam day", () => {
    expect(isPastDeadline(at("2023-11-17T23:59:59+07:00"), "2023-11-17")).toBe(false);
    expect(isPastDeadline(at("2023-11-17T23:59:59.999+07:00"), "2023-11-17")).toBe(false);
    expect(isPastDeadline(at("2023-11-18T00:00:00+07:00"), "2023-11-17")).toBe(true);
    expect(isPastDeadline(at("2023-11-17T17:00:00Z"), "2023-11-17")).toBe(true);
  });

  it("sets the status from the rate and the deadline", () => {
    const owing = { overdueCases: 2, apologizedCases: 1, tasks: 1, reportedTasks: 1, filedTasks: 0 };
    expect(complianceFigures(owing, at("2023-11-17T23:59:59+07:00"), "2023-11-17").status).toBe("IN_PROGRESS");
    expect(complianceFigures(owing, at("2023-11-18T00:00:00+07:00"), "2023-11-17").status).toBe("NON_COMPLIANT");
    const done = { overdueCases: 2, apologizedCases: 2, tasks: 1, reportedTasks: 1, filedTasks: 1 };
    expect(complianceFigures(done, at("2024-06-01T00:00:00Z"), "2023-11-17").status).toBe("COMPLIANT");
  });

  it("computes the rates, 1 when nothing is owed", () => {
    const f = complianceFigures({ overdueCases: 4, apologizedCases: 3, tasks: 2, reportedTasks: 1, filedTasks: 0 }, at("2023-01-01T00:00:00Z"), "2023-11-17");
    expect(f.apologyRate).toBe(0.75);
    expect(f.reportRate).toBe(0.5);
    expect(f.fileRate).toBe(0);
    expect(f.rate).toBe(4 / 8);
    const none = complianceFigures({ overdueCases: 0, apologizedCases: 0, tasks: 0, reportedTasks: 0, filedTasks: 0 }, at("2030-01-01T00:00:00Z"), "2023-11-17");
    expect([none.apologyRate, none.reportRate, none.fileRate, none.rate, none.status]).toEqual([1, 1, 1, 1, "COMPLIANT"]);
  });
});

describe("scope", () => {
  it("puts a dueAt at 00:30 on 1 January (31 December in UTC) into the new year's period", () => {
    const c = { dueAt: at("2024-01-01T00:30:00+07:00"), resolvedAt: null };
    expect(c.dueAt.toISOString()).toBe("2023-12-31T17:30:00.000Z");
    expect(isCaseInScope(c, window2023)).toBe(false);
    expect(isCaseInScope(c, window2024)).toBe(true);
    expect(isCaseInScope({ dueAt: at("2023-12-31T23:59:59+07:00"), resolvedAt: null }, window2023)).toBe(true);
  });

  it("puts a task assigned at 2023-12-31T23:00:00Z into 2024, and only once the moment reaches it", () => {
    const task = { assignedAt: at("2023-12-31T23:00:00Z"), completionReportedAt: null, archivedAt: null, workFileCreatedAt: null };
    expect(isTaskInScope(task, window2023, at("2025-01-01T00:00:00Z"))).toBe(false);
    expect(isTaskInScope(task, window2024, at("2025-01-01T00:00:00Z"))).toBe(true);
    expect(isTaskInScope(task, window2024, at("2023-12-31T22:59:59Z"))).toBe(false);
    expect(isTaskInScope(task, window2024, at("2023-12-31T23:00:00Z"))).toBe(true);
  });

  it("ignores a resolution, apology, report, archiving or work file dated after the moment", () => {
    const dueAt = at("2023-06-01T16:30:00+07:00");
    const cases = [
      { dueAt, resolvedAt: at("2023-06-05T10:00:00+07:00"), apologyIssuedAt: at("2023-06-10T10:00:00+07:00") },
      { dueAt, resolvedAt: null, apologyIssuedAt: at("2023-05-31T10:00:00+07:00") },
      { dueAt, resolvedAt: at("2023-06-01T10:00:00+07:00"), apologyIssuedAt: null },
    ];
    const tasks = [
      { assignedAt: at("2023-05-01T09:00:00+07:00"), completionReportedAt: at("2023-06-10T09:00:00+07:00"), archivedAt: null, workFileCreatedAt: at("2023-06-10T09:00:00+07:00") },
      { assignedAt: at("2023-05-01T09:00:00+07:00"), completionReportedAt: null, archivedAt: at("2023-05-20T09:00:00+07:00"), workFileCreatedAt: null },
      { assignedAt: at("2023-06-20T09:00:00+07:00"), completionReportedAt: null, archivedAt: null, workFileCreatedAt: null },
    ];
    expect(countCompliance(cases, tasks, window2023, at("2023-06-08T00:00:00+07:00"))).toEqual({
      overdueCases: 2, apologizedCases: 1, tasks: 2, reportedTasks: 1, filedTasks: 0,
    });
    expect(countCompliance(cases, tasks, window2023, at("2023-07-01T00:00:00+07:00"))).toEqual({
      overdueCases: 2, apologizedCases: 2, tasks: 3, reportedTasks: 2, filedTasks: 1,
    });
    expect(countCompliance(cases, tasks, window2023, at("2023-06-01T16:30:00+07:00"))).toEqual({
      overdueCases: 0, apologizedCases: 0, tasks: 2, reportedTasks: 1, filedTasks: 0,
    });
  });
});
