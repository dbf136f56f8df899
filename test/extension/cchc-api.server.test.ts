import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../../server/src/db/seed/seed-demo.js";
import { ApiError } from "../../extension/src/api/api-error.js";
import { CchcApi } from "../../extension/src/api/cchc-api.js";
import { GraphQLClient } from "../../extension/src/api/graphql-client.js";
import { owedCounts } from "../../extension/src/model/compliance-tree.model.js";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../support/test-server.js";

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
