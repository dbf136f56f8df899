import { describe, expect, it } from "vitest";
import type { DirectiveBoard } from "../../../extension/src/api/api-types.js";
import { progressChartData, progressQuery, progressRange, progressVariables } from "../../../extension/src/model/progress-chart.model.js";
import { isFromProgressWebview } from "../../../extension/src/progress/progress-messages.js";
import { progressHtml } from "../../../extension/src/progress/progress-html.js";
import { complianceAt } from "../fixtures/compliance.js";

const board: DirectiveBoard = {
  id: "7", number: "168/TB-BQL", subject: "Đôn đốc", issuedOn: "2023-11-08", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-11-17",
  compliance: complianceAt(0.5),
  units: [
    { unit: { id: "1", code: "QLĐT", name: "Phòng Quản lý Đầu tư", kind: "DEPARTMENT" }, compliance: complianceAt(0.4) },
    { unit: { id: "2", code: "VP", name: "Văn phòng", kind: "DEPARTMENT" }, compliance: complianceAt(1) },
  ],
  forecast: [
    { unit: { code: "QLĐT" }, outstanding: 5, closedPerDay: 0.5, expectedDay: "2023-11-25", atRisk: true },
    { unit: { code: "VP" }, outstanding: 0, closedPerDay: 0, expectedDay: "2023-11-14", atRisk: false },
  ],
};

describe("the progress chart's data in the extension", () => {
  it("asks for the board's and every unit's series in one request, over the reports' days", () => {
    expect(progressRange(board, new Date("2023-11-14T03:00:00Z"))).toEqual({ from: "2023-01-01", until: "2023-11-14" });
    expect(progressRange(board, new Date("2024-03-01T03:00:00Z"))).toEqual({ from: "2023-01-01", until: "2023-11-17" });
    const query = progressQuery(2);
    expect(query).toContain("board: progress(from: $from, until: $until)");
    expect(query).toContain("u1: progress(unitCode: $u1, from: $from, until: $until)");
    expect(progressVariables(board, { from: "2023-01-01", until: "2023-01-02" })).toEqual({ id: "7", from: "2023-01-01", until: "2023-01-02", u0: "QLĐT", u1: "VP" });
  });

  it("turns the answer into one line per unit plus the board, with the at-risk unit's forecast", () => {
    const point = (day: string, rate: number) => ({ day, compliance: { rate } });
    const data = progressChartData(board, {
      board: [point("2023-01-01", 1), point("2023-01-02", 0.5)],
      u0: [point("2023-01-01", 1), point("2023-01-02", 0.25)],
      u1: [point("2023-01-01", 1), point("2023-01-02", 1)],
    });
    expect(data.days).toEqual(["2023-01-01", "2023-01-02"]);
    expect(data.board).toEqual([1, 0.5]);
    expect(data.units).toEqual([
      { code: "QLĐT", name: "Phòng Quản lý Đầu tư", rates: [1, 0.25], atRisk: { expectedDay: "2023-11-25" } },
      { code: "VP", name: "Văn phòng", rates: [1, 1] },
    ]);
  });

  it("serves the page under a strict CSP and accepts only the two messages it expects from it", () => {
    const html = progressHtml({ cspSource: "vscode-webview://x", scriptUri: "vscode-webview://x/progress.js?\"a", nonce: "N0nce" });
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp.split("; ")).toEqual([
      "default-src 'none'", "script-src 'nonce-N0nce'", "style-src vscode-webview://x 'nonce-N0nce'", "img-src vscode-webview://x data:", "base-uri 'none'", "form-action 'none'",
    ]);
    expect(csp).not.toContain("connect-src");
    expect(html).toContain('<script nonce="N0nce" src="vscode-webview://x/progress.js?&quot;a"></script>');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(isFromProgressWebview({ type: "ready" })).toBe(true);
    expect(isFromProgressWebview({ type: "reveal", unitCode: "VP" })).toBe(true);
    expect(isFromProgressWebview({ type: "reveal", unitCode: 3 })).toBe(false);
    expect(isFromProgressWebview({ type: "graphql", body: {} })).toBe(false);
    expect(isFromProgressWebview(null)).toBe(false);
  });
});
