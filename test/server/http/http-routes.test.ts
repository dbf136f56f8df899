import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";
import { caseInput, seedBasics, upsertCase } from "../../support/fixtures.js";

/** The plain HTTP routes as the app mounts them (each router's own tests cover its details). */
describe("HTTP routes of the app", () => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    directiveId = await seedBasics(server, [["VP", "Văn phòng", "DEPARTMENT"]]);
    await upsertCase(server, caseInput("H-1", "VP", "2023-03-01T16:30:00+07:00"));
  });
  afterAll(() => server?.close());

  const get = (path: string, token: string | null = ADMIN_TOKEN) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("serves the import-format export and the documents behind the bearer token", async () => {
    const csv = await get(`/exports/cases.csv?directiveId=${directiveId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await csv.text()).toContain("H-1");
    expect((await get(`/exports/cases.csv?directiveId=${directiveId}`, null)).status).toBe(401);
    const report = await get(`/documents/compliance-report?directiveId=${directiveId}&format=CSV`);
    expect(report.status).toBe(200);
    expect((await get(`/documents/compliance-report?directiveId=${directiveId}&format=CSV`, null)).status).toBe(401);
  });

  // dist/console comes from `npm run build`, which `npm test` runs first (pretest).
  it("serves the console page itself, without a token", async () => {
    const page = await get("/graphiql", null);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });
});
