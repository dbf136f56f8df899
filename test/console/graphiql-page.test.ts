import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { exampleTabs } from "../../console/example-tabs.mjs";
import { ADMIN_TOKEN, ROOT, consoleUnderTest, watchedPage } from "./console-harness.js";

// GET /graphiql in headless Chromium with the network closed to everything but 127.0.0.1: the console
// loads, takes the token, fetches the schema, and runs a typed query against the real server.
const live = consoleUnderTest();

/** The text of a CodeMirror 5 editor, read from its instance (the DOM holds only the visible lines). */
function editorValue(page: Page, selector: string): Promise<string> {
  return page.$eval(`${selector} .CodeMirror`, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

async function serverAnswer(query: string): Promise<unknown> {
  const response = await fetch(`${live.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe("GET /graphiql", () => {
  it("serves the page with a CSP that keeps every request on this host", async () => {
    const response = await fetch(`${live.base}/graphiql`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(`<script nonce="${nonce}" src="/graphiql/console.js">`);
    expect((await fetch(`${live.base}/graphiql/console.js`)).status).toBe(200);
  });

  it("runs a typed query with the token from the page and shows the server's answer", async () => {
    const { context, page, blocked, problems } = await watchedPage(live.browser);
    const graphqlAuth: (string | undefined)[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql")) graphqlAuth.push(request.headers()["authorization"]);
    });

    await page.goto(`${live.base}/graphiql`);
    await page.waitForSelector(".graphiql-query-editor .CodeMirror");

    // The examples.graphql operations are the first tabs.
    const examples = join(ROOT, "examples.graphql");
    if (existsSync(examples)) {
      const expected = exampleTabs(readFileSync(examples, "utf8"));
      expect(await page.locator(".graphiql-tab").count()).toBe(expected.length);
      expect(await editorValue(page, ".graphiql-query-editor")).toBe(expected[0].query);
    }

    await page.fill("#cchc-token", ADMIN_TOKEN);
    expect(await page.evaluate(() => localStorage.getItem("cchc.console.token"))).toBe(ADMIN_TOKEN);

    // With the token the schema loads: the docs explorer lists the root Query type.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();

    const query = "{ units { code name } }";
    await page.click('[aria-label="New tab"]');
    await page.click(".graphiql-query-editor .CodeMirror");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(query);
    expect((await editorValue(page, ".graphiql-query-editor")).replace(/\s+/g, " ").trim()).toBe(query);
    // GraphiQL 4 copies the editor into its tab state after a short debounce, and its history records
    // the tab state: a person pauses this long anyway before reaching for the run button.
    await page.waitForTimeout(800);
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(() => {
      const editor = document.querySelector(".result-window .CodeMirror") as unknown as { CodeMirror: { getValue(): string } } | null;
      return editor?.CodeMirror.getValue().includes('"units"');
    });

    const shown = JSON.parse(await editorValue(page, ".result-window"));
    expect(shown).toEqual(await serverAnswer(query));
    expect((shown as { data: { units: unknown[] } }).data.units.length).toBeGreaterThan(0);

    // The run is in the history panel.
    await page.click('[aria-label="Show History"]');
    await page.locator(".graphiql-history-item").getByText(query).waitFor();

    // The token reached /graphql as a bearer header, and nothing left the host or broke the CSP.
    expect(graphqlAuth).toContain(`Bearer ${ADMIN_TOKEN}`);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);

    // A reload keeps the token in the field (this page's localStorage), and Forget removes it.
    await page.reload();
    await page.waitForSelector(".graphiql-query-editor .CodeMirror");
    expect(await page.inputValue("#cchc-token")).toBe(ADMIN_TOKEN);
    await page.click("text=Forget");
    expect(await page.evaluate(() => localStorage.getItem("cchc.console.token"))).toBeNull();
    await context.close();
  }, 60_000);
});
