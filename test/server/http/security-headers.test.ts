import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";

/** Security headers on every response; the console's page only through its route, with its own CSP. */
describe("security headers", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite");
  });
  afterAll(() => server?.close());

  const get = (path: string, token: string | null = ADMIN_TOKEN) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("sends nosniff, no framing and no referrer on every kind of response", async () => {
    const responses = [
      await get("/health", null),
      await server.gqlRaw("{ units { code } }"),
      await server.gqlRaw("{ units { code } }", null),
      await get("/documents/apology-letter?caseCode=NONE"),
      await get("/exports/cases.csv", null),
      await get("/nothing-here", null),
      await get("/graphiql/console.js", null),
    ];
    for (const response of responses) {
      expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), response.url).toBe("DENY");
      expect(response.headers.get("referrer-policy"), response.url).toBe("no-referrer");
      expect(response.headers.get("content-security-policy"), response.url).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-powered-by"), response.url).toBeNull();
    }
    expect(responses[0].headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  // dist/console comes from `npm run build`, which `npm test` runs first (pretest).
  it("keeps the console page's own CSP with its nonce, and never serves the page as a file", async () => {
    const page = await get("/graphiql", null);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    expect(csp).toContain("connect-src 'self'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    // Percent-encoded as well: express.static decodes the path after the check saw it (a review read the raw page so).
    for (const path of ["/graphiql/index.html", "/graphiql/INDEX.HTML", "/graphiql//index.html", "/graphiql/index%2ehtml", "/graphiql/index.htm%6c", "/graphiql/index%2EHTML", "/graphiql/%E0%A4%A"]) {
      const file = await get(path, null);
      expect(file.status, path).toBe(404);
      expect(await file.text(), path).not.toContain("{{nonce}}");
    }
  });
});
