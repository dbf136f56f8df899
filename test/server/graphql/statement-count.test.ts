import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Apology } from "../../../server/src/entities/apology.entity.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { HpNetTask } from "../../../server/src/entities/hpnet-task.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { UnitKind } from "../../../server/src/core/enums.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

const BOARD = `query($id: ID!) { directive(id: $id) { number
  compliance { rate status }
  units { unit { code name kind } compliance { overdueCases apologizedCases apologyRate tasks reportedTasks filedTasks rate status } } } }`;
const UNITS_WITH_COMPLIANCE = `{ units { code compliance { rate status } } }`;
const CASE_PAGE = `query($first: Int) { cases(first: $first) { totalCount edges { node { code unit { code name } timeliness workingDaysLate apology { number case { code } } } } } }`;
const TASK_PAGE = `query($first: Int) { hpnetTasks(first: $first) { totalCount edges { node { externalId unit { code } } } } }`;

/** Adds `units` units with `perUnit` cases (half apologised) and tasks each, straight into the database. */
async function grow(server: TestServer, prefix: string, units: number, perUnit: number): Promise<void> {
  const db = server.database.db;
  for (let u = 0; u < units; u += 1) {
    const unit = await db.getRepository(Unit).save({ code: `${prefix}${u}`, name: `Đơn vị ${prefix}${u}`, kind: UnitKind.DEPARTMENT });
    const cases = await db.getRepository(Case).save(
      Array.from({ length: perUnit }, (_, i) => ({
        code: `${prefix}${u}-C${i}`, procedureName: "Thủ tục", applicantName: "Người nộp", unitId: unit.id,
        receivedAt: new Date("2023-03-01T01:00:00Z"), dueAt: new Date("2023-03-10T09:30:00Z"),
        resolvedAt: i % 3 === 0 ? null : new Date("2023-03-14T09:30:00Z"),
      })),
    );
    await db.getRepository(Apology).save(
      cases.filter((_, i) => i % 2 === 0).map((c) => ({
        caseId: c.id, number: `${c.code}/PXL`, issuedAt: new Date("2023-03-20T02:00:00Z"), reason: "Lý do",
        newDueAt: new Date("2023-03-20T09:30:00Z"), signer: "Người ký", publishedAt: null, publishedVia: null,
      })),
    );
    await db.getRepository(HpNetTask).save(
      Array.from({ length: perUnit }, (_, i) => ({
        externalId: `${prefix}${u}-T${i}`, title: "Việc", unitId: unit.id, assignee: null,
        assignedAt: new Date("2023-04-01T02:00:00Z"), dueAt: null,
        completionReportedAt: i % 2 ? new Date("2023-04-05T02:00:00Z") : null, archivedAt: null,
        workFileCode: i % 3 ? "01.VP" : null, workFileCreatedAt: i % 3 ? new Date("2023-04-06T02:00:00Z") : null,
      })),
    );
  }
}

describe.each(testDrivers())("SQL statements per request on %s (no N+1)", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  async function statementsOf(query: string, variables: Record<string, unknown> = {}): Promise<number> {
    const before = server.statements();
    dataOf(await server.gql(query, variables));
    return server.statements() - before;
  }

  it("runs the whole board table in a constant number of statements, whatever the size", async () => {
    await grow(server, "S", 2, 3);
    const small = {
      board: await statementsOf(BOARD, { id: directiveId }),
      units: await statementsOf(UNITS_WITH_COMPLIANCE),
      cases: await statementsOf(CASE_PAGE, { first: 500 }),
      tasks: await statementsOf(TASK_PAGE, { first: 500 }),
    };
    await grow(server, "L", 40, 25);
    const large = {
      board: await statementsOf(BOARD, { id: directiveId }),
      units: await statementsOf(UNITS_WITH_COMPLIANCE),
      cases: await statementsOf(CASE_PAGE, { first: 500 }),
      tasks: await statementsOf(TASK_PAGE, { first: 500 }),
    };
    expect(large).toEqual(small);
    // directive, units, case aggregate, task aggregate.
    expect(large.board).toBe(4);
    // units, latest directive, case aggregate, task aggregate.
    expect(large.units).toBe(4);
    // page, count, units, apologies, holidays (the apologies' cases are the page's own rows).
    expect(large.cases).toBe(5);
    // page, count, units.
    expect(large.tasks).toBe(3);
    const board = dataOf(await server.gql<{ directive: { units: unknown[] } }>(BOARD, { id: directiveId }));
    expect(board.directive.units).toHaveLength(43);
  });
});
