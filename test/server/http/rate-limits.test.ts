import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLogLevel } from "../../../server/src/log.js";
import { ADMIN_TOKEN, dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/** Captures the JSON log lines written while `work` runs. */
async function captureLog(work: () => Promise<void>): Promise<string> {
  const logged: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  setLogLevel("info");
  try {
    await work();
  } finally {
    process.stderr.write = write;
    setLogLevel("silent");
  }
  return logged.join("");
}

describe("failed authentications per client address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { authFailures: 5, authFailureWindowMs: 60_000 });
  });
  afterAll(() => server?.close());

  it("answers 429 with Retry-After after 5 failures, even to a good token, and logs the address but never the token", async () => {
    const log = await captureLog(async () => {
      for (let i = 0; i < 4; i += 1) {
        // A forged X-Forwarded-For does not make a new client: the proxy is not trusted by default.
        const response = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer wrong-token-secret-${i}`, "x-forwarded-for": `203.0.113.${i}` },
          body: JSON.stringify({ query: "{ units { code } }" }),
        });
        expect(response.status).toBe(401);
      }
      const download = await fetch(`${server.url}/documents/apology-letter?caseCode=X`, { headers: { authorization: "Bearer wrong-token-secret-4" } });
      expect(download.status).toBe(401);
    });
    const blocked = await server.gql("{ units { code } }", undefined, ADMIN_TOKEN);
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked)).toBe("UNAUTHENTICATED");
    expect(blocked.errors?.[0].message).toMatch(/Too many failed sign-ins.*try again in \d+ s/);
    const raw = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(raw.headers.get("retry-after"))).toBeLessThanOrEqual(60);

    const lines = log.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const failures = lines.filter((line) => line.message === "authentication failed");
    expect(failures).toHaveLength(5);
    expect(failures[0]).toMatchObject({ level: "warn", address: "127.0.0.1" });
    expect(typeof failures[0].time).toBe("string");
    expect(lines.some((line) => line.message === "address blocked after failed authentications")).toBe(true);
    expect(log).not.toContain("wrong-token-secret");
  });
});

describe("writes and documents per token", () => {
  let server: TestServer;
  let directiveId: string;
  let officerToken: string;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { writesPerToken: 4, writeWindowMs: 60_000 });
  });
  afterAll(() => server?.close());

  it("answers 429 with Retry-After to the token over its limit; reads and other tokens go on", async () => {
    // The admin token's four writes: two units, the directive and an officer token.
    directiveId = await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"], ["KT", "Kế toán", "DEPARTMENT"]]);
    officerToken = dataOf(
      await server.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "vp", role: OFFICER, unitCode: "VP" }) { token } }`),
    ).createApiToken.token;

    const refused = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: `mutation { upsertUnit(input: { code: "X", name: "X", kind: DEPARTMENT }) { id } }` }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(body.errors[0].message).toMatch(/more than 4 writes and document requests in 60 s \(CCHC_WRITE_RATE_LIMIT\)/);
    expect(dataOf(await server.gql<{ units: unknown[] }>("{ units { code } }")).units).toHaveLength(2);

    // Documents count too, through GraphQL and as downloads.
    expect(errorCode(await server.gql(`{ complianceReport(directiveId: "${directiveId}", format: CSV) { fileName } }`))).toBe("FORBIDDEN");
    expect((await fetch(`${server.url}/exports/cases.csv?directiveId=${directiveId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(429);

    // Another token has a counter of its own.
    expect((await server.gql(`{ complianceReport(directiveId: "${directiveId}", format: CSV) { fileName } }`, undefined, officerToken)).errors).toBeUndefined();
    const download = await fetch(`${server.url}/documents/compliance-report?directiveId=${directiveId}&format=CSV`, { headers: { authorization: `Bearer ${officerToken}` } });
    expect(download.status).toBe(200);
  });

  it("counts a document asked for inside an inline fragment or a named fragment as well", async () => {
    // A review wrapped the field in `... on Query { }` and built documents past the limit unrefused.
    const report = `complianceReport(directiveId: "${directiveId}", format: CSV) { fileName }`;
    const shapes = [`{ ... on Query { ${report} } }`, `query { ...R } fragment R on Query { ${report} }`, `{ ... { ... on Query { ${report} } } }`];
    const codes = [];
    for (const shape of [...shapes, ...shapes]) codes.push(errorCode(await server.gql(shape, undefined, officerToken)) ?? "ok");
    // The officer's report and download above counted two: two more are let through, then every shape is refused.
    expect(codes).toEqual(["ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
  });
});
