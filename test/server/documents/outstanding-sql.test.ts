import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeWindow } from "../../../server/src/domain/compliance.js";
import { isCaseInScope } from "../../../server/src/domain/scope.js";
import { isLateOrOverdue, timelinessAsOf } from "../../../server/src/domain/timeliness.js";
import { apologiesAfterDueByUnit, outstandingCases, outstandingCounts, outstandingTasks } from "../../../server/src/services/outstanding.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { DIRECTIVE_2023, seedBasics } from "../../support/fixtures.js";

/**
 * The outstanding lists behind the report and the reminder, on random rows placed on the edges the
 * contract names (day boundaries in Vietnam time, the moment itself ± 1 ms): per unit, each list
 * is exactly the gap the API's Compliance reports, so the documents never disagree with the API.
 */
const EDGES = [
  "2022-12-31T16:59:59.999Z", "2022-12-31T17:00:00.000Z", "2023-03-01T09:30:00.000Z", "2023-06-15T02:00:00.000Z",
  "2023-11-17T09:30:00.000Z", "2023-11-17T16:59:59.000Z", "2023-11-17T17:00:00.000Z", "2023-12-31T16:59:59.999Z",
  "2023-12-31T17:00:00.000Z", "2024-02-07T09:30:00.000Z",
].map((iso) => new Date(iso));

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

interface CaseRow {
  unit: string;
  dueAt: Date;
  resolvedAt: Date | null;
  apologyIssuedAt: Date | null;
}

