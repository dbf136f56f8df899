import { describe, expect, it } from "vitest";
import type { Compliance, DirectiveBoard, OutstandingCase, UnitCompliance } from "../../../extension/src/api/api-types.js";
import {
  GroupPages,
  directiveChildren,
  presentNode,
  rootNodes,
  sortUnitsWorstFirst,
  stateRootNodes,
  unitChildren,
  type GroupNode,
  type UnitNode,
} from "../../../extension/src/model/compliance-tree.model.js";

function compliance(partial: Partial<Compliance>): Compliance {
  return {
    overdueCases: 0,
    apologizedCases: 0,
    apologyRate: 1,
    tasks: 0,
    reportedTasks: 0,
    reportRate: 1,
    filedTasks: 0,
    fileRate: 1,
    rate: 1,
    status: "COMPLIANT",
    ...partial,
  };
}

const unit = (code: string, c: Partial<Compliance>): UnitCompliance => ({
  unit: { id: code, code, name: `Phòng ${code}`, kind: "DEPARTMENT" },
  compliance: compliance(c),
});

const board: DirectiveBoard = {
  id: "1",
  number: "123/TB-BQL",
  subject: "Đôn đốc thực hiện",
  issuedOn: "2023-11-08",
  periodStart: "2023-01-01",
  periodEnd: "2023-12-31",
  deadline: "2023-11-17",
  compliance: compliance({ rate: 0.5, status: "IN_PROGRESS" }),
  units: [
    unit("VP", {}),
    unit("QLDT", { overdueCases: 4, apologizedCases: 1, tasks: 3, reportedTasks: 3, filedTasks: 1, rate: 0.5, status: "IN_PROGRESS" }),
    unit("DN", { overdueCases: 2, apologizedCases: 0, rate: 0, status: "NON_COMPLIANT" }),
    unit("LD", { overdueCases: 2, apologizedCases: 1, rate: 0.5, status: "NON_COMPLIANT" }),
  ],
};

const now = new Date("2023-11-14T03:00:00Z");

describe("compliance tree from API data", () => {
  it("puts the directive at the root with the board's rate and days left", () => {
    const [root] = rootNodes(board);
    expect(presentNode(root, now)).toMatchObject({ label: "123/TB-BQL", description: "50% · 3 days left", contextValue: "directive" });
  });
  it("says so when the server has no directive", () => {
    expect(presentNode(rootNodes(null)[0], now).label).toBe("No directive yet");
  });
  it("lists units worst first: rate, then status, then code", () => {
    expect(sortUnitsWorstFirst(board.units).map((u) => u.unit.code)).toEqual(["DN", "LD", "QLDT", "VP"]);
    // Equal rate and status: by code point, as the server orders. UTF-16 comparison would put
    // U+1D400 (a surrogate pair starting 0xD835) before U+FF21.
    const tied = [unit("\u{1D400}1", {}), unit("\uFF21", {}), unit("Z", {})];
    expect(sortUnitsWorstFirst(tied).map((u) => u.unit.code)).toEqual(["Z", "\uFF21", "\u{1D400}1"]);
    const labels = directiveChildren(board).map((n) => presentNode(n, now));
    expect(labels.map((v) => `${v.label} ${v.description}`)).toEqual([
      "Phòng DN 0% · non-compliant",
      "Phòng LD 50% · non-compliant",
      "Phòng QLDT 50% · in progress",
      "Phòng VP 100% · compliant",
    ]);
    expect(labels[0].icon.id).toBe("error");
    expect(labels[3]).toMatchObject({ collapsible: "none", icon: { id: "pass-filled" } });
  });
  it("shows under a unit only what it still owes, with counts", () => {
    const qldt = directiveChildren(board)[2] as UnitNode;
    const groups = unitChildren(qldt).map((n) => presentNode(n, now));
    expect(groups.map((g) => `${g.label}: ${g.description}`)).toEqual([
      "Late cases without an apology: 3 cases",
      "Tasks not filed: 2 tasks",
      "By person: undefined",
    ]);
    // Only a unit that owes HpNet tasks has people to list.
    const dn = directiveChildren(board)[0] as UnitNode;
    expect(unitChildren(dn).map((n) => n.kind)).toEqual(["group"]);
    const vp = directiveChildren(board)[3] as UnitNode;
    expect(presentNode(unitChildren(vp)[0], now).label).toBe("Nothing outstanding");
  });
  it("puts the figures in the unit's tooltip", () => {
    const tooltip = presentNode(directiveChildren(board)[2], now).tooltip;
    expect(tooltip).toContain("Apologies: 1 of 4 late cases");
    expect(tooltip).toContain("Tasks with a work file: 1 of 3");
  });
});

describe("paged items of a group", () => {
  const group: GroupNode = { kind: "group", directiveId: "1", unitCode: "QLDT", group: "lateCases", count: 3 };
  const item = (code: string): OutstandingCase => ({
    code,
    procedureName: "Cấp giấy phép lao động",
    dueAt: "2023-03-01T10:00:00.000Z",
    resolvedAt: null,
    timeliness: "OVERDUE",
    workingDaysLate: 12,
  });

  it("shows a page, then a Load more item until the last page", () => {
    const pages = new GroupPages<OutstandingCase>();
    pages.append({ items: [item("HS-1"), item("HS-2")], totalCount: 3, hasNextPage: true, endCursor: "c2" });
    let children = pages.children(group);
    expect(children.map((c) => c.kind)).toEqual(["case", "case", "more"]);
    expect(pages.after).toBe("c2");
    expect(presentNode(children[2], now)).toMatchObject({ label: "Load more…", description: "2 of 3 shown" });
    expect(presentNode(children[0], now)).toMatchObject({ label: "HS-1", contextValue: "case" });
    expect(presentNode(children[0], now).description).toBe("12 working days late · Cấp giấy phép lao động");

    pages.append({ items: [item("HS-3")], totalCount: 3, hasNextPage: false, endCursor: "c3" });
    children = pages.children(group);
    expect(children.map((c) => c.kind)).toEqual(["case", "case", "case"]);
    const ids = children.map((c) => presentNode(c, now).id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("stateRootNodes", () => {
  it("is empty when signed out, so VS Code shows the Sign In welcome view", () => {
    expect(stateRootNodes({ kind: "signedOut" })).toEqual([]);
  });

  it("shows an unreachable server as one error row with the reason, not an empty view", () => {
    const message = "Cannot reach the CCHC server at http://127.0.0.1:4000/graphql (ECONNREFUSED). Is it running?";
    const nodes = stateRootNodes({ kind: "error", code: "NETWORK", message });
    expect(nodes).toHaveLength(1);
    const view = presentNode(nodes[0], new Date());
    expect(view.label).toBe(message);
    expect(view.tooltip).toContain("Refresh to try again");
    expect(view.icon).toEqual({ id: "warning", color: "list.errorForeground" });
  });

  it("says Loading… while loading, and shows the directive or No directive yet once ready", () => {
    expect(presentNode(stateRootNodes({ kind: "loading" })[0], new Date()).label).toBe("Loading…");
    expect(stateRootNodes({ kind: "ready", board, loadedAt: new Date() })).toEqual([{ kind: "directive", board }]);
    expect(presentNode(stateRootNodes({ kind: "ready", board: null, loadedAt: new Date() })[0], new Date()).label).toBe("No directive yet");
  });
});
