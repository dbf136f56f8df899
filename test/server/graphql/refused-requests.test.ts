import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/**
 * The contract: errors carry UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND or CONFLICT.
 * A value graphql-js refuses before any resolver runs must carry BAD_USER_INPUT whether it was
 * written inline or sent in a variable (it used to be GRAPHQL_VALIDATION_FAILED inline).
 */
describe.each(testDrivers())("requests refused before they run on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  it("answers BAD_USER_INPUT for a first outside 0..500 even when it is not a 32-bit Int, inline or in a variable", async () => {
    expect(errorCode(await server.gql(`{ cases(first: 3000000000) { totalCount } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`query($f: Int) { cases(first: $f) { totalCount } }`, { f: 3000000000 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`{ hpnetTasks(first: 1.5) { totalCount } }`))).toBe("BAD_USER_INPUT");
  });

  it("answers BAD_USER_INPUT for an enum value the contract does not name, inline or in a variable", async () => {
    expect(errorCode(await server.gql(`{ complianceReport(directiveId: "${directiveId}", format: PDF) { fileName } }`))).toBe("BAD_USER_INPUT");
    expect(
      errorCode(await server.gql(`query($f: ReportFormat!) { complianceReport(directiveId: "${directiveId}", format: $f) { fileName } }`, { f: "PDF" })),
    ).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`mutation { upsertUnit(input: { code: "X", name: "X", kind: OFFICE }) { id } }`))).toBe("BAD_USER_INPUT");
  });

  it("answers BAD_USER_INPUT for a missing required argument, an unknown field and a syntax error", async () => {
    expect(errorCode(await server.gql(`{ unit { code } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`{ units { code colour } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`{ units { code `))).toBe("BAD_USER_INPUT");
  });

  it("still refuses a missing token before anything else", async () => {
    expect(errorCode(await server.gql(`{ units { code `, undefined, null))).toBe("UNAUTHENTICATED");
  });
});
