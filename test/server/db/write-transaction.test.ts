import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isGalera } from "../../../server/src/db/galera.js";
import { testDrivers } from "../../support/databases.js";
import { caseInput, issueApology, seedBasics, upsertCase } from "../../support/fixtures.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";

/**
 * Many writes of one existing record at once (db/write-transaction.ts). Each waits for the record's
 * lock, and the one holding it still reads through the request's loaders on another pooled
 * connection: with more writers than the pool has connections, that read once found none and the
 * whole pile waited for MariaDB's 50 s lock wait timeout. At most the pool's size less four writes
 * run at once per process now. (test/cluster/ runs the same on three Galera nodes.)
 */
const WRITERS = 30;

describe.each(testDrivers())("%s: %d writes of one existing record at once", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
    dataOf(await upsertCase(server, caseInput("MANY-1", "VP", "2023-03-01T16:30:00+07:00")));
  });
  afterAll(() => server?.close());

  it(`${WRITERS} issueApology of one case: one apology, the others CONFLICT, within seconds`, async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, n) =>
        issueApology(server, {
          caseCode: "MANY-1",
          number: `XL-${n}`,
          issuedAt: "2023-02-28T08:00:00+07:00",
          reason: "Chậm",
          newDueAt: "2023-03-10T16:30:00+07:00",
          signer: "B",
        }),
      ),
    );
    const codes = answers.map((answer) => errorCode(answer) ?? "ok");
    expect(codes.filter((code) => code === "ok")).toHaveLength(1);
    expect(codes.filter((code) => code === "CONFLICT")).toHaveLength(WRITERS - 1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it(`${WRITERS} upsertCase of one existing case: all succeed`, async () => {
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, n) => upsertCase(server, { ...caseInput("MANY-1", "VP", "2023-03-01T16:30:00+07:00"), procedureName: `Thủ tục ${n}` })),
    );
    expect(answers.map((answer) => errorCode(answer) ?? "ok")).toEqual(answers.map(() => "ok"));
  });

  it("knows a plain server is not a Galera node", async () => {
    expect(await isGalera(server.database.db)).toBe(false);
  });
});
