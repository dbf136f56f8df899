import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { ADMIN_TOKEN, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
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

  it("answers BAD_USER_INPUT for a moment past year 9999 in UTC, inline or in a variable, and stores nothing", async () => {
    // "…-23:59" on the last representable moment is year 10000 in UTC: SQLite stored it as year 0,
    // MariaDB answered INTERNAL_SERVER_ERROR.
    const input = (dueAt: string) => ({ code: "Y10K", procedureName: "P", applicantName: "A", unitCode: "VP", receivedAt: "2023-11-01T08:00:00+07:00", dueAt });
    const upsert = `mutation($input: CaseInput!) { upsertCase(input: $input) { code dueAt } }`;
    const refused = await server.gql(upsert, { input: input("9999-12-31T23:59:59.999-23:59") });
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0].message).toMatch(/between the years 1000 and 9999 in UTC.*\+010000-01-01/);
    expect(errorCode(await server.gql(`{ units { compliance(asOf: "0999-12-31T23:00:00Z") { rate } } }`))).toBe("BAD_USER_INPUT");
    expect((await server.gql<{ case: null }>(`{ case(code: "Y10K") { code } }`)).data?.case).toBeNull();
    // The last moment of year 9999 in UTC is still a moment.
    expect((await server.gql(upsert, { input: input("9999-12-31T23:59:59.999Z") })).data).toEqual({ upsertCase: { code: "Y10K", dueAt: "9999-12-31T23:59:59.999Z" } });
  });

  it("answers BAD_USER_INPUT, not an internal error, for a subscription, a persisted query's wrong hash and a progress past the calendar", async () => {
    const subscription = await server.gql(`subscription { units { code } }`);
    expect(subscription.status).toBe(400);
    expect(errorCode(subscription)).toBe("BAD_USER_INPUT");
    expect(subscription.errors?.[0].message).toMatch(/no subscriptions/);
    const persisted = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } }),
    });
    expect(persisted.status).toBe(400);
    expect(((await persisted.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const progress = await server.gql(`{ directive(id: "${directiveId}") { progress(from: "9999-12-30", until: "9999-12-31") { day } } }`);
    expect(errorCode(progress)).toBe("BAD_USER_INPUT");
    expect(progress.errors?.[0].message).toMatch(/from 1900-01-01 to 2999-12-31; got 9999-12-30/);
  });

  it("still refuses a missing token before anything else", async () => {
    expect(errorCode(await server.gql(`{ units { code `, undefined, null))).toBe("UNAUTHENTICATED");
  });
});
