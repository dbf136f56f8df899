import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exceedsJsonStructure, MAX_JSON_STRUCTURE } from "../../../server/src/http/graphql-body-shape.js";
import { ADMIN_TOKEN, dataOf, startTestServer, type TestServer } from "../../support/test-server.js";

/**
 * What a /graphql body may hold besides its size (README "Limits"): a review sent 83 MB of three
 * million `query qN{__typename}` operations (or 141 KB of gzip that inflates to them), and the
 * server parsed for 40 s, holding every other request, until V8 ran out of heap and the process
 * died. Each shape below must be refused within seconds, with the limit's name, while another
 * request is answered.
 */
describe("the shape of a /graphql body", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(() => server?.close());

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
      body,
    });

  /** Sends the body and, while it is handled, asks `{ __typename }` every 50 ms; answers the refusal and the slowest probe. */
  async function refusedWhileOthersAnswered(body: string | Buffer, headers: Record<string, string> = {}) {
    let done = false;
    let slowestProbeMs = 0;
    const probes = (async () => {
      while (!done) {
        const started = Date.now();
        dataOf(await server.gql("{ __typename }"));
        slowestProbeMs = Math.max(slowestProbeMs, Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = Date.now();
    const response = await post(body, headers);
    const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    const elapsedMs = Date.now() - started;
    done = true;
    await probes;
    return { status: response.status, error: answer.errors[0], elapsedMs, slowestProbeMs };
  }

  it("refuses the review's 83 MB of three million operations by the query's length, at once", { timeout: 60_000 }, async () => {
    const operations = Array.from({ length: 3_000_000 }, (_, i) => `query q${i}{__typename}`).join("\n");
    const refused = await refusedWhileOthersAnswered(JSON.stringify({ query: operations, operationName: "q1" }));
    expect(refused.status).toBe(413);
    expect(refused.error.extensions.code).toBe("BAD_USER_INPUT");
    expect(refused.error.message).toMatch(/more than the limit of 1,000,000 \(CCHC_MAX_QUERY_LENGTH\).*as a variable/);
    expect(refused.elapsedMs).toBeLessThan(10_000);
    expect(refused.slowestProbeMs).toBeLessThan(5_000);
  });

  it("refuses the same operations sent as 141 KB of gzip that inflate to 73 MB", { timeout: 60_000 }, async () => {
    const operations = Array.from({ length: 2_600_000 }, () => "{__typename}").join("\n");
    const body = gzipSync(Buffer.from(JSON.stringify({ query: operations })));
    expect(body.length).toBeLessThan(1024 * 1024);
    const refused = await refusedWhileOthersAnswered(body, { "content-encoding": "gzip" });
    expect(refused.status).toBe(413);
    expect(refused.error.message).toMatch(/CCHC_MAX_QUERY_LENGTH/);
  });

  it("refuses a query within the length but past the token limit, and a megabyte of comments by the length", async () => {
    const operations = Array.from({ length: 40_000 }, (_, i) => `query q${i}{__typename}`).join("\n");
    expect(operations.length).toBeLessThan(1_000_000);
    const tooManyTokens = await refusedWhileOthersAnswered(JSON.stringify({ query: operations, operationName: "q1" }));
    expect(tooManyTokens.status).toBe(400);
    expect(tooManyTokens.error.extensions.code).toBe("BAD_USER_INPUT");
    expect(tooManyTokens.error.message).toMatch(/more than 10,000 tokens, the limit \(CCHC_MAX_QUERY_TOKENS\)/);
    // Comments are not tokens to graphql-js: 60 MB of them took 12 s and 3 GB to parse.
    const comments = await refusedWhileOthersAnswered(JSON.stringify({ query: `${"#\n".repeat(600_000)}{ __typename }` }));
    expect(comments.status).toBe(413);
    expect(comments.error.message).toMatch(/CCHC_MAX_QUERY_LENGTH/);
  });

  it("refuses a body of a million JSON members before JSON.parse, while an import's CSV string passes", { timeout: 60_000 }, async () => {
    const members = `{"query":"{ __typename }","variables":{${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":[0]`).join(",")}}}`;
    const refused = await refusedWhileOthersAnswered(members);
    expect(refused.status).toBe(400);
    expect(refused.error.extensions.code).toBe("BAD_USER_INPUT");
    expect(refused.error.message).toMatch(/more than 10,000 JSON objects, arrays and members.*one string variable/);
    expect(refused.elapsedMs).toBeLessThan(5_000);
    // 20 MB of CSV text in one variable, commas, quotes and backslashes included, is one JSON value.
    const row = 'X-1,"Cấp phép, ""gấp""",Nguyễn Văn A\\B,VP,01/11/2023,17/11/2023\n';
    const csv = `code,procedure_name,applicant_name,unit_code,received_at,due_at\n${row.repeat(300_000)}`;
    const body = JSON.stringify({ query: "mutation($csv: String!) { importCases(csv: $csv) { errorCount } }", variables: { csv } });
    expect(exceedsJsonStructure(Buffer.from(body), MAX_JSON_STRUCTURE)).toBe(false);
  });

  it("counts only what stands outside strings, escaped quotes and backslashes included", () => {
    const count = (json: string, max: number) => exceedsJsonStructure(Buffer.from(json), max);
    expect(count(`{"a":[1,2,3]}`, 4)).toBe(false); // { [ , ,
    expect(count(`{"a":[1,2,3,4]}`, 4)).toBe(true);
    expect(count(JSON.stringify({ q: '{[,,,,,\\"{[,,' }), 1)).toBe(false);
    expect(count(JSON.stringify({ q: "\\", r: [1, 2] }), 3)).toBe(true); // { , [ , : a string ending in a backslash closes there
    expect(count(`{"unterminated: [,,,,`, 1)).toBe(false); // left to JSON.parse, which refuses it
  });
});
