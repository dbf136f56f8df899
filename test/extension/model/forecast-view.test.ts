import { describe, expect, it } from "vitest";
import type { DirectiveBoard, UnitCompliance, UnitForecast } from "../../../extension/src/api/api-types.js";
import { directiveChildren, presentNode } from "../../../extension/src/model/compliance-tree.model.js";
import { presentStatusBar } from "../../../extension/src/model/status-bar.model.js";
import { complianceAt } from "../fixtures/compliance.js";

const unit = (code: string, rate: number): UnitCompliance => ({
  unit: { id: code, code, name: `Phòng ${code}`, kind: "DEPARTMENT" },
  compliance: complianceAt(rate),
});
const forecast = (code: string, outstanding: number, expectedDay: string | null, atRisk: boolean): UnitForecast => ({
  unit: { code },
  outstanding,
  closedPerDay: outstanding === 0 ? 0 : 0.5,
  expectedDay,
  atRisk,
});

const board: DirectiveBoard = {
  id: "1",
  number: "168/TB-BQL",
  subject: "Đôn đốc",
  issuedOn: "2023-11-08",
  periodStart: "2023-01-01",
  periodEnd: "2023-12-31",
  deadline: "2023-11-17",
  compliance: complianceAt(0.6),
  units: [unit("VP", 1), unit("QLDT", 0.5), unit("DN", 0.4), unit("LD", 0.8)],
  forecast: [
    forecast("DN", 6, "2023-11-24", true),
    forecast("LD", 2, "2023-11-16", false),
    forecast("QLDT", 9, null, true),
    forecast("VP", 0, "2023-11-14", false),
  ],
};
// 2023-11-14 10:00 in Vietnam, before the deadline.
const now = new Date("2023-11-14T03:00:00Z");

const views = () => Object.fromEntries(directiveChildren(board).map((node) => {
  const view = presentNode(node, now);
  return [view.label, view];
}));

describe("at-risk units in the tree and the status bar", () => {
  it("marks an at-risk unit with a warning icon and its expected day in the description", () => {
    const dn = views()["Phòng DN"];
    expect(dn.description).toBe("40% · in progress · dự kiến 24/11");
    expect(dn.icon).toEqual({ id: "warning", color: "list.warningForeground" });
    expect(dn.tooltip).toContain("expected to finish on 2023-11-24, after the deadline 2023-11-17");
  });

  it("says a unit with no recent progress is at risk without a day", () => {
    const qldt = views()["Phòng QLDT"];
    expect(qldt.description).toBe("50% · in progress · dự kiến: chưa có tiến độ");
    expect(qldt.icon.id).toBe("warning");
  });

  it("leaves units on course as they were", () => {
    const all = views();
    expect(all["Phòng LD"].description).toBe("80% · in progress");
    expect(all["Phòng LD"].icon.id).toBe("clock");
    expect(all["Phòng VP"].description).toBe("100% · compliant");
  });

  it("counts the at-risk units in the status bar and names them in its tooltip", () => {
    const view = presentStatusBar({ kind: "ready", board, loadedAt: now }, now);
    expect(view.text).toBe("$(checklist) CCHC 60% · 3 days left · $(warning) 2 at risk");
    expect(view.tooltip).toContain("At risk of missing the deadline (2):\nDN: dự kiến 24/11\nQLDT: dự kiến: chưa có tiến độ");
    const calm = presentStatusBar({ kind: "ready", board: { ...board, forecast: board.forecast?.map((f) => ({ ...f, atRisk: false })) }, loadedAt: now }, now);
    expect(calm.text).toBe("$(checklist) CCHC 60% · 3 days left");
  });
});
