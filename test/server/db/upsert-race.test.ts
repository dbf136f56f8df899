import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from "../../support/test-server.js";
import { caseInput, seedBasics, upsertCase, upsertTask } from "../../support/fixtures.js";

/**
 * "Creates ..., or updates the one with that code": several requests upserting the same new key at
 * once must all succeed and leave one row. On MariaDB the losers' INSERTs used to fail with a
 * duplicate key and answer INTERNAL_SERVER_ERROR; SQLite serialises writers and never showed it.
 */
/** Enough simultaneous requests that some of them reliably read "nothing there" together. */
const CONTENDERS = Array.from({ length: 12 }, (_, index) => index + 1);

describe.each(testDrivers())("concurrent upserts of one new key on %s", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  const codesOf = (responses: GraphQLResponse[]) => responses.map((response) => errorCode(response) ?? "ok");

  it("upsertUnit", async () => {
    const responses = await Promise.all(
      CONTENDERS.map((n) =>
        server.gql(`mutation($i: UnitInput!) { upsertUnit(input: $i) { id } }`, { i: { code: "RACE", name: `Đơn vị ${n}`, kind: "DEPARTMENT" } }),
      ),
    );
    expect(codesOf(responses)).toEqual(CONTENDERS.map(() => "ok"));
    const units = dataOf(await server.gql<{ units: { code: string }[] }>(`{ units { code } }`)).units;
    expect(units.filter((unit) => unit.code === "RACE")).toHaveLength(1);
  });

  it("upsertCase", async () => {
    const responses = await Promise.all(
      CONTENDERS.map((n) => upsertCase(server, { ...caseInput("RACE-1", "VP", "2023-03-01T16:30:00+07:00"), procedureName: `Thủ tục ${n}` })),
    );
    expect(codesOf(responses)).toEqual(CONTENDERS.map(() => "ok"));
    const page = dataOf(await server.gql<{ cases: { totalCount: number } }>(`{ cases(filter: { unitCode: "VP" }) { totalCount } }`)).cases;
    expect(page.totalCount).toBe(1);
  });

  it("upsertHpNetTask", async () => {
    const responses = await Promise.all(
      CONTENDERS.map((n) =>
        upsertTask(server, { externalId: "HP-RACE", title: `Việc ${n}`, unitCode: "VP", assignedAt: "2023-03-01T08:00:00+07:00" }),
      ),
    );
    expect(codesOf(responses)).toEqual(CONTENDERS.map(() => "ok"));
    const page = dataOf(await server.gql<{ hpnetTasks: { totalCount: number } }>(`{ hpnetTasks { totalCount } }`)).hpnetTasks;
    expect(page.totalCount).toBe(1);
  });
});
