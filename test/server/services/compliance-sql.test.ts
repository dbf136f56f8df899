import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeWindow } from "../../../server/src/domain/compliance.js";
import { countCompliance, type CaseForCompliance, type TaskForCompliance } from "../../../server/src/domain/scope.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/** Moments that sit on the edges the contract names: day boundaries in Vietnam time, whole seconds, milliseconds. */
const EDGE_MOMENTS = [
  "2022-12-31T16:59:59.999Z", "2022-12-31T17:00:00.000Z", "2023-03-01T09:30:00.000Z", "2023-03-01T09:30:01.000Z",
  "2023-06-15T02:00:00.000Z", "2023-11-17T09:30:00.000Z", "2023-11-17T16:59:59.000Z", "2023-11-17T17:00:00.000Z",
  "2023-12-31T16:59:59.999Z", "2023-12-31T17:00:00.000Z", "2023-12-31T23:00:00.000Z", "2024-02-07T09:30:00.000Z",
].map((iso) => new Date(iso));

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe.each(testDrivers())("compliance by SQL aggregation on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;
  const units = ["A1", "B2", "C3"];
  const casesByUnit = new Map<string, CaseForCompliance[]>(units.map((u) => [u, []]));
  const tasksByUnit = new Map<string, TaskForCompliance[]>(units.map((u) => [u, []]));

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, units.map((u) => [u, `Đơn vị ${u}`, "DEPARTMENT"]));
    const random = rng(42);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const near = (moment: Date) => new Date(moment.getTime() + pick([-1000, -1, 0, 0, 0, 1, 1000, 86_400_000, -86_400_000]));
    const maybe = (moment: Date) => (random() < 0.3 ? null : near(moment));
    for (let i = 0; i < 60; i += 1) {
      const unit = pick(units);
      const receivedAt = new Date("2022-12-01T00:00:00Z");
      const dueAt = near(pick(EDGE_MOMENTS));
      const resolvedAt = maybe(pick([dueAt, ...EDGE_MOMENTS]));
      const row: CaseForCompliance = { dueAt, resolvedAt, apologyIssuedAt: null };
      dataOf(await server.gql(`mutation($i: CaseInput!) { upsertCase(input: $i) { id } }`, {
        i: { code: `K${i}`, procedureName: "Thủ tục", applicantName: "Người nộp", unitCode: unit, receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString(), resolvedAt: resolvedAt?.toISOString() ?? null },
      }));
      const late = resolvedAt === null || resolvedAt > dueAt;
      if (late && random() < 0.7) {
        row.apologyIssuedAt = near(pick(EDGE_MOMENTS));
        dataOf(await server.gql(`mutation($i: ApologyInput!) { issueApology(input: $i) { id } }`, {
          i: { caseCode: `K${i}`, number: `${i}/PXL`, issuedAt: row.apologyIssuedAt.toISOString(), reason: "Lý do", newDueAt: new Date(dueAt.getTime() + 86_400_000).toISOString(), signer: "Người ký" },
        }));
      }
      casesByUnit.get(unit)?.push(row);
    }
    for (let i = 0; i < 60; i += 1) {
      const unit = pick(units);
      const assignedAt = near(pick(EDGE_MOMENTS));
      const workFileCreatedAt = maybe(pick(EDGE_MOMENTS));
      const task: TaskForCompliance = { assignedAt, completionReportedAt: maybe(pick(EDGE_MOMENTS)), archivedAt: maybe(pick(EDGE_MOMENTS)), workFileCreatedAt };
      dataOf(await server.gql(`mutation($i: HpNetTaskInput!) { upsertHpNetTask(input: $i) { id } }`, {
        i: {
          externalId: `T${i}`, title: "Việc", unitCode: unit, assignedAt: assignedAt.toISOString(),
          completionReportedAt: task.completionReportedAt?.toISOString() ?? null, archivedAt: task.archivedAt?.toISOString() ?? null,
          workFileCode: workFileCreatedAt ? `0${i}.VP` : null, workFileCreatedAt: workFileCreatedAt?.toISOString() ?? null,
        },
      }));
      tasksByUnit.get(unit)?.push(task);
    }
  });
  afterAll(() => server?.close());

  it("equals the row-by-row reference of the contract at every edge moment, per unit and for the board", async () => {
    const window = scopeWindow("2023-01-01", "2023-12-31");
    const moments = EDGE_MOMENTS.flatMap((m) => [new Date(m.getTime() - 1), m, new Date(m.getTime() + 1)]);
    for (const asOf of moments) {
      const data = dataOf(await server.gql<{ directive: { compliance: Record<string, number>; units: { unit: { code: string }; compliance: Record<string, number> }[] } }>(
        `query($id: ID!, $at: DateTime) { directive(id: $id) {
          compliance(asOf: $at) { overdueCases apologizedCases tasks reportedTasks filedTasks }
          units(asOf: $at) { unit { code } compliance { overdueCases apologizedCases tasks reportedTasks filedTasks } } } }`,
        { id: directiveId, at: asOf.toISOString() },
      ));
      let board = { overdueCases: 0, apologizedCases: 0, tasks: 0, reportedTasks: 0, filedTasks: 0 };
      for (const row of data.directive.units) {
        const expected = countCompliance(casesByUnit.get(row.unit.code) ?? [], tasksByUnit.get(row.unit.code) ?? [], window, asOf);
        expect(row.compliance, `${row.unit.code} as of ${asOf.toISOString()}`).toEqual(expected);
        board = Object.fromEntries(Object.entries(board).map(([k, v]) => [k, v + expected[k as keyof typeof expected]])) as typeof board;
      }
      expect(data.directive.compliance, `board as of ${asOf.toISOString()}`).toEqual(board);
    }
    // The data must exercise the rules, not pass vacuously.
    const final = countCompliance([...casesByUnit.values()].flat(), [...tasksByUnit.values()].flat(), window, new Date("2024-06-01T00:00:00Z"));
    expect(final.overdueCases).toBeGreaterThan(5);
    expect(final.apologizedCases).toBeGreaterThan(2);
    expect(final.reportedTasks).toBeGreaterThan(5);
    expect(final.filedTasks).toBeGreaterThan(5);
  });
});
