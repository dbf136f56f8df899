import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { caseInput, issueApology, seedBasics, upsertCase } from "../../support/fixtures.js";

/**
 * The rules between a case and its apology hold after the apology exists, through the API (the
 * import's side is test/server/imports/write-rules-import.test.ts): no update makes an apologised case
 * early or on time or moves its due moment to or past the apology's new return date, and an
 * apology is not published before it was issued.
 */
const DUE = "2023-11-10T17:00:00+07:00";
const NEW_DUE = "2023-11-24T17:00:00+07:00";

describe.each(testDrivers())("write rules between records on %s", (driver) => {
  let server: TestServer;
  let apologyId: string;

  const storedCase = async (code: string) =>
    dataOf(await server.gql<{ case: { dueAt: string; resolvedAt: string | null } }>(`query($c: String!) { case(code: $c) { dueAt resolvedAt } }`, { c: code })).case;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
    dataOf(await upsertCase(server, caseInput("AP-1", "VP", DUE)));
    const issued = dataOf(
      await issueApology(server, {
        caseCode: "AP-1",
        number: "12/PXL-VP",
        issuedAt: "2023-11-09T09:00:00+07:00",
        reason: "Chờ ý kiến phòng QLĐT",
        newDueAt: NEW_DUE,
        signer: "Nguyễn Văn An",
      }),
    ) as { issueApology: { id: string } };
    apologyId = issued.issueApology.id;
  });
  afterAll(() => server?.close());

  it("refuses to make an apologised case on time or early, naming the apology", async () => {
    const before = await storedCase("AP-1");
    for (const resolvedAt of ["2023-11-10T16:00:00+07:00", "2023-11-08T09:00:00+07:00"]) {
      const response = await upsertCase(server, caseInput("AP-1", "VP", DUE, resolvedAt));
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
      expect(response.errors?.[0].message).toContain("12/PXL-VP");
    }
    expect(await storedCase("AP-1")).toEqual(before);
  });

  it("refuses to move dueAt to or past the apology's newDueAt, naming the apology", async () => {
    for (const dueAt of [NEW_DUE, "2023-11-30T17:00:00+07:00"]) {
      const response = await upsertCase(server, caseInput("AP-1", "VP", dueAt));
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
      expect(response.errors?.[0].message).toMatch(/12\/PXL-VP.*dueAt/);
    }
    expect((await storedCase("AP-1")).dueAt).toBe(new Date(DUE).toISOString());
  });

  it("still accepts an update the apology agrees with (resolved late, due earlier)", async () => {
    const resolvedAt = "2023-11-20T09:00:00+07:00";
    dataOf(await upsertCase(server, caseInput("AP-1", "VP", "2023-11-09T17:00:00+07:00", resolvedAt)));
    expect(await storedCase("AP-1")).toEqual({ dueAt: new Date("2023-11-09T17:00:00+07:00").toISOString(), resolvedAt: new Date(resolvedAt).toISOString() });
  });

  it("refuses a publishedAt before the apology's issuedAt, accepts one at it", async () => {
    const publish = (publishedAt: string) =>
      server.gql<{ publishApology: { publishedAt: string } }>(
        `mutation($id: ID!, $at: DateTime) { publishApology(id: $id, publishedAt: $at) { publishedAt } }`,
        { id: apologyId, at: publishedAt },
      );
    const refused = await publish("2023-11-09T08:59:59.999+07:00");
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0].message).toContain("12/PXL-VP");
    expect(dataOf(await publish("2023-11-09T09:00:00+07:00")).publishApology.publishedAt).toBe(new Date("2023-11-09T09:00:00+07:00").toISOString());
  });

  it("two concurrent writes that contradict each other: one wins, the other is refused, never both", async () => {
    // Each is valid against the case as stored; together they would leave dueAt after newDueAt.
    for (let round = 0; round < 6; round += 1) {
      const code = `RACE-${round}`;
      dataOf(await upsertCase(server, caseInput(code, "VP", DUE)));
      const [moved, apologised] = await Promise.all([
        upsertCase(server, caseInput(code, "VP", "2023-11-30T17:00:00+07:00")),
        issueApology(server, {
          caseCode: code,
          number: `R${round}/PXL`,
          issuedAt: "2023-11-09T09:00:00+07:00",
          reason: "Quá tải",
          newDueAt: NEW_DUE,
          signer: "Nguyễn Văn An",
        }),
      ]);
      const codes = [errorCode(moved) ?? "ok", errorCode(apologised) ?? "ok"].sort();
      expect(codes).toEqual(["BAD_USER_INPUT", "ok"]);
      const stored = dataOf(
        await server.gql<{ case: { dueAt: string; apology: { newDueAt: string } | null } }>(
          `query($c: String!) { case(code: $c) { dueAt apology { newDueAt } } }`,
          { c: code },
        ),
      ).case;
      if (stored.apology) expect(new Date(stored.apology.newDueAt).getTime()).toBeGreaterThan(new Date(stored.dueAt).getTime());
    }
  });
});
