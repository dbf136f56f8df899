import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { caseInput, DIRECTIVE_2023, issueApology, seedBasics, upsertCase, upsertTask } from "../../support/fixtures.js";

describe.each(testDrivers())("the GraphQL API on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [
      ["QLLD", "Phòng Quản lý Lao động", "DEPARTMENT"],
      ["TTXT", "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", "SERVICE_UNIT"],
      ["VP", "Văn phòng", "DEPARTMENT"],
    ]);
  });
  afterAll(() => server?.close());

  describe("access", () => {
    it("answers GET /health without a token and reports the database", async () => {
      const response = await fetch(`${server.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
    });

    it("refuses an operation without a token or with an unknown one", async () => {
      const missing = await server.gql(`{ units { code } }`, undefined, null);
      expect(missing.status).toBe(401);
      expect(errorCode(missing)).toBe("UNAUTHENTICATED");
      expect(errorCode(await server.gql(`{ units { code } }`, undefined, "not-a-token"))).toBe("UNAUTHENTICATED");
    });

    it("creates tokens shown once, enforces roles, and revokes", async () => {
      const created = dataOf(
        await server.gql<{ createApiToken: { token: string; apiToken: { id: string; role: string } } }>(
          `mutation { createApiToken(input: { name: "Cán bộ QLLD", role: OFFICER, unitCode: "QLLD" }) { token apiToken { id role } } }`,
        ),
      ).createApiToken;
      expect(created.token).toMatch(/^cchc_/);
      const officer = created.token;
      expect(dataOf(await server.gql<{ me: { role: string; unit: { code: string } } }>(`{ me { role unit { code } } }`, undefined, officer)).me)
        .toEqual({ role: "OFFICER", unit: { code: "QLLD" } });
      // Reads everything, writes only its own unit.
      expect(dataOf(await server.gql<{ units: unknown[] }>(`{ units { code } }`, undefined, officer)).units).toHaveLength(3);
      expect(errorCode(await upsertCase(server, caseInput("OFF-1", "QLLD", "2023-03-01T16:30:00+07:00"), officer))).toBeUndefined();
      expect(errorCode(await upsertCase(server, caseInput("OFF-2", "TTXT", "2023-03-01T16:30:00+07:00"), officer))).toBe("FORBIDDEN");
      expect(errorCode(await server.gql(`mutation { upsertUnit(input: { code: "X", name: "X", kind: DEPARTMENT }) { id } }`, undefined, officer))).toBe("FORBIDDEN");

      const viewer = dataOf(
        await server.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "Báo cáo", role: VIEWER }) { token } }`),
      ).createApiToken.token;
      expect(errorCode(await upsertCase(server, caseInput("VIEW-1", "QLLD", "2023-03-01T16:30:00+07:00"), viewer))).toBe("FORBIDDEN");

      const list = dataOf(await server.gql<{ apiTokens: { id: string }[] }>(`{ apiTokens { id name role revokedAt } }`));
      expect(JSON.stringify(list)).not.toContain(officer);
      dataOf(await server.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.apiToken.id }));
      expect(errorCode(await server.gql(`{ units { code } }`, undefined, officer))).toBe("UNAUTHENTICATED");
    });
  });

  describe("units and directives", () => {
    it("lists units by code point order and finds one by code, null when absent", async () => {
      const data = dataOf(await server.gql<{ units: { code: string }[]; unit: { name: string }; none: null }>(
        `{ units { code } unit(code: " QLLD ") { name } none: unit(code: "NOPE") { name } }`,
      ));
      expect(data.units.map((u) => u.code)).toEqual(["QLLD", "TTXT", "VP"]);
      expect(data.unit.name).toBe("Phòng Quản lý Lao động");
      expect(data.none).toBeNull();
    });

    it("upserts a unit by code and stores text trimmed and in NFC", async () => {
      const decomposed = "Văn phòng".normalize("NFD");
      const data = dataOf(await server.gql<{ upsertUnit: { code: string; name: string } }>(
        `mutation($n: String!) { upsertUnit(input: { code: "VP", name: $n, kind: DEPARTMENT }) { code name } }`,
        { n: `  ${decomposed}  ` },
      ));
      expect(data.upsertUnit.name).toBe("Văn phòng".normalize("NFC"));
      expect(dataOf(await server.gql<{ units: unknown[] }>(`{ units { code } }`)).units).toHaveLength(3);
    });

    it("keeps codes that differ only by case or accents apart (MariaDB's Vietnamese collation folds them)", async () => {
      dataOf(await server.gql(`mutation { a: upsertUnit(input: { code: "Hà", name: "A", kind: DEPARTMENT }) { id } }`));
      dataOf(await server.gql(`mutation { b: upsertUnit(input: { code: "Ha", name: "B", kind: DEPARTMENT }) { id } }`));
      const data = dataOf(await server.gql<{ a: { name: string }; b: { name: string } }>(`{ a: unit(code: "Hà") { name } b: unit(code: "Ha") { name } }`));
      expect([data.a.name, data.b.name]).toEqual(["A", "B"]);
    });

    it("rejects empty strings and bad dates with BAD_USER_INPUT", async () => {
      const empty = await server.gql(`mutation { upsertUnit(input: { code: "   ", name: "X", kind: DEPARTMENT }) { id } }`);
      expect(errorCode(empty)).toBe("BAD_USER_INPUT");
      expect(empty.errors?.[0].message).toContain("code must not be empty");
      const badDay = await server.gql(`mutation($i: DirectiveInput!) { createDirective(input: $i) { id } }`, {
        i: { number: "1", subject: "s", issuedOn: "2023-02-30", periodStart: "2023-01-01", periodEnd: "2023-12-31", deadline: "2023-11-17" },
      });
      expect(errorCode(badDay)).toBe("BAD_USER_INPUT");
      const noOffset = await server.gql(`{ units { compliance(asOf: "2023-11-17T10:00:00") { rate } } }`);
      expect(errorCode(noOffset)).toBe("BAD_USER_INPUT");
      const noOffsetVar = await server.gql(`query($t: DateTime) { units { compliance(asOf: $t) { rate } } }`, { t: "2023-11-17T10:00:00" });
      expect(errorCode(noOffsetVar)).toBe("BAD_USER_INPUT");
    });

    it("picks the latest directive by deadline, then issuedOn, then creation", async () => {
      const make = async (number: string, issuedOn: string, deadline: string) =>
        dataOf(await server.gql<{ createDirective: { id: string } }>(`mutation($i: DirectiveInput!) { createDirective(input: $i) { id } }`, {
          i: { number, subject: "Rà soát", issuedOn, periodStart: "2022-01-01", periodEnd: "2022-12-31", deadline },
        })).createDirective.id;
      await make("A", "2022-11-01", "2022-11-30");
      const latest = dataOf(await server.gql<{ latestDirective: { id: string } }>(`{ latestDirective { id } }`)).latestDirective;
      expect(latest.id).toBe(directiveId);
      const tieLaterIssued = await make("B", "2023-11-09", "2023-11-17");
      const tieCreatedLast = await make("C", "2023-11-09", "2023-11-17");
      expect(dataOf(await server.gql<{ latestDirective: { id: string } }>(`{ latestDirective { id } }`)).latestDirective.id).toBe(tieCreatedLast);
      expect(tieLaterIssued).not.toBe(tieCreatedLast);
      expect(dataOf(await server.gql<{ directive: null }>(`{ directive(id: "999999") { id } }`)).directive).toBeNull();
      const first = dataOf(await server.gql<{ directive: Record<string, string> }>(`query($id: ID!) { directive(id: $id) { number subject issuedOn periodStart periodEnd deadline } }`, { id: directiveId }));
      expect(first.directive).toEqual(DIRECTIVE_2023);
    });
  });

  describe("cases and apologies", () => {
    it("validates a case: unknown unit NOT_FOUND, due before received BAD_USER_INPUT", async () => {
      expect(errorCode(await upsertCase(server, caseInput("C-X", "NOPE", "2023-03-01T16:30:00+07:00")))).toBe("NOT_FOUND");
      expect(errorCode(await upsertCase(server, caseInput("C-X", "QLLD", "2023-01-01T16:30:00+07:00")))).toBe("BAD_USER_INPUT");
      expect(errorCode(await upsertCase(server, caseInput("C-X", "QLLD", "2023-03-01T16:30:00+07:00", "2022-12-01T00:00:00Z")))).toBe("BAD_USER_INPUT");
    });

    it("upserts by code, answers in UTC to the millisecond, and judges timeliness as of a moment", async () => {
      dataOf(await upsertCase(server, caseInput("C-1", "QLLD", "2023-11-17T16:30:00+07:00", "2023-11-20T08:00:00.123+07:00")));
      const data = dataOf(await server.gql<{ case: Record<string, unknown> }>(`{
        case(code: "C-1") { code dueAt resolvedAt unit { code }
          now: timeliness before: timeliness(asOf: "2023-11-17T16:30:00+07:00") after: timeliness(asOf: "2023-11-17T16:30:01+07:00")
          late: workingDaysLate before2: workingDaysLate(asOf: "2023-11-17T23:00:00+07:00") apology { id } } }`));
      expect(data.case).toEqual({
        code: "C-1", dueAt: "2023-11-17T09:30:00.000Z", resolvedAt: "2023-11-20T01:00:00.123Z", unit: { code: "QLLD" },
        now: "LATE", before: "IN_PROGRESS", after: "OVERDUE", late: 1, before2: 0, apology: null,
      });
      dataOf(await upsertCase(server, caseInput("C-1", "QLLD", "2023-11-17T16:30:00+07:00", null)));
      expect(dataOf(await server.gql<{ case: { resolvedAt: null } }>(`{ case(code: "C-1") { resolvedAt } }`)).case.resolvedAt).toBeNull();
      expect(dataOf(await server.gql<{ case: null }>(`{ case(code: "nope") { code } }`)).case).toBeNull();
    });

    it("issues an apology checking NOT_FOUND, then CONFLICT, then BAD_USER_INPUT", async () => {
      dataOf(await upsertCase(server, caseInput("C-EARLY", "QLLD", "2023-05-10T16:30:00+07:00", "2023-05-08T10:00:00+07:00")));
      dataOf(await upsertCase(server, caseInput("C-ONTIME", "QLLD", "2023-05-10T16:30:00+07:00", "2023-05-10T16:30:00+07:00")));
      dataOf(await upsertCase(server, caseInput("C-LATE", "QLLD", "2023-05-10T16:30:00+07:00", "2023-05-12T10:00:00+07:00")));
      const apology = (caseCode: string, newDueAt = "2023-05-15T16:30:00+07:00") => ({
        caseCode, number: "01/PXL-QLLD", issuedAt: "2023-05-09T09:00:00+07:00", reason: "Cần lấy ý kiến cơ quan liên quan", newDueAt, signer: "Lê Thu Trang",
      });
      expect(errorCode(await issueApology(server, apology("C-NONE")))).toBe("NOT_FOUND");
      expect(errorCode(await issueApology(server, apology("C-EARLY")))).toBe("BAD_USER_INPUT");
      expect(errorCode(await issueApology(server, apology("C-ONTIME")))).toBe("BAD_USER_INPUT");
      expect(errorCode(await issueApology(server, apology("C-LATE", "2023-05-10T16:30:00+07:00")))).toBe("BAD_USER_INPUT");
      const issued = dataOf(await issueApology(server, apology("C-LATE"))) as { issueApology: { issuedAfterDue: boolean; case: { code: string } } };
      expect(issued.issueApology).toMatchObject({ issuedAfterDue: false, case: { code: "C-LATE" } });
      // A second apology is CONFLICT even when its own input is also wrong (the order of checks).
      expect(errorCode(await issueApology(server, apology("C-LATE", "2023-01-01T00:00:00Z")))).toBe("CONFLICT");
      // Not yet late (unresolved, due in the future of its data): allowed, the rule asks for it a day before.
      dataOf(await upsertCase(server, caseInput("C-OPEN", "QLLD", "2023-06-10T16:30:00+07:00")));
      dataOf(await issueApology(server, apology("C-OPEN", "2023-06-20T16:30:00+07:00")));
      const published = dataOf(await server.gql<{ publishApology: { publishedAt: string; publishedVia: string } }>(
        `mutation($id: ID!) { publishApology(id: $id, publishedAt: "2023-05-10T08:00:00+07:00", via: "Bảng niêm yết") { publishedAt publishedVia } }`,
        { id: (dataOf(await server.gql<{ case: { apology: { id: string } } }>(`{ case(code: "C-LATE") { apology { id } } }`))).case.apology.id },
      ));
      expect(published.publishApology).toEqual({ publishedAt: "2023-05-10T01:00:00.000Z", publishedVia: "Bảng niêm yết" });
      expect(errorCode(await server.gql(`mutation { publishApology(id: "424242") { id } }`))).toBe("NOT_FOUND");
    });
  });

  describe("HpNet tasks", () => {
    it("requires workFileCode and workFileCreatedAt together", async () => {
      const base = { externalId: "T-1", title: "Báo cáo quý", unitCode: "VP", assignedAt: "2023-03-01T09:00:00+07:00" };
      expect(errorCode(await upsertTask(server, { ...base, workFileCode: "01.VP" }))).toBe("BAD_USER_INPUT");
      expect(errorCode(await upsertTask(server, { ...base, workFileCreatedAt: "2023-03-05T09:00:00+07:00" }))).toBe("BAD_USER_INPUT");
      expect(errorCode(await upsertTask(server, { ...base, unitCode: "NOPE" }))).toBe("NOT_FOUND");
      dataOf(await upsertTask(server, { ...base, workFileCode: "01.VP", workFileCreatedAt: "2023-03-05T09:00:00+07:00", assignee: "  " }));
      const task = dataOf(await server.gql<{ hpnetTask: Record<string, unknown> }>(`{ hpnetTask(externalId: "T-1") { externalId assignee workFileCode workFileCreatedAt unit { code } } }`));
      expect(task.hpnetTask).toEqual({ externalId: "T-1", assignee: null, workFileCode: "01.VP", workFileCreatedAt: "2023-03-05T02:00:00.000Z", unit: { code: "VP" } });
    });
  });

  describe("connections", () => {
    it("pages cases in (dueAt, code) order with stable opaque cursors and exact totals", async () => {
      for (let i = 0; i < 7; i += 1) {
        dataOf(await upsertCase(server, caseInput(`P-${i}`, "TTXT", `2023-08-0${1 + (i % 3)}T16:30:00+07:00`)));
      }
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { cases: { totalCount: number; edges: { node: { code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
          dataOf(await server.gql(`query($after: String) { cases(filter: { unitCode: "TTXT" }, first: 3, after: $after) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`, { after }));
        expect(page.cases.totalCount).toBe(7);
        seen.push(...page.cases.edges.map((e) => e.node.code));
        if (!page.cases.pageInfo.hasNextPage) break;
        after = page.cases.pageInfo.endCursor;
      }
      expect(seen).toEqual(["P-0", "P-3", "P-6", "P-1", "P-4", "P-2", "P-5"]);
      const zero = dataOf(await server.gql<{ cases: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(`{ cases(filter: { unitCode: "TTXT" }, first: 0) { edges { cursor } pageInfo { hasNextPage } } }`));
      expect(zero.cases).toEqual({ edges: [], pageInfo: { hasNextPage: true } });
    });

    it("rejects first outside 0..500, a foreign cursor, and unknown filter keys", async () => {
      expect(errorCode(await server.gql(`{ cases(first: 501) { totalCount } }`))).toBe("BAD_USER_INPUT");
      expect(errorCode(await server.gql(`{ cases(first: -1) { totalCount } }`))).toBe("BAD_USER_INPUT");
      expect(errorCode(await server.gql(`{ hpnetTasks(first: 501) { totalCount } }`))).toBe("BAD_USER_INPUT");
      expect(errorCode(await server.gql(`{ cases(after: "bm9wZQ") { totalCount } }`))).toBe("BAD_USER_INPUT");
      expect(errorCode(await server.gql(`{ cases(filter: { unitCode: "NOPE" }) { totalCount } }`))).toBe("NOT_FOUND");
      expect(errorCode(await server.gql(`{ cases(filter: { directiveId: "99999" }) { totalCount } }`))).toBe("NOT_FOUND");
      expect(errorCode(await server.gql(`{ hpnetTasks(filter: { unitCode: "NOPE" }) { totalCount } }`))).toBe("NOT_FOUND");
      expect(dataOf(await server.gql<{ cases: { totalCount: number } }>(`{ cases(first: 500) { totalCount } }`)).cases.totalCount).toBeGreaterThan(0);
    });

    it("filters cases by overdue and apologized as of now", async () => {
      const codes = async (filter: string) =>
        dataOf(await server.gql<{ cases: { edges: { node: { code: string } }[] } }>(`{ cases(filter: { unitCode: "QLLD", ${filter} }, first: 500) { edges { node { code } } } }`))
          .cases.edges.map((e) => e.node.code).sort();
      expect(await codes("overdue: true, apologized: true")).toEqual(["C-LATE", "C-OPEN"]);
      expect(await codes("overdue: false")).toEqual(["C-EARLY", "C-ONTIME"]);
      expect(await codes("apologized: false, overdue: true")).toEqual(["C-1", "OFF-1"]);
    });
  });
});
