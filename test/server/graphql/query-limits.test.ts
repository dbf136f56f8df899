import { readFileSync } from "node:fs";
import { getIntrospectionQuery, Kind, parse, print, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as extensionOperations from "../../../extension/src/api/operations.js";
import { DEFAULT_LIMITS } from "../../../server/src/config.js";
import { testDrivers } from "../../support/databases.js";
import { ADMIN_TOKEN, dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/** Query limits (cost, depth, aliases) refuse before any resolver runs, and let every shipped operation through. */
describe.each(testDrivers())("query limits on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;
  let viewerToken: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
    const created = dataOf(
      await server.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "viewer", role: VIEWER }) { token } }`),
    );
    viewerToken = created.createApiToken.token;
  });
  afterAll(() => server?.close());

  const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join("\n");

  it("refuses a VIEWER's 300 aliases of apologyLetters { contentBase64 } at once, naming the limit", async () => {
    const started = Date.now();
    const response = await server.gql(`{ ${aliases(300, `apologyLetters(directiveId: "${directiveId}") { contentBase64 }`)} }`, undefined, viewerToken);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(/alias.*limit of 30.*CCHC_MAX_ALIASES/i);
    expect(response.data).toBeUndefined();
  });

  it("refuses ten documents in one query by their cost, before any SQL runs", async () => {
    const before = server.statements();
    const response = await server.gql(`{ ${aliases(10, `apologyLetters(directiveId: "${directiveId}") { fileName contentBase64 }`)} }`);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(/costs 20020, more than the limit of 20000 \(CCHC_MAX_QUERY_COST\)/);
    expect(server.statements() - before).toBe(0);
    // Nine of them are within the limit.
    const nine = await server.gql(`{ ${aliases(9, `apologyLetters(directiveId: "${directiveId}") { fileName }`)} }`);
    expect(nine.errors).toBeUndefined();
  });

  it("multiplies a page's fields by first, taken from a variable too", async () => {
    const page = `query($first: Int) { cases(first: $first) { edges { node { code procedureName dueAt resolvedAt timeliness workingDaysLate unit { code name } apology { number issuedAt reason newDueAt signer publishedAt } } } } }`;
    expect((await server.gql(page, { first: 500 })).errors).toBeUndefined();
    const thrice = `{ c: cases(first: 500) { edges { node { code procedureName dueAt resolvedAt timeliness workingDaysLate unit { code name } apology { number issuedAt reason newDueAt signer publishedAt } } } }
      a: cases(first: 500) { edges { node { code procedureName dueAt resolvedAt timeliness workingDaysLate unit { code name } apology { number issuedAt reason newDueAt signer publishedAt } } } }
      b: cases(first: 500) { edges { node { code procedureName dueAt resolvedAt timeliness workingDaysLate unit { code name } apology { number issuedAt reason newDueAt signer publishedAt } } } } }`;
    const refused = await server.gql(thrice);
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0].message).toMatch(/CCHC_MAX_QUERY_COST/);
  });

  it("costs each request of the same text alike: the operation it names, and the variables it sends", async () => {
    const node = `edges { node { code procedureName dueAt resolvedAt timeliness workingDaysLate unit { code name } apology { number issuedAt reason newDueAt signer publishedAt } } }`;
    // One document, two operations: the cheap one passes and the dear one is refused, in any order, every time.
    const two = `query Cheap { cases(first: 1) { ${node} } } query Dear { a: cases(first: 500) { ${node} } b: cases(first: 500) { ${node} } c: cases(first: 500) { ${node} } }`;
    const named = async (operationName: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ query: two, operationName }),
      });
      return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
    };
    for (let round = 0; round < 2; round += 1) {
      expect((await named("Cheap")).errors).toBeUndefined();
      const refused = await named("Dear");
      expect(errorCode(refused)).toBe("BAD_USER_INPUT");
      expect(refused.errors?.[0].message).toMatch(/CCHC_MAX_QUERY_COST/);
    }
    // A document with a variable is costed with the request's value, whatever an earlier request sent.
    const page = `query($first: Int) { a: cases(first: $first) { ${node} } b: cases(first: $first) { ${node} } c: cases(first: $first) { ${node} } }`;
    expect((await server.gql(page, { first: 1 })).errors).toBeUndefined();
    expect(errorCode(await server.gql(page, { first: 500 }))).toBe("BAD_USER_INPUT");
    expect((await server.gql(page, { first: 1 })).errors).toBeUndefined();
  });

  it("refuses a query nested deeper than the depth limit, fragments included", async () => {
    let selection = "code";
    for (let level = 0; level < 6; level += 1) selection = `apology { case { ${selection} } }`;
    const response = await server.gql(`{ cases(first: 1) { edges { node { ...Deep } } } } fragment Deep on Case { ${selection} }`);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(/depth limit of 12 exceeded, found 16 \(CCHC_MAX_QUERY_DEPTH\)/);
  });

  it("lets the GraphiQL console's introspection through", async () => {
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true });
    const response = await server.gql<{ __schema: { types: unknown[] } }>(query, undefined, viewerToken);
    expect(dataOf(response).__schema.types.length).toBeGreaterThan(20);
  });

  /** Every operation a person or the extension sends, at the largest page, meets no limit. */
  const shipped: { name: string; document: string }[] = [];
  for (const definition of parse(readFileSync("examples.graphql", "utf8")).definitions as OperationDefinitionNode[]) {
    shipped.push({ name: `examples.graphql ${definition.name?.value}`, document: print(definition) });
  }
  const strings = (value: unknown): string[] =>
    typeof value === "string" ? [value] : typeof value === "object" && value ? Object.values(value).flatMap(strings) : [];
  for (const [name, value] of Object.entries(extensionOperations)) {
    strings(value)
      .filter((text) => /^\s*(query|mutation)\b/.test(text))
      .forEach((document, index) => shipped.push({ name: `operations.ts ${name} ${index}`, document }));
  }

  it("lets every operation of examples.graphql and the extension's operations.ts through", { timeout: 120_000 }, async () => {
    expect(shipped.length).toBeGreaterThan(20);
    const sample: Record<string, unknown> = { ID: directiveId, String: "x", ReportFormat: "XLSX", Int: 500, DateTime: "2023-11-14T16:30:00+07:00" };
    for (const operation of shipped) {
      const definition = parse(operation.document).definitions[0] as OperationDefinitionNode;
      const variables = Object.fromEntries(
        (definition.variableDefinitions ?? []).map((variable) => {
          const type = variable.type.kind === Kind.NON_NULL_TYPE ? variable.type.type : variable.type;
          return [variable.variable.name.value, type.kind === Kind.NAMED_TYPE ? sample[type.name.value] : undefined];
        }),
      );
      // As a VIEWER: the limits come first, then the resolvers refuse the writes (FORBIDDEN), so nothing is written.
      const response = await server.gql(operation.document, variables, viewerToken);
      expect(JSON.stringify(response.errors ?? []), operation.name).not.toMatch(/CCHC_MAX_/);
      expect(response.status, operation.name).toBeLessThan(500);
    }
  });

  it("uses defaults that are the README's", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxQueryCost: 20_000, maxQueryDepth: 12, maxAliases: 30, maxQueryLength: 1_000_000, maxQueryTokens: 10_000 });
  });
});
