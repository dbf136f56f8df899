import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/**
 * The contract: "a required string that is empty after trimming is BAD_USER_INPUT". A lookup key is
 * a required String too; only a key that names nothing answers null (or NOT_FOUND in a document query).
 */
describe.each(testDrivers())("empty lookup keys on %s", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  it("answers BAD_USER_INPUT for an empty or blank key, inline or in a variable", async () => {
    expect(errorCode(await server.gql(`{ unit(code: "") { code } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`query($c: String!) { unit(code: $c) { code } }`, { c: " \t " }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`{ case(code: "  ") { code } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`{ hpnetTask(externalId: "") { externalId } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`{ apologyLetter(caseCode: " ") { fileName } }`))).toBe("BAD_USER_INPUT");
  });

  it("still answers null for a key that names nothing, and finds a padded or decomposed key", async () => {
    expect(dataOf(await server.gql(`{ unit(code: "NOPE") { code } case(code: "NOPE") { code } hpnetTask(externalId: "NOPE") { externalId } }`))).toEqual({
      unit: null,
      case: null,
      hpnetTask: null,
    });
    expect(errorCode(await server.gql(`{ apologyLetter(caseCode: "NOPE") { fileName } }`))).toBe("NOT_FOUND");
    expect(dataOf(await server.gql<{ unit: { code: string } }>(`{ unit(code: " VP ") { code } }`)).unit).toEqual({ code: "VP" });
  });
});