describe.each(testDrivers())("outstanding lists by SQL on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;
  const units = ["A1", "B2", "C3"];
  const cases: CaseRow[] = [];

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, units.map((u) => [u, `Đơn vị ${u}`, "DEPARTMENT"]));
    const next = random(7);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const near = (m: Date) => new Date(m.getTime() + pick([-1000, -1, 0, 0, 1, 1000, 86_400_000, -86_400_000]));
    const maybe = (m: Date) => (next() < 0.3 ? null : near(m));
    for (let i = 0; i < 50; i += 1) {
      const unit = pick(units);
      const dueAt = near(pick(EDGES));
      const resolvedAt = maybe(pick([dueAt, ...EDGES]));
      const row: CaseRow = { unit, dueAt, resolvedAt, apologyIssuedAt: null };
      dataOf(
        await server.gql("mutation($i: CaseInput!) { upsertCase(input: $i) { id } }", {
          i: {
            code: `K${i}`, procedureName: "Thủ tục", applicantName: "Người nộp", unitCode: unit,
            receivedAt: "2022-12-01T00:00:00Z", dueAt: dueAt.toISOString(), resolvedAt: resolvedAt?.toISOString() ?? null,
          },
        }),
      );
      if ((resolvedAt === null || resolvedAt > dueAt) && next() < 0.7) {
        row.apologyIssuedAt = near(pick([dueAt, ...EDGES]));
        dataOf(
          await server.gql("mutation($i: ApologyInput!) { issueApology(input: $i) { id } }", {
            i: {
              caseCode: `K${i}`, number: `${i}/PXL`, issuedAt: row.apologyIssuedAt.toISOString(), reason: "Lý do",
              newDueAt: new Date(dueAt.getTime() + 86_400_000).toISOString(), signer: "Người ký",
            },
          }),
        );
      }
      cases.push(row);
    }
    for (let i = 0; i < 50; i += 1) {
      const workFileCreatedAt = maybe(pick(EDGES));
      dataOf(
        await server.gql("mutation($i: HpNetTaskInput!) { upsertHpNetTask(input: $i) { id } }", {
          i: {
            externalId: `T${i}`, title: "Việc", unitCode: pick(units), assignedAt: near(pick(EDGES)).toISOString(),
            completionReportedAt: maybe(pick(EDGES))?.toISOString() ?? null, archivedAt: maybe(pick(EDGES))?.toISOString() ?? null,
            workFileCode: workFileCreatedAt ? `0${i}.VP` : null, workFileCreatedAt: workFileCreatedAt?.toISOString() ?? null,
          },
        }),
      );
    }
  });
  afterAll(() => server?.close());

  it("lists per unit exactly the Compliance gaps, and counts late apologies as the domain does, at every edge", async () => {
    const db = server.database.db;
    const unitIds = new Map((await db.getRepository(Unit).find()).map((u) => [u.code, u.id]));
    const window = scopeWindow(DIRECTIVE_2023.periodStart, DIRECTIVE_2023.periodEnd);
    const moments = EDGES.flatMap((m) => [new Date(m.getTime() - 1), m, new Date(m.getTime() + 1)]);
    const seen = { cases: 0, tasks: 0, afterDue: 0 };
    for (const asOf of moments) {
      const api = dataOf(
        await server.gql<{ directive: { units: { unit: { code: string }; compliance: Record<string, number> }[] } }>(
          `query($id: ID!, $at: DateTime) { directive(id: $id) {
            units(asOf: $at) { unit { code } compliance { overdueCases apologizedCases tasks reportedTasks filedTasks } } } }`,
          { id: directiveId, at: asOf.toISOString() },
        ),
      );
      const query = { directive: DIRECTIVE_2023, asOf };
      const [lateCases, tasks, afterDue] = await Promise.all([
        outstandingCases(db, query),
        outstandingTasks(db, query),
        apologiesAfterDueByUnit(db, query),
      ]);
      for (const { unit, compliance: c } of api.directive.units) {
        const at = `${unit.code} as of ${asOf.toISOString()}`;
        expect(lateCases.filter((r) => r.unitCode === unit.code).length, at).toBe(c.overdueCases - c.apologizedCases);
        const own = tasks.filter((t) => t.unitCode === unit.code);
        expect(own.filter((t) => !t.reported).length, at).toBe(c.tasks - c.reportedTasks);
        expect(own.filter((t) => !t.filed).length, at).toBe(c.tasks - c.filedTasks);
        expect(own.every((t) => !t.reported || !t.filed), at).toBe(true);
        const reference = cases.filter(
          (r) =>
            r.unit === unit.code &&
            isCaseInScope(r, window) &&
            isLateOrOverdue(timelinessAsOf(r, asOf)) &&
            r.apologyIssuedAt !== null &&
            r.apologyIssuedAt <= asOf &&
            r.apologyIssuedAt > r.dueAt,
        ).length;
        expect(afterDue.get(unitIds.get(unit.code) as number) ?? 0, at).toBe(reference);
        seen.afterDue += reference;
      }
      seen.cases += lateCases.length;
      seen.tasks += tasks.length;
    }
    // The random rows must exercise every list, or the equalities above prove little.
    expect(seen.cases).toBeGreaterThan(0);
    expect(seen.tasks).toBeGreaterThan(0);
    expect(seen.afterDue).toBeGreaterThan(0);
  });

  it("scopes to one unit when asked", async () => {
    const db = server.database.db;
    const unit = await db.getRepository(Unit).findOneByOrFail({ code: "B2" });
    const asOf = new Date("2024-01-01T00:00:00Z");
    const all = await outstandingCases(db, { directive: DIRECTIVE_2023, asOf });
    const one = await outstandingCases(db, { directive: DIRECTIVE_2023, asOf, unitId: unit.id });
    expect(one.map((r) => r.row.code)).toEqual(all.filter((r) => r.unitCode === "B2").map((r) => r.row.code));
    const byCode = await outstandingCases(db, { directive: DIRECTIVE_2023, asOf, unitCode: "B2" });
    expect(byCode.map((r) => r.row.code)).toEqual(one.map((r) => r.row.code));
  });

  it("counts the lists as they are listed, for every unit and for one named by id or by code", async () => {
    const db = server.database.db;
    const unit = await db.getRepository(Unit).findOneByOrFail({ code: "B2" });
    const asOf = new Date("2024-01-01T00:00:00Z");
    const lengths = async (scope: { unitId?: number; unitCode?: string }) => {
      const query = { directive: DIRECTIVE_2023, asOf, ...scope };
      const [cases, tasks] = await Promise.all([outstandingCases(db, query), outstandingTasks(db, query)]);
      return { cases: cases.length, tasks: tasks.length };
    };
    const all = await lengths({});
    expect(all.cases + all.tasks).toBeGreaterThan(0);
    expect(await outstandingCounts(db, { directive: DIRECTIVE_2023, asOf })).toEqual(all);
    const one = await lengths({ unitId: unit.id });
    expect(one.cases + one.tasks).toBeLessThan(all.cases + all.tasks);
    expect(await outstandingCounts(db, { directive: DIRECTIVE_2023, asOf, unitId: unit.id })).toEqual(one);
    expect(await outstandingCounts(db, { directive: DIRECTIVE_2023, asOf, unitCode: "B2" })).toEqual(one);
    expect(await outstandingCounts(db, { directive: DIRECTIVE_2023, asOf, unitCode: "NONE" })).toEqual({ cases: 0, tasks: 0 });
  });
});
