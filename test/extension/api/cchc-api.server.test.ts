import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../../../server/src/db/seed/seed-demo.js";
import { ApiError } from "../../../extension/src/api/api-error.js";
import { CchcApi } from "../../../extension/src/api/cchc-api.js";
import { GraphQLClient } from "../../../extension/src/api/graphql-client.js";
import { owedCounts } from "../../../extension/src/model/compliance-tree.model.js";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";

// The extension's own operations against the real server and demo data: a renamed field or a
// wrong filter in extension/src/api/operations.ts fails here, not in an editor.
let server: TestServer;
let api: CchcApi;

beforeAll(async () => {
  server = await startTestServer("sqlite");
  await seedDemoIfEmpty(server.database.db);
  api = new CchcApi(new GraphQLClient({ serverUrl: server.url, token: ADMIN_TOKEN }));
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("the extension's API calls against the server", () => {
  it("refuses a wrong token with UNAUTHENTICATED and accepts the right one", async () => {
    const wrong = new CchcApi(new GraphQLClient({ serverUrl: server.url, token: "not-a-real-token-000000" }));
    await expect(wrong.checkToken()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(new CchcApi(new GraphQLClient({ serverUrl: server.url })).checkToken()).rejects.toBeInstanceOf(ApiError);
    await expect(api.checkToken()).resolves.toBeUndefined();
  });

  it("loads the latest directive's board, and the same board by id", async () => {
    const latest = await api.board();
    expect(latest).not.toBeNull();
    expect(latest!.units.length).toBeGreaterThan(0);
    const byId = await api.board(latest!.id);
    expect(byId).toEqual(latest);
    expect((await api.directives()).map((d) => d.id)).toContain(latest!.id);
    expect(await api.board("999999")).toBeNull();
  });

  it("pages through a unit's outstanding items, and the totals equal the board's counts", async () => {
    const board = (await api.board())!;
    const entry = board.units.find((u) => owedCounts(u.compliance).lateCases > 2)!;
    const owed = owedCounts(entry.compliance);

    const first = await api.casesWithoutApology(board.id, entry.unit.code, 2);
    expect(first.totalCount).toBe(owed.lateCases);
    expect(first.items).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const seen = new Set(first.items.map((c) => c.code));
    let page = first;
    while (page.hasNextPage) {
      page = await api.casesWithoutApology(board.id, entry.unit.code, 2, page.endCursor);
      for (const c of page.items) seen.add(c.code);
    }
    expect(seen.size).toBe(owed.lateCases);

    const unreported = await api.tasksWith("unreported", board.id, entry.unit.code, 500);
    expect(unreported.totalCount).toBe(owed.unreportedTasks);
    expect(unreported.items.every((t) => t.completionReportedAt === null && t.archivedAt === null)).toBe(true);
    const unfiled = await api.tasksWith("unfiled", board.id, entry.unit.code, 500);
    expect(unfiled.totalCount).toBe(owed.unfiledTasks);
    expect(unfiled.items.every((t) => t.workFileCode === null)).toBe(true);
  });

  it("passes the server's NOT_FOUND through for an unknown unit", async () => {
    const board = (await api.board())!;
    await expect(api.casesWithoutApology(board.id, "NO-SUCH-UNIT", 5)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("imports from the extension", () => {
  const header = "code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at";

  it("imports CSV text, and the same file again changes nothing", async () => {
    const csv = `${header}\nEXT-E2E-1,Cấp giấy phép lao động,Công ty TNHH Thử Nghiệm,VP,01/03/2023 08:00,10/03/2023,\n`;
    expect(await api.importCsv("cases", csv)).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(await api.importCsv("cases", csv)).toEqual({ created: 0, updated: 0, unchanged: 1, errors: [], errorCount: 0 });
  });

  it("gets every failing line back and nothing is written", async () => {
    const csv = `${header}\nEXT-BAD-1,Thủ tục,Người nộp,NO-SUCH-UNIT,01/03/2023,10/03/2023,\nEXT-BAD-2,Thủ tục,Người nộp,VP,31/02/2023,10/03/2023,\n`;
    const result = await api.importCsv("cases", csv);
    expect(new Set(result.errors.map((e) => e.line))).toEqual(new Set([2, 3]));
    expect(result.created).toBe(0);
    const client = new GraphQLClient({ serverUrl: server.url, token: ADMIN_TOKEN });
    expect(await client.request("{ case(code: \"EXT-BAD-1\") { code } }")).toEqual({ case: null });
  });

  it("imports an .xlsx workbook as base64", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Cases");
    sheet.addRow(header.split(","));
    sheet.addRow(["EXT-XLSX-1", "Đăng ký nội quy lao động", "Công ty CP Mẫu", "VP", "02/03/2023 09:00", "12/03/2023", ""]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await api.importXlsx("cases", bytes.toString("base64"))).toMatchObject({ created: 1, errors: [] });
  });
});

describe("HpNet statistics per person from the extension", () => {
  it("loads a unit's people and every one of its outstanding tasks, and they agree", async () => {
    const board = (await api.board())!;
    const entry = board.units.find((u) => owedCounts(u.compliance).unreportedTasks + owedCounts(u.compliance).unfiledTasks > 2)!;
    const people = await api.assignees(board.id, entry.unit.code);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.unit.code === entry.unit.code)).toBe(true);
    const unreported = await api.allTasksWith("unreported", board.id, entry.unit.code, 2);
    const unfiled = await api.allTasksWith("unfiled", board.id, entry.unit.code, 2);
    expect(unreported).toHaveLength(owedCounts(entry.compliance).unreportedTasks);
    expect(unfiled).toHaveLength(owedCounts(entry.compliance).unfiledTasks);
    for (const p of people) {
      const mine = (t: { assignee: string | null }) => t.assignee === p.assignee;
      expect(unreported.filter(mine).length + unfiled.filter(mine).length, String(p.assignee)).toBe(p.outstanding);
    }
  });
});
