import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { ADMIN_TOKEN, dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { caseInput, issueApology, upsertCase } from "../../support/fixtures.js";

interface Entry {
  id: string;
  at: string;
  operation: string;
  subjectKey: string | null;
  details: string;
  actor: { tokenId: string | null; name: string; role: string; unit: { code: string } | null };
}
interface Page {
  auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Entry }[] };
}

const AUDIT_LOG = `query($f: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at operation subjectKey details actor { tokenId name role unit { code } } } }
  }
}`;

/**
 * The audit trail: every successful write appends exactly one entry in its own transaction, a
 * failed write none; ADMIN reads it newest first, filtered and paged.
 */
describe.each(testDrivers())("audit trail on %s", (driver) => {
  let server: TestServer;
  let officerToken: string;
  let officerTokenId: string;
  let viewerToken: string;

  const page = async (variables: Record<string, unknown> = {}, token = ADMIN_TOKEN) => dataOf(await server.gql<Page>(AUDIT_LOG, variables, token)).auditLog;
  const count = async () => (await page({ first: 0 })).totalCount;
  const latest = async () => (await page({ first: 1 })).edges[0].node;
  /** Runs a write that must succeed and append exactly one entry; answers that entry with its details parsed. */
  const audited = async (write: () => Promise<{ errors?: unknown[] }>) => {
    const before = await count();
    const response = await write();
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    expect(await count()).toBe(before + 1);
    const entry = await latest();
    return { ...entry, details: JSON.parse(entry.details) as Record<string, unknown> };
  };
  /** Runs a write that must fail with `code` and append nothing. */
  const refused = async (code: string, write: () => Promise<{ errors?: { extensions?: { code?: string } }[] }>) => {
    const before = await count();
    expect(errorCode((await write()) as never)).toBe(code);
    expect(await count()).toBe(before);
  };

  beforeAll(async () => {
    server = await startTestServer(driver);
  });
  afterAll(() => server?.close());

  it("records each mutation once, with the changed fields as [before, after], and who wrote", async () => {
    const unit = await audited(() => server.gql(`mutation { upsertUnit(input: { code: "VP", name: "Văn phòng", kind: DEPARTMENT }) { id } }`));
    expect(unit).toMatchObject({
      operation: "upsertUnit",
      subjectKey: "VP",
      details: { code: [null, "VP"], name: [null, "Văn phòng"], kind: [null, "DEPARTMENT"] },
      actor: { tokenId: null, name: "environment admin token", role: "ADMIN", unit: null },
    });
    const renamed = await audited(() => server.gql(`mutation { upsertUnit(input: { code: "VP", name: "Văn phòng Ban", kind: DEPARTMENT }) { id } }`));
    expect(renamed.details).toEqual({ name: ["Văn phòng", "Văn phòng Ban"] });

    const directive = await audited(() =>
      server.gql(`mutation { createDirective(input: { number: "168/TB-BQL", subject: "V/v", issuedOn: "2023-11-08", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-11-17" }) { id } }`),
    );
    expect(directive).toMatchObject({ operation: "createDirective", details: { number: [null, "168/TB-BQL"], deadline: [null, "2023-11-17"] } });

    const officer = dataOf(
      await server.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        `mutation { createApiToken(input: { name: "Cán bộ VP", role: OFFICER, unitCode: "VP" }) { token apiToken { id } } }`,
      ),
    ).createApiToken;
    officerToken = officer.token;
    officerTokenId = officer.apiToken.id;
    const created = await latest();
    expect(created).toMatchObject({ operation: "createApiToken", subjectKey: officerTokenId });
    expect(JSON.parse(created.details)).toEqual({ name: [null, "Cán bộ VP"], role: [null, "OFFICER"], unitCode: [null, "VP"] });
    // Never the token nor its hash.
    expect(created.details).not.toContain(officerToken);
    expect(created.details).not.toMatch(/[0-9a-f]{64}/);
    viewerToken = dataOf(
      await server.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "Xem", role: VIEWER }) { token } }`),
    ).createApiToken.token;

    const kase = await audited(() => upsertCase(server, caseInput("H-1", "VP", "2023-11-10T17:00:00+07:00"), officerToken));
    expect(kase).toMatchObject({
      operation: "upsertCase",
      subjectKey: "H-1",
      actor: { tokenId: officerTokenId, name: "Cán bộ VP", role: "OFFICER", unit: { code: "VP" } },
      details: { code: [null, "H-1"], unitCode: [null, "VP"], dueAt: [null, "2023-11-10T10:00:00.000Z"] },
    });
    expect(kase.details).not.toHaveProperty("resolvedAt");
    const resolved = await audited(() => upsertCase(server, caseInput("H-1", "VP", "2023-11-10T17:00:00+07:00", "2023-11-20T09:00:00+07:00")));
    expect(resolved.details).toEqual({ resolvedAt: [null, "2023-11-20T02:00:00.000Z"] });

    const apology = await audited(() =>
      issueApology(server, { caseCode: "H-1", number: "1/PXL", issuedAt: "2023-11-09T09:00:00+07:00", reason: "Quá tải", newDueAt: "2023-11-24T17:00:00+07:00", signer: "Nguyễn Văn An" }),
    );
    expect(apology).toMatchObject({ operation: "issueApology", subjectKey: "H-1", details: { number: [null, "1/PXL"] } });
    const apologyId = dataOf(await server.gql<{ case: { apology: { id: string } } }>(`{ case(code: "H-1") { apology { id } } }`)).case.apology.id;
    const published = await audited(() =>
      server.gql(`mutation($id: ID!) { publishApology(id: $id, publishedAt: "2023-11-10T08:00:00+07:00", via: "Bảng niêm yết") { id } }`, { id: apologyId }),
    );
    expect(published).toMatchObject({
      operation: "publishApology",
      subjectKey: "H-1",
      details: { publishedAt: [null, "2023-11-10T01:00:00.000Z"], publishedVia: [null, "Bảng niêm yết"] },
    });

    const task = await audited(() =>
      server.gql(`mutation { upsertHpNetTask(input: { externalId: "HP-1", title: "Báo cáo", unitCode: "VP", assignedAt: "2023-03-01T08:00:00+07:00" }) { id } }`),
    );
    expect(task).toMatchObject({ operation: "upsertHpNetTask", subjectKey: "HP-1", details: { title: [null, "Báo cáo"] } });

    const holiday = await audited(() => server.gql(`mutation { upsertHoliday(input: { date: "2027-01-01", kind: HOLIDAY, name: "Tết Dương lịch" }) { date } }`));
    expect(holiday).toMatchObject({ operation: "upsertHoliday", subjectKey: "2027-01-01", details: { kind: [null, "HOLIDAY"] } });
    const deleted = await audited(() => server.gql(`mutation { deleteHoliday(date: "2027-01-01") }`));
    expect(deleted).toMatchObject({ operation: "deleteHoliday", subjectKey: "2027-01-01", details: { date: ["2027-01-01", null], kind: ["HOLIDAY", null] } });

    const texts = await audited(() => server.gql(`mutation($j: String!) { updateLetterTexts(json: $j) }`, { j: JSON.stringify({ agency: { place: "Đồ Sơn" } }) }));
    expect(texts).toMatchObject({ operation: "updateLetterTexts", details: { "agency.place": ["Hải Phòng", "Đồ Sơn"] } });
    expect(Object.keys(texts.details)).toEqual(["agency.place"]);
    const reset = await audited(() => server.gql(`mutation { resetLetterTexts }`));
    expect(reset.details).toEqual({ "agency.place": ["Đồ Sơn", "Hải Phòng"] });

    const revoked = await audited(() => server.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: officerTokenId }));
    expect(revoked).toMatchObject({ operation: "revokeApiToken", subjectKey: officerTokenId });
    expect(Object.keys(revoked.details)).toEqual(["revokedAt"]);
  });

  it("records an import that wrote, once, with its counts; not a dry run, an unchanged file or a refused one", async () => {
    const csv =
      "code,procedure_name,applicant_name,unit_code,received_at,due_at\n" +
      "I-1,P,A,VP,01/11/2023,17/11/2023\n" +
      "I-2,P,B,VP,01/11/2023,17/11/2023\n";
    const importCases = (text: string, dryRun = false) =>
      server.gql(`mutation($c: String!, $d: Boolean) { importCases(csv: $c, dryRun: $d) { created updated unchanged errors { line } } }`, { c: text, d: dryRun });
    const before = await count();
    dataOf(await importCases(csv, true));
    expect(await count()).toBe(before);
    const entry = await audited(() => importCases(csv));
    expect(entry).toMatchObject({ operation: "importCases", subjectKey: null, details: { created: 2, updated: 0, unchanged: 0, rows: 2 } });
    dataOf(await importCases(csv));
    expect(await count()).toBe(before + 1);
    const refusedImport = dataOf(await importCases(`${csv}I-3,P,C,NOWHERE,01/11/2023,17/11/2023\n`)) as { importCases: { errors: unknown[] } };
    expect(refusedImport.importCases.errors).toHaveLength(1);
    expect(await count()).toBe(before + 1);
  });

  it("records nothing for a write that fails", async () => {
    await refused("BAD_USER_INPUT", () => upsertCase(server, caseInput("H-2", "VP", "2022-01-01T00:00:00+07:00")));
    await refused("NOT_FOUND", () => upsertCase(server, caseInput("H-2", "NOWHERE", "2023-11-10T17:00:00+07:00")));
    await refused("FORBIDDEN", () => server.gql(`mutation { upsertUnit(input: { code: "X", name: "X", kind: DEPARTMENT }) { id } }`, {}, viewerToken));
    await refused("CONFLICT", () =>
      issueApology(server, { caseCode: "H-1", number: "2/PXL", issuedAt: "2023-11-09T09:00:00+07:00", reason: "x", newDueAt: "2023-11-24T17:00:00+07:00", signer: "x" }),
    );
    await refused("BAD_USER_INPUT", () => server.gql(`mutation { updateLetterTexts(json: "{\\"agency\\": 5}") }`));
  });

  it("rolls the write back with its entry: without the audit table, nothing is written", async () => {
    const before = await count();
    const away = driver === "sqlite" ? "ALTER TABLE audit_entries RENAME TO audit_entries_away" : "RENAME TABLE audit_entries TO audit_entries_away";
    const back = driver === "sqlite" ? "ALTER TABLE audit_entries_away RENAME TO audit_entries" : "RENAME TABLE audit_entries_away TO audit_entries";
    await server.database.db.query(away);
    try {
      const response = await server.gql(`mutation { upsertUnit(input: { code: "GONE", name: "Không lưu", kind: DEPARTMENT }) { id } }`);
      expect(errorCode(response)).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await server.database.db.query(back);
    }
    expect(dataOf(await server.gql<{ unit: unknown }>(`{ unit(code: "GONE") { id } }`)).unit).toBeNull();
    expect(await count()).toBe(before);
  });

  it("two concurrent upserts of one case: both recorded, the second's before is the first's after (no lost update)", async () => {
    dataOf(await upsertCase(server, { ...caseInput("C-1", "VP", "2023-11-10T17:00:00+07:00"), procedureName: "Gốc" }));
    await Promise.all(
      ["Thủ tục A", "Thủ tục B"].map((name) => upsertCase(server, { ...caseInput("C-1", "VP", "2023-11-10T17:00:00+07:00"), procedureName: name })),
    );
    const [second, first] = (await page({ first: 2, f: { subjectKey: "C-1", operation: "upsertCase" } })).edges.map((e) => JSON.parse(e.node.details));
    expect(first.procedureName[0]).toBe("Gốc");
    expect(second.procedureName[0]).toBe(first.procedureName[1]);
    const stored = dataOf(await server.gql<{ case: { procedureName: string } }>(`{ case(code: "C-1") { procedureName } }`)).case;
    expect(stored.procedureName).toBe(second.procedureName[1]);
  });

  it("pages newest first without gaps or repeats, and filters", async () => {
    const all: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const current: Page["auditLog"] = await page({ first: 3, after });
      all.push(...current.edges.map((e) => e.node));
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    const total = await count();
    expect(all).toHaveLength(total);
    expect(new Set(all.map((e) => e.id)).size).toBe(total);
    for (let i = 1; i < all.length; i += 1) {
      const [newer, older] = [all[i - 1], all[i]];
      const order = Date.parse(newer.at) - Date.parse(older.at) || Number(newer.id) - Number(older.id);
      expect(order).toBeGreaterThan(0);
    }
    const byOperation = await page({ f: { operation: "upsertUnit" } });
    expect(byOperation.totalCount).toBe(all.filter((e) => e.operation === "upsertUnit").length);
    expect(byOperation.edges.every((e) => e.node.operation === "upsertUnit")).toBe(true);
    const byActor = await page({ f: { actorTokenId: officerTokenId } });
    expect(byActor.edges.map((e) => e.node.operation)).toEqual(["upsertCase"]);
    const middle = all[Math.floor(all.length / 2)];
    const since = await page({ f: { from: middle.at }, first: 500 });
    expect(since.totalCount).toBe(all.filter((e) => Date.parse(e.at) >= Date.parse(middle.at)).length);
    const until = await page({ f: { until: middle.at }, first: 500 });
    expect(until.totalCount + since.totalCount).toBe(total);
  });

  it("is for ADMIN only", async () => {
    const officer = dataOf(
      await server.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "VP 2", role: OFFICER, unitCode: "VP" }) { token } }`),
    ).createApiToken.token;
    expect(errorCode(await server.gql(AUDIT_LOG, {}, officer))).toBe("FORBIDDEN");
    expect(errorCode(await server.gql(AUDIT_LOG, {}, viewerToken))).toBe("FORBIDDEN");
    expect(errorCode(await server.gql(AUDIT_LOG, { after: "bm90LWEtY3Vyc29y" }))).toBe("BAD_USER_INPUT");
    // Cursors nobody issued: a moment without its offset, one past year 9999 (a review paged to an empty page with it).
    const cursor = (moment: string) => Buffer.from(JSON.stringify([moment, "5"])).toString("base64url");
    for (const moment of ["2026-12-07 20:31:27", "+099999-01-01T00:00:00Z", "+099999-01-01T00:00:00.000Z", "2026-12-07T20:31:27Z"]) {
      expect(errorCode(await server.gql(AUDIT_LOG, { after: cursor(moment) })), moment).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await server.gql(AUDIT_LOG, { after: cursor("2026-12-07T20:31:27.000Z") }))).toBeUndefined();
  });
});
