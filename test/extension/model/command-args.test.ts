import { describe, expect, it } from "vitest";
import type { Compliance, DirectiveBoard } from "../../../extension/src/api/api-types.js";
import { directiveIdOf, documentArgs } from "../../../extension/src/model/command-args.js";
import type { GroupNode } from "../../../extension/src/model/compliance-tree.model.js";

const compliance: Compliance = {
  overdueCases: 2,
  apologizedCases: 1,
  apologyRate: 0.5,
  tasks: 2,
  reportedTasks: 1,
  reportRate: 0.5,
  filedTasks: 1,
  fileRate: 0.5,
  rate: 0.5,
  status: "IN_PROGRESS",
};
const unitEntry = { unit: { id: "7", code: "QLDN", name: "Phòng Quản lý Doanh nghiệp", kind: "DEPARTMENT" }, compliance };
const board: DirectiveBoard = {
  id: "42",
  number: "168/TB-BQL",
  subject: "Chấn chỉnh",
  issuedOn: "2023-11-08",
  periodStart: "2023-01-01",
  periodEnd: "2023-10-31",
  deadline: "2023-12-15",
  compliance,
  units: [unitEntry],
};
const lateCases: GroupNode = { kind: "group", directiveId: "42", unitCode: "QLDN", group: "lateCases", count: 1 };
const unreported: GroupNode = { ...lateCases, group: "unreportedTasks" };

describe("documentArgs: what a command invoked on a tree node works on", () => {
  it("narrows from the directive to a unit to a case as the node does", () => {
    expect(documentArgs({ kind: "directive", board })).toEqual({ directiveId: "42" });
    expect(documentArgs({ kind: "unit", directiveId: "42", entry: unitEntry })).toEqual({ directiveId: "42", unitCode: "QLDN" });
    expect(documentArgs(lateCases)).toEqual({ directiveId: "42", unitCode: "QLDN" });
    const item = { code: "H40.22.1234.ABC", procedureName: "Cấp phép", dueAt: "2023-05-01T10:00:00Z", resolvedAt: null, timeliness: "OVERDUE", workingDaysLate: 3 };
    expect(documentArgs({ kind: "case", parent: lateCases, item })).toEqual({ directiveId: "42", unitCode: "QLDN", caseCode: "H40.22.1234.ABC" });
  });

  it("scopes a task or a Load more row to its unit, and a message to nothing", () => {
    const task = { externalId: "HP-1", title: "Báo cáo", assignee: null, assignedAt: "2023-03-01T00:00:00Z", dueAt: null, completionReportedAt: null, archivedAt: null, workFileCode: null };
    expect(documentArgs({ kind: "task", parent: unreported, item: task })).toEqual({ directiveId: "42", unitCode: "QLDN" });
    expect(documentArgs({ kind: "more", parent: unreported, loaded: 4 })).toEqual({ directiveId: "42", unitCode: "QLDN" });
    expect(documentArgs({ kind: "message", key: "error", text: "Cannot reach", severity: "error" })).toEqual({});
  });

  it("passes a plain object of inputs through (tests, other extensions, keybindings) and ignores anything else", () => {
    const given = { directiveId: "9", unitCode: "VP", filePath: "/tmp/x.docx", format: "MARKDOWN" };
    expect(documentArgs(given)).toBe(given);
    expect(documentArgs(undefined)).toEqual({});
    expect(documentArgs("H40.22.1234.ABC")).toEqual({});
    expect(documentArgs(null)).toEqual({});
  });
});

describe("directiveIdOf", () => {
  it("takes the argument's directive first, else the one the view shows", () => {
    expect(directiveIdOf({ directiveId: "9" }, { board })).toBe("9");
    expect(directiveIdOf({}, { board })).toBe("42");
  });

  it("says what to do when neither names a directive", () => {
    expect(() => directiveIdOf({}, { board: null })).toThrow(/Sign in, then refresh the CCHC view or run CCHC: Select Directive/);
  });
});
