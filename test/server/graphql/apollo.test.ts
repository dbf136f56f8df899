import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../support/test-server.js";

/**
 * Apollo's cache-control plugin is off (it hooked every field of every answer to compute hints
 * this API never gives); the header it used to set is set by server/src/graphql/apollo.ts itself.
 */
describe("GraphQL answers and caches", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(() => server?.close());

  it("says Cache-Control: no-store on answers with data, with a field error and with a refused query", async () => {
    const answers = [
      await server.gqlRaw("{ units { code } latestDirective { id } }"),
      await server.gqlRaw(`{ unit(code: "NO-SUCH-UNIT") { code } }`),
      await server.gqlRaw("{ noSuchField }"),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 400]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});
